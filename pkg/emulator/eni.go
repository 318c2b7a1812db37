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
// otherwise ("" in state files from before states were kept).
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
	State       string      `json:"state,omitempty"`
	Until       time.Time   `json:"until,omitzero"`
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

func registerENI(h map[string]handler) {
	h["v3/CreateNetworkInterface"] = v3CreateNetworkInterface
	h["v3/DescribeNetworkInterfaces"] = v3DescribeNetworkInterfaces
	h["v3/ModifyNetworkInterfaceAttribute"] = v3ModifyNetworkInterfaceAttribute
	h["v3/DeleteNetworkInterface"] = v3DeleteNetworkInterface
	h["v3/AttachNetworkInterface"] = v3AttachNetworkInterface
	h["v3/DetachNetworkInterface"] = v3DetachNetworkInterface
	h["v3/MigrateNetworkInterface"] = v3MigrateNetworkInterface
	h["v3/AssignPrivateIpAddresses"] = v3AssignPrivateIpAddresses
	h["v3/UnassignPrivateIpAddresses"] = v3UnassignPrivateIpAddresses
	h["v3/MigratePrivateIpAddress"] = v3MigratePrivateIpAddress
	h["v3/ModifyPrivateIpAddressesAttribute"] = v3ModifyPrivateIpAddressesAttribute

	h["legacy/CreateNetworkInterface"] = legacyCreateNetworkInterface
	h["legacy/DescribeNetworkInterfaces"] = legacyDescribeNetworkInterfaces
	h["legacy/ModifyNetworkInterface"] = legacyModifyNetworkInterface
	h["legacy/DeleteNetworkInterface"] = legacyDeleteNetworkInterface
	h["legacy/AttachNetworkInterface"] = legacyAttachNetworkInterface
	h["legacy/DetachNetworkInterface"] = legacyDetachNetworkInterface
	h["legacy/MigrateNetworkInterface"] = legacyMigrateNetworkInterface
	h["legacy/AssignPrivateIpAddresses"] = legacyAssignPrivateIpAddresses
	h["legacy/UnassignPrivateIpAddresses"] = legacyUnassignPrivateIpAddresses
	h["legacy/MigratePrivateIpAddress"] = legacyMigratePrivateIpAddress
}

func (e *ENI) state() string {
	if e.State == "" {
		return stateAvailable
	}
	return e.State
}

// busy reports whether a transition is under way; the service refuses
// to change an interface until it has finished.
func (e *ENI) busy() bool { return e.state() != stateAvailable }

func (e *ENI) ip(addr string) (int, *PrivateIP) {
	for i := range e.PrivateIPs {
		if e.PrivateIPs[i].Address == addr {
			return i, &e.PrivateIPs[i]
		}
	}
	return -1, nil
}

func (e *ENI) transition(c *call, state string) {
	e.State, e.Until = state, c.transitionUntil()
}

