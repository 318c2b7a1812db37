package emulator

import (
	"slices"
	"unicode/utf8"
)

// VPC is a private network.
type VPC struct {
	base
	Name            string   `json:"name"`
	CIDR            string   `json:"cidr"`
	IsDefault       bool     `json:"isDefault,omitempty"`
	EnableMulticast bool     `json:"enableMulticast,omitempty"`
	DNSServers      []string `json:"dnsServers,omitempty"`
	DomainName      string   `json:"domainName,omitempty"`
}

func (v *VPC) v3() map[string]any {
	dns := v.DNSServers
	if dns == nil {
		dns = []string{}
	}
	return map[string]any{
		"VpcId": v.ID, "VpcName": v.Name, "CidrBlock": v.CIDR, "IsDefault": v.IsDefault,
		"EnableMulticast": v.EnableMulticast, "CreatedTime": v.created(), "DnsServerSet": dns,
		"DomainName": v.DomainName, "DhcpOptionsId": "", "EnableDhcp": true,
		"Ipv6CidrBlock": "", "TagSet": []any{}, "AssistantCidrSet": []any{},
	}
}

var vpcs = &kind[*VPC]{
	noun: "VPC", prefix: "vpc-", rows: func(s *Store) *table[*VPC] { return &s.VPCs },
	code: "InvalidVpcId", legacyCode: "InvalidVpc",
	inUse: func(st *Store, v *VPC) string { return st.vpcInUse(v.ID) },
	drop:  func(st *Store, v *VPC) { st.deleteVpc(v.ID) },

	idsParam: "VpcIds", set: "VpcSet",
	filters: []attr[*VPC]{
		{"vpc-name", func(v *VPC) string { return v.Name }},
		{"is-default", func(v *VPC) string { return boolStr(v.IsDefault) }},
		{"vpc-id", func(v *VPC) string { return v.ID }},
		{"cidr-block", func(v *VPC) string { return v.CIDR }},
	},
	v3Row: func(_ *Store, v *VPC) any { return v.v3() },
	legacy: &legacyList[*VPC]{
		max: 100, orderBy: []string{"vpcName"}, id: "vpcId",
		substr: []attr[*VPC]{{"vpcName", func(v *VPC) string { return v.Name }}},
		row:    legacyVpcRow,
	},
}

func registerVPC(h map[string]handler) {
	h["v3/CreateVpc"] = v3CreateVpc
	h["v3/DeleteVpc"] = vpcs.deleter("VpcId")
	h["v3/DescribeVpcs"] = vpcs.describeV3
	h["v3/ModifyVpcAttribute"] = modifyVpcAttribute
	h["v3/CreateDefaultVpc"] = v3CreateDefaultVpc
	h["legacy/CreateVpc"] = legacyCreateVpc
	h["legacy/DeleteVpc"] = vpcs.deleter("vpcId")
	h["legacy/DescribeVpcEx"] = vpcs.describeLegacy
	h["legacy/ModifyVpcAttribute"] = modifyVpcAttribute
}

// nameOK is the manual's naming rule: 1 to 60 characters.
func nameOK(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 1 && n <= 60
}

// createVpc adds a VPC with its default route table.
func (s *Store) createVpc(c *call, name, cidr string) (*VPC, *RouteTable) {
	v := &VPC{base: s.newBase(c, "vpc-"), Name: name, CIDR: cidr}
	s.VPCs.put(v)
	rt := &RouteTable{base: s.newBase(c, "rtb-"), VpcID: v.ID, Name: "default", Main: true}
	s.RouteTables.put(rt)
	return v, rt
}

// vpcInUse names what keeps a VPC from being deleted, "" when nothing.
func (s *Store) vpcInUse(id string) string {
	if x := s.Subnets.under(id); len(x) > 0 {
		return "subnet " + x[0].ID
	}
	if x := s.VpnGateways.under(id); len(x) > 0 {
		return "VPN gateway " + x[0].ID
	}
	for _, x := range s.RouteTables.under(id) {
		if !x.Main {
			return "route table " + x.ID
		}
	}
	for _, x := range s.ENIs.byID {
		if x.VpcID == id {
			return "network interface " + x.ID
		}
	}
	for _, x := range s.NetworkAcls.byID {
		if x.VpcID == id {
			return "network ACL " + x.ID
		}
	}
	for _, x := range s.NatGateways.byID {
		if x.VpcID == id {
			return "NAT gateway " + x.ID
		}
	}
	for _, x := range s.peerings() {
		if x.VpcID == id || x.PeerVpcID == id {
			return "peering connection " + x.ID
		}
	}
	for _, x := range s.FlowLogs.byID {
		if x.VpcID == id {
			return "flow log " + x.ID
		}
	}
	for _, x := range s.ClassicLinks.byID {
		if x.VpcID == id {
			return "classic link of " + x.InstanceID
		}
	}
	for _, x := range s.DirectConnectGateways.byID {
		if x.VpcID == id {
			return "direct connect gateway " + x.ID
		}
	}
	return ""
}

func (s *Store) deleteVpc(id string) {
	s.VPCs.del(id)
	for _, rt := range slices.Clone(s.RouteTables.under(id)) {
		s.RouteTables.del(rt.ID)
	}
	s.dirty = true
}

