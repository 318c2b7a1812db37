package cmd

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/internal/testserver"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/iostreams"
)

// IDs and replies from the manual's direct connect gateway pages (IDs
// lengthened to the 8 characters real ones have).
const (
	dcgTestVpc = "vpc-csnmo39l"
	dcgTestID  = "dcg-mm01ughx"

	dcgListReply = `{"code":"0","message":"","totalCount":2,"data":[` +
		`{"vpcId":"gz_vpc_20","vpcName":"vpc20","directConnectGatewayId":"dcg-46i442a7","directConnectGatewayName":"apolloan",` +
		`"directConnectGatewayIp":"10.212.253.59","snatNum":1,"dnatNum":0,"snaptNum":0,"dnaptNum":0,"createTime":"2016-06-29 19:20:45",` +
		`"vpcCidrBlock":"172.17.0.0/16","unVpcId":"vpc-kx49lmyv","type":1},` +
		`{"vpcId":"gz_vpc_21","directConnectGatewayId":"dcg-mm01ughx","directConnectGatewayName":"office",` +
		`"directConnectGatewayIp":"10.212.253.60","snatNum":0,"dnatNum":0,"snaptNum":0,"dnaptNum":0,"createTime":"2017-04-13 18:37:57",` +
		`"unVpcId":"vpc-csnmo39l","type":0}]}`
	dcgOK        = `{"code":"0","message":""}`
	dcgRuleTask  = `{"code":"0","message":"","data":{"taskId":"17934"},"codeDesc":"Success"}`
	dcgRuleEmpty = `{"code":"0","message":"","codeDesc":"Success","data":[]}`
	dcgGwTask    = `{"code":"0","message":"","taskId":16284}`
)

// dcgWant is the wire parameters every rule command sends plus kv.
func dcgWant(kv ...string) map[string]string {
	m := map[string]string{"vpcId": dcgTestVpc, "directConnectGatewayId": dcgTestID}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

type dcgWireCase struct {
	name   string
	args   []string
	reply  string
	action string
	params map[string]string
	stdout string
}

// dcgRunWire runs each case against a scripted server and checks the
// one legacy request it sends and what it prints.
func dcgRunWire(t *testing.T, cases []dcgWireCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := testserver.New(t, testserver.Reply{Body: tc.reply})
			run{env: envFor(srv)}.exec(t, tc.args...).expect(t, 0, tc.stdout, "")
			calls := srv.Calls()
			if len(calls) != 1 {
				t.Fatalf("%d requests sent", len(calls))
			}
			c := calls[0]
			if c.Style != "legacy" || c.Action != tc.action || c.Region != "gz" || !reflect.DeepEqual(c.Params, tc.params) {
				t.Fatalf("sent %s %s (region %s) %v\nwant legacy %s %v", c.Style, c.Action, c.Region, c.Params, tc.action, tc.params)
			}
		})
	}
}

