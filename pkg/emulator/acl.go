package emulator

import (
	"fmt"
	"strconv"
	"strings"
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

// acls is the network ACL kind. Its pages spell its codes three ways:
// InvalidNetworkAclID.NotFound, DescribeNetworkAcl's
// InvalidNetworkAclId.NotFound and DeleteNetworkAcl's NetworkAclID.InUse;
// each page gets its own.
var acls = &kind[*NetworkAcl]{
	noun: "network ACL", prefix: "acl-", rows: func(s *Store) *table[*NetworkAcl] { return &s.NetworkAcls },
	legacyCode: "InvalidNetworkAclID|InvalidNetworkAclId|NetworkAclID", vpcParam: "vpcId",
	inUse: func(st *Store, a *NetworkAcl) string {
		if subs := st.aclSubnets(a); len(subs) > 0 {
			return "subnet " + subs[0].ID
		}
		return ""
	},
	legacy: &legacyList[*NetworkAcl]{
		max: 50, orderBy: []string{"networkAclName"}, id: "networkAclId", parent: "vpcId", strict: true,
		row: func(st *Store, a *NetworkAcl) map[string]any { return legacyAclRow(st, a, false) },
	},
}

func registerACL(h map[string]handler) {
	h["legacy/CreateNetworkAcl"] = legacyCreateNetworkAcl
	h["legacy/DescribeNetworkAcl"] = acls.describeLegacy
	// DescribeAcl is the older listing, of its own page size and shape.
	old := *acls
	old.legacy = &legacyList[*NetworkAcl]{
		max: 100, parent: "vpcId", strict: true,
		reply: func(total int, rows []any) map[string]any {
			return map[string]any{"data": map[string]any{"totalCount": total, "aclSet": rows}}
		},
		substr: []attr[*NetworkAcl]{{"name", func(a *NetworkAcl) string { return a.Name }}},
		row:    func(st *Store, a *NetworkAcl) map[string]any { return legacyAclRow(st, a, true) },
	}
	h["legacy/DescribeAcl"] = old.describeLegacy
	h["legacy/ModifyNetworkAcl"] = legacyModifyNetworkAcl
	h["legacy/ModifyNetworkAclEntry"] = legacyModifyNetworkAclEntry
	h["legacy/DeleteNetworkAcl"] = acls.deleter("networkAclId")
	h["legacy/CreateSubnetAclRule"] = bindAclSubnets(true)
	h["legacy/DeleteSubnetAclRule"] = bindAclSubnets(false)
}

func (st *Store) aclSubnets(a *NetworkAcl) []*Subnet {
	var out []*Subnet
	for _, s := range st.Subnets.under(a.VpcID) {
		if s.NetworkAclID == a.ID {
			out = append(out, s)
		}
	}
	return out
}

// aclName reads networkAclName: the model holds its longest, not that
// it is given.
func aclName(c *call) (string, *apiError) {
	name := c.str("networkAclName")
	if name == "" {
		return "", c.invalid("networkAclName", "a name is 1 to 60 characters")
	}
	return name, nil
}

func legacyCreateNetworkAcl(c *call, st *Store) (map[string]any, *apiError) {
	v, err := vpcs.find(c, st, "vpcId")
	if err != nil {
		return nil, err
	}
	name, err := aclName(c)
	if err != nil {
		return nil, err
	}
	// NetworkAcLimitExceeded is spelled as the page spells it.
	if n := len(st.NetworkAcls.under(v.ID)); n >= aclPerVpc {
		return nil, lerrf(5100, "NetworkAcLimitExceeded", "The VPC %s has %d network ACLs, the most it may have.", v.ID, n)
	}
	a := &NetworkAcl{base: st.newBase(c, "acl-"), VpcID: v.ID, Name: name, Ingress: []AclEntry{aclDefault}, Egress: []AclEntry{aclDefault}}
	st.NetworkAcls.put(a)
	return map[string]any{"data": map[string]any{"networkAclId": a.ID}}, nil
}

// legacyAclRow is a row of DescribeNetworkAcl or, old, of DescribeAcl.
// DescribeAcl's table names the fields networkAclName/networkAclId and
// the rules acl.name…; its example reply says aclName/aclId. Its rows
// carry both spellings.
func legacyAclRow(st *Store, a *NetworkAcl, old bool) map[string]any {
	row := map[string]any{
		"vpcId": a.VpcID, "unVpcId": a.VpcID, "networkAclId": a.ID, "networkAclName": a.Name,
		"subnetNum": len(st.aclSubnets(a)), "createTime": a.created(),
	}
	if v := st.VPCs.get(a.VpcID); v != nil {
		row["vpcName"], row["vpcCidrBlock"] = v.Name, v.CIDR
	}
	rules := map[string]any{"ingress": aclRules(a.Ingress, old), "egress": aclRules(a.Egress, old)}
	if old {
		row["aclName"], row["aclId"], row["acl"] = a.Name, a.ID, rules
	} else {
		row["networkAclEntrySet"] = rules
	}
	return row
}

// aclRules renders rules; DescribeAcl's (old) name the description and
// give the action as a string.
func aclRules(list []AclEntry, old bool) []any {
	out := make([]any, 0, len(list))
	for _, r := range list {
		m := map[string]any{"ipProtocol": r.Protocol, "cidrIp": r.CidrIP, "portRange": r.PortRange}
		if old {
			m["name"], m["action"] = r.Desc, strconv.Itoa(r.Action)
		} else {
			m["desc"], m["action"] = r.Desc, r.Action
		}
		out = append(out, m)
	}
	return out
}

func legacyModifyNetworkAcl(c *call, st *Store) (map[string]any, *apiError) {
	a, err := acls.find(c, st, "networkAclId")
	if err != nil {
		return nil, err
	}
	if a.Name, err = aclName(c); err != nil {
		return nil, err
	}
	st.dirty = true
	return nil, nil
}

// legacyModifyNetworkAclEntry replaces the rule set of one direction. The
// model has checked the direction and each rule's address, ports and
// action.
func legacyModifyNetworkAclEntry(c *call, st *Store) (map[string]any, *apiError) {
	a, err := acls.find(c, st, "networkAclId")
	if err != nil {
		return nil, err
	}
	rules := []AclEntry{}
	for i, m := range c.objs("networkAclEntrySet") {
		where := fmt.Sprintf("networkAclEntrySet.%d", i)
		r := AclEntry{Desc: field(m, "desc"), Protocol: strings.ToLower(field(m, "ipProtocol")), CidrIP: field(m, "cidrIp"), PortRange: field(m, "portRange")}
		switch r.Protocol {
		case "all", "tcp", "udp", "icmp", "gre":
		default:
			return nil, c.invalid(where+".ipProtocol", "%q is not one of all, tcp, udp, icmp, gre", field(m, "ipProtocol"))
		}
		if !descOK(r.Desc) {
			return nil, c.invalid(where+".desc", "must be at most 60 characters")
		}
		if field(m, "action") == "1" {
			r.Action = 1
		}
		rules = append(rules, r)
	}
	list, code := &a.Egress, "NetworkAclOutLimitExceeded"
	if c.str("ruleDirection") == "1" {
		list, code = &a.Ingress, "NetworkAclInLimitExceeded"
	}
	if len(rules) > aclRuleLimit {
		return nil, lerrf(5100, code, "A network ACL holds at most %d rules in each direction.", aclRuleLimit)
	}
	*list = rules
	st.dirty = true
	return nil, nil
}

// bindAclSubnets is CreateSubnetAclRule (bind) and DeleteSubnetAclRule:
// the subnets of subnetIds.N, each of the ACL's VPC, are bound to the ACL
// or unbound from it. A subnet has one ACL at most: one bound to another
// ACL is refused (ResourceInUse), as is unbinding one this ACL does not
// hold (ResourceNotFound). The pages document no code for a subnet that
// is not there either; the common codes name these.
func bindAclSubnets(bind bool) handler {
	return func(c *call, st *Store) (map[string]any, *apiError) {
		a, err := acls.find(c, st, "networkAclId")
		if err != nil {
			return nil, err
		}
		var subs []*Subnet
		for _, id := range c.strs("subnetIds") {
			s := st.Subnets.get(id)
			switch {
			case s == nil || s.VpcID != a.VpcID:
				return nil, lerrf(5000, c.pick("InvalidSubnet.NotFound", "ResourceNotFound"), "The subnet %s does not exist in VPC %s.", id, a.VpcID)
			case bind && s.NetworkAclID != "" && s.NetworkAclID != a.ID:
				return nil, lerrf(5100, "ResourceInUse", "The subnet %s is bound to the network ACL %s; unbind it first.", s.ID, s.NetworkAclID)
			case !bind && s.NetworkAclID != a.ID:
				return nil, lerrf(5000, c.pick("InvalidSubnet.NotFound", "ResourceNotFound"), "The subnet %s is not bound to the network ACL %s.", s.ID, a.ID)
			}
			subs = append(subs, s)
		}
		to := ""
		if bind {
			to = a.ID
		}
		for _, s := range subs {
			s.NetworkAclID = to
		}
		st.dirty = true
		return nil, nil
	}
}
