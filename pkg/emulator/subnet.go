package emulator

import (
	"net/netip"
	"strconv"
)

// Subnet is a subnet of a VPC in one zone.
type Subnet struct {
	base
	VpcID           string `json:"vpcId"`
	Name            string `json:"name"`
	CIDR            string `json:"cidr"`
	Zone            string `json:"zone"`
	LegacyZoneID    int    `json:"legacyZoneId,omitempty"` // a legacy zoneId with no known name
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

func registerSubnet(h map[string]handler) {
	h["v3/CreateSubnet"] = v3CreateSubnet
	h["v3/DeleteSubnet"] = v3DeleteSubnet
	h["v3/DescribeSubnets"] = v3DescribeSubnets
	h["v3/ModifySubnetAttribute"] = v3ModifySubnetAttribute
	h["legacy/CreateSubnet"] = legacyCreateSubnet
	h["legacy/DeleteSubnet"] = legacyDeleteSubnet
	h["legacy/ModifySubnetAttribute"] = legacyModifySubnetAttribute
	h["legacy/DescribeSubnetEx"] = legacyDescribeSubnetEx
	h["legacy/DescribeSubnet"] = legacyDescribeSubnet
	h["legacy/CheckDefaultSubnet"] = legacyCheckDefaultSubnet
}

// subnetProblem says why cidr cannot be a new subnet of v: "range" when it
// is not inside the VPC or not /16 to /28, "conflict" when it overlaps a
// sibling (or one of extra, subnets being created in the same call).
func (st *Store) subnetProblem(v *VPC, cidr string, extra []netip.Prefix) (kind, msg string) {
	p, ok := parseCIDR(cidr)
	vp, _ := parseCIDR(v.CIDR)
	if !ok || p.Bits() < 16 || p.Bits() > 28 || !within(p, vp) {
		return "range", "the subnet CIDR " + cidr + " is not a /16 to /28 block inside the VPC's " + v.CIDR
	}
	for _, x := range st.Subnets.under(v.ID) {
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
	vpcID := c.str("VpcId")
	if err := c.checkID("VpcId", vpcID, "vpc-"); err != nil {
		return nil, err
	}
	v := st.vpcByID(vpcID)
	if v == nil {
		return nil, errf("ResourceNotFound", "The VPC %s does not exist.", vpcID)
	}
	name, cidr, zone := c.str("SubnetName"), c.str("CidrBlock"), c.str("Zone")
	if !nameOK(name) {
		return nil, errf("InvalidParameterValue", "SubnetName must be 1 to 60 characters.")
	}
	if !zoneOK(c.home, zone) {
		return nil, errf(c.pick("InvalidParameterValue.Zone", "InvalidParameterValue"), "Zone %q is not a zone of %s, such as %s.", zone, c.home, defaultZone(c.home))
	}
	switch kind, msg := st.subnetProblem(v, cidr, nil); kind {
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

func v3DeleteSubnet(c *call, st *Store) (map[string]any, *apiError) {
	id := c.str("SubnetId")
	if err := c.checkID("SubnetId", id, "subnet-"); err != nil {
		return nil, err
	}
	if st.Subnets.get(id) == nil {
		return nil, errf("ResourceNotFound", "The subnet %s does not exist.", id)
	}
	if what := st.subnetInUse(id); what != "" {
		return nil, errf("ResourceInUse", "The subnet %s cannot be deleted: %s is in it.", id, what)
	}
	st.Subnets.del(id)
	st.dirty = true
	return nil, nil
}

func v3ModifySubnetAttribute(c *call, st *Store) (map[string]any, *apiError) {
	id := c.str("SubnetId")
	if err := c.checkID("SubnetId", id, "subnet-"); err != nil {
		return nil, err
	}
	s := st.Subnets.get(id)
	if s == nil {
		return nil, errf("ResourceNotFound", "The subnet %s does not exist.", id)
	}
	if c.has("SubnetName") {
		if !nameOK(c.str("SubnetName")) {
			return nil, errf("InvalidParameterValue", "SubnetName must be 1 to 60 characters.")
		}
		s.Name = c.str("SubnetName")
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

func v3DescribeSubnets(c *call, st *Store) (map[string]any, *apiError) {
	return listV3(c, &st.Subnets, "SubnetIds", "SubnetSet", "vpc-id", filterFuncs[*Subnet]{
		"subnet-id":      func(s *Subnet) string { return s.ID },
		"vpc-id":         func(s *Subnet) string { return s.VpcID },
		"cidr-block":     func(s *Subnet) string { return s.CIDR },
		"is-default":     func(s *Subnet) string { return boolStr(s.IsDefault) },
		"subnet-name":    func(s *Subnet) string { return s.Name },
		"zone":           func(s *Subnet) string { return s.Zone },
		"route-table-id": func(s *Subnet) string { return s.RouteTableID },
	}, func(s *Subnet) any { return st.subnetV3(s) })
}

// Legacy API.

type subnetSpec struct {
	name, cidr, zone string
	zoneID           int
}

// legacySubnetSpecs reads subnetSet.N, checking each against the VPC
// (vpc nil: against the CIDR of a VPC about to be created).
func legacySubnetSpecs(c *call, st *Store, vpcCIDR netip.Prefix, v *VPC) ([]subnetSpec, *apiError) {
	var specs []subnetSpec
	var seen []netip.Prefix
	for i, m := range c.objs("subnetSet") {
		sp := subnetSpec{name: field(m, "subnetName"), cidr: field(m, "cidrBlock")}
		where := "subnetSet." + strconv.Itoa(i)
		if !nameOK(sp.name) {
			return nil, lerrf(4000, "InvalidSubnetName", "%s.subnetName must be 1 to 60 characters.", where)
		}
		zid := field(m, "zoneId")
		if z, ok := zoneFromLegacy(zid); ok {
			if regionOfZone(z) != c.home {
				return nil, lerrf(5000, "InvalidZone.NotFound", "%s.zoneId %s is %s, not a zone of %s.", where, zid, z, c.home)
			}
			sp.zone = z
		} else if n, err := strconv.Atoi(zid); err == nil && n > 0 {
			sp.zoneID = n
		} else {
			return nil, lerrf(5000, "InvalidZone.NotFound", "%s.zoneId %q is not a zone ID such as 800001.", where, zid)
		}
		p, ok := parseCIDR(sp.cidr)
		if !ok || p.Bits() < 16 || p.Bits() > 28 || !within(p, vpcCIDR) {
			return nil, lerrf(4000, "InvalidSubnetCidr", "%s.cidrBlock %q is not a /16 to /28 block inside the VPC's %s.", where, sp.cidr, vpcCIDR)
		}
		for _, e := range seen {
			if overlaps(e, p) {
				return nil, lerrf(5100, "InvalidSubnet.Conflict", "%s.cidrBlock %s overlaps %s in the same request.", where, sp.cidr, e)
			}
		}
		if v != nil {
			if kind, msg := st.subnetProblem(v, sp.cidr, nil); kind == "conflict" {
				return nil, lerrf(5100, "InvalidSubnet.Conflict", "%s: %s.", where, msg)
			}
		}
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
	id := c.str("vpcId")
	v := st.vpcByID(id)
	if v == nil {
		return nil, lerrf(5000, "InvalidVpc.NotFound", "The VPC %s does not exist.", id)
	}
	vp, _ := parseCIDR(v.CIDR)
	specs, err := legacySubnetSpecs(c, st, vp, v)
	if err != nil {
		return nil, err
	}
	rt := st.mainRouteTable(v.ID)
	return map[string]any{"subnetSet": st.addLegacySubnets(c, v, rt, specs)}, nil
}

// legacySubnet finds a subnet of vpcId, with the page's error codes.
func legacySubnet(st *Store, vpcID, subnetID string) (*Subnet, *apiError) {
	if st.vpcByID(vpcID) == nil {
		return nil, lerrf(5000, "InvalidVpc.NotFound", "The VPC %s does not exist.", vpcID)
	}
	s := st.Subnets.get(subnetID)
	if s == nil || s.VpcID != vpcID {
		return nil, lerrf(5000, "InvalidSubnet.NotFound", "The subnet %s does not exist in VPC %s.", subnetID, vpcID)
	}
	return s, nil
}

func legacyDeleteSubnet(c *call, st *Store) (map[string]any, *apiError) {
	s, err := legacySubnet(st, c.str("vpcId"), c.str("subnetId"))
	if err != nil {
		return nil, err
	}
	if what := st.subnetInUse(s.ID); what != "" {
		return nil, lerrf(5100, "InvalidSubnet.CannotDelete", "The subnet %s cannot be deleted: %s is in it.", s.ID, what)
	}
	st.Subnets.del(s.ID)
	st.dirty = true
	return nil, nil
}

func legacyModifySubnetAttribute(c *call, st *Store) (map[string]any, *apiError) {
	s, err := legacySubnet(st, c.str("vpcId"), c.str("subnetId"))
	if err != nil {
		return nil, err
	}
	name := c.str("subnetName")
	if !nameOK(name) {
		return nil, lerrf(4000, "InvalidSubnetName", "The subnet name must be 1 to 60 characters.")
	}
	for _, x := range st.Subnets.under(s.VpcID) {
		if x.ID != s.ID && x.Name == name {
			return nil, lerrf(4000, "InvalidSubnetName", "Another subnet of VPC %s is named %q.", s.VpcID, name)
		}
	}
	s.Name = name
	st.dirty = true
	return nil, nil
}

func legacyDescribeSubnetEx(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.legacyPage(100, "subnetName")
	if err != nil {
		return nil, err
	}
	vpcID, id, name := c.str("vpcId"), c.str("subnetId"), c.str("subnetName")
	zoneIDs := map[int]bool{}
	for _, z := range c.strs("zonelids") {
		n, _ := strconv.Atoi(z)
		zoneIDs[n] = true
	}
	var matches []*Subnet
	for _, s := range st.Subnets.pick(nonEmpty(id), nonEmpty(vpcID)) {
		if (vpcID == "" || s.VpcID == vpcID) && fuzzy(s.Name, name) && (len(zoneIDs) == 0 || zoneIDs[s.zoneID()]) {
			matches = append(matches, s)
		}
	}
	total, rows := legacyRows(q, matches, func(s *Subnet) map[string]any { return legacySubnetRow(st, s) })
	return map[string]any{"totalCount": total, "data": rows}, nil
}

func legacyDescribeSubnet(c *call, st *Store) (map[string]any, *apiError) {
	s, err := legacySubnet(st, c.str("vpcId"), c.str("subnetId"))
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
