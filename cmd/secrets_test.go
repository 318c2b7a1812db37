package cmd

import (
	"strings"
	"testing"
)

// vpnGateways starts an emulator holding a VPC, a VPN gateway and a
// customer gateway.
func vpnGateways(t *testing.T) (r run, vpc, gw, cgw string) {
	_, _, env := newSpoiler(t, "", 0)
	r = run{env: env}
	vpc = r.text(t, "vpc", "create", "--name", "v", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId")
	gw = r.text(t, "api", "CreateVpnGateway", "--VpcId", vpc, "--VpnGatewayName", "gw", "--InternetMaxBandwidthOut", "5", "--query", "VpnGateway.VpnGatewayId")
	cgw = r.text(t, "api", "CreateCustomerGateway", "--CustomerGatewayName", "idc", "--IpAddress", "203.0.113.9", "--query", "CustomerGateway.CustomerGatewayId")
	return r, vpc, gw, cgw
}

// A pre-shared key given to create, modify or read back is hidden in
// every format and style, and in --debug; --show-secrets reveals it in
// output only.
func TestPreSharedKeyHiddenEverywhere(t *testing.T) {
	const psk = "psk-Very-Secret-42"
	r, vpc, gw, cgw := vpnGateways(t)
	text := func(args ...string) string { return r.text(t, args...) }
	create := []string{"vpn", "conn", "create", "--vpc-id", vpc, "--vpn-gateway-id", gw, "--customer-gateway-id", cgw,
		"--name", "t1", "--pre-shared-key", psk, "--spd", `[{"LocalCidrBlock":"10.0.0.0/16","RemoteCidrBlock":["192.168.0.0/16"]}]`}
	var conn string
	for _, format := range []string{"json", "yaml", "table", "text"} {
		res := r.exec(t, append(create, "-o", format, "--debug")...)
		if res.code != 0 {
			t.Fatalf("create -o %s: %+v", format, res)
		}
		if strings.Contains(res.stdout+res.err, psk) {
			t.Fatalf("create -o %s shows the key:\n%s\n%s", format, res.stdout, res.err)
		}
		if format == "json" && !strings.Contains(res.stdout, `"PreShareKey": "[hidden: --show-secrets shows it]"`) {
			t.Fatalf("create -o json: the key is not marked hidden:\n%s", res.stdout)
		}
		if conn == "" {
			conn = text("vpn", "conn", "list", "--query", "VpnConnectionSet[0].VpnConnectionId")
		}
	}
	// Four tunnels were created, each with the key.
	reads := []struct {
		args []string
		keys int
	}{
		{[]string{"vpn", "conn", "list"}, 4},
		{[]string{"vpn", "conn", "list", "--legacy"}, 4},
		{[]string{"vpn", "conn", "show", conn}, 1},
		{[]string{"vpn", "conn", "show", conn, "--legacy"}, 1},
		{[]string{"api", "DescribeVpnConnections"}, 4},
		{[]string{"api", "DescribeVpnConn", "--legacy"}, 4},
	}
	for _, rd := range reads {
		args := rd.args
		for _, format := range []string{"json", "yaml", "table", "text"} {
			res := r.exec(t, append(args, "-o", format, "--debug")...)
			if res.code != 0 || strings.Contains(res.stdout+res.err, psk) {
				t.Fatalf("%v -o %s: exit %d, shows the key or fails:\n%s\n%s", args, format, res.code, res.stdout, res.err)
			}
		}
		res := r.exec(t, append(args, "-o", "json", "--show-secrets", "--debug")...)
		if res.code != 0 || strings.Count(res.stdout, psk) != rd.keys || strings.Contains(res.err, psk) {
			t.Fatalf("%v --show-secrets --debug: want %d keys on stdout and none in the debug output:\n%s\n%s", args, rd.keys, res.stdout, res.err)
		}
	}
}

// The device configuration embeds the pre-shared key: vpn conn config
// hides the whole text in both styles unless --show-secrets is given, and
// --debug never shows it.
func TestDeviceConfigurationHidesKey(t *testing.T) {
	const psk = "psk-Config-Secret-7"
	r, vpc, gw, cgw := vpnGateways(t)
	text := func(args ...string) string { return r.text(t, args...) }
	text("vpn", "conn", "create", "--vpc-id", vpc, "--vpn-gateway-id", gw, "--customer-gateway-id", cgw,
		"--name", "t1", "--pre-shared-key", psk, "--local-cidr", "10.0.0.0/16", "--remote-cidr", "192.168.0.0/16")
	conn := text("vpn", "conn", "list", "--query", "VpnConnectionSet[0].VpnConnectionId")
	for _, style := range [][]string{
		{"--vpn-gateway-id", gw},
		{"--legacy"},
	} {
		args := append([]string{"vpn", "conn", "config", conn, "--vendor-name", "h3c", "--platform", "comware", "--software", "V1.0", "--interface-name", "eth0"}, style...)
		for _, format := range []string{"json", "yaml", "table", "text"} {
			res := r.exec(t, append(args, "-o", format, "--debug")...)
			if res.code != 0 || strings.Contains(res.stdout+res.err, psk) || !strings.Contains(res.stdout, hidden) {
				t.Fatalf("%v -o %s: exit %d, want the configuration hidden:\n%s\n%s", args, format, res.code, res.stdout, res.err)
			}
		}
		res := r.exec(t, append(args, "-o", "json", "--show-secrets", "--debug")...)
		if res.code != 0 || strings.Count(res.stdout, psk) != 1 || strings.Contains(res.err, psk) {
			t.Fatalf("%v --show-secrets --debug: want the key once on stdout, never in the debug output:\n%s\n%s", args, res.stdout, res.err)
		}
	}
}