func TestDcgWire(t *testing.T) {
	rule := []string{dcgTestID, "--vpc-id", dcgTestVpc}
	args := func(path string, extra ...string) []string {
		return append(append(append([]string{"dcg"}, strings.Fields(path)...), rule...), extra...)
	}
	dcgRunWire(t, []dcgWireCase{
		// The gateway itself.
		{"list", []string{"dcg", "list", "--vpc-id", dcgTestVpc, "--name", "office", "--order-field", "createTime", "--order-direction", "asc", "--limit", "10", "--offset", "20", "-o", "text"},
			dcgListReply, "DescribeDirectConnectGateway",
			map[string]string{"vpcId": dcgTestVpc, "directConnectGatewayName": "office", "orderField": "createTime", "orderDirection": "asc", "limit": "10", "offset": "20"},
			"dcg-46i442a7\tapolloan\tvpc-kx49lmyv\tNAT\t10.212.253.59\t2016-06-29 19:20:45\n" +
				"dcg-mm01ughx\toffice\tvpc-csnmo39l\tstandard\t10.212.253.60\t2017-04-13 18:37:57\n"},
		{"show", []string{"dcg", "show", "dcg-46i442a7", "-o", "text"},
			dcgListReply, "DescribeDirectConnectGateway", map[string]string{"directConnectGatewayId": "dcg-46i442a7"},
			"createTime\t2016-06-29 19:20:45\ndirectConnectGatewayId\tdcg-46i442a7\ndirectConnectGatewayIp\t10.212.253.59\n" +
				"directConnectGatewayName\tapolloan\ndnaptNum\t0\ndnatNum\t0\nsnaptNum\t0\nsnatNum\t1\ntype\t1\nunVpcId\tvpc-kx49lmyv\n" +
				"vpcCidrBlock\t172.17.0.0/16\nvpcId\tgz_vpc_20\nvpcName\tvpc20\n"},
		{"create", []string{"dcg", "create", "--vpc-id", dcgTestVpc, "--name", "专线网关", "--type", "1"},
			`{"code":"0","message":"","data":{"directConnectGatewayId":"dcg-mm01ughx"}}`, "CreateDirectConnectGateway",
			map[string]string{"vpcId": dcgTestVpc, "directConnectGatewayName": "专线网关", "type": "1"},
			"ID\ndcg-mm01ughx\n"},
		{"modify", []string{"dcg", "modify", dcgTestID, "--vpc-id", dcgTestVpc, "--name", "office2", "-o", "text"},
			`{"code":"0","message":"","taskId":"16284"}`, "ModifyDirectConnectGateway",
			dcgWant("directConnectGatewayName", "office2"), "16284\n"},
		{"delete", []string{"dcg", "rm", dcgTestID, "--vpc-id", dcgTestVpc, "-y"},
			dcgGwTask, "DeleteDirectConnectGateway", dcgWant(), "TASK ID\n16284\n"},

		// Local IP translations.
		{"local-ip list", args("nat-rule local-ip list", "--original-ip", "10.0.0.1", "--translation-ip", "138.0.0.1", "--description", "web", "--limit", "5", "--offset", "5"),
			`{"code":"0","message":"","data":[{"originalIP":"10.0.0.1","translationIP":"138.0.0.1","description":"备注1"}]}`,
			"DescribeLocalIPTranslationNatRule",
			dcgWant("originalIP", "10.0.0.1", "translationIP", "138.0.0.1", "description", "web", "limit", "5", "offset", "5"),
			"ORIGINAL IP   TRANSLATED IP   DESCRIPTION\n10.0.0.1      138.0.0.1       备注1\n"},
		{"local-ip create", args("nat-rule local-ip create", "--rules", `[{"originalIP":"10.100.10.2","translationIP":"183.0.0.1","description":"web"},{"originalIP":"10.100.10.3","translationIP":"183.0.0.2"}]`, "-o", "text"),
			dcgRuleTask, "CreateLocalIPTranslationNatRule",
			dcgWant("localIPTranslation.0.originalIP", "10.100.10.2", "localIPTranslation.0.translationIP", "183.0.0.1", "localIPTranslation.0.description", "web",
				"localIPTranslation.1.originalIP", "10.100.10.3", "localIPTranslation.1.translationIP", "183.0.0.2"),
			"17934\n"},
		{"local-ip modify", args("nat-rule local-ip modify", "--old-original-ip", "10.0.0.1", "--old-translation-ip", "138.0.0.1", "--original-ip", "10.0.0.5", "--translation-ip", "138.0.0.11", "--description", "db"),
			`{"code":"0","message":"","data":{"taskId":"17922"},"codeDesc":"Success"}`, "ModifyLocalIPTranslationNatRule",
			dcgWant("oldOriginalIP", "10.0.0.1", "oldTranslationIP", "138.0.0.1", "originalIP", "10.0.0.5", "translationIP", "138.0.0.11", "description", "db"),
			"TASK ID\n17922\n"},
		{"local-ip delete", args("nat-rule local-ip delete", "--rules", `[{"originalIP":"10.100.10.2","translationIP":"183.0.0.1"}]`, "-y", "-o", "text"),
			`{"code":"0","message":"","data":{"taskId":"17924"},"codeDesc":"Success"}`, "DeleteLocalIPTranslationNatRule",
			dcgWant("localIPTranslation.0.originalIP", "10.100.10.2", "localIPTranslation.0.translationIP", "183.0.0.1"), "17924\n"},

		// Peer IP translations.
		{"peer-ip list", args("nat-rule peer-ip ls", "--original-ip", "10.0.0.1"),
			`{"code":"0","message":"","data":[{"originalIP":"10.0.0.1","translationIP":"138.0.0.1","description":"office"}]}`,
			"DescribePeerIPTranslationNatRule", dcgWant("originalIP", "10.0.0.1"),
			"ORIGINAL IP   TRANSLATED IP   DESCRIPTION\n10.0.0.1      138.0.0.1       office\n"},
		{"peer-ip create", args("nat-rule peer-ip create", "--rules", `[{"originalIP":"10.100.10.3","translationIP":"183.0.0.1","description":"183.0.0.1"}]`),
			dcgRuleEmpty, "CreatePeerIPTranslationNatRule",
			dcgWant("peerIPTranslation.0.originalIP", "10.100.10.3", "peerIPTranslation.0.translationIP", "183.0.0.1", "peerIPTranslation.0.description", "183.0.0.1"), ""},
		{"peer-ip modify", args("nat-rule peer-ip modify", "--old-original-ip", "10.0.0.1", "--old-translation-ip", "138.0.0.1", "--original-ip", "10.0.0.5", "--translation-ip", "138.0.0.11"),
			dcgOK, "ModifyPeerIPTranslationNatRule",
			dcgWant("oldOriginalIP", "10.0.0.1", "oldTranslationIP", "138.0.0.1", "originalIP", "10.0.0.5", "translationIP", "138.0.0.11"), ""},
		{"peer-ip delete", args("nat-rule peer-ip rm", "--rules", `[{"originalIP":"10.100.10.3","translationIP":"183.0.0.1"}]`, "--yes"),
			dcgRuleEmpty, "DeletePeerIPTranslationNatRule",
			dcgWant("peerIPTranslation.0.originalIP", "10.100.10.3", "peerIPTranslation.0.translationIP", "183.0.0.1"), ""},

		// Local source IP port translations.
		{"local-source-port list", args("nat-rule local-source-port list", "--description", "egress"),
			`{"code":"0","message":"","data":[{"translationIPPool":"1.1.1.1-1.1.2.254","description":"备注1"}]}`,
			"DescribeLocalSourceIPPortTranslationNatRule", dcgWant("description", "egress"),
			"IP POOL             DESCRIPTION\n1.1.1.1-1.1.2.254   备注1\n"},
		{"local-source-port create", args("nat-rule local-source-port create", "--rules", `[{"translationIPPool":"183.12.63.0-183.12.63.20","description":"barttest"}]`),
			`{"code":"0","message":"","data":{"taskId":"17922"},"codeDesc":"Success"}`, "CreateLocalSourceIPPortTranslationNatRule",
			dcgWant("localSourceIPPortTranslation.0.translationIPPool", "183.12.63.0-183.12.63.20", "localSourceIPPortTranslation.0.description", "barttest"),
			"TASK ID\n17922\n"},
		{"local-source-port modify", args("nat-rule local-source-port modify", "--old-translation-ip-pool", "138.0.0.11-138.0.0.19", "--translation-ip-pool", "138.0.0.0/28", "--description", "x", "-o", "text"),
			`{"code":"0","message":"","data":{"taskId":"17922"},"codeDesc":"Success"}`, "ModifyLocalSourceIPPortTranslationNatRule",
			dcgWant("oldTranslationIPPool", "138.0.0.11-138.0.0.19", "translationIPPool", "138.0.0.0/28", "description", "x"), "17922\n"},
		{"local-source-port delete", args("nat-rule local-source-port delete", "--rules", `[{"translationIPPool":"183.12.63.7"}]`, "-y"),
			`{"code":"0","message":"","data":{"taskId":"17923"},"codeDesc":"Success"}`, "DeleteLocalSourceIPPortTranslationNatRule",
			dcgWant("localSourceIPPortTranslation.0.translationIPPool", "183.12.63.7"), "TASK ID\n17923\n"},

		// Local destination IP port translations.
		{"local-destination-port list", args("nat-rule local-destination-port list", "--protocol", "tcp", "--original-ip", "10.0.0.1", "--original-port", "80-90",
			"--translation-ip", "138.0.0.1", "--translation-port", "800-820", "--description", "web", "--limit", "1"),
			`{"code":"0","message":"","data":[{"originalIP":"10.0.0.1","originalPort":"80-90","translationIP":"138.0.0.1","translationPort":"800-820","proto":"tcp","description":"备注1"}]}`,
			"DescribeLocalDestinationIPPortTranslationNatRule",
			dcgWant("proto", "tcp", "originalIP", "10.0.0.1", "originalPort", "80-90", "translationIP", "138.0.0.1", "translationPort", "800-820", "description", "web", "limit", "1"),
			"PROTOCOL   ORIGINAL IP   ORIGINAL PORT   TRANSLATED IP   TRANSLATED PORT   DESCRIPTION\n" +
				"tcp        10.0.0.1      80-90           138.0.0.1       800-820           备注1\n"},
		{"local-destination-port create", args("nat-rule local-destination-port create", "--rules",
			`[{"originalIP":"10.100.10.3","originalPort":"80","translationIP":"183.0.0.1","translationPort":"90","proto":"tcp","description":"183.0.0.1"}]`),
			dcgRuleEmpty, "CreateLocalDestinationIPPortTranslationNatRule",
			dcgWant("localDestinationIPPortTranslation.0.originalIP", "10.100.10.3", "localDestinationIPPortTranslation.0.originalPort", "80",
				"localDestinationIPPortTranslation.0.translationIP", "183.0.0.1", "localDestinationIPPortTranslation.0.translationPort", "90",
				"localDestinationIPPortTranslation.0.proto", "tcp", "localDestinationIPPortTranslation.0.description", "183.0.0.1"), ""},
		{"local-destination-port modify", args("nat-rule local-destination-port modify", "--old-protocol", "tcp", "--old-original-ip", "10.0.0.1", "--old-original-port", "80",
			"--old-translation-ip", "138.0.0.1", "--old-translation-port", "90", "--protocol", "udp", "--original-ip", "10.0.0.2", "--original-port", "53",
			"--translation-ip", "138.0.0.2", "--translation-port", "5353", "--description", "dns"),
			dcgOK, "ModifyLocalDestinationIPPortTranslationNatRule",
			dcgWant("oldProto", "tcp", "oldOriginalIP", "10.0.0.1", "oldOriginalPort", "80", "oldTranslationIP", "138.0.0.1", "oldTranslationPort", "90",
				"proto", "udp", "originalIP", "10.0.0.2", "originalPort", "53", "translationIP", "138.0.0.2", "translationPort", "5353", "description", "dns"), ""},
		{"local-destination-port delete", args("nat-rule local-destination-port delete", "-y", "--rules",
			`[{"originalIP":"10.100.10.3","originalPort":"80","translationIP":"183.0.0.1","translationPort":"90","proto":"tcp"}]`),
			dcgRuleEmpty, "DeleteLocalDestinationIPPortTranslationNatRule",
			dcgWant("localDestinationIPPortTranslation.0.originalIP", "10.100.10.3", "localDestinationIPPortTranslation.0.originalPort", "80",
				"localDestinationIPPortTranslation.0.translationIP", "183.0.0.1", "localDestinationIPPortTranslation.0.translationPort", "90",
				"localDestinationIPPortTranslation.0.proto", "tcp"), ""},

		// ACL rules of local IP translations.
		{"acl local-ip list", args("acl-rule local-ip list", "--original-ip", "10.0.0.5", "--translation-ip", "138.0.0.11", "--rule-id", "67,68"),
			`{"code":"0","message":"","data":[{"aclRuleId":"67","protocol":"TCP","sourcePort":"80","destinationCidr":"10.0.0.2/18","destinationPort":"90"}]}`,
			"DescribeLocalIPTranslationAclRule",
			dcgWant("originalIP", "10.0.0.5", "translationIP", "138.0.0.11", "aclRules.0", "67", "aclRules.1", "68"),
			"ID   PROTOCOL   SOURCE PORT   DESTINATION   DESTINATION PORT\n67   TCP        80            10.0.0.2/18   90\n"},
		{"acl local-ip create", args("acl-rule local-ip create", "--original-ip", "10.0.0.5", "--translation-ip", "138.0.0.11", "--rules",
			`[{"protocol":"tcp","sourcePort":"80","destinationCidr":"10.0.0.2/18","destinationPort":"90"}]`),
			dcgOK, "CreateLocalIPTranslationAclRule",
			dcgWant("originalIP", "10.0.0.5", "translationIP", "138.0.0.11", "aclRules.0.protocol", "tcp", "aclRules.0.sourcePort", "80",
				"aclRules.0.destinationCidr", "10.0.0.2/18", "aclRules.0.destinationPort", "90"), ""},
		{"acl local-ip modify", args("acl-rule local-ip modify", "--original-ip", "10.0.0.5", "--translation-ip", "138.0.0.11", "--rules",
			`[{"aclRuleId":27,"protocol":"tcp","sourcePort":"80","destinationCidr":"10.0.0.2/18","destinationPort":"90"}]`),
			dcgOK, "ModifyLocalIPTranslationAclRule",
			dcgWant("originalIP", "10.0.0.5", "translationIP", "138.0.0.11", "aclRules.0.aclRuleId", "27", "aclRules.0.protocol", "tcp", "aclRules.0.sourcePort", "80",
				"aclRules.0.destinationCidr", "10.0.0.2/18", "aclRules.0.destinationPort", "90"), ""},
		{"acl local-ip delete", args("acl-rule local-ip rm", "--original-ip", "10.0.0.5", "--translation-ip", "138.0.0.11", "--rule-id", "25", "-y"),
			dcgOK, "DeleteLocalIPTranslationAclRule",
			dcgWant("originalIP", "10.0.0.5", "translationIP", "138.0.0.11", "aclRules.0", "25"), ""},

		// ACL rules of local source IP port translations.
		{"acl local-source-port list", args("acl-rule local-source-port ls", "--translation-ip-pool", "11.1.1.1-11.1.1.10", "--rule-id", "25"),
			`{"code":"0","message":"","data":[{"aclRuleId":"67","protocol":"TCP","sourceCidr":"11.1.0.2/16","sourcePort":"80","destinationCidr":"10.0.0.2/18","destinationPort":"90"}]}`,
			"DescribeLocalSourceIPPortTranslationAclRule",
			dcgWant("translationIPPool", "11.1.1.1-11.1.1.10", "aclRules.0", "25"),
			"ID   PROTOCOL   SOURCE        SOURCE PORT   DESTINATION   DESTINATION PORT\n67   TCP        11.1.0.2/16   80            10.0.0.2/18   90\n"},
		{"acl local-source-port create", args("acl-rule local-source-port create", "--translation-ip-pool", "138.0.0.11-138.0.0.111", "--rules",
			`[{"protocol":"tcp","sourceCidr":"111.0.0.1/18","sourcePort":"80","destinationCidr":"10.0.0.2/18","destinationPort":"90"}]`),
			dcgOK, "CreateLocalSourceIPPortTranslationAclRule",
			dcgWant("translationIPPool", "138.0.0.11-138.0.0.111", "aclRules.0.protocol", "tcp", "aclRules.0.sourceCidr", "111.0.0.1/18", "aclRules.0.sourcePort", "80",
				"aclRules.0.destinationCidr", "10.0.0.2/18", "aclRules.0.destinationPort", "90"), ""},
		{"acl local-source-port modify", args("acl-rule local-source-port modify", "--translation-ip-pool", "138.0.0.11-138.0.0.111", "--rules",
			`[{"aclRuleId":26,"protocol":"tcp","sourceCidr":"111.0.0.1/18","sourcePort":"80","destinationCidr":"10.0.0.2/18","destinationPort":"90"}]`),
			dcgOK, "ModifyLocalSourceIPPortTranslationAclRule",
			dcgWant("translationIPPool", "138.0.0.11-138.0.0.111", "aclRules.0.aclRuleId", "26", "aclRules.0.protocol", "tcp", "aclRules.0.sourceCidr", "111.0.0.1/18",
				"aclRules.0.sourcePort", "80", "aclRules.0.destinationCidr", "10.0.0.2/18", "aclRules.0.destinationPort", "90"), ""},
		{"acl local-source-port delete", args("acl-rule local-source-port delete", "--translation-ip-pool", "11.1.1.1-11.1.1.10", "--rule-id", "25", "--rule-id", "26", "-y"),
			dcgOK, "DeleteLocalSourceIPPortTranslationAclRule",
			dcgWant("translationIPPool", "11.1.1.1-11.1.1.10", "aclRules.0", "25", "aclRules.1", "26"), ""},
	})
}

