package cmd

import (
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// Replies from the manual's NAT gateway pages.
const (
	natListReply = `{"code":"0","message":"","totalCount":2,"data":[` +
		`{"appId":"1351000042","vpcId":"vpc-8e0ypm3z","vpcName":"alblack.bbb1","natId":"nat-dhfpwhtm","natName":"apollan","maxConcurrent":1000000,` +
		`"eipCount":1,"createTime":"2016-06-21 12:01:23","state":0,"bandwidth":100,"productionStatus":1,"eipSet":["183.60.249.11"]},` +
		`{"appId":"1351000042","vpcId":"vpc-8e0ypm3z","natId":"nat-jngbqyfs","natName":"cici","maxConcurrent":3000000,` +
		`"eipCount":2,"createTime":"2016-06-22 09:00:00","state":2,"bandwidth":200,"productionStatus":1,"eipSet":["183.60.249.12","183.60.249.13"]}]}`
	natBill        = "20160415160000002485253313199244"
	natCreateReply = `{"code":"0","message":"","billId":"` + natBill + `"}`
)

func TestNatWire(t *testing.T) {
	dcgRunWire(t, []dcgWireCase{
		{"list", []string{"nat", "list", "--vpc-id", "vpc-8e0ypm3z", "--name", "apo", "--order-field", "natId", "--order-direction", "desc", "--limit", "50", "-o", "text"},
			natListReply, "DescribeNatGateway",
			map[string]string{"vpcId": "vpc-8e0ypm3z", "natName": "apo", "orderField": "natId", "orderDirection": "desc", "limit": "50"},
			"nat-dhfpwhtm\tapollan\tvpc-8e0ypm3z\trunning\t1000000\t100\t183.60.249.11\t2016-06-21 12:01:23\n" +
				"nat-jngbqyfs\tcici\tvpc-8e0ypm3z\tsuspended\t3000000\t200\t183.60.249.12,183.60.249.13\t2016-06-22 09:00:00\n"},
		{"show", []string{"nat", "show", "nat-dhfpwhtm"},
			natListReply, "DescribeNatGateway", map[string]string{"natId": "nat-dhfpwhtm"},
			"KEY                VALUE\n" +
				"appId              1351000042\n" +
				"bandwidth          100\n" +
				"createTime         2016-06-21 12:01:23\n" +
				"eipCount           1\n" +
				"eipSet             183.60.249.11\n" +
				"maxConcurrent      1000000\n" +
				"natId              nat-dhfpwhtm\n" +
				"natName            apollan\n" +
				"productionStatus   1\n" +
				"state              0\n" +
				"vpcId              vpc-8e0ypm3z\n" +
				"vpcName            alblack.bbb1\n"},
		{"create", []string{"nat", "create", "--vpc-id", "vpc-8e0ypm3z", "--name", "zhezhe", "--max-concurrent", "1000000", "--bandwidth", "10", "--new-eips", "1"},
			natCreateReply, "CreateNatGateway",
			map[string]string{"vpcId": "vpc-8e0ypm3z", "natName": "zhezhe", "maxConcurrent": "1000000", "bandwidth": "10", "autoAllocEipNum": "1"},
			"BILL ID\n" + natBill + "\n"},
		{"create with EIPs", []string{"nat", "create", "--vpc-id", "vpc-8e0ypm3z", "--name", "web", "--max-concurrent", "3000000", "--eips", "183.60.249.11,183.60.249.12", "-o", "text"},
			natCreateReply, "CreateNatGateway",
			map[string]string{"vpcId": "vpc-8e0ypm3z", "natName": "web", "maxConcurrent": "3000000", "assignedEipSet.0": "183.60.249.11", "assignedEipSet.1": "183.60.249.12"},
			natBill + "\n"},
		{"modify", []string{"nat", "modify", "nat-jngbqyfs", "--vpc-id", "vpc-x7d44dxx", "--name", "cici", "--bandwidth", "200"},
			`{"code":"0","message":""}`, "ModifyNatGateway",
			map[string]string{"vpcId": "vpc-x7d44dxx", "natId": "nat-jngbqyfs", "natName": "cici", "bandwidth": "200"}, ""},
		{"delete", []string{"nat", "rm", "nat-7t9nf3pu", "--vpc-id", "vpc-xfd55dfx", "--yes"},
			`{"code":"0","message":"","taskId":"16284"}`, "DeleteNatGateway",
			map[string]string{"vpcId": "vpc-xfd55dfx", "natId": "nat-7t9nf3pu"}, "TASK ID\n16284\n"},
		{"upgrade", []string{"nat", "upgrade", "nat-et8e970y", "--vpc-id", "vpc-xdf54dxx", "--max-concurrent", "3000000", "-o", "text"},
			`{"code":"0","message":"","billId":"20160416160000002485261276560190"}`, "UpgradeNatGateway",
			map[string]string{"vpcId": "vpc-xdf54dxx", "natId": "nat-et8e970y", "maxConcurrent": "3000000"},
			"20160416160000002485261276560190\n"},
		{"price", []string{"nat", "price", "--max-concurrent", "2000000"},
			`{"code":"0","message":"","data":[{"price":"150","totalCost":"150","realTotalCost":"150","timeSpan":"1","timeUnit":"h","goodsNum":"1","policy":"100","unitPrice":"150"}]}`,
			"InquiryNatPrice", map[string]string{"maxConcurrent": "2000000"},
			"PRICE   UNIT PRICE   TOTAL   REAL TOTAL   PERIOD   POLICY\n150     150          150     150          1h       100\n"},
		{"eip bind", []string{"nat", "eip", "bind", "nat-8pbrkzh6", "--vpc-id", "vpc-dfd5dfgd", "--new-eips", "1"},
			`{"code":"0","message":"","taskId":"16167"}`, "EipBindNatGateway",
			map[string]string{"vpcId": "vpc-dfd5dfgd", "natId": "nat-8pbrkzh6", "autoAllocEipNum": "1"}, "TASK ID\n16167\n"},
		{"eip bind addresses", []string{"nat", "eip", "bind", "nat-8pbrkzh6", "--vpc-id", "vpc-dfd5dfgd", "--eips", "183.60.249.122", "--eips", "183.60.249.123", "-o", "text"},
			`{"code":"0","message":"","taskId":"16167"}`, "EipBindNatGateway",
			map[string]string{"vpcId": "vpc-dfd5dfgd", "natId": "nat-8pbrkzh6", "assignedEipSet.0": "183.60.249.122", "assignedEipSet.1": "183.60.249.123"}, "16167\n"},
		{"eip unbind", []string{"nat", "eip", "unbind", "nat-8pbrkzh6", "--vpc-id", "vpc-ddf411xx", "--eips", "183.60.249.122", "-y", "-o", "text"},
			`{"code":"0","message":"","taskId":"16168"}`, "EipUnBindNatGateway",
			map[string]string{"vpcId": "vpc-ddf411xx", "natId": "nat-8pbrkzh6", "assignedEipSet.0": "183.60.249.122"}, "16168\n"},
	})
}

func TestNatListOutputs(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: natListReply},
		testserver.Reply{Body: `{"code":"0","message":"","totalCount":1,"data":[{"natId":"nat-dhfpwhtm","state":1}]}`},
	)
	r := run{env: envFor(srv)}
	r.exec(t, "nat", "ls").expect(t, 0,
		"ID             NAME      VPC            STATE       MAX CONNECTIONS   BANDWIDTH   EIPS                          CREATED\n"+
			"nat-dhfpwhtm   apollan   vpc-8e0ypm3z   running     1000000           100         183.60.249.11                 2016-06-21 12:01:23\n"+
			"nat-jngbqyfs   cici      vpc-8e0ypm3z   suspended   3000000           200         183.60.249.12,183.60.249.13   2016-06-22 09:00:00\n", "")
	r.exec(t, "nat", "list", "-o", "json").expect(t, 0, `{
  "code": "0",
  "data": [
    {
      "natId": "nat-dhfpwhtm",
      "state": 1
    }
  ],
  "message": "",
  "totalCount": 1
}
`, "")
}

