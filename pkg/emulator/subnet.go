package emulator

import (
	"net/netip"
	"slices"
	"strconv"
)

// Subnet is a subnet of a VPC in one zone.
type Subnet struct {
	base
	VpcID           string `json:"vpcId"`
	Name            string `json:"name"`
	CIDR            string `json:"cidr"`
	Zone            string `json:"zone"`
	LegacyZoneID    int    `json:"legacyZoneId,omitempty"` // a zoneId of a region the zone table lists no zones of
	RouteTableID    string `json:"routeTableId"`
	NetworkAclID    string `json:"networkAclId,omitempty"`
	IsDefault       bool   `json:"isDefault,omitempty"`
	EnableBroadcast bool   `json:"enableBroadcast,omitempty"`
}

func (s *Subnet) prefix() netip.Prefix { p, _ := parseCIDR(s.CIDR); return p }

func (s *Subnet) zoneID() int {
	if s.LegacyZoneID != 0 {
		return s.LegacyZoneID
	}
	return zoneIDOf(s.Zone)
}

// usedIPs is every address taken in a subnet, by ENIs.
func (st *Store) usedIPs(subnetID string) map[string]bool {
	used := map[string]bool{}
	for _, e := range st.ENIs.byID {
		if e.SubnetID != subnetID {
			continue
		}
		for _, ip := range e.PrivateIPs {
			used[ip.Address] = true
		}
	}
	return used
}

func (st *Store) availableIPs(s *Subnet) int {
	return hostCount(s.prefix()) - len(st.usedIPs(s.ID))
}

func (st *Store) subnetV3(s *Subnet) map[string]any {
	return map[string]any{
		"VpcId": s.VpcID, "SubnetId": s.ID, "SubnetName": s.Name, "CidrBlock": s.CIDR,
		"IsDefault": s.IsDefault, "EnableBroadcast": s.EnableBroadcast, "Zone": s.Zone,
		"RouteTableId": s.RouteTableID, "CreatedTime": s.created(),
		"AvailableIpAddressCount": st.availableIPs(s), "TotalIpAddressCount": hostCount(s.prefix()),
		"Ipv6CidrBlock": "", "NetworkAclId": s.NetworkAclID, "IsRemoteVpcSnat": false, "TagSet": []any{},
	}
}

// subnets is the subnet kind. The legacy pages name a subnet with its VPC.
var subnets = &kind[*Subnet]{
	noun: "subnet", prefix: "subnet-", rows: func(s *Store) *table[*Subnet] { return &s.Subnets },
	legacyCode: "InvalidSubnet", vpcParam: "vpcId",
	inUse: func(st *Store, s *Subnet) string { return st.subnetInUse(s.ID) },

	idsParam: "SubnetIds", set: "SubnetSet", parent: "vpc-id",
	filters: []attr[*Subnet]{
		{"subnet-id", func(s *Subnet) string { return s.ID }},
		{"vpc-id", func(s *Subnet) string { return s.VpcID }},
		{"cidr-block", func(s *Subnet) string { return s.CIDR }},
		{"is-default", func(s *Subnet) string { return boolStr(s.IsDefault) }},
		{"subnet-name", func(s *Subnet) string { return s.Name }},
		{"zone", func(s *Subnet) string { return s.Zone }},
		{"route-table-id", func(s *Subnet) string { return s.RouteTableID }},
	},
	v3Row: func(st *Store, s *Subnet) any { return st.subnetV3(s) },
	legacy: &legacyList[*Subnet]{
		max: 100, orderBy: []string{"subnetName"}, id: "subnetId", parent: "vpcId", strict: true,
		substr: []attr[*Subnet]{{"subnetName", func(s *Subnet) string { return s.Name }}},
		match: func(c *call, s *Subnet) bool {
			ids := c.strs("zoneIds")
			return len(ids) == 0 || slices.Contains(ids, strconv.Itoa(s.zoneID()))
		},
		row: legacySubnetRow,
	},
}

func registerSubnet(h map[string]handler) {
	h["v3/CreateSubnet"] = v3CreateSubnet
	h["v3/DeleteSubnet"] = subnets.deleter("SubnetId")
	h["v3/DescribeSubnets"] = subnets.describeV3
	h["v3/ModifySubnetAttribute"] = modifySubnetAttribute
	h["legacy/CreateSubnet"] = legacyCreateSubnet
	h["legacy/DeleteSubnet"] = subnets.deleter("subnetId")
	h["legacy/ModifySubnetAttribute"] = modifySubnetAttribute
	h["legacy/DescribeSubnetEx"] = subnets.describeLegacy
	h["legacy/DescribeSubnet"] = legacyDescribeSubnet
	h["legacy/CheckDefaultSubnet"] = legacyCheckDefaultSubnet
}

