package emulator

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// VpnGateway is an IPsec VPN gateway. It is PENDING for the task delay
// after creation, then AVAILABLE; deletion passes through DELETING.
type VpnGateway struct {
	base
	VpcID      string    `json:"vpcId"`
	Name       string    `json:"name"`
	Bandwidth  int       `json:"bandwidth"`
	ChargeType string    `json:"chargeType"`
	RenewFlag  string    `json:"renewFlag,omitempty"`
	Expires    time.Time `json:"expires,omitzero"`
	PublicIP   string    `json:"publicIp"`
	DealID     string    `json:"dealId,omitempty"`
	transit
}

// CustomerGateway is the customer's end of a tunnel.
type CustomerGateway struct {
	base
	Name string `json:"name"`
	IP   string `json:"ip"`
}

// VpnConn is a VPN tunnel. Creation (PENDING), legacy modification
// (MODIFYING) and deletion (DELETING) take the task delay.
type VpnConn struct {
	base
	VpcID     string         `json:"vpcId"`
	GatewayID string         `json:"vpnGatewayId"`
	CgwID     string         `json:"customerGatewayId"`
	Name      string         `json:"name"`
	PSK       string         `json:"preShareKey"`
	SPD       []SPD          `json:"spd"`
	IKE       map[string]any `json:"ike"`
	IPSEC     map[string]any `json:"ipsec"`
	transit
}

// SPD is one security policy database entry: a local CIDR and the remote
// CIDRs it talks to.
type SPD struct {
	Local  string   `json:"local"`
	Remote []string `json:"remote"`
}

var vpnGateways = &kind[*VpnGateway]{
	noun: "VPN gateway", prefix: "vpngw-", rows: func(s *Store) *table[*VpnGateway] { return &s.VpnGateways },
	code: "InvalidVpnGatewayId", legacyCode: "InvalidVpnGw",
	states: func(g *VpnGateway) *transit { return &g.transit },
}

var vpnConns = &kind[*VpnConn]{
	noun: "VPN connection", prefix: "vpnx-", rows: func(s *Store) *table[*VpnConn] { return &s.VpnConns },
	legacyCode: "InvalidVpnConn",
	states:     func(x *VpnConn) *transit { return &x.transit },
}

func registerVPN(h map[string]handler) {
	h["v3/CreateVpnGateway"] = v3CreateVpnGateway
	h["v3/DeleteVpnGateway"] = v3DeleteVpnGateway
	h["v3/DescribeVpnGateways"] = v3DescribeVpnGateways
	h["v3/ModifyVpnGatewayAttribute"] = v3ModifyVpnGatewayAttribute
	h["v3/ResetVpnGatewayInternetMaxBandwidth"] = v3ResetVpnGatewayBandwidth
	h["v3/RenewVpnGateway"] = v3RenewVpnGateway
	h["v3/CreateCustomerGateway"] = v3CreateCustomerGateway
	h["v3/DeleteCustomerGateway"] = v3DeleteCustomerGateway
	h["v3/DescribeCustomerGateways"] = v3DescribeCustomerGateways
	h["v3/ModifyCustomerGatewayAttribute"] = v3ModifyCustomerGatewayAttribute
	h["v3/DescribeCustomerGatewayVendors"] = v3DescribeCustomerGatewayVendors
	h["v3/CreateVpnConnection"] = v3CreateVpnConnection
	h["v3/DeleteVpnConnection"] = v3DeleteVpnConnection
	h["v3/DescribeVpnConnections"] = v3DescribeVpnConnections
	h["v3/ModifyVpnConnectionAttribute"] = v3ModifyVpnConnectionAttribute
	h["v3/ResetVpnConnection"] = v3ResetVpnConnection
	h["v3/DownloadCustomerGatewayConfiguration"] = v3DownloadCustomerGatewayConfiguration

	h["legacy/CreateVpn"] = legacyCreateVpn
	h["legacy/RunVpnGw"] = legacyRunVpnGw
	h["legacy/DescribeVpnGw"] = legacyDescribeVpnGw
	h["legacy/ModifyVpnGw"] = legacyModifyVpnGw
	h["legacy/RenewVpn"] = legacyRenewVpn
	h["legacy/AddUserGw"] = legacyAddUserGw
	h["legacy/DeleteUserGw"] = legacyDeleteUserGw
	h["legacy/ModifyUserGw"] = legacyModifyUserGw
	h["legacy/DescribeUserGw"] = legacyDescribeUserGw
	h["legacy/DescribeUserGwVendor"] = legacyDescribeUserGwVendor
	h["legacy/AddVpnConnEx"] = legacyAddVpnConnEx
	h["legacy/DeleteVpnConn"] = legacyDeleteVpnConn
	h["legacy/ModifyVpnConnEx"] = legacyModifyVpnConnEx
	h["legacy/DescribeVpnConn"] = legacyDescribeVpnConn
	h["legacy/ResetVpnConnSA"] = legacyResetVpnConnSA
	h["legacy/GetVpnConnConfig"] = legacyGetVpnConnConfig
}

var vpnBandwidths = map[int]bool{5: true, 10: true, 20: true, 50: true, 100: true}

// publicIP draws an address from a documentation-free public range.
func (c *call) publicIP() string {
	s := c.draw(3)
	return fmt.Sprintf("119.29.%d.%d", int(s[0])%250+1, (int(s[1])*7+int(s[2]))%250+2)
}

// byIDOrNum finds a resource by its ID, or by the legacy numeric ID (its
// creation number) that the legacy pages also accept.
func byIDOrNum[P record](t *table[P], id string) P {
	if x := t.get(id); x != *new(P) {
		return x
	}
	if n, err := strconv.ParseInt(id, 10, 64); err == nil {
		rows := t.live()
		if i, ok := slices.BinarySearchFunc(rows, n, func(x P, n int64) int { return cmpInt(x.num(), n) }); ok {
			return rows[i]
		}
	}
	return *new(P)
}

func (st *Store) vpnGatewayByID(id string) *VpnGateway { return byIDOrNum(&st.VpnGateways, id) }

func (st *Store) customerGatewayByID(id string) *CustomerGateway {
	return byIDOrNum(&st.CustomerGateways, id)
}

func (st *Store) vpnConnByID(id string) *VpnConn { return byIDOrNum(&st.VpnConns, id) }

