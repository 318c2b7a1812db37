package emulator

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tcvpc/tcvpc/pkg/api/model"
)

// NetworkAcl is a subnet-level rule set of a VPC (legacy API only). The
// subnets bound to it carry its ID (Subnet.NetworkAclID): a subnet has at
// most one.
type NetworkAcl struct {
	base
	VpcID   string     `json:"vpcId"`
	Name    string     `json:"name"`
	Ingress []AclEntry `json:"ingress"`
	Egress  []AclEntry `json:"egress"`
}

// AclEntry is one rule. Action is kept as sent: ModifyNetworkAclEntry's
// page says 0 allows and 1 denies, DescribeNetworkAcl's the reverse (and
// its example shows the allow-all default as 1), so the number given is
// the number shown.
type AclEntry struct {
	Desc      string `json:"desc"`
	Protocol  string `json:"ipProtocol"`
	CidrIP    string `json:"cidrIp"`
	PortRange string `json:"portRange"`
	Action    int    `json:"action"`
}

// Limits from the ACL pages' LimitExceeded codes, in round figures.
const (
	aclPerVpc    = 20
	aclRuleLimit = 20 // rules in each direction
)

// aclDefault is the rule a new ACL starts with in each direction, as the
// DescribeNetworkAcl example shows for every ACL listed.
var aclDefault = AclEntry{Protocol: "all", CidrIP: "0.0.0.0/0", PortRange: "ALL", Action: 1}

func registerACL(h map[string]handler) {
	h["legacy/CreateNetworkAcl"] = legacyCreateNetworkAcl
	h["legacy/DescribeNetworkAcl"] = legacyDescribeNetworkAcl
	h["legacy/DescribeAcl"] = legacyDescribeAcl
	h["legacy/ModifyNetworkAcl"] = legacyModifyNetworkAcl
	h["legacy/ModifyNetworkAclEntry"] = legacyModifyNetworkAclEntry
	h["legacy/DeleteNetworkAcl"] = legacyDeleteNetworkAcl
	h["legacy/CreateSubnetAclRule"] = legacyCreateSubnetAclRule
	h["legacy/DeleteSubnetAclRule"] = legacyDeleteSubnetAclRule
}

// legacyAcl finds the ACL a call names in its VPC. DescribeNetworkAcl's
// page spells the code InvalidNetworkAclId.NotFound, the others
// InvalidNetworkAclID.NotFound; each page gets its own.
func legacyAcl(c *call, st *Store) (*VPC, *NetworkAcl, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, nil, err
	}
	id := c.str("networkAclId")
	a := st.NetworkAcls.get(id)
	if a == nil || a.VpcID != v.ID {
		return nil, nil, lerrf(5000, c.pick("InvalidNetworkAclID.NotFound", "InvalidNetworkAclId.NotFound"), "The network ACL %s does not exist in VPC %s.", id, v.ID)
	}
	return v, a, nil
}

func (st *Store) aclSubnets(id string) []*Subnet {
	var out []*Subnet
	for _, s := range st.Subnets.all() {
		if s.NetworkAclID == id {
			out = append(out, s)
		}
	}
	return out
}

func aclRules(list []AclEntry) []any {
	out := make([]any, 0, len(list))
	for _, r := range list {
		out = append(out, map[string]any{"desc": r.Desc, "ipProtocol": r.Protocol, "cidrIp": r.CidrIP, "portRange": r.PortRange, "action": r.Action})
	}
	return out
}

func legacyCreateNetworkAcl(c *call, st *Store) (map[string]any, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, err
	}
	name := c.str("networkAclName")
	if !nameOK(name) {
		return nil, lerrf(4000, "InvalidNetworkAclName", "The network ACL name must be 1 to 60 characters.")
	}
	n := 0
	for _, a := range st.NetworkAcls.byID {
		if a.VpcID == v.ID {
			n++
		}
	}
	// NetworkAcLimitExceeded is spelled as the page spells it.
	if n >= aclPerVpc {
		return nil, lerrf(5100, "NetworkAcLimitExceeded", "The VPC %s has %d network ACLs, the most it may have.", v.ID, n)
	}
	a := &NetworkAcl{base: st.newBase(c, "acl-"), VpcID: v.ID, Name: name, Ingress: []AclEntry{aclDefault}, Egress: []AclEntry{aclDefault}}
	st.NetworkAcls.put(a)
	return map[string]any{"data": map[string]any{"networkAclId": a.ID}}, nil
}