func TestDcgListOutputs(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: dcgListReply},
		testserver.Reply{Body: dcgListReply},
		testserver.Reply{Body: `{"code":"0","message":"","totalCount":0,"data":[]}`},
	)
	r := run{env: envFor(srv)}
	r.exec(t, "dcg", "list").expect(t, 0,
		"ID             NAME       VPC            TYPE       IP              CREATED\n"+
			"dcg-46i442a7   apolloan   vpc-kx49lmyv   NAT        10.212.253.59   2016-06-29 19:20:45\n"+
			"dcg-mm01ughx   office     vpc-csnmo39l   standard   10.212.253.60   2017-04-13 18:37:57\n", "")
	res := r.exec(t, "dcg", "ls", "-o", "json", "--query", "data[].directConnectGatewayId")
	res.expect(t, 0, "[\n  \"dcg-46i442a7\",\n  \"dcg-mm01ughx\"\n]\n", "")
	r.exec(t, "dcg", "show", "dcg-zzzzzzzz").
		expect(t, 1, "", "Error: [ResourceNotFound] direct connect gateway dcg-zzzzzzzz not found\n")
}

func TestDcgListJSON(t *testing.T) {
	srv := testserver.New(t, testserver.Reply{Body: `{"code":"0","message":"","data":[{"translationIPPool":"1.1.1.1-1.1.2.254","description":"备注1"}]}`})
	run{env: envFor(srv)}.exec(t, "dcg", "nat-rule", "local-source-port", "list", dcgTestID, "--vpc-id", dcgTestVpc, "-o", "json").
		expect(t, 0, `{
  "code": "0",
  "data": [
    {
      "description": "备注1",
      "translationIPPool": "1.1.1.1-1.1.2.254"
    }
  ],
  "message": ""
}
`, "")
}

