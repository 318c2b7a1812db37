package cmd

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/internal/testserver"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/iostreams"
)

const (
	vpnLegacyOK   = `{"code":0,"message":""}`
	vpnLegacyTask = `{"code":0,"message":"","data":{"taskId":12613}}`
	// A pre-shared key no output may contain.
	vpnTestPSK = "s3cr3t-PSK-654321"
)

func vpnLegacy(body string) testserver.Reply { return testserver.Reply{Body: body} }

// Every VPN command sends exactly the documented parameters of its
// operation, in both styles where the operation has a twin.
func TestVpnWire(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		reply  testserver.Reply
		action string
		style  string
		params map[string]string
	}{
		// vpn gw
		{"gw list", []string{"vpn", "gw", "list"},
			testserver.V3OK(`"TotalCount":0,"VpnGatewaySet":[]`), "DescribeVpnGateways", "v3", map[string]string{"Limit": "100"}},
		{"gw list filter paging", []string{"vpn", "gw", "ls", "--filter", "vpn-gateway-name=TEST", "--limit", "2", "--offset", "0"},
			testserver.V3OK(`"TotalCount":0,"VpnGatewaySet":[]`), "DescribeVpnGateways", "v3",
			map[string]string{"Filters.0.Name": "vpn-gateway-name", "Filters.0.Values.0": "TEST", "Limit": "2"}},
		{"gw list id", []string{"vpn", "gw", "list", "--vpn-gateway-id", "vpngw-rn2yn85v"},
			testserver.V3OK(`"TotalCount":0,"VpnGatewaySet":[]`), "DescribeVpnGateways", "v3",
			map[string]string{"VpnGatewayIds.0": "vpngw-rn2yn85v", "Limit": "100"}},
		{"gw list legacy", []string{"vpn", "gw", "list", "--legacy", "--vpc-id", "vpc-erxok83l", "--vpn-gateway-id", "vpngw-nhg87nmg", "--name", "test",
			"--deal-id", "896973", "--order-field", "vpnGwName", "--order-direction", "asc", "--limit", "50", "--offset", "10"},
			vpnLegacy(`{"code":0,"message":"","totalCount":0,"data":[]}`), "DescribeVpnGw", "legacy",
			map[string]string{"vpcId": "vpc-erxok83l", "vpnGwId": "vpngw-nhg87nmg", "vpnGwName": "test", "dealId": "896973",
				"orderField": "vpnGwName", "orderDirection": "asc", "limit": "50", "offset": "10"}},
		{"gw show", []string{"vpn", "gw", "show", "vpngw-rn2yn85v"},
			testserver.V3OK(`"TotalCount":1,"VpnGatewaySet":[{"VpnGatewayId":"vpngw-rn2yn85v"}]`), "DescribeVpnGateways", "v3",
			map[string]string{"VpnGatewayIds.0": "vpngw-rn2yn85v"}},
		{"gw show legacy", []string{"vpn", "gw", "show", "vpngw-nhg87nmg", "--legacy"},
			vpnLegacy(`{"code":0,"message":"","totalCount":1,"data":[{"unVpnGwId":"vpngw-nhg87nmg"}]}`), "DescribeVpnGw", "legacy",
			map[string]string{"vpnGwId": "vpngw-nhg87nmg"}},
		{"gw create postpaid", []string{"vpn", "gw", "create", "--vpc-id", "vpc-ngenl4az", "--name", "TEST_POSTPAID_VPNGW", "--charge-type", "POSTPAID_BY_HOUR", "--bandwidth", "5"},
			testserver.V3OK(`"VpnGateway":{"VpnGatewayId":"vpngw-rn2yn85v"}`), "CreateVpnGateway", "v3",
			map[string]string{"VpcId": "vpc-ngenl4az", "VpnGatewayName": "TEST_POSTPAID_VPNGW", "InstanceChargeType": "POSTPAID_BY_HOUR", "InternetMaxBandwidthOut": "5"}},
		{"gw create prepaid", []string{"vpn", "gw", "create", "--vpc-id", "vpc-5rkcp0wb", "--name", "TEST_PREPAID_VPNGW", "--charge-type", "PREPAID", "--bandwidth", "5", "--prepaid", `{"Period":1}`},
			testserver.V3OK(`"VpnGateway":{"VpnGatewayId":"vpngw-97yhzme3"}`), "CreateVpnGateway", "v3",
			map[string]string{"VpcId": "vpc-5rkcp0wb", "VpnGatewayName": "TEST_PREPAID_VPNGW", "InstanceChargeType": "PREPAID", "InternetMaxBandwidthOut": "5", "InstanceChargePrepaid.Period": "1"}},
		{"gw create legacy", []string{"vpn", "gw", "create", "--legacy", "--name", "test-name", "--bandwidth", "5", "--vpc-id", "vpc-4gzrxtwj",
			"--prepaid", `{"period":1,"isAutoRenewals":"1"}`, "--charge-type", "PREPAID"},
			vpnLegacy(`{"code":0,"message":"","codeDesc":"Success","data":{"vpnGwId":"vpngw-4gzrxtwj"}}`), "RunVpnGw", "legacy",
			map[string]string{"name": "test-name", "bandwidth": "5", "vpcId": "vpc-4gzrxtwj", "chargePrepaid.period": "1", "chargePrepaid.isAutoRenewals": "1", "chargeType": "PREPAID"}},
		{"gw create prepaid flags", []string{"vpn", "gw", "create", "--vpc-id", "vpc-5rkcp0wb", "--name", "TEST_PREPAID_VPNGW", "--bandwidth", "5", "--charge-type", "PREPAID", "--period", "12", "--auto-renew"},
			testserver.V3OK(`"VpnGateway":{"VpnGatewayId":"vpngw-lazly92z"}`), "CreateVpnGateway", "v3",
			map[string]string{"VpcId": "vpc-5rkcp0wb", "VpnGatewayName": "TEST_PREPAID_VPNGW", "InstanceChargeType": "PREPAID", "InternetMaxBandwidthOut": "5",
				"InstanceChargePrepaid.Period": "12", "InstanceChargePrepaid.RenewFlag": "NOTIFY_AND_AUTO_RENEW"}},
		{"gw create prepaid flags legacy", []string{"vpn", "gw", "create", "--legacy", "--vpc-id", "vpc-4gzrxtwj", "--name", "test-name", "--bandwidth", "5", "--charge-type", "PREPAID", "--period", "12", "--auto-renew"},
			vpnLegacy(`{"code":0,"message":"","codeDesc":"Success","data":{"vpnGwId":"vpngw-4gzrxtwj"}}`), "RunVpnGw", "legacy",
			map[string]string{"name": "test-name", "bandwidth": "5", "vpcId": "vpc-4gzrxtwj", "chargePrepaid.period": "12", "chargePrepaid.isAutoRenewals": "1", "chargeType": "PREPAID"}},
		{"gw create prepaid no renew legacy", []string{"vpn", "gw", "create", "--legacy", "--vpc-id", "vpc-4gzrxtwj", "--name", "test-name", "--bandwidth", "5", "--charge-type", "PREPAID", "--period", "1", "--auto-renew=false"},
			vpnLegacy(`{"code":0,"message":"","codeDesc":"Success","data":{"vpnGwId":"vpngw-4gzrxtwj"}}`), "RunVpnGw", "legacy",
			map[string]string{"name": "test-name", "bandwidth": "5", "vpcId": "vpc-4gzrxtwj", "chargePrepaid.period": "1", "chargePrepaid.isAutoRenewals": "0", "chargeType": "PREPAID"}},
		{"gw renew flags", []string{"vpn", "gw", "renew", "vpngw-lazly92z", "--period", "2", "--auto-renew=false"},
			testserver.V3OK(""), "RenewVpnGateway", "v3",
			map[string]string{"VpnGatewayId": "vpngw-lazly92z", "InstanceChargePrepaid.Period": "2", "InstanceChargePrepaid.RenewFlag": "NOTIFY_AND_MANUAL_RENEW"}},
		{"gw price period", []string{"vpn", "gw", "price", "--charge-type", "PREPAID", "--period", "3", "--bandwidth", "5"},
			testserver.V3OK(`"Price":{"InstancePrice":{"DiscountPrice":380,"OriginalPrice":380}}`), "InquiryPriceCreateVpnGateway", "v3",
			map[string]string{"InstanceChargeType": "PREPAID", "InstanceChargePrepaid.Period": "3", "InternetMaxBandwidthOut": "5"}},
		{"gw price-renew period", []string{"vpn", "gw", "price-renew", "vpngw-lazly92z", "--period", "24"},
			testserver.V3OK(`"Price":{"InstancePrice":{"DiscountPrice":760.0,"OriginalPrice":760.0}}`), "InquiryPriceRenewVpnGateway", "v3",
			map[string]string{"VpnGatewayId": "vpngw-lazly92z", "InstanceChargePrepaid.Period": "24"}},
		{"gw purchase", []string{"vpn", "gw", "purchase", "--vpc-id", "vpc-aa3z6vx0", "--period", "1", "--name", "test", "--bandwidth", "5"},
			vpnLegacy(`{"code":0,"message":"ok","data":{"dealIds":[121]}}`), "CreateVpn", "legacy",
			map[string]string{"vpcId": "vpc-aa3z6vx0", "period": "1", "name": "test", "bandwidth": "5"}},
		{"gw modify", []string{"vpn", "gw", "modify", "vpngw-9jj97wyn", "--name", "new_name", "--charge-type", "POSTPAID_BY_HOUR"},
			testserver.V3OK(""), "ModifyVpnGatewayAttribute", "v3",
			map[string]string{"VpnGatewayId": "vpngw-9jj97wyn", "VpnGatewayName": "new_name", "InstanceChargeType": "POSTPAID_BY_HOUR"}},
		{"gw modify legacy", []string{"vpn", "gw", "modify", "vpngw-dystbrkv", "--legacy", "--vpc-id", "vpc-amhnao5x", "--name", "test-9910", "--auto-renew=false"},
			vpnLegacy(vpnLegacyOK), "ModifyVpnGw", "legacy",
			map[string]string{"vpcId": "vpc-amhnao5x", "vpnGwId": "vpngw-dystbrkv", "vpnGwName": "test-9910", "isAutoRenewals": "0"}},
		{"gw delete", []string{"vpn", "gw", "rm", "vpngw-rn2yn85v", "-y"},
			testserver.V3OK(""), "DeleteVpnGateway", "v3", map[string]string{"VpnGatewayId": "vpngw-rn2yn85v"}},
		{"gw renew", []string{"vpn", "gw", "renew", "vpngw-lazly92z", "--prepaid", `{"Period":2,"RenewFlag":"NOTIFY_AND_AUTO_RENEW"}`},
			testserver.V3OK(""), "RenewVpnGateway", "v3",
			map[string]string{"VpnGatewayId": "vpngw-lazly92z", "InstanceChargePrepaid.Period": "2", "InstanceChargePrepaid.RenewFlag": "NOTIFY_AND_AUTO_RENEW"}},
		{"gw renew legacy", []string{"vpn", "gw", "renew", "vpngw-nhg87nmg", "--legacy", "--vpc-id", "vpc-aa3z6vx0", "--period", "1"},
			vpnLegacy(vpnLegacyOK), "RenewVpn", "legacy",
			map[string]string{"vpcId": "vpc-aa3z6vx0", "vpnGwId": "vpngw-nhg87nmg", "period": "1"}},
		{"gw resize", []string{"vpn", "gw", "resize", "vpngw-lazly92z", "--bandwidth", "10"},
			testserver.V3OK(""), "ResetVpnGatewayInternetMaxBandwidth", "v3",
			map[string]string{"VpnGatewayId": "vpngw-lazly92z", "InternetMaxBandwidthOut": "10"}},
		{"gw price prepaid", []string{"vpn", "gw", "price", "--charge-type", "PREPAID", "--prepaid", `{"Period":1}`, "--bandwidth", "5"},
			testserver.V3OK(`"Price":{"InstancePrice":{"DiscountPrice":380,"OriginalPrice":380}}`), "InquiryPriceCreateVpnGateway", "v3",
			map[string]string{"InstanceChargeType": "PREPAID", "InstanceChargePrepaid.Period": "1", "InternetMaxBandwidthOut": "5"}},
		{"gw price legacy", []string{"vpn", "gw", "price", "--legacy", "--period", "1", "--bandwidth", "5"},
			vpnLegacy(`{"code":0,"message":"ok","price":380}`), "InquiryVpnPrice", "legacy",
			map[string]string{"period": "1", "bandwidth": "5"}},
		{"gw price-renew", []string{"vpn", "gw", "price-renew", "vpngw-lazly92z", "--prepaid", `{"Period":2}`},
			testserver.V3OK(`"Price":{"InstancePrice":{"DiscountPrice":760.0,"OriginalPrice":760.0}}`), "InquiryPriceRenewVpnGateway", "v3",
			map[string]string{"VpnGatewayId": "vpngw-lazly92z", "InstanceChargePrepaid.Period": "2"}},
		{"gw price-resize", []string{"vpn", "gw", "price-resize", "vpngw-lazly92z", "--bandwidth", "10"},
			testserver.V3OK(`"Price":{"InstancePrice":{"DiscountPrice":460.27,"OriginalPrice":460.27}}`), "InquiryPriceResetVpnGatewayInternetMaxBandwidth", "v3",
			map[string]string{"VpnGatewayId": "vpngw-lazly92z", "InternetMaxBandwidthOut": "10"}},

		// vpn conn
		{"conn list", []string{"vpn", "conn", "list", "--filter", "vpn-gateway-id=vpngw-p4lmaqwn", "--vpn-connection-id", "vpnx-5p7vkch8"},
			testserver.V3OK(`"TotalCount":0,"VpnConnectionSet":[]`), "DescribeVpnConnections", "v3",
			map[string]string{"Filters.0.Name": "vpn-gateway-id", "Filters.0.Values.0": "vpngw-p4lmaqwn", "VpnConnectionIds.0": "vpnx-5p7vkch8", "Limit": "100"}},
		{"conn list legacy", []string{"vpn", "conn", "ls", "--legacy", "--vpc-id", "vpc-erxok83l", "--vpn-gateway-id", "vpngw-kfldykuz", "--vpn-connection-id", "vpnx-ol6bcqp0",
			"--name", "conn", "--order-field", "vpnConnName", "--order-direction", "desc"},
			vpnLegacy(`{"code":0,"message":"","totalCount":0,"data":[]}`), "DescribeVpnConn", "legacy",
			map[string]string{"vpcId": "vpc-erxok83l", "vpnGwId": "vpngw-kfldykuz", "vpnConnId": "vpnx-ol6bcqp0", "vpnConnName": "conn", "orderField": "vpnConnName", "orderDirection": "desc", "limit": "50"}},
		{"conn list by gateway", []string{"vpn", "conn", "list", "--vpn-gateway-id", "vpngw-p4lmaqwn", "--vpc-id", "vpc-0a36uwkr"},
			testserver.V3OK(vpnConnListReply), "DescribeVpnConnections", "v3",
			map[string]string{"Filters.0.Name": "vpc-id", "Filters.0.Values.0": "vpc-0a36uwkr", "Filters.1.Name": "vpn-gateway-id", "Filters.1.Values.0": "vpngw-p4lmaqwn", "Limit": "100"}},
		{"conn show", []string{"vpn", "conn", "show", "vpnx-5p7vkch8"},
			testserver.V3OK(vpnConnListReply), "DescribeVpnConnections", "v3",
			map[string]string{"VpnConnectionIds.0": "vpnx-5p7vkch8"}},
		{"conn show legacy", []string{"vpn", "conn", "show", "vpnx-ol6bcqp0", "--legacy"},
			vpnLegacy(vpnConnLegacyListReply), "DescribeVpnConn", "legacy",
			map[string]string{"vpnConnId": "vpnx-ol6bcqp0"}},
		{"conn create", []string{"vpn", "conn", "create", "--vpc-id", "vpc-gapcv96p", "--vpn-gateway-id", "vpngw-1w9tue3d", "--customer-gateway-id", "cgw-qa9sxy71",
			"--name", "TEST_CONN", "--pre-shared-key", vpnTestPSK, "--spd", `[{"LocalCidrBlock":"10.8.4.0/24","RemoteCidrBlock":["58.211.1.0/24"]}]`,
			"--ike", `{"DhGroupName":"GROUP1","ExchangeMode":"MAIN","IKEVersion":"IKEV1","LocalAddress":"58.211.2.5","LocalIdentity":"ADDRESS","PropoAuthenAlgorithm":"MD5","PropoEncryAlgorithm":"3DES-CBC","RemoteAddress":"1.2.3.4","RemoteIdentity":"ADDRESS"}`,
			"--ipsec", `{"EncryptAlgorithm":"3DES-CBC","IntegrityAlgorithm":"MD5","PfsDhGroup":"NULL"}`},
			testserver.V3OK(`"VpnConnection":{"State":"PENDING"}`), "CreateVpnConnection", "v3",
			map[string]string{"VpcId": "vpc-gapcv96p", "VpnGatewayId": "vpngw-1w9tue3d", "CustomerGatewayId": "cgw-qa9sxy71", "VpnConnectionName": "TEST_CONN",
				"PreShareKey": vpnTestPSK, "SecurityPolicyDatabases.0.LocalCidrBlock": "10.8.4.0/24", "SecurityPolicyDatabases.0.RemoteCidrBlock.0": "58.211.1.0/24",
				"IKEOptionsSpecification.DhGroupName": "GROUP1", "IKEOptionsSpecification.ExchangeMode": "MAIN", "IKEOptionsSpecification.IKEVersion": "IKEV1",
				"IKEOptionsSpecification.LocalAddress": "58.211.2.5", "IKEOptionsSpecification.LocalIdentity": "ADDRESS", "IKEOptionsSpecification.PropoAuthenAlgorithm": "MD5",
				"IKEOptionsSpecification.PropoEncryAlgorithm": "3DES-CBC", "IKEOptionsSpecification.RemoteAddress": "1.2.3.4", "IKEOptionsSpecification.RemoteIdentity": "ADDRESS",
				"IPSECOptionsSpecification.EncryptAlgorithm": "3DES-CBC", "IPSECOptionsSpecification.IntegrityAlgorithm": "MD5", "IPSECOptionsSpecification.PfsDhGroup": "NULL"}},
		{"conn create legacy", []string{"vpn", "conn", "create", "--legacy", "--vpc-id", "vpc-amhnao5x", "--customer-gateway-id", "cgw-e098slul", "--vpn-gateway-id", "vpngw-dystbrkv",
			"--name", "test", "--remote-cidr", "10.56.20.0/24,10.56.21.0/24", "--pre-shared-key", vpnTestPSK, "--ike", `{"exchangeMode":"main"}`, "--ipsec", `{"pfsDhGroup":"null"}`},
			vpnLegacy(vpnLegacyTask), "AddVpnConnEx", "legacy",
			map[string]string{"vpcId": "vpc-amhnao5x", "userGwId": "cgw-e098slul", "vpnGwId": "vpngw-dystbrkv", "vpnConnName": "test",
				"userGwCidrBlock.0": "10.56.20.0/24", "userGwCidrBlock.1": "10.56.21.0/24", "preSharedKey": vpnTestPSK,
				"IKESet.exchangeMode": "main", "IPsecSet.pfsDhGroup": "null"}},
		{"conn create legacy spd", []string{"vpn", "conn", "create", "--legacy", "--vpc-id", "vpc-amhnao5x", "--customer-gateway-id", "cgw-e098slul", "--vpn-gateway-id", "vpngw-dystbrkv",
			"--name", "test", "--spd-acl", `{"10.0.0.0/24":["172.16.0.0/16"]}`, "--pre-shared-key", vpnTestPSK},
			vpnLegacy(vpnLegacyTask), "AddVpnConnEx", "legacy",
			map[string]string{"vpcId": "vpc-amhnao5x", "userGwId": "cgw-e098slul", "vpnGwId": "vpngw-dystbrkv", "vpnConnName": "test",
				"spdAcl": `{"10.0.0.0/24":["172.16.0.0/16"]}`, "preSharedKey": vpnTestPSK}},
		{"conn modify", []string{"vpn", "conn", "modify", "vpnx-5p7vkch8", "--name", "new-name", "--pre-shared-key", vpnTestPSK,
			"--spd", `[{"LocalCidrBlock":"172.16.0.0/16","RemoteCidrBlock":["10.10.0.0/16","10.20.0.0/16"]}]`, "--ipsec", `{"IPSECSaLifetimeSeconds":3600}`},
			testserver.V3OK(""), "ModifyVpnConnectionAttribute", "v3",
			map[string]string{"VpnConnectionId": "vpnx-5p7vkch8", "VpnConnectionName": "new-name", "PreShareKey": vpnTestPSK,
				"SecurityPolicyDatabases.0.LocalCidrBlock": "172.16.0.0/16", "SecurityPolicyDatabases.0.RemoteCidrBlock.0": "10.10.0.0/16",
				"SecurityPolicyDatabases.0.RemoteCidrBlock.1": "10.20.0.0/16", "IPSECOptionsSpecification.IPSECSaLifetimeSeconds": "3600"}},
		{"conn modify legacy", []string{"vpn", "conn", "modify", "vpnx-ol6bcqp0", "--legacy", "--vpc-id", "vpc-03vihbk9", "--vpn-gateway-id", "vpngw-kfldykuz",
			"--remote-cidr", "10.100.2.0/24", "--pre-shared-key", vpnTestPSK, "--name", "n"},
			vpnLegacy(`{"code":0,"message":"","data":{"taskId":12614,"preSharedKey":"` + vpnTestPSK + `"}}`), "ModifyVpnConnEx", "legacy",
			map[string]string{"vpcId": "vpc-03vihbk9", "vpnGwId": "vpngw-kfldykuz", "vpnConnId": "vpnx-ol6bcqp0", "userGwCidrBlock.0": "10.100.2.0/24",
				"preSharedKey": vpnTestPSK, "vpnConnName": "n"}},
		{"conn modify legacy spd-acl", []string{"vpn", "conn", "modify", "vpnx-ol6bcqp0", "--legacy", "--vpc-id", "vpc-03vihbk9", "--vpn-gateway-id", "vpngw-kfldykuz",
			"--spd-acl", `{"10.100.2.0/24":["10.0.0.0/8","172.16.0.0/16"]}`, "--spd-acl", `{"10.100.3.0/24":["10.0.0.0/8"]}`},
			vpnLegacy(`{"code":0,"message":"","data":{"taskId":12614}}`), "ModifyVpnConnEx", "legacy",
			map[string]string{"vpcId": "vpc-03vihbk9", "vpnGwId": "vpngw-kfldykuz", "vpnConnId": "vpnx-ol6bcqp0",
				"spdAcl.0": `{"10.100.2.0/24":["10.0.0.0/8","172.16.0.0/16"]}`, "spdAcl.1": `{"10.100.3.0/24":["10.0.0.0/8"]}`}},
		{"conn config", []string{"vpn", "conn", "config", "vpnx-5p7vkch8", "--vpn-gateway-id", "vpngw-p4lmqawn", "--interface-name", "eth0",
			"--vendor", `{"Platform":"comware","SoftwareVersion":"V1.0","VendorName":"h3c"}`},
			testserver.V3OK(`"CustomerGatewayConfiguration":"# config"`), "DownloadCustomerGatewayConfiguration", "v3",
			map[string]string{"VpnGatewayId": "vpngw-p4lmqawn", "VpnConnectionId": "vpnx-5p7vkch8", "CustomerGatewayVendor.Platform": "comware",
				"CustomerGatewayVendor.SoftwareVersion": "V1.0", "CustomerGatewayVendor.VendorName": "h3c", "InterfaceName": "eth0"}},
		{"conn config legacy", []string{"vpn", "conn", "config", "vpnx-ol6bcqp0", "--legacy", "--vendor-name", "cisco", "--platform", "ios", "--software", "V15.4", "--interface-name", "eth0"},
			vpnLegacy(`{"code":0,"message":"ok","data":{"configFileInfo":"ike keychain keychain1"}}`), "GetVpnConnConfig", "legacy",
			map[string]string{"vpnConnId": "vpnx-ol6bcqp0", "vendorname": "cisco", "platform": "ios", "software": "V15.4", "interfaceName": "eth0"}},

		// vpn cgw
		{"cgw list", []string{"vpn", "cgw", "list", "--customer-gateway-id", "cgw-mgp33pll"},
			testserver.V3OK(`"TotalCount":0,"CustomerGatewaySet":[]`), "DescribeCustomerGateways", "v3",
			map[string]string{"CustomerGatewayIds.0": "cgw-mgp33pll", "Limit": "100"}},
		{"cgw list legacy", []string{"vpn", "cgw", "list", "--legacy", "--name", "SH", "--order-field", "userGwName", "--order-direction", "asc", "--customer-gateway-id", "cgw-2530cjq1"},
			vpnLegacy(`{"code":0,"message":"","totalCount":0,"data":[]}`), "DescribeUserGw", "legacy",
			map[string]string{"userGwName": "SH", "orderField": "userGwName", "orderDirection": "asc", "userGwId": "cgw-2530cjq1", "limit": "50"}},
		{"cgw show", []string{"vpn", "cgw", "show", "cgw-mgp33pll"},
			testserver.V3OK(`"TotalCount":1,"CustomerGatewaySet":[{"CustomerGatewayId":"cgw-mgp33pll"}]`), "DescribeCustomerGateways", "v3",
			map[string]string{"CustomerGatewayIds.0": "cgw-mgp33pll"}},
		{"cgw show legacy", []string{"vpn", "cgw", "show", "cgw-1tb1k34n", "--legacy"},
			vpnLegacy(`{"code":0,"message":"","totalCount":1,"data":[{"unUserGwId":"cgw-1tb1k34n"}]}`), "DescribeUserGw", "legacy",
			map[string]string{"userGwId": "cgw-1tb1k34n"}},
		{"cgw create", []string{"vpn", "cgw", "create", "--name", "test-cgw", "--ip-address", "58.211.1.12"},
			testserver.V3OK(`"CustomerGateway":{"CustomerGatewayId":"cgw-mgp33pll"}`), "CreateCustomerGateway", "v3",
			map[string]string{"CustomerGatewayName": "test-cgw", "IpAddress": "58.211.1.12"}},
		{"cgw create legacy", []string{"vpn", "cgw", "create", "--legacy", "--name", "ddtest", "--ip-address", "183.30.0.1"},
			vpnLegacy(`{"code":0,"message":"ok","userGwId":"cgw-e098slul"}`), "AddUserGw", "legacy",
			map[string]string{"userGwName": "ddtest", "userGwAddr": "183.30.0.1"}},
		{"cgw modify", []string{"vpn", "cgw", "modify", "cgw-mgp33pll", "--name", "NewName"},
			testserver.V3OK(""), "ModifyCustomerGatewayAttribute", "v3",
			map[string]string{"CustomerGatewayId": "cgw-mgp33pll", "CustomerGatewayName": "NewName"}},
		{"cgw modify legacy", []string{"vpn", "cgw", "modify", "cgw-e098slul", "--name", "9101", "--legacy"},
			vpnLegacy(vpnLegacyOK), "ModifyUserGw", "legacy",
			map[string]string{"userGwId": "cgw-e098slul", "userGwName": "9101"}},
		{"cgw delete", []string{"vpn", "cgw", "delete", "cgw-mgp33pll", "--yes"},
			testserver.V3OK(""), "DeleteCustomerGateway", "v3", map[string]string{"CustomerGatewayId": "cgw-mgp33pll"}},
		{"cgw delete legacy", []string{"vpn", "cgw", "rm", "cgw-ekrvxcdv", "--legacy", "-y"},
			vpnLegacy(vpnLegacyOK), "DeleteUserGw", "legacy", map[string]string{"userGwId": "cgw-ekrvxcdv"}},
		{"cgw vendors", []string{"vpn", "cgw", "vendors"},
			testserver.V3OK(`"CustomerGatewayVendorSet":[]`), "DescribeCustomerGatewayVendors", "v3", map[string]string{}},
		{"cgw vendors legacy", []string{"vpn", "cgw", "vendors", "--legacy"},
			vpnLegacy(`{"code":0,"message":"","data":[]}`), "DescribeUserGwVendor", "legacy", map[string]string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := testserver.New(t, tc.reply)
			res := run{env: envFor(srv)}.exec(t, tc.args...)
			if res.code != 0 || res.err != "" {
				t.Fatalf("exit %d, stderr %q", res.code, res.err)
			}
			c := srv.Calls()[0]
			if c.Action != tc.action || c.Style != tc.style || !c.SignatureOK || !reflect.DeepEqual(c.Params, tc.params) {
				t.Fatalf("sent %s %s %v (signature ok %v)\nwant %s %s %v", c.Style, c.Action, c.Params, c.SignatureOK, tc.style, tc.action, tc.params)
			}
		})
	}
}

