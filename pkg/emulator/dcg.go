package emulator

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/tcvpc/tcvpc/pkg/api/model"
)

// DirectConnectGateway connects a VPC to a leased line (legacy API). A
// NAT-type gateway (Type 1) also keeps address translation rules: local
// IP (snat) and peer IP (dnat) translations, local source IP:port
// translations (snapt, an address pool) and local destination IP:port
// translations (dnapt); snat and snapt rules carry ACL rules.
//
// The calls documented as asynchronous (gateway delete and rename, the
// snat and snapt rule changes) change the gateway at once; their task
// reports completion after the task delay.
type DirectConnectGateway struct {
	base
	VpcID string     `json:"vpcId"`
	Name  string     `json:"name"`
	Type  int        `json:"type"`
	SNAT  []DcgIPMap `json:"snat,omitempty"`
	DNAT  []DcgIPMap `json:"dnat,omitempty"`
	SNAPT []DcgPool  `json:"snapt,omitempty"`
	DNAPT []DcgPort  `json:"dnapt,omitempty"`
}

// DcgIPMap is an address translation, with its ACL rules (snat only).
type DcgIPMap struct {
	OriginalIP    string   `json:"originalIP"`
	TranslationIP string   `json:"translationIP"`
	Description   string   `json:"description,omitempty"`
	Acls          []DcgAcl `json:"acls,omitempty"`
}

// DcgPool is a source IP:port translation into an address pool.
type DcgPool struct {
	Pool        string   `json:"translationIPPool"`
	Description string   `json:"description,omitempty"`
	Acls        []DcgAcl `json:"acls,omitempty"`
}

// DcgPort is a destination IP:port translation.
type DcgPort struct {
	OriginalIP      string `json:"originalIP"`
	OriginalPort    string `json:"originalPort"`
	TranslationIP   string `json:"translationIP"`
	TranslationPort string `json:"translationPort"`
	Proto           string `json:"proto"`
	Description     string `json:"description,omitempty"`
}

// DcgAcl is an ACL rule of a translation; SourceCidr is for snapt only.
type DcgAcl struct {
	ID              int64  `json:"aclRuleId"`
	Protocol        string `json:"protocol"`
	SourceCidr      string `json:"sourceCidr,omitempty"`
	SourcePort      string `json:"sourcePort"`
	DestinationCidr string `json:"destinationCidr"`
	DestinationPort string `json:"destinationPort"`
}

// Limits from the direct connect pages' LimitExceeded codes, in round
// figures.
const (
	dcgRuleLimit = 100 // translation rules of one kind on a gateway
	dcgAclLimit  = 20  // ACL rules of one translation
)

func registerDcg(h map[string]handler) {
	h["legacy/CreateDirectConnectGateway"] = legacyCreateDcg
	h["legacy/DescribeDirectConnectGateway"] = legacyDescribeDcg
	h["legacy/ModifyDirectConnectGateway"] = legacyModifyDcg
	h["legacy/DeleteDirectConnectGateway"] = legacyDeleteDcg

	h["legacy/CreateLocalIPTranslationNatRule"] = dcgAsync(dcgCreateSNAT)
	h["legacy/ModifyLocalIPTranslationNatRule"] = dcgAsync(dcgModifySNAT)
	h["legacy/DeleteLocalIPTranslationNatRule"] = dcgAsync(dcgDeleteSNAT)
	h["legacy/DescribeLocalIPTranslationNatRule"] = dcgSync(dcgDescribeSNAT)
	h["legacy/CreatePeerIPTranslationNatRule"] = dcgSync(dcgCreateDNAT)
	h["legacy/ModifyPeerIPTranslationNatRule"] = dcgSync(dcgModifyDNAT)
	h["legacy/DeletePeerIPTranslationNatRule"] = dcgSync(dcgDeleteDNAT)
	h["legacy/DescribePeerIPTranslationNatRule"] = dcgSync(dcgDescribeDNAT)
	h["legacy/CreateLocalSourceIPPortTranslationNatRule"] = dcgAsync(dcgCreateSNAPT)
	h["legacy/ModifyLocalSourceIPPortTranslationNatRule"] = dcgAsync(dcgModifySNAPT)
	h["legacy/DeleteLocalSourceIPPortTranslationNatRule"] = dcgAsync(dcgDeleteSNAPT)
	h["legacy/DescribeLocalSourceIPPortTranslationNatRule"] = dcgSync(dcgDescribeSNAPT)
	h["legacy/CreateLocalDestinationIPPortTranslationNatRule"] = dcgSync(dcgCreateDNAPT)
	h["legacy/ModifyLocalDestinationIPPortTranslationNatRule"] = dcgSync(dcgModifyDNAPT)
	h["legacy/DeleteLocalDestinationIPPortTranslationNatRule"] = dcgSync(dcgDeleteDNAPT)
	h["legacy/DescribeLocalDestinationIPPortTranslationNatRule"] = dcgSync(dcgDescribeDNAPT)

	h["legacy/CreateLocalIPTranslationAclRule"] = dcgSync(dcgAclOp(false, "create"))
	h["legacy/ModifyLocalIPTranslationAclRule"] = dcgSync(dcgAclOp(false, "modify"))
	h["legacy/DeleteLocalIPTranslationAclRule"] = dcgSync(dcgAclOp(false, "delete"))
	h["legacy/DescribeLocalIPTranslationAclRule"] = dcgSync(dcgAclOp(false, "describe"))
	h["legacy/CreateLocalSourceIPPortTranslationAclRule"] = dcgSync(dcgAclOp(true, "create"))
	h["legacy/ModifyLocalSourceIPPortTranslationAclRule"] = dcgSync(dcgAclOp(true, "modify"))
	h["legacy/DeleteLocalSourceIPPortTranslationAclRule"] = dcgSync(dcgAclOp(true, "delete"))
	h["legacy/DescribeLocalSourceIPPortTranslationAclRule"] = dcgSync(dcgAclOp(true, "describe"))
}

