package emulator

import (
	"cmp"
	"fmt"
	"maps"
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
		m := maps.Clone(p)
		m["PolicyIndex"] = i
		out = append(out, map[string]any(m))
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
	g := &SecurityGroup{base: st.newBase(c, "sg-"), Name: c.str("GroupName"), Desc: c.str("GroupDescription"), ProjectID: cmp.Or(c.str("ProjectId"), "0")}
	st.SecurityGroups.put(g)
	return map[string]any{"SecurityGroup": g.v3()}, nil
}

func v3ModifySecurityGroupAttribute(c *call, st *Store) (map[string]any, *apiError) {
	g, err := sgs.find(c, st, "SecurityGroupId")
	if err != nil {
		return nil, err
	}
	g.Name = cmp.Or(c.str("GroupName"), g.Name)
	g.Desc = cmp.Or(c.str("GroupDescription"), g.Desc)
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

// sgDirs are the directions of a policy set, in the order readPolicies
// returns them.
var sgDirs = [2]string{"Ingress", "Egress"}

// readPolicies reads both directions of SecurityGroupPolicySet, checking
// each rule has an action.
func readPolicies(c *call) (rules [2][]SGPolicy, err *apiError) {
	for d, dir := range sgDirs {
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
			if act := scalarString(p["Action"]); act != "ACCEPT" && act != "DROP" {
				return rules, errf("InvalidParameter", "SecurityGroupPolicySet.%s.%d.Action must be ACCEPT or DROP.", dir, i)
			}
			if p["Protocol"] == nil && p["ServiceTemplate"] == nil {
				p["Protocol"] = "ALL"
			}
			rules[d] = append(rules[d], p)
		}
	}
	return rules, nil
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
	r, err := readPolicies(c)
	if err != nil {
		return err
	}
	if len(r[0])+len(r[1]) == 0 {
		return errf("InvalidParameter", "SecurityGroupPolicySet has no Ingress or Egress rule.")
	}
	g.Ingress, g.Egress = append(g.Ingress, r[0]...), append(g.Egress, r[1]...)
	return nil
}

func setPolicies(c *call, g *SecurityGroup) *apiError {
	r, err := readPolicies(c)
	if err == nil {
		g.Ingress, g.Egress = r[0], r[1]
	}
	return err
}

// dropPolicies removes the rules named by index or equal in every field
// given.
func dropPolicies(list []SGPolicy, del []map[string]any) ([]SGPolicy, int) {
	var kept []SGPolicy
	for i, p := range list {
		named := slices.ContainsFunc(del, func(d map[string]any) bool {
			if s := scalarString(d["PolicyIndex"]); s != "" {
				return s == strconv.Itoa(i)
			}
			for k, v := range d {
				if fmt.Sprint(p[k]) != scalarString(v) {
					return false
				}
			}
			return true
		})
		if !named {
			kept = append(kept, p)
		}
	}
	return kept, len(list) - len(kept)
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
	r, err := readPolicies(c)
	if err != nil {
		return err
	}
	lists := [2][]SGPolicy{slices.Clone(g.Ingress), slices.Clone(g.Egress)}
	for d, dir := range sgDirs {
		for i, m := range c.objs("SecurityGroupPolicySet." + dir) {
			n, convErr := strconv.Atoi(scalarString(m["PolicyIndex"]))
			if convErr != nil || n < 0 || n >= len(lists[d]) {
				return errf("InvalidParameter", "SecurityGroupPolicySet.%s.%d.PolicyIndex names no rule.", dir, i)
			}
			lists[d][n] = r[d][i]
		}
	}
	g.Ingress, g.Egress = lists[0], lists[1]
	return nil
}
