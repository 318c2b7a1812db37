package emulator

import (
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// vpnNet makes a VPC with an AVAILABLE gateway and a customer gateway.
func (e *env) vpnNet() (vpcID, gwID, cgwID string) {
	vpcID = str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "n", "CidrBlock": "10.0.0.0/16"}), "Vpc", "VpcId"))
	gwID = str(dig(e.must(api.V3, "CreateVpnGateway", params.Tree{"VpcId": vpcID, "VpnGatewayName": "gw", "InternetMaxBandwidthOut": "5"}), "VpnGateway", "VpnGatewayId"))
	cgwID = str(dig(e.must(api.V3, "CreateCustomerGateway", params.Tree{"CustomerGatewayName": "idc", "IpAddress": "203.0.113.9"}), "CustomerGateway", "CustomerGatewayId"))
	e.settle()
	return vpcID, gwID, cgwID
}

func (e *env) tunnel(vpcID, gwID, cgwID, name string) string {
	x := e.must(api.V3, "CreateVpnConnection", params.Tree{
		"VpcId": vpcID, "VpnGatewayId": gwID, "CustomerGatewayId": cgwID, "VpnConnectionName": name, "PreShareKey": "k",
		"SecurityPolicyDatabases": []any{map[string]any{"LocalCidrBlock": "10.0.0.0/16", "RemoteCidrBlock": []any{"192.168.0.0/16"}}},
	})
	return str(dig(x, "VpnConnection", "VpnConnectionId"))
}

// TestVpnUnknownVpc: the legacy gateway pages that list no code for an
// unknown VPC answer the common one.
func TestVpnUnknownVpc(t *testing.T) {
	e := start(t, Options{TaskDelay: 2 * time.Second})
	for _, c := range []struct {
		action string
		p      params.Tree
	}{
		{"CreateVpn", params.Tree{"vpcId": "vpc-00000000", "name": "g", "period": "1", "bandwidth": "5"}},
		{"RunVpnGw", params.Tree{"vpcId": "vpc-00000000", "name": "g", "bandwidth": "5", "chargeType": "POSTPAID_BY_HOUR"}},
		{"RenewVpn", params.Tree{"vpcId": "vpc-00000000", "vpnGwId": "vpngw-00000000", "period": "1"}},
	} {
		_, err := e.do(api.Legacy, c.action, c.p)
		wantErr(t, err, "ResourceNotFound", "5000")
	}
	// ModifyVpnGw's page lists its own.
	_, err := e.do(api.Legacy, "ModifyVpnGw", params.Tree{"vpcId": "vpc-00000000", "vpnGwId": "vpngw-00000000"})
	wantErr(t, err, "InvalidVpc.NotFound", "5000")
}

