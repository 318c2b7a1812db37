package cmd

import (
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// With -o json|yaml an error is one object on stderr: the API 3.0 error
// shape plus the exit code; nothing on stdout.
func TestErrorObjects(t *testing.T) {
	reset := []string{"vpn", "conn", "reset", "vpnx-f29e6u0z", "--vpn-gateway-id", "vpngw-kjllnkew", "-y"}
	cases := []struct {
		name   string
		reply  []testserver.Reply
		env    map[string]string
		args   []string
		format string
		want   string
	}{
		{"usage json", nil, nil, append(reset[:3:3], "-y", "-o", "json"), "json",
			`{"Error":{"Code":"UsageError","Message":"tcvpc vpn conn reset needs VPN_CONNECTION_ID"},"RequestId":"","ExitCode":2}` + "\n"},
		{"unknown flag yaml", nil, nil, append(reset[:3:3], "--bogus", "-o", "yaml"), "yaml",
			"Error:\n    Code: UsageError\n    Message: 'unknown flag: --bogus'\nRequestId: \"\"\nExitCode: 2\n"},
		{"api error json", []testserver.Reply{testserver.V3Err("ResourceNotFound", "The resource does not exist.")}, nil, append(reset, "-o", "json"), "json",
			`{"Error":{"Code":"ResourceNotFound","Message":"The resource does not exist."},"RequestId":"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6","ExitCode":1}` + "\n"},
		{"legacy auth yaml from the environment", []testserver.Reply{{Body: `{"code":4100,"message":"bad signature","codeDesc":"AuthFailure"}`}},
			map[string]string{"TCVPC_OUTPUT": "yaml"}, append(reset, "--legacy", "--vpc-id", "vpc-03vihbk9"), "yaml",
			"Error:\n    Code: \"4100\"\n    CodeDesc: AuthFailure\n    Message: bad signature\nRequestId: \"\"\nExitCode: 3\n"},
		{"unknown outcome json", []testserver.Reply{{Status: 502, Body: "Bad Gateway"}}, nil, append(reset, "-o", "json"), "json",
			`{"Error":{"Code":"UnknownOutcome","Message":"ResetVpnConnection: HTTP 502 Bad Gateway: Bad Gateway; the request may have been carried out; check with: tcvpc vpn conn show vpnx-f29e6u0z"},"RequestId":"","ExitCode":4}` + "\n"},
		{"api with -o json", nil, nil, []string{"api", "ResetVpnConnection", "--VpnGatewayId", "vpngw-kjllnkew", "-o", "json"}, "json",
			`{"Error":{"Code":"UsageError","Message":"--VpnConnectionId is required"},"RequestId":"","ExitCode":2}` + "\n"},
		// tcvpc api prints JSON by default, but errors stay lines unless asked.
		{"api by default", nil, nil, []string{"api", "ResetVpnConnection", "--VpnGatewayId", "vpngw-kjllnkew"}, "",
			"Error: --VpnConnectionId is required\n"},
		{"table", nil, nil, append(reset[:3:3], "-y"), "", "Error: tcvpc vpn conn reset needs VPN_CONNECTION_ID\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := testserver.New(t, tc.reply...)
			env := envFor(srv)
			for k, v := range tc.env {
				env[k] = v
			}
			res := run{env: env}.exec(t, tc.args...)
			if res.stdout != "" || res.err != tc.want {
				t.Fatalf("stdout %q\nstderr %q\nwant   %q", res.stdout, res.err, tc.want)
			}
			if tc.format != "" {
				if o := decodeErrorObject(t, tc.format, res.err); o.ExitCode != res.code {
					t.Fatalf("ExitCode %d, exit %d", o.ExitCode, res.code)
				}
			}
		})
	}
}