// subnetProblem says why cidr cannot be a new subnet of a VPC of vpcCIDR:
// "range" when it is not inside the VPC or not /16 to /28, "conflict"
// when it overlaps one of siblings, the VPC's subnets, or one of extra,
// subnets being created in the same call.
func subnetProblem(vpcCIDR netip.Prefix, siblings []*Subnet, cidr string, extra []netip.Prefix) (kind, msg string) {
	p, ok := parseCIDR(cidr)
	if !ok || p.Bits() < 16 || p.Bits() > 28 || !within(p, vpcCIDR) {
		return "range", "the subnet CIDR " + cidr + " is not a /16 to /28 block inside the VPC's " + vpcCIDR.String()
	}
	for _, x := range siblings {
		if overlaps(x.prefix(), p) {
			return "conflict", "the subnet CIDR " + cidr + " overlaps subnet " + x.ID + " (" + x.CIDR + ")"
		}
	}
	for _, e := range extra {
		if overlaps(e, p) {
			return "conflict", "the subnet CIDR " + cidr + " overlaps " + e.String() + " in the same request"
		}
	}
	return "", ""
}

func (st *Store) mainRouteTable(vpcID string) *RouteTable {
	for _, rt := range st.RouteTables.under(vpcID) {
		if rt.Main {
			return rt
		}
	}
	return nil
}

func (st *Store) subnetInUse(id string) string {
	for _, e := range st.ENIs.byID {
		if e.SubnetID == id {
			return "network interface " + e.ID
		}
	}
	return ""
}

func v3CreateSubnet(c *call, st *Store) (map[string]any, *apiError) {
	v, err := vpcs.find(c, st, "VpcId")
	if err != nil {
		return nil, err
	}
	name, cidr, zone := c.str("SubnetName"), c.str("CidrBlock"), c.str("Zone")
	if name == "" {
		return nil, c.invalid("SubnetName", "a name is 1 to 60 characters")
	}
	if !zoneOK(c.home, zone) {
		return nil, errf(c.pick("InvalidParameterValue.Zone", "InvalidParameterValue"), "Zone %q is not a zone of %s, such as %s.", zone, c.home, defaultZone(c.home))
	}
	vp, _ := parseCIDR(v.CIDR)
	switch kind, msg := subnetProblem(vp, st.Subnets.under(v.ID), cidr, nil); kind {
	case "range":
		return nil, errf("InvalidParameterValue.SubnetRange", "Invalid subnet CIDR: %s.", msg)
	case "conflict":
		return nil, errf("InvalidParameterValue.SubnetConflict", "Subnet CIDR conflict: %s.", msg)
	}
	s := &Subnet{base: st.newBase(c, "subnet-"), VpcID: v.ID, Name: name, CIDR: cidr, Zone: zone}
	if rt := st.mainRouteTable(v.ID); rt != nil {
		s.RouteTableID = rt.ID
	}
	st.Subnets.put(s)
	return map[string]any{"Subnet": st.subnetV3(s)}, nil
}

// modifySubnetAttribute is ModifySubnetAttribute in both styles. The
// legacy page takes the name alone, requires it, and refuses one another
// subnet of the VPC has.
func modifySubnetAttribute(c *call, st *Store) (map[string]any, *apiError) {
	s, err := subnets.find(c, st, c.pickParam("SubnetId", "subnetId"))
	if err != nil {
		return nil, err
	}
	if name := c.pickParam("SubnetName", "subnetName"); c.has(name) || c.style == Legacy {
		if c.str(name) == "" {
			return nil, c.invalid(name, "a name is 1 to 60 characters")
		}
		for _, x := range st.Subnets.under(s.VpcID) {
			if c.style == Legacy && x.ID != s.ID && x.Name == c.str(name) {
				return nil, c.invalid(name, "another subnet of VPC %s is named %q", s.VpcID, x.Name)
			}
		}
		s.Name = c.str(name)
	}
	b, set, err := c.boolParam("EnableBroadcast")
	if err != nil {
		return nil, err
	}
	if set {
		s.EnableBroadcast = b
	}
	st.dirty = true
	return nil, nil
}

// Legacy API.

type subnetSpec struct {
	name, cidr, zone string
	zoneID           int
}

