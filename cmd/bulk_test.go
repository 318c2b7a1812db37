package cmd

import (
	"sort"
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

func subnetDeleted(id string) testserver.Reply {
	r := testserver.V3OK("")
	r.Match = map[string]string{"SubnetId": id}
	return r
}

func subnetMissing(id string) testserver.Reply {
	return testserver.Reply{Match: map[string]string{"SubnetId": id},
		Body: `{"Response":{"Error":{"Code":"ResourceNotFound","Message":"The subnet ` + id + ` does not exist."},"RequestId":"74883e1b-5901-46de-ae1e-d6e2cf591c5b"}}`}
}

// sentIDs is the SubnetId of every DeleteSubnet call, sorted.
func sentIDs(t *testing.T, srv *testserver.Server) []string {
	t.Helper()
	var ids []string
	for _, c := range srv.Calls() {
		if c.Action != "DeleteSubnet" || len(c.Params) != 1 {
			t.Fatalf("unexpected call %s %v", c.Action, c.Params)
		}
		ids = append(ids, c.Params["SubnetId"])
	}
	sort.Strings(ids)
	return ids
}

func TestBulkDeletePartialFailure(t *testing.T) {
	srv := testserver.New(t, subnetDeleted("subnet-aaaaaaa1"), subnetMissing("subnet-aaaaaaa2"), subnetDeleted("subnet-aaaaaaa3"))
	r := run{env: envFor(srv)}
	r.exec(t, "subnet", "delete", "subnet-aaaaaaa1", "subnet-aaaaaaa2", "subnet-aaaaaaa3", "-y").expect(t, 1,
		"subnet-aaaaaaa1\tdeleted\n"+
			"subnet-aaaaaaa2\tResourceNotFound: The subnet subnet-aaaaaaa2 does not exist.\n"+
			"subnet-aaaaaaa3\tdeleted\n",
		"Error: 1 of 3 failed; each item's result is on stdout\n")
	if got := strings.Join(sentIDs(t, srv), " "); got != "subnet-aaaaaaa1 subnet-aaaaaaa2 subnet-aaaaaaa3" {
		t.Fatalf("sent %s", got)
	}
}

func TestBulkDeleteFromStdinJSON(t *testing.T) {
	srv := testserver.New(t, subnetDeleted("subnet-aaaaaaa1"), subnetDeleted("subnet-aaaaaaa2"), subnetMissing("subnet-aaaaaaa3"))
	r := run{env: envFor(srv), stdin: "subnet-aaaaaaa1\n  subnet-aaaaaaa2\tsubnet-aaaaaaa3\n\n"}
	res := r.exec(t, "subnet", "rm", "-", "-y", "-o", "json")
	want := `[
  {
    "Id": "subnet-aaaaaaa1",
    "Result": "deleted",
    "Error": null
  },
  {
    "Id": "subnet-aaaaaaa2",
    "Result": "deleted",
    "Error": null
  },
  {
    "Id": "subnet-aaaaaaa3",
    "Result": "failed",
    "Error": {
      "Code": "ResourceNotFound",
      "Message": "The subnet subnet-aaaaaaa3 does not exist.",
      "RequestId": "74883e1b-5901-46de-ae1e-d6e2cf591c5b"
    }
  }
]
`
	if res.code != 1 || res.stdout != want {
		t.Fatalf("exit %d\n%s", res.code, res.stdout)
	}
	if wantErr := `{"Error":{"Code":"BatchFailed","Message":"1 of 3 failed; each item's result is on stdout"},"RequestId":"","ExitCode":1}` + "\n"; res.err != wantErr {
		t.Fatalf("stderr %q, want %q", res.err, wantErr)
	}
	if len(sentIDs(t, srv)) != 3 {
		t.Fatal("not every ID was sent")
	}
	// One ID from stdin is a batch too: the same shape for scripts.
	srv = testserver.New(t, subnetDeleted("subnet-aaaaaaa1"))
	run{env: envFor(srv), stdin: "subnet-aaaaaaa1\n"}.exec(t, "subnet", "delete", "-", "-y", "-o", "jsonl").
		expect(t, 0, `{"Id":"subnet-aaaaaaa1","Result":"deleted","Error":null}`+"\n", "")
}

func TestBulkOneConfirmation(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: `{"Response":{"RequestId":"r"}}`, Match: map[string]string{"AddressIds.0": "eip-aaaaaaa1"}},
		testserver.Reply{Body: `{"Response":{"RequestId":"r"}}`, Match: map[string]string{"AddressIds.0": "eip-aaaaaaa2"}},
		testserver.Reply{Body: `{"Response":{"RequestId":"r"}}`, Match: map[string]string{"AddressIds.0": "eip-aaaaaaa3"}},
		testserver.Reply{Body: `{"Response":{"RequestId":"r"}}`, Match: map[string]string{"AddressIds.0": "eip-aaaaaaa4"}},
	)
	r := run{env: envFor(srv), tty: true, stdin: "y\n"}
	r.exec(t, "eip", "release", "eip-aaaaaaa1", "eip-aaaaaaa2", "eip-aaaaaaa3", "eip-aaaaaaa4").expect(t, 0,
		"eip-aaaaaaa1\treleased\neip-aaaaaaa2\treleased\neip-aaaaaaa3\treleased\neip-aaaaaaa4\treleased\n",
		"Release 4 EIPs (eip-aaaaaaa1, eip-aaaaaaa2, eip-aaaaaaa3, …)? [y/N] ")
	if n := len(srv.Calls()); n != 4 {
		t.Fatalf("%d calls", n)
	}
	// Declined: nothing is sent.
	srv = testserver.New(t)
	run{env: envFor(srv), tty: true, stdin: "n\n"}.exec(t, "eip", "release", "eip-aaaaaaa1", "eip-aaaaaaa2").expect(t, ExitCancelled, "",
		"Release 2 EIPs (eip-aaaaaaa1, eip-aaaaaaa2)? [y/N] Cancelled: nothing was changed.\n")
}

