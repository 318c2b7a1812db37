package cmd

import (
	"reflect"
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// Replies from the examples of the flow log pages.
const (
	flowLogListReply = `{"code":0,"message":"","codeDesc":"Success","data":{"totalNum":2,"data":[
{"vpcId":"vpc-iqg1prjj","flowLogId":"fl-1pq1g9x1","flowLogName":"test_rtt","resourceType":"NETWORKINTERFACE","resourceId":"eni-a35i4igb","trafficType":"ACCEPT","cloudLogId":"4fb6a027-dc83-4dae-94fc-3d995025a239","cloudLogState":"SUCCESS","flowLogDescription":"","createdTime":"2017-12-22 11:25:35"},
{"vpcId":"vpc-iqg1prjj","flowLogId":"fl-q1b26f3p","flowLogName":"web","resourceType":"VPC","resourceId":"vpc-iqg1prjj","trafficType":"ALL","cloudLogId":"b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34","cloudLogState":"SUCCESS","flowLogDescription":"all of it","createdTime":"2018-01-19 15:34:07"}]}}`
	flowLogShowReply = `{"code":0,"message":"","codeDesc":"Success","data":{"data":{"vpcId":"vpc-iqg1pssj","flowLogId":"fl-1pqsg9x1","flowLogName":"test","resourceType":"NETWORKINTERFACE","resourceId":"eni-a34i4igb","trafficType":"ACCEPT","cloudLogId":"4fb6a0d7-dc83-4dae-94fc-3d995025a239","cloudLogState":"SUCCESS","flowLogDescription":"","createdTime":"2017-12-22 11:25:35"}}}`
	// The field table's shape: everything at the top.
	flowLogShowFlatReply = `{"code":0,"message":"","vpcId":"vpc-iqg1pssj","flowLogId":"fl-1pqsg9x1","flowLogName":"test","resourceType":"SUBNET","resourceId":"subnet-5o8ycyt0","trafficType":"REJECT","cloudLogId":"4fb6a0d7-dc83-4dae-94fc-3d995025a239","cloudLogState":"SUCCESS","flowLogDescription":"d","createdTime":"2017-12-22 11:25:35"}`
	flowLogCreateReply   = `{"code":0,"message":"","codeDesc":"Success","data":{"flowLogId":"fl-q1b26f3p","flowLogName":"test_flowlog","resourceType":"VPC","resourceId":"vpc-iqg1prdj","TrafficType":"ALL","CloudLogId":"b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34","createdTime":"0000-00-00 00:00:00"}}`
	apfOK                = `{"code":0,"message":""}`
)

// apfWireCase is one command line and the exact request it must send.
type apfWireCase struct {
	name   string
	args   []string
	reply  string
	action string
	params map[string]string
	stdout string
}

// runWire runs each case against a fresh server and checks the one legacy
// request it sent, and stdout off a terminal.
func apfRunWire(t *testing.T, cases []apfWireCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := testserver.New(t, testserver.Reply{Body: tc.reply})
			res := run{env: envFor(srv)}.exec(t, tc.args...)
			res.expect(t, 0, tc.stdout, "")
			calls := srv.Calls()
			if len(calls) != 1 {
				t.Fatalf("%d requests sent", len(calls))
			}
			c := calls[0]
			if c.Action != tc.action || c.Style != "legacy" || !c.SignatureOK || c.Region != "gz" || !reflect.DeepEqual(c.Params, tc.params) {
				t.Fatalf("sent %s %s %v (region %s, signature ok %v)\nwant %s legacy %v", c.Style, c.Action, c.Params, c.Region, c.SignatureOK, tc.action, tc.params)
			}
		})
	}
}

// expectUsage runs each command line and expects exit 2 with msg and no
// request at all.
func apfExpectUsage(t *testing.T, cases [][2][]string) {
	t.Helper()
	srv := testserver.New(t)
	r := run{env: envFor(srv)}
	for _, tc := range cases {
		r.exec(t, tc[0]...).expect(t, 2, "", "Error: "+tc[1][0]+"\n")
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent for invalid input", n)
	}
}

