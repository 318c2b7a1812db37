package emulator

import (
	"strconv"
	"time"
)

// NatGateway is a NAT gateway (legacy API). Status is the pages'
// productionStatus: 0 while its order is produced (the gateway is not
// listed until then), 1 ready, 3 while a change (EIPs, an upgrade) is
// made, 5 while it is deleted; each lasts the task delay.
type NatGateway struct {
	base
	VpcID         string    `json:"vpcId"`
	Name          string    `json:"name"`
	MaxConcurrent int       `json:"maxConcurrent"`
	Bandwidth     int       `json:"bandwidth"`
	EIPs          []string  `json:"eips"` // EIP IDs, in binding order
	Status        int       `json:"status"`
	Until         time.Time `json:"until,omitzero"`
	// Upgrade is the maxConcurrent an upgrade under way moves to.
	Upgrade int `json:"upgrade,omitempty"`
}

const (
	natProducing = 0
	natReady     = 1
	natChanging  = 3
	natDeleting  = 5
)

// The documented NAT gateway limits.
const (
	natPerVpc   = 3
	natEIPLimit = 10
)

var nats = &kind[*NatGateway]{
	noun: "NAT gateway", prefix: "nat-", rows: func(s *Store) *table[*NatGateway] { return &s.NatGateways },
	legacyCode: "InvalidNatGatewayId", vpcParam: "vpcId",
	hidden: func(g *NatGateway) bool { return g.Status == natProducing },
	legacy: &legacyList[*NatGateway]{
		max: 50, orderBy: []string{"natId"}, id: "natId", parent: "vpcId", unsorted: true, strict: true,
		substr: []attr[*NatGateway]{{"natName", func(g *NatGateway) string { return g.Name }}},
		row:    legacyNatRow,
	},
}

func registerNat(h map[string]handler) {
	h["legacy/CreateNatGateway"] = legacyCreateNatGateway
	h["legacy/DescribeNatGateway"] = nats.describeLegacy
	h["legacy/ModifyNatGateway"] = legacyModifyNatGateway
	h["legacy/UpgradeNatGateway"] = natChange(natChanging, upgradeNat)
	h["legacy/DeleteNatGateway"] = natChange(natDeleting, nil)
	h["legacy/EipBindNatGateway"] = natChange(natChanging, bindNat)
	h["legacy/EipUnBindNatGateway"] = natChange(natChanging, unbindNat)
}

func (st *Store) settleNat(now time.Time) {
	for id, g := range st.NatGateways.byID {
		if g.Until.IsZero() || now.Before(g.Until) {
			continue
		}
		g.Until = time.Time{}
		st.dirty = true
		switch g.Status {
		case natDeleting:
			for _, a := range st.EIPs.byID {
				if a.InstanceID == id {
					a.InstanceID = ""
				}
			}
			st.NatGateways.del(id)
			st.dropRoutesTo("NAT", id)
		case natChanging:
			if g.Upgrade != 0 {
				g.MaxConcurrent, g.Upgrade = g.Upgrade, 0
			}
			g.Status = natReady
		default:
			g.Status = natReady
		}
	}
}

// eipByAddress finds an EIP by its address, or by its ID.
func (st *Store) eipByAddress(s string) *EIP {
	if a := st.EIPs.get(s); a != nil {
		return a
	}
	for _, a := range st.EIPs.byID {
		if a.IP == s {
			return a
		}
	}
	return nil
}

// natEIPs reads assignedEipSet and autoAllocEipNum: the unbound EIPs to
// bind and how many new ones to allocate to a gateway holding have. The
// NAT pages document no code for an EIP that cannot be bound; the common
// codes name it.
func natEIPs(c *call, st *Store, have int) ([]*EIP, int, *apiError) {
	var eips []*EIP
	for _, s := range c.strs("assignedEipSet") {
		a := st.eipByAddress(s)
		if a == nil {
			return nil, 0, lerrf(5000, "ResourceNotFound", "No EIP has the address %s.", s)
		}
		if a.status() == "BIND" {
			return nil, 0, lerrf(5100, "ResourceInUse", "The EIP %s (%s) is bound already.", a.ID, a.IP)
		}
		for _, x := range eips {
			if x == a {
				return nil, 0, c.invalid("assignedEipSet", "%s is given twice", s)
			}
		}
		eips = append(eips, a)
	}
	auto, err := c.intParam("autoAllocEipNum", 0)
	if err != nil {
		return nil, 0, err
	}
	if len(eips) == 0 && auto == 0 {
		return nil, 0, c.missing("assignedEipSet")
	}
	if have+len(eips)+auto > natEIPLimit {
		return nil, 0, c.invalid("assignedEipSet", "a NAT gateway holds at most %d EIPs; this one would have %d", natEIPLimit, have+len(eips)+auto)
	}
	if st.EIPs.len()+auto > eipQuota {
		return nil, 0, lerrf(5100, "LimitExceeded", "The account may hold %d EIPs; it has %d.", eipQuota, st.EIPs.len())
	}
	return eips, auto, nil
}

// bindEIPs binds the given EIPs and auto new ones to a gateway.
func (st *Store) bindEIPs(c *call, g *NatGateway, eips []*EIP, auto int) {
	for range auto {
		a := &EIP{base: st.newBase(c, "eip-"), IP: c.publicIP()}
		st.EIPs.put(a)
		eips = append(eips, a)
	}
	for _, a := range eips {
		a.InstanceID = g.ID
		g.EIPs = append(g.EIPs, a.ID)
	}
}

