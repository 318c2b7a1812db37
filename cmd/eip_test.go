package cmd

import (
	"reflect"
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// eipEniSgCase is one command of the eip, eni or sg groups: the exact
// request it sends and, where given, its exact stdout.
type eipEniSgCase struct {
	name   string
	args   []string
	reply  testserver.Reply
	action string
	style  string // "v3" or "legacy"
	params map[string]string
	stdout string
	tty    bool
}

func runEipEniSgCases(t *testing.T, cases []eipEniSgCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := testserver.New(t, tc.reply)
			res := run{env: envFor(srv), tty: tc.tty}.exec(t, tc.args...)
			res.expect(t, 0, tc.stdout, "")
			calls := srv.Calls()
			if len(calls) != 1 {
				t.Fatalf("%d requests sent", len(calls))
			}
			c := calls[0]
			if c.Action != tc.action || c.Style != tc.style || !c.SignatureOK || !reflect.DeepEqual(c.Params, tc.params) {
				t.Fatalf("sent %s %s %#v (signature ok %v)\nwant %s %s %#v", c.Style, c.Action, c.Params, c.SignatureOK, tc.style, tc.action, tc.params)
			}
		})
	}
}

// eipEniSgUsage runs invalid command lines: each exits 2 with its message
// and nothing is sent.
func eipEniSgUsage(t *testing.T, cases []struct {
	args []string
	msg  string
}) {
	t.Helper()
	srv := testserver.New(t)
	r := run{env: envFor(srv)}
	for _, tc := range cases {
		r.exec(t, tc.args...).expect(t, 2, "", "Error: "+tc.msg+"\n")
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent for invalid input", n)
	}
}

const eipAddressSet = `"TotalCount":2,"AddressSet":[` +
	`{"AddressId":"eip-hxlqja90","AddressIp":"123.121.34.33","AddressName":"test","AddressStatus":"BINDED","CreatedTime":"2017-09-12T07:52:00Z",` +
	`"InstanceId":"ins-m2j0thu6","IsArrears":false,"IsBlocked":false,"NetworkInterfaceId":null,"PrivateAddressIp":null},` +
	`{"AddressId":"eip-m44ku5d2","AddressIp":"123.121.34.34","AddressName":"","AddressStatus":"UNBIND","CreatedTime":"2017-09-13T01:02:03Z",` +
	`"InstanceId":null,"IsArrears":false,"IsBlocked":false,"NetworkInterfaceId":null,"PrivateAddressIp":null}]`