func (st *Store) newVpnGateway(c *call, v *VPC, name string, bandwidth int, charge string, months int) *VpnGateway {
	g := &VpnGateway{
		base: st.newBase(c, "vpngw-"), VpcID: v.ID, Name: name, Bandwidth: bandwidth,
		ChargeType: charge, PublicIP: c.publicIP(), transit: transit{statePending, c.transitionUntil()},
	}
	if charge == "PREPAID" {
		g.RenewFlag = "NOTIFY_AND_AUTO_RENEW"
		g.Expires = c.now.AddDate(0, months, 0)
	}
	st.VpnGateways.put(g)
	return g
}

func (g *VpnGateway) expired() string {
	if g.Expires.IsZero() {
		return "0000-00-00 00:00:00"
	}
	return fmtTime(g.Expires)
}

func (g *VpnGateway) v3() map[string]any {
	return map[string]any{
		"VpnGatewayId": g.ID, "VpcId": g.VpcID, "VpnGatewayName": g.Name, "Type": "IPSEC",
		"State": g.State, "PublicIpAddress": g.PublicIP, "RenewFlag": g.RenewFlag,
		"InstanceChargeType": g.ChargeType, "InternetMaxBandwidthOut": g.Bandwidth,
		"CreatedTime": g.created(), "ExpiredTime": g.expired(), "IsAddressBlocked": false,
		"NewPurchasePlan": "", "RestrictState": "NORMAL", "Zone": "", "VpnGatewayQuotaSet": []any{},
		"Version": "1.0", "NetworkInstanceId": "",
	}
}

// legacyGwStatus is vpnGwStatus: 2 delivering, 4 destroying, 6 running.
func legacyGwStatus(state string) int {
	switch state {
	case statePending:
		return 2
	case stateDeleting:
		return 4
	}
	return 6
}

// legacyConnStatus is vpcConnStatus: 0 creating, 2 modifying, 4 deleting,
// 6 running.
func legacyConnStatus(state string) int {
	switch state {
	case statePending:
		return 0
	case stateModifying:
		return 2
	case stateDeleting:
		return 4
	}
	return 6
}

func v3CreateVpnGateway(c *call, st *Store) (map[string]any, *apiError) {
	vpcID := c.str("VpcId")
	if err := c.checkID("VpcId", vpcID, "vpc-"); err != nil {
		return nil, errf(c.pick("InvalidVpcId.Malformed", "InvalidParameterValue.Malformed"), "%s", err.Message)
	}
	v := st.vpcByID(vpcID)
	if v == nil {
		return nil, errf(c.pick("InvalidVpcId.NotFound", "ResourceNotFound"), "The VPC %s does not exist.", vpcID)
	}
	name := c.str("VpnGatewayName")
	if !nameOK(name) {
		return nil, errf("InvalidParameterValue", "VpnGatewayName must be 1 to 60 characters.")
	}
	bw, err := c.intParam("InternetMaxBandwidthOut", 0)
	if err != nil {
		return nil, err
	}
	if !vpnBandwidths[bw] {
		return nil, errf("InvalidParameterValue", "InternetMaxBandwidthOut must be one of 5, 10, 20, 50, 100 (got %d).", bw)
	}
	charge := c.str("InstanceChargeType")
	if charge == "" {
		charge = "POSTPAID_BY_HOUR"
	}
	months := 0
	switch charge {
	case "POSTPAID_BY_HOUR":
	case "PREPAID":
		if months, err = c.intParam("InstanceChargePrepaid.Period", 0); err != nil {
			return nil, err
		}
		if months < 1 || months > 36 {
			return nil, errf("InvalidParameterValue", "A PREPAID gateway needs InstanceChargePrepaid.Period of 1 to 36 months.")
		}
	default:
		return nil, errf("InvalidParameterValue", "InstanceChargeType must be PREPAID or POSTPAID_BY_HOUR.")
	}
	g := st.newVpnGateway(c, v, name, bw, charge, months)
	if charge == "PREPAID" && c.str("InstanceChargePrepaid.RenewFlag") != "" {
		g.RenewFlag = c.str("InstanceChargePrepaid.RenewFlag")
	}
	return map[string]any{"VpnGateway": g.v3()}, nil
}

// v3Gateway finds a gateway for the VPN pages, which name their own codes.
func v3Gateway(c *call, st *Store, param string) (*VpnGateway, *apiError) {
	id := c.str(param)
	if err := c.checkID(param, id, "vpngw-"); err != nil {
		return nil, errf(c.pick("InvalidVpnGatewayId.Malformed", "InvalidParameterValue.Malformed"), "%s", err.Message)
	}
	g := st.VpnGateways.get(id)
	if g == nil {
		return nil, errf(c.pick("InvalidVpnGatewayId.NotFound", "ResourceNotFound"), "The VPN gateway %s does not exist.", id)
	}
	return g, nil
}

func (st *Store) gatewayInUse(id string) string {
	for _, x := range st.VpnConns.all() {
		if x.GatewayID == id {
			return "VPN connection " + x.ID
		}
	}
	return ""
}

func v3DeleteVpnGateway(c *call, st *Store) (map[string]any, *apiError) {
	g, err := v3Gateway(c, st, "VpnGatewayId")
	if err != nil {
		return nil, err
	}
	if g.State != stateAvailable {
		return nil, errf("UnsupportedOperation.InvalidState", "The VPN gateway %s is %s; only an AVAILABLE gateway can be deleted.", g.ID, g.State)
	}
	if g.ChargeType == "PREPAID" {
		return nil, errf("UnsupportedOperation", "The VPN gateway %s is PREPAID; only pay-as-you-go gateways can be deleted.", g.ID)
	}
	if what := st.gatewayInUse(g.ID); what != "" {
		return nil, errf("ResourceInUse", "The VPN gateway %s still has %s.", g.ID, what)
	}
	g.enter(c, stateDeleting)
	st.dirty = true
	return nil, nil
}

func v3ModifyVpnGatewayAttribute(c *call, st *Store) (map[string]any, *apiError) {
	g, err := v3Gateway(c, st, "VpnGatewayId")
	if err != nil {
		return nil, err
	}
	if c.has("VpnGatewayName") {
		if !nameOK(c.str("VpnGatewayName")) {
			return nil, errf("InvalidParameterValue", "VpnGatewayName must be 1 to 60 characters.")
		}
		g.Name = c.str("VpnGatewayName")
	}
	if ct := c.str("InstanceChargeType"); ct != "" {
		if ct != "PREPAID" && ct != "POSTPAID_BY_HOUR" {
			return nil, errf("InvalidParameterValue", "InstanceChargeType must be PREPAID or POSTPAID_BY_HOUR.")
		}
		if ct == "PREPAID" && g.ChargeType != "PREPAID" {
			g.Expires, g.RenewFlag = c.now.AddDate(0, 1, 0), "NOTIFY_AND_AUTO_RENEW"
		}
		g.ChargeType = ct
	}
	st.dirty = true
	return nil, nil
}

