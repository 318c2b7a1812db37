package emulator

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"
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
	VpcID string    `json:"vpcId"`
	Name  string    `json:"name"`
	Type  int       `json:"type"`
	SNAT  []DcgRule `json:"snat,omitempty"`
	DNAT  []DcgRule `json:"dnat,omitempty"`
	SNAPT []DcgRule `json:"snapt,omitempty"`
	DNAPT []DcgRule `json:"dnapt,omitempty"`
}

// DcgRule is a translation rule: the fields of its kind (the keys of its
// dcgRules), a description and, for snat and snapt, ACL rules.
type DcgRule struct {
	OriginalIP      string   `json:"originalIP,omitempty"`
	OriginalPort    string   `json:"originalPort,omitempty"`
	TranslationIP   string   `json:"translationIP,omitempty"`
	TranslationPort string   `json:"translationPort,omitempty"`
	Pool            string   `json:"translationIPPool,omitempty"`
	Proto           string   `json:"proto,omitempty"`
	Description     string   `json:"description,omitempty"`
	Acls            []DcgAcl `json:"acls,omitempty"`
}

// at is the rule's field of a wire name.
func (r *DcgRule) at(name string) *string {
	switch name {
	case "originalIP":
		return &r.OriginalIP
	case "originalPort":
		return &r.OriginalPort
	case "translationIP":
		return &r.TranslationIP
	case "translationPort":
		return &r.TranslationPort
	case "translationIPPool":
		return &r.Pool
	case "proto":
		return &r.Proto
	}
	return &r.Description
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

// at is the ACL rule's field of a wire name.
func (a *DcgAcl) at(name string) *string {
	switch name {
	case "protocol":
		return &a.Protocol
	case "sourceCidr":
		return &a.SourceCidr
	case "sourcePort":
		return &a.SourcePort
	case "destinationCidr":
		return &a.DestinationCidr
	}
	return &a.DestinationPort
}

// Limits from the direct connect pages' LimitExceeded codes, in round
// figures.
const (
	dcgRuleLimit = 100 // translation rules of one kind on a gateway
	dcgAclLimit  = 20  // ACL rules of one translation
)

var dcgs = &kind[*DirectConnectGateway]{
	noun: "direct connect gateway", prefix: "dcg-", rows: func(s *Store) *table[*DirectConnectGateway] { return &s.DirectConnectGateways },
	legacyCode: "InvalidDirectConnectGateway", vpcParam: "vpcId",
	drop: func(st *Store, g *DirectConnectGateway) {
		st.DirectConnectGateways.del(g.ID)
		st.dropRoutesTo("DIRECTCONNECT", g.ID)
	},
	legacy: &legacyList[*DirectConnectGateway]{
		max: 50, orderBy: []string{"directConnectGatewayName"}, id: "directConnectGatewayId", parent: "vpcId", strict: true,
		substr: []attr[*DirectConnectGateway]{{"directConnectGatewayName", func(g *DirectConnectGateway) string { return g.Name }}},
		row:    legacyDcgRow,
	},
}

func registerDcg(h map[string]handler) {
	h["legacy/CreateDirectConnectGateway"] = legacyCreateDcg
	h["legacy/DescribeDirectConnectGateway"] = dcgs.describeLegacy
	h["legacy/ModifyDirectConnectGateway"] = legacyModifyDcg
	h["legacy/DeleteDirectConnectGateway"] = legacyDeleteDcg

	// Two rules of a kind may not share an original IP, nor a translated one.
	ipUnique := []dcgUnique{{[]string{"originalIP"}, "InvalidOriginalIP.Duplicate"}, {[]string{"translationIP"}, "InvalidTranslationIP.Duplicate"}}
	snat := &dcgRules{
		name: "LocalIPTranslation", keys: []string{"originalIP", "translationIP"}, async: true,
		inside: "originalIP", outside: "translationIP", unique: ipUnique,
		list: func(g *DirectConnectGateway) *[]DcgRule { return &g.SNAT },
	}
	snapt := &dcgRules{
		name: "LocalSourceIPPortTranslation", keys: []string{"translationIPPool"}, async: true,
		outside: "translationIPPool", unique: []dcgUnique{{[]string{"translationIPPool"}, "InvalidTranslationIP.Duplicate"}},
		list: func(g *DirectConnectGateway) *[]DcgRule { return &g.SNAPT },
	}
	for _, s := range []*dcgRules{snat, snapt, {
		name: "PeerIPTranslation", keys: []string{"originalIP", "translationIP"},
		outside: "translationIP", unique: ipUnique,
		list: func(g *DirectConnectGateway) *[]DcgRule { return &g.DNAT },
	}, {
		name: "LocalDestinationIPPortTranslation", keys: []string{"originalIP", "originalPort", "translationIP", "translationPort", "proto"},
		inside: "originalIP", outside: "translationIP",
		unique: []dcgUnique{{[]string{"translationIP", "translationPort", "proto"}, "InvalidTranslationIP.Duplicate"}},
		list:   func(g *DirectConnectGateway) *[]DcgRule { return &g.DNAPT },
	}} {
		h["legacy/Create"+s.name+"NatRule"] = dcgRule(s.async, s.create)
		h["legacy/Modify"+s.name+"NatRule"] = dcgRule(s.async, s.modify)
		h["legacy/Delete"+s.name+"NatRule"] = dcgRule(s.async, s.remove)
		h["legacy/Describe"+s.name+"NatRule"] = dcgRule(false, s.describe)
	}

	aclFields := []string{"protocol", "sourcePort", "destinationCidr", "destinationPort"}
	for _, a := range []*dcgAcls{
		{rules: snat, fields: aclFields},
		// Traffic would match two pools carrying the same rule.
		{rules: snapt, fields: append([]string{"sourceCidr"}, aclFields...), conflict: true},
	} {
		h["legacy/Create"+a.rules.name+"AclRule"] = dcgRule(false, a.put)
		h["legacy/Modify"+a.rules.name+"AclRule"] = dcgRule(false, a.put)
		h["legacy/Delete"+a.rules.name+"AclRule"] = dcgRule(false, a.remove)
		h["legacy/Describe"+a.rules.name+"AclRule"] = dcgRule(false, a.describe)
	}
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
// most, as the page says. The model has checked the name and the type.
func legacyCreateDcg(c *call, st *Store) (map[string]any, *apiError) {
	v, err := vpcs.find(c, st, "vpcId")
	if err != nil {
		return nil, err
	}
	typ, _ := c.intParam("type", 0)
	for _, g := range st.DirectConnectGateways.under(v.ID) {
		if g.Type == typ {
			return nil, lerrf(5100, "DirectConnectGatewayLimitExceeded", "The VPC %s has a direct connect gateway of type %d already: %s.", v.ID, typ, g.ID)
		}
	}
	g := &DirectConnectGateway{base: st.newBase(c, "dcg-"), VpcID: v.ID, Name: c.str("directConnectGatewayName"), Type: typ}
	st.DirectConnectGateways.put(g)
	return map[string]any{"data": map[string]any{"directConnectGatewayId": g.ID}}, nil
}

func legacyModifyDcg(c *call, st *Store) (map[string]any, *apiError) {
	g, err := dcgs.find(c, st, "directConnectGatewayId")
	if err != nil {
		return nil, err
	}
	g.Name = c.str("directConnectGatewayName")
	return taskReply(st.newTask(c, "vpc", g.ID)), nil
}

func legacyDeleteDcg(c *call, st *Store) (map[string]any, *apiError) {
	g, err := dcgs.find(c, st, "directConnectGatewayId")
	if err != nil {
		return nil, err
	}
	dcgs.remove(st, g)
	return taskReply(st.newTask(c, "vpc", g.ID)), nil
}

// dcgRuleFunc is a rule call on a NAT-type gateway of the VPC v.
type dcgRuleFunc func(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError)

// dcgRule is the handler of a rule call: it finds the gateway, refuses
// one that is not of the NAT type and, for the calls documented as
// asynchronous, answers with a task.
func dcgRule(async bool, f dcgRuleFunc) handler {
	return func(c *call, st *Store) (map[string]any, *apiError) {
		g, err := dcgs.find(c, st, "directConnectGatewayId")
		if err != nil {
			return nil, err
		}
		if g.Type != 1 {
			return nil, lerrf(5100, "UnsupportedOperation", "The direct connect gateway %s is not of the NAT type and keeps no translation rules.", g.ID)
		}
		out, err := f(c, st, st.VPCs.get(g.VpcID), g)
		if err != nil || !async {
			return out, err
		}
		return taskReply(st.newTask(c, "vpc", g.ID)), nil
	}
}

// dcgRules is one kind of translation rule, named by the stem of its
// calls (CreateLocalIPTranslationNatRule: LocalIPTranslation, whose list
// parameter is localIPTranslation). A rule is its keys' values; Modify
// names the rule it changes with "old" and each key (oldOriginalIP).
type dcgRules struct {
	name  string
	keys  []string
	async bool
	// inside and outside are the fields (an IP, a range or a block) that
	// must lie in the VPC and out of it; unique are fields two rules of
	// the kind may not share.
	inside, outside string
	unique          []dcgUnique
	list            func(*DirectConnectGateway) *[]DcgRule
}

type dcgUnique struct {
	fields []string
	code   string
}

func (s *dcgRules) param() string { return strings.ToLower(s.name[:1]) + s.name[1:] }

// read is the rule whose fields get gives.
func (s *dcgRules) read(get func(string) string) DcgRule {
	r := DcgRule{Description: get("description")}
	for _, k := range s.keys {
		*r.at(k) = get(k)
	}
	r.Proto = strings.ToLower(r.Proto)
	return r
}

func (s *dcgRules) index(list []DcgRule, r DcgRule) int {
	return slices.IndexFunc(list, func(x DcgRule) bool {
		for _, k := range s.keys {
			if *x.at(k) != *r.at(k) {
				return false
			}
		}
		return true
	})
}

// notFound is the code for a rule that is not there: the pages name it
// after the kind (InvalidLocalIPTranslation.NotFound), the snapt pages
// after the pool (InvalidTranslationIPPool.NotFound).
func (s *dcgRules) notFound(c *call, r DcgRule) *apiError {
	var named []string
	for _, k := range s.keys {
		named = append(named, k+"="+*r.at(k))
	}
	code := c.pick("Invalid"+s.name+".NotFound", "Invalid"+upperFirst(s.keys[0])+".NotFound", "ResourceNotFound")
	return lerrf(5000, code, "No rule has %s.", strings.Join(named, ", "))
}

// check refuses rule r among list, skipping index skip (the rule being
// changed). For a pool inside the VPC the Create page names
// InvalidTranslationIPPool.NotInVpcCidr and the Modify page
// InvalidTranslationIPPool.InVpcCidr; the examples' pools all lie
// outside, so both refuse the same pools, each with its page's code.
func (s *dcgRules) check(c *call, v *VPC, list []DcgRule, r DcgRule, skip int) *apiError {
	first, last := span(v.CIDR)
	if f := s.inside; f != "" {
		if lo, hi := span(*r.at(f)); lo.Less(first) || last.Less(hi) {
			return lerrf(4000, c.pick("Invalid"+upperFirst(f)+".NotInVpcCidr", "InvalidParameterValue"), "The %s %s is not in the VPC's %s.", f, *r.at(f), v.CIDR)
		}
	}
	if f := s.outside; f != "" {
		if lo, hi := span(*r.at(f)); !hi.Less(first) && !last.Less(lo) {
			stem := "Invalid" + upperFirst(f)
			return lerrf(4000, c.pick(stem+".InVpcCidr", stem+".NotInVpcCidr", "InvalidParameterValue"), "The %s %s overlaps the VPC's %s.", f, *r.at(f), v.CIDR)
		}
	}
	for i, x := range list {
		for _, u := range s.unique {
			if i != skip && !slices.ContainsFunc(u.fields, func(k string) bool { return *x.at(k) != *r.at(k) }) {
				return lerrf(5100, c.pick(u.code, "InvalidParameterValue"), "Another rule has the same %s.", strings.Join(u.fields, ", "))
			}
		}
	}
	return nil
}

func (s *dcgRules) create(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	list := s.list(g)
	next := slices.Clone(*list)
	for _, m := range c.objs(s.param()) {
		r := s.read(func(k string) string { return field(m, k) })
		if err := s.check(c, v, next, r, -1); err != nil {
			return nil, err
		}
		next = append(next, r)
	}
	if len(next) > dcgRuleLimit {
		return nil, lerrf(5100, c.pick(s.name+"LimitExceeded", "LimitExceeded"), "A gateway keeps at most %d rules of this kind.", dcgRuleLimit)
	}
	*list = next
	return nil, nil
}

func (s *dcgRules) modify(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	list := *s.list(g)
	old := s.read(func(k string) string { return c.str("old" + upperFirst(k)) })
	i := s.index(list, old)
	if i < 0 {
		return nil, s.notFound(c, old)
	}
	r := list[i]
	for _, k := range s.keys {
		if c.has(k) {
			*r.at(k) = c.str(k)
		}
	}
	r.Proto = strings.ToLower(r.Proto)
	if _, ok := c.raw("description"); ok {
		r.Description = c.str("description")
	}
	if err := s.check(c, v, list, r, i); err != nil {
		return nil, err
	}
	list[i] = r
	return nil, nil
}

func (s *dcgRules) remove(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	list := s.list(g)
	next := slices.Clone(*list)
	for _, m := range c.objs(s.param()) {
		r := s.read(func(k string) string { return field(m, k) })
		i := s.index(next, r)
		if i < 0 {
			return nil, s.notFound(c, r)
		}
		next = slices.Delete(next, i, i+1)
	}
	*list = next
	return nil, nil
}

// describe lists the rules whose keys equal those given (ignoring case)
// and whose description contains the one given; a rule asked for by a
// key that none has is not found.
func (s *dcgRules) describe(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	rows := []any{}
	for _, r := range *s.list(g) {
		keep := fuzzy(r.Description, c.str("description"))
		row := map[string]any{"description": r.Description}
		for _, k := range s.keys {
			keep = keep && (c.str(k) == "" || strings.EqualFold(c.str(k), *r.at(k)))
			row[k] = *r.at(k)
		}
		if keep {
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 && slices.ContainsFunc(s.keys, c.has) {
		return nil, s.notFound(c, s.read(c.str))
	}
	return ruleRows(c, rows)
}

// ruleRows pages a rule listing; the pages show data alone, totalCount
// is added for paging.
func ruleRows(c *call, rows []any) (map[string]any, *apiError) {
	offset, _ := c.intParam("offset", 0)
	limit, err := c.intParam("limit", 20)
	if err != nil {
		return nil, err
	}
	if limit < 0 {
		return nil, c.invalid("limit", "must not be negative")
	}
	return map[string]any{"totalCount": len(rows), "data": pageOf(rows, offset, limit)}, nil
}

// span is the first and last address of an IP, a range lo-hi or a CIDR
// block, as the model has checked them.
func span(s string) (lo, hi netip.Addr) {
	if a, b, isRange := strings.Cut(s, "-"); isRange {
		lo, _ = netip.ParseAddr(a)
		hi, _ = netip.ParseAddr(b)
		return lo, hi
	}
	if p, ok := parseCIDR(s); ok {
		return p.Addr(), uintToIP(ipToUint(p.Addr()) | (1<<(32-p.Bits()) - 1))
	}
	lo, _ = netip.ParseAddr(s)
	return lo, lo
}

func upperFirst(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// dcgAcls is the ACL rules of one kind of translation: the translation is
// named by its keys as parameters (originalIP and translationIP), each
// ACL rule of aclRules by its fields.
type dcgAcls struct {
	rules  *dcgRules
	fields []string
	// conflict refuses an ACL rule that another translation of the kind
	// carries already.
	conflict bool
}

// owner is the index of the translation the call names.
func (a *dcgAcls) owner(c *call, list []DcgRule) (int, *apiError) {
	r := a.rules.read(c.str)
	i := a.rules.index(list, r)
	if i < 0 {
		return 0, a.rules.notFound(c, r)
	}
	return i, nil
}

func aclNotFound(id string) *apiError {
	return lerrf(5000, "ResourceNotFound", "The ACL rule %s does not exist.", id)
}

func aclIndex(list []DcgAcl, id string) int {
	return slices.IndexFunc(list, func(x DcgAcl) bool { return strconv.FormatInt(x.ID, 10) == id })
}

// put adds the ACL rules of aclRules, or with their aclRuleId (Modify)
// replaces them.
func (a *dcgAcls) put(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	list := *a.rules.list(g)
	i, err := a.owner(c, list)
	if err != nil {
		return nil, err
	}
	next := slices.Clone(list[i].Acls)
	for _, m := range c.objs("aclRules") {
		var x DcgAcl
		for _, f := range a.fields {
			*x.at(f) = field(m, f)
		}
		x.Protocol = strings.ToUpper(x.Protocol)
		if err := a.conflicts(c, list, i, x); err != nil {
			return nil, err
		}
		if id, ok := m["aclRuleId"]; ok {
			j := aclIndex(next, scalarString(id))
			if j < 0 {
				return nil, aclNotFound(scalarString(id))
			}
			x.ID = next[j].ID
			next[j] = x
			continue
		}
		x.ID = st.nextNum()
		next = append(next, x)
	}
	if len(next) > dcgAclLimit {
		return nil, lerrf(5100, c.pick("AclRuleLimitExceeded", "LimitExceeded"), "A translation keeps at most %d ACL rules.", dcgAclLimit)
	}
	list[i].Acls = next
	return nil, nil
}

func (a *dcgAcls) conflicts(c *call, list []DcgRule, own int, x DcgAcl) *apiError {
	if !a.conflict {
		return nil
	}
	for i := range list {
		for _, y := range list[i].Acls {
			if i != own && !slices.ContainsFunc(a.fields, func(f string) bool { return *x.at(f) != *y.at(f) }) {
				return lerrf(5100, "InvalidLocalSourceIPPortTranslationAcl.Conflict", "The rule of %s has the same ACL rule (%d).", *list[i].at(a.rules.keys[0]), y.ID)
			}
		}
	}
	return nil
}

func (a *dcgAcls) remove(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	list := *a.rules.list(g)
	i, err := a.owner(c, list)
	if err != nil {
		return nil, err
	}
	ids := c.strs("aclRules")
	for _, id := range ids {
		if aclIndex(list[i].Acls, id) < 0 {
			return nil, aclNotFound(id)
		}
	}
	list[i].Acls = slices.DeleteFunc(slices.Clone(list[i].Acls), func(x DcgAcl) bool { return contains(ids, strconv.FormatInt(x.ID, 10)) })
	return nil, nil
}

// describe lists the ACL rules of aclRules, or all.
func (a *dcgAcls) describe(c *call, st *Store, v *VPC, g *DirectConnectGateway) (map[string]any, *apiError) {
	list := *a.rules.list(g)
	i, err := a.owner(c, list)
	if err != nil {
		return nil, err
	}
	ids := c.strs("aclRules")
	out := []any{}
	for _, x := range list[i].Acls {
		if len(ids) == 0 || contains(ids, strconv.FormatInt(x.ID, 10)) {
			row := map[string]any{"aclRuleId": x.ID}
			for _, f := range a.fields {
				row[f] = *x.at(f)
			}
			out = append(out, row)
		}
	}
	return map[string]any{"data": out}, nil
}