// dcgIP is a gateway's address on the leased line, stable for its ID.
func dcgIP(id string) string { return classicIP(id + "/dcg") }

func legacyDcgRow(st *Store, g *DirectConnectGateway) map[string]any {
	row := map[string]any{
		"vpcId": g.VpcID, "unVpcId": g.VpcID, "directConnectGatewayId": g.ID, "directConnectGatewayName": g.Name,
		"directConnectGatewayIp": dcgIP(g.ID), "type": g.Type, "snatNum": len(g.SNAT), "dnatNum": len(g.DNAT),
		"snaptNum": len(g.SNAPT), "dnaptNum": len(g.DNAPT), "createTime": g.created(),
	}
	if v := st.VPCs.get(g.VpcID); v != nil {
		row["vpcName"], row["vpcCidrBlock"] = v.Name, v.CIDR
	}
	return row
}

// legacyCreateDcg makes a gateway; a VPC has one gateway of each type at
// most, as the page says.
func legacyCreateDcg(c *call, st *Store) (map[string]any, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, err
	}
	name := c.str("directConnectGatewayName")
	if !nameOK(name) {
		return nil, lerrf(4000, "InvalidDirectConnectGatewayName", "The direct connect gateway name must be 1 to 60 characters.")
	}
	typ, err := c.intParam("type", 0)
	if err != nil {
		return nil, err
	}
	if typ != 0 && typ != 1 {
		return nil, c.invalid("type", "must be 0 (not NAT) or 1 (NAT)")
	}
	for _, g := range st.DirectConnectGateways.byID {
		if g.VpcID == v.ID && g.Type == typ {
			return nil, lerrf(5100, "DirectConnectGatewayLimitExceeded", "The VPC %s has a direct connect gateway of type %d already: %s.", v.ID, typ, g.ID)
		}
	}
	g := &DirectConnectGateway{base: st.newBase(c, "dcg-"), VpcID: v.ID, Name: name, Type: typ}
	st.DirectConnectGateways.put(g)
	return map[string]any{"data": map[string]any{"directConnectGatewayId": g.ID}}, nil
}

func legacyDcgOf(c *call, st *Store) (*VPC, *DirectConnectGateway, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, nil, err
	}
	id := c.str("directConnectGatewayId")
	g := st.DirectConnectGateways.get(id)
	if g == nil || g.VpcID != v.ID {
		return nil, nil, lerrf(5000, "InvalidDirectConnectGateway.NotFound", "The direct connect gateway %s does not exist in VPC %s.", id, v.ID)
	}
	return v, g, nil
}