func v3ResetVpnGatewayBandwidth(c *call, st *Store) (map[string]any, *apiError) {
	g, err := v3Gateway(c, st, "VpnGatewayId")
	if err != nil {
		return nil, err
	}
	bw, err := c.intParam("InternetMaxBandwidthOut", 0)
	if err != nil {
		return nil, err
	}
	if !vpnBandwidths[bw] {
		return nil, errf("InvalidParameterValue", "InternetMaxBandwidthOut must be one of 5, 10, 20, 50, 100 (got %d).", bw)
	}
	if g.State != stateAvailable {
		return nil, errf("UnsupportedOperation.InvalidState", "The VPN gateway %s is %s.", g.ID, g.State)
	}
	g.Bandwidth = bw
	st.dirty = true
	return nil, nil
}

func v3RenewVpnGateway(c *call, st *Store) (map[string]any, *apiError) {
	g, err := v3Gateway(c, st, "VpnGatewayId")
	if err != nil {
		return nil, err
	}
	months, err := c.intParam("InstanceChargePrepaid.Period", 0)
	if err != nil {
		return nil, err
	}
	if months < 1 || months > 36 {
		return nil, errf("InvalidParameterValue", "InstanceChargePrepaid.Period must be 1 to 36 months.")
	}
	if g.ChargeType != "PREPAID" {
		return nil, errf("UnsupportedOperation", "Only a PREPAID gateway can be renewed; %s is %s.", g.ID, g.ChargeType)
	}
	g.Expires = g.Expires.AddDate(0, months, 0)
	if f := c.str("InstanceChargePrepaid.RenewFlag"); f != "" {
		g.RenewFlag = f
	}
	st.dirty = true
	return nil, nil
}

func v3DescribeVpnGateways(c *call, st *Store) (map[string]any, *apiError) {
	return listV3(c, &st.VpnGateways, "VpnGatewayIds", "VpnGatewaySet", "vpc-id", filterFuncs[*VpnGateway]{
		"vpc-id":            func(g *VpnGateway) string { return g.VpcID },
		"vpn-gateway-id":    func(g *VpnGateway) string { return g.ID },
		"vpn-gateway-name":  func(g *VpnGateway) string { return g.Name },
		"type":              func(g *VpnGateway) string { return "IPSEC" },
		"public-ip-address": func(g *VpnGateway) string { return g.PublicIP },
		"renew-flag":        func(g *VpnGateway) string { return g.RenewFlag },
		"zone":              func(g *VpnGateway) string { return "" },
	}, func(g *VpnGateway) any { return g.v3() })
}

// Customer gateways.

func (g *CustomerGateway) v3() map[string]any {
	return map[string]any{"CustomerGatewayId": g.ID, "CustomerGatewayName": g.Name, "IpAddress": g.IP, "CreatedTime": g.created()}
}

func (st *Store) cgwInUse(id string) string {
	for _, x := range st.VpnConns.all() {
		if x.CgwID == id {
			return "VPN connection " + x.ID
		}
	}
	return ""
}

func v3CreateCustomerGateway(c *call, st *Store) (map[string]any, *apiError) {
	name, ip := c.str("CustomerGatewayName"), c.str("IpAddress")
	if !nameOK(name) {
		return nil, errf("InvalidParameterValue", "CustomerGatewayName must be 1 to 60 characters.")
	}
	if !isPublicIPv4(ip) {
		return nil, errf("InvalidParameterValue", "IpAddress %q must be a public IPv4 address.", ip)
	}
	for _, g := range st.CustomerGateways.byID {
		if g.IP == ip {
			return nil, errf("InvalidParameterValue.Duplicate", "The customer gateway %s already has the address %s.", g.ID, ip)
		}
	}
	g := &CustomerGateway{base: st.newBase(c, "cgw-"), Name: name, IP: ip}
	st.CustomerGateways.put(g)
	return map[string]any{"CustomerGateway": g.v3()}, nil
}

func v3Cgw(c *call, st *Store) (*CustomerGateway, *apiError) {
	id := c.str("CustomerGatewayId")
	if err := c.checkID("CustomerGatewayId", id, "cgw-"); err != nil {
		return nil, err
	}
	g := st.CustomerGateways.get(id)
	if g == nil {
		return nil, errf("ResourceNotFound", "The customer gateway %s does not exist.", id)
	}
	return g, nil
}

func v3DeleteCustomerGateway(c *call, st *Store) (map[string]any, *apiError) {
	g, err := v3Cgw(c, st)
	if err != nil {
		return nil, err
	}
	if what := st.cgwInUse(g.ID); what != "" {
		return nil, errf("ResourceInUse", "The customer gateway %s is used by %s.", g.ID, what)
	}
	st.CustomerGateways.del(g.ID)
	st.dirty = true
	return nil, nil
}

func v3ModifyCustomerGatewayAttribute(c *call, st *Store) (map[string]any, *apiError) {
	g, err := v3Cgw(c, st)
	if err != nil {
		return nil, err
	}
	if !nameOK(c.str("CustomerGatewayName")) {
		return nil, errf("InvalidParameterValue", "CustomerGatewayName must be 1 to 60 characters.")
	}
	g.Name = c.str("CustomerGatewayName")
	st.dirty = true
	return nil, nil
}

func v3DescribeCustomerGateways(c *call, st *Store) (map[string]any, *apiError) {
	return listV3(c, &st.CustomerGateways, "CustomerGatewayIds", "CustomerGatewaySet", "", filterFuncs[*CustomerGateway]{
		"customer-gateway-id":   func(g *CustomerGateway) string { return g.ID },
		"customer-gateway-name": func(g *CustomerGateway) string { return g.Name },
		"ip-address":            func(g *CustomerGateway) string { return g.IP },
	}, func(g *CustomerGateway) any { return g.v3() })
}

// vendors are the customer-gateway devices the manual's examples name.
var vendors = []struct{ platform, version, name string }{
	{"ios", "V15.4", "cisco"}, {"comware", "V1.0", "h3c"}, {"default", "default", "huawei"}, {"default", "default", "paloalto"},
}

func v3DescribeCustomerGatewayVendors(c *call, st *Store) (map[string]any, *apiError) {
	var out []any
	for _, v := range vendors {
		out = append(out, map[string]any{"Platform": v.platform, "SoftwareVersion": v.version, "VendorName": v.name})
	}
	return map[string]any{"CustomerGatewayVendorSet": out}, nil
}