// legacySubnetSpecs reads subnetSet.N, checking each against the VPC
// (vpc nil: against the CIDR of a VPC about to be created).
func legacySubnetSpecs(c *call, st *Store, vpcCIDR netip.Prefix, v *VPC) ([]subnetSpec, *apiError) {
	// CreateVpc's page lists none of CreateSubnet's codes for a subnet:
	// the common code stands for them there.
	bad := func(public int, code, format string, args ...any) *apiError {
		return lerrf(public, c.pick(code, "InvalidParameterValue"), format, args...)
	}
	var siblings []*Subnet
	if v != nil {
		siblings = st.Subnets.under(v.ID)
	}
	var specs []subnetSpec
	var seen []netip.Prefix
	for i, m := range c.objs("subnetSet") {
		sp := subnetSpec{name: field(m, "subnetName"), cidr: field(m, "cidrBlock")}
		where := "subnetSet." + strconv.Itoa(i)
		if sp.name == "" {
			return nil, bad(4000, "InvalidSubnetName", "%s.subnetName must be 1 to 60 characters.", where)
		}
		zid := field(m, "zoneId")
		var ok bool
		if sp.zone, sp.zoneID, ok = legacyZone(c.home, zid); !ok {
			return nil, bad(5000, "InvalidZone.NotFound", "%s.zoneId %q is not a zone ID of %s.", where, zid, c.home)
		}
		switch kind, msg := subnetProblem(vpcCIDR, siblings, sp.cidr, seen); kind {
		case "range":
			return nil, bad(4000, "InvalidSubnetCidr", "%s.cidrBlock: %s.", where, msg)
		case "conflict":
			return nil, bad(5100, "InvalidSubnet.Conflict", "%s.cidrBlock: %s.", where, msg)
		}
		p, _ := parseCIDR(sp.cidr)
		seen = append(seen, p)
		specs = append(specs, sp)
	}
	return specs, nil
}

func (st *Store) addLegacySubnets(c *call, v *VPC, rt *RouteTable, specs []subnetSpec) []any {
	var out []any
	for _, sp := range specs {
		s := &Subnet{base: st.newBase(c, "subnet-"), VpcID: v.ID, Name: sp.name, CIDR: sp.cidr, Zone: sp.zone, LegacyZoneID: sp.zoneID, RouteTableID: rt.ID}
		st.Subnets.put(s)
		out = append(out, map[string]any{
			"subnetId": s.ID, "unSubnetId": s.ID, "routeTableId": rt.ID, "unRouteTableId": rt.ID,
			"subnetName": s.Name, "cidrBlock": s.CIDR, "zoneId": s.zoneID(), "zone": s.Zone,
		})
	}
	return out
}

func legacySubnetRow(st *Store, s *Subnet) map[string]any {
	v := st.VPCs.get(s.VpcID)
	row := map[string]any{
		"vpcId": s.VpcID, "unVpcId": s.VpcID, "subnetId": s.ID, "unSubnetId": s.ID,
		"subnetName": s.Name, "subnetCreateTime": s.created(), "createTime": s.created(),
		"routeTableId": s.RouteTableID, "unRouteTableId": s.RouteTableID,
		"cidrBlock": s.CIDR, "zoneId": s.zoneID(), "zone": s.Zone, "vpcDevices": 0,
		"networkAclId": s.NetworkAclID, "totalIPNum": hostCount(s.prefix()),
		"availableIPNum": st.availableIPs(s), "broadcast": s.EnableBroadcast, "isDefault": s.IsDefault,
	}
	if v != nil {
		row["vpcName"], row["vpcCidrBlock"] = v.Name, v.CIDR
	}
	if rt := st.RouteTables.get(s.RouteTableID); rt != nil {
		row["routeTableName"] = rt.Name
	}
	if s.NetworkAclID == "" {
		row["networkAclId"] = 0
	}
	return row
}

func legacyCreateSubnet(c *call, st *Store) (map[string]any, *apiError) {
	v, err := vpcs.find(c, st, "vpcId")
	if err != nil {
		return nil, err
	}
	vp, _ := parseCIDR(v.CIDR)
	specs, err := legacySubnetSpecs(c, st, vp, v)
	if err != nil {
		return nil, err
	}
	rt := st.mainRouteTable(v.ID)
	return map[string]any{"subnetSet": st.addLegacySubnets(c, v, rt, specs)}, nil
}

func legacyDescribeSubnet(c *call, st *Store) (map[string]any, *apiError) {
	s, err := subnets.find(c, st, "subnetId")
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"subnetId": s.ID, "unSubnetId": s.ID, "subnetName": s.Name, "subnetCreateTime": s.created(),
		"routeTableId": s.RouteTableID, "cidrBlock": s.CIDR, "zoneId": s.zoneID(), "zone": s.Zone,
		"totalIPNum": hostCount(s.prefix()), "availableIPNum": st.availableIPs(s),
	}, nil
}

func legacyCheckDefaultSubnet(c *call, st *Store) (map[string]any, *apiError) {
	return map[string]any{"data": map[string]any{"checkResult": true}}, nil
}