func legacyDescribeDcg(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.legacyPage(50, "directConnectGatewayName")
	if err != nil {
		return nil, err
	}
	vpcID, id, name := c.str("vpcId"), c.str("directConnectGatewayId"), c.str("directConnectGatewayName")
	if vpcID != "" && st.VPCs.get(vpcID) == nil {
		return nil, lerrf(5000, "InvalidVpc.NotFound", "The VPC %s does not exist.", vpcID)
	}
	if id != "" && st.DirectConnectGateways.get(id) == nil {
		return nil, lerrf(5000, "InvalidDirectConnectGateway.NotFound", "The direct connect gateway %s does not exist.", id)
	}
	var rows []map[string]any
	for _, g := range st.DirectConnectGateways.all() {
		if (vpcID == "" || g.VpcID == vpcID) && (id == "" || g.ID == id) && fuzzy(g.Name, name) {
			rows = append(rows, legacyDcgRow(st, g))
		}
	}
	return map[string]any{"totalCount": len(rows), "data": rowsAny(q.apply(rows))}, nil
}

func legacyModifyDcg(c *call, st *Store) (map[string]any, *apiError) {
	_, g, err := legacyDcgOf(c, st)
	if err != nil {
		return nil, err
	}
	if !nameOK(c.str("directConnectGatewayName")) {
		return nil, lerrf(4000, "InvalidDirectConnectGatewayName", "The direct connect gateway name must be 1 to 60 characters.")
	}
	g.Name = c.str("directConnectGatewayName")
	st.dirty = true
	return taskReply(st.newTask(c, "vpc", g.ID)), nil
}

func legacyDeleteDcg(c *call, st *Store) (map[string]any, *apiError) {
	_, g, err := legacyDcgOf(c, st)
	if err != nil {
		return nil, err
	}
	st.DirectConnectGateways.del(g.ID)
	st.dropRoutesTo("DIRECTCONNECT", g.ID)
	return taskReply(st.newTask(c, "vpc", g.ID)), nil
}

// Translation rules. Each rule call finds the gateway, refuses a gateway
// that is not of the NAT type, changes it and, for the calls documented
// as asynchronous, answers with a task.

type dcgRuleFunc func(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError)

func dcgRule(c *call, st *Store, f dcgRuleFunc) (*DirectConnectGateway, map[string]any, *apiError) {
	v, g, err := legacyDcgOf(c, st)
	if err != nil {
		return nil, nil, err
	}
	if g.Type != 1 {
		return nil, nil, lerrf(5100, "UnsupportedOperation", "The direct connect gateway %s is not of the NAT type and keeps no translation rules.", g.ID)
	}
	out, err := f(c, st, v, g)
	if err != nil {
		return nil, nil, err
	}
	st.dirty = true
	return g, out, nil
}

func dcgSync(f dcgRuleFunc) handler {
	return func(c *call, st *Store) (map[string]any, *apiError) {
		_, out, err := dcgRule(c, st, f)
		return out, err
	}
}

func dcgAsync(f dcgRuleFunc) handler {
	return func(c *call, st *Store) (map[string]any, *apiError) {
		g, _, err := dcgRule(c, st, f)
		if err != nil {
			return nil, err
		}
		return taskReply(st.newTask(c, "vpc", g.ID)), nil
	}
}

func inVpc(v *VPC, ip string) bool {
	a, err := netip.ParseAddr(ip)
	p, _ := parseCIDR(v.CIDR)
	return err == nil && p.Contains(a)
}

func ipv4OK(s string) bool { return model.FormatIPv4.Match(s, "", Legacy) }

// poolOK accepts an IP or a range a-b.
func poolOK(s string) bool {
	lo, hi, isRange := strings.Cut(s, "-")
	if !isRange {
		return ipv4OK(s)
	}
	a, err1 := netip.ParseAddr(lo)
	b, err2 := netip.ParseAddr(hi)
	return err1 == nil && err2 == nil && a.Is4() && b.Is4() && !b.Less(a)
}

// poolInVpc reports whether any address of a pool lies in the VPC.
func poolInVpc(v *VPC, pool string) bool {
	lo, hi, isRange := strings.Cut(pool, "-")
	if !isRange {
		hi = lo
	}
	a, _ := netip.ParseAddr(lo)
	b, _ := netip.ParseAddr(hi)
	p, _ := parseCIDR(v.CIDR)
	first, last := p.Addr(), uintToIP(ipToUint(p.Addr())|(1<<(32-p.Bits())-1))
	return !(b.Less(first) || last.Less(a))
}

