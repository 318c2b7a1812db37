package emulator

import (
	"fmt"
	"slices"
	"strconv"
)

// SecurityGroup is a security group with its ordered policies; Version
// counts changes, as the service's policy-set version does.
type SecurityGroup struct {
	base
	Name      string     `json:"name"`
	Desc      string     `json:"desc"`
	ProjectID string     `json:"projectId"`
	Version   int        `json:"version"`
	Ingress   []SGPolicy `json:"ingress,omitempty"`
	Egress    []SGPolicy `json:"egress,omitempty"`
}

// SGPolicy is one rule, in API 3.0 field names.
type SGPolicy map[string]any

var sgs = &kind[*SecurityGroup]{
	noun: "security group", prefix: "sg-", rows: func(s *Store) *table[*SecurityGroup] { return &s.SecurityGroups },
	code: "InvalidSecurityGroupID",
	inUse: func(st *Store, g *SecurityGroup) string {
		for _, e := range st.ENIs.all() {
			if slices.Contains(e.Groups, g.ID) {
				return "network interface " + e.ID
			}
		}
		return ""
	},
	idsParam: "SecurityGroupIds", set: "SecurityGroupSet",
	filters: []attr[*SecurityGroup]{
		{"security-group-id", func(g *SecurityGroup) string { return g.ID }},
		{"project-id", func(g *SecurityGroup) string { return g.ProjectID }},
		{"security-group-name", func(g *SecurityGroup) string { return g.Name }},
	},
	v3Row: func(_ *Store, g *SecurityGroup) any { return g.v3() },
}

func registerSecurityGroup(h map[string]handler) {
	h["v3/CreateSecurityGroup"] = v3CreateSecurityGroup
	h["v3/DeleteSecurityGroup"] = sgs.deleter("SecurityGroupId")
	h["v3/DescribeSecurityGroups"] = sgs.describeV3
	h["v3/ModifySecurityGroupAttribute"] = v3ModifySecurityGroupAttribute
	h["v3/DescribeSecurityGroupPolicies"] = v3DescribeSecurityGroupPolicies
	h["v3/CreateSecurityGroupPolicies"] = policyEdit(addPolicies)
	h["v3/DeleteSecurityGroupPolicies"] = policyEdit(deletePolicies)
	h["v3/ModifySecurityGroupPolicies"] = policyEdit(setPolicies)
	h["v3/ReplaceSecurityGroupPolicy"] = policyEdit(replacePolicies)
}

func (g *SecurityGroup) v3() map[string]any {
	return map[string]any{
		"SecurityGroupId": g.ID, "SecurityGroupName": g.Name, "SecurityGroupDesc": g.Desc,
		"ProjectId": g.ProjectID, "IsDefault": false, "CreatedTime": g.created(), "TagSet": []any{},
	}
}

// policies renders one direction with fresh PolicyIndex values.
func (g *SecurityGroup) policies(list []SGPolicy) []any {
	out := make([]any, 0, len(list))
	for i, p := range list {
		m := map[string]any{}
		for k, v := range p {
			m[k] = v
		}
		m["PolicyIndex"] = i
		out = append(out, m)
	}
	return out
}

func (g *SecurityGroup) policySet() map[string]any {
	return map[string]any{"Version": strconv.Itoa(g.Version), "Egress": g.policies(g.Egress), "Ingress": g.policies(g.Ingress)}
}

// v3CreateSecurityGroup makes a group; the model holds the longest name
// and description.
func v3CreateSecurityGroup(c *call, st *Store) (map[string]any, *apiError) {
	if c.str("GroupName") == "" {
		return nil, c.invalid("GroupName", "a name is 1 to 60 characters")
	}
	pid := c.str("ProjectId")
	if pid == "" {
		pid = "0"
	}
	g := &SecurityGroup{base: st.newBase(c, "sg-"), Name: c.str("GroupName"), Desc: c.str("GroupDescription"), ProjectID: pid}
	st.SecurityGroups.put(g)
	return map[string]any{"SecurityGroup": g.v3()}, nil
}

func v3ModifySecurityGroupAttribute(c *call, st *Store) (map[string]any, *apiError) {
	g, err := sgs.find(c, st, "SecurityGroupId")
	if err != nil {
		return nil, err
	}
	if c.has("GroupName") {
		g.Name = c.str("GroupName")
	}
	if c.has("GroupDescription") {
		g.Desc = c.str("GroupDescription")
	}
	st.dirty = true
	return nil, nil
}

func v3DescribeSecurityGroupPolicies(c *call, st *Store) (map[string]any, *apiError) {
	g, err := sgs.find(c, st, "SecurityGroupId")
	if err != nil {
		return nil, err
	}
	return map[string]any{"SecurityGroupPolicySet": g.policySet()}, nil
}