// All pages: --all follows offset/limit until totalCount rows are in.
func TestDcgListAll(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: `{"code":"0","message":"","totalCount":2,"data":[{"directConnectGatewayId":"dcg-46i442a7"}]}`},
		testserver.Reply{Body: `{"code":"0","message":"","totalCount":2,"data":[{"directConnectGatewayId":"dcg-mm01ughx"}]}`},
	)
	run{env: envFor(srv)}.exec(t, "dcg", "list", "--page-size", "1", "-o", "text", "--query", "data[].directConnectGatewayId").
		expect(t, 0, "dcg-46i442a7\ndcg-mm01ughx\n", "")
	calls := srv.Calls()
	if !reflect.DeepEqual(calls[0].Params, map[string]string{"limit": "1"}) ||
		!reflect.DeepEqual(calls[1].Params, map[string]string{"offset": "1", "limit": "1"}) {
		t.Fatalf("pages: %v, %v", calls[0].Params, calls[1].Params)
	}
}

func TestDcgRuleWait(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: dcgRuleTask},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":2}}`},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":0}}`},
	)
	run{env: envFor(srv)}.exec(t, "dcg", "nat-rule", "local-ip", "create", dcgTestID, "--vpc-id", dcgTestVpc,
		"--rules", `[{"originalIP":"10.100.10.2","translationIP":"183.0.0.1"}]`, "--wait").
		expect(t, 0, "", "Adding local IP translation rules on dcg-mm01ughx (task 17934): running (0s)\n"+
			"Adding local IP translation rules on dcg-mm01ughx (task 17934): succeeded (0s)\n")
	for _, c := range srv.Calls()[1:] {
		if c.Action != "DescribeVpcTaskResult" || c.Params["taskId"] != "17934" {
			t.Fatalf("poll sent %s %v", c.Action, c.Params)
		}
	}
}

// DeleteDirectConnectGateway replies with a top-level taskId.
func TestDcgDeleteWait(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: dcgGwTask},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":2}}`},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":0}}`},
	)
	run{env: envFor(srv)}.exec(t, "dcg", "delete", dcgTestID, "--vpc-id", dcgTestVpc, "--wait", "-y").
		expect(t, 0, "", "Deleting direct connect gateway dcg-mm01ughx (task 16284): running (0s)\n"+
			"Deleting direct connect gateway dcg-mm01ughx (task 16284): succeeded (0s)\n")
	for _, c := range srv.Calls()[1:] {
		if c.Action != "DescribeVpcTaskResult" || c.Params["taskId"] != "16284" {
			t.Fatalf("poll sent %s %v", c.Action, c.Params)
		}
	}
}