// Tunnels.

// ikeDefaults and ipsecDefaults are what a tunnel gets for options it is
// not given (the manual's documented defaults).
var ikeDefaults = map[string]any{
	"PropoEncryAlgorithm": "3DES-CBC", "PropoAuthenAlgorithm": "MD5", "ExchangeMode": "MAIN",
	"LocalIdentity": "ADDRESS", "RemoteIdentity": "ADDRESS", "DhGroupName": "GROUP1",
	"IKESaLifetimeSeconds": 86400, "IKEVersion": "IKEV1", "LocalFqdnName": "", "RemoteFqdnName": "",
}

var ipsecDefaults = map[string]any{
	"EncryptAlgorithm": "3DES-CBC", "IntegrityAlgorith": "MD5", "IPSECSaLifetimeSeconds": 3600,
	"PfsDhGroup": "NULL", "IPSECSaLifetimeTraffic": 1843200,
}

// numericOption names the option fields that are integers on the wire.
var numericOption = map[string]bool{"IKESaLifetimeSeconds": true, "IPSECSaLifetimeSeconds": true, "IPSECSaLifetimeTraffic": true}

// mergeOptions lays given over defaults, keeping integers as integers.
// The manual spells the remote identity both RemoteIdentity and
// RemotIdentity; both are read, RemoteIdentity is kept.
func mergeOptions(defaults map[string]any, given map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range defaults {
		out[k] = v
	}
	for k, v := range given {
		if k == "RemotIdentity" {
			k = "RemoteIdentity"
		}
		if numericOption[k] {
			if n, err := strconv.Atoi(scalarString(v)); err == nil {
				out[k] = n
			}
			continue
		}
		out[k] = scalarString(v)
	}
	return out
}

func (x *VpnConn) v3() map[string]any {
	var spd []any
	for _, s := range x.SPD {
		spd = append(spd, map[string]any{"LocalCidrBlock": s.Local, "RemoteCidrBlock": s.Remote})
	}
	netStatus := "UNAVAILABLE"
	if x.State == stateAvailable {
		netStatus = "AVAILABLE"
	}
	return map[string]any{
		"VpnConnectionId": x.ID, "VpnConnectionName": x.Name, "VpcId": x.VpcID,
		"VpnGatewayId": x.GatewayID, "CustomerGatewayId": x.CgwID, "PreShareKey": x.PSK,
		"VpnProto": "IPSEC", "EncryptProto": "IKE", "RouteType": "STATIC", "CreatedTime": x.created(),
		"State": x.State, "NetStatus": netStatus, "SecurityPolicyDatabaseSet": nonNil(spd),
		"IKEOptionsSpecification": x.IKE, "IPSECOptionsSpecification": x.IPSEC,
	}
}

// checkSPD refuses remote CIDRs that overlap the VPC, and local CIDRs
// outside it.
func checkSPD(c *call, v *VPC, spd []SPD) *apiError {
	vp, _ := parseCIDR(v.CIDR)
	for i, s := range spd {
		lp, ok := parseCIDR(s.Local)
		if !ok {
			return c.invalid(fmt.Sprintf("SecurityPolicyDatabases.%d.LocalCidrBlock", i), "%q is not a CIDR block", s.Local)
		}
		if !overlaps(lp, vp) {
			return c.invalid(fmt.Sprintf("SecurityPolicyDatabases.%d.LocalCidrBlock", i), "%s is not in the VPC's %s", s.Local, v.CIDR)
		}
		if len(s.Remote) == 0 {
			return c.missing(fmt.Sprintf("SecurityPolicyDatabases.%d.RemoteCidrBlock", i))
		}
		for _, r := range s.Remote {
			rp, ok := parseCIDR(r)
			if !ok {
				return c.invalid(fmt.Sprintf("SecurityPolicyDatabases.%d.RemoteCidrBlock", i), "%q is not a CIDR block", r)
			}
			if overlaps(rp, vp) {
				if c.style == Legacy {
					return lerrf(4000, "InvalidParameterValue.VpcCidrConflict", "The remote CIDR %s conflicts with the VPC's %s.", r, v.CIDR)
				}
				return errf("InvalidParameterValue.VpcCidrConflict", "The remote CIDR %s conflicts with the VPC's %s.", r, v.CIDR)
			}
		}
	}
	return nil
}

func v3SPD(c *call) []SPD {
	var spd []SPD
	for _, m := range c.objs("SecurityPolicyDatabases") {
		spd = append(spd, SPD{Local: field(m, "LocalCidrBlock"), Remote: toStrings(m["RemoteCidrBlock"])})
	}
	return spd
}

func v3CreateVpnConnection(c *call, st *Store) (map[string]any, *apiError) {
	vpcID := c.str("VpcId")
	if err := c.checkID("VpcId", vpcID, "vpc-"); err != nil {
		return nil, err
	}
	v := st.vpcByID(vpcID)
	if v == nil {
		return nil, errf("ResourceNotFound", "The VPC %s does not exist.", vpcID)
	}
	gid := c.str("VpnGatewayId")
	if err := c.checkID("VpnGatewayId", gid, "vpngw-"); err != nil {
		return nil, err
	}
	g := st.VpnGateways.get(gid)
	if g == nil || g.VpcID != v.ID {
		return nil, errf("ResourceNotFound", "The VPN gateway %s does not exist in VPC %s.", gid, v.ID)
	}
	if g.State != stateAvailable {
		return nil, errf("UnsupportedOperation.InvalidState", "The VPN gateway %s is %s; wait until it is AVAILABLE.", g.ID, g.State)
	}
	cgw, err := v3Cgw(c, st)
	if err != nil {
		return nil, err
	}
	name := c.str("VpnConnectionName")
	if !nameOK(name) {
		return nil, errf("InvalidParameterValue", "VpnConnectionName must be 1 to 60 characters.")
	}
	spd := v3SPD(c)
	if len(spd) == 0 {
		return nil, c.missing("SecurityPolicyDatabases")
	}
	if err := checkSPD(c, v, spd); err != nil {
		return nil, err
	}
	x := &VpnConn{
		base: st.newBase(c, "vpnx-"), VpcID: v.ID, GatewayID: g.ID, CgwID: cgw.ID, Name: name,
		PSK: c.str("PreShareKey"), SPD: spd,
		IKE:     mergeOptions(ikeDefaults, c.obj("IKEOptionsSpecification")),
		IPSEC:   mergeOptions(ipsecDefaults, c.obj("IPSECOptionsSpecification")),
		transit: transit{statePending, c.transitionUntil()},
	}
	if x.IKE["LocalAddress"] == nil {
		x.IKE["LocalAddress"] = g.PublicIP
	}
	if x.IKE["RemoteAddress"] == nil {
		x.IKE["RemoteAddress"] = cgw.IP
	}
	st.VpnConns.put(x)
	return map[string]any{"VpnConnection": x.v3()}, nil
}

