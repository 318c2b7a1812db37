package cmd

import (
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// The DescribeVpcPeeringConnections example, with a second connection; the
// page's example sends code and totalCount as strings.
const peeringListReply = `{"code":"0","message":"","totalCount":"2","data":[
{"vpcId":"gz_vpc_245","unVpcId":"vpc-8e0yym3z","peerVpcId":"gz_vpc_20","unPeerVpcId":"vpc-kx49lmyv","appId":"1351000042","peeringConnectionId":"pcx-dt8c7fa0","peeringConnectionName":"示例1","state":1,"createTime":"2016-01-06 20:56:07","uin":"909619400","peerUin":"909619400"},
{"vpcId":"gz_vpc_246","unVpcId":"vpc-8e0yym40","peerVpcId":"gz_vpc_21","unPeerVpcId":"vpc-kx49lmz0","appId":"1351000042","peeringConnectionId":"pcx-6gw5wvmk","peeringConnectionName":"tses","state":0,"createTime":"2017-04-13 18:31:56","uin":"909619400","peerUin":"2407912486"}]}`

func TestPeeringWire(t *testing.T) {
	pcx := func(id string) map[string]string { return map[string]string{"peeringConnectionId": id} }
	apfRunWire(t, []apfWireCase{
		{"list", apfArgs("peering", "list"), peeringListReply, "DescribeVpcPeeringConnections", map[string]string{"limit": "50"},
			"ID             NAME    VPC            PEER VPC       PEER UIN     STATE     CREATED\n" +
				"pcx-dt8c7fa0   示例1   vpc-8e0yym3z   vpc-kx49lmyv   909619400    active    2016-01-06 20:56:07\n" +
				"pcx-6gw5wvmk   tses    vpc-8e0yym40   vpc-kx49lmz0   2407912486   pending   2017-04-13 18:31:56\n"},
		{"list filters text", apfArgs("pcx", "ls", "--vpc-id", "vpc-8e0yym3z", "--name", "tses", "--state", "0",
			"--order-field", "createTime", "--order-direction", "asc", "--limit", "50", "--offset", "50", "-o", "text"),
			peeringListReply, "DescribeVpcPeeringConnections", map[string]string{
				"vpcId": "vpc-8e0yym3z", "peeringConnectionName": "tses", "state": "0", "orderField": "createTime",
				"orderDirection": "asc", "limit": "50", "offset": "50"},
			"pcx-dt8c7fa0\t示例1\tvpc-8e0yym3z\tvpc-kx49lmyv\t909619400\tactive\t2016-01-06 20:56:07\n" +
				"pcx-6gw5wvmk\ttses\tvpc-8e0yym40\tvpc-kx49lmz0\t2407912486\tpending\t2017-04-13 18:31:56\n"},
		{"show", apfArgs("peering", "show", "pcx-dt8c7fa0"), peeringListReply, "DescribeVpcPeeringConnections", pcx("pcx-dt8c7fa0"),
			"KEY                     VALUE\n" +
				"appId                   1351000042\n" +
				"createTime              2016-01-06 20:56:07\n" +
				"peerUin                 909619400\n" +
				"peerVpcId               gz_vpc_20\n" +
				"peeringConnectionId     pcx-dt8c7fa0\n" +
				"peeringConnectionName   示例1\n" +
				"state                   1\n" +
				"uin                     909619400\n" +
				"unPeerVpcId             vpc-kx49lmyv\n" +
				"unVpcId                 vpc-8e0yym3z\n" +
				"vpcId                   gz_vpc_245\n"},
		{"create", apfArgs("peering", "create", "--vpc-id", "gz_vpc_226", "--peer-vpc-id", "gz_vpc_89", "--peer-uin", "2407912486", "--name", "tses"),
			`{"code":"0","message":"","peeringConnectionId":"pcx-6gw5wvmk"}`, "CreateVpcPeeringConnection",
			map[string]string{"vpcId": "gz_vpc_226", "peerVpcId": "gz_vpc_89", "peerUin": "2407912486", "peeringConnectionName": "tses"},
			"ID\npcx-6gw5wvmk\n"},
		{"create cross-region", apfArgs("peering", "cross-region", "create", "--vpc-id", "vpc-erxok83l", "--peer-vpc-id", "vpc-kx49lmyv",
			"--peer-uin", "2407912486", "--name", "tses", "--peer-region", "sh", "--bandwidth", "20", "--type", "1", "-o", "text"),
			`{"code":"0","message":"","taskId":"112245"}`, "CreateVpcPeeringConnectionEx",
			map[string]string{"vpcId": "vpc-erxok83l", "peerVpcId": "vpc-kx49lmyv", "peerUin": "2407912486", "peeringConnectionName": "tses",
				"peerRegion": "sh", "bandwidth": "20", "type": "1"},
			"112245\n"},
		{"accept", apfArgs("peering", "accept", "pcx-6gw5wvmk"), `{"code":"0","message":""}`, "AcceptVpcPeeringConnection", pcx("pcx-6gw5wvmk"), ""},
		{"accept cross-region", apfArgs("peering", "cross-region", "accept", "pcx-6gw5wvmk"), `{"code":"0","message":"","taskId":1254}`,
			"AcceptVpcPeeringConnectionEx", pcx("pcx-6gw5wvmk"), "TASK ID\n1254\n"},
		{"reject", apfArgs("peering", "reject", "pcx-8g675gr8", "-y"), `{"code":"0","message":""}`, "RejectVpcPeeringConnection", pcx("pcx-8g675gr8"), ""},
		{"reject cross-region", apfArgs("peering", "cross-region", "reject", "pcx-8g675gr8", "-y", "-o", "json"), `{"code":"0","message":"","taskId":1235}`,
			"RejectVpcPeeringConnectionEx", pcx("pcx-8g675gr8"), "{\n  \"code\": \"0\",\n  \"message\": \"\",\n  \"taskId\": 1235\n}\n"},
		{"enable", apfArgs("peering", "enable", "pcx-6gw5wvmk"), `{"code":"0","message":""}`, "EnableVpcPeeringConnection", pcx("pcx-6gw5wvmk"), ""},
		{"enable cross-region", apfArgs("peering", "cross-region", "enable", "pcx-6gw5wvmk", "-o", "text"), `{"code":"0","message":"","taskId":"1584"}`,
			"EnableVpcPeeringConnectionEx", pcx("pcx-6gw5wvmk"), "1584\n"},
		{"modify", apfArgs("peering", "modify", "pcx-krmzap90", "--name", "uuuuuuu"), `{"code":"0","message":""}`, "ModifyVpcPeeringConnection",
			map[string]string{"peeringConnectionId": "pcx-krmzap90", "peeringConnectionName": "uuuuuuu"}, ""},
		{"modify cross-region", apfArgs("peering", "cross-region", "modify", "pcx-krmzap90", "--name", "uuuuuuu", "--bandwidth", "50", "-o", "text"),
			`{"code":"0","message":"","taskId":1235}`, "ModifyVpcPeeringConnectionEx",
			map[string]string{"peeringConnectionId": "pcx-krmzap90", "peeringConnectionName": "uuuuuuu", "bandwidth": "50"}, "1235\n"},
		{"delete", apfArgs("peering", "rm", "pcx-0jtgah4s", "--yes"), `{"code":"0","message":""}`, "DeleteVpcPeeringConnection", pcx("pcx-0jtgah4s"), ""},
		{"delete cross-region", apfArgs("pcx", "cross-region", "rm", "pcx-0jtgah4s", "--yes", "-o", "text"), `{"code":"0","message":"","taskId":121221}`,
			"DeleteVpcPeeringConnectionEx", pcx("pcx-0jtgah4s"), "121221\n"},
	})
}

func TestPeeringListJSON(t *testing.T) {
	srv := testserver.New(t, testserver.Reply{Body: `{"code":"0","message":"","totalCount":"1","data":[{"peeringConnectionId":"pcx-dt8c7fa0","state":2}]}`})
	run{env: envFor(srv)}.exec(t, "peering", "list", "-o", "json").expect(t, 0, `{
  "code": "0",
  "data": [
    {
      "peeringConnectionId": "pcx-dt8c7fa0",
      "state": 2
    }
  ],
  "message": "",
  "totalCount": "1"
}
`, "")
}

func TestPeeringShowNotFound(t *testing.T) {
	srv := testserver.New(t, testserver.Reply{Body: `{"code":"0","message":"","totalCount":"0","data":[]}`})
	run{env: envFor(srv)}.exec(t, "peering", "show", "pcx-dt8c7fa0").
		expect(t, 1, "", "Error: [ResourceNotFound] peering connection pcx-dt8c7fa0 not found\n")
}

func TestPeeringOnTerminal(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: `{"code":"0","message":""}`},
		testserver.Reply{Body: `{"code":"0","message":""}`},
		testserver.Reply{Body: `{"code":"0","message":"","taskId":121221}`},
	)
	r := run{env: envFor(srv), tty: true, stdin: "y\n"}
	r.exec(t, "peering", "accept", "pcx-6gw5wvmk").expect(t, 0, "Accepted peering connection pcx-6gw5wvmk\n", "")
	r.exec(t, "peering", "reject", "pcx-8g675gr8").
		expect(t, 0, "Rejected peering connection pcx-8g675gr8\n", "Reject peering connection pcx-8g675gr8? [y/N] ")
	r.exec(t, "peering", "cross-region", "delete", "pcx-0jtgah4s").
		expect(t, 0, "\x1b[1mTASK ID\x1b[0m\n121221\n", "Delete peering connection pcx-0jtgah4s? [y/N] Started; follow with: tcvpc task wait 121221\n")
}

