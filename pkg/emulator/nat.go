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

// The documented NAT gateway sizes and limits.
var natSizes = map[int]bool{1000000: true, 3000000: true, 10000000: true}

const (
	natPerVpc   = 3
	natEIPLimit = 10
)

func registerNat(h map[string]handler) {
	h["legacy/CreateNatGateway"] = legacyCreateNatGateway
	h["legacy/DescribeNatGateway"] = legacyDescribeNatGateway
	h["legacy/ModifyNatGateway"] = legacyModifyNatGateway
	h["legacy/UpgradeNatGateway"] = legacyUpgradeNatGateway
	h["legacy/DeleteNatGateway"] = legacyDeleteNatGateway
	h["legacy/EipBindNatGateway"] = legacyEipBindNatGateway
	h["legacy/EipUnBindNatGateway"] = legacyEipUnBindNatGateway
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
// bind and how many new ones to allocate. The NAT pages document no code
// for an EIP that cannot be bound; the common codes name it.
func natEIPs(c *call, st *Store, maxAuto int) ([]*EIP, int, *apiError) {
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
	if auto < 0 || auto > maxAuto {
		return nil, 0, c.invalid("autoAllocEipNum", "must be between 0 and %d", maxAuto)
	}
	if len(eips) == 0 && auto == 0 {
		return nil, 0, c.missing("assignedEipSet")
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

func natSize(c *call) (int, *apiError) {
	n, err := c.intParam("maxConcurrent", 0)
	if err != nil {
		return 0, err
	}
	if !natSizes[n] {
		return 0, c.invalid("maxConcurrent", "must be 1000000, 3000000 or 10000000")
	}
	return n, nil
}

func legacyCreateNatGateway(c *call, st *Store) (map[string]any, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, err
	}
	name := c.str("natName")
	if !nameOK(name) {
		return nil, lerrf(4000, "InvalidNatGatewayName", "The NAT gateway name must be 1 to 60 characters.")
	}
	size, err := natSize(c)
	if err != nil {
		return nil, err
	}
	bw, err := c.intParam("bandwidth", 100)
	if err != nil {
		return nil, err
	}
	if bw < 1 {
		return nil, c.invalid("bandwidth", "must be at least 1 Mbps")
	}
	n := 0
	for _, g := range st.NatGateways.byID {
		if g.VpcID == v.ID {
			n++
		}
	}
	if n >= natPerVpc {
		return nil, lerrf(5100, "NatGatewayLimitExceeded", "The VPC %s has %d NAT gateways, the most it may have.", v.ID, n)
	}
	eips, auto, err := natEIPs(c, st, natEIPLimit)
	if err != nil {
		return nil, err
	}
	if len(eips)+auto > natEIPLimit {
		return nil, c.invalid("assignedEipSet", "a NAT gateway holds at most %d EIPs", natEIPLimit)
	}
	g := &NatGateway{base: st.newBase(c, "nat-"), VpcID: v.ID, Name: name, MaxConcurrent: size, Bandwidth: bw, Status: natProducing, Until: c.transitionUntil()}
	st.bindEIPs(c, g, eips, auto)
	st.NatGateways.put(g)
	t := st.newTask(c, "nat", g.ID)
	return map[string]any{"billId": strconv.FormatInt(t.ID, 10)}, nil
}

// legacyNat finds a listed (produced) gateway of the call's VPC.
func legacyNat(c *call, st *Store) (*NatGateway, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, err
	}
	id := c.str("natId")
	g := st.NatGateways.get(id)
	if g == nil || g.VpcID != v.ID || g.Status == natProducing {
		return nil, lerrf(5000, "InvalidNatGatewayId.NotFound", "The NAT gateway %s does not exist in VPC %s.", id, v.ID)
	}
	return g, nil
}

// natReadyCheck refuses a change while another is under way; the pages
// document no code for it, so the common state code names it.
func natReadyCheck(g *NatGateway) *apiError {
	if g.Status != natReady {
		return lerrf(5100, "UnsupportedOperation.InvalidState", "The NAT gateway %s is busy (productionStatus %d); wait until its task has finished.", g.ID, g.Status)
	}
	return nil
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

func legacyDescribeNatGateway(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.legacyPage(50, "natId")
	if err != nil {
		return nil, err
	}
	q.unsortedByDefault(c)
	vpcID, id, name := c.str("vpcId"), c.str("natId"), c.str("natName")
	if vpcID != "" && st.VPCs.get(vpcID) == nil {
		return nil, lerrf(5000, "InvalidVpc.NotFound", "The VPC %s does not exist.", vpcID)
	}
	var rows []map[string]any
	for _, g := range st.NatGateways.all() {
		if g.Status != natProducing && (vpcID == "" || g.VpcID == vpcID) && (id == "" || g.ID == id) && fuzzy(g.Name, name) {
			rows = append(rows, legacyNatRow(st, g))
		}
	}
	if id != "" && len(rows) == 0 {
		return nil, lerrf(5000, "InvalidNatGatewayId.NotFound", "The NAT gateway %s does not exist.", id)
	}
	return map[string]any{"totalCount": len(rows), "data": rowsAny(q.apply(rows))}, nil
}

func legacyModifyNatGateway(c *call, st *Store) (map[string]any, *apiError) {
	g, err := legacyNat(c, st)
	if err != nil {
		return nil, err
	}
	if c.has("natName") && !nameOK(c.str("natName")) {
		return nil, lerrf(4000, "InvalidNatGatewayName", "The NAT gateway name must be 1 to 60 characters.")
	}
	bw, err := c.intParam("bandwidth", g.Bandwidth)
	if err != nil {
		return nil, err
	}
	if bw < 1 {
		return nil, c.invalid("bandwidth", "must be at least 1 Mbps")
	}
	if c.has("natName") {
		g.Name = c.str("natName")
	}
	g.Bandwidth = bw
	st.dirty = true
	return nil, nil
}

// legacyUpgradeNatGateway changes the size when its order is done.
func legacyUpgradeNatGateway(c *call, st *Store) (map[string]any, *apiError) {
	g, err := legacyNat(c, st)
	if err != nil {
		return nil, err
	}
	if err := natReadyCheck(g); err != nil {
		return nil, err
	}
	size, err := natSize(c)
	if err != nil {
		return nil, err
	}
	if size == g.MaxConcurrent {
		return nil, c.invalid("maxConcurrent", "the gateway is of that size already")
	}
	g.Status, g.Until, g.Upgrade = natChanging, c.transitionUntil(), size
	t := st.newTask(c, "nat", g.ID)
	return map[string]any{"billId": strconv.FormatInt(t.ID, 10)}, nil
}

func legacyDeleteNatGateway(c *call, st *Store) (map[string]any, *apiError) {
	g, err := legacyNat(c, st)
	if err != nil {
		return nil, err
	}
	if err := natReadyCheck(g); err != nil {
		return nil, err
	}
	g.Status, g.Until = natDeleting, c.transitionUntil()
	return taskReply(st.newTask(c, "vpc", g.ID)), nil
}

func legacyEipBindNatGateway(c *call, st *Store) (map[string]any, *apiError) {
	g, err := legacyNat(c, st)
	if err != nil {
		return nil, err
	}
	if err := natReadyCheck(g); err != nil {
		return nil, err
	}
	eips, auto, err := natEIPs(c, st, 3)
	if err != nil {
		return nil, err
	}
	if len(g.EIPs)+len(eips)+auto > natEIPLimit {
		return nil, c.invalid("assignedEipSet", "a NAT gateway holds at most %d EIPs; %s has %d", natEIPLimit, g.ID, len(g.EIPs))
	}
	st.bindEIPs(c, g, eips, auto)
	g.Status, g.Until = natChanging, c.transitionUntil()
	return taskReply(st.newTask(c, "vpc", g.ID)), nil
}

func legacyEipUnBindNatGateway(c *call, st *Store) (map[string]any, *apiError) {
	g, err := legacyNat(c, st)
	if err != nil {
		return nil, err
	}
	if err := natReadyCheck(g); err != nil {
		return nil, err
	}
	var drop []string
	for _, s := range c.strs("assignedEipSet") {
		a := st.eipByAddress(s)
		if a == nil || !contains(g.EIPs, a.ID) {
			return nil, lerrf(5000, "ResourceNotFound", "The EIP %s is not bound to the NAT gateway %s.", s, g.ID)
		}
		drop = append(drop, a.ID)
	}
	if len(drop) == 0 {
		return nil, c.missing("assignedEipSet")
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
	g.Status, g.Until = natChanging, c.transitionUntil()
	return taskReply(st.newTask(c, "vpc", g.ID)), nil
}