// v3Conn finds the tunnel of a gateway.
func v3Conn(c *call, st *Store, needGateway bool) (*VpnConn, *apiError) {
	id := c.str("VpnConnectionId")
	if err := c.checkID("VpnConnectionId", id, "vpnx-"); err != nil {
		return nil, err
	}
	var g *VpnGateway
	if needGateway {
		gid := c.str("VpnGatewayId")
		if err := c.checkID("VpnGatewayId", gid, "vpngw-"); err != nil {
			return nil, err
		}
		if g = st.VpnGateways.get(gid); g == nil {
			return nil, errf("ResourceNotFound", "The VPN gateway %s does not exist.", gid)
		}
	}
	x := st.VpnConns.get(id)
	if x == nil || (g != nil && x.GatewayID != g.ID) {
		return nil, errf("ResourceNotFound", "The VPN connection %s does not exist.", id)
	}
	return x, nil
}

func v3DeleteVpnConnection(c *call, st *Store) (map[string]any, *apiError) {
	x, err := v3Conn(c, st, true)
	if err != nil {
		return nil, err
	}
	if x.State != stateAvailable {
		return nil, errf("UnsupportedOperation.DeleteVpnConnInvalidState", "The VPN connection %s is %s; only an AVAILABLE connection can be deleted.", x.ID, x.State)
	}
	x.enter(c, stateDeleting)
	st.dirty = true
	return nil, nil
}

func v3ResetVpnConnection(c *call, st *Store) (map[string]any, *apiError) {
	x, err := v3Conn(c, st, true)
	if err != nil {
		return nil, err
	}
	if x.State != stateAvailable {
		return nil, errf("UnsupportedOperation.VpnConnInvalidState", "The VPN connection %s is %s and cannot be reset now.", x.ID, x.State)
	}
	return nil, nil
}

func v3ModifyVpnConnectionAttribute(c *call, st *Store) (map[string]any, *apiError) {
	x, err := v3Conn(c, st, false)
	if err != nil {
		return nil, err
	}
	if x.State != stateAvailable {
		return nil, errf("UnsupportedOperation.InvalidState", "The VPN connection %s is %s.", x.ID, x.State)
	}
	if c.has("VpnConnectionName") {
		if !nameOK(c.str("VpnConnectionName")) {
			return nil, errf("InvalidParameterValue", "VpnConnectionName must be 1 to 60 characters.")
		}
		x.Name = c.str("VpnConnectionName")
	}
	if c.has("PreShareKey") {
		x.PSK = c.str("PreShareKey")
	}
	if spd := v3SPD(c); len(spd) > 0 {
		if err := checkSPD(c, st.VPCs.get(x.VpcID), spd); err != nil {
			return nil, err
		}
		x.SPD = spd
	}
	if m := c.obj("IKEOptionsSpecification"); m != nil {
		x.IKE = mergeOptions(x.IKE, m)
	}
	if m := c.obj("IPSECOptionsSpecification"); m != nil {
		x.IPSEC = mergeOptions(x.IPSEC, m)
	}
	st.dirty = true
	return nil, nil
}

func v3DescribeVpnConnections(c *call, st *Store) (map[string]any, *apiError) {
	return listV3(c, &st.VpnConns, "VpnConnectionIds", "VpnConnectionSet", "", filterFuncs[*VpnConn]{
		"vpc-id":              func(x *VpnConn) string { return x.VpcID },
		"vpn-gateway-id":      func(x *VpnConn) string { return x.GatewayID },
		"customer-gateway-id": func(x *VpnConn) string { return x.CgwID },
		"vpn-connection-name": func(x *VpnConn) string { return x.Name },
		"vpn-connection-id":   func(x *VpnConn) string { return x.ID },
	}, func(x *VpnConn) any { return x.v3() })
}

// tunnelConfig renders a device configuration for a tunnel; the service
// returns vendor syntax, this is a faithful outline of the same facts.
func tunnelConfig(st *Store, x *VpnConn, vendor, iface string) string {
	g := st.VpnGateways.get(x.GatewayID)
	cgw := st.CustomerGateways.get(x.CgwID)
	var b strings.Builder
	fmt.Fprintf(&b, "! %s tunnel %s (%s)\r\n", vendor, x.ID, x.Name)
	if g != nil && cgw != nil {
		fmt.Fprintf(&b, "ike peer %s local %s\r\n", cgw.IP, g.PublicIP)
	}
	fmt.Fprintf(&b, "pre-shared-key %s\r\n", x.PSK)
	keys := make([]string, 0, len(x.IKE))
	for k := range x.IKE {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "ike %s %v\r\n", k, x.IKE[k])
	}
	for _, s := range x.SPD {
		fmt.Fprintf(&b, "acl permit %s -> %s\r\n", strings.Join(s.Remote, ","), s.Local)
	}
	fmt.Fprintf(&b, "interface %s apply ipsec\r\n", iface)
	return b.String()
}

func v3DownloadCustomerGatewayConfiguration(c *call, st *Store) (map[string]any, *apiError) {
	x, err := v3Conn(c, st, true)
	if err != nil {
		return nil, err
	}
	return map[string]any{"CustomerGatewayConfiguration": tunnelConfig(st, x, c.str("CustomerGatewayVendor.VendorName"), c.str("InterfaceName"))}, nil
}

// Legacy API.

func legacyVpcOf(c *call, st *Store) (*VPC, *apiError) {
	id := c.str("vpcId")
	v := st.vpcByID(id)
	if v == nil {
		return nil, lerrf(5000, "InvalidVpc.NotFound", "The VPC %s does not exist.", id)
	}
	return v, nil
}

func legacyGatewayOf(c *call, st *Store, v *VPC) (*VpnGateway, *apiError) {
	id := c.str("vpnGwId")
	g := st.vpnGatewayByID(id)
	if g == nil || (v != nil && g.VpcID != v.ID) {
		return nil, lerrf(5000, "InvalidVpnGw.NotFound", "The VPN gateway %s does not exist.", id)
	}
	return g, nil
}

