package cmd

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tcvpc/tcvpc/internal/testserver"
	"github.com/tcvpc/tcvpc/pkg/api/model"
)

// tcvpc api sends any operation with its documented names, typed and
// signed, nested arrays flattened for query styles and typed in JSON.
func TestAPIWire(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		reply  testserver.Reply
		action string
		style  string
		params map[string]string
		body   string // TC3 JSON body, when sent as JSON
	}{
		{"v3 JSON filters", []string{"api", "DescribeVpcs", "--Filters", `[{"Name":"vpc-name","Values":["a","b"]}]`, "--Limit", "20"},
			testserver.V3OK(`"TotalCount":0,"VpcSet":[]`), "DescribeVpcs", "v3",
			map[string]string{"Filters.0.Name": "vpc-name", "Filters.0.Values.0": "a", "Filters.0.Values.1": "b", "Limit": "20"},
			`{"Filters":[{"Name":"vpc-name","Values":["a","b"]}],"Limit":"20"}`},
		{"v3 flattened filters", []string{"api", "DescribeVpcs", "--Filters.0.Name", "vpc-name", "--Filters.0.Values.0=a"},
			testserver.V3OK(`"TotalCount":0,"VpcSet":[]`), "DescribeVpcs", "v3",
			map[string]string{"Filters.0.Name": "vpc-name", "Filters.0.Values.0": "a"},
			`{"Filters":[{"Name":"vpc-name","Values":["a"]}]}`},
		{"v3 seed reset", []string{"api", "ResetVpnConnection", "--VpnGatewayId", "vpngw-kjllnkew", "--VpnConnectionId", "vpnx-f29e6u0z"},
			testserver.V3OK(""), "ResetVpnConnection", "v3",
			map[string]string{"VpnGatewayId": "vpngw-kjllnkew", "VpnConnectionId": "vpnx-f29e6u0z"},
			`{"VpnConnectionId":"vpnx-f29e6u0z","VpnGatewayId":"vpngw-kjllnkew"}`},
		{"legacy only action", []string{"api", "DeleteVpnConn", "--vpcId", "vpc-03vihbk9", "--vpnGwId", "vpngw-kfldykuz", "--vpnConnId", "vpnx-ol6bcqp0"},
			testserver.Reply{Body: legacyDeleteReply}, "DeleteVpnConn", "legacy",
			map[string]string{"vpcId": "vpc-03vihbk9", "vpnGwId": "vpngw-kfldykuz", "vpnConnId": "vpnx-ol6bcqp0"}, ""},
		{"legacy nested subnetSet", []string{"api", "CreateSubnet", "--legacy", "--vpcId", "vpc-2ari9m7h", "--subnetSet.0.subnetName", "a", "--subnetSet.0.cidrBlock", "10.0.1.0/24", "--subnetSet.0.zoneId", "100003", "--subnetSet.1.subnetName", "b", "--subnetSet.1.cidrBlock", "10.0.2.0/24", "--subnetSet.1.zoneId", "100003"},
			testserver.Reply{Body: `{"code":0,"message":""}`}, "CreateSubnet", "legacy",
			map[string]string{"vpcId": "vpc-2ari9m7h", "subnetSet.0.subnetName": "a", "subnetSet.0.cidrBlock": "10.0.1.0/24", "subnetSet.0.zoneId": "100003",
				"subnetSet.1.subnetName": "b", "subnetSet.1.cidrBlock": "10.0.2.0/24", "subnetSet.1.zoneId": "100003"}, ""},
		{"legacy task result", []string{"api", "DescribeVpcTaskResult", "--taskId", "12615"},
			testserver.Reply{Body: `{"code":0,"message":"","data":{"status":0}}`}, "DescribeVpcTaskResult", "legacy",
			map[string]string{"taskId": "12615"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := testserver.New(t, tc.reply)
			res := run{env: envFor(srv)}.exec(t, tc.args...)
			if res.code != 0 || res.err != "" {
				t.Fatalf("%+v", res)
			}
			c := srv.Calls()[0]
			if c.Action != tc.action || c.Style != tc.style || !c.SignatureOK || !reflect.DeepEqual(c.Params, tc.params) {
				t.Fatalf("sent %s %s %v signature ok %v", c.Style, c.Action, c.Params, c.SignatureOK)
			}
			if c.Body != tc.body {
				t.Fatalf("body %s, want %s", c.Body, tc.body)
			}
			if !strings.HasPrefix(res.stdout, "{\n") {
				t.Fatalf("api output should default to JSON: %q", res.stdout)
			}
		})
	}
}

func TestAPITypedJSONBody(t *testing.T) {
	// Integers and booleans documented as such travel typed in JSON.
	srv := testserver.New(t, testserver.V3OK(""))
	run{env: envFor(srv)}.exec(t, "api", "DescribeAddresses", "--Offset", "0", "--Limit", "5").expect(t, 0,
		"{\n  \"RequestId\": \"74883e1b-5901-46de-ae1e-d6e2cf591c5b\"\n}\n", "")
	if b := srv.Calls()[0].Body; b != `{"Limit":5,"Offset":0}` {
		t.Fatalf("body %s", b)
	}
}