func v3CreateVpc(c *call, st *Store) (map[string]any, *apiError) {
	name, cidr := c.str("VpcName"), c.str("CidrBlock")
	if !nameOK(name) {
		return nil, c.invalid("VpcName", "a name is 1 to 60 characters")
	}
	if p, _ := parseCIDR(cidr); !vpcCIDROK(p) {
		return nil, c.invalid("CidrBlock", "%s must lie in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 with a mask from /16 to /28", cidr)
	}
	mc, _, err := c.boolParam("EnableMulticast")
	if err != nil {
		return nil, err
	}
	dns := c.strs("DnsServers")
	v, _ := st.createVpc(c, name, cidr)
	v.DNSServers, v.DomainName, v.EnableMulticast = dns, c.str("DomainName"), mc
	return map[string]any{"Vpc": v.v3()}, nil
}

func v3CreateDefaultVpc(c *call, st *Store) (map[string]any, *apiError) {
	var v *VPC
	for _, x := range st.VPCs.byID {
		if x.IsDefault {
			v = x
		}
	}
	zone := c.str("Zone")
	if zone == "" {
		zone = defaultZone(c.home)
	}
	var sub *Subnet
	if v == nil {
		var rt *RouteTable
		v, rt = st.createVpc(c, "Default-VPC", "172.16.0.0/16")
		v.IsDefault = true
		sub = &Subnet{base: st.newBase(c, "subnet-"), VpcID: v.ID, Name: "Default-Subnet", CIDR: "172.16.0.0/20", Zone: zone, RouteTableID: rt.ID, IsDefault: true}
		st.Subnets.put(sub)
	} else {
		for _, x := range st.Subnets.all() {
			if x.VpcID == v.ID && x.IsDefault {
				sub = x
				break
			}
		}
	}
	out := map[string]any{"VpcId": v.ID, "CidrBlock": v.CIDR, "VpcName": v.Name}
	if sub != nil {
		out["SubnetId"], out["SubnetName"] = sub.ID, sub.Name
	}
	return map[string]any{"Vpc": out}, nil
}

// modifyVpcAttribute is ModifyVpcAttribute in both styles; the legacy
// page takes the name alone, and requires it.
func modifyVpcAttribute(c *call, st *Store) (map[string]any, *apiError) {
	v, err := vpcs.find(c, st, c.pickParam("VpcId", "vpcId"))
	if err != nil {
		return nil, err
	}
	if name := c.pickParam("VpcName", "vpcName"); c.has(name) || c.style == Legacy {
		if !nameOK(c.str(name)) {
			return nil, c.invalid(name, "a name is 1 to 60 characters")
		}
		v.Name = c.str(name)
	}
	mc, set, err := c.boolParam("EnableMulticast")
	if err != nil {
		return nil, err
	}
	if set {
		v.EnableMulticast = mc
	}
	if dns := c.strs("DnsServers"); dns != nil {
		v.DNSServers = dns
	}
	if c.has("DomainName") {
		v.DomainName = c.str("DomainName")
	}
	st.dirty = true
	return nil, nil
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func nonNil(rows []any) []any {
	if rows == nil {
		return []any{}
	}
	return rows
}

// Legacy API.

func legacyVpcRow(st *Store, v *VPC) map[string]any {
	subnets, tables, gateways := len(st.Subnets.under(v.ID)), len(st.RouteTables.under(v.ID)), len(st.VpnGateways.under(v.ID))
	peers, links, nats := 0, 0, 0
	for _, x := range st.peerings() {
		if x.VpcID == v.ID || x.PeerVpcID == v.ID {
			peers++
		}
	}
	for _, x := range st.ClassicLinks.byID {
		if x.VpcID == v.ID {
			links++
		}
	}
	for _, x := range st.NatGateways.under(v.ID) {
		if x.state() != statePending {
			nats++
		}
	}
	return map[string]any{
		"vpcId": v.ID, "unVpcId": v.ID, "vpcName": v.Name, "cidrBlock": v.CIDR,
		"subnetNum": subnets, "routeTableNum": tables, "vpnGwNum": gateways,
		"vpcPeerNum": peers, "vpcDeviceNum": 0, "classicLinkNum": links, "vpgNum": 0, "natNum": nats,
		"createTime": v.created(), "isDefault": v.IsDefault,
	}
}

func legacyCreateVpc(c *call, st *Store) (map[string]any, *apiError) {
	name, cidr := c.str("vpcName"), c.str("cidrBlock")
	if !nameOK(name) {
		return nil, lerrf(4000, "InvalidVpcName", "The VPC name must be 1 to 60 characters.")
	}
	p, ok := parseCIDR(cidr)
	if !ok || !vpcCIDROK(p) {
		return nil, lerrf(4000, "InvalidVpcCidr", "The VPC CIDR %q must lie in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 with a mask from /16 to /28.", cidr)
	}
	specs, err := legacySubnetSpecs(c, st, p, nil)
	if err != nil {
		return nil, err
	}
	v, rt := st.createVpc(c, name, cidr)
	out := map[string]any{
		"vpcId": v.ID, "unVpcId": v.ID, "uniqVpcId": v.ID, "vpcCreateTime": v.created(),
	}
	if len(specs) > 0 {
		out["subnetSet"] = st.addLegacySubnets(c, v, rt, specs)
		out["routeTableSet"] = []any{map[string]any{"routeTableId": rt.ID, "unRouteTableId": rt.ID, "routeTableType": 1, "routeTableName": rt.Name}}
	}
	return out, nil
}

// nonEmpty is s as a list of IDs: none when s is "".
func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func rowsAny(rows []map[string]any) []any {
	out := make([]any, len(rows))
	for i, r := range rows {
		out[i] = r
	}
	return out
}