// ipMapCheck checks a snat (local) or dnat (peer) translation against the
// others of the gateway, skipping index skip (the rule being changed).
// Local: the original IP is in the VPC; both: the translated IP is not,
// and neither repeats.
func ipMapCheck(c *call, v *VPC, list []DcgIPMap, m DcgIPMap, local bool, skip int) *apiError {
	if !ipv4OK(m.OriginalIP) || !ipv4OK(m.TranslationIP) {
		return c.invalid("originalIP", "%q and %q must be IPv4 addresses", m.OriginalIP, m.TranslationIP)
	}
	if local && !inVpc(v, m.OriginalIP) {
		return lerrf(4000, "InvalidOriginalIP.NotInVpcCidr", "The original IP %s is not in the VPC's %s.", m.OriginalIP, v.CIDR)
	}
	if !local && inVpc(v, m.TranslationIP) {
		return lerrf(4000, "InvalidTranslationIP.InVpcCidr", "The translated IP %s is in the VPC's %s.", m.TranslationIP, v.CIDR)
	}
	for i, x := range list {
		if i == skip {
			continue
		}
		if x.OriginalIP == m.OriginalIP {
			return lerrf(5100, "InvalidOriginalIP.Duplicate", "The original IP %s has a translation already.", m.OriginalIP)
		}
		if x.TranslationIP == m.TranslationIP {
			return lerrf(5100, "InvalidTranslationIP.Duplicate", "The translated IP %s is used already.", m.TranslationIP)
		}
	}
	return nil
}

func readIPMaps(c *call, param string) ([]DcgIPMap, *apiError) {
	var out []DcgIPMap
	for _, m := range c.objs(param) {
		out = append(out, DcgIPMap{OriginalIP: field(m, "originalIP"), TranslationIP: field(m, "translationIP"), Description: field(m, "description")})
	}
	if len(out) == 0 {
		return nil, c.missing(param)
	}
	return out, nil
}

func ipMapIndex(list []DcgIPMap, orig, trans string) int {
	for i, x := range list {
		if x.OriginalIP == orig && x.TranslationIP == trans {
			return i
		}
	}
	return -1
}

func ipMapRows(list []DcgIPMap, c *call) []any {
	out := []any{}
	for _, x := range list {
		if (c.str("originalIP") == "" || x.OriginalIP == c.str("originalIP")) &&
			(c.str("translationIP") == "" || x.TranslationIP == c.str("translationIP")) && fuzzy(x.Description, c.str("description")) {
			out = append(out, map[string]any{"originalIP": x.OriginalIP, "translationIP": x.TranslationIP, "description": x.Description})
		}
	}
	return out
}

// ruleRows pages a rule listing; the pages show data alone, totalCount
// is added for paging.
func ruleRows(c *call, rows []any) (map[string]any, *apiError) {
	offset, err := c.intParam("offset", 0)
	if err != nil {
		return nil, err
	}
	limit, err := c.intParam("limit", 20)
	if err != nil {
		return nil, err
	}
	if offset < 0 || limit < 0 {
		return nil, c.invalid("limit", "offset and limit must not be negative")
	}
	return map[string]any{"totalCount": len(rows), "data": pageOf(rows, offset, limit)}, nil
}

func addIPMaps(c *call, v *VPC, list *[]DcgIPMap, param string, local bool, limitCode string) *apiError {
	add, err := readIPMaps(c, param)
	if err != nil {
		return err
	}
	next := append([]DcgIPMap{}, *list...)
	for _, m := range add {
		if err := ipMapCheck(c, v, next, m, local, -1); err != nil {
			return err
		}
		next = append(next, m)
	}
	if len(next) > dcgRuleLimit {
		return lerrf(5100, limitCode, "A gateway keeps at most %d rules of this kind.", dcgRuleLimit)
	}
	*list = next
	return nil
}

func deleteIPMaps(c *call, list *[]DcgIPMap, param, notFound string) *apiError {
	del, err := readIPMaps(c, param)
	if err != nil {
		return err
	}
	next := append([]DcgIPMap{}, *list...)
	for _, m := range del {
		i := ipMapIndex(next, m.OriginalIP, m.TranslationIP)
		if i < 0 {
			return lerrf(5000, notFound, "No translation of %s to %s.", m.OriginalIP, m.TranslationIP)
		}
		next = append(next[:i], next[i+1:]...)
	}
	*list = next
	return nil
}