func legacyNewGateway(c *call, st *Store, charge string, months int) (*VpnGateway, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, err
	}
	name := c.str("name")
	if !nameOK(name) {
		return nil, lerrf(4000, "InvalidVpnGwName", "The VPN gateway name must be 1 to 60 characters.")
	}
	bw, err := c.intParam("bandwidth", 0)
	if err != nil {
		return nil, err
	}
	if !vpnBandwidths[bw] {
		return nil, c.invalid("bandwidth", "must be one of 5, 10, 20, 50, 100")
	}
	return st.newVpnGateway(c, v, name, bw, charge, months), nil
}

func legacyCreateVpn(c *call, st *Store) (map[string]any, *apiError) {
	months, err := c.intParam("period", 0)
	if err != nil {
		return nil, err
	}
	if months < 1 || months > 36 {
		return nil, c.invalid("period", "must be 1 to 36 months")
	}
	g, err := legacyNewGateway(c, st, "PREPAID", months)
	if err != nil {
		return nil, err
	}
	deal := st.nextNum()
	g.DealID = strconv.FormatInt(deal, 10)
	return map[string]any{"data": map[string]any{"dealIds": []any{deal}}}, nil
}

func legacyRunVpnGw(c *call, st *Store) (map[string]any, *apiError) {
	charge := c.str("chargeType")
	months := 0
	switch charge {
	case "POSTPAID_BY_HOUR":
	case "PREPAID":
		var err *apiError
		if months, err = c.intParam("chargePrepaid.period", 0); err != nil {
			return nil, err
		}
		if months < 1 || months > 36 {
			return nil, c.invalid("chargePrepaid.period", "a PREPAID gateway needs 1 to 36 months")
		}
	default:
		return nil, c.invalid("chargeType", "must be PREPAID or POSTPAID_BY_HOUR")
	}
	g, err := legacyNewGateway(c, st, charge, months)
	if err != nil {
		return nil, err
	}
	if charge == "PREPAID" && c.str("chargePrepaid.isAutoRenewals") == "0" {
		g.RenewFlag = "NOTIFY_AND_MANUAL_RENEW"
	}
	return map[string]any{"data": map[string]any{"vpnGwId": g.ID}}, nil
}

func legacyGatewayRow(st *Store, g *VpnGateway) map[string]any {
	row := map[string]any{
		"vpcId": g.VpcID, "unVpcId": g.VpcID, "vpnGwId": g.Num, "unVpnGwId": g.ID,
		"vpnGwName": g.Name, "bandwidth": g.Bandwidth, "vpnGwStatus": legacyGwStatus(g.State),
		"vpnGwAddress": g.PublicIP, "dealId": g.DealID, "isAutoRenewals": g.RenewFlag == "NOTIFY_AND_AUTO_RENEW",
		"expireTime": g.expired(), "createTime": g.created(),
	}
	if v := st.VPCs.get(g.VpcID); v != nil {
		row["vpcName"], row["vpcCidrBlock"] = v.Name, v.CIDR
	}
	return row
}

func legacyDescribeVpnGw(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.legacyPage(50, "vpnGwName")
	if err != nil {
		return nil, err
	}
	vpcID, gw, name, deal := c.str("vpcId"), c.str("vpnGwId"), c.str("vpnGwName"), c.str("dealId")
	var rows []map[string]any
	for _, g := range st.VpnGateways.all() {
		if (vpcID == "" || g.VpcID == vpcID) && (gw == "" || g.ID == gw || strconv.FormatInt(g.Num, 10) == gw) &&
			fuzzy(g.Name, name) && (deal == "" || g.DealID == deal) {
			rows = append(rows, legacyGatewayRow(st, g))
		}
	}
	return map[string]any{"totalCount": len(rows), "data": rowsAny(q.apply(rows))}, nil
}

func legacyModifyVpnGw(c *call, st *Store) (map[string]any, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, err
	}
	g, err := legacyGatewayOf(c, st, v)
	if err != nil {
		return nil, err
	}
	if g.State != stateAvailable {
		return nil, lerrf(5100, "InvalidVpnGwState", "The VPN gateway %s is %s.", g.ID, g.State)
	}
	if c.has("vpnGwName") {
		if !nameOK(c.str("vpnGwName")) {
			return nil, lerrf(4000, "InvalidVpnGwName", "The VPN gateway name must be 1 to 60 characters.")
		}
		g.Name = c.str("vpnGwName")
	}
	if c.has("isAutoRenewals") {
		if c.str("isAutoRenewals") == "1" {
			g.RenewFlag = "NOTIFY_AND_AUTO_RENEW"
		} else {
			g.RenewFlag = "NOTIFY_AND_MANUAL_RENEW"
		}
	}
	st.dirty = true
	return nil, nil
}

func legacyRenewVpn(c *call, st *Store) (map[string]any, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, err
	}
	g, err := legacyGatewayOf(c, st, v)
	if err != nil {
		return nil, err
	}
	months, err := c.intParam("period", 0)
	if err != nil {
		return nil, err
	}
	if months < 1 || months > 36 {
		return nil, c.invalid("period", "must be 1 to 36 months")
	}
	if g.Expires.IsZero() {
		g.Expires = c.now
	}
	g.Expires = g.Expires.AddDate(0, months, 0)
	st.dirty = true
	return nil, nil
}

func legacyAddUserGw(c *call, st *Store) (map[string]any, *apiError) {
	name, ip := c.str("userGwName"), c.str("userGwAddr")
	if !nameOK(name) {
		return nil, lerrf(4000, "InvalidUserGwName", "The customer gateway name must be 1 to 60 characters.")
	}
	if !isPublicIPv4(ip) {
		return nil, c.invalid("userGwAddr", "%q must be a public IPv4 address", ip)
	}
	g := &CustomerGateway{base: st.newBase(c, "cgw-"), Name: name, IP: ip}
	st.CustomerGateways.put(g)
	return map[string]any{"userGwId": g.ID}, nil
}

func legacyUserGw(c *call, st *Store) (*CustomerGateway, *apiError) {
	id := c.str("userGwId")
	g := st.customerGatewayByID(id)
	if g == nil {
		return nil, lerrf(5000, "InvalidUserGw.NotFound", "The customer gateway %s does not exist.", id)
	}
	return g, nil
}

func legacyDeleteUserGw(c *call, st *Store) (map[string]any, *apiError) {
	g, err := legacyUserGw(c, st)
	if err != nil {
		return nil, err
	}
	if what := st.cgwInUse(g.ID); what != "" {
		return nil, lerrf(5100, "ResourceInUse", "The customer gateway %s is used by %s.", g.ID, what)
	}
	st.CustomerGateways.del(g.ID)
	st.dirty = true
	return nil, nil
}

