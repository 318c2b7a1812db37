package emulator

import (
	"fmt"
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

func registerSecurityGroup(h map[string]handler) {
	h["v3/CreateSecurityGroup"] = v3CreateSecurityGroup
	h["v3/DeleteSecurityGroup"] = v3DeleteSecurityGroup
	h["v3/DescribeSecurityGroups"] = v3DescribeSecurityGroups
	h["v3/ModifySecurityGroupAttribute"] = v3ModifySecurityGroupAttribute
	h["v3/CreateSecurityGroupPolicies"] = v3CreateSecurityGroupPolicies
	h["v3/DescribeSecurityGroupPolicies"] = v3DescribeSecurityGroupPolicies
	h["v3/DeleteSecurityGroupPolicies"] = v3DeleteSecurityGroupPolicies
	h["v3/ModifySecurityGroupPolicies"] = v3ModifySecurityGroupPolicies
	h["v3/ReplaceSecurityGroupPolicy"] = v3ReplaceSecurityGroupPolicy
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

func v3SecurityGroup(c *call, st *Store) (*SecurityGroup, *apiError) {
	id := c.str("SecurityGroupId")
	if err := c.checkID("SecurityGroupId", id, "sg-"); err != nil {
		return nil, errf(c.pick("InvalidSecurityGroupID.Malformed", "InvalidParameterValue.Malformed"), "%s", err.Message)
	}
	g := st.SecurityGroups.get(id)
	if g == nil {
		return nil, errf(c.pick("InvalidSecurityGroupID.NotFound", "ResourceNotFound"), "The security group %s does not exist.", id)
	}
	return g, nil
}

func v3CreateSecurityGroup(c *call, st *Store) (map[string]any, *apiError) {
	if !nameOK(c.str("GroupName")) {
		return nil, errf("InvalidParameterValue", "GroupName must be 1 to 60 characters.")
	}
	pid := c.str("ProjectId")
	if pid == "" {
		pid = "0"
	}
	g := &SecurityGroup{base: st.newBase(c, "sg-"), Name: c.str("GroupName"), Desc: c.str("GroupDescription"), ProjectID: pid, Version: 0}
	st.SecurityGroups.put(g)
	return map[string]any{"SecurityGroup": g.v3()}, nil
}

func v3DeleteSecurityGroup(c *call, st *Store) (map[string]any, *apiError) {
	g, err := v3SecurityGroup(c, st)
	if err != nil {
		return nil, err
	}
	for _, e := range st.ENIs.byID {
		for _, id := range e.Groups {
			if id == g.ID {
				return nil, errf("ResourceInUse", "The security group %s is bound to network interface %s.", g.ID, e.ID)
			}
		}
	}
	st.SecurityGroups.del(g.ID)
	st.dirty = true
	return nil, nil
}

func v3ModifySecurityGroupAttribute(c *call, st *Store) (map[string]any, *apiError) {
	g, err := v3SecurityGroup(c, st)
	if err != nil {
		return nil, err
	}
	if c.has("GroupName") {
		if !nameOK(c.str("GroupName")) {
			return nil, errf("InvalidParameterValue", "GroupName must be 1 to 60 characters.")
		}
		g.Name = c.str("GroupName")
	}
	if c.has("GroupDescription") {
		g.Desc = c.str("GroupDescription")
	}
	st.dirty = true
	return nil, nil
}

func v3DescribeSecurityGroups(c *call, st *Store) (map[string]any, *apiError) {
	return listV3(c, &st.SecurityGroups, "SecurityGroupIds", "SecurityGroupSet", "", filterFuncs[*SecurityGroup]{
		"security-group-id":   func(g *SecurityGroup) string { return g.ID },
		"project-id":          func(g *SecurityGroup) string { return g.ProjectID },
		"security-group-name": func(g *SecurityGroup) string { return g.Name },
	}, func(g *SecurityGroup) any { return g.v3() })
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

// checkVersion refuses a policy change based on an old version.
func checkVersion(c *call, g *SecurityGroup) *apiError {
	if v := c.str("SecurityGroupPolicySet.Version"); v != "" && v != strconv.Itoa(g.Version) {
		return errf("UnsupportedOperation.VersionMismatch", "The policy set is at version %d, not %s.", g.Version, v)
	}
	return nil
}

// policyChange reads what every policy-changing call starts with: the
// group, a current version, and the Ingress and Egress rules given.
func policyChange(c *call, st *Store) (*SecurityGroup, []SGPolicy, []SGPolicy, *apiError) {
	g, err := v3SecurityGroup(c, st)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := checkVersion(c, g); err != nil {
		return nil, nil, nil, err
	}
	in, err := readPolicies(c, "Ingress")
	if err != nil {
		return nil, nil, nil, err
	}
	out, err := readPolicies(c, "Egress")
	if err != nil {
		return nil, nil, nil, err
	}
	return g, in, out, nil
}

func v3CreateSecurityGroupPolicies(c *call, st *Store) (map[string]any, *apiError) {
	g, in, out, err := policyChange(c, st)
	if err != nil {
		return nil, err
	}
	if len(in)+len(out) == 0 {
		return nil, errf("InvalidParameter", "SecurityGroupPolicySet has no Ingress or Egress rule.")
	}
	g.Ingress, g.Egress = append(g.Ingress, in...), append(g.Egress, out...)
	g.Version++
	st.dirty = true
	return nil, nil
}

func v3DescribeSecurityGroupPolicies(c *call, st *Store) (map[string]any, *apiError) {
	g, err := v3SecurityGroup(c, st)
	if err != nil {
		return nil, err
	}
	return map[string]any{"SecurityGroupPolicySet": g.policySet()}, nil
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

func v3DeleteSecurityGroupPolicies(c *call, st *Store) (map[string]any, *apiError) {
	g, err := v3SecurityGroup(c, st)
	if err != nil {
		return nil, err
	}
	if err := checkVersion(c, g); err != nil {
		return nil, err
	}
	in, n1 := dropPolicies(g.Ingress, c.objs("SecurityGroupPolicySet.Ingress"))
	out, n2 := dropPolicies(g.Egress, c.objs("SecurityGroupPolicySet.Egress"))
	if n1+n2 == 0 {
		return nil, errf("ResourceNotFound", "No matching rule in security group %s.", g.ID)
	}
	g.Ingress, g.Egress = in, out
	g.Version++
	st.dirty = true
	return nil, nil
}

func v3ModifySecurityGroupPolicies(c *call, st *Store) (map[string]any, *apiError) {
	g, in, out, err := policyChange(c, st)
	if err != nil {
		return nil, err
	}
	g.Ingress, g.Egress = in, out
	g.Version++
	st.dirty = true
	return nil, nil
}

func v3ReplaceSecurityGroupPolicy(c *call, st *Store) (map[string]any, *apiError) {
	g, err := v3SecurityGroup(c, st)
	if err != nil {
		return nil, err
	}
	if err := checkVersion(c, g); err != nil {
		return nil, err
	}
	for _, dir := range []string{"Ingress", "Egress"} {
		list := &g.Ingress
		if dir == "Egress" {
			list = &g.Egress
		}
		rules, err := readPolicies(c, dir)
		if err != nil {
			return nil, err
		}
		for i, m := range c.objs("SecurityGroupPolicySet." + dir) {
			n, convErr := strconv.Atoi(scalarString(m["PolicyIndex"]))
			if convErr != nil || n < 0 || n >= len(*list) {
				return nil, errf("InvalidParameter", "SecurityGroupPolicySet.%s.%d.PolicyIndex names no rule.", dir, i)
			}
			(*list)[n] = rules[i]
		}
	}
	g.Version++
	st.dirty = true
	return nil, nil
}
