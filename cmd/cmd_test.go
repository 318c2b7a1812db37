package cmd

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/internal/testserver"
	"github.com/tcvpc/tcvpc/pkg/iostreams"
)

// run executes tcvpc with args against env, stdin and a terminal or not.
type run struct {
	env   map[string]string
	stdin string
	tty   bool
	home  string
}

type result struct {
	code        int
	stdout, err string
}

func (r run) exec(t *testing.T, args ...string) result {
	t.Helper()
	io, out, errOut := iostreams.Test(r.stdin, r.tty)
	home := r.home
	if home == "" {
		home = t.TempDir()
	}
	f := &Factory{
		IO:      io,
		Getenv:  func(k string) string { return r.env[k] },
		Home:    home,
		Now:     time.Now,
		Sleep:   func(context.Context, time.Duration) error { return nil },
		Version: "1.2.3",
	}
	code := Main(context.Background(), f, args)
	return result{code, out.String(), errOut.String()}
}

func envFor(srv *testserver.Server) map[string]string {
	return map[string]string{
		"TENCENTCLOUD_SECRET_ID":  testserver.SecretID,
		"TENCENTCLOUD_SECRET_KEY": testserver.SecretKey,
		"TENCENTCLOUD_REGION":     "ap-guangzhou",
		"TCVPC_ENDPOINT":          srv.URL,
	}
}

func (r result) expect(t *testing.T, code int, stdout, stderr string) {
	t.Helper()
	if r.code != code || r.stdout != stdout || r.err != stderr {
		t.Fatalf("got exit %d\nstdout: %q\nstderr: %q\nwant exit %d\nstdout: %q\nstderr: %q", r.code, r.stdout, r.err, code, stdout, stderr)
	}
}

const legacyDeleteReply = `{"code":0,"message":"","data":{"vpnGwId":"vpngw-kfldykuz","vpcConnId":"vpnx-ol6bcqp0","taskId":12615,"state":4}}`

func TestSeedCommandsWire(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		reply  testserver.Reply
		action string
		params map[string]string
		stdout string
	}{
		{"reset v3", []string{"vpn", "conn", "reset", "vpnx-f29e6u0z", "--vpn-gateway-id", "vpngw-kjllnkew", "-y"},
			testserver.V3OK(""), "ResetVpnConnection",
			map[string]string{"VpnGatewayId": "vpngw-kjllnkew", "VpnConnectionId": "vpnx-f29e6u0z"}, ""},
		{"delete v3", []string{"vpn", "conn", "delete", "vpnx-p0j11j28", "--vpn-gateway-id", "vpngw-7lcl5331", "-y", "-o", "json"},
			testserver.V3OK(""), "DeleteVpnConnection",
			map[string]string{"VpnGatewayId": "vpngw-7lcl5331", "VpnConnectionId": "vpnx-p0j11j28"},
			"{\n  \"RequestId\": \"74883e1b-5901-46de-ae1e-d6e2cf591c5b\"\n}\n"},
		{"reset legacy", []string{"vpn", "conn", "reset", "vpnx-ol6bcqp0", "--vpn-gateway-id", "vpngw-kfldykuz", "--vpc-id", "vpc-03vihbk9", "--legacy", "--yes"},
			testserver.Reply{Body: `{"code":0,"message":""}`}, "ResetVpnConnSA",
			map[string]string{"vpcId": "vpc-03vihbk9", "vpnGwId": "vpngw-kfldykuz", "vpnConnId": "vpnx-ol6bcqp0"}, ""},
		{"delete legacy", []string{"vpn", "conn", "rm", "vpnx-ol6bcqp0", "--vpn-gateway-id", "vpngw-kfldykuz", "--vpc-id", "vpc-03vihbk9", "--legacy", "--yes", "-o", "text"},
			testserver.Reply{Body: legacyDeleteReply}, "DeleteVpnConn",
			map[string]string{"vpcId": "vpc-03vihbk9", "vpnGwId": "vpngw-kfldykuz", "vpnConnId": "vpnx-ol6bcqp0"}, "12615\n"},
	}
	for _, tc := range cases {
		for _, method := range []string{"TC3-HMAC-SHA256", "HmacSHA256", "HmacSHA1"} {
			t.Run(tc.name+"/"+method, func(t *testing.T) {
				srv := testserver.New(t, tc.reply)
				r := run{env: envFor(srv)}
				r.exec(t, append(tc.args, "--signature-method", method)...).expect(t, 0, tc.stdout, "")
				c := srv.Calls()[0]
				if c.Action != tc.action || !c.SignatureOK || !reflect.DeepEqual(c.Params, tc.params) {
					t.Fatalf("sent %s %v (signature ok %v)", c.Action, c.Params, c.SignatureOK)
				}
			})
		}
	}
}