func legacyModifyUserGw(c *call, st *Store) (map[string]any, *apiError) {
	g, err := legacyUserGw(c, st)
	if err != nil {
		return nil, err
	}
	if !nameOK(c.str("userGwName")) {
		return nil, lerrf(4000, "InvalidUserGwName", "The customer gateway name must be 1 to 60 characters.")
	}
	g.Name = c.str("userGwName")
	st.dirty = true
	return nil, nil
}

func legacyDescribeUserGw(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.legacyPage(50, "userGwName")
	if err != nil {
		return nil, err
	}
	id, name := c.str("userGwId"), c.str("userGwName")
	var rows []map[string]any
	for _, g := range st.CustomerGateways.all() {
		if (id == "" || g.ID == id || strconv.FormatInt(g.Num, 10) == id) && fuzzy(g.Name, name) {
			n := 0
			for _, x := range st.VpnConns.byID {
				if x.CgwID == g.ID {
					n++
				}
			}
			rows = append(rows, map[string]any{
				"userGwName": g.Name, "userGwId": g.Num, "unUserGwId": g.ID, "userGwAddr": g.IP,
				"vpnConnNum": n, "createTime": g.created(),
			})
		}
	}
	return map[string]any{"totalCount": len(rows), "data": rowsAny(q.apply(rows))}, nil
}

func legacyDescribeUserGwVendor(c *call, st *Store) (map[string]any, *apiError) {
	var out []any
	for _, v := range vendors {
		out = append(out, map[string]any{"platform": v.platform, "softwareVersion": v.version, "vendorName": v.name})
	}
	return map[string]any{"data": out}, nil
}

// legacy option names differ from API 3.0's in case only, except these.
var legacyOptionNames = map[string]string{
	"ikeSaLifetimeSeconds": "IKESaLifetimeSeconds", "ipsecSaLifetimeSeconds": "IPSECSaLifetimeSeconds",
	"ipsecSaLifetimeTraffic": "IPSECSaLifetimeTraffic", "integrityAlgorithm": "IntegrityAlgorith",
	"integrityAlgorith": "IntegrityAlgorith",
}

// keepCase are option values that are names or addresses, not keywords.
var keepCase = map[string]bool{"LocalAddress": true, "RemoteAddress": true, "LocalFqdnName": true, "RemoteFqdnName": true}

// fromLegacyOptions turns IKESet/IPsecSet into the stored API 3.0 form.
func fromLegacyOptions(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		name, ok := legacyOptionNames[k]
		if !ok {
			name = strings.ToUpper(k[:1]) + k[1:]
		}
		s := scalarString(v)
		if !keepCase[name] && !numericOption[name] {
			s = strings.ToUpper(s)
		}
		out[name] = s
	}
	return out
}

// toLegacyOptions renders stored options with legacy names and values.
func toLegacyOptions(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		name := strings.ToLower(k[:1]) + k[1:]
		for ln, vn := range legacyOptionNames {
			if vn == k && ln != "integrityAlgorithm" {
				name = ln
			}
		}
		if s, ok := v.(string); ok && !keepCase[k] {
			v = strings.ToLower(s)
		}
		out[name] = v
	}
	return out
}

// legacySPD reads spdAcl (a JSON object of local CIDR to remote CIDRs,
// or a list of such objects) or userGwCidrBlock.N (remote CIDRs for the
// whole VPC).
func legacySPD(c *call, v *VPC) ([]SPD, *apiError) {
	var spd []SPD
	addJSON := func(s string) *apiError {
		var m map[string][]string
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			return c.invalid("spdAcl", "want a JSON object such as {\"10.0.0.0/24\":[\"172.16.0.0/16\"]}")
		}
		locals := make([]string, 0, len(m))
		for k := range m {
			locals = append(locals, k)
		}
		sort.Strings(locals)
		for _, l := range locals {
			spd = append(spd, SPD{Local: l, Remote: m[l]})
		}
		return nil
	}
	if raw, ok := c.raw("spdAcl"); ok {
		for _, s := range toStrings(raw) {
			if err := addJSON(s); err != nil {
				return nil, err
			}
		}
		if m, ok := raw.(map[string]any); ok {
			b, _ := json.Marshal(m)
			if err := addJSON(string(b)); err != nil {
				return nil, err
			}
		}
	}
	if remote := c.strs("userGwCidrBlock"); len(remote) > 0 {
		spd = append(spd, SPD{Local: v.CIDR, Remote: remote})
	}
	return spd, nil
}

func legacyConnOf(c *call, st *Store) (*VPC, *VpnGateway, *VpnConn, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, nil, nil, err
	}
	g, err := legacyGatewayOf(c, st, v)
	if err != nil {
		return nil, nil, nil, err
	}
	id := c.str("vpnConnId")
	x := st.vpnConnByID(id)
	if x == nil || x.GatewayID != g.ID {
		return nil, nil, nil, lerrf(5000, "InvalidVpnConn.NotFound", "The VPN connection %s does not exist.", id)
	}
	return v, g, x, nil
}

func legacyAddVpnConnEx(c *call, st *Store) (map[string]any, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, err
	}
	g, err := legacyGatewayOf(c, st, v)
	if err != nil {
		return nil, err
	}
	if g.State != stateAvailable {
		return nil, lerrf(5100, "InvalidVpnGwState", "The VPN gateway %s is %s; wait until it runs.", g.ID, g.State)
	}
	cgw, err := legacyUserGw(c, st)
	if err != nil {
		return nil, err
	}
	name := c.str("vpnConnName")
	if !nameOK(name) {
		return nil, lerrf(4000, "InvalidVpnConnName", "The VPN connection name must be 1 to 60 characters.")
	}
	spd, err := legacySPD(c, v)
	if err != nil {
		return nil, err
	}
	if len(spd) == 0 {
		return nil, c.invalid("spdAcl", "one of userGwCidrBlock and spdAcl is required")
	}
	if err := checkSPD(c, v, spd); err != nil {
		return nil, err
	}
	x := &VpnConn{
		base: st.newBase(c, "vpnx-"), VpcID: v.ID, GatewayID: g.ID, CgwID: cgw.ID, Name: name,
		PSK: c.str("preSharedKey"), SPD: spd,
		IKE:     mergeOptions(ikeDefaults, fromLegacyOptions(c.obj("IKESet"))),
		IPSEC:   mergeOptions(ipsecDefaults, fromLegacyOptions(c.obj("IPsecSet"))),
		transit: transit{statePending, c.transitionUntil()},
	}
	if x.IKE["LocalAddress"] == nil {
		x.IKE["LocalAddress"] = g.PublicIP
	}
	if x.IKE["RemoteAddress"] == nil {
		x.IKE["RemoteAddress"] = cgw.IP
	}
	st.VpnConns.put(x)
	t := st.newTask(c, "vpc", x.ID)
	var remote []string
	for _, s := range spd {
		remote = append(remote, s.Remote...)
	}
	return map[string]any{"data": map[string]any{
		"vpnGwId": g.ID, "userGwId": cgw.ID, "vpnConnId": x.Num, "unVpnConnId": x.ID, "taskId": t.ID,
		"vpnConnStatus": legacyConnStatus(x.State), "preSharedKey": x.PSK, "userGwSubnetList": remote,
	}}, nil
}

