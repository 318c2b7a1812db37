package emulator

import (
	"fmt"
	"net/netip"
	"strconv"
	"time"
	"unicode/utf8"
)

// ENI is an elastic network interface with its private IPs. Its State is
// PENDING after creation, ATTACHING or DETACHING while a binding changes
// and DELETING on the way out, each for the task delay; AVAILABLE
// otherwise ("" in state files from before states were kept). The
// service refuses to change an interface in transition.
type ENI struct {
	base
	VpcID       string      `json:"vpcId"`
	SubnetID    string      `json:"subnetId"`
	Name        string      `json:"name"`
	Desc        string      `json:"desc,omitempty"`
	MAC         string      `json:"mac"`
	Groups      []string    `json:"groups,omitempty"`
	InstanceID  string      `json:"instanceId,omitempty"`
	DeviceIndex int         `json:"deviceIndex,omitempty"`
	AttachTime  time.Time   `json:"attachTime,omitzero"`
	PrivateIPs  []PrivateIP `json:"privateIps"`
	transit
}

// PrivateIP is one address of an ENI.
type PrivateIP struct {
	Address     string `json:"address"`
	Primary     bool   `json:"primary,omitempty"`
	Description string `json:"description,omitempty"`
}

const (
	stateAttaching = "ATTACHING"
	stateDetaching = "DETACHING"
)

// Limits the service documents in its usage limits page; the emulator
// takes round figures of them.
const (
	eniIPLimit  = 10 // private IPs on one interface
	eniVpcLimit = 50 // interfaces in one VPC
)

// enis are the interfaces. The legacy pages name one with its VPC and
// list them in {data: {totalNum, data}}.
var enis = &kind[*ENI]{
	noun: "network interface", prefix: "eni-", rows: func(s *Store) *table[*ENI] { return &s.ENIs },
	code: "InvalidNetworkInterfaceId", legacyCode: "InvalidNetworkInterface", vpcParam: "vpcId",
	states: func(e *ENI) *transit { return &e.transit },

	idsParam: "NetworkInterfaceIds", set: "NetworkInterfaceSet", parent: "vpc-id",
	filters: []attr[*ENI]{
		{"vpc-id", func(e *ENI) string { return e.VpcID }},
		{"subnet-id", func(e *ENI) string { return e.SubnetID }},
		{"network-interface-id", func(e *ENI) string { return e.ID }},
		{"attachment.instance-id", func(e *ENI) string { return e.InstanceID }},
		{"network-interface-name", func(e *ENI) string { return e.Name }},
		{"network-interface-description", func(e *ENI) string { return e.Desc }},
	},
	filtersAt: []attrAt[*ENI]{{"groups.security-group-id", func(_ *Store, e *ENI) []string { return e.Groups }}},
	v3Row:     func(st *Store, e *ENI) any { return st.eniV3(e) },
	legacy: &legacyList[*ENI]{
		max: 50, orderBy: []string{"eniName"}, id: "networkInterfaceId", parent: "vpcId", strict: true,
		exact: []attr[*ENI]{{"instanceId", func(e *ENI) string { return e.InstanceID }}},
		substr: []attr[*ENI]{
			{"eniName", func(e *ENI) string { return e.Name }},
			{"eniDescription", func(e *ENI) string { return e.Desc }},
		},
		reply: func(total int, rows []any) map[string]any {
			return map[string]any{"data": map[string]any{"totalNum": total, "data": rows}}
		},
		row: legacyENIRow,
	},
}

// eniParams are a style's names for the parameters of the interface calls.
type eniParams struct {
	id, name, desc, groups, count  string
	ips, ipAddr, ipPrimary, ipDesc string // each requested private IP
	instance, from, to             string // the instances of Attach, Detach and Migrate
	fromENI, toENI, ip             string // MigratePrivateIpAddress
}

var v3ENIParams = eniParams{
	id: "NetworkInterfaceId", name: "NetworkInterfaceName", desc: "NetworkInterfaceDescription",
	groups: "SecurityGroupIds", count: "SecondaryPrivateIpAddressCount",
	ips: "PrivateIpAddresses", ipAddr: "PrivateIpAddress", ipPrimary: "Primary", ipDesc: "Description",
	instance: "InstanceId", from: "SourceInstanceId", to: "DestinationInstanceId",
	fromENI: "SourceNetworkInterfaceId", toENI: "DestinationNetworkInterfaceId", ip: "PrivateIpAddress",
}

