package emulator

import (
	"strconv"
)

// NatGateway is a NAT gateway (legacy API). Its state is PENDING while
// its order is produced (the gateway is not listed until then), MODIFYING
// while a change (EIPs, an upgrade) is made and DELETING while it is
// deleted, each for the task delay; the pages show it as productionStatus.
type NatGateway struct {
	base
	transit
	VpcID         string   `json:"vpcId"`
	Name          string   `json:"name"`
	MaxConcurrent int      `json:"maxConcurrent"`
	Bandwidth     int      `json:"bandwidth"`
	EIPs          []string `json:"eips"` // EIP IDs, in binding order
	// Upgrade is the maxConcurrent an upgrade under way moves to.
	Upgrade int `json:"upgrade,omitempty"`
}

// productionStatus is the pages' number for the state.
func (g *NatGateway) productionStatus() int {
	switch g.state() {
	case statePending:
		return 0
	case stateModifying:
		return 3
	case stateDeleting:
		return 5
	}
	return 1
}

// The documented NAT gateway limits.
const (
	natPerVpc   = 3
	natEIPLimit = 10
)

var nats = &kind[*NatGateway]{
	noun: "NAT gateway", prefix: "nat-", rows: func(s *Store) *table[*NatGateway] { return &s.NatGateways },
	legacyCode: "InvalidNatGatewayId", vpcParam: "vpcId",
	hidden: func(g *NatGateway) bool { return g.state() == statePending },
	states: func(g *NatGateway) *transit { return &g.transit },
	// A deleted gateway's EIPs are unbound, and routes through it go.
	drop: func(st *Store, g *NatGateway) {
		for _, id := range g.EIPs {
			if a := st.EIPs.get(id); a != nil && a.InstanceID == g.ID {
				a.InstanceID = ""
			}
		}
		st.NatGateways.del(g.ID)
		st.dropRoutesTo("NAT", g.ID)
	},
	settled: func(_ *Store, g *NatGateway) {
		if g.Upgrade != 0 {
			g.MaxConcurrent, g.Upgrade = g.Upgrade, 0
		}
	},
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
	h["legacy/UpgradeNatGateway"] = natChange(stateModifying, "be upgraded", upgradeNat)
	h["legacy/DeleteNatGateway"] = natChange(stateDeleting, "be deleted", nil)
	h["legacy/EipBindNatGateway"] = natChange(stateModifying, "bind EIPs", bindNat)
	h["legacy/EipUnBindNatGateway"] = natChange(stateModifying, "unbind EIPs", unbindNat)
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
	g := &NatGateway{base: st.newBase(c, "nat-"), VpcID: v.ID, Name: c.str("natName"), MaxConcurrent: size, Bandwidth: bw}
	g.enter(c, statePending)
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
		"createTime": g.created(), "productionStatus": g.productionStatus(),
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
// with the gateway in state until it is done. A change while another is
// under way is refused with the common code: the pages list none.
func natChange(state, what string, change func(c *call, st *Store, g *NatGateway) (map[string]any, *apiError)) handler {
	return func(c *call, st *Store) (map[string]any, *apiError) {
		g, err := nats.find(c, st, "natId")
		if err == nil {
			err = nats.ready(c, g, what)
		}
		if err != nil {
			return nil, err
		}
		var out map[string]any
		if change == nil {
			out = taskReply(st.newTask(c, "vpc", g.ID))
		} else if out, err = change(c, st, g); err != nil {
			return nil, err
		}
		g.enter(c, state)
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