func legacyDeleteVpnConn(c *call, st *Store) (map[string]any, *apiError) {
	_, g, x, err := legacyConnOf(c, st)
	if err != nil {
		return nil, err
	}
	if x.State != stateAvailable {
		return nil, lerrf(5100, "InvalidVpnConnState", "The VPN connection %s is %s; only a running connection can be deleted.", x.ID, x.State)
	}
	x.enter(c, stateDeleting)
	t := st.newTask(c, "vpc", x.ID)
	return map[string]any{"data": map[string]any{
		"vpnGwId": g.ID, "vpcConnId": x.ID, "taskId": t.ID, "state": legacyConnStatus(x.State),
	}}, nil
}

func legacyModifyVpnConnEx(c *call, st *Store) (map[string]any, *apiError) {
	v, g, x, err := legacyConnOf(c, st)
	if err != nil {
		return nil, err
	}
	if x.State != stateAvailable {
		return nil, lerrf(5100, "InvalidVpnConnState", "The VPN connection %s is %s.", x.ID, x.State)
	}
	if c.has("vpnConnName") {
		if !nameOK(c.str("vpnConnName")) {
			return nil, lerrf(4000, "InvalidVpnConnName", "The VPN connection name must be 1 to 60 characters.")
		}
		x.Name = c.str("vpnConnName")
	}
	if c.has("preSharedKey") {
		x.PSK = c.str("preSharedKey")
	}
	spd, err := legacySPD(c, v)
	if err != nil {
		return nil, err
	}
	if len(spd) > 0 {
		if err := checkSPD(c, v, spd); err != nil {
			return nil, err
		}
		x.SPD = spd
	}
	for _, m := range c.objs("IKESet") {
		x.IKE = mergeOptions(x.IKE, fromLegacyOptions(m))
	}
	for _, m := range c.objs("IPsecSet") {
		x.IPSEC = mergeOptions(x.IPSEC, fromLegacyOptions(m))
	}
	x.enter(c, stateModifying)
	t := st.newTask(c, "vpc", x.ID)
	var remote []string
	for _, s := range x.SPD {
		remote = append(remote, s.Remote...)
	}
	return map[string]any{"data": map[string]any{
		"vpnGwId": g.ID, "vpcConnId": x.ID, "taskId": t.ID, "vpcConnStatus": legacyConnStatus(x.State),
		"preSharedKey": x.PSK, "userGwSubnetList": remote, "userGwId": x.CgwID,
	}}, nil
}

func legacyConnRow(st *Store, x *VpnConn) map[string]any {
	var local, remote []string
	for _, s := range x.SPD {
		local = append(local, s.Local)
		remote = append(remote, s.Remote...)
	}
	netStatus := "unavailable"
	if x.State == stateAvailable {
		netStatus = "available"
	}
	row := map[string]any{
		"vpcId": x.VpcID, "unVpcId": x.VpcID, "unVpnGwId": x.GatewayID, "vpnConnId": x.Num,
		"unVpnConnId": x.ID, "vpnConnName": x.Name, "unUserGwId": x.CgwID, "preSharedKey": x.PSK,
		"vpcConnStatus": legacyConnStatus(x.State), "netStatus": netStatus,
		"sourceCidr": local, "destinationCidr": remote, "vpnProto": "ip-sec", "createTime": x.created(),
		"IKESet": toLegacyOptions(x.IKE), "IPsecSet": toLegacyOptions(x.IPSEC),
	}
	if v := st.VPCs.get(x.VpcID); v != nil {
		row["vpcName"], row["vpcCidrBlock"] = v.Name, v.CIDR
	}
	if g := st.VpnGateways.get(x.GatewayID); g != nil {
		row["vpnGwId"], row["vpnGwName"], row["vpnGwAddress"] = g.Num, g.Name, g.PublicIP
	}
	if cgw := st.CustomerGateways.get(x.CgwID); cgw != nil {
		row["userGwId"], row["userGwName"], row["userGwAddress"] = cgw.Num, cgw.Name, cgw.IP
	}
	return row
}

func legacyDescribeVpnConn(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.legacyPage(50, "vpnConnName")
	if err != nil {
		return nil, err
	}
	vpcID, gw, id, name := c.str("vpcId"), c.str("vpnGwId"), c.str("vpnConnId"), c.str("vpnConnName")
	var rows []map[string]any
	for _, x := range st.VpnConns.all() {
		g := st.VpnGateways.get(x.GatewayID)
		gwOK := gw == "" || x.GatewayID == gw || (g != nil && strconv.FormatInt(g.Num, 10) == gw)
		if (vpcID == "" || x.VpcID == vpcID) && gwOK && (id == "" || x.ID == id || strconv.FormatInt(x.Num, 10) == id) && fuzzy(x.Name, name) {
			rows = append(rows, legacyConnRow(st, x))
		}
	}
	return map[string]any{"totalCount": len(rows), "data": rowsAny(q.apply(rows))}, nil
}

func legacyResetVpnConnSA(c *call, st *Store) (map[string]any, *apiError) {
	_, _, x, err := legacyConnOf(c, st)
	if err != nil {
		return nil, err
	}
	if x.State != stateAvailable {
		return nil, lerrf(5100, "InvalidVpnConnState", "The VPN connection %s is %s and cannot be reset now.", x.ID, x.State)
	}
	return nil, nil
}

func legacyGetVpnConnConfig(c *call, st *Store) (map[string]any, *apiError) {
	id := c.str("vpnConnId")
	x := st.vpnConnByID(id)
	if x == nil {
		return nil, lerrf(5000, c.pick("InvalidVpnConn.NotFound", "ResourceNotFound"), "The VPN connection %s does not exist.", id)
	}
	return map[string]any{"data": map[string]any{"configFileInfo": tunnelConfig(st, x, c.str("vendorname"), c.str("interfaceName"))}}, nil
}