// TestVpnGatewayLife covers the gateway calls of both styles: the
// transitional states, the charge rules and the legacy creation numbers.
func TestVpnGatewayLife(t *testing.T) {
	e := start(t, Options{TaskDelay: 2 * time.Second})
	vpcID, gwID, cgwID := e.vpnNet()

	// CreateVpn buys a PREPAID gateway with a deal; its period is 1 to 36.
	for _, p := range []string{"0", "37"} {
		_, err := e.do(api.Legacy, "CreateVpn", params.Tree{"vpcId": vpcID, "name": "g", "period": p, "bandwidth": "5"})
		wantErr(t, err, "InvalidParameterValue", "4000")
	}
	deal := str(dig(e.must(api.Legacy, "CreateVpn", params.Tree{"vpcId": vpcID, "name": "bought", "period": "2", "bandwidth": "10"}), "data", "dealIds", 0))
	got := e.must(api.Legacy, "DescribeVpnGw", params.Tree{"dealId": deal})
	if str(got["totalCount"]) != "1" || str(dig(got, "data", 0, "vpnGwName")) != "bought" || str(dig(got, "data", 0, "vpnGwStatus")) != "2" ||
		str(dig(got, "data", 0, "isAutoRenewals")) != "true" || str(dig(got, "data", 0, "bandwidth")) != "10" {
		t.Fatalf("DescribeVpnGw by deal: %v", got)
	}
	prepaid := str(dig(got, "data", 0, "unVpnGwId"))
	num := str(dig(got, "data", 0, "vpnGwId"))

	// A gateway in transition cannot be modified (legacy) or deleted.
	_, err := e.do(api.Legacy, "ModifyVpnGw", params.Tree{"vpcId": vpcID, "vpnGwId": prepaid, "vpnGwName": "x"})
	wantErr(t, err, "InvalidVpnGwState", "5100")
	_, err = e.do(api.V3, "DeleteVpnGateway", params.Tree{"VpnGatewayId": prepaid})
	wantErr(t, err, "UnsupportedOperation")
	e.settle()

	// The legacy pages take the creation number for the ID.
	e.must(api.Legacy, "ModifyVpnGw", params.Tree{"vpcId": vpcID, "vpnGwId": num, "vpnGwName": "renamed", "isAutoRenewals": "0"})
	e.must(api.Legacy, "RenewVpn", params.Tree{"vpcId": vpcID, "vpnGwId": num, "period": "3"})
	v3 := e.must(api.V3, "DescribeVpnGateways", params.Tree{"VpnGatewayIds": []any{prepaid}})
	g := dig(v3, "VpnGatewaySet", 0)
	if str(dig(g, "VpnGatewayName")) != "renamed" || str(dig(g, "RenewFlag")) != "NOTIFY_AND_MANUAL_RENEW" || str(dig(g, "State")) != "AVAILABLE" ||
		str(dig(g, "ExpiredTime")) != fmtTime(e.clock.Now().Add(-2*time.Second).AddDate(0, 5, 0)) {
		t.Fatalf("after ModifyVpnGw and RenewVpn: %v", g)
	}
	// Another VPC's number is not found.
	other := str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "o", "CidrBlock": "10.1.0.0/16"}), "Vpc", "VpcId"))
	_, err = e.do(api.Legacy, "RenewVpn", params.Tree{"vpcId": other, "vpnGwId": num, "period": "1"})
	wantErr(t, err, "ResourceNotFound", "5000")
	_, err = e.do(api.Legacy, "ModifyVpnGw", params.Tree{"vpcId": other, "vpnGwId": num})
	wantErr(t, err, "InvalidVpnGw.NotFound", "5000")

	_, err = e.do(api.V3, "DeleteVpnGateway", params.Tree{"VpnGatewayId": prepaid})
	wantErr(t, err, "UnsupportedOperation")
	_, err = e.do(api.V3, "RenewVpnGateway", params.Tree{"VpnGatewayId": gwID, "InstanceChargePrepaid": map[string]any{"Period": "1"}})
	wantErr(t, err, "UnsupportedOperation")

	// A gateway with a tunnel is in use; without, it is DELETING, then gone.
	conn := e.tunnel(vpcID, gwID, cgwID, "t")
	_, err = e.do(api.V3, "DeleteVpnGateway", params.Tree{"VpnGatewayId": gwID})
	wantErr(t, err, "ResourceInUse")
	e.settle()
	e.must(api.V3, "DeleteVpnConnection", params.Tree{"VpnGatewayId": gwID, "VpnConnectionId": conn})
	e.settle()
	e.must(api.V3, "ResetVpnGatewayInternetMaxBandwidth", params.Tree{"VpnGatewayId": gwID, "InternetMaxBandwidthOut": "50"})
	e.must(api.V3, "DeleteVpnGateway", params.Tree{"VpnGatewayId": gwID})
	_, err = e.do(api.V3, "ResetVpnGatewayInternetMaxBandwidth", params.Tree{"VpnGatewayId": gwID, "InternetMaxBandwidthOut": "5"})
	wantErr(t, err, "UnsupportedOperation")
	list := e.must(api.V3, "DescribeVpnGateways", params.Tree{"Filters": []any{map[string]any{"Name": "vpc-id", "Values": []any{vpcID}}}})
	if str(list["TotalCount"]) != "2" || str(dig(list, "VpnGatewaySet", 0, "State")) != "DELETING" || str(dig(list, "VpnGatewaySet", 0, "InternetMaxBandwidthOut")) != "50" {
		t.Fatalf("while deleting: %v", list)
	}
	e.settle()
	if list = e.must(api.V3, "DescribeVpnGateways", params.Tree{"Filters": []any{map[string]any{"Name": "vpc-id", "Values": []any{vpcID}}}}); str(list["TotalCount"]) != "1" {
		t.Fatalf("after the delay: %v", list)
	}
}