func TestBulkUsageErrorsSendNothing(t *testing.T) {
	srv := testserver.New(t)
	for _, tc := range []struct {
		stdin string
		args  []string
		msg   string
	}{
		{"", []string{"subnet", "delete", "subnet-aaaaaaa1", "bad-id", "-y"}, `invalid value "bad-id" for SUBNET_ID: expected an ID like subnet-xxxxxxxx (8 lowercase letters or digits)`},
		{"", []string{"subnet", "delete", "subnet-aaaaaaa1", "subnet-aaaaaaa1", "-y"}, "SUBNET_ID subnet-aaaaaaa1 is given twice"},
		{"subnet-aaaaaaa1", []string{"subnet", "delete", "-", "-", "-y"}, "- (read SUBNET_IDs from stdin) may be given once"},
		{" \n", []string{"subnet", "delete", "-", "-y"}, "no SUBNET_ID on stdin: give one or more, whitespace- or line-separated"},
		{"subnet-aaaaaaa1 subnet-aaaaaaa2", []string{"subnet", "delete", "-"}, "refusing to delete 2 subnets (subnet-aaaaaaa1, subnet-aaaaaaa2) without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{"", []string{"vpc", "create", "a", "b"}, `tcvpc vpc create takes no arguments, got "a"`},
		{"", []string{"subnet", "show", "subnet-aaaaaaa1", "subnet-aaaaaaa2"}, "tcvpc subnet show takes one SUBNET_ID, got 2 arguments"},
	} {
		res := run{env: envFor(srv), stdin: tc.stdin}.exec(t, tc.args...)
		if res.code != 2 || res.stdout != "" || res.err != "Error: "+tc.msg+"\n" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q\nwant %q", tc.args, res.code, res.stdout, res.err, tc.msg)
		}
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent for invalid input", n)
	}
}

