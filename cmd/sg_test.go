package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/internal/testserver"
	"github.com/tcvpc/tcvpc/pkg/output"
)

const (
	sgGroupSet = `"TotalCount":2,"SecurityGroupSet":[` +
		`{"CreatedTime":"2017-04-18 21:02:30","IsDefault":false,"ProjectId":"0","SecurityGroupDesc":"test-group-desc","SecurityGroupId":"sg-05bb4upy","SecurityGroupName":"TestGroup"},` +
		`{"CreatedTime":"2017-04-19 08:00:00","IsDefault":true,"ProjectId":"1079263","SecurityGroupDesc":"","SecurityGroupId":"sg-ohuuioma","SecurityGroupName":"default"}]`
	sgPoliciesReply = `"SecurityGroupPolicySet":{"Version":60,` +
		`"Egress":[{"Action":"ACCEPT","AddressTemplate":{"AddressGroupId":"ipmg-2uw6ujo6"},"Direction":"EGRESS","PolicyDescription":"E1","PolicyIndex":0,"ServiceTemplate":{"ServiceId":"ppm-f5n1f8da"}}],` +
		`"Ingress":[{"Action":"ACCEPT","Protocol":"TCP","Port":"80,443","CidrBlock":"10.0.0.0/8","Direction":"INGRESS","PolicyDescription":"web","PolicyIndex":0},` +
		`{"Action":"DROP","Protocol":"ALL","SecurityGroupId":"sg-05bb4upy","Direction":"INGRESS","PolicyDescription":"","PolicyIndex":1}]}`
)

