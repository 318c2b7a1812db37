package emulator

import (
	"encoding/json"
	"fmt"
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

// The legacy pages name a gateway with its VPC, a tunnel with its gateway
// and VPC, and take the creation numbers of their rows for IDs.
var vpnGateways = &kind[*VpnGateway]{
	noun: "VPN gateway", prefix: "vpngw-", rows: func(s *Store) *table[*VpnGateway] { return &s.VpnGateways },
	code: "InvalidVpnGatewayId", legacyCode: "InvalidVpnGw", vpcParam: "vpcId", numbered: true,
	inUse: func(st *Store, g *VpnGateway) string {
		if x := st.VpnConns.under(g.ID); len(x) > 0 {
			return "VPN connection " + x[0].ID
		}
		return ""
	},
	states: func(g *VpnGateway) *transit { return &g.transit },

	idsParam: "VpnGatewayIds", set: "VpnGatewaySet", parent: "vpc-id",
	filters: []attr[*VpnGateway]{
		{"vpc-id", func(g *VpnGateway) string { return g.VpcID }},
		{"vpn-gateway-id", func(g *VpnGateway) string { return g.ID }},
		{"vpn-gateway-name", func(g *VpnGateway) string { return g.Name }},
		{"type", func(*VpnGateway) string { return "IPSEC" }},
		{"public-ip-address", func(g *VpnGateway) string { return g.PublicIP }},
		{"renew-flag", func(g *VpnGateway) string { return g.RenewFlag }},
		{"zone", func(*VpnGateway) string { return "" }},
	},
	v3Row: func(_ *Store, g *VpnGateway) any { return g.v3() },
	legacy: &legacyList[*VpnGateway]{
		max: 50, orderBy: []string{"vpnGwName"}, id: "vpnGwId", parent: "vpcId",
		exact:  []attr[*VpnGateway]{{"dealId", func(g *VpnGateway) string { return g.DealID }}},
		substr: []attr[*VpnGateway]{{"vpnGwName", func(g *VpnGateway) string { return g.Name }}},
		row:    legacyGatewayRow,
	},
}

var customerGateways = &kind[*CustomerGateway]{
	noun: "customer gateway", prefix: "cgw-", rows: func(s *Store) *table[*CustomerGateway] { return &s.CustomerGateways },
	legacyCode: "InvalidUserGw", numbered: true,
	inUse: func(st *Store, g *CustomerGateway) string {
		for _, x := range st.VpnConns.live() {
			if x.CgwID == g.ID {
				return "VPN connection " + x.ID
			}
		}
		return ""
	},

	idsParam: "CustomerGatewayIds", set: "CustomerGatewaySet",
	filters: []attr[*CustomerGateway]{
		{"customer-gateway-id", func(g *CustomerGateway) string { return g.ID }},
		{"customer-gateway-name", func(g *CustomerGateway) string { return g.Name }},
		{"ip-address", func(g *CustomerGateway) string { return g.IP }},
	},
	v3Row: func(_ *Store, g *CustomerGateway) any { return g.v3() },
	legacy: &legacyList[*CustomerGateway]{
		max: 50, orderBy: []string{"userGwName"}, id: "userGwId",
		substr: []attr[*CustomerGateway]{{"userGwName", func(g *CustomerGateway) string { return g.Name }}},
		row:    legacyCgwRow,
	},
}

var vpnConns = &kind[*VpnConn]{
	noun: "VPN connection", prefix: "vpnx-", rows: func(s *Store) *table[*VpnConn] { return &s.VpnConns },
	legacyCode: "InvalidVpnConn", numbered: true,
	states: func(x *VpnConn) *transit { return &x.transit },

	idsParam: "VpnConnectionIds", set: "VpnConnectionSet", parent: "vpn-gateway-id",
	filters: []attr[*VpnConn]{
		{"vpc-id", func(x *VpnConn) string { return x.VpcID }},
		{"vpn-gateway-id", func(x *VpnConn) string { return x.GatewayID }},
		{"customer-gateway-id", func(x *VpnConn) string { return x.CgwID }},
		{"vpn-connection-name", func(x *VpnConn) string { return x.Name }},
		{"vpn-connection-id", func(x *VpnConn) string { return x.ID }},
	},
	v3Row: func(_ *Store, x *VpnConn) any { return x.v3() },
	legacy: &legacyList[*VpnConn]{
		max: 50, orderBy: []string{"vpnConnName"}, id: "vpnConnId", parent: "vpnGwId",
		parentID: func(st *Store, id string) string {
			if g := st.vpnGatewayByID(id); g != nil {
				return g.ID
			}
			return id
		},
		exact:  []attr[*VpnConn]{{"vpcId", func(x *VpnConn) string { return x.VpcID }}},
		substr: []attr[*VpnConn]{{"vpnConnName", func(x *VpnConn) string { return x.Name }}},
		row:    legacyConnRow,
	},
}

func registerVPN(h map[string]handler) {
	h["v3/CreateVpnGateway"] = createVpnGateway
	h["v3/DeleteVpnGateway"] = v3DeleteVpnGateway
	h["v3/DescribeVpnGateways"] = vpnGateways.describeV3
	h["v3/ModifyVpnGatewayAttribute"] = modifyVpnGateway
	h["v3/ResetVpnGatewayInternetMaxBandwidth"] = v3ResetVpnGatewayBandwidth
	h["v3/RenewVpnGateway"] = renewVpnGateway
	h["v3/CreateCustomerGateway"] = createCustomerGateway
	h["v3/DeleteCustomerGateway"] = customerGateways.deleter("CustomerGatewayId")
	h["v3/DescribeCustomerGateways"] = customerGateways.describeV3
	h["v3/ModifyCustomerGatewayAttribute"] = modifyCustomerGateway
	h["v3/DescribeCustomerGatewayVendors"] = describeVendors
	h["v3/CreateVpnConnection"] = createVpnConn
	h["v3/DeleteVpnConnection"] = deleteVpnConn
	h["v3/DescribeVpnConnections"] = vpnConns.describeV3
	h["v3/ModifyVpnConnectionAttribute"] = modifyVpnConn
	h["v3/ResetVpnConnection"] = resetVpnConn
	h["v3/DownloadCustomerGatewayConfiguration"] = vpnConnConfig

	h["legacy/CreateVpn"] = createVpnGateway
	h["legacy/RunVpnGw"] = createVpnGateway
	h["legacy/DescribeVpnGw"] = vpnGateways.describeLegacy
	h["legacy/ModifyVpnGw"] = modifyVpnGateway
	h["legacy/RenewVpn"] = renewVpnGateway
	h["legacy/AddUserGw"] = createCustomerGateway
	h["legacy/DeleteUserGw"] = customerGateways.deleter("userGwId")
	h["legacy/ModifyUserGw"] = modifyCustomerGateway
	h["legacy/DescribeUserGw"] = customerGateways.describeLegacy
	h["legacy/DescribeUserGwVendor"] = describeVendors
	h["legacy/AddVpnConnEx"] = createVpnConn
	h["legacy/DeleteVpnConn"] = deleteVpnConn
	h["legacy/ModifyVpnConnEx"] = modifyVpnConn
	h["legacy/DescribeVpnConn"] = vpnConns.describeLegacy
	h["legacy/ResetVpnConnSA"] = resetVpnConn
	h["legacy/GetVpnConnConfig"] = vpnConnConfig
}

// publicIP draws an address from a documentation-free public range.
func (c *call) publicIP() string {
	s := c.draw(3)
	return fmt.Sprintf("119.29.%d.%d", int(s[0])%250+1, (int(s[1])*7+int(s[2]))%250+2)
}

func (st *Store) vpnGatewayByID(id string) *VpnGateway { return st.VpnGateways.getOrNum(id) }

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

func renewFlag(auto bool) string {
	if auto {
		return "NOTIFY_AND_AUTO_RENEW"
	}
	return "NOTIFY_AND_MANUAL_RENEW"
}

// createVpnGateway is CreateVpnGateway and the legacy RunVpnGw and
// CreateVpn, which buys a PREPAID gateway with a deal. The model holds
// the bandwidth, the charge type and the API 3.0 and RunVpnGw periods
// to their documented values; CreateVpn's page states no range.
func createVpnGateway(c *call, st *Store) (map[string]any, *apiError) {
	v, err := vpcs.find(c, st, c.pickParam("VpcId", "vpcId"))
	if err != nil {
		return nil, err
	}
	name := c.pickParam("VpnGatewayName", "name")
	if !nameOK(c.str(name)) {
		return nil, c.invalid(name, "a name is 1 to 60 characters")
	}
	charge, period := c.str(c.pickParam("InstanceChargeType", "chargeType")), c.pickParam("InstanceChargePrepaid.Period", "chargePrepaid.period")
	deal := c.action == "CreateVpn"
	if deal {
		charge, period = "PREPAID", "period"
	} else if charge == "" {
		charge = "POSTPAID_BY_HOUR"
	}
	months := 0
	if charge == "PREPAID" {
		if months, err = c.intParam(period, 0); err != nil {
			return nil, err
		}
		if months < 1 || months > 36 {
			return nil, c.invalid(period, "a PREPAID gateway is bought for 1 to 36 months")
		}
	}
	bw, _ := c.intParam(c.pickParam("InternetMaxBandwidthOut", "bandwidth"), 0)
	g := &VpnGateway{
		base: st.newBase(c, "vpngw-"), VpcID: v.ID, Name: c.str(name), Bandwidth: bw,
		ChargeType: charge, PublicIP: c.publicIP(), transit: transit{statePending, c.transitionUntil()},
	}
	if charge == "PREPAID" {
		g.Expires = c.now.AddDate(0, months, 0)
		g.RenewFlag = renewFlag(c.str("chargePrepaid.isAutoRenewals") != "0")
		if f := c.str("InstanceChargePrepaid.RenewFlag"); f != "" {
			g.RenewFlag = f
		}
	}
	st.VpnGateways.put(g)
	switch {
	case deal:
		n := st.nextNum()
		g.DealID = strconv.FormatInt(n, 10)
		return map[string]any{"data": map[string]any{"dealIds": []any{n}}}, nil
	case c.style == Legacy:
		return map[string]any{"data": map[string]any{"vpnGwId": g.ID}}, nil
	}
	return map[string]any{"VpnGateway": g.v3()}, nil
}

// v3DeleteVpnGateway starts deleting a pay-as-you-go gateway with no
// tunnels: it is DELETING for the task delay.
func v3DeleteVpnGateway(c *call, st *Store) (map[string]any, *apiError) {
	g, err := vpnGateways.find(c, st, "VpnGatewayId")
	if err == nil {
		err = vpnGateways.ready(c, g, "be deleted", "UnsupportedOperation.InvalidState")
	}
	if err == nil && g.ChargeType == "PREPAID" {
		err = errf("UnsupportedOperation", "The VPN gateway %s is PREPAID; only pay-as-you-go gateways can be deleted.", g.ID)
	}
	if err == nil {
		err = vpnGateways.free(c, st, g)
	}
	if err != nil {
		return nil, err
	}
	g.enter(c, stateDeleting)
	st.dirty = true
	return nil, nil
}

// modifyVpnGateway is ModifyVpnGatewayAttribute and the legacy ModifyVpnGw,
// which refuses a gateway in transition and sets its renewal. The model
// holds the charge type (to POSTPAID_BY_HOUR) and isAutoRenewals.
func modifyVpnGateway(c *call, st *Store) (map[string]any, *apiError) {
	g, err := vpnGateways.find(c, st, c.pickParam("VpnGatewayId", "vpnGwId"))
	if err == nil && c.style == Legacy {
		err = vpnGateways.ready(c, g, "change", "InvalidVpnGwState")
	}
	if err != nil {
		return nil, err
	}
	if name := c.pickParam("VpnGatewayName", "vpnGwName"); c.has(name) {
		if !nameOK(c.str(name)) {
			return nil, c.invalid(name, "a name is 1 to 60 characters")
		}
		g.Name = c.str(name)
	}
	if ct := c.str("InstanceChargeType"); ct != "" {
		g.ChargeType = ct
	}
	if c.has("isAutoRenewals") {
		g.RenewFlag = renewFlag(c.str("isAutoRenewals") == "1")
	}
	st.dirty = true
	return nil, nil
}

// v3ResetVpnGatewayBandwidth changes a gateway's bandwidth, which the
// model holds to the documented values.
func v3ResetVpnGatewayBandwidth(c *call, st *Store) (map[string]any, *apiError) {
	g, err := vpnGateways.find(c, st, "VpnGatewayId")
	if err == nil {
		err = vpnGateways.ready(c, g, "change its bandwidth", "UnsupportedOperation.InvalidState")
	}
	if err != nil {
		return nil, err
	}
	g.Bandwidth, _ = c.intParam("InternetMaxBandwidthOut", 0)
	st.dirty = true
	return nil, nil
}

// renewVpnGateway is RenewVpnGateway, for a PREPAID gateway, and the
// legacy RenewVpn, which renews any gateway (from now, one that never
// expired). The model holds the API 3.0 period to the documented values;
// the legacy page states no range.
func renewVpnGateway(c *call, st *Store) (map[string]any, *apiError) {
	g, err := vpnGateways.find(c, st, c.pickParam("VpnGatewayId", "vpnGwId"))
	if err != nil {
		return nil, err
	}
	period := c.pickParam("InstanceChargePrepaid.Period", "period")
	months, err := c.intParam(period, 0)
	if err == nil && (months < 1 || months > 36) {
		err = c.invalid(period, "must be 1 to 36 months")
	}
	if err == nil && c.style == V3 && g.ChargeType != "PREPAID" {
		err = errf("UnsupportedOperation", "Only a PREPAID gateway can be renewed; %s is %s.", g.ID, g.ChargeType)
	}
	if err != nil {
		return nil, err
	}
	if g.Expires.IsZero() {
		g.Expires = c.now
	}
	g.Expires = g.Expires.AddDate(0, months, 0)
	if f := c.str("InstanceChargePrepaid.RenewFlag"); f != "" {
		g.RenewFlag = f
	}
	st.dirty = true
	return nil, nil
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

// Customer gateways.

func (g *CustomerGateway) v3() map[string]any {
	return map[string]any{"CustomerGatewayId": g.ID, "CustomerGatewayName": g.Name, "IpAddress": g.IP, "CreatedTime": g.created()}
}

// createCustomerGateway is CreateCustomerGateway, which refuses a second
// gateway at one address, and the legacy AddUserGw, whose page lists no
// such error.
func createCustomerGateway(c *call, st *Store) (map[string]any, *apiError) {
	name, addr := c.pickParam("CustomerGatewayName", "userGwName"), c.pickParam("IpAddress", "userGwAddr")
	ip := c.str(addr)
	if !nameOK(c.str(name)) {
		return nil, c.invalid(name, "a name is 1 to 60 characters")
	}
	if !isPublicIPv4(ip) {
		return nil, c.invalid(addr, "%q must be a public IPv4 address", ip)
	}
	for _, g := range st.CustomerGateways.live() {
		if g.IP == ip && c.style == V3 {
			return nil, errf("InvalidParameterValue.Duplicate", "The customer gateway %s already has the address %s.", g.ID, ip)
		}
	}
	g := &CustomerGateway{base: st.newBase(c, "cgw-"), Name: c.str(name), IP: ip}
	st.CustomerGateways.put(g)
	if c.style == Legacy {
		return map[string]any{"userGwId": g.ID}, nil
	}
	return map[string]any{"CustomerGateway": g.v3()}, nil
}

func modifyCustomerGateway(c *call, st *Store) (map[string]any, *apiError) {
	g, err := customerGateways.find(c, st, c.pickParam("CustomerGatewayId", "userGwId"))
	if err != nil {
		return nil, err
	}
	name := c.pickParam("CustomerGatewayName", "userGwName")
	if !nameOK(c.str(name)) {
		return nil, c.invalid(name, "a name is 1 to 60 characters")
	}
	g.Name = c.str(name)
	st.dirty = true
	return nil, nil
}

func legacyCgwRow(st *Store, g *CustomerGateway) map[string]any {
	n := 0
	for _, x := range st.VpnConns.live() {
		if x.CgwID == g.ID {
			n++
		}
	}
	return map[string]any{
		"userGwName": g.Name, "userGwId": g.Num, "unUserGwId": g.ID, "userGwAddr": g.IP,
		"vpnConnNum": n, "createTime": g.created(),
	}
}

// vendors are the customer-gateway devices the manual's examples name.
var vendors = []struct{ platform, version, name string }{
	{"ios", "V15.4", "cisco"}, {"comware", "V1.0", "h3c"}, {"default", "default", "huawei"}, {"default", "default", "paloalto"},
}

func describeVendors(c *call, st *Store) (map[string]any, *apiError) {
	var out []any
	for _, v := range vendors {
		out = append(out, map[string]any{
			c.pickParam("Platform", "platform"): v.platform, c.pickParam("SoftwareVersion", "softwareVersion"): v.version,
			c.pickParam("VendorName", "vendorName"): v.name,
		})
	}
	return map[string]any{c.pickParam("CustomerGatewayVendorSet", "data"): out}, nil
}

// Tunnels.

// ikeDefaults and ipsecDefaults are what a tunnel gets for options it is
// not given (the manual's documented defaults).
func ikeDefaults() map[string]any {
	return map[string]any{
		"PropoEncryAlgorithm": "3DES-CBC", "PropoAuthenAlgorithm": "MD5", "ExchangeMode": "MAIN",
		"LocalIdentity": "ADDRESS", "RemoteIdentity": "ADDRESS", "DhGroupName": "GROUP1",
		"IKESaLifetimeSeconds": 86400, "IKEVersion": "IKEV1", "LocalFqdnName": "", "RemoteFqdnName": "",
	}
}

func ipsecDefaults() map[string]any {
	return map[string]any{
		"EncryptAlgorithm": "3DES-CBC", "IntegrityAlgorith": "MD5", "IPSECSaLifetimeSeconds": 3600,
		"PfsDhGroup": "NULL", "IPSECSaLifetimeTraffic": 1843200,
	}
}

// numericOption reports whether an option is an integer on the wire.
func numericOption(name string) bool {
	switch name {
	case "IKESaLifetimeSeconds", "IPSECSaLifetimeSeconds", "IPSECSaLifetimeTraffic":
		return true
	}
	return false
}

// keepCase reports whether an option's value is a name or an address,
// not a keyword.
func keepCase(name string) bool {
	switch name {
	case "LocalAddress", "RemoteAddress", "LocalFqdnName", "RemoteFqdnName":
		return true
	}
	return false
}

// legacyOptionNames are the legacy option names (first) that differ from
// API 3.0's (second) in more than the case of their first letter; the
// first legacy name of an API 3.0 name is the one the legacy rows show.
var legacyOptionNames = [][2]string{
	{"ikeSaLifetimeSeconds", "IKESaLifetimeSeconds"}, {"ipsecSaLifetimeSeconds", "IPSECSaLifetimeSeconds"},
	{"ipsecSaLifetimeTraffic", "IPSECSaLifetimeTraffic"}, {"integrityAlgorith", "IntegrityAlgorith"},
	{"integrityAlgorithm", "IntegrityAlgorith"},
}

// tunnelOptions lays the options a call gives in param (IKE or IPsec, in
// the legacy style with its names and values) over have, keeping
// integers as integers. The manual spells the remote identity both
// RemoteIdentity and RemotIdentity; both are read, RemoteIdentity is kept.
func tunnelOptions(c *call, have map[string]any, param string) map[string]any {
	out := map[string]any{}
	for k, v := range have {
		out[k] = v
	}
	for _, m := range c.objs(param) {
		for k, v := range m {
			s := scalarString(v)
			if c.style == Legacy {
				name := strings.ToUpper(k[:1]) + k[1:]
				for _, n := range legacyOptionNames {
					if n[0] == k {
						name = n[1]
					}
				}
				if k = name; !keepCase(k) && !numericOption(k) {
					s = strings.ToUpper(s)
				}
			}
			if k == "RemotIdentity" {
				k = "RemoteIdentity"
			}
			if numericOption(k) {
				if n, err := strconv.Atoi(s); err == nil {
					out[k] = n
				}
				continue
			}
			out[k] = s
		}
	}
	return out
}

// toLegacyOptions renders stored options with legacy names and values.
func toLegacyOptions(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		name := strings.ToLower(k[:1]) + k[1:]
		for _, n := range legacyOptionNames {
			if n[1] == k {
				name = n[0]
				break
			}
		}
		if s, ok := v.(string); ok && !keepCase(k) {
			v = strings.ToLower(s)
		}
		out[name] = v
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

// remotes are the remote CIDRs of every policy.
func (x *VpnConn) remotes() []string {
	var out []string
	for _, s := range x.SPD {
		out = append(out, s.Remote...)
	}
	return out
}

// tunnelPolicies reads a tunnel's policies: API 3.0's
// SecurityPolicyDatabases; the legacy spdAcl (a JSON object of local
// CIDR to remote CIDRs, or a list of such objects) or userGwCidrBlock.N
// (remote CIDRs for the whole VPC). It refuses remote CIDRs that overlap
// the VPC, and local CIDRs outside it.
func tunnelPolicies(c *call, v *VPC) ([]SPD, *apiError) {
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
	if raw, ok := c.raw("spdAcl"); ok && c.style == Legacy {
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
	if remote := c.strs("userGwCidrBlock"); len(remote) > 0 && c.style == Legacy {
		spd = append(spd, SPD{Local: v.CIDR, Remote: remote})
	}
	for _, m := range c.objs("SecurityPolicyDatabases") {
		spd = append(spd, SPD{Local: field(m, "LocalCidrBlock"), Remote: toStrings(m["RemoteCidrBlock"])})
	}
	vp, _ := parseCIDR(v.CIDR)
	for i, s := range spd {
		local, remote := fmt.Sprintf("SecurityPolicyDatabases.%d.LocalCidrBlock", i), fmt.Sprintf("SecurityPolicyDatabases.%d.RemoteCidrBlock", i)
		lp, ok := parseCIDR(s.Local)
		if !ok {
			return nil, c.invalid(local, "%q is not a CIDR block", s.Local)
		}
		if !overlaps(lp, vp) {
			return nil, c.invalid(local, "%s is not in the VPC's %s", s.Local, v.CIDR)
		}
		if len(s.Remote) == 0 {
			return nil, c.missing(remote)
		}
		for _, r := range s.Remote {
			rp, ok := parseCIDR(r)
			if !ok {
				return nil, c.invalid(remote, "%q is not a CIDR block", r)
			}
			if overlaps(rp, vp) {
				return nil, errf(c.pick("InvalidParameterValue.VpcCidrConflict", "InvalidParameterValue"), "The remote CIDR %s conflicts with the VPC's %s.", r, v.CIDR)
			}
		}
	}
	return spd, nil
}

// createVpnConn is CreateVpnConnection and the legacy AddVpnConnEx, which
// answers with a task. The tunnel is PENDING for the task delay.
func createVpnConn(c *call, st *Store) (map[string]any, *apiError) {
	v, err := vpcs.find(c, st, c.pickParam("VpcId", "vpcId"))
	if err != nil {
		return nil, err
	}
	g, err := vpnGateways.findIn(c, st, c.pickParam("VpnGatewayId", "vpnGwId"), v.ID)
	if err == nil {
		err = vpnGateways.ready(c, g, "take a tunnel", "InvalidVpnGwState")
	}
	if err != nil {
		return nil, err
	}
	cgw, err := customerGateways.find(c, st, c.pickParam("CustomerGatewayId", "userGwId"))
	if err != nil {
		return nil, err
	}
	name := c.pickParam("VpnConnectionName", "vpnConnName")
	if !nameOK(c.str(name)) {
		return nil, c.invalid(name, "a name is 1 to 60 characters")
	}
	spd, err := tunnelPolicies(c, v)
	switch {
	case err != nil:
		return nil, err
	case len(spd) == 0 && c.style == V3:
		return nil, c.missing("SecurityPolicyDatabases")
	case len(spd) == 0:
		return nil, c.invalid("spdAcl", "one of userGwCidrBlock and spdAcl is required")
	}
	x := &VpnConn{
		base: st.newBase(c, "vpnx-"), VpcID: v.ID, GatewayID: g.ID, CgwID: cgw.ID, Name: c.str(name),
		PSK: c.str(c.pickParam("PreShareKey", "preSharedKey")), SPD: spd,
		IKE:     tunnelOptions(c, ikeDefaults(), c.pickParam("IKEOptionsSpecification", "IKESet")),
		IPSEC:   tunnelOptions(c, ipsecDefaults(), c.pickParam("IPSECOptionsSpecification", "IPsecSet")),
		transit: transit{statePending, c.transitionUntil()},
	}
	if x.IKE["LocalAddress"] == nil {
		x.IKE["LocalAddress"] = g.PublicIP
	}
	if x.IKE["RemoteAddress"] == nil {
		x.IKE["RemoteAddress"] = cgw.IP
	}
	st.VpnConns.put(x)
	if c.style == V3 {
		return map[string]any{"VpnConnection": x.v3()}, nil
	}
	t := st.newTask(c, "vpc", x.ID)
	return map[string]any{"data": map[string]any{
		"vpnGwId": g.ID, "userGwId": cgw.ID, "vpnConnId": x.Num, "unVpnConnId": x.ID, "taskId": t.ID,
		"vpnConnStatus": legacyConnStatus(x.State), "preSharedKey": x.PSK, "userGwSubnetList": x.remotes(),
	}}, nil
}

// vpnConnOf finds the tunnel a call names: withGateway, for the pages
// that name it with its gateway (in the legacy style, with the gateway's
// VPC too), one of another gateway is not found.
func vpnConnOf(c *call, st *Store, withGateway bool) (*VpnGateway, *VpnConn, *apiError) {
	param := c.pickParam("VpnConnectionId", "vpnConnId")
	if !withGateway {
		x, err := vpnConns.find(c, st, param)
		return nil, x, err
	}
	g, err := vpnGateways.find(c, st, c.pickParam("VpnGatewayId", "vpnGwId"))
	if err != nil {
		return nil, nil, err
	}
	x, err := vpnConns.findIn(c, st, param, g.ID)
	return g, x, err
}

// deleteVpnConn is DeleteVpnConnection and the legacy DeleteVpnConn,
// which answers with a task: the tunnel is DELETING for the task delay.
func deleteVpnConn(c *call, st *Store) (map[string]any, *apiError) {
	g, x, err := vpnConnOf(c, st, true)
	if err == nil {
		err = vpnConns.ready(c, x, "be deleted", "UnsupportedOperation.DeleteVpnConnInvalidState", "InvalidVpnConnState")
	}
	if err != nil {
		return nil, err
	}
	x.enter(c, stateDeleting)
	st.dirty = true
	if c.style == V3 {
		return nil, nil
	}
	t := st.newTask(c, "vpc", x.ID)
	return map[string]any{"data": map[string]any{
		"vpnGwId": g.ID, "vpcConnId": x.ID, "taskId": t.ID, "state": legacyConnStatus(x.State),
	}}, nil
}

// resetVpnConn is ResetVpnConnection and the legacy ResetVpnConnSA: a
// running tunnel renegotiates, which changes nothing the API shows.
func resetVpnConn(c *call, st *Store) (map[string]any, *apiError) {
	_, x, err := vpnConnOf(c, st, true)
	if err == nil {
		err = vpnConns.ready(c, x, "be reset", "UnsupportedOperation.VpnConnInvalidState")
	}
	return nil, err
}

// modifyVpnConn is ModifyVpnConnectionAttribute and the legacy
// ModifyVpnConnEx, which names the tunnel with its gateway and VPC and
// answers with a task: the tunnel is MODIFYING for the task delay.
func modifyVpnConn(c *call, st *Store) (map[string]any, *apiError) {
	g, x, err := vpnConnOf(c, st, c.style == Legacy)
	if err == nil {
		err = vpnConns.ready(c, x, "change", "UnsupportedOperation.InvalidState", "InvalidVpnConnState")
	}
	if err != nil {
		return nil, err
	}
	if name := c.pickParam("VpnConnectionName", "vpnConnName"); c.has(name) {
		if !nameOK(c.str(name)) {
			return nil, c.invalid(name, "a name is 1 to 60 characters")
		}
		x.Name = c.str(name)
	}
	if psk := c.pickParam("PreShareKey", "preSharedKey"); c.has(psk) {
		x.PSK = c.str(psk)
	}
	spd, err := tunnelPolicies(c, st.VPCs.get(x.VpcID))
	if err != nil {
		return nil, err
	}
	if len(spd) > 0 {
		x.SPD = spd
	}
	x.IKE = tunnelOptions(c, x.IKE, c.pickParam("IKEOptionsSpecification", "IKESet"))
	x.IPSEC = tunnelOptions(c, x.IPSEC, c.pickParam("IPSECOptionsSpecification", "IPsecSet"))
	st.dirty = true
	if c.style == V3 {
		return nil, nil
	}
	x.enter(c, stateModifying)
	t := st.newTask(c, "vpc", x.ID)
	return map[string]any{"data": map[string]any{
		"vpnGwId": g.ID, "vpcConnId": x.ID, "taskId": t.ID, "vpcConnStatus": legacyConnStatus(x.State),
		"preSharedKey": x.PSK, "userGwSubnetList": x.remotes(), "userGwId": x.CgwID,
	}}, nil
}

func legacyConnRow(st *Store, x *VpnConn) map[string]any {
	var local []string
	for _, s := range x.SPD {
		local = append(local, s.Local)
	}
	netStatus := "unavailable"
	if x.State == stateAvailable {
		netStatus = "available"
	}
	row := map[string]any{
		"vpcId": x.VpcID, "unVpcId": x.VpcID, "unVpnGwId": x.GatewayID, "vpnConnId": x.Num,
		"unVpnConnId": x.ID, "vpnConnName": x.Name, "unUserGwId": x.CgwID, "preSharedKey": x.PSK,
		"vpcConnStatus": legacyConnStatus(x.State), "netStatus": netStatus,
		"sourceCidr": local, "destinationCidr": x.remotes(), "vpnProto": "ip-sec", "createTime": x.created(),
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

// vpnConnConfig is DownloadCustomerGatewayConfiguration and the legacy
// GetVpnConnConfig, which names the tunnel alone.
func vpnConnConfig(c *call, st *Store) (map[string]any, *apiError) {
	_, x, err := vpnConnOf(c, st, c.style == V3)
	if err != nil {
		return nil, err
	}
	cfg := tunnelConfig(st, x, c.str(c.pickParam("CustomerGatewayVendor.VendorName", "vendorname")), c.str(c.pickParam("InterfaceName", "interfaceName")))
	if c.style == Legacy {
		return map[string]any{"data": map[string]any{"configFileInfo": cfg}}, nil
	}
	return map[string]any{"CustomerGatewayConfiguration": cfg}, nil
}