// TestCustomerGateways covers both styles' customer gateway calls.
func TestCustomerGateways(t *testing.T) {
	e := start(t, Options{TaskDelay: 2 * time.Second})
	vpcID, gwID, cgwID := e.vpnNet()
	_, err := e.do(api.V3, "CreateCustomerGateway", params.Tree{"CustomerGatewayName": "again", "IpAddress": "203.0.113.9"})
	wantErr(t, err, "InvalidParameterValue.Duplicate")
	_, err = e.do(api.V3, "CreateCustomerGateway", params.Tree{"CustomerGatewayName": "lan", "IpAddress": "10.0.0.1"})
	wantErr(t, err, "InvalidParameterValue")
	_, err = e.do(api.Legacy, "AddUserGw", params.Tree{"userGwName": "", "userGwAddr": "203.0.113.10"})
	wantErr(t, err, "InvalidUserGwName", "4000")
	// The legacy page lists no duplicate address.
	legacy := str(e.must(api.Legacy, "AddUserGw", params.Tree{"userGwName": "same-ip", "userGwAddr": "203.0.113.9"})["userGwId"])

	e.tunnel(vpcID, gwID, cgwID, "t")
	rows := e.must(api.Legacy, "DescribeUserGw", params.Tree{"userGwName": "id", "orderField": "userGwName"})
	if str(rows["totalCount"]) != "1" || str(dig(rows, "data", 0, "unUserGwId")) != cgwID || str(dig(rows, "data", 0, "vpnConnNum")) != "1" {
		t.Fatalf("DescribeUserGw: %v", rows)
	}
	num := str(dig(rows, "data", 0, "userGwId"))
	if got := e.must(api.Legacy, "DescribeUserGw", params.Tree{"userGwId": num}); str(dig(got, "data", 0, "unUserGwId")) != cgwID {
		t.Fatalf("DescribeUserGw by number: %v", got)
	}
	e.must(api.Legacy, "ModifyUserGw", params.Tree{"userGwId": num, "userGwName": "office"})
	got := e.must(api.V3, "DescribeCustomerGateways", params.Tree{"Filters": []any{map[string]any{"Name": "customer-gateway-name", "Values": []any{"office"}}}})
	if str(got["TotalCount"]) != "1" || str(dig(got, "CustomerGatewaySet", 0, "CustomerGatewayId")) != cgwID {
		t.Fatalf("renamed: %v", got)
	}
	_, err = e.do(api.Legacy, "DeleteUserGw", params.Tree{"userGwId": cgwID})
	wantErr(t, err, "ResourceInUse", "5100")
	_, err = e.do(api.V3, "DeleteCustomerGateway", params.Tree{"CustomerGatewayId": cgwID})
	wantErr(t, err, "ResourceInUse")
	_, err = e.do(api.V3, "ModifyCustomerGatewayAttribute", params.Tree{"CustomerGatewayId": "cgw-00000000", "CustomerGatewayName": "x"})
	wantErr(t, err, "ResourceNotFound")
	e.must(api.V3, "DeleteCustomerGateway", params.Tree{"CustomerGatewayId": legacy})
	_, err = e.do(api.Legacy, "DeleteUserGw", params.Tree{"userGwId": legacy})
	wantErr(t, err, "InvalidUserGw.NotFound", "5000")

	v := e.must(api.Legacy, "DescribeUserGwVendor", nil)
	if str(dig(v, "data", 0, "vendorName")) != "cisco" || str(dig(v, "data", 1, "platform")) != "comware" {
		t.Fatalf("DescribeUserGwVendor: %v", v)
	}
	v = e.must(api.V3, "DescribeCustomerGatewayVendors", nil)
	if str(dig(v, "CustomerGatewayVendorSet", 0, "SoftwareVersion")) != "V15.4" {
		t.Fatalf("DescribeCustomerGatewayVendors: %v", v)
	}
}