func TestEIPCommandsWire(t *testing.T) {
	runEipEniSgCases(t, []eipEniSgCase{
		{name: "list table", args: []string{"eip", "list"},
			reply: testserver.V3OK(eipAddressSet), action: "DescribeAddresses", style: "v3", params: map[string]string{"Limit": "100"},
			stdout: "ID             NAME   IP              STATUS   INSTANCE       ENI   PRIVATE IP   CREATED\n" +
				"eip-hxlqja90   test   123.121.34.33   BINDED   ins-m2j0thu6   -     -            2017-09-12T07:52:00Z\n" +
				"eip-m44ku5d2          123.121.34.34   UNBIND   -              -     -            2017-09-13T01:02:03Z\n"},
		{name: "list text filter", args: []string{"eip", "ls", "--filter", "address-status=UNBIND,BIND", "--limit", "2", "-o", "text"},
			reply: testserver.V3OK(eipAddressSet), action: "DescribeAddresses", style: "v3",
			params: map[string]string{"Filters.0.Name": "address-status", "Filters.0.Values.0": "UNBIND", "Filters.0.Values.1": "BIND", "Limit": "2"},
			stdout: "eip-hxlqja90\ttest\t123.121.34.33\tBINDED\tins-m2j0thu6\t\t\t2017-09-12T07:52:00Z\n" +
				"eip-m44ku5d2\t\t123.121.34.34\tUNBIND\t\t\t\t2017-09-13T01:02:03Z\n"},
		{name: "list shorthands", args: []string{"eip", "list", "--status", "UNBIND", "--ip", "123.121.34.34", "--name", "web", "--instance-id", "ins-m2j0thu6", "-o", "json", "--query", "TotalCount"},
			reply: testserver.V3OK(eipAddressSet), action: "DescribeAddresses", style: "v3",
			params: map[string]string{"Filters.0.Name": "address-name", "Filters.0.Values.0": "web", "Filters.1.Name": "address-status", "Filters.1.Values.0": "UNBIND",
				"Filters.2.Name": "instance-id", "Filters.2.Values.0": "ins-m2j0thu6", "Filters.3.Name": "address-ip", "Filters.3.Values.0": "123.121.34.34", "Limit": "100"},
			stdout: "2\n"},
		{name: "list json ids", args: []string{"eip", "list", "--address-id", "eip-hxlqja90", "-o", "json"},
			reply: testserver.V3OK(`"TotalCount":0,"AddressSet":[]`), action: "DescribeAddresses", style: "v3",
			params: map[string]string{"AddressIds.0": "eip-hxlqja90", "Limit": "100"},
			stdout: "{\n  \"AddressSet\": [],\n  \"RequestId\": \"74883e1b-5901-46de-ae1e-d6e2cf591c5b\",\n  \"TotalCount\": 0\n}\n"},
		{name: "show", args: []string{"eip", "show", "eip-hxlqja90"},
			reply: testserver.V3OK(eipAddressSet), action: "DescribeAddresses", style: "v3",
			params: map[string]string{"AddressIds.0": "eip-hxlqja90"},
			stdout: "KEY                  VALUE\n" +
				"AddressId            eip-hxlqja90\n" +
				"AddressIp            123.121.34.33\n" +
				"AddressName          test\n" +
				"AddressStatus        BINDED\n" +
				"CreatedTime          2017-09-12T07:52:00Z\n" +
				"InstanceId           ins-m2j0thu6\n" +
				"IsArrears            false\n" +
				"IsBlocked            false\n" +
				"NetworkInterfaceId   -\n" +
				"PrivateAddressIp     -\n"},
		{name: "allocate", args: []string{"eip", "allocate", "--count", "2"},
			reply: testserver.V3OK(`"AddressSet":["eip-m44ku5d2","eip-hxlqja90"]`), action: "AllocateAddresses", style: "v3",
			params: map[string]string{"AddressCount": "2"},
			stdout: "ID\neip-m44ku5d2\neip-hxlqja90\n"},
		{name: "allocate json", args: []string{"eip", "allocate", "-o", "json"},
			reply: testserver.V3OK(`"AddressSet":["eip-m44ku5d2"]`), action: "AllocateAddresses", style: "v3",
			params: map[string]string{},
			stdout: "{\n  \"AddressSet\": [\n    \"eip-m44ku5d2\"\n  ],\n  \"RequestId\": \"74883e1b-5901-46de-ae1e-d6e2cf591c5b\"\n}\n"},
		{name: "associate instance", args: []string{"eip", "associate", "eip-ek0cdz1g", "--instance-id", "ins-1bmpb9tu"}, tty: true,
			reply: testserver.V3OK(""), action: "AssociateAddress", style: "v3",
			params: map[string]string{"AddressId": "eip-ek0cdz1g", "InstanceId": "ins-1bmpb9tu"},
			stdout: "Associated EIP eip-ek0cdz1g\n"},
		{name: "associate eni", args: []string{"eip", "associate", "eip-ek0cdz1g", "--network-interface-id", "eni-m6dyj72l", "--private-ip", "10.0.0.5"},
			reply: testserver.V3OK(""), action: "AssociateAddress", style: "v3",
			params: map[string]string{"AddressId": "eip-ek0cdz1g", "NetworkInterfaceId": "eni-m6dyj72l", "PrivateIpAddress": "10.0.0.5"}},
		{name: "disassociate", args: []string{"eip", "disassociate", "eip-ek0cdz1g", "--reallocate-public-ip", "-y"},
			reply: testserver.V3OK(""), action: "DisassociateAddress", style: "v3",
			params: map[string]string{"AddressId": "eip-ek0cdz1g", "ReallocateNormalPublicIp": "true"}},
		{name: "modify", args: []string{"eip", "modify", "eip-p2x6wxc0", "--name", "test_eip"},
			reply: testserver.V3OK(""), action: "ModifyAddressAttribute", style: "v3",
			params: map[string]string{"AddressId": "eip-p2x6wxc0", "AddressName": "test_eip"}},
		{name: "release", args: []string{"eip", "release", "eip-gzc5rgr2", "--yes"}, tty: true,
			reply: testserver.V3OK(""), action: "ReleaseAddresses", style: "v3",
			params: map[string]string{"AddressIds.0": "eip-gzc5rgr2"},
			stdout: "Released EIP eip-gzc5rgr2\n"},
		{name: "transform", args: []string{"eip", "transform", "ins-3ea0qeu6"}, tty: true,
			reply: testserver.V3OK(""), action: "TransformAddress", style: "v3",
			params: map[string]string{"InstanceId": "ins-3ea0qeu6"},
			stdout: "Converted the public IP of instance ins-3ea0qeu6\n"},
		{name: "quota", args: []string{"eip", "quota"},
			reply: testserver.V3OK(`"QuotaSet":[{"QuotaCurrent":0,"QuotaId":"TOTAL_EIP_QUOTA","QuotaLimit":20},` +
				`{"QuotaCurrent":3,"QuotaId":"DAILY_EIP_APPLY","QuotaLimit":40},{"QuotaCurrent":0,"QuotaId":"DAILY_EIP_ASSIGN","QuotaLimit":40}]`),
			action: "DescribeAddressQuota", style: "v3", params: map[string]string{},
			stdout: "QUOTA              USED   LIMIT\n" +
				"TOTAL_EIP_QUOTA    0      20\n" +
				"DAILY_EIP_APPLY    3      40\n" +
				"DAILY_EIP_ASSIGN   0      40\n"},
		{name: "quota text", args: []string{"eip", "quota", "-o", "text"},
			reply:  testserver.V3OK(`"QuotaSet":[{"QuotaCurrent":0,"QuotaId":"TOTAL_EIP_QUOTA","QuotaLimit":20}]`),
			action: "DescribeAddressQuota", style: "v3", params: map[string]string{},
			stdout: "TOTAL_EIP_QUOTA\t0\t20\n"},
	})
}