func TestLegacyDeleteWait(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: legacyDeleteReply},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":2}}`},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":2}}`},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":0}}`},
	)
	r := run{env: envFor(srv)}
	r.exec(t, "vpn", "conn", "delete", "vpnx-ol6bcqp0", "--vpn-gateway-id", "vpngw-kfldykuz", "--vpc-id", "vpc-03vihbk9", "--legacy", "-y", "--wait").
		expect(t, 0, "", "Deleting VPN connection vpnx-ol6bcqp0 (task 12615): running (0s)\nDeleting VPN connection vpnx-ol6bcqp0 (task 12615): succeeded (0s)\n")
	calls := srv.Calls()
	for _, c := range calls[1:] {
		if c.Action != "DescribeVpcTaskResult" || c.Params["taskId"] != "12615" || c.Region != "gz" {
			t.Fatalf("poll sent %s %v region %s", c.Action, c.Params, c.Region)
		}
	}
}

func TestLegacyDeleteWaitFailure(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: legacyDeleteReply},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":1,"errorMsg":"tunnel busy"}}`},
	)
	r := run{env: envFor(srv)}
	r.exec(t, "vpn", "conn", "delete", "vpnx-ol6bcqp0", "--vpn-gateway-id", "vpngw-kfldykuz", "--vpc-id", "vpc-03vihbk9", "--legacy", "-y", "--wait", "-q").
		expect(t, 5, "", "Error: task 12615 failed: tunnel busy\n")
}