func (st *Store) settleENIs(now time.Time) {
	for id, e := range st.ENIs.byID {
		if e.Until.IsZero() || now.Before(e.Until) {
			continue
		}
		e.Until = time.Time{}
		st.dirty = true
		if e.State == stateDeleting {
			st.ENIs.del(id)
			continue
		}
		e.State = stateAvailable
	}
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

// ipProblem is why requested IPs cannot be had; each style names it in
// its own codes.
type ipProblem struct {
	kind string // "malformed", "range", "reserved", "inuse", "exhausted", "limit", "primary"
	msg  string
}

// allocIPs takes the requested addresses in sub and count more chosen
// from it, refusing addresses outside the subnet, reserved by it
// (network, gateway, broadcast) or already used by any interface.
// withPrimary makes the first address primary when none is marked.
func (st *Store) allocIPs(sub *Subnet, have int, specs []ipSpec, count int, withPrimary bool) ([]PrivateIP, *ipProblem) {
	p := sub.prefix()
	used := st.usedIPs(sub.ID)
	var out []PrivateIP
	primaries := 0
	for _, sp := range specs {
		a, err := netip.ParseAddr(sp.addr)
		switch {
		case err != nil || !a.Is4():
			return nil, &ipProblem{"malformed", fmt.Sprintf("%q is not an IPv4 address", sp.addr)}
		case !p.Contains(a):
			return nil, &ipProblem{"range", fmt.Sprintf("%s is not in the subnet's %s", sp.addr, sub.CIDR)}
		case !hostIn(p, sp.addr):
			return nil, &ipProblem{"reserved", fmt.Sprintf("%s is reserved by the subnet %s", sp.addr, sub.CIDR)}
		case used[sp.addr]:
			return nil, &ipProblem{"inuse", fmt.Sprintf("%s is already in use", sp.addr)}
		}
		if sp.primary {
			primaries++
		}
		used[sp.addr] = true
		out = append(out, PrivateIP{Address: sp.addr, Primary: sp.primary, Description: sp.desc})
	}
	if primaries > 1 {
		return nil, &ipProblem{"primary", "only one private IP can be primary"}
	}
	if !withPrimary && primaries > 0 {
		return nil, &ipProblem{"primary", "the interface has its primary IP already"}
	}
	if withPrimary && primaries == 0 {
		count++ // the primary is chosen from the subnet too
	}
	if have+len(out)+count > eniIPLimit {
		return nil, &ipProblem{"limit", fmt.Sprintf("an interface holds at most %d private IPs", eniIPLimit)}
	}
	var auto []PrivateIP
	for range count {
		ip, ok := freeIP(p, used)
		if !ok {
			return nil, &ipProblem{"exhausted", "the subnet " + sub.ID + " has no free address left"}
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

// ipError names an allocation problem in the caller's style.
func (c *call) ipError(p *ipProblem) *apiError {
	if c.style == Legacy {
		switch p.kind {
		case "inuse":
			return lerrf(5100, "InvalidPrivateIpAddress.InUse", "The private IP %s.", p.msg)
		case "exhausted":
			return lerrf(5100, "ResourceInsufficient", "%s.", p.msg)
		case "limit":
			return lerrf(5100, "LimitExceeded", "%s.", p.msg)
		}
		return c.invalid("privateIpAddressSet", "%s", p.msg)
	}
	switch p.kind {
	case "malformed":
		return errf("InvalidParameterValue.Malformed", "Private IP %s.", p.msg)
	case "range":
		return errf("InvalidParameterValue.Range", "Private IP %s.", p.msg)
	case "reserved":
		return errf("InvalidParameterValue.Reserved", "Private IP %s.", p.msg)
	case "inuse":
		return errf("ResourceInUse", "Private IP %s.", p.msg)
	case "exhausted":
		return errf("ResourceInsufficient", "%s.", p.msg)
	case "limit":
		return errf(c.pick("InvalidParameterValue.LimitExceeded", "LimitExceeded"), "%s.", p.msg)
	}
	return errf("InvalidParameterValue", "%s.", p.msg)
}

// v3IPSpecs reads PrivateIpAddresses.N (PrivateIpAddressSpecification).
func v3IPSpecs(c *call) ([]ipSpec, *apiError) {
	var out []ipSpec
	for i, m := range c.objs("PrivateIpAddresses") {
		sp := ipSpec{addr: field(m, "PrivateIpAddress"), desc: field(m, "Description")}
		if sp.addr == "" {
			return nil, c.missing(fmt.Sprintf("PrivateIpAddresses.%d.PrivateIpAddress", i))
		}
		switch field(m, "Primary") {
		case "true", "1":
			sp.primary = true
		case "", "false", "0":
		default:
			return nil, c.invalid(fmt.Sprintf("PrivateIpAddresses.%d.Primary", i), "%q is not a boolean", field(m, "Primary"))
		}
		out = append(out, sp)
	}
	return out, nil
}

// legacyIPSpecs reads privateIpAddressSet.N.{primary,privateIpAddress}.
func legacyIPSpecs(c *call) ([]ipSpec, *apiError) {
	var out []ipSpec
	for i, m := range c.objs("privateIpAddressSet") {
		sp := ipSpec{addr: field(m, "privateIpAddress")}
		if sp.addr == "" {
			return nil, c.missing(fmt.Sprintf("privateIpAddressSet.%d.privateIpAddress", i))
		}
		switch field(m, "primary") {
		case "true", "1":
			sp.primary = true
		case "", "false", "0":
		default:
			return nil, c.invalid(fmt.Sprintf("privateIpAddressSet.%d.primary", i), "%q is not a boolean", field(m, "primary"))
		}
		out = append(out, sp)
	}
	return out, nil
}

func descOK(s string) bool { return utf8.RuneCountInString(s) <= 60 }

// newENI is what both styles' creation share, after their own checks.
func (st *Store) newENI(c *call, sub *Subnet, name, desc string, groups []string, specs []ipSpec, count int) (*ENI, *apiError) {
	n := 0
	for _, e := range st.ENIs.byID {
		if e.VpcID == sub.VpcID {
			n++
		}
	}
	if n >= eniVpcLimit {
		if c.style == Legacy {
			return nil, lerrf(5100, "NetworkInterfaceLimitExceeded", "The VPC %s has %d network interfaces, the most it may have.", sub.VpcID, n)
		}
		return nil, errf("LimitExceeded", "The VPC %s has %d network interfaces, the most it may have.", sub.VpcID, n)
	}
	ips, p := st.allocIPs(sub, 0, specs, count, true)
	if p != nil {
		return nil, c.ipError(p)
	}
	e := &ENI{base: st.newBase(c, "eni-"), VpcID: sub.VpcID, SubnetID: sub.ID, Name: name, Desc: desc, Groups: groups, PrivateIPs: ips}
	e.MAC = macOf(e.Num)
	e.transition(c, statePending)
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
	e.transition(c, stateAttaching)
}

func (st *Store) detach(c *call, e *ENI) {
	e.InstanceID, e.DeviceIndex, e.AttachTime = "", 0, time.Time{}
	e.transition(c, stateDetaching)
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

// API 3.0.

func v3ENI(c *call, st *Store, param string) (*ENI, *apiError) {
	id := c.str(param)
	if err := c.checkID(param, id, "eni-"); err != nil {
		return nil, err
	}
	e := st.ENIs.get(id)
	if e == nil {
		return nil, errf("ResourceNotFound", "The network interface %s does not exist.", id)
	}
	return e, nil
}

func v3NotBusy(e *ENI) *apiError {
	if e.busy() {
		return errf("UnsupportedOperation.InvalidState", "The network interface %s is %s; wait until it is AVAILABLE.", e.ID, e.state())
	}
	return nil
}

// v3Groups checks that every security group named exists.
func v3Groups(c *call, st *Store) ([]string, *apiError) {
	ids := c.strs("SecurityGroupIds")
	for _, id := range ids {
		if err := c.checkID("SecurityGroupIds", id, "sg-"); err != nil {
			return nil, err
		}
		if st.SecurityGroups.get(id) == nil {
			return nil, errf("ResourceNotFound", "The security group %s does not exist.", id)
		}
	}
	return ids, nil
}

func v3CreateNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	vpcID, subID := c.str("VpcId"), c.str("SubnetId")
	if err := c.checkID("VpcId", vpcID, "vpc-"); err != nil {
		return nil, err
	}
	if err := c.checkID("SubnetId", subID, "subnet-"); err != nil {
		return nil, err
	}
	if st.VPCs.get(vpcID) == nil {
		return nil, errf("ResourceNotFound", "The VPC %s does not exist.", vpcID)
	}
	sub := st.Subnets.get(subID)
	if sub == nil || sub.VpcID != vpcID {
		return nil, errf("ResourceNotFound", "The subnet %s does not exist in VPC %s.", subID, vpcID)
	}
	name, desc := c.str("NetworkInterfaceName"), c.str("NetworkInterfaceDescription")
	if !nameOK(name) {
		return nil, errf("InvalidParameterValue", "NetworkInterfaceName must be 1 to 60 characters.")
	}
	if !descOK(desc) {
		return nil, errf("InvalidParameterValue", "NetworkInterfaceDescription must be at most 60 characters.")
	}
	groups, err := v3Groups(c, st)
	if err != nil {
		return nil, err
	}
	specs, err := v3IPSpecs(c)
	if err != nil {
		return nil, err
	}
	count, err := c.intParam("SecondaryPrivateIpAddressCount", 0)
	if err != nil {
		return nil, err
	}
	if count < 0 {
		return nil, errf("InvalidParameterValue.Range", "SecondaryPrivateIpAddressCount must not be negative.")
	}
	e, err := st.newENI(c, sub, name, desc, groups, specs, count)
	if err != nil {
		return nil, err
	}
	return map[string]any{"NetworkInterface": st.eniV3(e)}, nil
}

func v3DescribeNetworkInterfaces(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.v3Query("NetworkInterfaceIds", "vpc-id", "subnet-id", "network-interface-id", "attachment.instance-id",
		"groups.security-group-id", "network-interface-name", "network-interface-description")
	if err != nil {
		return nil, err
	}
	var rows []any
	for _, e := range st.ENIs.all() {
		ok := q.match(e.ID, func(name string) []string {
			switch name {
			case "vpc-id":
				return []string{e.VpcID}
			case "subnet-id":
				return []string{e.SubnetID}
			case "network-interface-id":
				return []string{e.ID}
			case "attachment.instance-id":
				return []string{e.InstanceID}
			case "groups.security-group-id":
				return e.Groups
			case "network-interface-name":
				return []string{e.Name}
			case "network-interface-description":
				return []string{e.Desc}
			}
			return nil
		})
		if ok {
			rows = append(rows, st.eniV3(e))
		}
	}
	return map[string]any{"TotalCount": len(rows), "NetworkInterfaceSet": pageOf(nonNil(rows), q.offset, q.limit)}, nil
}

func v3ModifyNetworkInterfaceAttribute(c *call, st *Store) (map[string]any, *apiError) {
	e, err := v3ENI(c, st, "NetworkInterfaceId")
	if err != nil {
		return nil, err
	}
	if e.State == stateDeleting {
		return nil, v3NotBusy(e)
	}
	if c.has("NetworkInterfaceName") && !nameOK(c.str("NetworkInterfaceName")) {
		return nil, errf("InvalidParameterValue", "NetworkInterfaceName must be 1 to 60 characters.")
	}
	if !descOK(c.str("NetworkInterfaceDescription")) {
		return nil, errf("InvalidParameterValue", "NetworkInterfaceDescription must be at most 60 characters.")
	}
	groups, err := v3Groups(c, st)
	if err != nil {
		return nil, err
	}
	if c.has("NetworkInterfaceName") {
		e.Name = c.str("NetworkInterfaceName")
	}
	if _, ok := c.raw("NetworkInterfaceDescription"); ok {
		e.Desc = c.str("NetworkInterfaceDescription")
	}
	if _, ok := c.raw("SecurityGroupIds"); ok {
		e.Groups = groups
	}
	st.dirty = true
	return nil, nil
}

func v3DeleteNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	e, err := v3ENI(c, st, "NetworkInterfaceId")
	if err != nil {
		return nil, err
	}
	if err := v3NotBusy(e); err != nil {
		return nil, err
	}
	if e.InstanceID != "" {
		return nil, errf("ResourceInUse", "The network interface %s is bound to instance %s; detach it first.", e.ID, e.InstanceID)
	}
	st.releaseEIPs(e.ID, nil)
	e.transition(c, stateDeleting)
	st.dirty = true
	return nil, nil
}

func v3AttachNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	e, err := v3ENI(c, st, "NetworkInterfaceId")
	if err != nil {
		return nil, err
	}
	if err := v3NotBusy(e); err != nil {
		return nil, err
	}
	inst := c.str("InstanceId")
	if e.InstanceID != "" {
		return nil, errf("UnsupportedOperation.AttachmentAlreadyExists", "The network interface %s is bound to instance %s already.", e.ID, e.InstanceID)
	}
	st.attach(c, e, inst)
	st.dirty = true
	return nil, nil
}

// attachmentNotFound is the page's code for "not bound to that instance";
// the 2018 pages spell the family UnauthorizedOperation.
func (c *call) attachmentNotFound(format string, args ...any) *apiError {
	return errf(c.pick("UnauthorizedOperation.AttachmentNotFound", "UnsupportedOperation.AttachmentNotFound"), format, args...)
}

func v3DetachNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	e, err := v3ENI(c, st, "NetworkInterfaceId")
	if err != nil {
		return nil, err
	}
	if err := v3NotBusy(e); err != nil {
		return nil, err
	}
	inst := c.str("InstanceId")
	if e.InstanceID == "" || e.InstanceID != inst {
		return nil, c.attachmentNotFound("The network interface %s is not bound to instance %s.", e.ID, inst)
	}
	st.detach(c, e)
	st.dirty = true
	return nil, nil
}

func v3MigrateNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	e, err := v3ENI(c, st, "NetworkInterfaceId")
	if err != nil {
		return nil, err
	}
	if err := v3NotBusy(e); err != nil {
		return nil, err
	}
	from, to := c.str("SourceInstanceId"), c.str("DestinationInstanceId")
	if e.InstanceID == "" || e.InstanceID != from {
		return nil, c.attachmentNotFound("The network interface %s is not bound to instance %s.", e.ID, from)
	}
	if to == from {
		return nil, errf("InvalidParameterValue", "DestinationInstanceId is the instance the interface is bound to.")
	}
	st.attach(c, e, to)
	st.dirty = true
	return nil, nil
}