// --rules @FILE reads the rules from a file, JSON or YAML, and checks them
// as it does inline JSON.
func TestDcgRulesFromFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "rules.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(good, []byte("- translationIPPool: 183.12.63.0-183.12.63.20\n  description: egress\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("- translationIPPool: 183.12.63.20-183.12.63.0\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := testserver.New(t, testserver.Reply{Body: dcgRuleTask})
	r := run{env: envFor(srv)}
	args := []string{"dcg", "nat-rule", "local-source-port", "create", dcgTestID, "--vpc-id", dcgTestVpc, "-o", "text", "--rules"}
	r.exec(t, append(args, "@"+bad)...).expect(t, 2, "",
		`Error: invalid value "183.12.63.20-183.12.63.0" for --rules[0].translationIPPool: expected an IPv4 address, a range such as 111.0.0.2-111.0.0.100 or a CIDR block such as 111.0.0.0/28`+"\n")
	r.exec(t, append(args, "@"+good)...).expect(t, 0, "17934\n", "")
	calls := srv.Calls()
	want := dcgWant("localSourceIPPortTranslation.0.translationIPPool", "183.12.63.0-183.12.63.20", "localSourceIPPortTranslation.0.description", "egress")
	if len(calls) != 1 || !reflect.DeepEqual(calls[0].Params, want) {
		t.Fatalf("sent %v", calls)
	}
}