func TestUsageErrorsSendNothing(t *testing.T) {
	srv := testserver.New(t)
	r := run{env: envFor(srv)}
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{"vpn", "conn", "reset", "vpnx-f29e6u0z", "-y"}, "tcvpc vpn conn reset needs --vpn-gateway-id"},
		{[]string{"vpn", "conn", "reset", "-y"}, "tcvpc vpn conn reset needs VPN_CONNECTION_ID"},
		{[]string{"vpn", "conn", "reset", "vpnx-F29E6U0Z", "--vpn-gateway-id", "vpngw-kjllnkew", "-y"}, `invalid value "vpnx-F29E6U0Z" for VPN_CONNECTION_ID: expected an ID like vpnx-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"vpn", "conn", "reset", "vpnx-f29e6u0z", "--vpn-gateway-id", "vpc-kjllnkew", "-y"}, `invalid value "vpc-kjllnkew" for --vpn-gateway-id: expected an ID like vpngw-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"vpn", "conn", "reset", "vpnx-f29e6u0z", "--vpn-gateway-id", "vpngw-kjllnkew", "--vpc-id", "vpc-03vihbk9", "-y"}, "--vpc-id is not used by API 3.0"},
		{[]string{"vpn", "conn", "reset", "vpnx-f29e6u0z", "--vpn-gateway-id", "vpngw-kjllnkew", "--legacy", "-y"}, "tcvpc vpn conn reset needs --vpc-id"},
		{[]string{"vpn", "conn", "reset", "vpnx-f29e6u0z", "--vpn-gateway-id", "vpngw-kjllnkew", "-y", "-o", "xml"}, `invalid value "xml" for -o/--output: expected one of table, json, jsonl, yaml, text`},
		{[]string{"vpn", "conn", "reset", "vpnx-f29e6u0z", "--vpn-gateway-id", "vpngw-kjllnkew", "-y", "--signature-method", "md5"}, `invalid value "md5" for --signature-method: expected TC3-HMAC-SHA256, HmacSHA256 or HmacSHA1`},
		{[]string{"vpn", "conn", "reset", "vpnx-f29e6u0z", "--vpn-gateway-id", "vpngw-kjllnkew", "-y", "--endpoint", "localhost:80"}, `invalid value "localhost:80" for --endpoint: expected scheme://host[:port] (http or https), e.g. http://127.0.0.1:8080`},
		{[]string{"vpn", "conn", "reset", "vpnx-f29e6u0z", "--vpn-gateway-id", "vpngw-kjllnkew", "--bogus"}, "unknown flag: --bogus"},
		{[]string{"vpn", "conn", "reset", "vpnx-f29e6u0z", "--vpn-gateway-id", "vpngw-kjllnkew"}, "refusing to reset VPN connection vpnx-f29e6u0z without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"vpn", "conn", "frobnicate"}, `unknown command "frobnicate" for "tcvpc vpn conn"; see 'tcvpc vpn conn --help'`},
		// Value rules of the model, named by the flag typed.
		// Control characters in names and descriptions:
		{[]string{"vpc", "create", "--name", "a\tb", "--cidr-block", "10.0.0.0/16"}, `invalid value "a\tb" for --name: expected text without control characters (tabs, line breaks, escapes)`},
		{[]string{"subnet", "create", "--vpc-id", "vpc-12345678", "--name", "we\nb", "--cidr-block", "10.0.1.0/24", "--zone", "ap-guangzhou-3"},
			`invalid value "we\nb" for --name: expected text without control characters (tabs, line breaks, escapes)`},
		{[]string{"eni", "create", "--vpc-id", "vpc-12345678", "--subnet-id", "subnet-12345678", "--name", "e", "--description", "x\x1b[31m"},
			`invalid value "x\x1b[31m" for --description: expected text without control characters (tabs, line breaks, escapes)`},
		{[]string{"sg", "create", "--name", "s\u0085", "--description", "d"}, `invalid value "s\u0085" for --name: expected text without control characters (tabs, line breaks, escapes)`},
		// IPv6 where the page says IPv4:
		{[]string{"vpc", "create", "--name", "prod", "--cidr-block", "10.0.0.0/16", "--dns-servers", "::1"}, `invalid value "::1" for --dns-servers: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"subnet", "create", "--vpc-id", "vpc-12345678", "--name", "web", "--cidr-block", "fd00::/64", "--zone", "ap-guangzhou-3"},
			`invalid value "fd00::/64" for --cidr-block: expected an IPv4 CIDR block such as 10.0.0.0/16`},
		{[]string{"vpn", "cgw", "create", "--name", "c", "--ip-address", "2001:db8::1"}, `invalid value "2001:db8::1" for --ip-address: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"vip", "associate", "1", "--vpc-id", "vpc-2ari9m7h", "--lan-ip", "::ffff:10.0.0.2"}, `invalid value "::ffff:10.0.0.2" for --lan-ip: expected an IPv4 address such as 10.0.0.5`},
		// Counts over the documented maximum (DNS servers: 4):
		{[]string{"vpc", "create", "--name", "prod", "--cidr-block", "10.0.0.0/16", "--dns-servers", "1.1.1.1,2.2.2.2,3.3.3.3,4.4.4.4,5.5.5.5"},
			"invalid value for --dns-servers: 5 values, expected at most 4 values"},
		{[]string{"vpc", "modify", "vpc-12345678", "--dns-servers", "1.1.1.1", "--dns-servers", "2.2.2.2,3.3.3.3,4.4.4.4,5.5.5.5"},
			"invalid value for --dns-servers: 5 values, expected at most 4 values"},
		// Names outside the documented length (60 bytes, 20 and 100 characters):
		{[]string{"vpc", "create", "--name", strings.Repeat("a", 61), "--cidr-block", "10.0.0.0/16"},
			`invalid value "` + strings.Repeat("a", 61) + `" for --name: expected at most 60 bytes of UTF-8`},
		{[]string{"vpc", "create", "--name", strings.Repeat("网", 21), "--cidr-block", "10.0.0.0/16"},
			`invalid value "` + strings.Repeat("网", 21) + `" for --name: expected at most 60 bytes of UTF-8`},
		{[]string{"eip", "modify", "eip-12345678", "--name", strings.Repeat("n", 21)}, `invalid value "` + strings.Repeat("n", 21) + `" for --name: expected at most 20 characters`},
		{[]string{"sg", "create", "--name", "s", "--description", strings.Repeat("d", 101)}, `invalid value "` + strings.Repeat("d", 101) + `" for --description: expected at most 100 characters`},
		// Integers that overflow, or break the documented range:
		{[]string{"vpn", "conn", "create", "--vpc-id", "vpc-gapcv96p", "--vpn-gateway-id", "vpngw-1w9tue3d", "--customer-gateway-id", "cgw-qa9sxy71", "--name", "t",
			"--pre-shared-key", "k", "--local-cidr", "10.0.0.0/16", "--remote-cidr", "172.16.0.0/16", "--ike-lifetime", "99999999999999999999"},
			`invalid value "99999999999999999999" for --ike-lifetime: expected an integer from 60 to 604800`},
		{[]string{"eip", "allocate", "--count", "99999999999999999999"}, `invalid value "99999999999999999999" for --count: expected a whole number, 1 or more`},
		{[]string{"eip", "allocate", "--count", "x"}, `invalid value "x" for --count: expected a whole number`},
		{[]string{"vpc", "list", "--limit", "99999999999999999999"}, `invalid value "99999999999999999999" for --limit: expected a whole number from -9223372036854775808 to 9223372036854775807`},
		{[]string{"vpn", "gw", "create", "--vpc-id", "vpc-ngenl4az", "--name", "x", "--bandwidth", "7"}, `invalid value "7" for --bandwidth: expected one of 5, 10, 20, 50, 100`},
		// The same rules in tcvpc api, named by the --Param typed:
		{[]string{"api", "CreateVpc", "--VpcName", "a\nb", "--CidrBlock", "10.0.0.0/16"}, `invalid value "a\nb" for --VpcName: expected text without control characters (tabs, line breaks, escapes)`},
		{[]string{"api", "CreateVpc", "--VpcName", "v", "--CidrBlock", "10.0.0.0/16", "--DnsServers", `["::1"]`}, `invalid value "::1" for --DnsServers.0: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"api", "CreateVpc", "--VpcName", "v", "--CidrBlock", "10.0.0.0/16", "--DnsServers", `["1.1.1.1","1.1.1.2","1.1.1.3","1.1.1.4","1.1.1.5"]`},
			"invalid value for --DnsServers: 5 values, expected at most 4 values"},
		{[]string{"api", "AllocateAddresses", "--AddressCount", "99999999999999999999"}, `invalid value "99999999999999999999" for --AddressCount: expected a whole number, 1 or more`},
		{[]string{"api", "CreateVpc", "--VpcName", strings.Repeat("v", 61), "--CidrBlock", "10.0.0.0/16"}, `invalid value "` + strings.Repeat("v", 61) + `" for --VpcName: expected at most 60 bytes of UTF-8`},
	}
	for _, tc := range cases {
		res := r.exec(t, tc.args...)
		res.expect(t, 2, "", "Error: "+tc.msg+"\n")
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent for invalid input", n)
	}
}

func TestConfirmOnTerminal(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(""))
	args := []string{"vpn", "conn", "reset", "vpnx-f29e6u0z", "--vpn-gateway-id", "vpngw-kjllnkew"}
	r := run{env: envFor(srv), tty: true, stdin: "n\n"}
	r.exec(t, args...).expect(t, ExitCancelled, "", "Reset VPN connection vpnx-f29e6u0z? [y/N] Cancelled: nothing was changed.\n")
	r.stdin = "y\n"
	r.exec(t, args...).expect(t, 0, "Reset VPN connection vpnx-f29e6u0z\n", "Reset VPN connection vpnx-f29e6u0z? [y/N] ")
}

func TestAPIAndCredentialErrors(t *testing.T) {
	srv := testserver.New(t,
		testserver.V3Err("ResourceNotFound", "The resource does not exist."),
		testserver.V3Err("AuthFailure.SecretIdNotFound", "SecretId not found."),
		testserver.Reply{Body: `{"code":4100,"message":"鉴权失败","codeDesc":"AuthFailure"}`},
	)
	args := []string{"vpn", "conn", "delete", "vpnx-p0j11j28", "--vpn-gateway-id", "vpngw-7lcl5331", "-y"}
	r := run{env: envFor(srv)}
	r.exec(t, args...).expect(t, 1, "", "Error: [ResourceNotFound] The resource does not exist. (RequestId: ed93f3cb-f35e-473f-b9f3-0d451b8b79c6)\n")
	r.exec(t, args...).expect(t, 3, "", "Error: [AuthFailure.SecretIdNotFound] SecretId not found. (RequestId: ed93f3cb-f35e-473f-b9f3-0d451b8b79c6)\n")
	r.exec(t, append(args, "--legacy", "--vpc-id", "vpc-03vihbk9")...).expect(t, 3, "", "Error: [4100 AuthFailure] 鉴权失败\n")

	r.env = map[string]string{"TENCENTCLOUD_REGION": "ap-guangzhou", "TCVPC_ENDPOINT": srv.URL}
	res := r.exec(t, args...)
	if res.code != 3 || !strings.Contains(res.err, "no credentials") {
		t.Fatalf("no credentials: %+v", res)
	}
}

func TestNetworkErrorExit4(t *testing.T) {
	r := run{env: map[string]string{
		"TENCENTCLOUD_SECRET_ID": "AKIDx", "TENCENTCLOUD_SECRET_KEY": "k", "TENCENTCLOUD_REGION": "ap-guangzhou",
		"TCVPC_ENDPOINT": "http://127.0.0.1:1",
	}}
	res := r.exec(t, "vpn", "conn", "reset", "vpnx-f29e6u0z", "--vpn-gateway-id", "vpngw-kjllnkew", "-y", "--max-retries", "0")
	if res.code != 4 || !strings.HasPrefix(res.err, "Error: network error after 1 attempt(s)") {
		t.Fatalf("%+v", res)
	}
}

func TestVersionAndHelpTopics(t *testing.T) {
	run{}.exec(t, "version").expect(t, 0, "tcvpc 1.2.3\n", "")
	run{}.exec(t, "--version").expect(t, 0, "tcvpc 1.2.3\n", "")
	res := run{}.exec(t, "help", "exit-codes")
	if res.code != 0 || !strings.Contains(res.stdout, "130  interrupted") {
		t.Fatalf("%+v", res)
	}
}

func TestVersionWithCommitAndDate(t *testing.T) {
	io, out, _ := iostreams.Test("", false)
	f := &Factory{IO: io, Getenv: func(string) string { return "" }, Home: t.TempDir(), Now: time.Now,
		Version: "1.2.3", Commit: "0123abc", Date: "2026-12-01T10:00:00Z"}
	if code := Main(context.Background(), f, []string{"version"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if want := "tcvpc 1.2.3\ncommit 0123abc, built 2026-12-01T10:00:00Z\n"; out.String() != want {
		t.Fatalf("got %q, want %q", out.String(), want)
	}
}

// with returns base followed by more, leaving base alone.
func with(base []string, more ...string) []string {
	return append(append([]string{}, base...), more...)
}