func v3AssignPrivateIpAddresses(c *call, st *Store) (map[string]any, *apiError) {
	e, err := v3ENI(c, st, "NetworkInterfaceId")
	if err != nil {
		return nil, err
	}
	if err := v3NotBusy(e); err != nil {
		return nil, err
	}
	specs, err := v3IPSpecs(c)
	if err != nil {
		return nil, err
	}
	count, err := c.intParam("SecondaryPrivateIpAddressCount", 0)
	if err != nil {
		return nil, err
	}
	if count < 0 {
		return nil, errf("InvalidParameterValue.Range", "SecondaryPrivateIpAddressCount must not be negative.")
	}
	if len(specs) == 0 && count == 0 {
		return nil, c.missing("SecondaryPrivateIpAddressCount")
	}
	added, p := st.allocIPs(st.Subnets.get(e.SubnetID), len(e.PrivateIPs), specs, count, false)
	if p != nil {
		return nil, c.ipError(p)
	}
	e.PrivateIPs = append(e.PrivateIPs, added...)
	st.dirty = true
	out := make([]any, 0, len(added))
	for _, ip := range added {
		out = append(out, map[string]any{"PrivateIpAddress": ip.Address, "Primary": false, "Description": ip.Description})
	}
	return map[string]any{"PrivateIpAddressSet": out}, nil
}

