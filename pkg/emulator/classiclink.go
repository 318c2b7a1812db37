package emulator

import (
	"fmt"
	"hash/fnv"
	"net/netip"
	"time"
)

// ClassicLink lets a basic-network (classic) CVM reach a VPC. Instances
// are not kept, so any instance ID is taken, and its classic-network
// address is derived from the ID.
type ClassicLink struct {
	base
	VpcID      string `json:"vpcId"`
	InstanceID string `json:"instanceId"`
}

// classicLinkPerVpc is the documented number of linked instances a VPC
// may have.
const classicLinkPerVpc = 100

// classicNetworks is where the basic network's addresses lie: a VPC whose
// CIDR overlaps them cannot be linked (the service's rule is that VPCs in
// 10.[0-47].0.0/16 cannot).
var classicNetworks = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/11"), netip.MustParsePrefix("10.32.0.0/12")}

func registerClassicLink(h map[string]handler) {
	for _, style := range []string{"v3/", "legacy/"} {
		h[style+"AttachClassicLinkVpc"] = attachClassicLinkVpc
		h[style+"DetachClassicLinkVpc"] = detachClassicLinkVpc
	}
	h["v3/DescribeClassicLinkInstances"] = v3DescribeClassicLinkInstances
	h["legacy/DescribeVpcClassicLink"] = legacyDescribeVpcClassicLink
}

// classicIP is an instance's basic-network address, stable for its ID.
func classicIP(instance string) string {
	h := fnv.New32a()
	h.Write([]byte(instance))
	n := h.Sum32()
	return fmt.Sprintf("10.%d.%d.%d", (n>>24)%32, (n>>16)&0xff, (n&0xff)%253+2)
}

func (st *Store) linkOf(instance string) *ClassicLink {
	for _, l := range st.ClassicLinks.byID {
		if l.InstanceID == instance {
			return l
		}
	}
	return nil
}

// linkProblem says why instances cannot be linked to v: "cidr", "linked"
// (to v or another VPC) or "limit".
func (st *Store) linkProblem(v *VPC, instances []string) (kind, msg string) {
	vp, _ := parseCIDR(v.CIDR)
	for _, p := range classicNetworks {
		if overlaps(vp, p) {
			return "cidr", fmt.Sprintf("the VPC %s (%s) overlaps the basic network's %s", v.ID, v.CIDR, p)
		}
	}
	seen := map[string]bool{}
	for _, id := range instances {
		if l := st.linkOf(id); l != nil {
			return "linked", fmt.Sprintf("the instance %s is linked to VPC %s already", id, l.VpcID)
		}
		if seen[id] {
			return "linked", fmt.Sprintf("the instance %s is given twice", id)
		}
		seen[id] = true
	}
	n := 0
	for _, l := range st.ClassicLinks.byID {
		if l.VpcID == v.ID {
			n++
		}
	}
	if n+len(instances) > classicLinkPerVpc {
		return "limit", fmt.Sprintf("a VPC links at most %d instances; %s has %d", classicLinkPerVpc, v.ID, n)
	}
	return "", ""
}

// linkIDs hands out a vcx- ID for each instance to link.
func (st *Store) linkIDs(c *call, instances []string) map[string]string {
	ids := map[string]string{}
	for _, inst := range instances {
		ids[inst] = st.newBase(c, "vcx-").ID
	}
	return ids
}

func (st *Store) link(vpcID string, instances []string, ids map[string]string, now time.Time) {
	for _, inst := range instances {
		l := &ClassicLink{base: base{ID: ids[inst], Num: st.nextNum(), Created: now}, VpcID: vpcID, InstanceID: inst}
		st.ClassicLinks.put(l)
	}
	st.dirty = true
}

func (st *Store) unlink(vpcID string, instances []string) {
	for id, l := range st.ClassicLinks.byID {
		if l.VpcID == vpcID && contains(instances, l.InstanceID) {
			st.ClassicLinks.del(id)
		}
	}
	st.dirty = true
}

// linkCall is the VPC and the instances an attach or detach call names.
func linkCall(c *call, st *Store) (*VPC, []string, *apiError) {
	v, err := vpcs.find(c, st, c.pickParam("VpcId", "vpcId"))
	if err != nil {
		return nil, nil, err
	}
	param := c.pickParam("InstanceIds", "instanceIds")
	ids := c.strs(param)
	if len(ids) == 0 {
		return nil, nil, c.missing(param)
	}
	return v, ids, nil
}