func TestSGCommandsWire(t *testing.T) {
	ingress80 := `{"Ingress":[{"Protocol":"TCP","Port":"80","CidrBlock":"10.0.0.0/8","Action":"ACCEPT","PolicyDescription":"web"}]}`
	runEipEniSgCases(t, []eipEniSgCase{
		{name: "list table", args: []string{"sg", "list"},
			reply: testserver.V3OK(sgGroupSet), action: "DescribeSecurityGroups", style: "v3", params: map[string]string{"Limit": "100"},
			stdout: "ID            NAME        DESCRIPTION       PROJECT   DEFAULT   CREATED\n" +
				"sg-05bb4upy   TestGroup   test-group-desc   0         false     2017-04-18 21:02:30\n" +
				"sg-ohuuioma   default                       1079263   true      2017-04-19 08:00:00\n"},
		{name: "list text filters", args: []string{"sg", "ls", "--filter", "project-id=0", "--filter", "security-group-name=TestGroup", "--limit", "1", "-o", "text"},
			reply: testserver.V3OK(sgGroupSet), action: "DescribeSecurityGroups", style: "v3",
			params: map[string]string{"Filters.0.Name": "project-id", "Filters.0.Values.0": "0", "Filters.1.Name": "security-group-name", "Filters.1.Values.0": "TestGroup", "Limit": "1"},
			// --limit caps the items shown, even when a reply holds more.
			stdout: "sg-05bb4upy\tTestGroup\ttest-group-desc\t0\tfalse\t2017-04-18 21:02:30\n"},
		{name: "list shorthands", args: []string{"sg", "list", "--name", "TestGroup", "--project-id", "0", "-o", "json", "--query", "TotalCount"},
			reply: testserver.V3OK(sgGroupSet), action: "DescribeSecurityGroups", style: "v3",
			params: map[string]string{"Filters.0.Name": "security-group-name", "Filters.0.Values.0": "TestGroup", "Filters.1.Name": "project-id", "Filters.1.Values.0": "0", "Limit": "100"},
			stdout: "2\n"},
		{name: "list json ids", args: []string{"sg", "list", "--security-group-id", "sg-05bb4upy,sg-ohuuioma", "-o", "json", "--query", "SecurityGroupSet[].SecurityGroupId"},
			reply: testserver.V3OK(sgGroupSet), action: "DescribeSecurityGroups", style: "v3",
			params: map[string]string{"SecurityGroupIds.0": "sg-05bb4upy", "SecurityGroupIds.1": "sg-ohuuioma", "Limit": "100"},
			stdout: "[\n  \"sg-05bb4upy\",\n  \"sg-ohuuioma\"\n]\n"},
		{name: "show", args: []string{"sg", "show", "sg-05bb4upy"},
			reply: testserver.V3OK(sgGroupSet), action: "DescribeSecurityGroups", style: "v3",
			params: map[string]string{"SecurityGroupIds.0": "sg-05bb4upy"},
			stdout: "KEY                 VALUE\n" +
				"CreatedTime         2017-04-18 21:02:30\n" +
				"IsDefault           false\n" +
				"ProjectId           0\n" +
				"SecurityGroupDesc   test-group-desc\n" +
				"SecurityGroupId     sg-05bb4upy\n" +
				"SecurityGroupName   TestGroup\n"},
		{name: "create", args: []string{"sg", "create", "--name", "TestGroup", "--description", "test-group-desc"},
			reply:  testserver.V3OK(`"SecurityGroup":{"CreatedTime":"2018-01-13 19:26:33","IsDefault":false,"ProjectId":"0","SecurityGroupDesc":"test-group-desc","SecurityGroupId":"sg-3g7ftkp3","SecurityGroupName":"TestGroup"}`),
			action: "CreateSecurityGroup", style: "v3",
			params: map[string]string{"GroupName": "TestGroup", "GroupDescription": "test-group-desc"},
			stdout: "ID            NAME        DESCRIPTION       PROJECT   DEFAULT   CREATED\n" +
				"sg-3g7ftkp3   TestGroup   test-group-desc   0         false     2018-01-13 19:26:33\n"},
		{name: "create json", args: []string{"sg", "create", "--name", "web", "--description", "web servers", "--project-id", "1079263", "-o", "json"},
			reply:  testserver.V3OK(`"SecurityGroup":{"ProjectId":"1079263","SecurityGroupDesc":"web servers","SecurityGroupId":"sg-3g7ftkp3","SecurityGroupName":"web"}`),
			action: "CreateSecurityGroup", style: "v3",
			params: map[string]string{"GroupName": "web", "GroupDescription": "web servers", "ProjectId": "1079263"},
			stdout: "{\n  \"RequestId\": \"74883e1b-5901-46de-ae1e-d6e2cf591c5b\",\n  \"SecurityGroup\": {\n    \"ProjectId\": \"1079263\",\n" +
				"    \"SecurityGroupDesc\": \"web servers\",\n    \"SecurityGroupId\": \"sg-3g7ftkp3\",\n    \"SecurityGroupName\": \"web\"\n  }\n}\n"},
		{name: "modify", args: []string{"sg", "modify", "sg-33ocnj9n", "--name", "TestGroupNewName", "--description", "test-group-desc"}, tty: true,
			reply: testserver.V3OK(""), action: "ModifySecurityGroupAttribute", style: "v3",
			params: map[string]string{"SecurityGroupId": "sg-33ocnj9n", "GroupName": "TestGroupNewName", "GroupDescription": "test-group-desc"},
			stdout: "Modified security group sg-33ocnj9n\n"},
		{name: "delete", args: []string{"sg", "rm", "sg-kxxx1gb1", "--yes"}, tty: true,
			reply: testserver.V3OK(""), action: "DeleteSecurityGroup", style: "v3",
			params: map[string]string{"SecurityGroupId": "sg-kxxx1gb1"},
			stdout: "Deleted security group sg-kxxx1gb1\n"},
		{name: "stats", args: []string{"sg", "stats", "sg-ohuuioma"},
			reply:  testserver.V3OK(`"SecurityGroupAssociationStatisticsSet":[{"CDB":0,"CLB":1,"CVM":3,"ENI":2,"SG":0,"SecurityGroupId":"sg-ohuuioma"}]`),
			action: "DescribeSecurityGroupAssociationStatistics", style: "v3",
			params: map[string]string{"SecurityGroupIds.0": "sg-ohuuioma"},
			stdout: "ID            CVM   CDB   ENI   SG   CLB\n" +
				"sg-ohuuioma   3     0     2     0    1\n"},
		{name: "rule list", args: []string{"sg", "rule", "list", "sg-ohuuioma"},
			reply: testserver.V3OK(sgPoliciesReply), action: "DescribeSecurityGroupPolicies", style: "v3",
			params: map[string]string{"SecurityGroupId": "sg-ohuuioma"},
			stdout: "DIRECTION   INDEX   ACTION   PROTOCOL:PORT   PEER            DESCRIPTION\n" +
				"ingress     0       ACCEPT   TCP:80,443      10.0.0.0/8      web\n" +
				"ingress     1       DROP     ALL             sg-05bb4upy\n" +
				"egress      0       ACCEPT   ppm-f5n1f8da    ipmg-2uw6ujo6   E1\n"},
		{name: "rule list text", args: []string{"sg", "rule", "ls", "sg-ohuuioma", "-o", "text"},
			reply: testserver.V3OK(sgPoliciesReply), action: "DescribeSecurityGroupPolicies", style: "v3",
			params: map[string]string{"SecurityGroupId": "sg-ohuuioma"},
			stdout: "ingress\t0\tACCEPT\tTCP:80,443\t10.0.0.0/8\tweb\n" +
				"ingress\t1\tDROP\tALL\tsg-05bb4upy\t\n" +
				"egress\t0\tACCEPT\tppm-f5n1f8da\tipmg-2uw6ujo6\tE1\n"},
		{name: "rule list json", args: []string{"sg", "rule", "list", "sg-ohuuioma", "-o", "json", "--query", "SecurityGroupPolicySet.Version"},
			reply: testserver.V3OK(sgPoliciesReply), action: "DescribeSecurityGroupPolicies", style: "v3",
			params: map[string]string{"SecurityGroupId": "sg-ohuuioma"},
			stdout: "60\n"},
		{name: "rule add", args: []string{"sg", "rule", "add", "sg-ohuuioma", "--direction", "ingress", "--rule", "TCP:80", "--cidr", "10.0.0.0/8", "--action", "accept", "--description", "web"}, tty: true,
			reply: testserver.V3OK(""), action: "CreateSecurityGroupPolicies", style: "v3",
			params: map[string]string{"SecurityGroupId": "sg-ohuuioma", "SecurityGroupPolicySet.Ingress.0.Protocol": "TCP",
				"SecurityGroupPolicySet.Ingress.0.Port": "80", "SecurityGroupPolicySet.Ingress.0.CidrBlock": "10.0.0.0/8",
				"SecurityGroupPolicySet.Ingress.0.Action": "ACCEPT", "SecurityGroupPolicySet.Ingress.0.PolicyDescription": "web"},
			stdout: "Added rules to security group sg-ohuuioma\n"},
		{name: "rule add json", args: []string{"sg", "rule", "add", "sg-ohuuioma", "--policies-json", ingress80},
			reply: testserver.V3OK(""), action: "CreateSecurityGroupPolicies", style: "v3",
			params: map[string]string{"SecurityGroupId": "sg-ohuuioma", "SecurityGroupPolicySet.Ingress.0.Protocol": "TCP",
				"SecurityGroupPolicySet.Ingress.0.Port": "80", "SecurityGroupPolicySet.Ingress.0.CidrBlock": "10.0.0.0/8",
				"SecurityGroupPolicySet.Ingress.0.Action": "ACCEPT", "SecurityGroupPolicySet.Ingress.0.PolicyDescription": "web"}},
		{name: "rule add egress sg", args: []string{"sg", "rule", "add", "sg-ohuuioma", "--direction", "egress", "--protocol", "ALL", "--source-sg", "sg-05bb4upy", "--action", "DROP", "--index", "0", "--version", "21"},
			reply: testserver.V3OK(""), action: "CreateSecurityGroupPolicies", style: "v3",
			params: map[string]string{"SecurityGroupId": "sg-ohuuioma", "SecurityGroupPolicySet.Version": "21",
				"SecurityGroupPolicySet.Egress.0.Protocol": "ALL", "SecurityGroupPolicySet.Egress.0.SecurityGroupId": "sg-05bb4upy",
				"SecurityGroupPolicySet.Egress.0.Action": "DROP", "SecurityGroupPolicySet.Egress.0.PolicyIndex": "0"}},
		{name: "rule delete by index", args: []string{"sg", "rule", "delete", "sg-ohuuioma", "--direction", "egress", "--index", "0,1", "--version", "40", "-y"},
			reply: testserver.V3OK(""), action: "DeleteSecurityGroupPolicies", style: "v3",
			params: map[string]string{"SecurityGroupId": "sg-ohuuioma", "SecurityGroupPolicySet.Version": "40",
				"SecurityGroupPolicySet.Egress.0.PolicyIndex": "0", "SecurityGroupPolicySet.Egress.1.PolicyIndex": "1"}},
		{name: "rule replace", args: []string{"sg", "rule", "replace", "sg-ohuuioma", "--direction", "egress", "--index", "2", "--rule", "UDP:53", "--cidr", "10.0.0.2", "--action", "ACCEPT", "--version", "20"},
			reply: testserver.V3OK(""), action: "ReplaceSecurityGroupPolicy", style: "v3",
			params: map[string]string{"SecurityGroupId": "sg-ohuuioma", "SecurityGroupPolicySet.Version": "20",
				"SecurityGroupPolicySet.Egress.0.PolicyIndex": "2", "SecurityGroupPolicySet.Egress.0.Protocol": "UDP",
				"SecurityGroupPolicySet.Egress.0.Port": "53", "SecurityGroupPolicySet.Egress.0.CidrBlock": "10.0.0.2",
				"SecurityGroupPolicySet.Egress.0.Action": "ACCEPT"}},
		{name: "rule replace templates", args: []string{"sg", "rule", "replace", "sg-ohuuioma", "--policies-json",
			`{"Version":"20","Egress":[{"PolicyIndex":2,"ServiceTemplate":{"ServiceId":"ppm-f5n1f8da"},"AddressTemplate":{"AddressId":"ipmg-2uw6ujo6"},"Action":"ACCEPT","PolicyDescription":"TestPolicy"}]}`},
			reply: testserver.V3OK(""), action: "ReplaceSecurityGroupPolicy", style: "v3",
			params: map[string]string{"SecurityGroupId": "sg-ohuuioma", "SecurityGroupPolicySet.Version": "20",
				"SecurityGroupPolicySet.Egress.0.PolicyIndex": "2", "SecurityGroupPolicySet.Egress.0.ServiceTemplate.ServiceId": "ppm-f5n1f8da",
				"SecurityGroupPolicySet.Egress.0.AddressTemplate.AddressId": "ipmg-2uw6ujo6", "SecurityGroupPolicySet.Egress.0.Action": "ACCEPT",
				"SecurityGroupPolicySet.Egress.0.PolicyDescription": "TestPolicy"}},
		{name: "rule set", args: []string{"sg", "rule", "set", "sg-ohuuioma", "-y", "--policies-json",
			`{"Ingress":[{"Protocol":"TCP","Port":"22","CidrBlock":"10.0.0.0/8","Action":"ACCEPT"}],"Egress":[{"Protocol":"ALL","CidrBlock":"0.0.0.0/0","Action":"ACCEPT"}]}`},
			tty: true, reply: testserver.V3OK(""), action: "ModifySecurityGroupPolicies", style: "v3",
			params: map[string]string{"SecurityGroupId": "sg-ohuuioma",
				"SecurityGroupPolicySet.Ingress.0.Protocol": "TCP", "SecurityGroupPolicySet.Ingress.0.Port": "22",
				"SecurityGroupPolicySet.Ingress.0.CidrBlock": "10.0.0.0/8", "SecurityGroupPolicySet.Ingress.0.Action": "ACCEPT",
				"SecurityGroupPolicySet.Egress.0.Protocol": "ALL", "SecurityGroupPolicySet.Egress.0.CidrBlock": "0.0.0.0/0",
				"SecurityGroupPolicySet.Egress.0.Action": "ACCEPT"},
			stdout: "Replaced every rule of security group sg-ohuuioma\n"},
	})
}