var legacyENIParams = eniParams{
	id: "networkInterfaceId", name: "eniName", desc: "eniDescription",
	groups: "sgIds", count: "secondaryPrivateIpAddressCount",
	ips: "privateIpAddressSet", ipAddr: "privateIpAddress", ipPrimary: "primary",
	instance: "instanceId", from: "oldInstanceId", to: "newInstanceId",
	fromENI: "oldNetworkInterfaceId", toENI: "newNetworkInterfaceId", ip: "privateIpAddress",
}

func (c *call) eniParams() *eniParams {
	if c.style == Legacy {
		return &legacyENIParams
	}
	return &v3ENIParams
}

// registerENI: one handler serves a page and its twin in the other style.
// Its errors carry the legacy public code, which API 3.0 does not send.
func registerENI(h map[string]handler) {
	for _, style := range []string{"v3/", "legacy/"} {
		h[style+"CreateNetworkInterface"] = createNetworkInterface
		h[style+"DeleteNetworkInterface"] = deleteNetworkInterface
		h[style+"AttachNetworkInterface"] = attachNetworkInterface
		h[style+"DetachNetworkInterface"] = detachNetworkInterface
		h[style+"MigrateNetworkInterface"] = migrateNetworkInterface
		h[style+"AssignPrivateIpAddresses"] = assignPrivateIpAddresses
		h[style+"UnassignPrivateIpAddresses"] = unassignPrivateIpAddresses
		h[style+"MigratePrivateIpAddress"] = migratePrivateIpAddress
	}
	h["v3/DescribeNetworkInterfaces"] = enis.describeV3
	h["v3/ModifyNetworkInterfaceAttribute"] = modifyNetworkInterface
	h["v3/ModifyPrivateIpAddressesAttribute"] = v3ModifyPrivateIpAddressesAttribute
	h["legacy/DescribeNetworkInterfaces"] = enis.describeLegacy
	h["legacy/ModifyNetworkInterface"] = modifyNetworkInterface
}

func (e *ENI) ip(addr string) (int, *PrivateIP) {
	for i := range e.PrivateIPs {
		if e.PrivateIPs[i].Address == addr {
			return i, &e.PrivateIPs[i]
		}
	}
	return -1, nil
}

// macOf derives a MAC address in the service's 20:90:6F range from the
// creation number, so that no two interfaces share one.
func macOf(n int64) string {
	return fmt.Sprintf("20:90:6F:%02X:%02X:%02X", byte(n>>16), byte(n>>8), byte(n))
}

// eipOn returns the EIP bound to a private IP of an interface.
func (st *Store) eipOn(eniID, addr string) *EIP {
	for _, a := range st.EIPs.byID {
		if a.ENIID == eniID && a.PrivateIP == addr {
			return a
		}
	}
	return nil
}

