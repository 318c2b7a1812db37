package cmd

import (
	"reflect"
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// One set of tunnel flags sends each style's own names and spellings.
func TestVpnTunnelFlagsWire(t *testing.T) {
	ids := []string{"--vpc-id", "vpc-gapcv96p", "--vpn-gateway-id", "vpngw-1w9tue3d", "--customer-gateway-id", "cgw-qa9sxy71", "--name", "t", "--pre-shared-key", "k"}
	create := append([]string{"vpn", "conn", "create"}, ids...)
	v3IDs := map[string]string{"VpcId": "vpc-gapcv96p", "VpnGatewayId": "vpngw-1w9tue3d", "CustomerGatewayId": "cgw-qa9sxy71", "VpnConnectionName": "t", "PreShareKey": "k"}
	legacyIDs := map[string]string{"vpcId": "vpc-gapcv96p", "vpnGwId": "vpngw-1w9tue3d", "userGwId": "cgw-qa9sxy71", "vpnConnName": "t", "preSharedKey": "k"}
	join := func(base, params map[string]string) map[string]string { return rtbWith(params, base) }
	v3Reply := testserver.V3OK(`"VpnConnection":{"VpnConnectionId":"vpnx-5p7vkch8","State":"PENDING"}`)
	runWireCases(t, []wireCase{
		// The example of issue "one grammar": the same words, both styles.
		{"create", with(create, "--local-cidr", "10.0.0.0/16", "--remote-cidr", "172.16.0.0/16", "--ike-version", "IKEV2", "--ipsec-pfs", "DH-GROUP2"),
			v3Reply, "CreateVpnConnection", join(v3IDs, map[string]string{
				"SecurityPolicyDatabases.0.LocalCidrBlock": "10.0.0.0/16", "SecurityPolicyDatabases.0.RemoteCidrBlock.0": "172.16.0.0/16",
				"IKEOptionsSpecification.IKEVersion": "IKEV2", "IPSECOptionsSpecification.PfsDhGroup": "DH-GROUP2"})},
		{"create legacy", with(create, "--local-cidr", "10.0.0.0/16", "--remote-cidr", "172.16.0.0/16", "--ipsec-pfs", "DH-GROUP2", "--legacy"),
			vpnLegacy(vpnLegacyTask), "AddVpnConnEx", join(legacyIDs, map[string]string{
				"spdAcl": `{"10.0.0.0/16":["172.16.0.0/16"]}`, "IPsecSet.pfsDhGroup": "dh-group2"})},
		// Every IKE and IPsec flag; values in any case.
		{"create all options", with(create, "--spd", "10.0.0.0/16=172.16.0.0/16,172.17.0.0/16", "--spd", "10.1.0.0/16=172.18.0.0/16",
			"--ike-version", "ikev1", "--ike-exchange-mode", "AGGRESSIVE", "--ike-encryption", "AES-CBC-256", "--ike-integrity", "SHA1",
			"--ike-dh-group", "GROUP14", "--ike-lifetime", "3600", "--ike-local-identity", "FQDN", "--ike-local-fqdn", "gw.example.com",
			"--ike-remote-identity", "ADDRESS", "--ike-remote-address", "1.2.3.4",
			"--ipsec-encryption", "NULL", "--ipsec-integrity", "sha1", "--ipsec-pfs", "dh-group14", "--ipsec-lifetime", "7200", "--ipsec-lifetime-traffic", "2560"),
			v3Reply, "CreateVpnConnection", join(v3IDs, map[string]string{
				"SecurityPolicyDatabases.0.LocalCidrBlock": "10.0.0.0/16", "SecurityPolicyDatabases.0.RemoteCidrBlock.0": "172.16.0.0/16",
				"SecurityPolicyDatabases.0.RemoteCidrBlock.1": "172.17.0.0/16",
				"SecurityPolicyDatabases.1.LocalCidrBlock":    "10.1.0.0/16", "SecurityPolicyDatabases.1.RemoteCidrBlock.0": "172.18.0.0/16",
				"IKEOptionsSpecification.IKEVersion": "IKEV1", "IKEOptionsSpecification.ExchangeMode": "AGGRESSIVE",
				"IKEOptionsSpecification.PropoEncryAlgorithm": "AES-CBC-256", "IKEOptionsSpecification.PropoAuthenAlgorithm": "SHA1",
				"IKEOptionsSpecification.DhGroupName": "GROUP14", "IKEOptionsSpecification.IKESaLifetimeSeconds": "3600",
				"IKEOptionsSpecification.LocalIdentity": "FQDN", "IKEOptionsSpecification.LocalFqdnName": "gw.example.com",
				"IKEOptionsSpecification.RemoteIdentity": "ADDRESS", "IKEOptionsSpecification.RemoteAddress": "1.2.3.4",
				"IPSECOptionsSpecification.EncryptAlgorithm": "NULL", "IPSECOptionsSpecification.IntegrityAlgorithm": "SHA1",
				"IPSECOptionsSpecification.PfsDhGroup": "DH-GROUP14", "IPSECOptionsSpecification.IPSECSaLifetimeSeconds": "7200",
				"IPSECOptionsSpecification.IPSECSaLifetimeTraffic": "2560"})},
		{"create all options legacy", with(create, "--legacy", "--spd", "10.0.0.0/16=172.16.0.0/16,172.17.0.0/16", "--local-cidr", "10.1.0.0/16", "--remote-cidr", "172.18.0.0/16",
			"--ike-exchange-mode", "AGGRESSIVE", "--ike-encryption", "AES-CBC-256", "--ike-integrity", "SHA1",
			"--ike-dh-group", "GROUP14", "--ike-lifetime", "3600", "--ike-local-identity", "FQDN", "--ike-local-fqdn", "gw.example.com",
			"--ike-remote-identity", "ADDRESS", "--ike-remote-address", "1.2.3.4",
			"--ipsec-encryption", "NULL", "--ipsec-integrity", "SHA1", "--ipsec-pfs", "DH-GROUP14", "--ipsec-lifetime", "7200", "--ipsec-lifetime-traffic", "2560"),
			vpnLegacy(vpnLegacyTask), "AddVpnConnEx", join(legacyIDs, map[string]string{
				"spdAcl":              `{"10.0.0.0/16":["172.16.0.0/16","172.17.0.0/16"],"10.1.0.0/16":["172.18.0.0/16"]}`,
				"IKESet.exchangeMode": "aggressive", "IKESet.propoEncryAlgorithm": "aes-cbc-256", "IKESet.propoAuthenAlgorithm": "sha",
				"IKESet.dhGroupName": "group14", "IKESet.ikeSaLifetimeSeconds": "3600", "IKESet.localIdentity": "fqdn",
				"IKESet.localFqdnName": "gw.example.com", "IKESet.remoteIdentity": "address", "IKESet.remoteAddress": "1.2.3.4",
				"IPsecSet.encryptAlgorithm": "null", "IPsecSet.integrityAlgorithm": "sha", "IPsecSet.pfsDhGroup": "dh-group14",
				"IPsecSet.ipsecSaLifetimeSeconds": "7200", "IPsecSet.ipsecSaLifetimeTraffic": "2560"})},
		// Remote CIDRs alone: the whole VPC, a legacy form.
		{"create legacy remote only", with(create, "--legacy", "--remote-cidr", "172.16.0.0/16,172.17.0.0/16"),
			vpnLegacy(vpnLegacyTask), "AddVpnConnEx", join(legacyIDs, map[string]string{"userGwCidrBlock.0": "172.16.0.0/16", "userGwCidrBlock.1": "172.17.0.0/16"})},
		// The JSON list stays an escape hatch, and means the same in both styles.
		{"create spd json legacy", with(create, "--legacy", "--spd", `[{"LocalCidrBlock":"10.8.4.0/24","RemoteCidrBlock":["58.211.1.0/24"]}]`),
			vpnLegacy(vpnLegacyTask), "AddVpnConnEx", join(legacyIDs, map[string]string{"spdAcl": `{"10.8.4.0/24":["58.211.1.0/24"]}`})},
		// A local CIDR repeated is one entry.
		{"modify", []string{"vpn", "conn", "modify", "vpnx-5p7vkch8", "--spd", "172.16.0.0/16=10.10.0.0/16", "--spd", "172.16.0.0/16=10.20.0.0/16", "--ipsec-lifetime", "3600", "--ike-integrity", "MD5"},
			testserver.V3OK(""), "ModifyVpnConnectionAttribute", map[string]string{"VpnConnectionId": "vpnx-5p7vkch8",
				"SecurityPolicyDatabases.0.LocalCidrBlock": "172.16.0.0/16", "SecurityPolicyDatabases.0.RemoteCidrBlock.0": "10.10.0.0/16",
				"SecurityPolicyDatabases.0.RemoteCidrBlock.1": "10.20.0.0/16", "IPSECOptionsSpecification.IPSECSaLifetimeSeconds": "3600",
				"IKEOptionsSpecification.PropoAuthenAlgorithm": "MD5"}},
		{"modify legacy", []string{"vpn", "conn", "modify", "vpnx-ol6bcqp0", "--legacy", "--vpc-id", "vpc-03vihbk9", "--vpn-gateway-id", "vpngw-kfldykuz",
			"--local-cidr", "10.100.2.0/24,10.100.3.0/24", "--remote-cidr", "10.0.0.0/8", "--ike-integrity", "MD5"},
			vpnLegacy(`{"code":0,"message":"","data":{"taskId":12614}}`), "ModifyVpnConnEx", map[string]string{"vpcId": "vpc-03vihbk9", "vpnGwId": "vpngw-kfldykuz",
				"vpnConnId": "vpnx-ol6bcqp0", "spdAcl.0": `{"10.100.2.0/24":["10.0.0.0/8"]}`, "spdAcl.1": `{"10.100.3.0/24":["10.0.0.0/8"]}`, "IKESet.propoAuthenAlgorithm": "md5"}},
	})
}

// wireCase is one command and the request it must send.
type wireCase struct {
	name   string
	args   []string
	reply  testserver.Reply
	action string
	params map[string]string
}

// runWireCases runs each case (with -o json) and compares the first
// request's Action, signature and parameters exactly.
func runWireCases(t *testing.T, cases []wireCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := testserver.New(t, tc.reply)
			res := run{env: envFor(srv)}.exec(t, append(tc.args, "-o", "json")...)
			if res.code != 0 || res.err != "" {
				t.Fatalf("exit %d, stderr %q", res.code, res.err)
			}
			c := srv.Calls()[0]
			if c.Action != tc.action || !c.SignatureOK || !reflect.DeepEqual(c.Params, tc.params) {
				t.Fatalf("sent %s %v\nwant %s %v", c.Action, c.Params, tc.action, tc.params)
			}
		})
	}
}