func TestSGRuleSetConfirmOnTerminal(t *testing.T) {
	srv := testserver.New(t)
	r := run{env: envFor(srv), tty: true, stdin: "\n"}
	r.exec(t, "sg", "rule", "set", "sg-ohuuioma", "--policies-json", `{"Ingress":[],"Egress":[]}`).
		expect(t, ExitCancelled, "", "Replace every rule of security group sg-ohuuioma? [y/N] Cancelled: nothing was changed.\n")
}

func TestSGUsageErrors(t *testing.T) {
	eipEniSgUsage(t, []struct {
		args []string
		msg  string
	}{
		{[]string{"sg", "show", "sg-05BB4UPY"}, `invalid value "sg-05BB4UPY" for SECURITY_GROUP_ID: expected an ID like sg-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"sg", "list", "--legacy"}, "tcvpc sg list is not available in the legacy API (--legacy)"},
		{[]string{"sg", "create", "--name", "web"}, "tcvpc sg create needs --description"},
		{[]string{"sg", "create", "--name", "web", "--description", "d", "--project-id", "default"}, `invalid value "default" for --project-id: expected a project ID such as 0 or 1079263`},
		{[]string{"sg", "delete", "sg-kxxx1gb1"}, "refusing to delete security group sg-kxxx1gb1 without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"sg", "stats"}, "tcvpc sg stats needs SECURITY_GROUP_ID"},
		{[]string{"sg", "rule", "add", "sg-ohuuioma"}, "tcvpc sg rule add needs a rule: --direction, --rule (or --protocol and --port), --cidr or --source-sg, --action; or --policies-json JSON|@FILE"},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--direction", "ingress", "--rule", "TCP:99999", "--cidr", "10.0.0.0/8", "--action", "ACCEPT"}, `invalid value "TCP:99999" for --rule: expected PROTOCOL[:PORT] with PORT a port (80), a range (8000-8010), a list (80,443) or ALL`},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--direction", "ingress", "--rule", "TCP:80", "--cidr", "10.0.0.0/8", "--action", "ACCEPT", "--policies-json", "{}"}, "--policies-json cannot be combined with --direction, --rule, --cidr, --action: give a whole rule set or one rule"},
		{[]string{"sg", "rule", "replace", "sg-ohuuioma", "--direction", "ingress", "--rule", "TCP:80", "--cidr", "10.0.0.0/8", "--action", "ACCEPT"}, "tcvpc sg rule replace needs --index: the index of the rule to replace (see 'tcvpc sg rule list')"},
		{[]string{"sg", "rule", "set", "sg-ohuuioma", "--direction", "ingress", "-y"}, "unknown flag: --direction"},
		{[]string{"sg", "rule", "set", "sg-ohuuioma", "-y"}, `tcvpc sg rule set needs --policies-json JSON|@FILE with the complete rule set: {"Ingress":[…],"Egress":[…]}`},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--policies-json", "TCP:80"}, "invalid value for --policies-json: expected JSON or @FILE (invalid character 'T' looking for beginning of value)"},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--policies-json", `{"Ingress":[{"Proto":"TCP"}]}`}, "unknown parameter --SecurityGroupPolicySet.Ingress.0.Proto (did you mean SecurityGroupPolicySet.Ingress.0.Protocol?); valid: PolicyIndex, Protocol, Port, ServiceTemplate, CidrBlock, SecurityGroupId, AddressTemplate, Action, PolicyDescription"},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--policies-json", `{"Ingress":[{"PolicyIndex":"first"}]}`}, `invalid value "first" for --policies-json Ingress.0.PolicyIndex: expected a rule index (0, 1, …) as shown by 'tcvpc sg rule list'`},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--policies-json", `{"Ingress":[{"Protocol":"SCTP","CidrBlock":"10.0.0.0/8","Action":"ACCEPT"}]}`}, `invalid value "SCTP" for --policies-json Ingress.0.Protocol: expected TCP, UDP, ICMP, GRE or ALL`},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--policies-json", `{"Ingress":[{"Protocol":"ICMP","Port":"8","CidrBlock":"10.0.0.0/8","Action":"ACCEPT"}]}`}, `invalid value "8" for --policies-json Ingress.0.Port: only TCP and UDP rules take a port`},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--policies-json", `{"Egress":[{"Protocol":"TCP","Port":"80-70","CidrBlock":"10.0.0.0/8","Action":"ACCEPT"}]}`}, `invalid value "80-70" for --policies-json Egress.0.Port: expected a port (80), a range (8000-8010), a list (80,443) or ALL`},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--policies-json", `{"Egress":[{"Protocol":"ALL","CidrBlock":"10.0.0.0/33","Action":"ACCEPT"}]}`}, `invalid value "10.0.0.0/33" for --policies-json Egress.0.CidrBlock: expected an IPv4 address or CIDR block such as 10.0.0.5 or 10.0.0.0/24`},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--policies-json", `{"Egress":[{"Protocol":"ALL","CidrBlock":"10.0.0.0/8","SecurityGroupId":"sg-05bb4upy","Action":"ACCEPT"}]}`}, "invalid value for --policies-json Egress.0: CidrBlock, SecurityGroupId and AddressTemplate cannot be combined"},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--policies-json", `{"Egress":[{"Protocol":"ALL","SecurityGroupId":"sg-05bb4up","Action":"ACCEPT"}]}`}, `invalid value "sg-05bb4up" for --policies-json Egress.0.SecurityGroupId: expected an ID like sg-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--policies-json", `{"Egress":[{"Protocol":"ALL","CidrBlock":"0.0.0.0/0","Action":"ALLOW"}]}`}, `invalid value "ALLOW" for --policies-json Egress.0.Action: expected ACCEPT or DROP`},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--policies-json", `{"Egress":[{"Protocol":"TCP","ServiceTemplate":{"ServiceId":"ppm-f5n1f8da"},"Action":"ACCEPT"}]}`}, "invalid value for --policies-json Egress.0: Protocol and ServiceTemplate cannot be combined"},
		{[]string{"sg", "rule", "add", "sg-ohuuioma", "--policies-json", `{"Ingress":[{"Protocol":"ALL"}],"Egress":[{"Protocol":"ALL"}]}`}, `invalid value for --policies-json: expected rules of one direction, "Ingress" or "Egress"`},
		{[]string{"sg", "rule", "replace", "sg-ohuuioma", "--policies-json", `{"Ingress":[{"Protocol":"ALL","CidrBlock":"0.0.0.0/0","Action":"DROP"}]}`}, "invalid value for --policies-json: expected one rule with its PolicyIndex"},
		{[]string{"sg", "rule", "set", "sg-ohuuioma", "--policies-json", `{"Ingress":[]}`, "-y"}, `invalid value for --policies-json: a complete rule set needs both "Ingress" and "Egress" (an empty list for none)`},
		{[]string{"sg", "rule", "set", "sg-ohuuioma", "--policies-json", "@/nonexistent/rules.json", "-y"}, "--policies-json: file /nonexistent/rules.json not found"},
		{[]string{"sg", "rule", "set", "sg-ohuuioma", "--policies-json", `{"Ingress":[],"Egress":[]}`}, "refusing to replace every rule of security group sg-ohuuioma without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"sg", "rule", "frob"}, `unknown command "frob" for "tcvpc sg rule"; see 'tcvpc sg rule --help'`},
	})
}