// Replies transcribed from the manual's examples (trimmed where noted).
const (
	vpnGwListReply = `"TotalCount":2,"VpnGatewaySet":[` +
		`{"CreatedTime":"2018-03-25 16:05:22","ExpiredTime":"0000-00-00 00:00:00","InstanceChargeType":"POSTPAID_BY_HOUR","InternetMaxBandwidthOut":5,` +
		`"IsAddressBlocked":false,"PublicIpAddress":"","RenewFlag":"NOTIFY_AND_AUTO_RENEW","State":"PENDING","Type":"IPSEC","VpcId":"vpc-ngenl4az",` +
		`"VpnGatewayId":"vpngw-rn2yn85v","VpnGatewayName":"TEST_POSTPAID"},` +
		`{"CreatedTime":"2017-02-08 12:55:00","ExpiredTime":"0000-00-00 00:00:00","InstanceChargeType":"PREPAID","InternetMaxBandwidthOut":5,` +
		`"IsAddressBlocked":false,"PublicIpAddress":"","RenewFlag":"NOTIFY_AND_AUTO_RENEW","State":"PENDING","Type":"IPSEC","VpcId":"vpc-lzwwkgyz",` +
		`"VpnGatewayId":"vpngw-fa4hsbed","VpnGatewayName":"leo-test-3"}]`
	// Two of the three gateways, the second one still being delivered.
	vpnGwLegacyListReply = `{"code":0,"message":"","totalCount":2,"data":[` +
		`{"vpcId":"sh_vpc_389","unVpcId":"vpc-aa3z6vx0","vpcName":"joezou","vpcCidrBlock":"172.16.0.0/16","vpnGwId":122,"unVpnGwId":"vpngw-nhg87nmg",` +
		`"vpnGwName":"test001","bandwidth":5,"vpnGwStatus":6,"vpnGwAddress":"115.159.26.189","dealId":"896973","localSlap":"169.254.97.7",` +
		`"isAutoRenewals":true,"expireTime":"2015-12-23 19:04:40","createTime":"2015-11-23 19:02:54"},` +
		`{"vpcId":"sh_vpc_390","unVpcId":"vpc-36dt60su","vpcName":"joezou-2","vpcCidrBlock":"172.17.0.0/16","vpnGwId":121,"unVpnGwId":"vpngw-d77hr4r8",` +
		`"vpnGwName":"roy_test","bandwidth":5,"vpnGwStatus":2,"vpnGwAddress":"115.159.72.143","dealId":"896725","localSlap":"169.254.97.5",` +
		`"isAutoRenewals":true,"expireTime":"2016-01-23 17:01:05","createTime":"2015-11-23 16:59:23"}]}`
	vpnConnListReply = `"TotalCount":1,"VpnConnectionSet":[{"CreatedTime":"2017-08-05 10:27:32","CustomerGatewayId":"cgw-l4rblw63","EncryptProto":"IKE",` +
		`"IKEOptionsSpecification":{"DhGroupName":"GROUP1","ExchangeMode":"MAIN","IKESaLifetimeSeconds":"86400","IKEVersion":"IKEV1","LocalAddress":"183.60.249.17",` +
		`"LocalFqdnName":"","LocalIdentity":"ADDRESS","PropoAuthenAlgorithm":"MD5","PropoEncryAlgorithm":"3DES-CBC","RemoteAddress":"183.60.249.126","RemoteFqdnName":"","RemotIdentity":"ADDRESS"},` +
		`"IPSECOptionsSpecification":{"EncapMode":"TUNNEL","EncryptAlgorithm":"3DES-CBC","IPSECSaLifetimeSeconds":"3600","IPSECSaLifetimeTraffic":"1843200","IntegrityAlgorith":"MD5","PfsDhGroup":"NULL","SecurityProto":"ESP"},` +
		`"NetStatus":"UNAVAILABLE","PreShareKey":"` + vpnTestPSK + `","RouteType":"STATIC",` +
		`"SecurityPolicyDatabaseSet":[{"LocalCidrBlock":"172.16.0.0/16","RemoteCidrBlock":["10.10.0.0/16"]},{"LocalCidrBlock":"172.17.0.0/16","RemoteCidrBlock":["10.20.0.0/16","10.30.0.0/16"]}],` +
		`"State":"AVAILABLE","VpcId":"vpc-0a36uwkr","VpnConnectionId":"vpnx-5p7vkch8","VpnConnectionName":"testjoan","VpnGatewayId":"vpngw-p4lmaqwn","VpnProto":"IPSEC"}]`
	vpnConnLegacyListReply = `{"code":0,"message":"","totalCount":1,"data":[{"vpcId":"gz_vpc_76","unVpcId":"vpc-03vihbk9","vpcName":"pan-vpc2",` +
		`"vpcCidrBlock":"10.100.2.0/24","vpnGwId":547,"unVpnGwId":"vpngw-kfldykuz","vpnGwName":"test-76","vpnGwAddress":"183.60.249.32","vpnConnId":399,` +
		`"unVpnConnId":"vpnx-ol6bcqp0","vpnConnName":"399_vpnconn","userGwId":315,"unUserGwId":"cgw-e098slul","userGwName":"9101","userGwAddress":"183.60.249.39",` +
		`"vpcConnStatus":6,"preSharedKey":"` + vpnTestPSK + `","remoteSslIp":"169.254.112.2","sourceCidr":["10.100.2.0/24"],"destinationCidr":["10.100.25.0/24"],` +
		`"vpnProto":"ip-sec","createTime":"2015-11-06 11:20:39","netStatus":"available"}]}`
	cgwListReply = `"CustomerGatewaySet":[{"CreatedTime":"2018-03-25 17:52:39","CustomerGatewayId":"cgw-mgp33pll","CustomerGatewayName":"test-cgw","IpAddress":"58.211.1.12"}],"TotalCount":1`
	// The first two customer gateways of the example.
	cgwLegacyListReply = `{"code":"0","message":"","totalCount":"2","data":[` +
		`{"userGwName":"183.60.249.12","userGwId":"404","unUserGwId":"cgw-1tb1k34n","userGwAddr":"183.60.249.12","vpnConnNum":"1","createTime":"2016-06-23 11:11:49"},` +
		`{"userGwName":"183.60.249.138","userGwId":"403","unUserGwId":"cgw-mzmzjzf9","userGwAddr":"183.60.249.138","vpnConnNum":"1","createTime":"2016-06-22 21:20:54"}],"codeDesc":"Success"}`
	vpnRequestID = `"RequestId": "74883e1b-5901-46de-ae1e-d6e2cf591c5b"`
)