// legacyCreateNatGateway orders a gateway; the model has checked the
// name, the size and the bandwidth.
func legacyCreateNatGateway(c *call, st *Store) (map[string]any, *apiError) {
	v, err := vpcs.find(c, st, "vpcId")
	if err != nil {
		return nil, err
	}
	if n := len(st.NatGateways.under(v.ID)); n >= natPerVpc {
		return nil, lerrf(5100, "NatGatewayLimitExceeded", "The VPC %s has %d NAT gateways, the most it may have.", v.ID, n)
	}
	eips, auto, err := natEIPs(c, st, 0)
	if err != nil {
		return nil, err
	}
	size, _ := c.intParam("maxConcurrent", 0)
	bw, _ := c.intParam("bandwidth", 100)
	g := &NatGateway{base: st.newBase(c, "nat-"), VpcID: v.ID, Name: c.str("natName"), MaxConcurrent: size, Bandwidth: bw, Status: natProducing, Until: c.transitionUntil()}
	st.bindEIPs(c, g, eips, auto)
	st.NatGateways.put(g)
	t := st.newTask(c, "nat", g.ID)
	return map[string]any{"billId": strconv.FormatInt(t.ID, 10)}, nil
}

func legacyNatRow(st *Store, g *NatGateway) map[string]any {
	ips := make([]string, 0, len(g.EIPs))
	for _, id := range g.EIPs {
		if a := st.EIPs.get(id); a != nil {
			ips = append(ips, a.IP)
		}
	}
	row := map[string]any{
		"appId": accountAppID, "natId": g.ID, "vpcId": g.VpcID, "natName": g.Name, "state": 0,
		"maxConcurrent": g.MaxConcurrent, "bandwidth": g.Bandwidth, "eipCount": len(ips), "eipSet": ips,
		"createTime": g.created(), "productionStatus": g.Status,
	}
	if v := st.VPCs.get(g.VpcID); v != nil {
		row["vpcName"] = v.Name
	}
	return row
}

func legacyModifyNatGateway(c *call, st *Store) (map[string]any, *apiError) {
	g, err := nats.find(c, st, "natId")
	if err != nil {
		return nil, err
	}
	if c.has("natName") {
		g.Name = c.str("natName")
	}
	g.Bandwidth, _ = c.intParam("bandwidth", g.Bandwidth)
	st.dirty = true
	return nil, nil
}

// natChange is a change to a ready gateway that takes the task delay,
// with the gateway in status until it is done. A change while another is
// under way is refused; the pages document no code for it, so the common
// one names it.
func natChange(status int, change func(c *call, st *Store, g *NatGateway) (map[string]any, *apiError)) handler {
	return func(c *call, st *Store) (map[string]any, *apiError) {
		g, err := nats.find(c, st, "natId")
		if err != nil {
			return nil, err
		}
		if g.Status != natReady {
			return nil, lerrf(5100, "UnsupportedOperation", "The NAT gateway %s is busy (productionStatus %d); wait until its task has finished.", g.ID, g.Status)
		}
		var out map[string]any
		if change == nil {
			out = taskReply(st.newTask(c, "vpc", g.ID))
		} else if out, err = change(c, st, g); err != nil {
			return nil, err
		}
		g.Status, g.Until = status, c.transitionUntil()
		st.dirty = true
		return out, nil
	}
}

// upgradeNat changes the size when its order is done.
func upgradeNat(c *call, st *Store, g *NatGateway) (map[string]any, *apiError) {
	size, _ := c.intParam("maxConcurrent", 0)
	if size == g.MaxConcurrent {
		return nil, c.invalid("maxConcurrent", "the gateway is of that size already")
	}
	g.Upgrade = size
	return map[string]any{"billId": strconv.FormatInt(st.newTask(c, "nat", g.ID).ID, 10)}, nil
}

func bindNat(c *call, st *Store, g *NatGateway) (map[string]any, *apiError) {
	eips, auto, err := natEIPs(c, st, len(g.EIPs))
	if err != nil {
		return nil, err
	}
	st.bindEIPs(c, g, eips, auto)
	return taskReply(st.newTask(c, "vpc", g.ID)), nil
}

func unbindNat(c *call, st *Store, g *NatGateway) (map[string]any, *apiError) {
	var drop []string
	for _, s := range c.strs("assignedEipSet") {
		a := st.eipByAddress(s)
		if a == nil || !contains(g.EIPs, a.ID) {
			return nil, lerrf(5000, "ResourceNotFound", "The EIP %s is not bound to the NAT gateway %s.", s, g.ID)
		}
		drop = append(drop, a.ID)
	}
	var kept []string
	for _, id := range g.EIPs {
		if !contains(drop, id) {
			kept = append(kept, id)
		}
	}
	if len(kept) == 0 {
		return nil, lerrf(5100, "NatGatewayEipNotEmpty", "A NAT gateway keeps one EIP at least; %s would have none.", g.ID)
	}
	for _, id := range drop {
		st.EIPs.get(id).InstanceID = ""
	}
	g.EIPs = kept
	return taskReply(st.newTask(c, "vpc", g.ID)), nil
}
