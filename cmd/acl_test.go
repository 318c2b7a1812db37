package cmd

import (
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// Replies from the examples of the ACL pages (two of DescribeNetworkAcl's
// three rows; the second given a deny rule and a subnet).
const (
	aclListReply = `{"code":0,"message":"","totalCount":2,"data":[
{"vpcId":"gz_vpc_231","unVpcId":"vpc-erxok831","networkAclName":"ttssass","networkAclId":"acl-e9dbyl8s","vpcName":"barry-uniqVpci","vpcCidrBlock":"10.20.80.0/24","subnetNum":0,"createTime":"2015-11-06 20:55:12",
 "networkAclEntrySet":{"egress":[{"desc":"","ipProtocol":"all","cidrIp":"0.0.0.0/0","portRange":"ALL","action":1}],"ingress":[{"desc":"","ipProtocol":"all","cidrIp":"0.0.0.0/0","portRange":"ALL","action":1}]}},
{"vpcId":"gz_vpc_265","unVpcId":"vpc-ktom9wg5","networkAclName":"barrytt","networkAclId":"acl-cva92t60","vpcName":"yunapitest","vpcCidrBlock":"10.100.100.0/24","subnetNum":1,"createTime":"2015-11-04 10:37:07",
 "networkAclEntrySet":{"egress":[{"desc":"","ipProtocol":"all","cidrIp":"0.0.0.0/0","portRange":"ALL","action":1}],"ingress":[{"desc":"ssh","ipProtocol":"tcp","cidrIp":"10.0.0.0/8","portRange":"22","action":1},{"desc":"","ipProtocol":"all","cidrIp":"0.0.0.0/0","portRange":"ALL","action":0}]}}]}`
	aclSearchReply = `{"code":0,"message":"","data":{"totalCount":2,"aclSet":[
{"vpcId":"vpc-7izaqk5h","aclName":"ACL-11","aclId":"acl-k3z6g5ic","vpcName":"111341333","vpcCidrBlock":"172.16.0.0/12","subnetNum":0,"createTime":"2015-09-08 17:31:43"},
{"vpcId":"vpc-7izaqk5h","aclName":"shawn-acl","aclId":"acl-56k6lsvm","vpcName":"111341333","vpcCidrBlock":"172.16.0.0/12","subnetNum":2,"createTime":"2015-09-06 16:57:56"}]}}`
	aclRule = `[{"desc":"test","ipProtocol":"all","cidrIp":"0.0.0.0/0","portRange":"ALL","action":1}]`
)

func TestACLWire(t *testing.T) {
	aclVpc := func(extra ...string) map[string]string {
		m := map[string]string{"vpcId": "vpc-erxok83l", "networkAclId": "acl-e9dbyl8s"}
		for i := 0; i+1 < len(extra); i += 2 {
			m[extra[i]] = extra[i+1]
		}
		return m
	}
	apfRunWire(t, []apfWireCase{
		{"list", apfArgs("acl", "list"), aclListReply, "DescribeNetworkAcl", map[string]string{"limit": "50"},
			"ID             NAME      VPC            SUBNETS   INGRESS   EGRESS   CREATED\n" +
				"acl-e9dbyl8s   ttssass   vpc-erxok831   0         1         1        2015-11-06 20:55:12\n" +
				"acl-cva92t60   barrytt   vpc-ktom9wg5   1         2         1        2015-11-04 10:37:07\n"},
		{"list filters text", apfArgs("acls", "ls", "--vpc-id", "vpc-erxok83l", "--order-field", "networkAclName",
			"--order-direction", "asc", "--limit", "20", "--offset", "40", "-o", "text"),
			aclListReply, "DescribeNetworkAcl", map[string]string{
				"vpcId": "vpc-erxok83l", "orderField": "networkAclName", "orderDirection": "asc", "limit": "20", "offset": "40"},
			"acl-e9dbyl8s\tttssass\tvpc-erxok831\t0\t1\t1\t2015-11-06 20:55:12\n" +
				"acl-cva92t60\tbarrytt\tvpc-ktom9wg5\t1\t2\t1\t2015-11-04 10:37:07\n"},
		{"show", apfArgs("acl", "show", "acl-cva92t60"), aclListReply, "DescribeNetworkAcl", map[string]string{"networkAclId": "acl-cva92t60"},
			"KEY                  VALUE\n" +
				"createTime           2015-11-06 20:55:12\n" +
				`networkAclEntrySet   {"egress":[{"action":1,"cidrIp":"0.0.0.0/0","desc":"","ipProtocol":"all","portRange":"ALL"}],"ingress":[{"action":1,"cidrIp":"0.0.0.0/0","desc":"","ipProtocol":"all","portRange":"ALL"}]}` + "\n" +
				"networkAclId         acl-e9dbyl8s\n" +
				"networkAclName       ttssass\n" +
				"subnetNum            0\n" +
				"unVpcId              vpc-erxok831\n" +
				"vpcCidrBlock         10.20.80.0/24\n" +
				"vpcId                gz_vpc_231\n" +
				"vpcName              barry-uniqVpci\n"},
		{"show in vpc", apfArgs("acl", "show", "acl-jk7weyp2", "--vpc-id", "vpc-erxok83l", "--query", "data[0].networkAclId", "-o", "text"),
			aclListReply, "DescribeNetworkAcl", map[string]string{"vpcId": "vpc-erxok83l", "networkAclId": "acl-jk7weyp2"}, "acl-e9dbyl8s\n"},
		{"search", apfArgs("acl", "search", "--name", "acl", "--vpc-id", "vpc-7izaqk5h"), aclSearchReply, "DescribeAcl",
			map[string]string{"name": "acl", "vpcId": "vpc-7izaqk5h", "limit": "100"},
			"ID             NAME        VPC            VPC CIDR        SUBNETS   CREATED\n" +
				"acl-k3z6g5ic   ACL-11      vpc-7izaqk5h   172.16.0.0/12   0         2015-09-08 17:31:43\n" +
				"acl-56k6lsvm   shawn-acl   vpc-7izaqk5h   172.16.0.0/12   2         2015-09-06 16:57:56\n"},
		{"create", apfArgs("acl", "create", "--vpc-id", "gz_vpc_266", "--name", "dgdgadgd"),
			`{"code":0,"message":"","data":{"networkAclId":"acl-4n9efgju"}}`, "CreateNetworkAcl",
			map[string]string{"vpcId": "gz_vpc_266", "networkAclName": "dgdgadgd"}, "ID\nacl-4n9efgju\n"},
		{"create text", apfArgs("acl", "create", "--vpc-id", "vpc-4n9efgju", "--name", "web", "-o", "text"),
			`{"code":0,"message":"","data":{"networkAclId":"acl-4n9efgju"}}`, "CreateNetworkAcl",
			map[string]string{"vpcId": "vpc-4n9efgju", "networkAclName": "web"}, "acl-4n9efgju\n"},
		{"modify", apfArgs("acl", "modify", "acl-cva92t60", "--vpc-id", "vpc-ktom9wg5", "--name", "barrytt"), apfOK, "ModifyNetworkAcl",
			map[string]string{"vpcId": "vpc-ktom9wg5", "networkAclId": "acl-cva92t60", "networkAclName": "barrytt"}, ""},
		{"delete", apfArgs("acl", "rm", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l", "-y"), apfOK, "DeleteNetworkAcl", aclVpc(), ""},
		{"associate", apfArgs("acl", "associate", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l", "--subnet-ids", "subnet-i6mdq6ra,subnet-i6mdq6rb"),
			apfOK, "CreateSubnetAclRule", aclVpc("subnetIds.0", "subnet-i6mdq6ra", "subnetIds.1", "subnet-i6mdq6rb"), ""},
		{"disassociate", apfArgs("acl", "disassociate", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l", "--subnet-ids", "subnet-i6mdq6ra", "-y"),
			apfOK, "DeleteSubnetAclRule", aclVpc("subnetIds.0", "subnet-i6mdq6ra"), ""},
		{"rule set", apfArgs("acl", "rule", "set", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l", "--direction", "1", "--rules-json", aclRule, "-y"),
			apfOK, "ModifyNetworkAclEntry", aclVpc("ruleDirection", "1",
				"networkAclEntrySet.0.desc", "test", "networkAclEntrySet.0.ipProtocol", "all", "networkAclEntrySet.0.cidrIp", "0.0.0.0/0",
				"networkAclEntrySet.0.portRange", "ALL", "networkAclEntrySet.0.action", "1"), ""},
		{"rule set egress", apfArgs("acl", "rules", "set", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l", "--direction", "0", "-y", "--rules-json",
			`[{"desc":"web","ipProtocol":"tcp","cidrIp":"10.0.0.0/8","portRange":"80-443","action":1},{"desc":"","ipProtocol":"ALL","cidrIp":"0.0.0.0/0","portRange":"ALL","action":0}]`),
			apfOK, "ModifyNetworkAclEntry", aclVpc("ruleDirection", "0",
				"networkAclEntrySet.0.desc", "web", "networkAclEntrySet.0.ipProtocol", "tcp", "networkAclEntrySet.0.cidrIp", "10.0.0.0/8",
				"networkAclEntrySet.0.portRange", "80-443", "networkAclEntrySet.0.action", "1",
				"networkAclEntrySet.1.desc", "", "networkAclEntrySet.1.ipProtocol", "ALL", "networkAclEntrySet.1.cidrIp", "0.0.0.0/0",
				"networkAclEntrySet.1.portRange", "ALL", "networkAclEntrySet.1.action", "0"), ""},
	})
}

func TestACLListJSONAndAll(t *testing.T) {
	page1 := `{"code":0,"message":"","data":{"totalCount":3,"aclSet":[{"aclId":"acl-aaaaaaa1"},{"aclId":"acl-aaaaaaa2"}]}}`
	page2 := `{"code":0,"message":"","data":{"totalCount":3,"aclSet":[{"networkAclId":"acl-aaaaaaa3"}]}}`
	srv := testserver.New(t, testserver.Reply{Body: page1}, testserver.Reply{Body: page2})
	r := run{env: envFor(srv)}
	r.exec(t, "acl", "search", "--all", "--page-size", "2", "-o", "text").expect(t, 0,
		"acl-aaaaaaa1\t\t\t\t\t\nacl-aaaaaaa2\t\t\t\t\t\nacl-aaaaaaa3\t\t\t\t\t\n", "")
	calls := srv.Calls()
	// The first page leaves offset at its default; the last asks for what remains.
	if calls[0].Params["offset"] != "" || calls[0].Params["limit"] != "2" || calls[1].Params["offset"] != "2" || calls[1].Params["limit"] != "1" {
		t.Fatalf("pages: %v, %v", calls[0].Params, calls[1].Params)
	}

	srv = testserver.New(t, testserver.Reply{Body: `{"code":0,"message":"","totalCount":1,"data":[{"networkAclId":"acl-e9dbyl8s","subnetNum":0}]}`})
	run{env: envFor(srv)}.exec(t, "acl", "list", "-o", "json").expect(t, 0, `{
  "code": 0,
  "data": [
    {
      "networkAclId": "acl-e9dbyl8s",
      "subnetNum": 0
    }
  ],
  "message": "",
  "totalCount": 1
}
`, "")
}

func TestACLOnTerminal(t *testing.T) {
	srv := testserver.New(t, testserver.Reply{Body: apfOK}, testserver.Reply{Body: apfOK}, testserver.Reply{Body: apfOK})
	r := run{env: envFor(srv), tty: true, stdin: "y\n"}
	r.exec(t, "acl", "rule", "set", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l", "--direction", "1", "--rules-json", aclRule).
		expect(t, 0, "Replaced the rules of network ACL acl-e9dbyl8s\n", "Replace the rules of network ACL acl-e9dbyl8s? [y/N] ")
	r.exec(t, "acl", "associate", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l", "--subnet-ids", "subnet-i6mdq6ra").
		expect(t, 0, "Associated subnets with network ACL acl-e9dbyl8s\n", "")
	r.exec(t, "acl", "disassociate", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l", "--subnet-ids", "subnet-i6mdq6ra").
		expect(t, 0, "Disassociated subnets from network ACL acl-e9dbyl8s\n", "Disassociate subnets from network ACL acl-e9dbyl8s? [y/N] ")
}

func TestACLShowNotFound(t *testing.T) {
	srv := testserver.New(t, testserver.Reply{Body: `{"code":0,"message":"","totalCount":0,"data":[]}`})
	run{env: envFor(srv)}.exec(t, "acl", "show", "acl-e9dbyl8s").
		expect(t, 1, "", "Error: [ResourceNotFound] network ACL acl-e9dbyl8s not found\n")
}

func TestACLUsageErrors(t *testing.T) {
	set := apfArgs("acl", "rule", "set", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l", "--direction", "1", "-y")
	apfExpectUsage(t, [][2][]string{
		{apfArgs("acl", "delete", "acl-e9dbyl8s"), {"tcvpc acl delete needs --vpc-id"}},
		{apfArgs("acl", "delete", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l"), {"refusing to delete network ACL acl-e9dbyl8s without confirmation: pass --yes (-y) when stdin is not a terminal"}},
		{apfArgs("acl", "modify", "acl-E9DBYL8S", "--vpc-id", "vpc-erxok83l", "--name", "x"), {`invalid value "acl-E9DBYL8S" for ACL_ID: expected an ID like acl-xxxxxxxx (8 lowercase letters or digits)`}},
		{apfArgs("acl", "modify", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l"), {"tcvpc acl modify needs --name"}},
		{apfArgs("acl", "create", "--name", "web"), {"tcvpc acl create needs --vpc-id"}},
		{apfArgs("acl", "create", "--vpc-id", "acl-e9dbyl8s", "--name", "web"), {`invalid value "acl-e9dbyl8s" for --vpc-id: expected an ID like vpc-xxxxxxxx (8 lowercase letters or digits)`}},
		{apfArgs("acl", "associate", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l"), {"tcvpc acl associate needs --subnet-ids"}},
		{apfArgs("acl", "associate", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l", "--subnet-ids", "subnet-i6mdq6ra,eni-i6mdq6ra"), {`invalid value "eni-i6mdq6ra" for --subnet-ids: expected an ID like subnet-xxxxxxxx (8 lowercase letters or digits)`}},
		{apfArgs("acl", "list", "--order-field", "name"), {`invalid value "name" for --order-field: expected createTime or networkAclName`}},
		{apfArgs("acl", "list", "--filter", "vpc-id=vpc-erxok83l"), {"unknown flag: --filter"}},
		{apfArgs("acl", "show", "acl-e9dbyl8s", "--limit", "5"), {"unknown flag: --limit"}},
		{apfArgs("acl", "rule", "set", "acl-e9dbyl8s", "--vpc-id", "vpc-erxok83l", "--rules-json", aclRule, "-y"), {"tcvpc acl rule set needs --direction"}},
		{set, {"tcvpc acl rule set needs --rules-json"}},
		{append(set, "--rules-json", `[{"desc":"x"`), {"invalid value for --rules-json: expected JSON or @FILE (unexpected EOF)"}},
		{append(set, "--rules-json", `[{"desc":"","ipProtocol":"tcp","cidrIp":"0.0.0.0/0","portRange":"80","action":"allow"}]`), {`invalid rule 1 in --rules-json: action "allow": expected 1 or 0`}},
		{append(set, "--rules-json", `[{"desc":"","ipProtocol":"tcp","cidrIp":"0.0.0.0/0","portRange":"80"}]`), {"invalid rule 1 in --rules-json: action is missing"}},
		{append(set[:len(set)-1], "--rules-json", aclRule), {"refusing to replace the rules of network ACL acl-e9dbyl8s without confirmation: pass --yes (-y) when stdin is not a terminal"}},
	})
}

// The rule set check ModifyNetworkAclEntry's flag declares.
func TestACLCheckRules(t *testing.T) {
	ok := []string{
		aclRule,
		`[]`,
		`[{"desc":"web","ipProtocol":"TCP","cidrIp":"10.0.0.2/24","portRange":"8000-8080","action":"0"},{"desc":"","ipProtocol":"icmp","cidrIp":"10.20.3.0","portRange":"all","action":1}]`,
	}
	for _, s := range ok {
		if err := aclCheckRulesJSON("--rules-json", s); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
	rule := func(fields string) string {
		return `[` + aclRule[1:len(aclRule)-1] + `,{` + fields + `}]`
	}
	long := ""
	for range 61 {
		long += "é"
	}
	bad := []struct{ in, msg string }{
		{`{"desc":""}`, `invalid value for --rules-json: expected a JSON list of rules such as [{"desc":"web","ipProtocol":"tcp","cidrIp":"0.0.0.0/0","portRange":"80","action":1}]`},
		{`[1]`, "invalid rule 1 in --rules-json: expected an object with desc, ipProtocol, cidrIp, portRange and action"},
		{`[{`, "invalid value for --rules-json: expected JSON (unexpected EOF)"},
		{rule(`"desc":"","ipProtocol":"tcp","cidrIp":"0.0.0.0/0","portRange":"80","action":1,"direction":1`), `invalid rule 2 in --rules-json: unknown field "direction" (expected desc, ipProtocol, cidrIp, portRange, action)`},
		{rule(`"ipProtocol":"tcp","cidrIp":"0.0.0.0/0","portRange":"80","action":1`), "invalid rule 2 in --rules-json: desc is missing"},
		{rule(`"desc":null,"ipProtocol":"tcp","cidrIp":"0.0.0.0/0","portRange":"80","action":1`), "invalid rule 2 in --rules-json: desc must be a string or number"},
		{rule(`"desc":"` + long + `","ipProtocol":"tcp","cidrIp":"0.0.0.0/0","portRange":"80","action":1`), `invalid rule 2 in --rules-json: desc "` + long + `": expected at most 60 characters`},
		{rule(`"desc":"","ipProtocol":"sctp","cidrIp":"0.0.0.0/0","portRange":"80","action":1`), `invalid rule 2 in --rules-json: ipProtocol "sctp": expected tcp, udp, icmp, gre or all`},
		{rule(`"desc":"","ipProtocol":"tcp","cidrIp":"10.0.0.0/33","portRange":"80","action":1`), `invalid rule 2 in --rules-json: cidrIp "10.0.0.0/33": expected an IPv4 address or CIDR block such as 10.0.0.0/8`},
		{rule(`"desc":"","ipProtocol":"tcp","cidrIp":"fe80::/10","portRange":"80","action":1`), `invalid rule 2 in --rules-json: cidrIp "fe80::/10": expected an IPv4 address or CIDR block such as 10.0.0.0/8`},
		{rule(`"desc":"","ipProtocol":"tcp","cidrIp":"0.0.0.0/0","portRange":"443-80","action":1`), `invalid rule 2 in --rules-json: portRange "443-80": expected ALL, a port such as 80 or a range such as 8000-8080`},
		{rule(`"desc":"","ipProtocol":"tcp","cidrIp":"0.0.0.0/0","portRange":"65536","action":1`), `invalid rule 2 in --rules-json: portRange "65536": expected ALL, a port such as 80 or a range such as 8000-8080`},
		{rule(`"desc":"","ipProtocol":"tcp","cidrIp":"0.0.0.0/0","portRange":"80","action":2`), `invalid rule 2 in --rules-json: action "2": expected 1 or 0`},
		{rule(`"desc":"","ipProtocol":"tcp","cidrIp":"0.0.0.0/0","portRange":"80","action":"allow"`), `invalid rule 2 in --rules-json: action "allow": expected 1 or 0`},
	}
	for _, tc := range bad {
		err := aclCheckRulesJSON("--rules-json", tc.in)
		if err == nil || err.Error() != tc.msg {
			t.Errorf("%s:\n got %v\nwant %s", tc.in, err, tc.msg)
		}
		if exitCode(err) != ExitUsage {
			t.Errorf("%s: exit %d", tc.in, exitCode(err))
		}
	}
}