func legacyAclRow(st *Store, a *NetworkAcl) map[string]any {
	row := map[string]any{
		"vpcId": a.VpcID, "unVpcId": a.VpcID, "networkAclId": a.ID, "networkAclName": a.Name,
		"subnetNum": len(st.aclSubnets(a.ID)), "createTime": a.created(),
		"networkAclEntrySet": map[string]any{"ingress": aclRules(a.Ingress), "egress": aclRules(a.Egress)},
	}
	if v := st.VPCs.get(a.VpcID); v != nil {
		row["vpcName"], row["vpcCidrBlock"] = v.Name, v.CIDR
	}
	return row
}

func legacyDescribeNetworkAcl(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.legacyPage(50, "networkAclName")
	if err != nil {
		return nil, err
	}
	vpcID, id := c.str("vpcId"), c.str("networkAclId")
	if vpcID != "" && st.VPCs.get(vpcID) == nil {
		return nil, lerrf(5000, "InvalidVpc.NotFound", "The VPC %s does not exist.", vpcID)
	}
	if id != "" && st.NetworkAcls.get(id) == nil {
		return nil, lerrf(5000, c.pick("InvalidNetworkAclId.NotFound", "InvalidNetworkAclID.NotFound"), "The network ACL %s does not exist.", id)
	}
	var rows []map[string]any
	for _, a := range st.NetworkAcls.all() {
		if (vpcID == "" || a.VpcID == vpcID) && (id == "" || a.ID == id) {
			rows = append(rows, legacyAclRow(st, a))
		}
	}
	return map[string]any{"totalCount": len(rows), "data": rowsAny(q.apply(rows))}, nil
}

// legacyDescribeAcl is the older listing. Its table names the fields
// networkAclName/networkAclId and the rules acl.name…; its example reply
// says aclName/aclId. Rows carry both spellings.
func legacyDescribeAcl(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.legacyPage(100)
	if err != nil {
		return nil, err
	}
	vpcID, name := c.str("vpcId"), c.str("name")
	if vpcID != "" && st.VPCs.get(vpcID) == nil {
		return nil, lerrf(5000, "InvalidVpc.NotFound", "The VPC %s does not exist.", vpcID)
	}
	var rows []map[string]any
	for _, a := range st.NetworkAcls.all() {
		if (vpcID != "" && a.VpcID != vpcID) || !fuzzy(a.Name, name) {
			continue
		}
		rules := func(list []AclEntry) []any {
			out := make([]any, 0, len(list))
			for _, r := range list {
				out = append(out, map[string]any{"name": r.Desc, "ipProtocol": r.Protocol, "cidrIp": r.CidrIP, "portRange": r.PortRange, "action": strconv.Itoa(r.Action)})
			}
			return out
		}
		row := map[string]any{
			"vpcId": a.VpcID, "unVpcId": a.VpcID, "networkAclName": a.Name, "networkAclId": a.ID,
			"aclName": a.Name, "aclId": a.ID, "subnetNum": len(st.aclSubnets(a.ID)), "createTime": a.created(),
			"acl": map[string]any{"ingress": rules(a.Ingress), "egress": rules(a.Egress)},
		}
		if v := st.VPCs.get(a.VpcID); v != nil {
			row["vpcName"], row["vpcCidrBlock"] = v.Name, v.CIDR
		}
		rows = append(rows, row)
	}
	return map[string]any{"data": map[string]any{"totalCount": len(rows), "aclSet": rowsAny(q.apply(rows))}}, nil
}

func legacyModifyNetworkAcl(c *call, st *Store) (map[string]any, *apiError) {
	_, a, err := legacyAcl(c, st)
	if err != nil {
		return nil, err
	}
	if !nameOK(c.str("networkAclName")) {
		return nil, lerrf(4000, "InvalidNetworkAclName", "The network ACL name must be 1 to 60 characters.")
	}
	a.Name = c.str("networkAclName")
	st.dirty = true
	return nil, nil
}

// portRangeOK accepts ALL, a port or a range lo-hi: the model's port form.
func portRangeOK(s string) bool { return model.FormatPorts.Match(s, "", Legacy) }

// cidrOrIPOK accepts an IPv4 address or CIDR block, host bits allowed
// (the page's example 10.0.0.2/24): the model's legacy form.
func cidrOrIPOK(s string) bool { return model.FormatIPv4OrCIDR.Match(s, "", Legacy) }