// Exact output of the listing, show and create commands in each format.
func TestVpnOutputs(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		reply  testserver.Reply
		stdout string
	}{
		{"gw list", []string{"vpn", "gw", "list"}, testserver.V3OK(vpnGwListReply), "ID               NAME            VPC            TYPE    STATE     PUBLIC IP   BANDWIDTH   CHARGE TYPE        CREATED\nvpngw-rn2yn85v   TEST_POSTPAID   vpc-ngenl4az   IPSEC   PENDING               5           POSTPAID_BY_HOUR   2018-03-25 16:05:22\nvpngw-fa4hsbed   leo-test-3      vpc-lzwwkgyz   IPSEC   PENDING               5           PREPAID            2017-02-08 12:55:00\n"},
		{"gw list text", []string{"vpn", "gw", "list", "-o", "text"}, testserver.V3OK(vpnGwListReply), "vpngw-rn2yn85v\tTEST_POSTPAID\tvpc-ngenl4az\tIPSEC\tPENDING\t\t5\tPOSTPAID_BY_HOUR\t2018-03-25 16:05:22\nvpngw-fa4hsbed\tleo-test-3\tvpc-lzwwkgyz\tIPSEC\tPENDING\t\t5\tPREPAID\t2017-02-08 12:55:00\n"},
		{"gw list json", []string{"vpn", "gw", "list", "-o", "json"}, testserver.V3OK(`"TotalCount":0,"VpnGatewaySet":[]`), "{\n  \"RequestId\": \"74883e1b-5901-46de-ae1e-d6e2cf591c5b\",\n  \"TotalCount\": 0,\n  \"VpnGatewaySet\": []\n}\n"},
		{"gw list legacy", []string{"vpn", "gw", "list", "--legacy"}, vpnLegacy(vpnGwLegacyListReply), "ID               NAME       VPC            STATE       PUBLIC IP        BANDWIDTH   EXPIRES               CREATED\nvpngw-nhg87nmg   test001    vpc-aa3z6vx0   AVAILABLE   115.159.26.189   5           2015-12-23 19:04:40   2015-11-23 19:02:54\nvpngw-d77hr4r8   roy_test   vpc-36dt60su   PENDING     115.159.72.143   5           2016-01-23 17:01:05   2015-11-23 16:59:23\n"},
		{"gw show", []string{"vpn", "gw", "show", "vpngw-rn2yn85v"}, testserver.V3OK(`"TotalCount":1,"VpnGatewaySet":[{"CreatedTime":"2018-03-25 16:05:22","State":"PENDING","VpnGatewayId":"vpngw-rn2yn85v","VpnGatewayName":"TEST_POSTPAID"}]`), "KEY              VALUE\nCreatedTime      2018-03-25 16:05:22\nState            PENDING\nVpnGatewayId     vpngw-rn2yn85v\nVpnGatewayName   TEST_POSTPAID\n"},
		{"gw show legacy text", []string{"vpn", "gw", "show", "vpngw-nhg87nmg", "--legacy", "-o", "text"}, vpnLegacy(`{"code":0,"message":"","totalCount":1,"data":[{"unVpnGwId":"vpngw-nhg87nmg","vpnGwStatus":6}]}`), "unVpnGwId\tvpngw-nhg87nmg\nvpnGwStatus\t6\n"},
		{"gw create", []string{"vpn", "gw", "create", "--vpc-id", "vpc-ngenl4az", "--name", "TEST_POSTPAID_VPNGW", "--bandwidth", "5"},
			testserver.V3OK(`"VpnGateway":{"InstanceChargeType":"POSTPAID_BY_HOUR","State":"Pending","Type":"IPSEC","VpcId":"vpc-ngenl4az","VpnGatewayId":"vpngw-rn2yn85v","VpnGatewayName":"TEST_POSTPAID_VPNGW"}`), "ID               NAME                  VPC            TYPE    STATE     CHARGE TYPE\nvpngw-rn2yn85v   TEST_POSTPAID_VPNGW   vpc-ngenl4az   IPSEC   Pending   POSTPAID_BY_HOUR\n"},
		{"gw create legacy", []string{"vpn", "gw", "create", "--legacy", "--vpc-id", "vpc-4gzrxtwj", "--name", "test-name", "--bandwidth", "5", "--charge-type", "POSTPAID_BY_HOUR"},
			vpnLegacy(`{"code":0,"message":"","codeDesc":"Success","data":{"vpnGwId":"vpngw-4gzrxtwj"}}`), "ID\nvpngw-4gzrxtwj\n"},
		{"gw create legacy id list", []string{"vpn", "gw", "create", "--legacy", "--vpc-id", "vpc-4gzrxtwj", "--name", "test-name", "--bandwidth", "5", "--charge-type", "POSTPAID_BY_HOUR", "-o", "text"},
			vpnLegacy(`{"code":0,"message":"","data":["vpngw-4gzrxtwj"]}`), "vpngw-4gzrxtwj\n"},
		{"gw purchase", []string{"vpn", "gw", "purchase", "--vpc-id", "vpc-aa3z6vx0", "--name", "test", "--period", "1", "--bandwidth", "5"},
			vpnLegacy(`{"code":0,"message":"ok","data":{"dealIds":[121]}}`), "DEAL ID\n121\n"},
		{"gw price postpaid", []string{"vpn", "gw", "price", "--charge-type", "POSTPAID_BY_HOUR", "--bandwidth", "5"},
			testserver.V3OK(`"Price":{"BandwidthPrice":{"ChargeUnit":"GB","UnitPrice":0.8},"InstancePrice":{"ChargeUnit":"HOUR","UnitPrice":0.48}}`), "PRICE   ORIGINAL PRICE   UNIT PRICE   CHARGE UNIT   BANDWIDTH UNIT PRICE   BANDWIDTH CHARGE UNIT\n-       -                0.48         HOUR          0.8                    GB\n"},
		{"gw price-renew text", []string{"vpn", "gw", "price-renew", "vpngw-lazly92z", "--prepaid", `{"Period":2}`, "-o", "text"},
			testserver.V3OK(`"Price":{"InstancePrice":{"DiscountPrice":760.0,"OriginalPrice":760.0}}`), "760.0\t760.0\t\t\t\t\n"},
		{"gw price legacy", []string{"vpn", "gw", "price", "--legacy", "--bandwidth", "5", "--period", "1"},
			vpnLegacy(`{"code":0,"message":"ok","price":380}`), "PRICE\n380\n"},
		{"conn list", []string{"vpn", "conn", "list"}, testserver.V3OK(vpnConnListReply), "ID              NAME       VPN GATEWAY      CUSTOMER GATEWAY   VPC            STATE       NET STATUS    CREATED\nvpnx-5p7vkch8   testjoan   vpngw-p4lmaqwn   cgw-l4rblw63       vpc-0a36uwkr   AVAILABLE   UNAVAILABLE   2017-08-05 10:27:32\n"},
		{"conn list legacy text", []string{"vpn", "conn", "list", "--legacy", "-o", "text"}, vpnLegacy(vpnConnLegacyListReply), "vpnx-ol6bcqp0\t399_vpnconn\tvpngw-kfldykuz\tcgw-e098slul\tvpc-03vihbk9\tAVAILABLE\tavailable\t2015-11-06 11:20:39\n"},
		{"conn show", []string{"vpn", "conn", "show", "vpnx-5p7vkch8"}, testserver.V3OK(vpnConnListReply), "ID              NAME       VPN GATEWAY      CUSTOMER GATEWAY   VPC            STATE       NET STATUS    SPD                                                                    CREATED\nvpnx-5p7vkch8   testjoan   vpngw-p4lmaqwn   cgw-l4rblw63       vpc-0a36uwkr   AVAILABLE   UNAVAILABLE   172.16.0.0/16->10.10.0.0/16;172.17.0.0/16->10.20.0.0/16,10.30.0.0/16   2017-08-05 10:27:32\n"},
		{"conn show legacy", []string{"vpn", "conn", "show", "vpnx-ol6bcqp0", "--legacy"}, vpnLegacy(vpnConnLegacyListReply), "ID              NAME          VPN GATEWAY      CUSTOMER GATEWAY   VPC            STATE       NET STATUS   LOCAL CIDR      REMOTE CIDR      CREATED\nvpnx-ol6bcqp0   399_vpnconn   vpngw-kfldykuz   cgw-e098slul       vpc-03vihbk9   AVAILABLE   available    10.100.2.0/24   10.100.25.0/24   2015-11-06 11:20:39\n"},
		{"conn create", []string{"vpn", "conn", "create", "--vpc-id", "vpc-gapcv96p", "--vpn-gateway-id", "vpngw-1w9tue3d", "--customer-gateway-id", "cgw-qa9sxy71",
			"--name", "TEST_CONN", "--pre-shared-key", vpnTestPSK, "--spd", `[{"LocalCidrBlock":"10.8.4.0/24","RemoteCidrBlock":["58.211.1.0/24"]}]`},
			testserver.V3OK(`"VpnConnection":{"CustomerGatewayId":"cgw-qa9sxy71","PreShareKey":"` + vpnTestPSK + `","State":"PENDING","VpcId":"vpc-gapcv96p","VpnConnectionId":"vpnx-qa9sxy71","VpnConnectionName":"TEST_CONN","VpnGatewayId":"vpngw-1w9tue3d"}`), "ID              NAME        VPN GATEWAY      CUSTOMER GATEWAY   VPC            STATE\nvpnx-qa9sxy71   TEST_CONN   vpngw-1w9tue3d   cgw-qa9sxy71       vpc-gapcv96p   PENDING\n"},
		{"conn create legacy", []string{"vpn", "conn", "create", "--legacy", "--vpc-id", "vpc-amhnao5x", "--vpn-gateway-id", "vpngw-dystbrkv", "--customer-gateway-id", "cgw-e098slul",
			"--name", "test", "--pre-shared-key", vpnTestPSK, "--remote-cidr", "10.56.20.0/24"},
			vpnLegacy(`{"code":0,"message":"","data":{"vpnGwId":"vpngw-dystbrkv","userGwId":"cgw-e098slul","vpnConnId":0,"taskId":12613,"vpnConnStatus":0,"preSharedKey":"` + vpnTestPSK + `","userGwSubnetList":["10.56.20.0/24"]}}`), "TASK ID\n12613\n"},
		{"conn config text", []string{"vpn", "conn", "config", "vpnx-5p7vkch8", "--vpn-gateway-id", "vpngw-p4lmqawn", "--interface-name", "eth0",
			"--vendor", `{"Platform":"comware","SoftwareVersion":"V1.0","VendorName":"h3c"}`, "-o", "text", "--show-secrets"},
			testserver.V3OK(`"CustomerGatewayConfiguration":"# VPC utilizes unique identifiers\r\n# a VPN Connection\r\n"`), "# VPC utilizes unique identifiers  # a VPN Connection  \n"},
		{"cgw list", []string{"vpn", "cgw", "list"}, testserver.V3OK(cgwListReply), "ID             NAME       IP ADDRESS    CREATED\ncgw-mgp33pll   test-cgw   58.211.1.12   2018-03-25 17:52:39\n"},
		{"cgw list text", []string{"vpn", "cgw", "list", "-o", "text"}, testserver.V3OK(cgwListReply), "cgw-mgp33pll\ttest-cgw\t58.211.1.12\t2018-03-25 17:52:39\n"},
		{"cgw list json", []string{"vpn", "cgw", "list", "-o", "json"}, testserver.V3OK(cgwListReply), "{\n  \"CustomerGatewaySet\": [\n    {\n      \"CreatedTime\": \"2018-03-25 17:52:39\",\n      \"CustomerGatewayId\": \"cgw-mgp33pll\",\n      \"CustomerGatewayName\": \"test-cgw\",\n      \"IpAddress\": \"58.211.1.12\"\n    }\n  ],\n  \"RequestId\": \"74883e1b-5901-46de-ae1e-d6e2cf591c5b\",\n  \"TotalCount\": 1\n}\n"},
		{"cgw list legacy", []string{"vpn", "cgw", "list", "--legacy"}, vpnLegacy(cgwLegacyListReply), "ID             NAME             IP ADDRESS       TUNNELS   CREATED\ncgw-1tb1k34n   183.60.249.12    183.60.249.12    1         2016-06-23 11:11:49\ncgw-mzmzjzf9   183.60.249.138   183.60.249.138   1         2016-06-22 21:20:54\n"},
		{"cgw show", []string{"vpn", "cgw", "show", "cgw-mgp33pll"}, testserver.V3OK(cgwListReply), "KEY                   VALUE\nCreatedTime           2018-03-25 17:52:39\nCustomerGatewayId     cgw-mgp33pll\nCustomerGatewayName   test-cgw\nIpAddress             58.211.1.12\n"},
		{"cgw create", []string{"vpn", "cgw", "create", "--name", "test-cgw", "--ip-address", "58.211.1.12"},
			testserver.V3OK(`"CustomerGateway":{"CreateTime":"2018-04-18 10:00:00","CustomerGatewayId":"cgw-mgp33pll","CustomerGatewayName":"test-cgw","IpAddress":"58.211.1.12"}`), "ID             NAME       IP ADDRESS    CREATED\ncgw-mgp33pll   test-cgw   58.211.1.12   2018-04-18 10:00:00\n"},
		{"cgw create legacy", []string{"vpn", "cgw", "create", "--legacy", "--name", "ddtest", "--ip-address", "183.30.0.1"},
			vpnLegacy(`{"code":0,"message":"ok","userGwid":"cgw-e098slul"}`), "ID\ncgw-e098slul\n"},
		{"cgw vendors", []string{"vpn", "cgw", "vendors"},
			testserver.V3OK(`"CustomerGatewayVendorSet":[{"Platform":"ios","SoftwareVersion":"V15.4","VendorName":"cisco"},{"Platform":"comware","SoftwareVersion":"V1.0","VendorName":"h3c"}]`), "VENDOR   PLATFORM   SOFTWARE\ncisco    ios        V15.4\nh3c      comware    V1.0\n"},
		{"cgw vendors legacy text", []string{"vpn", "cgw", "vendors", "--legacy", "-o", "text"},
			vpnLegacy(`{"code":"0","message":"","codeDesc":"Success","data":[{"platform":"ios","software":"V15.4","vendorname":"cisco"},{"platform":"comware","software":"V1.0","vendorname":"h3c"}]}`), "cisco\tios\tV15.4\nh3c\tcomware\tV1.0\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := testserver.New(t, tc.reply)
			run{env: envFor(srv)}.exec(t, tc.args...).expect(t, 0, tc.stdout, "")
		})
	}
}