// Cross-region operations are asynchronous: --wait follows the top-level
// taskId with DescribeVpcTaskResult.
func TestPeeringCrossRegionWait(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: `{"code":"0","message":"","taskId":1254}`},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":2}}`},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":0}}`},
	)
	run{env: envFor(srv)}.exec(t, "peering", "cross-region", "accept", "pcx-6gw5wvmk", "--wait").
		expect(t, 0, "", "Accepting peering connection pcx-6gw5wvmk (task 1254): running (0s)\nAccepting peering connection pcx-6gw5wvmk (task 1254): succeeded (0s)\n")
	calls := srv.Calls()
	if calls[0].Action != "AcceptVpcPeeringConnectionEx" {
		t.Fatalf("sent %s", calls[0].Action)
	}
	for _, c := range calls[1:] {
		if c.Action != "DescribeVpcTaskResult" || c.Params["taskId"] != "1254" {
			t.Fatalf("poll sent %s %v", c.Action, c.Params)
		}
	}
}

func TestPeeringUsageErrors(t *testing.T) {
	create := apfArgs("peering", "cross-region", "create", "--vpc-id", "vpc-erxok83l", "--peer-vpc-id", "vpc-kx49lmyv",
		"--peer-uin", "2407912486", "--name", "tses", "--peer-region", "sh", "--bandwidth", "20")
	with := func(extra ...string) []string { return override(create, extra...) }
	apfExpectUsage(t, [][2][]string{
		{apfArgs("peering", "accept"), {"tcvpc peering accept needs PEERING_CONNECTION_ID"}},
		{apfArgs("peering", "accept", "vpc-6gw5wvmk"), {`invalid value "vpc-6gw5wvmk" for PEERING_CONNECTION_ID: expected an ID like pcx-xxxxxxxx (8 lowercase letters or digits)`}},
		{apfArgs("peering", "show", "pcx-dt8c7fa0", "--vpc-id", "vpc-8e0yym3z"), {"unknown flag: --vpc-id"}},
		{apfArgs("peering", "delete", "pcx-0jtgah4s"), {"refusing to delete peering connection pcx-0jtgah4s without confirmation: pass --yes (-y) when stdin is not a terminal"}},
		{apfArgs("peering", "cross-region", "reject", "pcx-8g675gr8"), {"refusing to reject peering connection pcx-8g675gr8 without confirmation: pass --yes (-y) when stdin is not a terminal"}},
		{apfArgs("peering", "create", "--vpc-id", "vpc-erxok83l", "--peer-vpc-id", "vpc-kx49lmyv", "--peer-uin", "2407912486"), {"tcvpc peering create needs --name"}},
		{apfArgs("peering", "create", "--vpc-id", "vpc-erxok83l", "--peer-vpc-id", "vpc-kx49lmyv", "--peer-uin", "2407912486", "--name", "x", "--peer-region", "sh"), {"unknown flag: --peer-region"}},
		{apfArgs("peering", "create", "--vpc-id", "vpc-erxok83l", "--peer-vpc-id", "sg-kx49lmyv", "--peer-uin", "2407912486", "--name", "x"), {`invalid value "sg-kx49lmyv" for --peer-vpc-id: expected an ID like vpc-xxxxxxxx (8 lowercase letters or digits)`}},
		{with("--peer-uin", "alice"), {`invalid value "alice" for --peer-uin: expected an account ID (UIN) such as 2407912486`}},
		{with("--peer-region", "ap-shanghai"), {`invalid value "ap-shanghai" for --peer-region: the legacy API names regions by short names; use sh`}},
		{with("--peer-region", "Shanghai"), {`invalid value "Shanghai" for --peer-region: expected a legacy region name such as gz, sh or bj`}},
		{with("--bandwidth", "20M"), {`invalid value "20M" for --bandwidth: expected a whole number of Mbit/s such as 20`}},
		{apfArgs("peering", "cross-region", "create", "--vpc-id", "vpc-erxok83l"), {"tcvpc peering cross-region create needs --peer-vpc-id, --peer-uin, --name, --peer-region and --bandwidth"}},
		{apfArgs("peering", "cross-region", "accept", "pcx-6gw5wvmk", "--wait", "--wait-timeout", "0s"), {"invalid value 0s for --wait-timeout: expected a positive duration such as 10m"}},
		{apfArgs("peering", "list", "--order-field", "state"), {`invalid value "state" for --order-field: expected one of peeringConnectionName, peeringConnectionname, createTime`}},
		{apfArgs("peering", "list", "--state", "active"), {`invalid value "active" for --state: expected a whole number`}},
		{apfArgs("peering", "cross-region", "frobnicate"), {`unknown command "frobnicate" for "tcvpc peering cross-region"; see 'tcvpc peering cross-region --help'`}},
	})
}