func TestDcgConfirmOnTerminal(t *testing.T) {
	srv := testserver.New(t, testserver.Reply{Body: dcgOK})
	args := []string{"dcg", "acl-rule", "local-ip", "delete", dcgTestID, "--vpc-id", dcgTestVpc, "--original-ip", "10.0.0.5", "--translation-ip", "138.0.0.11", "--rule-id", "25"}
	r := run{env: envFor(srv), tty: true, stdin: "n\n"}
	r.exec(t, args...).expect(t, ExitCancelled, "", "Delete local IP translation ACL rules on dcg-mm01ughx? [y/N] Cancelled: nothing was changed.\n")
	r.stdin = "y\n"
	r.exec(t, args...).expect(t, 0, "Deleted local IP translation ACL rules on dcg-mm01ughx\n", "Delete local IP translation ACL rules on dcg-mm01ughx? [y/N] ")
}

func TestDcgUsageErrors(t *testing.T) {
	srv := testserver.New(t)
	r := run{env: envFor(srv)}
	rule := func(path string, extra ...string) []string {
		return append(append(append([]string{"dcg"}, strings.Fields(path)...), dcgTestID, "--vpc-id", dcgTestVpc), extra...)
	}
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{"dcg", "show", "dcg-MM01UGHX"}, `invalid value "dcg-MM01UGHX" for DCG_ID: expected an ID like dcg-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"dcg", "show"}, "tcvpc dcg show needs DCG_ID"},
		{[]string{"dcg", "create", "--vpc-id", dcgTestVpc}, "tcvpc dcg create needs --name"},
		{[]string{"dcg", "create", "--vpc-id", "subnet-2qhi9m7h", "--name", "x"}, `invalid value "subnet-2qhi9m7h" for --vpc-id: expected an ID like vpc-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"dcg", "modify", dcgTestID, "--name", "x"}, "tcvpc dcg modify needs --vpc-id"},
		{[]string{"dcg", "delete", dcgTestID, "--vpc-id", dcgTestVpc}, "refusing to delete direct connect gateway dcg-mm01ughx without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"dcg", "list", "--order-direction", "up"}, `invalid value "up" for --order-direction: expected asc or desc`},
		{[]string{"dcg", "list", "--page-size", "51"}, "invalid value 51 for --page-size: expected 1 to 50"},
		{[]string{"dcg", "create", "--vpc-id", dcgTestVpc, "--name", "x", "--type", "2"}, `invalid value "2" for --type: expected 0 or 1`},
		{rule("nat-rule peer-ip list", "--offset", "-1"), `invalid value "-1" for --offset: expected a whole number, 0 or more`},
		{[]string{"dcg", "nat-rule", "local-ip", "list"}, "tcvpc dcg nat-rule local-ip list needs DCG_ID"},
		{rule("nat-rule local-ip modify", "--old-original-ip", "10.0.0", "--old-translation-ip", "138.0.0.1"), `invalid value "10.0.0" for --old-original-ip: expected an IPv4 address such as 10.0.0.5`},
		{rule("nat-rule local-ip modify", "--old-original-ip", "10.0.0.1"), "tcvpc dcg nat-rule local-ip modify needs --old-translation-ip"},
		{rule("nat-rule peer-ip list", "--translation-ip", "138.0.0.1/32"), `invalid value "138.0.0.1/32" for --translation-ip: expected an IPv4 address such as 10.0.0.5`},
		{rule("nat-rule local-destination-port modify", "--old-protocol", "icmp", "--old-original-ip", "10.0.0.1", "--old-original-port", "80", "--old-translation-ip", "138.0.0.1", "--old-translation-port", "90"),
			`invalid value "icmp" for --old-protocol: expected tcp or udp`},
		{rule("nat-rule local-destination-port list", "--original-port", "70000"), `invalid value "70000" for --original-port: expected a port (0-65535), a range such as 90-100, or ALL`},
		{rule("nat-rule local-destination-port list", "--translation-port", "90-80"), `invalid value "90-80" for --translation-port: expected a port (0-65535), a range such as 90-100, or ALL`},
		{rule("nat-rule local-source-port modify", "--old-translation-ip-pool", "10.0.0.9-10.0.0.1"),
			`invalid value "10.0.0.9-10.0.0.1" for --old-translation-ip-pool: expected an IPv4 address, a range such as 111.0.0.2-111.0.0.100 or a CIDR block such as 111.0.0.0/28`},
		{rule("acl-rule local-source-port list", "--translation-ip-pool", "11.1.1.1-11.1.1.10", "--rule-id", "x25"), `invalid value "x25" for --rule-id: expected a whole number, 0 or more`},
		{rule("acl-rule local-ip delete", "--original-ip", "10.0.0.5", "--translation-ip", "138.0.0.11", "-y"), "tcvpc dcg acl-rule local-ip delete needs --rule-id"},
		// --rules: JSON syntax from the builder, the fields' forms here,
		// their names and presence from the model.
		{rule("nat-rule local-ip create", "--rules", `{"originalIP":`), "invalid value for --rules: expected JSON or @FILE (unexpected EOF)"},
		{rule("nat-rule local-ip create", "--rules", `[{"originalIP":"10.0.0.1","translationIP":"183.0.0"}]`),
			`invalid value "183.0.0" for --rules[0].translationIP: expected an IPv4 address such as 10.0.0.5`},
		{rule("nat-rule local-destination-port delete", "-y", "--rules", `[{"originalIP":"10.0.0.3","originalPort":"80","translationIP":"183.0.0.1","translationPort":"90","proto":"icmp"}]`),
			`invalid value "icmp" for --rules[0].proto: expected tcp or udp`},
		{rule("nat-rule local-source-port create", "--rules", `[{"translationIPPool":"183.12.63.0-183.12.63"}]`),
			`invalid value "183.12.63.0-183.12.63" for --rules[0].translationIPPool: expected an IPv4 address, a range such as 111.0.0.2-111.0.0.100 or a CIDR block such as 111.0.0.0/28`},
		{rule("acl-rule local-source-port create", "--translation-ip-pool", "11.1.1.1-11.1.1.10", "--rules", `[{"protocol":"TCP","sourceCidr":"any","sourcePort":"0","destinationCidr":"","destinationPort":"0"}]`),
			`invalid value "any" for --rules[0].sourceCidr: expected an IPv4 address or CIDR block such as 10.0.0.5 or 10.0.0.0/24`},
		{rule("nat-rule local-ip create", "--rules", `[{"originalIP":"10.0.0.1"}]`), "--rules[0].translationIP is required"},
		{rule("nat-rule peer-ip create", "--rules", `[{"originalIp":"10.0.0.1","translationIP":"1.1.1.1"}]`),
			"unknown field originalIp in --rules[0] (did you mean originalIP?); valid: originalIP, translationIP, description"},
		{rule("acl-rule local-ip modify", "--original-ip", "10.0.0.5", "--translation-ip", "138.0.0.11", "--rules", `[{"aclRuleId":"x","protocol":"TCP","sourcePort":"0","destinationCidr":"","destinationPort":"0"}]`),
			`invalid value "x" for --rules[0].aclRuleId: expected an integer`},
		{rule("acl-rule local-ip create", "--original-ip", "10.0.0.5", "--translation-ip", "138.0.0.11", "--rules", `[{"protocol":"TCP","sourcePort":"0","destinationPort":"0"}]`),
			"--rules[0].destinationCidr is required"},
		{rule("nat-rule local-ip create"), "tcvpc dcg nat-rule local-ip create needs --rules"},
		{[]string{"dcg", "nat-rule", "frobnicate"}, `unknown command "frobnicate" for "tcvpc dcg nat-rule"; see 'tcvpc dcg nat-rule --help'`},
	}
	for _, tc := range cases {
		r.exec(t, tc.args...).expect(t, 2, "", "Error: "+tc.msg+"\n")
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent for invalid input", n)
	}
}