func modifyIPMap(c *call, v *VPC, list []DcgIPMap, local bool, notFound string) *apiError {
	i := ipMapIndex(list, c.str("oldOriginalIP"), c.str("oldTranslationIP"))
	if i < 0 {
		return lerrf(5000, notFound, "No translation of %s to %s.", c.str("oldOriginalIP"), c.str("oldTranslationIP"))
	}
	m := list[i]
	if c.has("originalIP") {
		m.OriginalIP = c.str("originalIP")
	}
	if c.has("translationIP") {
		m.TranslationIP = c.str("translationIP")
	}
	if _, ok := c.raw("description"); ok {
		m.Description = c.str("description")
	}
	if err := ipMapCheck(c, v, list, m, local, i); err != nil {
		return err
	}
	list[i] = m
	return nil
}

func dcgCreateSNAT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	return nil, addIPMaps(c, v, &g.SNAT, "localIPTranslation", true, "LocalIPTranslationLimitExceeded")
}

func dcgModifySNAT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	return nil, modifyIPMap(c, v, g.SNAT, true, "InvalidLocalIPTranslation.NotFound")
}

func dcgDeleteSNAT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	return nil, deleteIPMaps(c, &g.SNAT, "localIPTranslation", "InvalidLocalIPTranslation.NotFound")
}

func dcgDescribeSNAT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	return ruleRows(c, ipMapRows(g.SNAT, c))
}

func dcgCreateDNAT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	return nil, addIPMaps(c, v, &g.DNAT, "peerIPTranslation", false, "PeerIPTranslationLimitExceeded")
}

func dcgModifyDNAT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	return nil, modifyIPMap(c, v, g.DNAT, false, "InvalidPeerIPTranslation.NotFound")
}

func dcgDeleteDNAT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	return nil, deleteIPMaps(c, &g.DNAT, "peerIPTranslation", "InvalidPeerIPTranslation.NotFound")
}

func dcgDescribeDNAT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	return ruleRows(c, ipMapRows(g.DNAT, c))
}

// poolCheck checks a snapt pool: an IP or range outside the VPC (the
// Create page names a pool inside the VPC InvalidTranslationIPPool
// .NotInVpcCidr, the Modify page InvalidTranslationIPPool.InVpcCidr; the
// examples' pools all lie outside, so both refuse the same pools, each
// with its page's code) and not used by another rule.
func poolCheck(c *call, v *VPC, list []DcgPool, pool string, skip int) *apiError {
	if !poolOK(pool) {
		return c.invalid("translationIPPool", "%q is not an IP or a range such as 183.12.63.0-183.12.63.20", pool)
	}
	if poolInVpc(v, pool) {
		return lerrf(4000, c.pick("InvalidTranslationIPPool.InVpcCidr", "InvalidTranslationIPPool.NotInVpcCidr"), "The pool %s overlaps the VPC's %s.", pool, v.CIDR)
	}
	for i, x := range list {
		if i != skip && x.Pool == pool {
			return lerrf(5100, "InvalidTranslationIP.Duplicate", "The pool %s has a rule already.", pool)
		}
	}
	return nil
}

func poolIndex(list []DcgPool, pool string) int {
	for i, x := range list {
		if x.Pool == pool {
			return i
		}
	}
	return -1
}

func dcgCreateSNAPT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	objs := c.objs("localSourceIPPortTranslation")
	if len(objs) == 0 {
		return nil, c.missing("localSourceIPPortTranslation")
	}
	next := append([]DcgPool{}, g.SNAPT...)
	for _, m := range objs {
		p := DcgPool{Pool: field(m, "translationIPPool"), Description: field(m, "description")}
		if err := poolCheck(c, v, next, p.Pool, -1); err != nil {
			return nil, err
		}
		next = append(next, p)
	}
	if len(next) > dcgRuleLimit {
		return nil, lerrf(5100, "LocalSourceIPPortTranslationLimitExceeded", "A gateway keeps at most %d rules of this kind.", dcgRuleLimit)
	}
	g.SNAPT = next
	return nil, nil
}