func apfArgs(a ...string) []string { return a }

func TestFlowLogWire(t *testing.T) {
	apfRunWire(t, []apfWireCase{
		{"list", apfArgs("flowlog", "list"), flowLogListReply, "DescribeFlowLogs", map[string]string{"limit": "100"},
			"ID            NAME       VPC            RESOURCE TYPE      RESOURCE       TRAFFIC   LOG STATE   CREATED\n" +
				"fl-1pq1g9x1   test_rtt   vpc-iqg1prjj   NETWORKINTERFACE   eni-a35i4igb   ACCEPT    SUCCESS     2017-12-22 11:25:35\n" +
				"fl-q1b26f3p   web        vpc-iqg1prjj   VPC                vpc-iqg1prjj   ALL       SUCCESS     2018-01-19 15:34:07\n"},
		{"list filters", apfArgs("flowlog", "ls", "--vpc-id", "vpc-idg1prjj", "--name", "test", "--resource-type", "NETWORKINTERFACE",
			"--resource-id", "eni-a35i4igb", "--traffic-type", "ACCEPT", "--cloud-log-id", "4fb6a027-dc83-4dae-94fc-3d995025a239",
			"--cloud-log-state", "SUCCESS", "--flow-log-id", "fl-1pq1g9x1", "--order-field", "flowLogName", "--order-direction", "asc",
			"--limit", "5", "--offset", "10", "-o", "text"),
			flowLogListReply, "DescribeFlowLogs", map[string]string{
				"vpcId": "vpc-idg1prjj", "flowLogName": "test", "resourceType": "NETWORKINTERFACE", "resourceId": "eni-a35i4igb",
				"trafficType": "ACCEPT", "cloudLogId": "4fb6a027-dc83-4dae-94fc-3d995025a239", "cloudLogState": "SUCCESS",
				"flowLogId": "fl-1pq1g9x1", "orderField": "flowLogName", "orderDirection": "asc", "limit": "5", "offset": "10"},
			"fl-1pq1g9x1\ttest_rtt\tvpc-iqg1prjj\tNETWORKINTERFACE\teni-a35i4igb\tACCEPT\tSUCCESS\t2017-12-22 11:25:35\n" +
				"fl-q1b26f3p\tweb\tvpc-iqg1prjj\tVPC\tvpc-iqg1prjj\tALL\tSUCCESS\t2018-01-19 15:34:07\n"},
		{"show", apfArgs("flowlog", "show", "fl-1pqsg9x1", "--vpc-id", "vpc-iqg1pssj"), flowLogShowReply, "DescribeFlowLog",
			map[string]string{"vpcId": "vpc-iqg1pssj", "flowLogId": "fl-1pqsg9x1"},
			"ID            NAME   VPC            RESOURCE TYPE      RESOURCE       TRAFFIC   CLOUD LOG                              LOG STATE   DESCRIPTION   CREATED\n" +
				"fl-1pqsg9x1   test   vpc-iqg1pssj   NETWORKINTERFACE   eni-a34i4igb   ACCEPT    4fb6a0d7-dc83-4dae-94fc-3d995025a239   SUCCESS                   2017-12-22 11:25:35\n"},
		{"show flat reply", apfArgs("flowlog", "show", "fl-1pqsg9x1", "--vpc-id", "vpc-iqg1pssj", "-o", "text"), flowLogShowFlatReply, "DescribeFlowLog",
			map[string]string{"vpcId": "vpc-iqg1pssj", "flowLogId": "fl-1pqsg9x1"},
			"fl-1pqsg9x1\ttest\tvpc-iqg1pssj\tSUBNET\tsubnet-5o8ycyt0\tREJECT\t4fb6a0d7-dc83-4dae-94fc-3d995025a239\tSUCCESS\td\t2017-12-22 11:25:35\n"},
		{"create", apfArgs("flowlog", "create", "--vpc-id", "vpc-iqg1sdjj", "--name", "test_flowlog", "--resource-type", "VPC",
			"--resource-id", "vpc-iqg1prdj", "--traffic-type", "ALL", "--cloud-log-id", "b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34",
			"--description", "whole VPC"),
			flowLogCreateReply, "CreateFlowLog", map[string]string{
				"vpcId": "vpc-iqg1sdjj", "flowLogName": "test_flowlog", "resourceType": "VPC", "resourceId": "vpc-iqg1prdj",
				"trafficType": "ALL", "cloudLogId": "b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34", "flowLogDescription": "whole VPC"},
			"ID            NAME           RESOURCE TYPE   RESOURCE       TRAFFIC   CLOUD LOG\n" +
				"fl-q1b26f3p   test_flowlog   VPC             vpc-iqg1prdj   ALL       b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34\n"},
		{"create text", apfArgs("flowlog", "create", "--vpc-id", "vpc-iqg1sdjj", "--name", "n", "--resource-type", "SUBNET",
			"--resource-id", "subnet-5o8ycyt0", "--traffic-type", "REJECT", "--cloud-log-id", "b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34",
			"-o", "text", "--query", "data.flowLogId"),
			flowLogCreateReply, "CreateFlowLog", map[string]string{
				"vpcId": "vpc-iqg1sdjj", "flowLogName": "n", "resourceType": "SUBNET", "resourceId": "subnet-5o8ycyt0",
				"trafficType": "REJECT", "cloudLogId": "b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34"},
			"fl-q1b26f3p\n"},
		{"modify", apfArgs("flowlog", "modify", "fl-cfw0nti2", "--vpc-id", "vpc-2ari9m7h", "--name", "test", "--description", "new"),
			apfOK, "ModifyFlowLogAttribute",
			map[string]string{"vpcId": "vpc-2ari9m7h", "flowLogId": "fl-cfw0nti2", "flowLogName": "test", "flowLogDescription": "new"}, ""},
		{"delete", apfArgs("flowlog", "rm", "fl-q1b26f9p", "--vpc-id", "vpc-iqg1prjj", "-y"),
			`{"code":0,"message":"","codeDesc":"Success","data":[]}`, "DeleteFlowLog",
			map[string]string{"vpcId": "vpc-iqg1prjj", "flowLogId": "fl-q1b26f9p"}, ""},
	})
}

