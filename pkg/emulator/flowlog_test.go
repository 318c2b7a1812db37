package emulator

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// TestFlowLogChecksAndListing checks the flow log rules the model does not
// hold (a name given, unique in its VPC; a resource of the VPC; a
// description of at most 60 characters) and DescribeFlowLogs' filters,
// order and default page of 10.
func TestFlowLogChecksAndListing(t *testing.T) {
	e := start(t, Options{})
	vpcID, subID := e.network("10.8.0.0/16", "10.8.1.0/24")
	otherVpc, otherSub := e.network("10.9.0.0/16", "10.9.1.0/24")
	mk := func(name, typ, res, desc string) (string, error) {
		r, err := e.do(api.Legacy, "CreateFlowLog", params.Tree{"vpcId": vpcID, "flowLogName": name, "resourceType": typ, "resourceId": res,
			"trafficType": "ACCEPT", "cloudLogId": "b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34", "flowLogDescription": desc})
		if err != nil {
			return "", err
		}
		return str(dig(r.Data, "data", "flowLogId")), nil
	}
	_, err := mk("", "VPC", vpcID, "")
	wantErr(t, err, "InvalidFlowLogName", "4000")
	_, err = mk("x", "SUBNET", otherSub, "")
	wantErr(t, err, "InvalidSubnet.NotFound", "5000")
	_, err = mk("x", "VPC", otherVpc, "")
	wantErr(t, err, "InvalidVpc.NotFound", "5000")
	_, err = mk("x", "VPC", vpcID, strings.Repeat("d", 61))
	wantErr(t, err, "InvalidParameterValue", "4000")
	_, err = mk("x", "SUBNETS", subID, "")
	wantErr(t, err, "InvalidParameterValue", "4000")

	var ids []string
	for i := range 12 {
		id, err := mk(fmt.Sprintf("log-%02d", i), "SUBNET", subID, "")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	list := func(p params.Tree) (string, []string) {
		out := e.must(api.Legacy, "DescribeFlowLogs", p)
		var names []string
		for _, r := range rows(dig(out, "data", "data")) {
			names = append(names, str(dig(r, "flowLogName")))
		}
		return str(dig(out, "data", "totalNum")), names
	}
	if n, names := list(params.Tree{"vpcId": vpcID}); n != "12" || len(names) != 10 || names[0] != "log-11" {
		t.Fatalf("default page: %s %v", n, names)
	}
	if n, names := list(params.Tree{"flowLogName": "log-0", "orderField": "flowLogName", "orderDirection": "asc", "limit": "3"}); n != "10" || fmt.Sprint(names) != "[log-00 log-01 log-02]" {
		t.Fatalf("by name: %s %v", n, names)
	}
	if n, names := list(params.Tree{"flowLogId": ids[3][3:], "trafficType": "ACCEPT", "cloudLogState": "SUCCESS"}); n != "1" || fmt.Sprint(names) != "[log-03]" {
		t.Fatalf("by ID: %s %v", n, names)
	}
	if n, _ := list(params.Tree{"resourceType": "VPC"}); n != "0" {
		t.Fatalf("by resource type: %s", n)
	}
	_, err = e.do(api.Legacy, "DescribeFlowLogs", params.Tree{"vpcId": "vpc-00000000"})
	wantErr(t, err, "InvalidVpc.NotFound", "5000")

	_, err = e.do(api.Legacy, "ModifyFlowLogAttribute", params.Tree{"vpcId": vpcID, "flowLogId": ids[0], "flowLogName": "log-01"})
	wantErr(t, err, "FlowLogNameDuplicate", "5100")
	_, err = e.do(api.Legacy, "ModifyFlowLogAttribute", params.Tree{"vpcId": otherVpc, "flowLogId": ids[0], "flowLogName": "y"})
	wantErr(t, err, "FlowLogIDNotFound", "5000")
	e.must(api.Legacy, "ModifyFlowLogAttribute", params.Tree{"vpcId": vpcID, "flowLogId": ids[0], "flowLogName": "log-00", "flowLogDescription": "kept name"})
	one := dig(e.must(api.Legacy, "DescribeFlowLog", params.Tree{"vpcId": vpcID, "flowLogId": ids[0]}), "data", "data")
	if str(dig(one, "flowLogName")) != "log-00" || str(dig(one, "flowLogDescription")) != "kept name" {
		t.Fatalf("after modify: %v", one)
	}
	_, err = e.do(api.Legacy, "DeleteFlowLog", params.Tree{"vpcId": otherVpc, "flowLogId": ids[0]})
	wantErr(t, err, "FlowLogIDNotFound", "5000")
}