func dcgModifySNAPT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	i := poolIndex(g.SNAPT, c.str("oldTranslationIPPool"))
	if i < 0 {
		return nil, lerrf(5000, "InvalidTranslationIPPool.NotFound", "No rule has the pool %s.", c.str("oldTranslationIPPool"))
	}
	p := g.SNAPT[i]
	if c.has("translationIPPool") {
		p.Pool = c.str("translationIPPool")
		if err := poolCheck(c, v, g.SNAPT, p.Pool, i); err != nil {
			return nil, err
		}
	}
	if _, ok := c.raw("description"); ok {
		p.Description = c.str("description")
	}
	g.SNAPT[i] = p
	return nil, nil
}

func dcgDeleteSNAPT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	objs := c.objs("localSourceIPPortTranslation")
	if len(objs) == 0 {
		return nil, c.missing("localSourceIPPortTranslation")
	}
	next := append([]DcgPool{}, g.SNAPT...)
	for _, m := range objs {
		i := poolIndex(next, field(m, "translationIPPool"))
		if i < 0 {
			return nil, lerrf(5000, "InvalidTranslationIPPool.NotFound", "No rule has the pool %s.", field(m, "translationIPPool"))
		}
		next = append(next[:i], next[i+1:]...)
	}
	g.SNAPT = next
	return nil, nil
}

func dcgDescribeSNAPT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	out := []any{}
	for _, x := range g.SNAPT {
		if fuzzy(x.Description, c.str("description")) {
			out = append(out, map[string]any{"translationIPPool": x.Pool, "description": x.Description})
		}
	}
	return ruleRows(c, out)
}

// dnaptCheck checks a destination IP:port translation: the original IP
// in the VPC, the translated one outside it, and no translated IP, port
// and protocol used twice.
func dnaptCheck(c *call, v *VPC, list []DcgPort, p DcgPort, skip int) *apiError {
	if !ipv4OK(p.OriginalIP) || !ipv4OK(p.TranslationIP) || !portRangeOK(p.OriginalPort) || !portRangeOK(p.TranslationPort) {
		return c.invalid("localDestinationIPPortTranslation", "want IPv4 addresses and ports, got %s:%s -> %s:%s", p.OriginalIP, p.OriginalPort, p.TranslationIP, p.TranslationPort)
	}
	switch p.Proto {
	case "tcp", "udp":
	default:
		return c.invalid("proto", "%q is not tcp or udp", p.Proto)
	}
	if !inVpc(v, p.OriginalIP) {
		return lerrf(4000, "InvalidOriginalIP.NotInVpcCidr", "The original IP %s is not in the VPC's %s.", p.OriginalIP, v.CIDR)
	}
	if inVpc(v, p.TranslationIP) {
		return lerrf(4000, "InvalidTranslationIP.InVpcCidr", "The translated IP %s is in the VPC's %s.", p.TranslationIP, v.CIDR)
	}
	for i, x := range list {
		if i != skip && x.TranslationIP == p.TranslationIP && x.TranslationPort == p.TranslationPort && x.Proto == p.Proto {
			return lerrf(5100, "InvalidTranslationIP.Duplicate", "%s %s:%s is translated to already.", p.Proto, p.TranslationIP, p.TranslationPort)
		}
	}
	return nil
}

func readPort(m map[string]any, prefix string) DcgPort {
	get := func(k string) string {
		if prefix == "" {
			return field(m, k)
		}
		return field(m, prefix+strings.ToUpper(k[:1])+k[1:])
	}
	return DcgPort{
		OriginalIP: get("originalIP"), OriginalPort: get("originalPort"), TranslationIP: get("translationIP"),
		TranslationPort: get("translationPort"), Proto: strings.ToLower(get("proto")),
	}
}

func portIndex(list []DcgPort, p DcgPort) int {
	for i, x := range list {
		if x.OriginalIP == p.OriginalIP && x.OriginalPort == p.OriginalPort && x.TranslationIP == p.TranslationIP &&
			x.TranslationPort == p.TranslationPort && x.Proto == p.Proto {
			return i
		}
	}
	return -1
}

func dcgCreateDNAPT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	objs := c.objs("localDestinationIPPortTranslation")
	if len(objs) == 0 {
		return nil, c.missing("localDestinationIPPortTranslation")
	}
	next := append([]DcgPort{}, g.DNAPT...)
	for _, m := range objs {
		p := readPort(m, "")
		p.Description = field(m, "description")
		if err := dnaptCheck(c, v, next, p, -1); err != nil {
			return nil, err
		}
		next = append(next, p)
	}
	if len(next) > dcgRuleLimit {
		return nil, lerrf(5100, "LocalDestinationIPPortTranslationLimitExceeded", "A gateway keeps at most %d rules of this kind.", dcgRuleLimit)
	}
	g.DNAPT = next
	return nil, nil
}