// An order is followed with QueryNatGatewayProductionStatus until it is
// done.
func TestNatCreateWait(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: natCreateReply},
		testserver.Reply{Body: `{"code":"0","message":"","data":{"status":2,"errorCode":0}}`},
		testserver.Reply{Body: `{"code":"0","message":"","data":{"status":0,"errorCode":0}}`},
	)
	run{env: envFor(srv)}.exec(t, "nat", "create", "--vpc-id", "vpc-8e0ypm3z", "--name", "zhezhe", "--max-concurrent", "1000000", "--new-eips", "1", "--wait").
		expect(t, 0, "", "Creating NAT gateway (order "+natBill+"): running (0s)\n"+
			"Creating NAT gateway (order "+natBill+"): succeeded (0s)\n")
	calls := srv.Calls()
	if calls[0].Action != "CreateNatGateway" {
		t.Fatalf("sent %s first", calls[0].Action)
	}
	for _, c := range calls[1:] {
		if c.Action != "QueryNatGatewayProductionStatus" || c.Style != "legacy" || len(c.Params) != 1 || c.Params["billId"] != natBill {
			t.Fatalf("poll sent %s %s %v", c.Style, c.Action, c.Params)
		}
	}
}

func TestNatUpgradeWaitJSONAndFailure(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: `{"code":"0","message":"","billId":"2160000000"}`},
		testserver.Reply{Body: `{"code":"0","message":"","data":{"status":0,"errorCode":0}}`},
		testserver.Reply{Body: `{"code":"0","message":"","billId":"2160000001"}`},
		testserver.Reply{Body: `{"code":"0","message":"","data":{"status":1,"errorCode":"NatGatewayLimitExceeded"}}`},
	)
	r := run{env: envFor(srv)}
	args := []string{"nat", "upgrade", "nat-et8e970y", "--vpc-id", "vpc-xdf54dxx", "--max-concurrent", "3000000", "--wait", "-q"}
	r.exec(t, append(args, "-o", "json")...).
		expect(t, 0, "{\n  \"billId\": \"2160000000\",\n  \"code\": \"0\",\n  \"data\": {\n    \"errorCode\": 0,\n    \"status\": 0\n  },\n  \"message\": \"\"\n}\n", "")
	r.exec(t, args...).expect(t, 5, "", "Error: order 2160000001 failed: NatGatewayLimitExceeded\n")
}