// --wait follows every item of the batch until it is gone.
func TestBulkDeleteWaitsForAll(t *testing.T) {
	match := func(k, v, body string) testserver.Reply {
		return testserver.Reply{Match: map[string]string{k: v}, Body: `{"Response":{` + body + `"RequestId":"r"}}`}
	}
	srv := testserver.New(t,
		match("VpnGatewayId", "vpngw-aaaaaaa1", ""),
		match("VpnGatewayId", "vpngw-aaaaaaa2", ""),
		match("VpnGatewayIds.0", "vpngw-aaaaaaa1", `"TotalCount":1,"VpnGatewaySet":[{"VpnGatewayId":"vpngw-aaaaaaa1","State":"DELETING"}],`),
		match("VpnGatewayIds.0", "vpngw-aaaaaaa1", `"TotalCount":0,"VpnGatewaySet":[],`),
		match("VpnGatewayIds.0", "vpngw-aaaaaaa2", `"TotalCount":1,"VpnGatewaySet":[{"VpnGatewayId":"vpngw-aaaaaaa2","State":"FAILED"}],`),
	)
	res := run{env: envFor(srv)}.exec(t, "vpn", "gw", "delete", "vpngw-aaaaaaa1", "vpngw-aaaaaaa2", "-y", "--wait")
	lines := strings.Split(res.stdout, "\n")
	if res.code != 1 || len(lines) != 3 || lines[0] != "vpngw-aaaaaaa1\tdeleted" || !strings.HasPrefix(lines[1], "vpngw-aaaaaaa2\tTaskFailed: ") {
		t.Fatalf("exit %d\nstdout %q\nstderr %q", res.code, res.stdout, res.err)
	}
	describes := 0
	for _, c := range srv.Calls() {
		if c.Action == "DescribeVpnGateways" {
			describes++
		}
	}
	if describes != 3 {
		t.Fatalf("%d polls, want 3 (two for the first gateway, one for the second)", describes)
	}
}

// -o jsonl is a data format like json: the reply on one line rather than
// a human line on a terminal, and an error is one JSON object on stderr.
func TestJSONLinesIsData(t *testing.T) {
	srv := testserver.New(t, subnetDeleted("subnet-aaaaaaa1"), subnetMissing("subnet-aaaaaaa2"))
	r := run{env: envFor(srv), tty: true}
	r.exec(t, "subnet", "delete", "subnet-aaaaaaa1", "-y", "-o", "jsonl").expect(t, 0, `{"RequestId":"74883e1b-5901-46de-ae1e-d6e2cf591c5b"}`+"\n", "")
	r.exec(t, "subnet", "delete", "subnet-aaaaaaa2", "-y", "-o", "jsonl").expect(t, 1, "",
		`{"Error":{"Code":"ResourceNotFound","Message":"The subnet subnet-aaaaaaa2 does not exist."},"RequestId":"74883e1b-5901-46de-ae1e-d6e2cf591c5b","ExitCode":1}`+"\n")
}

// --query applies to the batch's result array, in the order given.
func TestBulkDeleteQuery(t *testing.T) {
	srv := testserver.New(t, subnetDeleted("subnet-aaaaaaa1"), subnetMissing("subnet-aaaaaaa2"), subnetDeleted("subnet-aaaaaaa3"))
	r := run{env: envFor(srv)}
	r.exec(t, "subnet", "delete", "subnet-aaaaaaa1", "subnet-aaaaaaa2", "subnet-aaaaaaa3", "-y",
		"-o", "text", "--query", "[?Result=='failed'].[Id, Error.Code]").expect(t, 1,
		"subnet-aaaaaaa2\tResourceNotFound\n",
		"Error: 1 of 3 failed; each item's result is on stdout\n")
	srv = testserver.New(t, subnetDeleted("subnet-aaaaaaa1"), subnetDeleted("subnet-aaaaaaa2"))
	run{env: envFor(srv)}.exec(t, "subnet", "delete", "subnet-aaaaaaa1", "subnet-aaaaaaa2", "-y",
		"-o", "json", "--query", "[].Id").expect(t, 0, "[\n  \"subnet-aaaaaaa1\",\n  \"subnet-aaaaaaa2\"\n]\n", "")
}