// secondaries checks that every address is a secondary IP of e.
func (c *call) secondaries(e *ENI, addrs []string) *apiError {
	if len(addrs) == 0 {
		return c.missing(c.pickParam("PrivateIpAddresses", "privateIpAddress"))
	}
	for _, a := range addrs {
		_, ip := e.ip(a)
		switch {
		case ip == nil && c.style == Legacy:
			return lerrf(5000, "ResourceNotFound", "The network interface %s has no private IP %s.", e.ID, a)
		case ip == nil:
			return errf("ResourceNotFound", "The network interface %s has no private IP %s.", e.ID, a)
		case ip.Primary && c.style == Legacy:
			return lerrf(5100, c.pick("InvalidPrivateip.IsPrimary", "UnauthorizedOperation.PrimaryIp"), "%s is the primary IP of %s and stays with it.", a, e.ID)
		case ip.Primary:
			return errf("UnauthorizedOperation.PrimaryIp", "%s is the primary IP of %s and stays with it.", a, e.ID)
		}
	}
	return nil
}

func (c *call) pickParam(v3, legacy string) string {
	if c.style == Legacy {
		return legacy
	}
	return v3
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

func v3UnassignPrivateIpAddresses(c *call, st *Store) (map[string]any, *apiError) {
	e, err := v3ENI(c, st, "NetworkInterfaceId")
	if err != nil {
		return nil, err
	}
	if err := v3NotBusy(e); err != nil {
		return nil, err
	}
	specs, err := v3IPSpecs(c)
	if err != nil {
		return nil, err
	}
	var addrs []string
	for _, sp := range specs {
		addrs = append(addrs, sp.addr)
	}
	if err := c.secondaries(e, addrs); err != nil {
		return nil, err
	}
	st.unassign(e, addrs)
	return nil, nil
}

// migrateIPCheck is what both styles check before moving an IP.
func (c *call) migrateIPCheck(from, to *ENI, addr string) *apiError {
	_, ip := from.ip(addr)
	if ip == nil {
		if c.style == Legacy {
			return lerrf(5000, "ResourceNotFound", "The network interface %s has no private IP %s.", from.ID, addr)
		}
		return c.attachmentNotFound("The network interface %s has no private IP %s.", from.ID, addr)
	}
	if err := c.secondaries(from, []string{addr}); err != nil {
		return err
	}
	if from.SubnetID != to.SubnetID {
		msg := fmt.Sprintf("The network interfaces %s and %s are in different subnets; an IP moves only within its subnet.", from.ID, to.ID)
		if c.style == Legacy {
			return lerrf(5100, "UnsupportedOperation", "%s", msg)
		}
		return errf("UnsupportedOperation", "%s", msg)
	}
	if len(to.PrivateIPs) >= eniIPLimit {
		return c.ipError(&ipProblem{"limit", fmt.Sprintf("an interface holds at most %d private IPs", eniIPLimit)})
	}
	return nil
}

func v3MigratePrivateIpAddress(c *call, st *Store) (map[string]any, *apiError) {
	from, err := v3ENI(c, st, "SourceNetworkInterfaceId")
	if err != nil {
		return nil, err
	}
	to, err := v3ENI(c, st, "DestinationNetworkInterfaceId")
	if err != nil {
		return nil, err
	}
	for _, e := range []*ENI{from, to} {
		if err := v3NotBusy(e); err != nil {
			return nil, err
		}
	}
	addr := c.str("PrivateIpAddress")
	if err := c.migrateIPCheck(from, to, addr); err != nil {
		return nil, err
	}
	st.moveIP(from, to, addr)
	return nil, nil
}

func v3ModifyPrivateIpAddressesAttribute(c *call, st *Store) (map[string]any, *apiError) {
	e, err := v3ENI(c, st, "NetworkInterfaceId")
	if err != nil {
		return nil, err
	}
	if err := v3NotBusy(e); err != nil {
		return nil, err
	}
	objs := c.objs("PrivateIpAddresses")
	if len(objs) == 0 {
		return nil, c.missing("PrivateIpAddresses")
	}
	for _, m := range objs {
		addr := field(m, "PrivateIpAddress")
		if _, ip := e.ip(addr); ip == nil {
			return nil, errf("ResourceNotFound", "The network interface %s has no private IP %s.", e.ID, addr)
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

// Legacy API: every call names the VPC, and the asynchronous ones return
// a task that finishes when the interface's transition does.

func legacyENI(c *call, st *Store, param string) (*ENI, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, err
	}
	id := c.str(param)
	e := st.ENIs.get(id)
	if e == nil || e.VpcID != v.ID {
		return nil, lerrf(5000, "InvalidNetworkInterface.NotFound", "The network interface %s does not exist in VPC %s.", id, v.ID)
	}
	return e, nil
}

func legacyNotBusy(e *ENI) *apiError {
	if e.busy() {
		return lerrf(5100, "UnsupportedOperation.InvalidState", "The network interface %s is %s; wait until its task has finished.", e.ID, e.state())
	}
	return nil
}

func legacyGroups(c *call, st *Store) ([]string, *apiError) {
	ids := c.strs("sgIds")
	for _, id := range ids {
		if st.SecurityGroups.get(id) == nil {
			return nil, lerrf(5000, "ResourceNotFound", "The security group %s does not exist.", id)
		}
	}
	return ids, nil
}

func legacyCreateNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, err
	}
	subID := c.str("subnetId")
	sub := st.Subnets.get(subID)
	if sub == nil || sub.VpcID != v.ID {
		return nil, lerrf(5000, "InvalidSubnet.NotFound", "The subnet %s does not exist in VPC %s.", subID, v.ID)
	}
	name, desc := c.str("eniName"), c.str("eniDescription")
	if !nameOK(name) {
		return nil, lerrf(4000, "InvalidNetworkInterfaceName", "The network interface name must be 1 to 60 characters.")
	}
	if !descOK(desc) {
		return nil, c.invalid("eniDescription", "must be at most 60 characters")
	}
	groups, err := legacyGroups(c, st)
	if err != nil {
		return nil, err
	}
	specs, err := legacyIPSpecs(c)
	if err != nil {
		return nil, err
	}
	count, err := c.intParam("secondaryPrivateIpAddressCount", 0)
	if err != nil {
		return nil, err
	}
	if count < 0 {
		return nil, c.invalid("secondaryPrivateIpAddressCount", "must not be negative")
	}
	e, err := st.newENI(c, sub, name, desc, groups, specs, count)
	if err != nil {
		return nil, err
	}
	return taskReply(st.newTask(c, "vpc", e.ID)), nil
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

func legacyDescribeNetworkInterfaces(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.legacyPage(50, "eniName")
	if err != nil {
		return nil, err
	}
	vpcID := c.str("vpcId")
	if vpcID != "" && st.VPCs.get(vpcID) == nil {
		return nil, lerrf(5000, "InvalidVpc.NotFound", "The VPC %s does not exist.", vpcID)
	}
	id, name, desc, inst := c.str("networkInterfaceId"), c.str("eniName"), c.str("eniDescription"), c.str("instanceId")
	var rows []map[string]any
	for _, e := range st.ENIs.all() {
		if (vpcID == "" || e.VpcID == vpcID) && (id == "" || e.ID == id) && fuzzy(e.Name, name) &&
			fuzzy(e.Desc, desc) && (inst == "" || e.InstanceID == inst) {
			rows = append(rows, legacyENIRow(st, e))
		}
	}
	return map[string]any{"data": map[string]any{"totalNum": len(rows), "data": rowsAny(q.apply(rows))}}, nil
}

func legacyModifyNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	e, err := legacyENI(c, st, "networkInterfaceId")
	if err != nil {
		return nil, err
	}
	if e.State == stateDeleting {
		return nil, legacyNotBusy(e)
	}
	if c.has("eniName") && !nameOK(c.str("eniName")) {
		return nil, lerrf(4000, "InvalidNetworkInterfaceName", "The network interface name must be 1 to 60 characters.")
	}
	if !descOK(c.str("eniDescription")) {
		return nil, c.invalid("eniDescription", "must be at most 60 characters")
	}
	if c.has("eniName") {
		e.Name = c.str("eniName")
	}
	if _, ok := c.raw("eniDescription"); ok {
		e.Desc = c.str("eniDescription")
	}
	st.dirty = true
	return nil, nil
}

func legacyDeleteNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	e, err := legacyENI(c, st, "networkInterfaceId")
	if err != nil {
		return nil, err
	}
	if err := legacyNotBusy(e); err != nil {
		return nil, err
	}
	if e.InstanceID != "" {
		return nil, lerrf(5100, "InvalidNetworkInterface.CanNotDelete", "The network interface %s is bound to instance %s; detach it first.", e.ID, e.InstanceID)
	}
	st.releaseEIPs(e.ID, nil)
	e.transition(c, stateDeleting)
	return taskReply(st.newTask(c, "vpc", e.ID)), nil
}

func legacyAttachNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	e, err := legacyENI(c, st, "networkInterfaceId")
	if err != nil {
		return nil, err
	}
	if e.InstanceID != "" {
		return nil, lerrf(5100, "InvalidNetworkInterface.AlreadyAssociated", "The network interface %s is bound to instance %s already.", e.ID, e.InstanceID)
	}
	if err := legacyNotBusy(e); err != nil {
		return nil, err
	}
	st.attach(c, e, c.str("instanceId"))
	return taskReply(st.newTask(c, "vpc", e.ID)), nil
}

func legacyDetachNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	e, err := legacyENI(c, st, "networkInterfaceId")
	if err != nil {
		return nil, err
	}
	if err := legacyNotBusy(e); err != nil {
		return nil, err
	}
	inst := c.str("instanceId")
	if e.InstanceID == "" || e.InstanceID != inst {
		return nil, lerrf(5100, "InvalidNetworkInterface.NotAttached", "The network interface %s is not bound to instance %s.", e.ID, inst)
	}
	st.detach(c, e)
	return taskReply(st.newTask(c, "vpc", e.ID)), nil
}

func legacyMigrateNetworkInterface(c *call, st *Store) (map[string]any, *apiError) {
	e, err := legacyENI(c, st, "networkInterfaceId")
	if err != nil {
		return nil, err
	}
	if err := legacyNotBusy(e); err != nil {
		return nil, err
	}
	from, to := c.str("oldInstanceId"), c.str("newInstanceId")
	if e.InstanceID == "" || e.InstanceID != from {
		return nil, lerrf(5000, "InvalidInstance.NotFound", "The network interface %s is not bound to instance %s.", e.ID, from)
	}
	if to == from {
		return nil, lerrf(5100, "InvalidNetworkInterface.AlreadyAssociated", "The network interface %s is bound to instance %s already.", e.ID, to)
	}
	st.attach(c, e, to)
	return taskReply(st.newTask(c, "vpc", e.ID)), nil
}