func dcgModifyDNAPT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	old := readPort(map[string]any(c.params), "old")
	i := portIndex(g.DNAPT, old)
	if i < 0 {
		return nil, lerrf(5000, "InvalidLocalDestinationIPPortTranslation.NotFound", "No translation of %s %s:%s to %s:%s.", old.Proto, old.OriginalIP, old.OriginalPort, old.TranslationIP, old.TranslationPort)
	}
	p := g.DNAPT[i]
	for _, f := range []struct {
		param string
		dst   *string
	}{{"originalIP", &p.OriginalIP}, {"originalPort", &p.OriginalPort}, {"translationIP", &p.TranslationIP}, {"translationPort", &p.TranslationPort}} {
		if c.has(f.param) {
			*f.dst = c.str(f.param)
		}
	}
	if c.has("proto") {
		p.Proto = strings.ToLower(c.str("proto"))
	}
	if _, ok := c.raw("description"); ok {
		p.Description = c.str("description")
	}
	if err := dnaptCheck(c, v, g.DNAPT, p, i); err != nil {
		return nil, err
	}
	g.DNAPT[i] = p
	return nil, nil
}

func dcgDeleteDNAPT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	objs := c.objs("localDestinationIPPortTranslation")
	if len(objs) == 0 {
		return nil, c.missing("localDestinationIPPortTranslation")
	}
	next := append([]DcgPort{}, g.DNAPT...)
	for _, m := range objs {
		p := readPort(m, "")
		i := portIndex(next, p)
		if i < 0 {
			return nil, lerrf(5000, "InvalidLocalDestinationIPPortTranslation.NotFound", "No translation of %s %s:%s to %s:%s.", p.Proto, p.OriginalIP, p.OriginalPort, p.TranslationIP, p.TranslationPort)
		}
		next = append(next[:i], next[i+1:]...)
	}
	g.DNAPT = next
	return nil, nil
}

func dcgDescribeDNAPT(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	out := []any{}
	want := func(k, have string) bool { return c.str(k) == "" || strings.EqualFold(c.str(k), have) }
	for _, x := range g.DNAPT {
		if want("originalIP", x.OriginalIP) && want("originalPort", x.OriginalPort) && want("translationIP", x.TranslationIP) &&
			want("translationPort", x.TranslationPort) && want("proto", x.Proto) && fuzzy(x.Description, c.str("description")) {
			out = append(out, map[string]any{
				"originalIP": x.OriginalIP, "originalPort": x.OriginalPort, "translationIP": x.TranslationIP,
				"translationPort": x.TranslationPort, "proto": x.Proto, "description": x.Description,
			})
		}
	}
	if len(out) == 0 && c.has("originalIP") {
		return nil, lerrf(5000, "InvalidLocalDestinationIPPortTranslation.NotFound", "No translation of %s.", c.str("originalIP"))
	}
	return ruleRows(c, out)
}

// ACL rules of snat translations (named by originalIP and translationIP)
// and of snapt pools (named by translationIPPool).

