package cmd

import (
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// Object and list flags take KEY=VALUE,… shorthand besides JSON, one
// entry per repetition, with the same wire result.
func TestShorthandWire(t *testing.T) {
	dcg := func(params ...string) map[string]string {
		m := map[string]string{"vpcId": dcgTestVpc, "directConnectGatewayId": dcgTestID}
		for i := 0; i < len(params); i += 2 {
			m[params[i]] = params[i+1]
		}
		return m
	}
	legacyOK := testserver.Reply{Body: `{"code":0,"message":""}`}
	runWireCases(t, []wireCase{
		{"dcg nat rules", []string{"dcg", "nat-rule", "local-ip", "create", dcgTestID, "--vpc-id", dcgTestVpc,
			"--rules", "originalIP=10.100.10.2,translationIP=183.0.0.1,description=web", "--rules", "original-ip=10.100.10.3,translation-ip=183.0.0.2"},
			testserver.Reply{Body: dcgRuleTask}, "CreateLocalIPTranslationNatRule", dcg(
				"localIPTranslation.0.originalIP", "10.100.10.2", "localIPTranslation.0.translationIP", "183.0.0.1", "localIPTranslation.0.description", "web",
				"localIPTranslation.1.originalIP", "10.100.10.3", "localIPTranslation.1.translationIP", "183.0.0.2")},
		// A JSON list and shorthand entries add up.
		{"dcg nat rules mixed", []string{"dcg", "nat-rule", "local-ip", "create", dcgTestID, "--vpc-id", dcgTestVpc,
			"--rules", `[{"originalIP":"10.100.10.2","translationIP":"183.0.0.1"}]`, "--rules", "ORIGINALIP=10.100.10.3,TRANSLATIONIP=183.0.0.2"},
			testserver.Reply{Body: dcgRuleTask}, "CreateLocalIPTranslationNatRule", dcg(
				"localIPTranslation.0.originalIP", "10.100.10.2", "localIPTranslation.0.translationIP", "183.0.0.1",
				"localIPTranslation.1.originalIP", "10.100.10.3", "localIPTranslation.1.translationIP", "183.0.0.2")},
		// A comma not followed by KEY= stays in the value.
		{"acl rules", []string{"acl", "rule", "set", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l", "--direction", "1", "-y",
			"--rules-json", "desc=web,db,ipProtocol=tcp,cidrIp=10.0.0.0/8,portRange=80-443,action=1", "--rules-json", "desc=,ipProtocol=all,cidrIp=0.0.0.0/0,portRange=ALL,action=0"},
			legacyOK, "ModifyNetworkAclEntry", map[string]string{"vpcId": "vpc-erxok83l", "networkAclId": "acl-e9dbyl8s", "ruleDirection": "1",
				"networkAclEntrySet.0.desc": "web,db", "networkAclEntrySet.0.ipProtocol": "tcp", "networkAclEntrySet.0.cidrIp": "10.0.0.0/8",
				"networkAclEntrySet.0.portRange": "80-443", "networkAclEntrySet.0.action": "1",
				"networkAclEntrySet.1.desc": "", "networkAclEntrySet.1.ipProtocol": "all", "networkAclEntrySet.1.cidrIp": "0.0.0.0/0", "networkAclEntrySet.1.portRange": "ALL", "networkAclEntrySet.1.action": "0"}},
		{"route add", []string{"rtb", "route", "add", "rtb-n0yejvje", "--routes", "DestinationCidrBlock=192.168.0.0/16,GatewayType=NORMAL_CVM,GatewayId=172.16.16.37"},
			testserver.V3OK(""), "CreateRoutes", map[string]string{"RouteTableId": "rtb-n0yejvje",
				"Routes.0.DestinationCidrBlock": "192.168.0.0/16", "Routes.0.GatewayType": "NORMAL_CVM", "Routes.0.GatewayId": "172.16.16.37"}},
		{"vpn conn config", []string{"vpn", "conn", "config", "vpnx-5p7vkch8", "--vpn-gateway-id", "vpngw-p4lmqawn", "--interface-name", "eth0",
			"--vendor-name", "h3c", "--platform", "comware", "--software", "V1.0"},
			testserver.V3OK(`"CustomerGatewayConfiguration":"# config"`), "DownloadCustomerGatewayConfiguration", map[string]string{
				"VpnGatewayId": "vpngw-p4lmqawn", "VpnConnectionId": "vpnx-5p7vkch8", "InterfaceName": "eth0",
				"CustomerGatewayVendor.VendorName": "h3c", "CustomerGatewayVendor.Platform": "comware", "CustomerGatewayVendor.SoftwareVersion": "V1.0"}},
		{"vpn conn config vendor shorthand", []string{"vpn", "conn", "config", "vpnx-5p7vkch8", "--vpn-gateway-id", "vpngw-p4lmqawn", "--interface-name", "eth0",
			"--vendor", "VendorName=h3c,Platform=comware,SoftwareVersion=V1.0"},
			testserver.V3OK(`"CustomerGatewayConfiguration":"# config"`), "DownloadCustomerGatewayConfiguration", map[string]string{
				"VpnGatewayId": "vpngw-p4lmqawn", "VpnConnectionId": "vpnx-5p7vkch8", "InterfaceName": "eth0",
				"CustomerGatewayVendor.VendorName": "h3c", "CustomerGatewayVendor.Platform": "comware", "CustomerGatewayVendor.SoftwareVersion": "V1.0"}},
	})
}

func TestShorthandUsageErrors(t *testing.T) {
	srv := testserver.New(t)
	r := run{env: envFor(srv)}
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{"dcg", "nat-rule", "local-ip", "create", dcgTestID, "--vpc-id", dcgTestVpc, "--rules", "source=10.0.0.1"},
			`invalid value "source=10.0.0.1" for --rules: unknown key "source"; expected KEY=VALUE,… with keys originalIP, translationIP, description (or JSON, @FILE)`},
		{[]string{"dcg", "nat-rule", "local-ip", "create", dcgTestID, "--vpc-id", dcgTestVpc, "--rules", "10.0.0.1"},
			`invalid value "10.0.0.1" for --rules: expected KEY=VALUE,… with keys originalIP, translationIP, description (or JSON, @FILE)`},
		{[]string{"dcg", "nat-rule", "local-ip", "create", dcgTestID, "--vpc-id", dcgTestVpc, "--rules", "originalIP=10.0.0.1,originalip=10.0.0.2"},
			`invalid value "originalIP=10.0.0.1,originalip=10.0.0.2" for --rules: originalIP given twice`},
		{[]string{"vpn", "conn", "config", "vpnx-5p7vkch8", "--vpn-gateway-id", "vpngw-p4lmqawn", "--interface-name", "eth0", "--vendor-name", "h3c"},
			"--vendor-name needs --platform"},
		{[]string{"vpn", "conn", "config", "vpnx-5p7vkch8", "--vpn-gateway-id", "vpngw-p4lmqawn", "--interface-name", "eth0"},
			"tcvpc vpn conn config needs --platform"},
	}
	for _, tc := range cases {
		r.exec(t, tc.args...).expect(t, 2, "", "Error: "+tc.msg+"\n")
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent for invalid input", n)
	}
}