// Every operation of the dcg and nat groups is reached by a command.
func TestDcgNatCoverModel(t *testing.T) {
	reached := reachedActions(t)
	for _, g := range []string{"dcg", "nat"} {
		ops := model.InGroup(g)
		if len(ops) == 0 {
			t.Fatalf("no operations in group %s", g)
		}
		for _, op := range ops {
			if !reached[op.Style.String()+" "+op.Action] {
				t.Errorf("%s: %s %s has no command", g, op.Style, op.Action)
			}
		}
	}
}

// Every dcg and nat command has English help, an example of itself, and
// examples that run: parsed, checked and sent, never a usage error.
func TestDcgNatHelpAndExamples(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		switch r.Form.Get("Action") {
		case "DescribeVpcTaskResult", "QueryNatGatewayProductionStatus":
			io.WriteString(w, `{"code":0,"message":"","data":{"status":0}}`)
		default:
			io.WriteString(w, `{"code":0,"message":"","taskId":1,"billId":"1","totalCount":1,"data":[{}]}`)
		}
	}))
	defer srv.Close()
	r := run{env: map[string]string{
		"TENCENTCLOUD_SECRET_ID": "AKIDx", "TENCENTCLOUD_SECRET_KEY": "k", "TENCENTCLOUD_REGION": "ap-guangzhou",
		"TCVPC_ENDPOINT": srv.URL,
	}}
	iostr, _, _ := iostreams.Test("", false)
	root := (&app{f: &Factory{IO: iostr, Getenv: func(string) string { return "" }}}).newRoot(nil)
	han := func(s string) bool {
		for _, c := range s {
			if unicode.Is(unicode.Han, c) {
				return true
			}
		}
		return false
	}
	n := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		if c.Annotations["legacy"] == "" {
			return
		}
		n++
		p := strings.TrimPrefix(c.CommandPath(), "tcvpc ")
		if !strings.Contains(c.Example, "tcvpc "+p+" ") && !strings.HasSuffix(c.Example, "tcvpc "+p) {
			t.Errorf("%s: example %q does not show the command", p, c.Example)
		}
		for _, text := range []string{c.Short, c.Long, c.Example} {
			if han(text) {
				t.Errorf("%s: help text is not English: %q", p, text)
			}
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if han(f.Usage) {
				t.Errorf("%s --%s: usage is not English: %q", p, f.Name, f.Usage)
			}
		})
		for _, line := range strings.Split(strings.ReplaceAll(c.Example, "\\\n", " "), "\n") {
			args := dcgShellWords(t, line)
			if len(args) == 0 || args[0] != "tcvpc" {
				t.Errorf("%s: example line %q is not a tcvpc command", p, line)
				continue
			}
			if res := r.exec(t, append(args[1:], "--yes")...); res.code != 0 {
				t.Errorf("%s: example %q: exit %d, %s", p, line, res.code, res.err)
			}
		}
	}
	for _, g := range []string{"dcg", "nat"} {
		c, _, err := root.Find([]string{g})
		if err != nil {
			t.Fatal(err)
		}
		walk(c)
	}
	if n != 29+9 {
		t.Fatalf("%d dcg and nat commands, want 38", n)
	}
}

// dcgShellWords splits an example line as a shell would for the quoting
// the examples use: single quotes and plain words.
func dcgShellWords(t *testing.T, line string) []string {
	var words []string
	var cur strings.Builder
	in, quoted := false, false
	for _, r := range strings.TrimSpace(line) {
		switch {
		case quoted && r == '\'':
			quoted = false
		case quoted:
			cur.WriteRune(r)
		case r == '\'':
			quoted, in = true, true
		case r == ' ':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quoted {
		t.Fatalf("unbalanced quote in %q", line)
	}
	if in {
		words = append(words, cur.String())
	}
	return words
}