// releaseEIPs unbinds the EIPs of the given addresses of an interface
// (all of them when addrs is nil): returning a private IP disassociates
// its EIP, as the pages say.
func (st *Store) releaseEIPs(eniID string, addrs []string) {
	for _, a := range st.EIPs.byID {
		if a.ENIID != eniID {
			continue
		}
		if addrs == nil || contains(addrs, a.PrivateIP) {
			a.ENIID, a.PrivateIP = "", ""
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ipSpec is one requested private IP.
type ipSpec struct {
	addr, desc string
	primary    bool
}

// ipSpecs reads the requested private IPs; the model has checked each
// address and flag.
func (n *eniParams) ipSpecs(c *call) []ipSpec {
	var out []ipSpec
	for _, m := range c.objs(n.ips) {
		out = append(out, ipSpec{addr: field(m, n.ipAddr), desc: field(m, n.ipDesc), primary: field(m, n.ipPrimary) == "true"})
	}
	return out
}

// allocIPs takes the requested addresses in sub and count more chosen
// from it, refusing addresses outside the subnet, reserved by it
// (network, gateway, broadcast) or already used by any interface.
// withPrimary makes the first address primary when none is marked.
func (st *Store) allocIPs(c *call, sub *Subnet, have int, specs []ipSpec, count int, withPrimary bool) ([]PrivateIP, *apiError) {
	p := sub.prefix()
	used := st.usedIPs(sub.ID)
	var out []PrivateIP
	primaries := 0
	for _, sp := range specs {
		switch a, _ := netip.ParseAddr(sp.addr); {
		case !p.Contains(a):
			return nil, errf(c.pick("InvalidParameterValue.Range", "InvalidParameterValue"), "Private IP %s is not in the subnet's %s.", sp.addr, sub.CIDR)
		case !hostIn(p, sp.addr):
			return nil, errf(c.pick("InvalidParameterValue.Reserved", "InvalidParameterValue"), "Private IP %s is reserved by the subnet %s.", sp.addr, sub.CIDR)
		case used[sp.addr]:
			return nil, lerrf(5100, c.pick("InvalidPrivateIpAddress.InUse", "ResourceInUse"), "Private IP %s is already in use.", sp.addr)
		}
		if sp.primary {
			primaries++
		}
		used[sp.addr] = true
		out = append(out, PrivateIP{Address: sp.addr, Primary: sp.primary, Description: sp.desc})
	}
	if primaries > 1 {
		return nil, errf("InvalidParameterValue", "Only one private IP can be primary.")
	}
	if !withPrimary && primaries > 0 {
		return nil, errf("InvalidParameterValue", "The interface has its primary IP already.")
	}
	if withPrimary && primaries == 0 {
		count++ // the primary is chosen from the subnet too
	}
	if have+len(out)+count > eniIPLimit {
		return nil, c.ipLimit()
	}
	var auto []PrivateIP
	for range count {
		ip, ok := freeIP(p, used)
		if !ok {
			return nil, lerrf(5100, "ResourceInsufficient", "The subnet %s has no free address left.", sub.ID)
		}
		used[ip] = true
		auto = append(auto, PrivateIP{Address: ip})
	}
	if withPrimary && primaries == 0 {
		auto[0].Primary = true
		all := []PrivateIP{auto[0]}
		all = append(all, out...)
		return append(all, auto[1:]...), nil
	}
	if withPrimary {
		// The primary comes first, as the service lists it.
		for i := range out {
			if out[i].Primary {
				out[0], out[i] = out[i], out[0]
			}
		}
	}
	return append(out, auto...), nil
}

func (c *call) ipLimit() *apiError {
	return lerrf(5100, c.pick("InvalidParameterValue.LimitExceeded", "LimitExceeded"), "An interface holds at most %d private IPs.", eniIPLimit)
}

// newENI makes an interface in sub with its private IPs.
func (st *Store) newENI(c *call, sub *Subnet, name, desc string, groups []string, specs []ipSpec, count int) (*ENI, *apiError) {
	if n := len(st.ENIs.under(sub.VpcID)); n >= eniVpcLimit {
		return nil, lerrf(5100, c.pick("NetworkInterfaceLimitExceeded", "LimitExceeded"), "The VPC %s has %d network interfaces, the most it may have.", sub.VpcID, n)
	}
	ips, err := st.allocIPs(c, sub, 0, specs, count, true)
	if err != nil {
		return nil, err
	}
	e := &ENI{base: st.newBase(c, "eni-"), VpcID: sub.VpcID, SubnetID: sub.ID, Name: name, Desc: desc, Groups: groups, PrivateIPs: ips}
	e.MAC = macOf(e.Num)
	e.enter(c, statePending)
	st.ENIs.put(e)
	return e, nil
}

// attach binds e to an instance; the instance's first interface is its
// primary one, so added ones count from 1.
func (st *Store) attach(c *call, e *ENI, instance string) {
	idx := 1
	for _, x := range st.ENIs.byID {
		if x != e && x.InstanceID == instance && x.DeviceIndex >= idx {
			idx = x.DeviceIndex + 1
		}
	}
	e.InstanceID, e.DeviceIndex, e.AttachTime = instance, idx, c.now
	e.enter(c, stateAttaching)
}

func (st *Store) detach(c *call, e *ENI) {
	e.InstanceID, e.DeviceIndex, e.AttachTime = "", 0, time.Time{}
	e.enter(c, stateDetaching)
}

// moveIP hands a secondary IP, with its EIP, from one interface to another.
func (st *Store) moveIP(from, to *ENI, addr string) {
	i, ip := from.ip(addr)
	moved := *ip
	from.PrivateIPs = append(from.PrivateIPs[:i], from.PrivateIPs[i+1:]...)
	to.PrivateIPs = append(to.PrivateIPs, moved)
	if a := st.eipOn(from.ID, addr); a != nil {
		a.ENIID = to.ID
	}
	st.dirty = true
}

func (st *Store) eniV3(e *ENI) map[string]any {
	ips := make([]any, 0, len(e.PrivateIPs))
	for _, ip := range e.PrivateIPs {
		pub, eipID := "", ""
		if a := st.eipOn(e.ID, ip.Address); a != nil {
			pub, eipID = a.IP, a.ID
		}
		ips = append(ips, map[string]any{
			"PrivateIpAddress": ip.Address, "Primary": ip.Primary, "PublicIpAddress": pub,
			"AddressId": eipID, "Description": ip.Description, "IsWanIpBlocked": false, "State": stateAvailable,
		})
	}
	attachment := map[string]any{}
	if e.InstanceID != "" {
		attachment = map[string]any{
			"InstanceId": e.InstanceID, "DeviceIndex": e.DeviceIndex,
			"InstanceAccountId": accountUin, "AttachTime": fmtTime(e.AttachTime),
		}
	}
	zone := ""
	if s := st.Subnets.get(e.SubnetID); s != nil {
		zone = s.Zone
	}
	groups := e.Groups
	if groups == nil {
		groups = []string{}
	}
	return map[string]any{
		"NetworkInterfaceId": e.ID, "NetworkInterfaceName": e.Name, "NetworkInterfaceDescription": e.Desc,
		"SubnetId": e.SubnetID, "VpcId": e.VpcID, "GroupSet": groups, "Primary": false,
		"MacAddress": e.MAC, "State": e.state(), "PrivateIpAddressSet": ips,
		"Attachment": attachment, "Zone": zone, "CreatedTime": e.created(),
	}
}

func (st *Store) unassign(e *ENI, addrs []string) {
	kept := e.PrivateIPs[:0]
	for _, ip := range e.PrivateIPs {
		if !contains(addrs, ip.Address) {
			kept = append(kept, ip)
		}
	}
	e.PrivateIPs = kept
	st.releaseEIPs(e.ID, addrs)
	st.dirty = true
}

// pickParam is the style's name of a parameter.
func (c *call) pickParam(v3, legacy string) string {
	if c.style == Legacy {
		return legacy
	}
	return v3
}

func descOK(s string) bool { return utf8.RuneCountInString(s) <= 60 }

// idleENI is enis.find for the calls the service refuses while a transition
// is under way.
func idleENI(c *call, st *Store, param string) (*ENI, *apiError) {
	e, err := enis.find(c, st, param)
	if err == nil {
		err = e.ready(c)
	}
	if err != nil {
		return nil, err
	}
	return e, nil
}

// ready refuses a change to an interface in transition.
func (e *ENI) ready(c *call) *apiError {
	return enis.ready(c, e, "change", "UnsupportedOperation.InvalidState")
}

// notBound refuses a call naming an instance e is not bound to.
func (e *ENI) notBound(c *call, public int, legacyCode, instance string) *apiError {
	return lerrf(public, c.pick(legacyCode, "UnauthorizedOperation.AttachmentNotFound", "UnsupportedOperation"), "The network interface %s is not bound to instance %s.", e.ID, instance)
}

// secondary checks that addr is a secondary IP of e: the primary stays
// with its interface.
func (e *ENI) secondary(c *call, addr string) *apiError {
	switch _, ip := e.ip(addr); {
	case ip == nil:
		return lerrf(5000, c.pick("UnauthorizedOperation.AttachmentNotFound", "ResourceNotFound"), "The network interface %s has no private IP %s.", e.ID, addr)
	case ip.Primary:
		return lerrf(5100, c.pick("InvalidPrivateip.IsPrimary", "UnauthorizedOperation.PrimaryIp", "UnauthorizedOperation"), "%s is the primary IP of %s and stays with it.", addr, e.ID)
	}
	return nil
}

// groupsOf checks that every security group the parameter names exists.
func groupsOf(c *call, st *Store, param string) ([]string, *apiError) {
	ids := c.strs(param)
	for _, id := range ids {
		if _, err := sgs.lookup(c, st, param, id); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// eniDone is the reply of a change to e: API 3.0's own, or a legacy task
// that finishes when the interface's transition does.
func (c *call) eniDone(st *Store, e *ENI, v3 map[string]any) map[string]any {
	st.dirty = true
	if c.style == Legacy {
		return taskReply(st.newTask(c, "vpc", e.ID))
	}
	return v3
}

func createNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	n := c.eniParams()
	v, err := vpcs.find(c, st, c.pickParam("VpcId", "vpcId"))
	if err != nil {
		return nil, err
	}
	sub, err := subnets.findIn(c, st, c.pickParam("SubnetId", "subnetId"), v.ID)
	if err != nil {
		return nil, err
	}
	name := c.str(n.name)
	if name == "" { // the model holds the longest
		return nil, lerrf(4000, c.pick("InvalidNetworkInterfaceName", "InvalidParameterValue"), "Parameter `%s`: a name is 1 to 60 characters.", n.name)
	}
	groups, err := groupsOf(c, st, n.groups)
	if err != nil {
		return nil, err
	}
	count, _ := c.intParam(n.count, 0)
	e, err := st.newENI(c, sub, name, c.str(n.desc), groups, n.ipSpecs(c), count)
	if err != nil {
		return nil, err
	}
	return c.eniDone(st, e, map[string]any{"NetworkInterface": st.eniV3(e)}), nil
}

// modifyNetworkInterface is ModifyNetworkInterfaceAttribute and the legacy
// ModifyNetworkInterface, which has no security groups.
func modifyNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	n := c.eniParams()
	e, err := enis.find(c, st, n.id)
	if err != nil {
		return nil, err
	}
	if e.State == stateDeleting {
		return nil, e.ready(c)
	}
	groups, err := groupsOf(c, st, n.groups)
	if err != nil {
		return nil, err
	}
	if c.has(n.name) {
		e.Name = c.str(n.name)
	}
	if _, ok := c.raw(n.desc); ok {
		e.Desc = c.str(n.desc)
	}
	if _, ok := c.raw(n.groups); ok {
		e.Groups = groups
	}
	st.dirty = true
	return nil, nil
}

func deleteNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	e, err := idleENI(c, st, c.eniParams().id)
	if err != nil {
		return nil, err
	}
	if e.InstanceID != "" {
		return nil, lerrf(5100, c.pick("InvalidNetworkInterface.CanNotDelete", "ResourceInUse"), "The network interface %s is bound to instance %s; detach it first.", e.ID, e.InstanceID)
	}
	st.releaseEIPs(e.ID, nil)
	e.enter(c, stateDeleting)
	return c.eniDone(st, e, nil), nil
}

func attachNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	n := c.eniParams()
	e, err := enis.find(c, st, n.id)
	if err != nil {
		return nil, err
	}
	if e.InstanceID != "" {
		return nil, lerrf(5100, c.pick("InvalidNetworkInterface.AlreadyAssociated", "UnsupportedOperation"), "The network interface %s is bound to instance %s already.", e.ID, e.InstanceID)
	}
	if err := e.ready(c); err != nil {
		return nil, err
	}
	st.attach(c, e, c.str(n.instance))
	return c.eniDone(st, e, nil), nil
}

func detachNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	n := c.eniParams()
	e, err := idleENI(c, st, n.id)
	if err != nil {
		return nil, err
	}
	if inst := c.str(n.instance); e.InstanceID == "" || e.InstanceID != inst {
		return nil, e.notBound(c, 5100, "InvalidNetworkInterface.NotAttached", inst)
	}
	st.detach(c, e)
	return c.eniDone(st, e, nil), nil
}

func migrateNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	n := c.eniParams()
	e, err := idleENI(c, st, n.id)
	if err != nil {
		return nil, err
	}
	from, to := c.str(n.from), c.str(n.to)
	if e.InstanceID == "" || e.InstanceID != from {
		return nil, e.notBound(c, 5000, "InvalidInstance.NotFound", from)
	}
	if to == from {
		return nil, lerrf(5100, c.pick("InvalidNetworkInterface.AlreadyAssociated", "InvalidParameterValue"), "The network interface %s is bound to instance %s already.", e.ID, to)
	}
	st.attach(c, e, to)
	return c.eniDone(st, e, nil), nil
}

func assignPrivateIpAddresses(c *call, st *Store) (map[string]any, *apiError) {
	n := c.eniParams()
	e, err := idleENI(c, st, n.id)
	if err != nil {
		return nil, err
	}
	specs := n.ipSpecs(c)
	count, _ := c.intParam(n.count, 0)
	if len(specs) == 0 && count == 0 {
		return nil, c.missing(n.count)
	}
	added, err := st.allocIPs(c, st.Subnets.get(e.SubnetID), len(e.PrivateIPs), specs, count, false)
	if err != nil {
		return nil, err
	}
	e.PrivateIPs = append(e.PrivateIPs, added...)
	out := make([]any, 0, len(added))
	for _, ip := range added {
		out = append(out, map[string]any{"PrivateIpAddress": ip.Address, "Primary": false, "Description": ip.Description})
	}
	return c.eniDone(st, e, map[string]any{"PrivateIpAddressSet": out}), nil
}