func TestFlowLogListJSONAndAll(t *testing.T) {
	page1 := `{"code":0,"message":"","data":{"totalNum":3,"data":[{"flowLogId":"fl-aaaaaaa1"},{"flowLogId":"fl-aaaaaaa2"}]}}`
	page2 := `{"code":0,"message":"","data":{"totalNum":3,"data":[{"flowLogId":"fl-aaaaaaa3"}]}}`
	srv := testserver.New(t, testserver.Reply{Body: page1}, testserver.Reply{Body: page2})
	r := run{env: envFor(srv)}
	r.exec(t, "flowlog", "list", "--all", "--page-size", "2", "-o", "json").expect(t, 0, `{
  "code": 0,
  "data": {
    "data": [
      {
        "flowLogId": "fl-aaaaaaa1"
      },
      {
        "flowLogId": "fl-aaaaaaa2"
      },
      {
        "flowLogId": "fl-aaaaaaa3"
      }
    ],
    "totalNum": 3
  },
  "message": ""
}
`, "")
	calls := srv.Calls()
	if calls[0].Params["offset"] != "" || calls[0].Params["limit"] != "2" || calls[1].Params["offset"] != "2" || calls[1].Params["limit"] != "1" {
		t.Fatalf("pages: %v, %v", calls[0].Params, calls[1].Params)
	}
}