// DeleteNatGateway replies with a top-level taskId, followed with
// DescribeVpcTaskResult.
func TestNatDeleteWait(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: `{"code":"0","message":"","taskId":"16284"}`},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":1,"errorMsg":"NAT gateway busy"}}`},
	)
	run{env: envFor(srv)}.exec(t, "nat", "delete", "nat-7t9nf3pu", "--vpc-id", "vpc-xfd55dfx", "--wait", "-y").
		expect(t, 5, "", "Deleting NAT gateway nat-7t9nf3pu (task 16284): failed (0s)\nError: task 16284 failed: NAT gateway busy\n")
	if c := srv.Calls()[1]; c.Action != "DescribeVpcTaskResult" || c.Params["taskId"] != "16284" {
		t.Fatalf("poll sent %s %v", c.Action, c.Params)
	}
}

func TestNatUsageErrors(t *testing.T) {
	srv := testserver.New(t)
	r := run{env: envFor(srv)}
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{"nat", "show", "vpc-12345678"}, `invalid value "vpc-12345678" for NAT_ID: expected an ID like nat-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"nat", "show", "vpc-8e0ypm3z"}, `invalid value "vpc-8e0ypm3z" for NAT_ID: expected an ID like nat-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"nat", "create", "--vpc-id", "vpc-8e0ypm3z", "--name", "web"}, "tcvpc nat create needs --max-concurrent"},
		{[]string{"nat", "create", "--vpc-id", "vpc-8e0ypm3z", "--name", "web", "--max-concurrent", "1000000", "--eips", "183.60.249"},
			`invalid value "183.60.249" for --eips: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"nat", "create", "--vpc-id", "vpc-8e0ypm3z", "--name", "web", "--max-concurrent", "many"},
			`invalid value "many" for --max-concurrent: expected a whole number`},
		{[]string{"nat", "modify", "nat-jngbqyfs", "--name", "cici"}, "tcvpc nat modify needs --vpc-id"},
		{[]string{"nat", "delete", "nat-7t9nf3pu", "--vpc-id", "vpc-xfd55dfx"}, "refusing to delete NAT gateway nat-7t9nf3pu without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"nat", "eip", "unbind", "nat-8pbrkzh6", "--vpc-id", "vpc-ddf411xx", "-y"}, "tcvpc nat eip unbind needs --eips"},
		{[]string{"nat", "eip", "unbind", "nat-8pbrkzh6", "--vpc-id", "vpc-ddf411xx", "--eips", "183.60.249.122"},
			"refusing to unbind EIPs from NAT gateway nat-8pbrkzh6 without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"nat", "list", "--order-field", "natName"}, `invalid value "natName" for --order-field: expected natId`},
		{[]string{"nat", "list", "--page-size", "100"}, "invalid value 100 for --page-size: expected 1 to 50"},
		{[]string{"nat", "create", "--vpc-id", "vpc-8e0ypm3z", "--name", "web", "--max-concurrent", "2000000"},
			`invalid value "2000000" for --max-concurrent: expected one of 1000000, 3000000, 10000000`},
		{[]string{"nat", "upgrade", "nat-et8e970y", "--vpc-id", "vpc-xdf54dxx", "--max-concurrent", "5"},
			`invalid value "5" for --max-concurrent: expected one of 1000000, 3000000, 10000000`},
		{[]string{"nat", "modify", "nat-jngbqyfs", "--vpc-id", "vpc-x7d44dxx", "--bandwidth", "0"}, `invalid value "0" for --bandwidth: expected a whole number, 1 or more`},
		{[]string{"nat", "eip", "bind", "nat-8pbrkzh6", "--vpc-id", "vpc-dfd5dfgd", "--new-eips", "4"}, `invalid value "4" for --new-eips: expected an integer from 0 to 3`},
		{[]string{"nat", "price", "--max-concurrent", "-1"}, `invalid value "-1" for --max-concurrent: expected a whole number, 1 or more`},
		{[]string{"nat", "price"}, "tcvpc nat price needs --max-concurrent"},
		{[]string{"nat", "upgrade", "nat-et8e970y", "--vpc-id", "vpc-xdf54dxx", "--max-concurrent", "3000000", "--wait", "--wait-timeout", "0s"},
			"invalid value 0s for --wait-timeout: expected a positive duration such as 10m"},
		{[]string{"nat", "eip", "attach"}, `unknown command "attach" for "tcvpc nat eip"; see 'tcvpc nat eip --help'`},
	}
	for _, tc := range cases {
		r.exec(t, tc.args...).expect(t, 2, "", "Error: "+tc.msg+"\n")
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent for invalid input", n)
	}
}