func TestAPIUsageErrors(t *testing.T) {
	srv := testserver.New(t)
	r := run{env: envFor(srv)}
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"api", "DescribeVpc"}, `unknown Action "DescribeVpc" (did you mean DescribeVpcs?); see 'tcvpc api list'`},
		{[]string{"api", "DescribeVpcs", "--VpcIdz", "x"}, "DescribeVpcs: unknown parameter VpcIdz (did you mean --VpcIds?); valid: Filters, Limit, Offset, VpcIds"},
		{[]string{"api", "ResetVpnConnection", "--VpnGatewayId", "vpngw-kjllnkew"}, "--VpnConnectionId is required"},
		{[]string{"api", "DescribeAddresses", "--Limit", "many"}, `invalid value "many" for --Limit: expected an integer from 0 to 100`},
		{[]string{"api", "DescribeVpcs", "--Filters.1.Name", "x"}, "parameter Filters.n: indexes must run 0..0 without gaps (got Filters.1)"},
		{[]string{"api", "DeleteVpnConn", "--legacy", "--vpnGwID", "x"}, "DeleteVpnConn: unknown parameter vpnGwID (did you mean --vpnGwId?); valid: vpcId, vpnConnId, vpnGwId"},
	} {
		res := r.exec(t, tc.args...)
		res.expect(t, 2, "", "Error: "+tc.msg+"\n")
	}
}

func TestAPIInputAndSkeleton(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.yaml")
	os.WriteFile(in, []byte("VpnGatewayId: vpngw-kjllnkew\nVpnConnectionId: vpnx-f29e6u0z\n"), 0o600)
	srv := testserver.New(t, testserver.V3OK(""))
	run{env: envFor(srv)}.exec(t, "api", "ResetVpnConnection", "--cli-input-json", in, "--VpnConnectionId", "vpnx-00000000").expect(t, 0,
		"{\n  \"RequestId\": \"74883e1b-5901-46de-ae1e-d6e2cf591c5b\"\n}\n", "")
	if p := srv.Calls()[0].Params; p["VpnConnectionId"] != "vpnx-00000000" || p["VpnGatewayId"] != "vpngw-kjllnkew" {
		t.Fatalf("flags must override the input file: %v", p)
	}
	run{}.exec(t, "api", "ResetVpnConnection", "--generate-skeleton").expect(t, 0,
		"{\n  \"VpnConnectionId\": \"\",\n  \"VpnGatewayId\": \"\"\n}\n", "")
}

func TestAPIListAndDescribe(t *testing.T) {
	res := run{}.exec(t, "api", "list", "--v3", "-o", "text")
	if lines := strings.Count(res.stdout, "\n"); res.code != 0 || lines != 87 {
		t.Fatalf("v3 operations listed: %d (%+v)", lines, res.err)
	}
	res = run{}.exec(t, "api", "list", "--legacy", "-o", "text")
	if lines := strings.Count(res.stdout, "\n"); lines != 139 {
		t.Fatalf("legacy operations listed: %d", lines)
	}
	res = run{}.exec(t, "api", "describe", "DeleteVpnConn")
	for _, want := range []string{"DeleteVpnConn (legacy, group vpn, vpc-task)", "vpnGwId", "data.taskId", "InvalidVpnConn.NotFound"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("describe lacks %q:\n%s", want, res.stdout)
		}
	}
}

func TestAPICompletion(t *testing.T) {
	res := run{}.exec(t, "__complete", "api", "DescribeVpcT")
	if res.code != 0 || !strings.HasPrefix(res.stdout, "DescribeVpcTaskResult\tShow the result of a task\n") {
		t.Fatalf("Action completion: %+v", res)
	}
	res = run{}.exec(t, "__complete", "api", "DeleteVpnConn", "--vpn")
	if !strings.Contains(res.stdout, "--vpnGwId\t") || !strings.Contains(res.stdout, "--vpnConnId\t") {
		t.Fatalf("parameter completion: %q", res.stdout)
	}
	res = run{}.exec(t, "__complete", "api", "CreateVpnConnection", "--IKEOptionsSpecification")
	if !strings.Contains(res.stdout, "--IKEOptionsSpecification\t") {
		t.Fatalf("parameter completion: %q", res.stdout)
	}
}

// api describe wraps long descriptions under their column: every word of
// the model's text is printed, no line is cut.
func TestAPIDescribeWrapsLongTexts(t *testing.T) {
	op, _ := model.Find("DescribeVpcLimit", model.Legacy)
	p, _ := op.Param("type")
	res := run{}.exec(t, "api", "describe", "DescribeVpcLimit", "--legacy")
	if res.code != 0 || strings.Contains(res.stdout, "…") {
		t.Fatalf("exit %d, output cut:\n%s", res.code, res.stdout)
	}
	var words []string
	for _, line := range strings.Split(res.stdout, "\n") {
		if utf8.RuneCountInString(line) > describeWidth && strings.Contains(strings.TrimSpace(line), " ") {
			t.Errorf("line longer than %d: %q", describeWidth, line)
		}
		if strings.HasPrefix(line, "  type.N ") || (len(words) > 0 && strings.HasPrefix(line, strings.Repeat(" ", 60))) {
			words = append(words, strings.Fields(line)...)
		} else if len(words) > 0 {
			break
		}
	}
	if got := strings.Join(words, " "); !strings.Contains(got, p.Description) {
		t.Fatalf("type.N reads %q, want it to hold %q", got, p.Description)
	}
}
