package cmd

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// After --wait the output still carries what the create returned, in both
// styles, merged with the final state.
func TestWaitKeepsWhatTheCreateReturned(t *testing.T) {
	_, _, env := newSpoiler(t, "", 0)
	r := run{env: env}
	text := func(args ...string) string { return r.text(t, args...) }
	vpc := text("vpc", "create", "--name", "v", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId")
	gw := text("vpn", "gw", "create", "--vpc-id", vpc, "--name", "gw", "--bandwidth", "5", "--wait", "-q", "--query", "VpnGateway.VpnGatewayId")
	if !strings.HasPrefix(gw, "vpngw-") {
		t.Fatalf("vpn gw create --wait lost the ID: %q", gw)
	}
	cgw := text("api", "CreateCustomerGateway", "--CustomerGatewayName", "idc", "--IpAddress", "203.0.113.9", "--query", "CustomerGateway.CustomerGatewayId")

	res := r.exec(t, "vpn", "conn", "create", "--legacy", "--vpc-id", vpc, "--vpn-gateway-id", gw, "--customer-gateway-id", cgw,
		"--name", "t1", "--pre-shared-key", "k", "--remote-cidr", "192.168.0.0/16", "--wait", "-q", "-o", "json")
	var reply struct {
		Data struct {
			UnVpnConnID string          `json:"unVpnConnId"`
			TaskID      json.Number     `json:"taskId"`
			Status      json.RawMessage `json:"status"`
		} `json:"data"`
	}
	if res.code != 0 || json.Unmarshal([]byte(res.stdout), &reply) != nil ||
		!strings.HasPrefix(reply.Data.UnVpnConnID, "vpnx-") || reply.Data.TaskID == "" || string(reply.Data.Status) != "0" {
		t.Fatalf("legacy create --wait -o json: %+v", res)
	}
	res = r.exec(t, "vpn", "conn", "create", "--vpc-id", vpc, "--vpn-gateway-id", gw, "--customer-gateway-id", cgw,
		"--name", "t2", "--pre-shared-key", "k", "--spd", `[{"LocalCidrBlock":"10.0.0.0/16","RemoteCidrBlock":["172.16.0.0/16"]}]`,
		"--wait", "-q", "-o", "text", "--query", "[VpnConnection.VpnConnectionId, VpnConnection.State]")
	if f := strings.Fields(res.stdout); res.code != 0 || len(f) != 2 || !strings.HasPrefix(f[0], "vpnx-") || f[1] != "AVAILABLE" {
		t.Fatalf("create --wait: %+v", res)
	}
}

// task show and task wait say how the task ended, in words.
func TestTaskStateInWords(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":0}}`},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":1,"errorMsg":"tunnel busy"}}`},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":2}}`},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":0}}`},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":0}}`},
	)
	r := run{env: envFor(srv)}
	r.exec(t, "task", "show", "12615").expect(t, 0, "succeeded\n", "")
	r.exec(t, "task", "show", "12615", "-o", "text").expect(t, 0, "failed: tunnel busy\n", "")
	r.exec(t, "task", "show", "12615").expect(t, 0, "running\n", "")
	r.exec(t, "task", "wait", "12615", "-q").expect(t, 0, "succeeded\n", "")
	r.exec(t, "task", "show", "12615", "-o", "json").expect(t, 0, "{\n  \"code\": 0,\n  \"data\": {\n    \"status\": 0\n  },\n  \"message\": \"\"\n}\n", "")
}