// Bad input is refused with exit 2 before any request is sent.
func TestVpnUsageErrors(t *testing.T) {
	srv := testserver.New(t)
	r := run{env: envFor(srv)}
	create := []string{"vpn", "conn", "create", "--vpc-id", "vpc-gapcv96p", "--vpn-gateway-id", "vpngw-1w9tue3d", "--customer-gateway-id", "cgw-qa9sxy71",
		"--name", "TEST_CONN", "--pre-shared-key", vpnTestPSK}
	legacyCreate := append(append([]string{}, create...), "--legacy")
	cases := []struct {
		args []string
		msg  string
	}{
		// vpn gw
		{[]string{"vpn", "gw", "show", "vpc-ngenl4az"}, `invalid value "vpc-ngenl4az" for VPN_GATEWAY_ID: expected an ID like vpngw-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"vpn", "gw", "show"}, "tcvpc vpn gw show needs VPN_GATEWAY_ID"},
		{[]string{"vpn", "gw", "create", "--vpc-id", "vpc-ngenl4az", "--name", "x"}, "tcvpc vpn gw create needs --bandwidth"},
		{[]string{"vpn", "gw", "create", "--vpc-id", "vpc-ngenl4az", "--name", "x", "--bandwidth", "5", "--charge-type", "MONTHLY"},
			`invalid value "MONTHLY" for --charge-type: expected PREPAID or POSTPAID_BY_HOUR`},
		{[]string{"vpn", "gw", "create", "--vpc-id", "vpc-ngenl4az", "--name", "x", "--bandwidth", "5", "--legacy"}, "tcvpc vpn gw create needs --charge-type"},
		{[]string{"vpn", "gw", "create", "--vpc-id", "vpc-ngenl4az", "--name", "x", "--bandwidth", "5", "--prepaid", "{Period:1}"},
			"invalid value for --prepaid: expected JSON or @FILE (invalid character 'P' looking for beginning of object key string)"},
		{[]string{"vpn", "gw", "create", "--vpc-id", "vpc-ngenl4az", "--name", "x", "--bandwidth", "5", "--prepaid", `{"Periods":1}`},
			"unknown field Periods in --prepaid (did you mean Period?); valid: Period, RenewFlag"},
		{[]string{"vpn", "gw", "create", "--vpc-id", "vpc-ngenl4az", "--name", "x", "--bandwidth", "five"},
			`invalid value "five" for --bandwidth: expected a whole number`},
		{[]string{"vpn", "gw", "modify", "vpngw-9jj97wyn", "--auto-renew"}, "--auto-renew is not used by API 3.0"},
		{[]string{"vpn", "gw", "modify", "vpngw-9jj97wyn", "--charge-type", "PREPAID"}, `invalid value "PREPAID" for --charge-type: expected POSTPAID_BY_HOUR`},
		{[]string{"vpn", "gw", "modify", "vpngw-9jj97wyn", "--name", "x", "--legacy"}, "tcvpc vpn gw modify needs --vpc-id"},
		{[]string{"vpn", "gw", "delete", "vpngw-rn2yn85v", "--legacy", "-y"}, "tcvpc vpn gw delete is not available in the legacy API (--legacy)"},
		{[]string{"vpn", "gw", "delete", "vpngw-rn2yn85v"}, "refusing to delete VPN gateway vpngw-rn2yn85v without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"vpn", "gw", "purchase", "--vpc-id", "vpc-aa3z6vx0", "--name", "test", "--bandwidth", "5"}, "tcvpc vpn gw purchase needs --period"},
		{[]string{"vpn", "gw", "list", "--legacy", "--filter", "vpc-id=vpc-ngenl4az"}, "--filter maps to API 3.0 Filters; with --legacy use the operation's own flags (see --help)"},
		{[]string{"vpn", "gw", "list", "--legacy", "--order-field", "name"}, `invalid value "name" for --order-field: expected createTime or vpnGwName`},
		{[]string{"vpn", "gw", "renew", "vpngw-lazly92z"}, "tcvpc vpn gw renew needs --period"},
		{[]string{"vpn", "gw", "renew", "vpngw-lazly92z", "--prepaid", `{"Period":2}`, "--period", "2"}, "--period and --prepaid exclude each other: give the fields as flags or the whole value as JSON"},
		{[]string{"vpn", "gw", "renew", "vpngw-lazly92z", "--auto-renew"}, "--auto-renew needs --period"},
		{[]string{"vpn", "gw", "renew", "vpngw-lazly92z", "--period", "13"}, `invalid value "13" for --period: expected one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 36`},
		{[]string{"vpn", "gw", "renew", "vpngw-lazly92z", "--legacy", "--vpc-id", "vpc-aa3z6vx0", "--period", "1", "--auto-renew"}, "--auto-renew is not used by the legacy API (--legacy)"},
		{[]string{"vpn", "gw", "create", "--vpc-id", "vpc-ngenl4az", "--name", "x", "--bandwidth", "5", "--charge-type", "PREPAID", "--auto-renew"}, "--auto-renew needs --period"},
		{[]string{"vpn", "gw", "price-renew", "vpngw-lazly92z", "--prepaid", `{"Period":2}`, "--legacy"}, "tcvpc vpn gw price-renew is not available in the legacy API (--legacy)"},
		{[]string{"vpn", "gw", "resize", "vpngw-lazly92z"}, "tcvpc vpn gw resize needs --bandwidth"},
		// vpn conn
		{create, "tcvpc vpn conn create needs --local-cidr and --remote-cidr, or --spd"},
		{with(create, "--spd", `[{"LocalCidrBlock":"10.8.4.0/24"}]`), "invalid value for --spd: entry 10.8.4.0/24 has no RemoteCidrBlock"},
		{with(create, "--spd", "[]", "--remote-cidr", "10.56.20.0/24"), "--remote-cidr needs --local-cidr in API 3.0: each VPC CIDR block is paired with the remote ones"},
		{with(create, "--local-cidr", "10.0.0.0/16"), "--local-cidr needs --remote-cidr: the customer networks it may reach"},
		{with(create, "--local-cidr", "10.0.0.1/16", "--remote-cidr", "172.16.0.0/16"), `invalid value "10.0.0.1/16" for --local-cidr: expected an IPv4 CIDR block such as 10.0.0.0/16`},
		{with(create, "--spd", "10.0.0.0/16"), `invalid value "10.0.0.0/16" for --spd: expected LOCAL=REMOTE[,REMOTE...], e.g. 10.0.0.0/16=172.16.0.0/16`},
		{with(create, "--spd", "10.0.0.0/16=172.16.0.0/16,172.17.0.0"), `invalid value "172.17.0.0" for --spd: expected an IPv4 CIDR block such as 10.0.0.0/16`},
		{with(create, "--spd", "10.0.0.0/16=172.16.0.0/16", "--ike-version", "IKEV3"), `invalid value "IKEV3" for --ike-version: expected IKEV1 or IKEV2`},
		{with(create, "--spd", "10.0.0.0/16=172.16.0.0/16", "--ipsec-pfs", "GROUP2"),
			`invalid value "GROUP2" for --ipsec-pfs: expected one of NULL, DH-GROUP1, DH-GROUP2, DH-GROUP5, DH-GROUP14, DH-GROUP24`},
		{with(create, "--spd", "10.0.0.0/16=172.16.0.0/16", "--ike-lifetime", "59"), `invalid value "59" for --ike-lifetime: expected an integer from 60 to 604800`},
		{with(create, "--spd", "10.0.0.0/16=172.16.0.0/16", "--ipsec-lifetime-traffic", "604801"), `invalid value "604801" for --ipsec-lifetime-traffic: expected an integer from 2560 to 604800`},
		{with(create, "--spd", "10.0.0.0/16=172.16.0.0/16", "--ike-remote-address", "1.2.3"), `invalid value "1.2.3" for --ike-remote-address: expected an IPv4 address such as 10.0.0.5`},
		{with(create, "--spd", "10.0.0.0/16=172.16.0.0/16", "--ike-local-identity", "FQDN"), "--ike-local-identity FQDN needs --ike-local-fqdn"},
		{with(create, "--spd", "10.0.0.0/16=172.16.0.0/16", "--ike-remote-fqdn", "peer.example.com"), "--ike-remote-fqdn needs --ike-remote-identity FQDN"},
		{with(create, "--spd", "10.0.0.0/16=172.16.0.0/16", "--ike-local-identity", "fqdn", "--ike-local-fqdn", "a.example.com", "--ike-local-address", "1.2.3.4"),
			"--ike-local-address applies to --ike-local-identity ADDRESS, not FQDN (use --ike-local-fqdn)"},
		{with(create, "--spd", "10.0.0.0/16=172.16.0.0/16", "--ike-exchange-mode", "MAIN", "--ike", `{"ExchangeMode":"MAIN"}`),
			"--ike-exchange-mode and --ike exclude each other: give the fields as flags or the whole value as JSON"},
		{with(legacyCreate, "--remote-cidr", "10.56.20.0/24", "--ike-version", "IKEV2"), "--ike-version is not used by the legacy API (--legacy)"},
		{with(legacyCreate, "--remote-cidr", "10.56.20.0/24", "--spd-acl", `{"10.0.0.0/24":["172.16.0.0/16"]}`), "--spd-acl and --local-cidr/--remote-cidr/--spd exclude each other"},
		{with(legacyCreate, "--remote-cidr", "10.56.20.1/24"), `invalid value "10.56.20.1/24" for --remote-cidr: expected an IPv4 CIDR block such as 10.0.0.0/16`},
		{with(legacyCreate, "--spd-acl", `{"10.0.0.0/24":["x"]}`), `invalid value for --spd-acl: "x" is not a CIDR block such as 10.0.0.0/24`},
		{with(legacyCreate, "--spd-acl", "10.0.0.0/24"), `invalid value for --spd-acl: expected JSON such as {"10.0.0.0/24":["192.168.0.0/24"]}`},
		{with(legacyCreate, "--spd", "[]"), "tcvpc vpn conn create needs --remote-cidr (with --local-cidr for part of the VPC), --spd or --spd-acl"},
		{with(legacyCreate, "--remote-cidr", "10.56.20.0/24", "--ike", `{"ExchangeMode":"MAIN"}`), "unknown field ExchangeMode in --ike (did you mean exchangeMode?); valid: " +
			"propoEncryAlgorithm, propoAuthenAlgorithm, exchangeMode, localIdentity, remoteIdentity, localAddress, remoteAddress, localFqdnName, remoteFqdnName, dhGroupName, ikeSaLifetimeSeconds"},
		{[]string{"vpn", "conn", "create", "--vpc-id", "vpc-gapcv96p", "--vpn-gateway-id", "vpngw-1w9tue3d", "--customer-gateway-id", "usergw-qa9sxy71"},
			`invalid value "usergw-qa9sxy71" for --customer-gateway-id: expected an ID like cgw-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"vpn", "conn", "modify", "vpnx-ol6bcqp0", "--legacy", "--vpc-id", "vpc-03vihbk9"}, "tcvpc vpn conn modify needs --vpn-gateway-id"},
		{[]string{"vpn", "conn", "show", "vpn-x-5p7vkch8"}, `invalid value "vpn-x-5p7vkch8" for VPN_CONNECTION_ID: expected an ID like vpnx-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"vpn", "conn", "config", "vpnx-ol6bcqp0", "--legacy", "--interface-name", "eth0"}, "tcvpc vpn conn config needs --vendor-name, --platform and --software"},
		{[]string{"vpn", "conn", "config", "vpnx-5p7vkch8", "--vpn-gateway-id", "vpngw-p4lmqawn", "--interface-name", "eth0", "--vendor", `{"VendorName":"h3c"}`},
			"--vendor.Platform is required"},
		// vpn cgw
		{[]string{"vpn", "cgw", "create", "--name", "test-cgw", "--ip-address", "58.211.1"}, `invalid value "58.211.1" for --ip-address: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"vpn", "cgw", "create", "--name", "test-cgw"}, "tcvpc vpn cgw create needs --ip-address"},
		{[]string{"vpn", "cgw", "modify", "cgw-mgp33pll"}, "tcvpc vpn cgw modify needs --name"},
		{[]string{"vpn", "cgw", "show", "CGW-MGP33PLL"}, `invalid value "CGW-MGP33PLL" for CUSTOMER_GATEWAY_ID: expected an ID like cgw-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"vpn", "cgw", "delete", "cgw-mgp33pll", "--legacy"}, "refusing to delete customer gateway cgw-mgp33pll without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"vpn", "cgw", "vendors", "cisco"}, `tcvpc vpn cgw vendors takes no arguments, got "cisco"`},
		{[]string{"vpn", "cgw", "list", "--page-size", "101"}, "invalid value 101 for --page-size: expected 1 to 100"},
	}
	for _, tc := range cases {
		res := r.exec(t, tc.args...)
		if res.code != 2 || res.stdout != "" || res.err != "Error: "+tc.msg+"\n" {
			t.Errorf("%v\ngot exit %d, stdout %q, stderr %q\nwant %q", tc.args, res.code, res.stdout, res.err, tc.msg)
		}
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent for invalid input", n)
	}
}

// The pre-shared key reaches the wire but no table, text, success line,
// progress line or debug trace.
func TestVpnPreSharedKeyNeverPrinted(t *testing.T) {
	createReply := testserver.V3OK(`"VpnConnection":{"PreShareKey":"` + vpnTestPSK + `","State":"PENDING","VpnConnectionId":"vpnx-qa9sxy71"}`)
	legacyTask := vpnLegacy(`{"code":0,"message":"","data":{"taskId":12613,"preSharedKey":"` + vpnTestPSK + `"}}`)
	create := []string{"vpn", "conn", "create", "--vpc-id", "vpc-gapcv96p", "--vpn-gateway-id", "vpngw-1w9tue3d", "--customer-gateway-id", "cgw-qa9sxy71",
		"--name", "TEST_CONN", "--pre-shared-key", vpnTestPSK}
	cases := []struct {
		args    []string
		replies []testserver.Reply
	}{
		{[]string{"vpn", "conn", "list"}, []testserver.Reply{testserver.V3OK(vpnConnListReply)}},
		{[]string{"vpn", "conn", "list", "--legacy"}, []testserver.Reply{vpnLegacy(vpnConnLegacyListReply)}},
		{[]string{"vpn", "conn", "show", "vpnx-5p7vkch8"}, []testserver.Reply{testserver.V3OK(vpnConnListReply)}},
		{[]string{"vpn", "conn", "show", "vpnx-ol6bcqp0", "--legacy"}, []testserver.Reply{vpnLegacy(vpnConnLegacyListReply)}},
		{append(create, "--spd", `[{"LocalCidrBlock":"10.8.4.0/24","RemoteCidrBlock":["58.211.1.0/24"]}]`), []testserver.Reply{createReply}},
		{append(create, "--spd", `[{"LocalCidrBlock":"10.8.4.0/24","RemoteCidrBlock":["58.211.1.0/24"]}]`, "--wait"), []testserver.Reply{createReply, testserver.V3OK(vpnConnListReply)}},
		{append(create, "--legacy", "--remote-cidr", "10.56.20.0/24"), []testserver.Reply{legacyTask}},
		{append(create, "--legacy", "--remote-cidr", "10.56.20.0/24", "--wait"), []testserver.Reply{legacyTask, vpnLegacy(`{"code":0,"message":"","data":{"status":0}}`)}},
		{[]string{"vpn", "conn", "modify", "vpnx-5p7vkch8", "--pre-shared-key", vpnTestPSK}, []testserver.Reply{testserver.V3OK("")}},
		{[]string{"vpn", "conn", "modify", "vpnx-ol6bcqp0", "--legacy", "--vpc-id", "vpc-03vihbk9", "--vpn-gateway-id", "vpngw-kfldykuz", "--pre-shared-key", vpnTestPSK},
			[]testserver.Reply{legacyTask}},
	}
	for _, tc := range cases {
		for _, format := range []string{"table", "text"} {
			for _, tty := range []bool{false, true} {
				srv := testserver.New(t, tc.replies...)
				args := append(append([]string{}, tc.args...), "-o", format, "--debug")
				res := run{env: envFor(srv), tty: tty}.exec(t, args...)
				if res.code != 0 {
					t.Fatalf("%v: exit %d: %s", args, res.code, res.err)
				}
				if strings.Contains(res.stdout, vpnTestPSK) || strings.Contains(res.err, vpnTestPSK) {
					t.Errorf("%v (terminal %v) printed the pre-shared key:\n%s\n%s", args, tty, res.stdout, res.err)
				}
			}
		}
	}
}

// A legacy tunnel creation is a task: --wait polls it to the end.
func TestVpnConnCreateLegacyWait(t *testing.T) {
	srv := testserver.New(t,
		vpnLegacy(vpnLegacyTask),
		vpnLegacy(`{"code":0,"message":"","data":{"status":2}}`),
		vpnLegacy(`{"code":0,"message":"","data":{"status":0}}`),
	)
	run{env: envFor(srv), tty: true}.exec(t, "vpn", "conn", "create", "--legacy", "--vpc-id", "vpc-amhnao5x", "--vpn-gateway-id", "vpngw-dystbrkv",
		"--customer-gateway-id", "cgw-e098slul", "--name", "test", "--pre-shared-key", vpnTestPSK, "--remote-cidr", "10.56.20.0/24", "--wait").
		expect(t, 0, "Created VPN connection\n", "Creating VPN connection (task 12613): running (0s)\nCreating VPN connection (task 12613): succeeded (0s)\n")
	if c := srv.Calls(); c[1].Action != "DescribeVpcTaskResult" || c[1].Params["taskId"] != "12613" {
		t.Fatalf("poll sent %s %v", c[1].Action, c[1].Params)
	}
}

// Success lines of the quiet commands appear on a terminal only.
func TestVpnSuccessLines(t *testing.T) {
	cases := []struct {
		args  []string
		reply testserver.Reply
		line  string
	}{
		{[]string{"vpn", "gw", "modify", "vpngw-9jj97wyn", "--name", "new_name"}, testserver.V3OK(""), "Modified VPN gateway vpngw-9jj97wyn\n"},
		{[]string{"vpn", "gw", "renew", "vpngw-nhg87nmg", "--legacy", "--vpc-id", "vpc-aa3z6vx0", "--period", "1"}, vpnLegacy(vpnLegacyOK), "Renewed VPN gateway vpngw-nhg87nmg\n"},
		{[]string{"vpn", "gw", "resize", "vpngw-lazly92z", "--bandwidth", "10"}, testserver.V3OK(""), "Resized VPN gateway vpngw-lazly92z\n"},
		{[]string{"vpn", "gw", "delete", "vpngw-rn2yn85v", "-y"}, testserver.V3OK(""), "Deleted VPN gateway vpngw-rn2yn85v\n"},
		{[]string{"vpn", "conn", "modify", "vpnx-5p7vkch8", "--name", "x"}, testserver.V3OK(""), "Modified VPN connection vpnx-5p7vkch8\n"},
		{[]string{"vpn", "cgw", "modify", "cgw-mgp33pll", "--name", "NewName"}, testserver.V3OK(""), "Modified customer gateway cgw-mgp33pll\n"},
		{[]string{"vpn", "cgw", "delete", "cgw-ekrvxcdv", "--legacy", "-y"}, vpnLegacy(vpnLegacyOK), "Deleted customer gateway cgw-ekrvxcdv\n"},
	}
	for _, tc := range cases {
		srv := testserver.New(t, tc.reply, tc.reply, tc.reply)
		run{env: envFor(srv), tty: true}.exec(t, tc.args...).expect(t, 0, tc.line, "")
		run{env: envFor(srv)}.exec(t, tc.args...).expect(t, 0, "", "")
		json := "{\n  " + vpnRequestID + "\n}\n"
		if tc.reply.Body == vpnLegacyOK {
			json = "{\n  \"code\": 0,\n  \"message\": \"\"\n}\n"
		}
		run{env: envFor(srv), tty: true}.exec(t, append(tc.args, "-o", "json")...).expect(t, 0, json, "")
	}
}

// show reports a gateway the Describe does not return as not found.
func TestVpnShowNotFound(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(`"TotalCount":0,"VpnGatewaySet":[]`), vpnLegacy(`{"code":0,"message":"","totalCount":0,"data":[]}`))
	r := run{env: envFor(srv)}
	r.exec(t, "vpn", "gw", "show", "vpngw-00000000").expect(t, 1, "", "Error: [ResourceNotFound] VPN gateway vpngw-00000000 not found (RequestId: 74883e1b-5901-46de-ae1e-d6e2cf591c5b)\n")
	r.exec(t, "vpn", "cgw", "show", "cgw-00000000", "--legacy").expect(t, 1, "", "Error: [ResourceNotFound] customer gateway cgw-00000000 not found\n")
}

// --all follows the legacy paging until totalCount rows are in.
func TestVpnListAllLegacy(t *testing.T) {
	row := func(id string) string {
		return `{"unUserGwId":"` + id + `","userGwName":"n","userGwAddr":"1.2.3.4","vpnConnNum":0,"createTime":"2016-01-18 17:08:09"}`
	}
	srv := testserver.New(t,
		vpnLegacy(`{"code":0,"message":"","totalCount":3,"data":[`+row("cgw-00000001")+`,`+row("cgw-00000002")+`]}`),
		vpnLegacy(`{"code":0,"message":"","totalCount":3,"data":[`+row("cgw-00000003")+`]}`),
	)
	run{env: envFor(srv)}.exec(t, "vpn", "cgw", "list", "--legacy", "--page-size", "2", "-o", "text").expect(t, 0,
		"cgw-00000001\tn\t1.2.3.4\t0\t2016-01-18 17:08:09\ncgw-00000002\tn\t1.2.3.4\t0\t2016-01-18 17:08:09\ncgw-00000003\tn\t1.2.3.4\t0\t2016-01-18 17:08:09\n", "")
	calls := srv.Calls()
	if calls[0].Params["offset"] != "" || calls[0].Params["limit"] != "2" || calls[1].Params["offset"] != "2" || calls[1].Params["limit"] != "1" {
		t.Fatalf("paging sent %v then %v", calls[0].Params, calls[1].Params)
	}
}

// Every example in the help of a vpn command parses and passes validation.
func TestVpnExamplesAreValid(t *testing.T) {
	for _, c := range vpnLeafCommands(t) {
		if c.Example == "" {
			t.Errorf("%s has no example", c.CommandPath())
			continue
		}
		for _, line := range strings.Split(strings.ReplaceAll(c.Example, "\\\n", " "), "\n") {
			args := vpnShellWords(strings.TrimSpace(line))
			if len(args) < 2 || args[0] != "tcvpc" {
				t.Fatalf("%s: example %q does not start with tcvpc", c.CommandPath(), line)
			}
			args = args[1:]
			legacy := c.Annotations["v3"] == ""
			var kept []string
			for _, a := range args {
				legacy = legacy || a == "--legacy"
				if a != "--wait" { // one request per example
					kept = append(kept, a)
				}
			}
			reply := testserver.V3OK("")
			if legacy {
				reply = vpnLegacy(vpnLegacyTask)
			}
			srv := testserver.New(t, reply)
			res := run{env: envFor(srv)}.exec(t, override(kept, "-y", "-o", "json")...)
			// The empty reply finds nothing to show, which is an error
			// after validation.
			notFound := c.Name() == "show" && res.code == 1 && strings.Contains(res.err, `"Code":"ResourceNotFound"`)
			if res.code != 0 && !notFound {
				t.Errorf("example %q: exit %d: %s", line, res.code, res.err)
			}
		}
	}
}

// Every operation of the vpn group, in both styles, is reached by a vpn
// command (the repo-wide coverage test checks all groups together).
func TestVpnCommandsCoverGroup(t *testing.T) {
	reached := map[string]bool{}
	for _, c := range vpnLeafCommands(t) {
		for _, k := range []string{"v3", "legacy"} {
			if a := c.Annotations[k]; a != "" {
				reached[k+" "+a] = true
			}
		}
	}
	var missing []string
	for _, op := range model.InGroup("vpn") {
		if key := op.Style.String() + " " + op.Action; !reached[key] {
			missing = append(missing, key)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("vpn operations without a command: %v", missing)
	}
}

func vpnLeafCommands(t *testing.T) []*cobra.Command {
	t.Helper()
	io, _, _ := iostreams.Test("", false)
	a := &app{f: &Factory{IO: io, Getenv: func(string) string { return "" }}}
	root := a.newRoot(nil)
	var out []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if !c.HasSubCommands() {
			out = append(out, c)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	for _, c := range root.Commands() {
		if c.Name() == "vpn" {
			walk(c)
		}
	}
	if len(out) == 0 {
		t.Fatal("no vpn commands")
	}
	return out
}

// vpnShellWords splits an example line the way a POSIX shell would for
// the quoting the examples use: '…', "…" and "$PSK".
func vpnShellWords(line string) []string {
	var words []string
	var cur strings.Builder
	in, quote := false, rune(0)
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		words = append(words, cur.String())
	}
	for i, w := range words {
		words[i] = strings.ReplaceAll(w, "$PSK", vpnTestPSK)
	}
	return words
}

// --wait follows a new API 3.0 gateway or tunnel from PENDING to AVAILABLE
// and then prints it.
func TestVpnCreateWaitsForState(t *testing.T) {
	srv := testserver.New(t,
		testserver.V3OK(`"VpnGateway":{"State":"PENDING","Type":"IPSEC","VpcId":"vpc-ngenl4az","VpnGatewayId":"vpngw-rn2yn85v","VpnGatewayName":"gw1"}`),
		testserver.V3OK(`"TotalCount":1,"VpnGatewaySet":[{"State":"PENDING","VpnGatewayId":"vpngw-rn2yn85v"}]`),
		testserver.V3OK(`"TotalCount":1,"VpnGatewaySet":[{"InstanceChargeType":"POSTPAID_BY_HOUR","PublicIpAddress":"58.211.2.5","State":"AVAILABLE",`+
			`"Type":"IPSEC","VpcId":"vpc-ngenl4az","VpnGatewayId":"vpngw-rn2yn85v","VpnGatewayName":"gw1"}]`),
	)
	run{env: envFor(srv)}.exec(t, "vpn", "gw", "create", "--vpc-id", "vpc-ngenl4az", "--name", "gw1", "--bandwidth", "5", "--wait").expect(t, 0,
		"ID               NAME   VPC            TYPE    STATE       CHARGE TYPE\nvpngw-rn2yn85v   gw1    vpc-ngenl4az   IPSEC   AVAILABLE   POSTPAID_BY_HOUR\n",
		"Creating VPN gateway vpngw-rn2yn85v: PENDING (0s)\nCreating VPN gateway vpngw-rn2yn85v: AVAILABLE (0s)\n")
	for _, c := range srv.Calls()[1:] {
		if c.Action != "DescribeVpnGateways" || !reflect.DeepEqual(c.Params, map[string]string{"VpnGatewayIds.0": "vpngw-rn2yn85v"}) {
			t.Fatalf("poll sent %s %v", c.Action, c.Params)
		}
	}

	conn := `"State":"%s","VpnConnectionId":"vpnx-qa9sxy71","VpnConnectionName":"c1","PreShareKey":"` + vpnTestPSK + `"`
	srv = testserver.New(t,
		testserver.V3OK(`"VpnConnection":{`+strings.Replace(conn, "%s", "PENDING", 1)+`}`),
		testserver.V3OK(`"TotalCount":1,"VpnConnectionSet":[{`+strings.Replace(conn, "%s", "AVAILABLE", 1)+`}]`),
	)
	run{env: envFor(srv)}.exec(t, "vpn", "conn", "create", "--vpc-id", "vpc-gapcv96p", "--vpn-gateway-id", "vpngw-1w9tue3d", "--customer-gateway-id", "cgw-qa9sxy71",
		"--name", "c1", "--pre-shared-key", vpnTestPSK, "--spd", `[{"LocalCidrBlock":"10.8.4.0/24","RemoteCidrBlock":["58.211.1.0/24"]}]`, "--wait", "-o", "text").expect(t, 0,
		"vpnx-qa9sxy71\tc1\t\t\t\tAVAILABLE\n",
		"Creating VPN connection vpnx-qa9sxy71: AVAILABLE (0s)\n")
}