// TestVpnTunnels covers the tunnel calls: both styles' option names, the
// legacy numbers, the gateway's state and the codes each page lists.
func TestVpnTunnels(t *testing.T) {
	e := start(t, Options{TaskDelay: 2 * time.Second})
	vpcID, gwID, cgwID := e.vpnNet()
	pending := str(dig(e.must(api.V3, "CreateVpnGateway", params.Tree{"VpcId": vpcID, "VpnGatewayName": "new", "InternetMaxBandwidthOut": "5"}), "VpnGateway", "VpnGatewayId"))
	_, err := e.do(api.Legacy, "AddVpnConnEx", params.Tree{
		"vpcId": vpcID, "vpnGwId": pending, "userGwId": cgwID, "vpnConnName": "t", "preSharedKey": "k", "userGwCidrBlock": []any{"172.16.0.0/24"},
	})
	wantErr(t, err, "UnsupportedOperation", "5100")
	base := params.Tree{"vpcId": vpcID, "vpnGwId": gwID, "userGwId": cgwID, "vpnConnName": "t", "preSharedKey": "k"}
	with := func(k string, v any) params.Tree {
		p := params.Tree{k: v}
		for k, v := range base {
			p[k] = v
		}
		return p
	}
	_, err = e.do(api.Legacy, "AddVpnConnEx", base)
	wantErr(t, err, "InvalidParameterValue", "4000")
	// A remote CIDR in the VPC: the page lists no VpcCidrConflict.
	_, err = e.do(api.Legacy, "AddVpnConnEx", with("userGwCidrBlock", []any{"10.0.1.0/24"}))
	wantErr(t, err, "InvalidParameterValue", "4000")
	_, err = e.do(api.V3, "CreateVpnConnection", params.Tree{
		"VpcId": vpcID, "VpnGatewayId": gwID, "CustomerGatewayId": cgwID, "VpnConnectionName": "t", "PreShareKey": "k",
		"SecurityPolicyDatabases": []any{map[string]any{"LocalCidrBlock": "10.0.0.0/16", "RemoteCidrBlock": []any{"10.0.128.0/17"}}},
	})
	wantErr(t, err, "InvalidParameterValue.VpcCidrConflict")
	_, err = e.do(api.Legacy, "AddVpnConnEx", with("spdAcl", "not json"))
	wantErr(t, err, "InvalidParameterValue", "4000")

	p := with("spdAcl", `{"10.0.2.0/24":["172.16.0.0/16"],"10.0.1.0/24":["172.17.0.0/16"]}`)
	p["IKESet"] = map[string]any{"ikeSaLifetimeSeconds": "3600", "exchangeMode": "aggressive", "localFqdnName": "Site.A"}
	p["IPsecSet"] = map[string]any{"integrityAlgorithm": "sha"}
	add := e.must(api.Legacy, "AddVpnConnEx", p)
	conn := str(dig(add, "data", "unVpnConnId"))
	if str(dig(add, "data", "vpnConnStatus")) != "0" || str(dig(add, "data", "userGwSubnetList", 1)) != "172.16.0.0/16" {
		t.Fatalf("AddVpnConnEx: %v", add)
	}
	x := dig(e.must(api.V3, "DescribeVpnConnections", params.Tree{"VpnConnectionIds": []any{conn}}), "VpnConnectionSet", 0)
	ike, ipsec := dig(x, "IKEOptionsSpecification"), dig(x, "IPSECOptionsSpecification")
	if str(dig(ike, "IKESaLifetimeSeconds")) != "3600" || str(dig(ike, "ExchangeMode")) != "AGGRESSIVE" || str(dig(ike, "LocalFqdnName")) != "Site.A" ||
		str(dig(ike, "LocalAddress")) == "" || str(dig(ike, "RemoteAddress")) != "203.0.113.9" || str(dig(ipsec, "IntegrityAlgorith")) != "SHA" ||
		str(dig(x, "SecurityPolicyDatabaseSet", 0, "LocalCidrBlock")) != "10.0.1.0/24" || str(dig(x, "State")) != "PENDING" {
		t.Fatalf("options in API 3.0: %v", x)
	}
	if _, ok := dig(ike, "IKESaLifetimeSeconds").(string); ok {
		t.Fatalf("a lifetime is an integer: %v", ike)
	}
	e.settle()

	// The legacy listing: by the gateway's number, with legacy names.
	gwNum := str(dig(e.must(api.Legacy, "DescribeVpnGw", params.Tree{"vpnGwId": gwID}), "data", 0, "vpnGwId"))
	rows := e.must(api.Legacy, "DescribeVpnConn", params.Tree{"vpnGwId": gwNum, "vpcId": vpcID})
	row := dig(rows, "data", 0)
	if str(rows["totalCount"]) != "1" || str(dig(row, "unVpnConnId")) != conn || str(dig(row, "IKESet", "ikeSaLifetimeSeconds")) != "3600" ||
		str(dig(row, "IKESet", "exchangeMode")) != "aggressive" || str(dig(row, "IPsecSet", "integrityAlgorith")) != "sha" || str(dig(row, "netStatus")) != "available" {
		t.Fatalf("DescribeVpnConn: %v", rows)
	}
	if rows = e.must(api.Legacy, "DescribeVpnConn", params.Tree{"vpnGwId": gwID, "vpcId": "vpc-00000000"}); str(rows["totalCount"]) != "0" {
		t.Fatalf("DescribeVpnConn of another VPC: %v", rows)
	}
	connNum := str(dig(row, "vpnConnId"))

	// ModifyVpnConnEx names the tunnel by number and makes it MODIFYING.
	mod := e.must(api.Legacy, "ModifyVpnConnEx", params.Tree{
		"vpcId": vpcID, "vpnGwId": gwNum, "vpnConnId": connNum, "vpnConnName": "t2", "userGwCidrBlock": []any{"172.18.0.0/16"},
		"IKESet": map[string]any{"dhGroupName": "group2"},
	})
	if str(dig(mod, "data", "vpcConnStatus")) != "2" || str(dig(mod, "data", "userGwSubnetList", 0)) != "172.18.0.0/16" || str(dig(mod, "data", "userGwSubnetList", 1)) != "" {
		t.Fatalf("ModifyVpnConnEx: %v", mod)
	}
	_, err = e.do(api.V3, "ModifyVpnConnectionAttribute", params.Tree{"VpnConnectionId": conn, "VpnConnectionName": "t3"})
	wantErr(t, err, "UnsupportedOperation")
	_, err = e.do(api.Legacy, "ResetVpnConnSA", params.Tree{"vpcId": vpcID, "vpnGwId": gwID, "vpnConnId": conn})
	wantErr(t, err, "UnsupportedOperation", "5100")
	e.settle()
	e.must(api.V3, "ModifyVpnConnectionAttribute", params.Tree{
		"VpnConnectionId": conn, "PreShareKey": "k2", "IPSECOptionsSpecification": map[string]any{"PfsDhGroup": "DH-GROUP2", "IPSECSaLifetimeSeconds": "7200"},
	})
	x = dig(e.must(api.V3, "DescribeVpnConnections", params.Tree{"Filters": []any{map[string]any{"Name": "vpn-gateway-id", "Values": []any{gwID}}}}), "VpnConnectionSet", 0)
	if str(dig(x, "VpnConnectionName")) != "t2" || str(dig(x, "PreShareKey")) != "k2" || str(dig(x, "IKEOptionsSpecification", "DhGroupName")) != "GROUP2" ||
		str(dig(x, "IPSECOptionsSpecification", "IPSECSaLifetimeSeconds")) != "7200" || str(dig(x, "IPSECOptionsSpecification", "IntegrityAlgorith")) != "SHA" ||
		str(dig(x, "State")) != "AVAILABLE" || str(dig(x, "SecurityPolicyDatabaseSet", 0, "RemoteCidrBlock", 0)) != "172.18.0.0/16" {
		t.Fatalf("after both modifications: %v", x)
	}

	// The configuration, in both styles; a tunnel of another gateway is
	// not found where the page names the gateway.
	cfg := e.must(api.Legacy, "GetVpnConnConfig", params.Tree{"vpnConnId": connNum, "vendorname": "cisco", "platform": "ios", "software": "V15.4", "interfaceName": "gi0"})
	want := "! cisco tunnel " + conn + " (t2)\r\n"
	if s := str(dig(cfg, "data", "configFileInfo")); len(s) < len(want) || s[:len(want)] != want {
		t.Fatalf("GetVpnConnConfig: %q", s)
	}
	_, err = e.do(api.V3, "DownloadCustomerGatewayConfiguration", params.Tree{
		"VpnGatewayId": pending, "VpnConnectionId": conn, "InterfaceName": "gi0",
		"CustomerGatewayVendor": map[string]any{"Platform": "ios", "SoftwareVersion": "V15.4", "VendorName": "cisco"},
	})
	wantErr(t, err, "ResourceNotFound")
	_, err = e.do(api.Legacy, "DeleteVpnConn", params.Tree{"vpcId": vpcID, "vpnGwId": pending, "vpnConnId": conn})
	wantErr(t, err, "InvalidVpnConn.NotFound", "5000")
	_, err = e.do(api.Legacy, "ResetVpnConnSA", params.Tree{"vpcId": vpcID, "vpnGwId": pending, "vpnConnId": conn})
	wantErr(t, err, "ResourceNotFound", "5000")
}