func unassignPrivateIpAddresses(c *call, st *Store) (map[string]any, *apiError) {
	n := c.eniParams()
	e, err := idleENI(c, st, n.id)
	if err != nil {
		return nil, err
	}
	// The legacy page takes the addresses alone, API 3.0 specifications.
	addrs := c.strs("privateIpAddress")
	for _, sp := range n.ipSpecs(c) {
		addrs = append(addrs, sp.addr)
	}
	for _, a := range addrs {
		if err := e.secondary(c, a); err != nil {
			return nil, err
		}
	}
	st.unassign(e, addrs)
	return c.eniDone(st, e, nil), nil
}

func migratePrivateIpAddress(c *call, st *Store) (map[string]any, *apiError) {
	n := c.eniParams()
	from, err := idleENI(c, st, n.fromENI)
	if err != nil {
		return nil, err
	}
	to, err := idleENI(c, st, n.toENI)
	if err != nil {
		return nil, err
	}
	addr := c.str(n.ip)
	if err := from.secondary(c, addr); err != nil {
		return nil, err
	}
	if from.SubnetID != to.SubnetID {
		return nil, lerrf(5100, "UnsupportedOperation", "The network interfaces %s and %s are in different subnets; an IP moves only within its subnet.", from.ID, to.ID)
	}
	if len(to.PrivateIPs) >= eniIPLimit {
		return nil, c.ipLimit()
	}
	st.moveIP(from, to, addr)
	return c.eniDone(st, from, nil), nil
}