func TestFlowLogOnTerminal(t *testing.T) {
	srv := testserver.New(t, testserver.Reply{Body: apfOK}, testserver.Reply{Body: apfOK})
	r := run{env: envFor(srv), tty: true, stdin: "y\n"}
	r.exec(t, "flowlog", "delete", "fl-q1b26f9p", "--vpc-id", "vpc-iqg1prjj").
		expect(t, 0, "Deleted flow log fl-q1b26f9p\n", "Delete flow log fl-q1b26f9p? [y/N] ")
	r.exec(t, "flowlog", "modify", "fl-q1b26f9p", "--vpc-id", "vpc-iqg1prjj", "--name", "x").
		expect(t, 0, "Modified flow log fl-q1b26f9p\n", "")
}

func TestFlowLogUsageErrors(t *testing.T) {
	create := apfArgs("flowlog", "create", "--vpc-id", "vpc-iqg1sdjj", "--name", "n", "--resource-type", "VPC",
		"--resource-id", "vpc-iqg1prdj", "--traffic-type", "ALL", "--cloud-log-id", "b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34")
	with := func(extra ...string) []string { return override(create, extra...) }
	long := ""
	for range 61 {
		long += "x"
	}
	apfExpectUsage(t, [][2][]string{
		{apfArgs("flowlog", "show", "fl-1pqsg9x1"), {"tcvpc flowlog show needs --vpc-id"}},
		{apfArgs("flowlog", "show", "--vpc-id", "vpc-iqg1pssj"), {"tcvpc flowlog show needs FLOW_LOG_ID"}},
		{apfArgs("flowlog", "show", "flow-1pqsg9x1", "--vpc-id", "vpc-iqg1pssj"), {`invalid value "flow-1pqsg9x1" for FLOW_LOG_ID: expected an ID like fl-xxxxxxxx (8 lowercase letters or digits)`}},
		{apfArgs("flowlog", "delete", "fl-q1b26f9p", "--vpc-id", "vpc-iqg1prjj"), {"refusing to delete flow log fl-q1b26f9p without confirmation: pass --yes (-y) when stdin is not a terminal"}},
		{apfArgs("flowlog", "create", "--vpc-id", "vpc-iqg1sdjj"), {"tcvpc flowlog create needs --name, --resource-type, --resource-id, --traffic-type and --cloud-log-id"}},
		{with("--vpc-id", "subnet-iqg1sdjj"), {`invalid value "subnet-iqg1sdjj" for --vpc-id: expected an ID like vpc-xxxxxxxx (8 lowercase letters or digits)`}},
		{with("--resource-type", "vpcs"), {`invalid value "vpcs" for --resource-type: expected one of VPC, SUBNET, NETWORKINTERFACE`}},
		{with("--traffic-type", "DROP"), {`invalid value "DROP" for --traffic-type: expected one of ACCEPT, REJECT, ALL`}},
		{with("--resource-id", "ins-a35i4igb"), {`invalid value "ins-a35i4igb" for --resource-id: expected an ID like vpc-xxxxxxxx, subnet-xxxxxxxx or eni-xxxxxxxx (8 lowercase letters or digits)`}},
		{with("--cloud-log-id", "topic-1"), {`invalid value "topic-1" for --cloud-log-id: expected a UUID such as b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34`}},
		{with("--name", long), {`invalid value "` + long + `" for --name: expected at most 60 characters`}},
		{apfArgs("flowlog", "list", "--order-direction", "up"), {`invalid value "up" for --order-direction: expected asc or desc`}},
		{apfArgs("flowlog", "list", "--filter", "vpc-id=vpc-iqg1prjj"), {"unknown flag: --filter"}},
		{apfArgs("flowlog", "list", "--page-size", "101"), {"invalid value 101 for --page-size: expected 1 to 100"}},
		{apfArgs("flowlog", "modify", "fl-cfw0nti2", "--vpc-id", "vpc-2ari9m7h", "--cidr-block", "10.0.0.0/16"), {"unknown flag: --cidr-block"}},
	})
}