func legacyAssignPrivateIpAddresses(c *call, st *Store) (map[string]any, *apiError) {
	e, err := legacyENI(c, st, "networkInterfaceId")
	if err != nil {
		return nil, err
	}
	if err := legacyNotBusy(e); err != nil {
		return nil, err
	}
	specs, err := legacyIPSpecs(c)
	if err != nil {
		return nil, err
	}
	count, err := c.intParam("secondaryPrivateIpAddressCount", 0)
	if err != nil {
		return nil, err
	}
	if count < 0 {
		return nil, c.invalid("secondaryPrivateIpAddressCount", "must not be negative")
	}
	if len(specs) == 0 && count == 0 {
		return nil, c.missing("secondaryPrivateIpAddressCount")
	}
	added, p := st.allocIPs(st.Subnets.get(e.SubnetID), len(e.PrivateIPs), specs, count, false)
	if p != nil {
		return nil, c.ipError(p)
	}
	e.PrivateIPs = append(e.PrivateIPs, added...)
	st.dirty = true
	return taskReply(st.newTask(c, "vpc", e.ID)), nil
}

func legacyUnassignPrivateIpAddresses(c *call, st *Store) (map[string]any, *apiError) {
	e, err := legacyENI(c, st, "networkInterfaceId")
	if err != nil {
		return nil, err
	}
	if err := legacyNotBusy(e); err != nil {
		return nil, err
	}
	addrs := c.strs("privateIpAddress")
	if err := c.secondaries(e, addrs); err != nil {
		return nil, err
	}
	st.unassign(e, addrs)
	return taskReply(st.newTask(c, "vpc", e.ID)), nil
}

func legacyMigratePrivateIpAddress(c *call, st *Store) (map[string]any, *apiError) {
	from, err := legacyENI(c, st, "oldNetworkInterfaceId")
	if err != nil {
		return nil, err
	}
	to, err := legacyENI(c, st, "newNetworkInterfaceId")
	if err != nil {
		return nil, err
	}
	for _, e := range []*ENI{from, to} {
		if err := legacyNotBusy(e); err != nil {
			return nil, err
		}
	}
	addr := c.str("privateIpAddress")
	if err := c.migrateIPCheck(from, to, addr); err != nil {
		return nil, err
	}
	st.moveIP(from, to, addr)
	return taskReply(st.newTask(c, "vpc", from.ID)), nil
}
