package cmd

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// --dry-run checks everything, prints the request and sends nothing; no
// credentials are needed and no secret is printed.
func TestDryRun(t *testing.T) {
	srv := testserver.New(t)
	env := map[string]string{"TENCENTCLOUD_REGION": "ap-guangzhou", "TCVPC_ENDPOINT": srv.URL}
	r := run{env: env}
	r.exec(t, "vpn", "conn", "create", "--vpc-id", "vpc-amhnao5x", "--vpn-gateway-id", "vpngw-dystbrkv", "--customer-gateway-id", "cgw-e098slul",
		"--name", "t", "--pre-shared-key", "psk-secret", "--spd", "10.0.0.0/16=192.168.0.0/16", "--dry-run").expect(t, 0, `{
  "DryRun": true,
  "Style": "v3",
  "Endpoint": "`+srv.URL+`/",
  "Action": "CreateVpnConnection",
  "Version": "2017-03-12",
  "Region": "ap-guangzhou",
  "SignatureMethod": "TC3-HMAC-SHA256",
  "Params": {
    "CustomerGatewayId": "cgw-e098slul",
    "PreShareKey": "[redacted]",
    "SecurityPolicyDatabases": [
      {
        "LocalCidrBlock": "10.0.0.0/16",
        "RemoteCidrBlock": [
          "192.168.0.0/16"
        ]
      }
    ],
    "VpcId": "vpc-amhnao5x",
    "VpnConnectionName": "t",
    "VpnGatewayId": "vpngw-dystbrkv"
  }
}
`, "")
	// A confirmation is not asked: nothing will happen.
	r.exec(t, "vpc", "delete", "vpc-2ari9m7h", "--legacy", "--dry-run", "--signature-method", "HmacSHA1").expect(t, 0, `{
  "DryRun": true,
  "Style": "legacy",
  "Endpoint": "`+srv.URL+`/v2/index.php",
  "Action": "DeleteVpc",
  "Region": "gz",
  "SignatureMethod": "HmacSHA1",
  "Params": {
    "vpcId": "vpc-2ari9m7h"
  }
}
`, "")
	// Bad input is still refused.
	r.exec(t, "vpc", "create", "--name", "a", "--dry-run").expect(t, 2, "", "Error: tcvpc vpc create needs --cidr-block\n")
	res := r.exec(t, "api", "DescribeVpcs", "--Limit", "5", "--dry-run")
	var d struct {
		Action string
		Params map[string]any
	}
	if res.code != 0 || json.Unmarshal([]byte(res.stdout), &d) != nil || d.Action != "DescribeVpcs" || d.Params["Limit"] != "5" {
		t.Fatalf("api --dry-run: %+v", res)
	}
	// A bulk verb prints each item's request, in order.
	res = r.exec(t, "eip", "release", "eip-aaaaaaa1", "eip-aaaaaaa2", "--dry-run")
	if res.code != 0 || res.err != "" || strings.Count(res.stdout, `"Action": "ReleaseAddresses"`) != 2 ||
		strings.Index(res.stdout, "eip-aaaaaaa1") > strings.Index(res.stdout, "eip-aaaaaaa2") {
		t.Fatalf("bulk --dry-run: %+v", res)
	}
	// Every show command, in each style it has.
	for _, c := range showCommands(t) {
		args := append(strings.Fields(strings.TrimPrefix(c.CommandPath(), "tcvpc ")), unknownIDs[c.CommandPath()]...)
		for _, style := range []string{"v3", "legacy"} {
			action := c.Annotations[style]
			if action == "" {
				continue
			}
			line := append(args[:len(args):len(args)], "--dry-run")
			if style == "legacy" {
				line = append(append(line, "--legacy"), legacyNeeds[c.CommandPath()]...)
			}
			res := r.exec(t, line...)
			var d struct{ Action, Style string }
			if res.code != 0 || json.Unmarshal([]byte(res.stdout), &d) != nil || !strings.Contains(" "+action+" ", " "+d.Action+" ") || d.Style != style {
				t.Errorf("tcvpc %s: %+v", strings.Join(line, " "), res)
			}
		}
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent", n)
	}
}