func v3ModifyPrivateIpAddressesAttribute(c *call, st *Store) (map[string]any, *apiError) {
	e, err := idleENI(c, st, "NetworkInterfaceId")
	if err != nil {
		return nil, err
	}
	objs := c.objs("PrivateIpAddresses")
	for _, m := range objs {
		if _, ip := e.ip(field(m, "PrivateIpAddress")); ip == nil {
			return nil, errf("ResourceNotFound", "The network interface %s has no private IP %s.", e.ID, field(m, "PrivateIpAddress"))
		}
		if !descOK(field(m, "Description")) {
			return nil, errf("InvalidParameterValue", "A private IP's Description must be at most 60 characters.")
		}
	}
	for _, m := range objs {
		if _, ok := m["Description"]; ok {
			_, ip := e.ip(field(m, "PrivateIpAddress"))
			ip.Description = field(m, "Description")
		}
	}
	st.dirty = true
	return nil, nil
}

func legacyENIRow(st *Store, e *ENI) map[string]any {
	ips := make([]any, 0, len(e.PrivateIPs))
	for _, ip := range e.PrivateIPs {
		wan, eipID := "", ""
		if a := st.eipOn(e.ID, ip.Address); a != nil {
			wan, eipID = a.IP, a.ID
		}
		ips = append(ips, map[string]any{
			"privateIpAddress": ip.Address, "primary": ip.Primary, "description": ip.Description,
			"wanIp": wan, "isWanIpBlocked": false, "eipId": eipID,
		})
	}
	groups := make([]any, 0, len(e.Groups))
	for _, id := range e.Groups {
		row := map[string]any{"sgId": id, "sgName": "", "projectId": 0}
		if g := st.SecurityGroups.get(id); g != nil {
			pid, _ := strconv.Atoi(g.ProjectID)
			row["sgName"], row["projectId"] = g.Name, pid
		}
		groups = append(groups, row)
	}
	inst := map[string]any{"instanceId": "", "attachTime": ""}
	if e.InstanceID != "" {
		inst = map[string]any{"instanceId": e.InstanceID, "attachTime": fmtTime(e.AttachTime)}
	}
	flowLogs := []any{}
	for _, f := range st.FlowLogs.all() {
		if f.ResourceID == e.ID {
			flowLogs = append(flowLogs, legacyFlowLogRow(f))
		}
	}
	row := map[string]any{
		"vpcId": e.VpcID, "subnetId": e.SubnetID, "eniName": e.Name, "eniDescription": e.Desc,
		"networkInterfaceId": e.ID, "primary": false, "macAddress": e.MAC, "createTime": e.created(),
		"flowLogsSet": flowLogs, "privateIpAddressesSet": ips, "instanceSet": inst, "groupSet": groups,
	}
	if v := st.VPCs.get(e.VpcID); v != nil {
		row["vpcName"] = v.Name
	}
	if s := st.Subnets.get(e.SubnetID); s != nil {
		row["zoneId"] = s.zoneID()
	}
	return row
}