// attachClassicLinkVpc links at once in API 3.0; in the legacy API the
// link is made when its task finishes.
func attachClassicLinkVpc(c *call, st *Store) (map[string]any, *apiError) {
	v, ids, err := linkCall(c, st)
	if err != nil {
		return nil, err
	}
	legacy := c.style == Legacy
	for _, tid := range st.Pending {
		if t := st.Tasks[tid]; legacy && t != nil && t.Effect != nil && t.Effect.Op == "classiclink.attach" {
			for _, id := range ids {
				if contains(t.Effect.Items, id) {
					return nil, lerrf(5100, "InstanceAlreadyLinked", "The instance %s is being linked already.", id)
				}
			}
		}
	}
	switch kind, msg := st.linkProblem(v, ids); kind {
	case "cidr":
		return nil, lerrf(5100, c.pick("UnsupportedOperation.CIDRUnsupportedClassicLink", "UnsupportedOperation"), "Classic link is not supported: %s.", msg)
	case "linked":
		return nil, lerrf(5100, c.pickParam("UnsupportedOperation.ClassicInstanceIdAlreadyExists", "InstanceAlreadyLinked"), "%s.", msg)
	case "limit":
		return nil, lerrf(5100, c.pickParam("LimitExceeded", "InstanceLimitExceeded"), "%s.", msg)
	}
	if !legacy {
		st.link(v.ID, ids, st.linkIDs(c, ids), c.now)
		return nil, nil
	}
	t := st.deferTask(c, "vpc", &Effect{Op: "classiclink.attach", Target: v.ID, Items: ids, Fields: st.linkIDs(c, ids)})
	return taskReply(t), nil
}

// detachClassicLinkVpc unlinks at once in API 3.0, when its task finishes
// in the legacy API.
func detachClassicLinkVpc(c *call, st *Store) (map[string]any, *apiError) {
	v, ids, err := linkCall(c, st)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if l := st.linkOf(id); l == nil || l.VpcID != v.ID {
			return nil, lerrf(5000, c.pickParam("ResourceNotFound", "InvalidInstance.NotFound"), "The instance %s is not linked to VPC %s.", id, v.ID)
		}
	}
	if c.style != Legacy {
		st.unlink(v.ID, ids)
		return nil, nil
	}
	t := st.deferTask(c, "vpc", &Effect{Op: "classiclink.detach", Target: v.ID, Items: ids})
	return taskReply(t), nil
}

// v3DescribeClassicLinkInstances lists links. The page's example reply
// spells the VPC field VpId; the ClassicLinkInstance structure, followed
// here, says VpcId.
func v3DescribeClassicLinkInstances(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.v3Query("", "vpc-id", "vm-ip")
	if err != nil {
		return nil, err
	}
	var rows []any
	for _, l := range st.ClassicLinks.all() {
		ok := q.match(l.ID, func(name string) []string {
			switch name {
			case "vpc-id":
				return []string{l.VpcID}
			case "vm-ip":
				return []string{classicIP(l.InstanceID)}
			}
			return nil
		})
		if ok {
			rows = append(rows, map[string]any{"VpcId": l.VpcID, "InstanceId": l.InstanceID})
		}
	}
	return map[string]any{"TotalCount": len(rows), "ClassicLinkInstanceSet": pageOf(nonNil(rows), q.offset, q.limit)}, nil
}

// applyClassicLink links or unlinks when the task finishes, rechecking
// what may have changed since the call.
func (st *Store) applyClassicLink(e *Effect, now time.Time) *taskFailure {
	v := st.VPCs.get(e.Target)
	if v == nil {
		return &taskFailure{5000, "the VPC " + e.Target + " no longer exists"}
	}
	switch e.Op {
	case "classiclink.attach":
		if kind, msg := st.linkProblem(v, e.Items); kind != "" {
			return &taskFailure{5100, msg}
		}
		st.link(v.ID, e.Items, e.Fields, now)
	case "classiclink.detach":
		st.unlink(v.ID, e.Items)
	}
	return nil
}

func legacyDescribeVpcClassicLink(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.legacyPage(50)
	if err != nil {
		return nil, err
	}
	q.unsortedByDefault(c)
	vpcID, id, lanIP := c.str("vpcId"), c.str("classicLinkId"), c.str("lanIp")
	if vpcID != "" && st.VPCs.get(vpcID) == nil {
		return nil, lerrf(5000, "InvalidVpc.NotFound", "The VPC %s does not exist.", vpcID)
	}
	var rows []map[string]any
	for _, l := range st.ClassicLinks.all() {
		ip := classicIP(l.InstanceID)
		if (vpcID == "" || l.VpcID == vpcID) && (id == "" || l.ID == id) && (lanIP == "" || ip == lanIP) {
			rows = append(rows, map[string]any{
				"lanIp": ip, "vpcId": l.VpcID, "unVpcId": l.VpcID, "classicLinkId": l.ID,
				"createTime": l.created(), "instanceId": l.InstanceID, "instanceName": "",
			})
		}
	}
	if lanIP != "" && len(rows) == 0 {
		return nil, lerrf(5000, "InvalidLanIp.NotFound", "No linked instance has the address %s.", lanIP)
	}
	return map[string]any{"totalCount": len(rows), "data": rowsAny(q.apply(rows))}, nil
}