// The single-rule flags and --policies-json build the SecurityGroupPolicySet
// each rule operation documents.
func TestSGRuleInputPolicySet(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "rules.json")
	if err := os.WriteFile(file, []byte(`{"Version":"7","Egress":[{"Protocol":"UDP","Port":"53","CidrBlock":"10.0.0.2","Action":"ACCEPT"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		mode  sgRuleMode
		args  []string
		stdin string
		want  string // the set as JSON
	}{
		{sgAdd, []string{"--direction", "ingress", "--protocol", "tcp", "--port", "80", "--cidr", "10.0.0.0/8", "--action", "accept", "--description", "web"},
			"", `{"Ingress":[{"Action":"ACCEPT","CidrBlock":"10.0.0.0/8","PolicyDescription":"web","Port":"80","Protocol":"TCP"}]}`},
		{sgAdd, []string{"--direction", "EGRESS", "--rule", "udp:53-60", "--source-sg", "sg-05bb4upy", "--action", "DROP", "--index", "0", "--version", "21"},
			"", `{"Egress":[{"Action":"DROP","PolicyIndex":0,"Port":"53-60","Protocol":"UDP","SecurityGroupId":"sg-05bb4upy"}],"Version":"21"}`},
		{sgAdd, []string{"--direction", "in", "--rule", "TCP:80,443,8000-8010", "--cidr", "0.0.0.0/0", "--action", "ACCEPT"},
			"", `{"Ingress":[{"Action":"ACCEPT","CidrBlock":"0.0.0.0/0","Port":"80,443,8000-8010","Protocol":"TCP"}]}`},
		{sgAdd, []string{"--direction", "ingress", "--rule", "ICMP", "--cidr", "10.0.0.5", "--action", "ACCEPT"},
			"", `{"Ingress":[{"Action":"ACCEPT","CidrBlock":"10.0.0.5","Protocol":"ICMP"}]}`},
		{sgAdd, []string{"--direction", "ingress", "--protocol", "TCP", "--port", "all", "--cidr", "172.16.0.0/12", "--action", "ACCEPT"},
			"", `{"Ingress":[{"Action":"ACCEPT","CidrBlock":"172.16.0.0/12","Port":"ALL","Protocol":"TCP"}]}`},
		{sgDelete, []string{"--direction", "egress", "--index", "0", "--index", "1", "--version", "40"},
			"", `{"Egress":[{"PolicyIndex":0},{"PolicyIndex":1}],"Version":"40"}`},
		{sgDelete, []string{"--direction", "ingress", "--rule", "ALL", "--cidr", "10.0.0.0/8", "--action", "DROP"},
			"", `{"Ingress":[{"Action":"DROP","CidrBlock":"10.0.0.0/8","Protocol":"ALL"}]}`},
		{sgReplace, []string{"--direction", "egress", "--index", "2", "--rule", "GRE", "--cidr", "10.1.0.0/16", "--action", "ACCEPT"},
			"", `{"Egress":[{"Action":"ACCEPT","CidrBlock":"10.1.0.0/16","PolicyIndex":2,"Protocol":"GRE"}]}`},
		{sgAdd, []string{"--policies-json", "@" + file},
			"", `{"Egress":[{"Action":"ACCEPT","CidrBlock":"10.0.0.2","Port":"53","Protocol":"UDP"}],"Version":"7"}`},
		{sgSet, []string{"--policies-json", "@-"},
			`{"Ingress":[],"Egress":[{"Protocol":"ALL","CidrBlock":"0.0.0.0/0","Action":"ACCEPT"}]}`,
			`{"Egress":[{"Action":"ACCEPT","CidrBlock":"0.0.0.0/0","Protocol":"ALL"}],"Ingress":[]}`},
		{sgSet, []string{"--policies-json", `{"Version":"0"}`}, "", `{"Version":"0"}`},
		{sgReplace, []string{"--policies-json", `{"Ingress":[{"PolicyIndex":3,"Protocol":"ICMP","CidrBlock":"10.0.0.0/8","Action":"DROP"}]}`},
			"", `{"Ingress":[{"Action":"DROP","CidrBlock":"10.0.0.0/8","PolicyIndex":3,"Protocol":"ICMP"}]}`},
	}
	for _, tc := range cases {
		fs := pflag.NewFlagSet("rule", pflag.ContinueOnError)
		in := addSGRuleFlags(fs, tc.mode)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		set, err := in.policySet("tcvpc sg rule", strings.NewReader(tc.stdin))
		if err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		got, _ := json.Marshal(set)
		if string(got) != tc.want {
			t.Errorf("%v:\n got %s\nwant %s", tc.args, got, tc.want)
		}
	}
}

func TestSGRuleInputErrors(t *testing.T) {
	rule := []string{"--direction", "ingress", "--cidr", "10.0.0.0/8", "--action", "ACCEPT"}
	with := func(extra ...string) []string { return append(append([]string{}, rule...), extra...) }
	cases := []struct {
		mode sgRuleMode
		args []string
		msg  string
	}{
		{sgAdd, nil, "tcvpc sg rule add needs a rule: --direction, --rule (or --protocol and --port), --cidr or --source-sg, --action; or --policies-json JSON|@FILE"},
		{sgAdd, []string{"--rule", "TCP:80", "--cidr", "10.0.0.0/8", "--action", "ACCEPT"}, "tcvpc sg rule add needs --direction ingress or egress"},
		{sgAdd, with("--direction", "inbound", "--rule", "TCP:80"), `invalid value "inbound" for --direction: expected ingress or egress`},
		{sgAdd, []string{"--direction", "ingress", "--cidr", "10.0.0.0/8", "--action", "ACCEPT"}, "tcvpc sg rule add needs --protocol (TCP, UDP, ICMP, GRE or ALL) or --rule PROTOCOL[:PORT]"},
		{sgAdd, with("--protocol", "SCTP"), `invalid value "SCTP" for --protocol: expected TCP, UDP, ICMP, GRE or ALL`},
		{sgAdd, with("--protocol", "TCP"), "TCP rules need a port: --port 80, 8000-8010, 80,443 or ALL (or --rule TCP:80)"},
		{sgAdd, with("--protocol", "ICMP", "--port", "8"), `invalid value "8" for --port: only TCP and UDP rules take a port, not ICMP`},
		{sgAdd, with("--rule", "ICMP:8"), `invalid value "ICMP:8" for --rule: only TCP and UDP rules take a port, not ICMP`},
		{sgAdd, with("--protocol", "TCP", "--port", "0"), `invalid value "0" for --port: expected a port (80), a range (8000-8010), a list (80,443) or ALL`},
		{sgAdd, with("--protocol", "TCP", "--port", "65536"), `invalid value "65536" for --port: expected a port (80), a range (8000-8010), a list (80,443) or ALL`},
		{sgAdd, with("--protocol", "TCP", "--port", "90-80"), `invalid value "90-80" for --port: expected a port (80), a range (8000-8010), a list (80,443) or ALL`},
		{sgAdd, with("--protocol", "TCP", "--port", "http"), `invalid value "http" for --port: expected a port (80), a range (8000-8010), a list (80,443) or ALL`},
		{sgAdd, with("--rule", "TCP"), "TCP rules need a port: --port 80, 8000-8010, 80,443 or ALL (or --rule TCP:80)"},
		{sgAdd, with("--rule", "TCP:"), `invalid value "TCP:" for --rule: expected PROTOCOL[:PORT] (PROTOCOL one of TCP, UDP, ICMP, GRE, ALL), e.g. TCP:80, UDP:53-60, TCP:80,443, ICMP`},
		{sgAdd, with("--rule", "HTTP:80"), `invalid value "HTTP:80" for --rule: expected PROTOCOL[:PORT] (PROTOCOL one of TCP, UDP, ICMP, GRE, ALL), e.g. TCP:80, UDP:53-60, TCP:80,443, ICMP`},
		{sgAdd, with("--rule", "TCP:80-"), `invalid value "TCP:80-" for --rule: expected PROTOCOL[:PORT] with PORT a port (80), a range (8000-8010), a list (80,443) or ALL`},
		{sgAdd, with("--rule", "TCP:80", "--port", "81"), "--rule cannot be combined with --protocol or --port: it sets both"},
		{sgAdd, []string{"--direction", "ingress", "--rule", "TCP:80", "--cidr", "10.0.0.1/8", "--action", "ACCEPT"}, `invalid value "10.0.0.1/8" for --cidr: expected an IPv4 address or CIDR block such as 10.0.0.5 or 10.0.0.0/24`},
		{sgAdd, []string{"--direction", "ingress", "--rule", "TCP:80", "--cidr", "any", "--action", "ACCEPT"}, `invalid value "any" for --cidr: expected an IPv4 address or CIDR block such as 10.0.0.5 or 10.0.0.0/24`},
		{sgAdd, []string{"--direction", "ingress", "--rule", "TCP:80", "--cidr", "2001:db8::/32", "--action", "ACCEPT"}, `invalid value "2001:db8::/32" for --cidr: expected an IPv4 address or CIDR block such as 10.0.0.5 or 10.0.0.0/24`},
		{sgAdd, []string{"--direction", "ingress", "--rule", "TCP:80", "--source-sg", "sg-1", "--action", "ACCEPT"}, `invalid value "sg-1" for --source-sg: expected an ID like sg-xxxxxxxx (8 lowercase letters or digits)`},
		{sgAdd, with("--rule", "TCP:80", "--source-sg", "sg-05bb4upy"), "--cidr and --source-sg cannot be combined: a rule has one peer"},
		{sgAdd, []string{"--direction", "ingress", "--rule", "TCP:80", "--action", "ACCEPT"}, "tcvpc sg rule add needs --cidr (e.g. 10.0.0.0/8, 0.0.0.0/0) or --source-sg sg-xxxxxxxx"},
		{sgAdd, []string{"--direction", "ingress", "--rule", "TCP:80", "--cidr", "10.0.0.0/8"}, "tcvpc sg rule add needs --action ACCEPT or DROP"},
		{sgAdd, []string{"--direction", "ingress", "--rule", "TCP:80", "--cidr", "10.0.0.0/8", "--action", "ALLOW"}, `invalid value "ALLOW" for --action: expected ACCEPT or DROP`},
		{sgAdd, with("--rule", "TCP:80", "--version", "v2"), `invalid value "v2" for --version: expected the rule-set version shown by 'tcvpc sg rule list', e.g. 21`},
		{sgAdd, with("--rule", "TCP:80", "--index", "-1"), `invalid value "-1" for --index: expected a rule index (0, 1, …) as shown by 'tcvpc sg rule list'`},
		{sgAdd, with("--rule", "TCP:80", "--index", "1,2"), "--index given 2 times: expected one index"},
		{sgDelete, []string{"--direction", "egress", "--index", "first"}, `invalid value "first" for --index: expected a rule index (0, 1, …) as shown by 'tcvpc sg rule list'`},
		{sgReplace, with("--rule", "TCP:80"), "tcvpc sg rule add needs --index: the index of the rule to replace (see 'tcvpc sg rule list')"},
		{sgDelete, []string{"--direction", "ingress", "--index", "0", "--rule", "TCP:80"}, "--index cannot be combined with --rule: delete by index or by matching a rule, not both"},
		{sgAdd, []string{"--policies-json", "{}", "--direction", "ingress"}, "--policies-json cannot be combined with --direction: give a whole rule set or one rule"},
		{sgAdd, []string{"--policies-json", "@/nonexistent/rules.json"}, "--policies-json: file /nonexistent/rules.json not found"},
		{sgAdd, []string{"--policies-json", "{"}, "invalid value for --policies-json: expected JSON or @FILE (unexpected EOF)"},
		{sgAdd, []string{"--policies-json", "[]"}, `invalid value for --policies-json: expected an object {"Ingress":[…],"Egress":[…]}`},
		{sgAdd, []string{"--policies-json", `{"Ingress":[{"Protocol":"TCP","Port":"http","CidrBlock":"10.0.0.0/8"}]}`}, `invalid value "http" for --policies-json Ingress.0.Port: expected a port (80), a range (8000-8010), a list (80,443) or ALL`},
		{sgAdd, []string{"--policies-json", `{"Ingress":[{"Protocol":"ALL"}],"Egress":[{"Protocol":"ALL"}]}`}, `invalid value for --policies-json: expected rules of one direction, "Ingress" or "Egress"`},
		{sgAdd, []string{"--policies-json", `{"Version":"3"}`}, `invalid value for --policies-json: expected rules of one direction, "Ingress" or "Egress"`},
		{sgReplace, []string{"--policies-json", `{"Egress":[{"Protocol":"ALL"}]}`}, "invalid value for --policies-json: expected one rule with its PolicyIndex"},
		{sgSet, nil, `tcvpc sg rule add needs --policies-json JSON|@FILE with the complete rule set: {"Ingress":[…],"Egress":[…]}`},
		{sgSet, []string{"--policies-json", `{"Ingress":[]}`}, `invalid value for --policies-json: a complete rule set needs both "Ingress" and "Egress" (an empty list for none)`},
		{sgSet, []string{"--policies-json", `{"Ingress":[{"PolicyIndex":1}],"Egress":[]}`}, "invalid value for --policies-json: PolicyIndex is not accepted when replacing every rule"},
	}
	for _, tc := range cases {
		fs := pflag.NewFlagSet("rule", pflag.ContinueOnError)
		in := addSGRuleFlags(fs, tc.mode)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		_, err := in.policySet("tcvpc sg rule add", strings.NewReader(""))
		var u *UsageError
		if err == nil || err.Error() != tc.msg || !asUsage(err, &u) {
			t.Errorf("%v:\n got %v\nwant %s", tc.args, err, tc.msg)
		}
	}
}

func asUsage(err error, u **UsageError) bool {
	v, ok := err.(*UsageError)
	*u = v
	return ok
}

// sgRuleRows puts both directions of a DescribeSecurityGroupPolicies reply
// in one table.
func TestSGRuleRows(t *testing.T) {
	var reply map[string]any
	if err := json.Unmarshal([]byte(`{`+sgPoliciesReply+`}`), &reply); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := output.Render(&b, map[string]any{"Rules": sgRuleRows(reply)}, output.Options{Rows: "Rules", Columns: sgRuleColumns}); err != nil {
		t.Fatal(err)
	}
	want := "DIRECTION   INDEX   ACTION   PROTOCOL:PORT   PEER            DESCRIPTION\n" +
		"ingress     0       ACCEPT   TCP:80,443      10.0.0.0/8      web\n" +
		"ingress     1       DROP     ALL             sg-05bb4upy\n" +
		"egress      0       ACCEPT   ppm-f5n1f8da    ipmg-2uw6ujo6   E1\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if rows := sgRuleRows(map[string]any{}); rows != nil {
		t.Errorf("no rules: %v", rows)
	}
	if !reflect.DeepEqual(sgRuleRow(map[string]any{"Protocol": "tcp", "Port": "all"}, "")["Service"], "TCP:ALL") {
		t.Error("protocol and port are shown in upper case")
	}
}

// --policies-json @FILE reads the set from a JSON or YAML file; its rules
// are checked like inline ones.
func TestSGRulePoliciesFromFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "rules.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(good, []byte("Version: \"21\"\nIngress:\n  - Protocol: UDP\n    Port: \"53\"\n    CidrBlock: 10.0.0.2\n    Action: ACCEPT\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("Ingress:\n  - Protocol: UDP\n    Port: \"53\"\n    CidrBlock: 10.0.0.2/8\n    Action: ACCEPT\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := testserver.New(t, testserver.V3OK(""))
	r := run{env: envFor(srv)}
	r.exec(t, "sg", "rule", "add", "sg-ohuuioma", "--policies-json", "@"+good).expect(t, 0, "", "")
	r.exec(t, "sg", "rule", "add", "sg-ohuuioma", "--policies-json", "@"+bad).
		expect(t, 2, "", "Error: invalid value \"10.0.0.2/8\" for --policies-json Ingress.0.CidrBlock: expected an IPv4 address or CIDR block such as 10.0.0.5 or 10.0.0.0/24\n")
	calls := srv.Calls()
	want := map[string]string{"SecurityGroupId": "sg-ohuuioma", "SecurityGroupPolicySet.Version": "21",
		"SecurityGroupPolicySet.Ingress.0.Protocol": "UDP", "SecurityGroupPolicySet.Ingress.0.Port": "53",
		"SecurityGroupPolicySet.Ingress.0.CidrBlock": "10.0.0.2", "SecurityGroupPolicySet.Ingress.0.Action": "ACCEPT"}
	if len(calls) != 1 || calls[0].Action != "CreateSecurityGroupPolicies" || !reflect.DeepEqual(calls[0].Params, want) {
		t.Fatalf("sent %+v", calls)
	}
}

// --policies-json @- reads the rule set from stdin, e.g. another group's.
func TestSGRuleSetFromStdin(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(""))
	run{env: envFor(srv), stdin: `{"Ingress":[{"Protocol":"ICMP","CidrBlock":"0.0.0.0/0","Action":"ACCEPT"}],"Egress":[]}`}.
		exec(t, "sg", "rule", "set", "sg-ohuuioma", "--policies-json", "@-", "-y").expect(t, 0, "", "")
	c := srv.Calls()[0]
	want := `{"SecurityGroupId":"sg-ohuuioma","SecurityGroupPolicySet":{"Egress":[],"Ingress":[{"Action":"ACCEPT","CidrBlock":"0.0.0.0/0","Protocol":"ICMP"}]}}`
	if c.Action != "ModifySecurityGroupPolicies" || c.Body != want {
		t.Fatalf("sent %s %s", c.Action, c.Body)
	}
}