func dcgAclOp(pool bool, op string) dcgRuleFunc {
	return func(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
		var acls *[]DcgAcl
		if pool {
			i := poolIndex(g.SNAPT, c.str("translationIPPool"))
			if i < 0 {
				return nil, lerrf(5000, "InvalidLocalSourceIPPortTranslation.NotFound", "No source IP:port translation has the pool %s.", c.str("translationIPPool"))
			}
			acls = &g.SNAPT[i].Acls
		} else {
			i := ipMapIndex(g.SNAT, c.str("originalIP"), c.str("translationIP"))
			if i < 0 {
				return nil, lerrf(5000, "InvalidLocalIPTranslation.NotFound", "No translation of %s to %s.", c.str("originalIP"), c.str("translationIP"))
			}
			acls = &g.SNAT[i].Acls
		}
		switch op {
		case "describe":
			ids := c.strs("aclRules")
			out := []any{}
			for _, a := range *acls {
				if len(ids) == 0 || contains(ids, strconv.FormatInt(a.ID, 10)) {
					out = append(out, aclRow(a, pool))
				}
			}
			return map[string]any{"data": out}, nil
		case "delete":
			ids := c.strs("aclRules")
			if len(ids) == 0 {
				return nil, c.missing("aclRules")
			}
			kept := []DcgAcl{}
			for _, id := range ids {
				if aclIndex(*acls, id) < 0 {
					return nil, lerrf(5000, "ResourceNotFound", "The ACL rule %s does not exist.", id)
				}
			}
			for _, a := range *acls {
				if !contains(ids, strconv.FormatInt(a.ID, 10)) {
					kept = append(kept, a)
				}
			}
			*acls = kept
			return nil, nil
		}
		objs := c.objs("aclRules")
		if len(objs) == 0 {
			return nil, c.missing("aclRules")
		}
		next := append([]DcgAcl{}, *acls...)
		for i, m := range objs {
			a := DcgAcl{
				Protocol: strings.ToUpper(field(m, "protocol")), SourcePort: field(m, "sourcePort"),
				DestinationCidr: field(m, "destinationCidr"), DestinationPort: field(m, "destinationPort"),
			}
			if pool {
				a.SourceCidr = field(m, "sourceCidr")
			}
			if err := aclRuleCheck(c, a, pool, i); err != nil {
				return nil, err
			}
			if pool {
				if err := aclConflict(g, acls, a); err != nil {
					return nil, err
				}
			}
			if op == "modify" {
				j := aclIndex(next, field(m, "aclRuleId"))
				if j < 0 {
					return nil, lerrf(5000, "ResourceNotFound", "The ACL rule %s does not exist.", field(m, "aclRuleId"))
				}
				a.ID = next[j].ID
				next[j] = a
				continue
			}
			a.ID = st.nextNum()
			next = append(next, a)
		}
		if len(next) > dcgAclLimit {
			return nil, lerrf(5100, "AclRuleLimitExceeded", "A translation keeps at most %d ACL rules.", dcgAclLimit)
		}
		*acls = next
		return nil, nil
	}
}

func aclIndex(list []DcgAcl, id string) int {
	for i, a := range list {
		if strconv.FormatInt(a.ID, 10) == id {
			return i
		}
	}
	return -1
}

func aclRow(a DcgAcl, pool bool) map[string]any {
	row := map[string]any{"aclRuleId": a.ID, "protocol": a.Protocol, "sourcePort": a.SourcePort, "destinationCidr": a.DestinationCidr, "destinationPort": a.DestinationPort}
	if pool {
		row["sourceCidr"] = a.SourceCidr
	}
	return row
}

// aclRuleCheck accepts TCP, UDP or ALL; ports empty, 0, a port or lo-hi;
// addresses empty (all), an IP or a CIDR block.
func aclRuleCheck(c *call, a DcgAcl, pool bool, i int) *apiError {
	where := fmt.Sprintf("aclRules.%d", i)
	switch a.Protocol {
	case "TCP", "UDP", "ALL":
	default:
		return c.invalid(where+".protocol", "%q is not TCP, UDP or ALL", a.Protocol)
	}
	for _, p := range [][2]string{{"sourcePort", a.SourcePort}, {"destinationPort", a.DestinationPort}} {
		if p[1] != "" && !portRangeOK(p[1]) {
			return c.invalid(where+"."+p[0], "%q is not a port or a range such as 80-90", p[1])
		}
	}
	for _, s := range [][2]string{{"sourceCidr", a.SourceCidr}, {"destinationCidr", a.DestinationCidr}} {
		if s[1] != "" && !cidrOrIPOK(s[1]) {
			return c.invalid(where+"."+s[0], "%q is not an IP or CIDR block", s[1])
		}
	}
	return nil
}

// aclConflict refuses an ACL rule of a snapt pool that another pool of
// the gateway has already: traffic would match both.
func aclConflict(g *DirectConnectGateway, own *[]DcgAcl, a DcgAcl) *apiError {
	for i := range g.SNAPT {
		if &g.SNAPT[i].Acls == own {
			continue
		}
		for _, x := range g.SNAPT[i].Acls {
			if x.Protocol == a.Protocol && x.SourceCidr == a.SourceCidr && x.SourcePort == a.SourcePort &&
				x.DestinationCidr == a.DestinationCidr && x.DestinationPort == a.DestinationPort {
				return lerrf(5100, "InvalidLocalSourceIPPortTranslationAcl.Conflict", "The pool %s has the same ACL rule (%d).", g.SNAPT[i].Pool, x.ID)
			}
		}
	}
	return nil
}