func TestEIPShowNotFound(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(`"TotalCount":0,"AddressSet":[]`))
	run{env: envFor(srv)}.exec(t, "eip", "show", "eip-hxlqja90").
		expect(t, 1, "", "Error: [ResourceNotFound] EIP eip-hxlqja90 not found (RequestId: 74883e1b-5901-46de-ae1e-d6e2cf591c5b)\n")
}

func TestEIPUsageErrors(t *testing.T) {
	eipEniSgUsage(t, []struct {
		args []string
		msg  string
	}{
		{[]string{"eip", "show", "eip-HXLQJA90"}, `invalid value "eip-HXLQJA90" for EIP_ID: expected an ID like eip-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"eip", "show"}, "tcvpc eip show needs EIP_ID"},
		{[]string{"eip", "associate", "eip-ek0cdz1g", "--instance-id", "i-1bmpb9tu"}, `invalid value "i-1bmpb9tu" for --instance-id: expected an ID like ins-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"eip", "associate", "eip-ek0cdz1g", "--network-interface-id", "eni-m6dyj72l", "--private-ip", "10.0.0.300"}, `invalid value "10.0.0.300" for --private-ip: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"eip", "associate", "eip-ek0cdz1g", "--network-interface-id", "sg-m6dyj72l"}, `invalid value "sg-m6dyj72l" for --network-interface-id: expected an ID like eni-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"eip", "modify", "eip-p2x6wxc0"}, "tcvpc eip modify needs --name"},
		{[]string{"eip", "modify", "eip-p2x6wxc0", "--name", "x", "--legacy"}, "tcvpc eip modify is not available in the legacy API (--legacy)"},
		{[]string{"eip", "allocate", "--count", "two"}, `invalid value "two" for --count: expected a whole number`},
		{[]string{"eip", "release", "eip-gzc5rgr2"}, "refusing to release EIP eip-gzc5rgr2 without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"eip", "disassociate", "eip-ek0cdz1g"}, "refusing to disassociate EIP eip-ek0cdz1g without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"eip", "transform", "ins_3ea0qeu6"}, `invalid value "ins_3ea0qeu6" for INSTANCE_ID: expected an ID like ins-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"eip", "list", "--filter", "address-status"}, `invalid value "address-status" for --filter: expected NAME=VALUE[,VALUE…], e.g. vpc-name=prod`},
		{[]string{"eip", "allocate", "--count", "0"}, `invalid value "0" for --count: expected a whole number, 1 or more`},
		{[]string{"eip", "list", "--ip", "123.121.34"}, `invalid value "123.121.34" for --ip: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"eip", "list", "--instance-id", "i-m2j0thu6"}, `invalid value "i-m2j0thu6" for --instance-id: expected an ID like ins-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"eip", "quota", "extra"}, `tcvpc eip quota takes no arguments, got "extra"`},
	})
}

func TestEIPReleaseConfirmOnTerminal(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(""))
	r := run{env: envFor(srv), tty: true, stdin: "n\n"}
	r.exec(t, "eip", "release", "eip-gzc5rgr2").expect(t, ExitCancelled, "", "Release EIP eip-gzc5rgr2? [y/N] Cancelled: nothing was changed.\n")
	r.stdin = "yes\n"
	r.exec(t, "eip", "release", "eip-gzc5rgr2").expect(t, 0, "Released EIP eip-gzc5rgr2\n", "Release EIP eip-gzc5rgr2? [y/N] ")
}