// readPolicies reads one direction of SecurityGroupPolicySet, checking
// each rule has an action and a protocol.
func readPolicies(c *call, dir string) ([]SGPolicy, *apiError) {
	var out []SGPolicy
	for i, m := range c.objs("SecurityGroupPolicySet." + dir) {
		p := SGPolicy{}
		for k, v := range m {
			// The index is the rule's place; SecurityGroupId is the peer
			// group of the rule, kept as given.
			if k == "PolicyIndex" {
				continue
			}
			if sub, ok := v.(map[string]any); ok {
				p[k] = sub
			} else {
				p[k] = scalarString(v)
			}
		}
		act := scalarString(p["Action"])
		if act != "ACCEPT" && act != "DROP" {
			return nil, errf("InvalidParameter", "SecurityGroupPolicySet.%s.%d.Action must be ACCEPT or DROP.", dir, i)
		}
		if p["Protocol"] == nil && p["ServiceTemplate"] == nil {
			p["Protocol"] = "ALL"
		}
		out = append(out, p)
	}
	return out, nil
}

// readBoth reads the Ingress and the Egress rules given.
func readBoth(c *call) (in, out []SGPolicy, err *apiError) {
	if in, err = readPolicies(c, "Ingress"); err == nil {
		out, err = readPolicies(c, "Egress")
	}
	return in, out, err
}

// policyEdit is a handler changing a group's policies: it finds the
// group, refuses a change based on an old version, makes the change edit
// describes and counts a new version.
func policyEdit(edit func(c *call, g *SecurityGroup) *apiError) handler {
	return func(c *call, st *Store) (map[string]any, *apiError) {
		g, err := sgs.find(c, st, "SecurityGroupId")
		if err != nil {
			return nil, err
		}
		if v := c.str("SecurityGroupPolicySet.Version"); v != "" && v != strconv.Itoa(g.Version) {
			return nil, errf(c.pick("UnsupportedOperation.VersionMismatch", "UnsupportedOperation"), "The policy set is at version %d, not %s.", g.Version, v)
		}
		if err := edit(c, g); err != nil {
			return nil, err
		}
		g.Version++
		st.dirty = true
		return nil, nil
	}
}

func addPolicies(c *call, g *SecurityGroup) *apiError {
	in, out, err := readBoth(c)
	if err != nil {
		return err
	}
	if len(in)+len(out) == 0 {
		return errf("InvalidParameter", "SecurityGroupPolicySet has no Ingress or Egress rule.")
	}
	g.Ingress, g.Egress = append(g.Ingress, in...), append(g.Egress, out...)
	return nil
}

func setPolicies(c *call, g *SecurityGroup) *apiError {
	in, out, err := readBoth(c)
	if err == nil {
		g.Ingress, g.Egress = in, out
	}
	return err
}

// dropPolicies removes the rules named by index or equal in content.
func dropPolicies(list []SGPolicy, del []map[string]any) ([]SGPolicy, int) {
	idx := map[int]bool{}
	var byContent []map[string]any
	for _, d := range del {
		if s := scalarString(d["PolicyIndex"]); s != "" {
			n, _ := strconv.Atoi(s)
			idx[n] = true
		} else {
			byContent = append(byContent, d)
		}
	}
	var kept []SGPolicy
	removed := 0
	for i, p := range list {
		match := idx[i]
		for _, d := range byContent {
			same := true
			for k, v := range d {
				if fmt.Sprint(p[k]) != scalarString(v) {
					same = false
				}
			}
			if same {
				match = true
			}
		}
		if match {
			removed++
		} else {
			kept = append(kept, p)
		}
	}
	return kept, removed
}

func deletePolicies(c *call, g *SecurityGroup) *apiError {
	in, n1 := dropPolicies(g.Ingress, c.objs("SecurityGroupPolicySet.Ingress"))
	out, n2 := dropPolicies(g.Egress, c.objs("SecurityGroupPolicySet.Egress"))
	if n1+n2 == 0 {
		return errf("ResourceNotFound", "No matching rule in security group %s.", g.ID)
	}
	g.Ingress, g.Egress = in, out
	return nil
}

// replacePolicies puts each rule given in the place its PolicyIndex
// names; nothing changes unless every place is found.
func replacePolicies(c *call, g *SecurityGroup) *apiError {
	in, out, err := readBoth(c)
	if err != nil {
		return err
	}
	lists := [][]SGPolicy{slices.Clone(g.Ingress), slices.Clone(g.Egress)}
	for d, rules := range [][]SGPolicy{in, out} {
		dir := [...]string{"Ingress", "Egress"}[d]
		for i, m := range c.objs("SecurityGroupPolicySet." + dir) {
			n, convErr := strconv.Atoi(scalarString(m["PolicyIndex"]))
			if convErr != nil || n < 0 || n >= len(lists[d]) {
				return errf("InvalidParameter", "SecurityGroupPolicySet.%s.%d.PolicyIndex names no rule.", dir, i)
			}
			lists[d][n] = rules[i]
		}
	}
	g.Ingress, g.Egress = lists[0], lists[1]
	return nil
}