// legacyModifyNetworkAclEntry replaces the rule set of one direction.
func legacyModifyNetworkAclEntry(c *call, st *Store) (map[string]any, *apiError) {
	_, a, err := legacyAcl(c, st)
	if err != nil {
		return nil, err
	}
	dir := c.str("ruleDirection")
	if dir != "0" && dir != "1" {
		return nil, c.invalid("ruleDirection", "must be 1 (ingress) or 0 (egress)")
	}
	var rules []AclEntry
	for i, m := range c.objs("networkAclEntrySet") {
		where := fmt.Sprintf("networkAclEntrySet.%d", i)
		r := AclEntry{Desc: field(m, "desc"), Protocol: strings.ToLower(field(m, "ipProtocol")), CidrIP: field(m, "cidrIp"), PortRange: field(m, "portRange")}
		switch r.Protocol {
		case "all", "tcp", "udp", "icmp", "gre":
		default:
			return nil, c.invalid(where+".ipProtocol", "%q is not one of all, tcp, udp, icmp, gre", field(m, "ipProtocol"))
		}
		if !cidrOrIPOK(r.CidrIP) {
			return nil, c.invalid(where+".cidrIp", "%q is not an IP or CIDR block", r.CidrIP)
		}
		if !portRangeOK(r.PortRange) {
			return nil, c.invalid(where+".portRange", "%q is not ALL, a port or a range such as 90-100", r.PortRange)
		}
		switch field(m, "action") {
		case "0":
		case "1":
			r.Action = 1
		default:
			return nil, c.invalid(where+".action", "must be 0 or 1")
		}
		if !descOK(r.Desc) {
			return nil, c.invalid(where+".desc", "must be at most 60 characters")
		}
		rules = append(rules, r)
	}
	if len(rules) > aclRuleLimit {
		code := "NetworkAclOutLimitExceeded"
		if dir == "1" {
			code = "NetworkAclInLimitExceeded"
		}
		return nil, lerrf(5100, code, "A network ACL holds at most %d rules in each direction.", aclRuleLimit)
	}
	if rules == nil {
		rules = []AclEntry{}
	}
	if dir == "1" {
		a.Ingress = rules
	} else {
		a.Egress = rules
	}
	st.dirty = true
	return nil, nil
}

func legacyDeleteNetworkAcl(c *call, st *Store) (map[string]any, *apiError) {
	_, a, err := legacyAcl(c, st)
	if err != nil {
		return nil, err
	}
	if subs := st.aclSubnets(a.ID); len(subs) > 0 {
		return nil, lerrf(5100, "NetworkAclID.InUse", "The network ACL %s is bound to subnet %s; unbind it first.", a.ID, subs[0].ID)
	}
	st.NetworkAcls.del(a.ID)
	st.dirty = true
	return nil, nil
}

// aclSubnetsOf reads subnetIds.N, each a subnet of the ACL's VPC. The
// pages document no code for a subnet that is not there; the subnet
// pages' InvalidSubnet.NotFound names it.
func aclSubnetsOf(c *call, st *Store, v *VPC) ([]*Subnet, *apiError) {
	ids := c.strs("subnetIds")
	if len(ids) == 0 {
		return nil, c.missing("subnetIds")
	}
	var out []*Subnet
	for _, id := range ids {
		s := st.Subnets.get(id)
		if s == nil || s.VpcID != v.ID {
			return nil, lerrf(5000, "InvalidSubnet.NotFound", "The subnet %s does not exist in VPC %s.", id, v.ID)
		}
		out = append(out, s)
	}
	return out, nil
}

// legacyCreateSubnetAclRule binds subnets to an ACL. A subnet bound to
// another ACL is refused (ResourceInUse, the page having no code for it):
// a subnet has one ACL at most.
func legacyCreateSubnetAclRule(c *call, st *Store) (map[string]any, *apiError) {
	v, a, err := legacyAcl(c, st)
	if err != nil {
		return nil, err
	}
	subs, err := aclSubnetsOf(c, st, v)
	if err != nil {
		return nil, err
	}
	for _, s := range subs {
		if s.NetworkAclID != "" && s.NetworkAclID != a.ID {
			return nil, lerrf(5100, "ResourceInUse", "The subnet %s is bound to the network ACL %s; unbind it first.", s.ID, s.NetworkAclID)
		}
	}
	for _, s := range subs {
		s.NetworkAclID = a.ID
	}
	st.dirty = true
	return nil, nil
}

func legacyDeleteSubnetAclRule(c *call, st *Store) (map[string]any, *apiError) {
	v, a, err := legacyAcl(c, st)
	if err != nil {
		return nil, err
	}
	subs, err := aclSubnetsOf(c, st, v)
	if err != nil {
		return nil, err
	}
	for _, s := range subs {
		if s.NetworkAclID != a.ID {
			return nil, lerrf(5000, "InvalidSubnet.NotFound", "The subnet %s is not bound to the network ACL %s.", s.ID, a.ID)
		}
	}
	for _, s := range subs {
		s.NetworkAclID = ""
	}
	st.dirty = true
	return nil, nil
}
