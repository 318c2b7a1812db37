package cmd

import (
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/internal/testserver"
	"github.com/tcvpc/tcvpc/pkg/iostreams"
)

// vpcCall is one request a command must send.
type vpcCall struct {
	action, style string
	params        map[string]string
}

// vpcCase runs args against scripted replies and checks every request,
// stdout and a clean stderr.
type vpcCase struct {
	name    string
	args    []string
	replies []testserver.Reply
	calls   []vpcCall
	stdout  string
	tty     bool
	body    string // the exact TC3 JSON body of the first call, when set
}

func vpcLegacyReply(body string) testserver.Reply { return testserver.Reply{Body: body} }

const vpcLegacyOK = `{"code":0,"message":""}`

func runVPCCases(t *testing.T, cases []vpcCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := testserver.New(t, tc.replies...)
			r := run{env: envFor(srv), tty: tc.tty}
			r.exec(t, tc.args...).expect(t, 0, tc.stdout, "")
			got := srv.Calls()
			if len(got) != len(tc.calls) {
				t.Fatalf("%d requests sent, want %d", len(got), len(tc.calls))
			}
			for i, want := range tc.calls {
				c := got[i]
				if c.Action != want.action || c.Style != want.style || !reflect.DeepEqual(c.Params, want.params) {
					t.Errorf("request %d: sent %s %s %v\nwant %s %s %v", i, c.Style, c.Action, c.Params, want.style, want.action, want.params)
				}
				if !c.SignatureOK {
					t.Errorf("request %d: bad signature", i)
				}
			}
			if tc.body != "" && got[0].Body != tc.body {
				t.Errorf("body %s\nwant %s", got[0].Body, tc.body)
			}
		})
	}
}

// runVPCUsageErrors checks that each args exits 2 with msg and sends
// nothing.
func runVPCUsageErrors(t *testing.T, cases []struct {
	args []string
	msg  string
}) {
	t.Helper()
	srv := testserver.New(t)
	r := run{env: envFor(srv)}
	for _, tc := range cases {
		res := r.exec(t, tc.args...)
		if res.code != 2 || res.stdout != "" || res.err != "Error: "+tc.msg+"\n" {
			t.Errorf("%v:\ngot exit %d, stdout %q, stderr %q\nwant exit 2, stderr %q", tc.args, res.code, res.stdout, res.err, "Error: "+tc.msg+"\n")
		}
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent for invalid input", n)
	}
}

func vpcV3(action string, params map[string]string) vpcCall { return vpcCall{action, "v3", params} }
func vpcLegacy(action string, params map[string]string) vpcCall {
	return vpcCall{action, "legacy", params}
}

// Replies transcribed from the manual's examples (with its typos in field
// names fixed as the data structures spell them).
const (
	vpcDescribeVpcsReply = `"TotalCount":2,"VpcSet":[` +
		`{"CidrBlock":"10.0.0.0/16","CreatedTime":"2018-04-25 10:26:26","DhcpOptionsId":"dopt-8g7k5qfq","DnsServerSet":["10.0.0.1","183.60.82.98"],"DomainName":"aa.bb.cc","EnableMulticast":false,"IsDefault":false,"VpcId":"vpc-p5sf61yj","VpcName":"dhcp-test"},` +
		`{"CidrBlock":"172.16.0.0/16","CreatedTime":"2017-04-17 15:41:07","EnableMulticast":true,"IsDefault":true,"VpcId":"vpc-0akbol5v","VpcName":"Default-VPC"}]`
	vpcDescribeVpcExReply = `{"code":0,"message":"","totalCount":10,"data":[{"vpcId":"gz_vpc_245","unVpcId":"vpc-8e0ypm3z","vpcName":"alblack.bbb","cidrBlock":"10.0.0.0/24",` +
		`"subnetNum":0,"routeTableNum":5,"vpnGwNum":3,"vpcPeerNum":5,"vpcDeviceNum":0,"classicLinkNum":1,"vpgNum":0,"natNum":0,"createTime":"2015-08-24 15:05:16","isDefault":false}]}`
	vpcDescribeSubnetsReply = `"SubnetSet":[{"AvailableIpAddressCount":4002,"CidrBlock":"172.16.16.0/20","CreatedTime":"2017-04-20 11:30:48","EnableBroadcast":false,"IsDefault":true,` +
		`"RouteTableId":"rtb-l2h8d7c2","SubnetId":"subnet-otu92seu","SubnetName":"default-gz2","VpcId":"vpc-2at5y1pn","Zone":"ap-guangzhou-2"}],"TotalCount":1`
	vpcDescribeSubnetExReply = `{"code":0,"message":"","totalCount":1,"data":[{"vpcId":"gz_vpc_64","unVpcId":"vpc-kd7d06of","vpcName":"panpan-vpc1","vpcCidrBlock":"10.0.0.0/16",` +
		`"subnetId":"gz_subnet_18748","unSubnetId":"subnet-3lzkspo0","subnetName":"tttt","subnetCreateTime":"2015-11-13 12:06:26","routeTableId":"gz_rt_359",` +
		`"unRouteTableId":"rtb-85alck92","routeTableName":"222","cidrBlock":"10.0.200.0/24","zoneId":800001,"zone":"ap-guangzhou-2","vpcDevices":0,"networkAclId":0,` +
		`"totalIPNum":253,"availableIPNum":253,"broadcast":false}]}`
)

func TestVPCCommandsWire(t *testing.T) {
	runVPCCases(t, []vpcCase{
		// vpc list
		{name: "list v3 table",
			args:    []string{"vpc", "list", "--filter", "is-default=false", "--filter", "cidr-block=10.8.0.0,192.168.0.0", "--limit", "2"},
			replies: []testserver.Reply{testserver.V3OK(vpcDescribeVpcsReply)},
			calls: []vpcCall{vpcV3("DescribeVpcs", map[string]string{"Limit": "2",
				"Filters.0.Name": "is-default", "Filters.0.Values.0": "false",
				"Filters.1.Name": "cidr-block", "Filters.1.Values.0": "10.8.0.0", "Filters.1.Values.1": "192.168.0.0"})},
			stdout: "ID             NAME          CIDR            DEFAULT   CREATED\n" +
				"vpc-p5sf61yj   dhcp-test     10.0.0.0/16     false     2018-04-25 10:26:26\n" +
				"vpc-0akbol5v   Default-VPC   172.16.0.0/16   true      2017-04-17 15:41:07\n"},
		{name: "list v3 text by id",
			args:    []string{"vpc", "ls", "--vpc-id", "vpc-p5sf61yj", "-o", "text"},
			replies: []testserver.Reply{testserver.V3OK(vpcDescribeVpcsReply)},
			calls:   []vpcCall{vpcV3("DescribeVpcs", map[string]string{"VpcIds.0": "vpc-p5sf61yj", "Limit": "100"})},
			stdout: "vpc-p5sf61yj\tdhcp-test\t10.0.0.0/16\tfalse\t2018-04-25 10:26:26\n" +
				"vpc-0akbol5v\tDefault-VPC\t172.16.0.0/16\ttrue\t2017-04-17 15:41:07\n"},
		{name: "list v3 json",
			args:    []string{"vpcs", "list", "--offset", "20", "-o", "json"},
			replies: []testserver.Reply{testserver.V3OK(`"TotalCount":21,"VpcSet":[{"CidrBlock":"10.0.0.0/16","VpcId":"vpc-p5sf61yj","VpcName":"a"}]`)},
			calls:   []vpcCall{vpcV3("DescribeVpcs", map[string]string{"Offset": "20", "Limit": "100"})},
			stdout: `{
  "RequestId": "74883e1b-5901-46de-ae1e-d6e2cf591c5b",
  "TotalCount": 21,
  "VpcSet": [
    {
      "CidrBlock": "10.0.0.0/16",
      "VpcId": "vpc-p5sf61yj",
      "VpcName": "a"
    }
  ]
}
`},
		{name: "list v3 all pages",
			args: []string{"vpc", "list", "--all", "--page-size", "2", "-o", "text", "--query", "VpcSet[].VpcId"},
			replies: []testserver.Reply{
				testserver.V3OK(`"TotalCount":3,"VpcSet":[{"VpcId":"vpc-aaaaaaa1"},{"VpcId":"vpc-aaaaaaa2"}]`),
				testserver.V3OK(`"TotalCount":3,"VpcSet":[{"VpcId":"vpc-aaaaaaa3"}]`),
			},
			calls: []vpcCall{
				vpcV3("DescribeVpcs", map[string]string{"Limit": "2"}),
				vpcV3("DescribeVpcs", map[string]string{"Offset": "2", "Limit": "1"}),
			},
			stdout: "vpc-aaaaaaa1\nvpc-aaaaaaa2\nvpc-aaaaaaa3\n"},
		{name: "list legacy",
			args:    []string{"vpc", "list", "--legacy", "--vpc-id", "vpc-2ari9m7h", "--limit", "1", "--order-direction", "desc", "--vpc-name", "alblack"},
			replies: []testserver.Reply{vpcLegacyReply(vpcDescribeVpcExReply)},
			calls: []vpcCall{vpcLegacy("DescribeVpcEx", map[string]string{"vpcId": "vpc-2ari9m7h", "limit": "1",
				"orderDirection": "desc", "vpcName": "alblack"})},
			stdout: "ID             NAME          CIDR          SUBNETS   DEFAULT   CREATED\n" +
				"vpc-8e0ypm3z   alblack.bbb   10.0.0.0/24   0         false     2015-08-24 15:05:16\n"},

		// vpc show
		{name: "show v3",
			args:    []string{"vpc", "show", "vpc-p5sf61yj"},
			replies: []testserver.Reply{testserver.V3OK(vpcDescribeVpcsReply)},
			calls:   []vpcCall{vpcV3("DescribeVpcs", map[string]string{"VpcIds.0": "vpc-p5sf61yj"})},
			stdout: "KEY               VALUE\n" +
				"CidrBlock         10.0.0.0/16\n" +
				"CreatedTime       2018-04-25 10:26:26\n" +
				"DhcpOptionsId     dopt-8g7k5qfq\n" +
				"DnsServerSet      10.0.0.1,183.60.82.98\n" +
				"DomainName        aa.bb.cc\n" +
				"EnableMulticast   false\n" +
				"IsDefault         false\n" +
				"VpcId             vpc-p5sf61yj\n" +
				"VpcName           dhcp-test\n"},
		{name: "show legacy text",
			args:    []string{"vpc", "show", "vpc-2ari9m7h", "--legacy", "-o", "text"},
			replies: []testserver.Reply{vpcLegacyReply(vpcDescribeVpcExReply)},
			calls:   []vpcCall{vpcLegacy("DescribeVpcEx", map[string]string{"vpcId": "vpc-2ari9m7h"})},
			stdout: "cidrBlock\t10.0.0.0/24\nclassicLinkNum\t1\ncreateTime\t2015-08-24 15:05:16\nisDefault\tfalse\n" +
				"natNum\t0\nrouteTableNum\t5\nsubnetNum\t0\nunVpcId\tvpc-8e0ypm3z\nvpcDeviceNum\t0\nvpcId\tgz_vpc_245\n" +
				"vpcName\talblack.bbb\nvpcPeerNum\t5\nvpgNum\t0\nvpnGwNum\t3\n"},

		// vpc create
		{name: "create v3",
			args:    []string{"vpc", "create", "--name", "TestVPC", "--cidr-block", "10.8.0.0/16"},
			replies: []testserver.Reply{testserver.V3OK(`"Vpc":{"CidrBlock":"10.8.0.0/16","EnableMulticast":false,"VpcId":"vpc-4tboefn3","VpcName":"TestVPC"}`)},
			calls:   []vpcCall{vpcV3("CreateVpc", map[string]string{"VpcName": "TestVPC", "CidrBlock": "10.8.0.0/16"})},
			stdout: "ID             NAME      CIDR          MULTICAST\n" +
				"vpc-4tboefn3   TestVPC   10.8.0.0/16   false\n"},
		{name: "create v3 query id",
			args: []string{"vpc", "create", "--name", "TestVPC", "--cidr-block", "10.8.0.0/16", "--enable-multicast", "true",
				"--dns-servers", "10.0.0.2,183.60.83.19", "--domain-name", "prod.internal", "-o", "json", "--query", "Vpc.VpcId"},
			replies: []testserver.Reply{testserver.V3OK(`"Vpc":{"CidrBlock":"10.8.0.0/16","EnableMulticast":true,"VpcId":"vpc-4tboefn3","VpcName":"TestVPC"}`)},
			calls: []vpcCall{vpcV3("CreateVpc", map[string]string{"VpcName": "TestVPC", "CidrBlock": "10.8.0.0/16", "EnableMulticast": "true",
				"DnsServers.0": "10.0.0.2", "DnsServers.1": "183.60.83.19", "DomainName": "prod.internal"})},
			body:   `{"CidrBlock":"10.8.0.0/16","DnsServers":["10.0.0.2","183.60.83.19"],"DomainName":"prod.internal","EnableMulticast":"true","VpcName":"TestVPC"}`,
			stdout: "\"vpc-4tboefn3\"\n"},
		{name: "create legacy with subnets",
			args: []string{"vpc", "create", "--legacy", "--name", "bbbttest", "--cidr-block", "192.168.0.0/16",
				"--subnets", `[{"subnetName":"wikitest","cidrBlock":"192.168.1.0/24","zoneId":"800001"}]`},
			replies: []testserver.Reply{vpcLegacyReply(`{"code":0,"message":"","vpcId":"gz_vpc_266","uniqVpcId":"vpc-2ari9m7h","vpcCreateTime":"2015-11-06 11:33:52",` +
				`"subnetSet":[{"subnetId":"gz_subnet_18720","unSubnetId":"subnet-5gu2jxf4","routeTableId":"gz_rtb_8751","subnetName":"wikitest","cidrBlock":"192.168.1.0/24","zoneId":800001}],` +
				`"routeTableSet":[{"routeTableId":"gz_rtb_8751","routeTableType":1,"routeTableName":"default"}]}`)},
			calls: []vpcCall{vpcLegacy("CreateVpc", map[string]string{"vpcName": "bbbttest", "cidrBlock": "192.168.0.0/16",
				"subnetSet.0.subnetName": "wikitest", "subnetSet.0.cidrBlock": "192.168.1.0/24", "subnetSet.0.zoneId": "800001"})},
			stdout: "ID             SUBNETS           CREATED\n" +
				"vpc-2ari9m7h   subnet-5gu2jxf4   2015-11-06 11:33:52\n"},
		{name: "create-default",
			args:    []string{"vpc", "create-default", "--zone", "ap-guangzhou-3", "--force"},
			replies: []testserver.Reply{testserver.V3OK(`"Vpc":{"SubnetId":"subnet-l9emqwnw","VpcId":"vpc-8mpwlbdv"}`)},
			calls:   []vpcCall{vpcV3("CreateDefaultVpc", map[string]string{"Zone": "ap-guangzhou-3", "Force": "true"})},
			body:    `{"Force":true,"Zone":"ap-guangzhou-3"}`,
			stdout:  "VPC            SUBNET\nvpc-8mpwlbdv   subnet-l9emqwnw\n"},

		// vpc modify / delete
		{name: "modify v3 on a terminal",
			args:    []string{"vpc", "modify", "vpc-m7sr81gh", "--name", "MyTest", "--enable-multicast", "true"},
			tty:     true,
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("ModifyVpcAttribute", map[string]string{"VpcId": "vpc-m7sr81gh", "VpcName": "MyTest", "EnableMulticast": "true"})},
			stdout:  "Modified VPC vpc-m7sr81gh\n"},
		{name: "modify v3 dns",
			args:    []string{"vpc", "modify", "vpc-m7sr81gh", "--dns-servers", "10.0.0.2", "--domain-name", "prod.internal"},
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("ModifyVpcAttribute", map[string]string{"VpcId": "vpc-m7sr81gh", "DnsServers.0": "10.0.0.2", "DomainName": "prod.internal"})}},
		{name: "modify legacy",
			args:    []string{"vpc", "modify", "vpc-2ari9m7h", "--name", "vpcName1", "--legacy"},
			replies: []testserver.Reply{vpcLegacyReply(vpcLegacyOK)},
			calls:   []vpcCall{vpcLegacy("ModifyVpcAttribute", map[string]string{"vpcId": "vpc-2ari9m7h", "vpcName": "vpcName1"})}},
		{name: "delete v3",
			args:    []string{"vpc", "delete", "vpc-g69ed0kj", "-y"},
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("DeleteVpc", map[string]string{"VpcId": "vpc-g69ed0kj"})}},
		{name: "delete legacy json",
			args:    []string{"vpc", "rm", "vpc-2ari9m7h", "--legacy", "-y", "-o", "json"},
			replies: []testserver.Reply{vpcLegacyReply(vpcLegacyOK)},
			calls:   []vpcCall{vpcLegacy("DeleteVpc", map[string]string{"vpcId": "vpc-2ari9m7h"})},
			stdout:  "{\n  \"code\": 0,\n  \"message\": \"\"\n}\n"},

		// vpc limits, associate-vip
		{name: "limits",
			args:    []string{"vpc", "limits", "--type", "2", "--type", "1,15"},
			replies: []testserver.Reply{vpcLegacyReply(`{"code":0,"message":"","data":{"limit":{"1":10,"15":5,"2":10}}}`)},
			calls:   []vpcCall{vpcLegacy("DescribeVpcLimit", map[string]string{"type.0": "2", "type.1": "1", "type.2": "15"})},
			stdout:  "LIMITS\n1=10 2=10 15=5\n"},
		{name: "limits query",
			args:    []string{"vpc", "limits", "--type", "1,2", "--query", "data.limit"},
			replies: []testserver.Reply{vpcLegacyReply(`{"code":0,"message":"","data":{"limit":{"1":10,"2":10}}}`)},
			calls:   []vpcCall{vpcLegacy("DescribeVpcLimit", map[string]string{"type.0": "1", "type.1": "2"})},
			stdout:  "KEY   VALUE\n1     10\n2     10\n"},
		{name: "vip associate",
			args:    []string{"vip", "associate", "1", "--vpc-id", "vpc-2ari9m7h", "--lan-ip", "10.0.0.2"},
			replies: []testserver.Reply{vpcLegacyReply(vpcLegacyOK)},
			calls:   []vpcCall{vpcLegacy("AssociateVip", map[string]string{"vpcId": "vpc-2ari9m7h", "vipId": "1", "lanIp": "10.0.0.2"})}},

		// account
		{name: "account v3",
			args:    []string{"account", "attributes"},
			replies: []testserver.Reply{testserver.V3OK(`"AccountAttributeSet":[{"AttributeName":"supported-platforms","AttributeValues":["VPC","CLASSIC"]}]`)},
			calls:   []vpcCall{vpcV3("DescribeAccountAttributes", map[string]string{})},
			stdout:  "NAME                  VALUES\nsupported-platforms   VPC,CLASSIC\n"},
		{name: "account legacy",
			args:    []string{"account", "attributes", "--legacy"},
			replies: []testserver.Reply{vpcLegacyReply(`{"code":0,"message":"","data":{"supportedPlatforms":"only-vpc"}}`)},
			calls:   []vpcCall{vpcLegacy("DescribeAccountVpcAttributes", map[string]string{})},
			stdout:  "NAME                  VALUES\nsupported-platforms   only-vpc\n"},
		{name: "account legacy text",
			args:    []string{"account", "attributes", "--legacy", "-o", "text"},
			replies: []testserver.Reply{vpcLegacyReply(`{"code":0,"message":"","data":{"supportedPlatforms":"classic"}}`)},
			calls:   []vpcCall{vpcLegacy("DescribeAccountVpcAttributes", map[string]string{})},
			stdout:  "supported-platforms\tclassic\n"},
	})
}

func TestVPCSubnetCommandsWire(t *testing.T) {
	runVPCCases(t, []vpcCase{
		{name: "list v3",
			args:    []string{"subnet", "list", "--filter", "subnet-name=default-gz2", "--filter", "vpc-id=vpc-2at5y1pn", "--filter", "is-default=true"},
			replies: []testserver.Reply{testserver.V3OK(vpcDescribeSubnetsReply)},
			calls: []vpcCall{vpcV3("DescribeSubnets", map[string]string{
				"Filters.0.Name": "subnet-name", "Filters.0.Values.0": "default-gz2",
				"Filters.1.Name": "vpc-id", "Filters.1.Values.0": "vpc-2at5y1pn",
				"Filters.2.Name": "is-default", "Filters.2.Values.0": "true", "Limit": "100"})},
			stdout: "ID                NAME          VPC            CIDR             ZONE             FREE IPS   CREATED\n" +
				"subnet-otu92seu   default-gz2   vpc-2at5y1pn   172.16.16.0/20   ap-guangzhou-2   4002       2017-04-20 11:30:48\n"},
		{name: "list v3 by vpc-id flag",
			args:    []string{"subnet", "list", "--vpc-id", "vpc-2at5y1pn", "--subnet-name", "default-gz2", "--filter", "is-default=true", "-o", "text"},
			replies: []testserver.Reply{testserver.V3OK(vpcDescribeSubnetsReply)},
			calls: []vpcCall{vpcV3("DescribeSubnets", map[string]string{
				"Filters.0.Name": "vpc-id", "Filters.0.Values.0": "vpc-2at5y1pn",
				"Filters.1.Name": "subnet-name", "Filters.1.Values.0": "default-gz2",
				"Filters.2.Name": "is-default", "Filters.2.Values.0": "true", "Limit": "100"})},
			stdout: "subnet-otu92seu\tdefault-gz2\tvpc-2at5y1pn\t172.16.16.0/20\tap-guangzhou-2\t4002\t2017-04-20 11:30:48\n"},
		{name: "list v3 text",
			args:    []string{"subnets", "ls", "--subnet-id", "subnet-otu92seu", "-o", "text"},
			replies: []testserver.Reply{testserver.V3OK(vpcDescribeSubnetsReply)},
			calls:   []vpcCall{vpcV3("DescribeSubnets", map[string]string{"SubnetIds.0": "subnet-otu92seu", "Limit": "100"})},
			stdout:  "subnet-otu92seu\tdefault-gz2\tvpc-2at5y1pn\t172.16.16.0/20\tap-guangzhou-2\t4002\t2017-04-20 11:30:48\n"},
		{name: "list v3 json",
			args:    []string{"subnet", "list", "--limit", "1", "-o", "json"},
			replies: []testserver.Reply{testserver.V3OK(`"SubnetSet":[],"TotalCount":0`)},
			calls:   []vpcCall{vpcV3("DescribeSubnets", map[string]string{"Limit": "1"})},
			stdout:  "{\n  \"RequestId\": \"74883e1b-5901-46de-ae1e-d6e2cf591c5b\",\n  \"SubnetSet\": [],\n  \"TotalCount\": 0\n}\n"},
		{name: "list legacy",
			args: []string{"subnet", "list", "--legacy", "--subnet-name", "tttt", "--vpc-id", "vpc-kd7d06of", "--zone-ids", "800001,800002",
				"--order-field", "subnetName", "--get-acl-id", "1"},
			replies: []testserver.Reply{vpcLegacyReply(vpcDescribeSubnetExReply)},
			calls: []vpcCall{vpcLegacy("DescribeSubnetEx", map[string]string{"subnetName": "tttt", "vpcId": "vpc-kd7d06of",
				"zoneIds.0": "800001", "zoneIds.1": "800002", "orderField": "subnetName", "getAclIdFlag": "1", "limit": "100"})},
			stdout: "ID                NAME   VPC            CIDR            ZONE             FREE IPS   CREATED\n" +
				"subnet-3lzkspo0   tttt   vpc-kd7d06of   10.0.200.0/24   ap-guangzhou-2   253        2015-11-13 12:06:26\n"},
		{name: "show v3",
			args:    []string{"subnet", "show", "subnet-otu92seu"},
			replies: []testserver.Reply{testserver.V3OK(vpcDescribeSubnetsReply)},
			calls:   []vpcCall{vpcV3("DescribeSubnets", map[string]string{"SubnetIds.0": "subnet-otu92seu"})},
			stdout: "KEY                       VALUE\n" +
				"AvailableIpAddressCount   4002\n" +
				"CidrBlock                 172.16.16.0/20\n" +
				"CreatedTime               2017-04-20 11:30:48\n" +
				"EnableBroadcast           false\n" +
				"IsDefault                 true\n" +
				"RouteTableId              rtb-l2h8d7c2\n" +
				"SubnetId                  subnet-otu92seu\n" +
				"SubnetName                default-gz2\n" +
				"VpcId                     vpc-2at5y1pn\n" +
				"Zone                      ap-guangzhou-2\n"},
		{name: "show legacy",
			args: []string{"subnet", "show", "subnet-piztzbpy", "--vpc-id", "gz_vpc_265", "--legacy"},
			replies: []testserver.Reply{vpcLegacyReply(`{"code":0,"message":"","subnetId":"gz_subnet_18712","subnetName":"apiSubnetTest","subnetCreateTime":"2015-10-30 16:10:49",` +
				`"routeTableId":"gz_rtb_8747","cidrBlock":"10.100.100.0/25","zoneId":800001,"totalIPNum":125,"availableIPNum":125}`)},
			calls: []vpcCall{vpcLegacy("DescribeSubnet", map[string]string{"vpcId": "gz_vpc_265", "subnetId": "subnet-piztzbpy"})},
			stdout: "ID                NAME            CIDR              ZONE     ROUTE TABLE   FREE IPS   TOTAL IPS   CREATED\n" +
				"gz_subnet_18712   apiSubnetTest   10.100.100.0/25   800001   gz_rtb_8747   125        125         2015-10-30 16:10:49\n"},
		{name: "create v3",
			args: []string{"subnet", "create", "--vpc-id", "vpc-m3ul053f", "--name", "TestSubnet", "--cidr-block", "10.8.255.0/24", "--zone", "ap-guangzhou-1"},
			replies: []testserver.Reply{testserver.V3OK(`"Subnet":{"AvailableIpAddressCount":253,"CidrBlock":"10.8.255.0/24","IsDefault":false,` +
				`"SubnetId":"subnet-2qhl25io","SubnetName":"TestSubnet","VpcId":"vpc-m3ul053f","Zone":"ap-guangzhou-1"}`)},
			calls: []vpcCall{vpcV3("CreateSubnet", map[string]string{"VpcId": "vpc-m3ul053f", "SubnetName": "TestSubnet",
				"CidrBlock": "10.8.255.0/24", "Zone": "ap-guangzhou-1"})},
			stdout: "ID                NAME         VPC            CIDR            ZONE             FREE IPS\n" +
				"subnet-2qhl25io   TestSubnet   vpc-m3ul053f   10.8.255.0/24   ap-guangzhou-1   253\n"},
		{name: "create legacy",
			args: []string{"subnet", "create", "--legacy", "--vpc-id", "vpc-kd7d06of",
				"--subnets", `[{"subnetName":"tttt","cidrBlock":"10.0.200.0/24","zoneId":"800001"},{"subnetName":"uuuu","cidrBlock":"10.0.201.0/24","zoneId":"800002"}]`},
			replies: []testserver.Reply{vpcLegacyReply(`{"code":0,"message":"","subnetSet":[` +
				`{"subnetId":"gz_subnet_18748","unSubnetId":"subnet-3lzkspo0","routeTableId":"gz_rtb_359","unRouteTableId":null,"subnetName":"tttt","cidrBlock":"10.0.200.0/24","zoneId":800001},` +
				`{"subnetId":"gz_subnet_18749","unSubnetId":"subnet-3lzkspo1","routeTableId":"gz_rtb_359","unRouteTableId":null,"subnetName":"uuuu","cidrBlock":"10.0.201.0/24","zoneId":800002}]}`)},
			calls: []vpcCall{vpcLegacy("CreateSubnet", map[string]string{"vpcId": "vpc-kd7d06of",
				"subnetSet.0.subnetName": "tttt", "subnetSet.0.cidrBlock": "10.0.200.0/24", "subnetSet.0.zoneId": "800001",
				"subnetSet.1.subnetName": "uuuu", "subnetSet.1.cidrBlock": "10.0.201.0/24", "subnetSet.1.zoneId": "800002"})},
			stdout: "ID                NAME   CIDR            ZONE     ROUTE TABLE\n" +
				"subnet-3lzkspo0   tttt   10.0.200.0/24   800001   gz_rtb_359\n" +
				"subnet-3lzkspo1   uuuu   10.0.201.0/24   800002   gz_rtb_359\n"},
		{name: "create v3 query id",
			args:    []string{"subnet", "create", "--vpc-id", "vpc-m3ul053f", "--name", "web", "--cidr-block", "10.8.1.0/24", "--zone", "ap-guangzhou-3", "-o", "text", "--query", "Subnet.SubnetId"},
			replies: []testserver.Reply{testserver.V3OK(`"Subnet":{"SubnetId":"subnet-2qhl25io"}`)},
			calls: []vpcCall{vpcV3("CreateSubnet", map[string]string{"VpcId": "vpc-m3ul053f", "SubnetName": "web",
				"CidrBlock": "10.8.1.0/24", "Zone": "ap-guangzhou-3"})},
			stdout: "subnet-2qhl25io\n"},
		{name: "modify v3",
			args:    []string{"subnet", "modify", "subnet-pxir56ns", "--name", "NewSubnetName", "--enable-broadcast", "true"},
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("ModifySubnetAttribute", map[string]string{"SubnetId": "subnet-pxir56ns", "SubnetName": "NewSubnetName", "EnableBroadcast": "true"})}},
		{name: "modify legacy on a terminal",
			args:    []string{"subnet", "modify", "subnet-5gu2jxf4", "--vpc-id", "vpc-2ari9m7h", "--name", "wikitttt", "--legacy"},
			tty:     true,
			replies: []testserver.Reply{vpcLegacyReply(vpcLegacyOK)},
			calls:   []vpcCall{vpcLegacy("ModifySubnetAttribute", map[string]string{"vpcId": "vpc-2ari9m7h", "subnetId": "subnet-5gu2jxf4", "subnetName": "wikitttt"})},
			stdout:  "Modified subnet subnet-5gu2jxf4\n"},
		{name: "delete v3",
			args:    []string{"subnet", "delete", "subnet-pxir56ns", "--yes"},
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("DeleteSubnet", map[string]string{"SubnetId": "subnet-pxir56ns"})}},
		{name: "delete legacy",
			args:    []string{"subnet", "rm", "subnet-k20jbhp0", "--vpc-id", "vpc-kd7d06of", "--legacy", "-y"},
			replies: []testserver.Reply{vpcLegacyReply(vpcLegacyOK)},
			calls:   []vpcCall{vpcLegacy("DeleteSubnet", map[string]string{"vpcId": "vpc-kd7d06of", "subnetId": "subnet-k20jbhp0"})}},
		{name: "check-default",
			args:    []string{"subnet", "check-default", "--zone-id", "100003"},
			replies: []testserver.Reply{vpcLegacyReply(`{"code":0,"message":"","data":{"checkResult":true}}`)},
			calls:   []vpcCall{vpcLegacy("CheckDefaultSubnet", map[string]string{"zoneId": "100003"})},
			stdout:  "CREATABLE\ntrue\n"},
		{name: "check-default text",
			args:    []string{"subnet", "check-default", "-o", "text"},
			replies: []testserver.Reply{vpcLegacyReply(`{"code":0,"message":"","data":{"checkResult":false}}`)},
			calls:   []vpcCall{vpcLegacy("CheckDefaultSubnet", map[string]string{})},
			stdout:  "false\n"},
	})
}

func TestVPCClassicLinkCommandsWire(t *testing.T) {
	runVPCCases(t, []vpcCase{
		{name: "list v3",
			args:    []string{"classiclink", "list", "--filter", "vpc-id=vpc-gjui0b5t", "--filter", "vm-ip=10.9.0.3"},
			replies: []testserver.Reply{testserver.V3OK(`"ClassicLinkInstanceSet":[{"InstanceId":"ins-0x5msjda","VpcId":"vpc-gjui0b5t"}],"TotalCount":1`)},
			calls: []vpcCall{vpcV3("DescribeClassicLinkInstances", map[string]string{
				"Filters.0.Name": "vpc-id", "Filters.0.Values.0": "vpc-gjui0b5t", "Filters.1.Name": "vm-ip", "Filters.1.Values.0": "10.9.0.3", "Limit": "100"})},
			stdout: "INSTANCE       VPC\nins-0x5msjda   vpc-gjui0b5t\n"},
		{name: "list v3 text",
			args:    []string{"classic-link", "ls", "-o", "text"},
			replies: []testserver.Reply{testserver.V3OK(`"ClassicLinkInstanceSet":[{"InstanceId":"ins-0x5msjda","VpcId":"vpc-gjui0b5t"}],"TotalCount":1`)},
			calls:   []vpcCall{vpcV3("DescribeClassicLinkInstances", map[string]string{"Limit": "100"})},
			stdout:  "ins-0x5msjda\tvpc-gjui0b5t\n"},
		{name: "list legacy",
			args: []string{"classiclink", "list", "--legacy", "--vpc-id", "vpc-2ari9m7h", "--classic-link-id", "vcx-opgnzgo9", "--lan-ip", "10.232.18.145",
				"--order-field", "createTime", "--order-direction", "asc", "--limit", "50"},
			replies: []testserver.Reply{vpcLegacyReply(`{"code":0,"message":"","totalCount":"1","data":[{"lanIp":"10.232.18.145","uniqVpcId":"vpc-8e0ypm3z",` +
				`"vpcId":"gz_vpc_245","classicLinkId":"vcx-opgnzgo9","createTime":"2016-01-21 14:59:37","instanceId":"ins-d1o128ru","instanceName":"web-1"}]}`)},
			calls: []vpcCall{vpcLegacy("DescribeVpcClassicLink", map[string]string{"vpcId": "vpc-2ari9m7h", "classicLinkId": "vcx-opgnzgo9",
				"lanIp": "10.232.18.145", "orderField": "createTime", "orderDirection": "asc", "limit": "50"})},
			stdout: "ID             INSTANCE       NAME    LAN IP          VPC            CREATED\n" +
				"vcx-opgnzgo9   ins-d1o128ru   web-1   10.232.18.145   vpc-8e0ypm3z   2016-01-21 14:59:37\n"},
		{name: "attach v3",
			args:    []string{"classiclink", "attach", "vpc-gjui0b5t", "--instance-ids", "ins-0x5msjda"},
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("AttachClassicLinkVpc", map[string]string{"VpcId": "vpc-gjui0b5t", "InstanceIds.0": "ins-0x5msjda"})}},
		{name: "attach v3 on a terminal",
			args:    []string{"classiclink", "attach", "vpc-gjui0b5t", "--instance-ids", "ins-0x5msjda"},
			tty:     true,
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("AttachClassicLinkVpc", map[string]string{"VpcId": "vpc-gjui0b5t", "InstanceIds.0": "ins-0x5msjda"})},
			stdout:  "Attached instances to VPC vpc-gjui0b5t\n"},
		{name: "attach legacy",
			args:    []string{"classiclink", "attach", "vpc-2ari9m7h", "--instance-ids", "ins-df454d1e", "--instance-ids", "ins-5d8a23rs", "--legacy"},
			replies: []testserver.Reply{vpcLegacyReply(`{"code":0,"message":"","taskId":135254}`)},
			calls:   []vpcCall{vpcLegacy("AttachClassicLinkVpc", map[string]string{"vpcId": "vpc-2ari9m7h", "instanceIds.0": "ins-df454d1e", "instanceIds.1": "ins-5d8a23rs"})},
			stdout:  "TASK ID\n135254\n"},
		{name: "detach v3",
			args:    []string{"classiclink", "detach", "vpc-gjui0b5t", "--instance-ids", "ins-0x5msjda", "-y"},
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("DetachClassicLinkVpc", map[string]string{"VpcId": "vpc-gjui0b5t", "InstanceIds.0": "ins-0x5msjda"})}},
		{name: "detach legacy text",
			args:    []string{"classiclink", "detach", "vpc-2ari9m7h", "--instance-ids", "ins-df454d1e", "--legacy", "-y", "-o", "text"},
			replies: []testserver.Reply{vpcLegacyReply(`{"code":0,"message":"","taskId":135254}`)},
			calls:   []vpcCall{vpcLegacy("DetachClassicLinkVpc", map[string]string{"vpcId": "vpc-2ari9m7h", "instanceIds.0": "ins-df454d1e"})},
			stdout:  "135254\n"},
	})
}

func TestVPCShowNotFound(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(`"TotalCount":0,"VpcSet":[]`), testserver.V3OK(`"TotalCount":0,"SubnetSet":[]`))
	r := run{env: envFor(srv)}
	r.exec(t, "vpc", "show", "vpc-p5sf61yj").
		expect(t, 1, "", "Error: [ResourceNotFound] VPC vpc-p5sf61yj not found (RequestId: 74883e1b-5901-46de-ae1e-d6e2cf591c5b)\n")
	r.exec(t, "subnet", "show", "subnet-otu92seu").
		expect(t, 1, "", "Error: [ResourceNotFound] subnet subnet-otu92seu not found (RequestId: 74883e1b-5901-46de-ae1e-d6e2cf591c5b)\n")
}

func TestVPCConfirmOnTerminal(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(""))
	args := []string{"classiclink", "detach", "vpc-gjui0b5t", "--instance-ids", "ins-0x5msjda"}
	r := run{env: envFor(srv), tty: true, stdin: "n\n"}
	r.exec(t, args...).expect(t, ExitCancelled, "", "Detach instances from VPC vpc-gjui0b5t? [y/N] Cancelled: nothing was changed.\n")
	r.stdin = "yes\n"
	r.exec(t, args...).expect(t, 0, "Detached instances from VPC vpc-gjui0b5t\n", "Detach instances from VPC vpc-gjui0b5t? [y/N] ")
}

func TestVPCUsageErrors(t *testing.T) {
	runVPCUsageErrors(t, []struct {
		args []string
		msg  string
	}{
		{[]string{"vpc", "show", "vpc-P5SF61YJ"}, `invalid value "vpc-P5SF61YJ" for VPC_ID: expected an ID like vpc-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"vpc", "show"}, "tcvpc vpc show needs VPC_ID"},
		{[]string{"vpc", "list", "--vpc-id", "subnet-otu92seu"}, `invalid value "subnet-otu92seu" for --vpc-id: expected an ID like vpc-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"vpc", "list", "--legacy", "--filter", "vpc-name=prod"}, "--filter maps to API 3.0 Filters; with --legacy use the operation's own flags (see --help)"},
		{[]string{"vpc", "list", "--legacy", "--order-field", "name"}, `invalid value "name" for --order-field: expected createTime or vpcName`},
		{[]string{"vpc", "create", "--name", "prod"}, "tcvpc vpc create needs --cidr-block"},
		{[]string{"vpc", "create", "--name", "prod", "--cidr-block", "10.0.0.1/16"}, `invalid value "10.0.0.1/16" for --cidr-block: expected an IPv4 CIDR block such as 10.0.0.0/16`},
		{[]string{"vpc", "create", "--name", "prod", "--cidr-block", "10.0.0.0/16", "--enable-multicast", "yes"}, `invalid value "yes" for --enable-multicast: expected true or false`},
		{[]string{"vpc", "create", "--name", "prod", "--cidr-block", "10.0.0.0/16", "--dns-servers", "10.0.0.2,dns1"}, `invalid value "dns1" for --dns-servers: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"vpc", "create", "--name", "prod", "--cidr-block", "10.0.0.0/16", "--subnets", "[]"}, "--subnets is not used by API 3.0"},
		{[]string{"vpc", "create", "--legacy", "--name", "prod", "--cidr-block", "10.0.0.0/16", "--domain-name", "x.internal"}, "--domain-name is not used by the legacy API (--legacy)"},
		{[]string{"vpc", "create", "--legacy", "--name", "prod", "--cidr-block", "10.0.0.0/16", "--subnets", `{"subnetName":"web"}`}, "invalid value for --subnets: want a list (subnetSet.0, subnetSet.1, …), got an object"},
		{[]string{"vpc", "create-default", "--legacy"}, "tcvpc vpc create-default is not available in the legacy API (--legacy)"},
		{[]string{"vpc", "modify", "vpc-2ari9m7h", "--legacy"}, "tcvpc vpc modify needs --name"},
		{[]string{"vpc", "delete", "vpc-g69ed0kj"}, "refusing to delete VPC vpc-g69ed0kj without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"vpc", "limits"}, "tcvpc vpc limits needs --type"},
		{[]string{"vpc", "limits", "--type", "0,6"}, `invalid value "6" for --type: expected one of 0, 1, 2, 3, 4, 5, 7, 8, 15, 17, 18, 20, 22, 32, 34, 36, 38, 44, 51, 55, 56, 57`},
		{[]string{"vip", "associate", "1", "--vpc-id", "vpc-2ari9m7h", "--lan-ip", "10.0.0"}, `invalid value "10.0.0" for --lan-ip: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"vip", "associate", "--vpc-id", "vpc-2ari9m7h", "--lan-ip", "10.0.0.2"}, "tcvpc vip associate needs VIP_ID"},
		{[]string{"vip", "associate", "1", "--lan-ip", "10.0.0.2"}, "tcvpc vip associate needs --vpc-id"},
		{[]string{"vip", "associate", "one", "--vpc-id", "vpc-2ari9m7h", "--lan-ip", "10.0.0.2"}, `invalid value "one" for VIP_ID: expected an integer`},
		{[]string{"account", "attributes", "extra"}, `tcvpc account attributes takes no arguments, got "extra"`},
		{[]string{"subnet", "show", "subnet-piztzbpy", "--legacy"}, "tcvpc subnet show needs --vpc-id"},
		{[]string{"subnet", "show", "subnet-piztzbpy", "--vpc-id", "vpc-piztzbpy"}, "--vpc-id is not used by API 3.0"},
		{[]string{"subnet", "create", "--vpc-id", "vpc-m3ul053f", "--name", "web", "--cidr-block", "10.8.1.0/24"}, "tcvpc subnet create needs --zone"},
		{[]string{"subnet", "create", "--vpc-id", "vpc-m3ul053f", "--name", "web", "--cidr-block", "10.8.1/24", "--zone", "ap-guangzhou-3"}, `invalid value "10.8.1/24" for --cidr-block: expected an IPv4 CIDR block such as 10.0.0.0/16`},
		{[]string{"subnet", "create", "--legacy", "--vpc-id", "vpc-kd7d06of"}, "tcvpc subnet create needs --subnets"},
		{[]string{"subnet", "create", "--legacy", "--vpc-id", "vpc-kd7d06of", "--subnets", `[{"subnetName":"web","zoneId":"100003"}]`}, "--subnets[0].cidrBlock is required"},
		{[]string{"subnet", "create", "--legacy", "--vpc-id", "vpc-kd7d06of", "--subnets", `[{subnetName:"web"}]`}, "invalid value for --subnets: expected JSON or @FILE (invalid character 's' looking for beginning of object key string)"},
		{[]string{"subnet", "modify", "subnet-pxir56ns", "--enable-broadcast", "on"}, `invalid value "on" for --enable-broadcast: expected true or false`},
		{[]string{"subnet", "delete", "subnet-k20jbhp0", "--legacy", "-y"}, "tcvpc subnet delete needs --vpc-id"},
		{[]string{"subnet", "check-default", "--legacy", "--zone-id", "100003", "--vpc-id", "vpc-kd7d06of"}, "unknown flag: --vpc-id"},
		{[]string{"classiclink", "attach", "vpc-gjui0b5t"}, "tcvpc classiclink attach needs --instance-ids"},
		{[]string{"classiclink", "attach", "vpc-gjui0b5t", "--instance-ids", "ins-0x5m"}, `invalid value "ins-0x5m" for --instance-ids: expected an ID like ins-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"classiclink", "list", "--legacy", "--lan-ip", "10.232.18"}, `invalid value "10.232.18" for --lan-ip: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"classiclink", "list", "--legacy", "--classic-link-id", "vpc-opgnzgo9"}, `invalid value "vpc-opgnzgo9" for --classic-link-id: expected an ID like vcx-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"classiclink", "detach", "vpc-gjui0b5t", "--instance-ids", "ins-0x5msjda"}, "refusing to detach instances from VPC vpc-gjui0b5t without confirmation: pass --yes (-y) when stdin is not a terminal"},
	})
}

// vpcPaths are the commands of vpc.go and routetable.go.
var vpcPaths = []string{
	"vpc list", "vpc show", "vpc create", "vpc create-default", "vpc modify", "vpc delete", "vpc limits", "vip associate",
	"subnet list", "subnet show", "subnet create", "subnet modify", "subnet delete", "subnet check-default",
	"classiclink list", "classiclink attach", "classiclink detach", "account attributes",
	"route-table list", "route-table show", "route-table create", "route-table modify", "route-table delete",
	"route-table associate", "route-table reset",
	"route-table route list", "route-table route add", "route-table route delete", "route-table route replace",
}

// Every declared command has an example and English help for every flag
// (the model's own descriptions are Chinese).
func TestVPCCommandsHelp(t *testing.T) {
	io, _, _ := iostreams.Test("", false)
	a := &app{f: &Factory{IO: io, Getenv: func(string) string { return "" }}}
	root := a.newRoot(nil)
	for _, p := range vpcPaths {
		c, rest, err := root.Find(strings.Fields(p))
		if err != nil || len(rest) > 0 || c.CommandPath() != "tcvpc "+p {
			t.Errorf("%s: not found (%v)", p, err)
			continue
		}
		if !strings.HasPrefix(c.Example, "  tcvpc "+p) && !strings.Contains(c.Example, "tcvpc "+p+" ") {
			t.Errorf("%s: example %q does not show the command", p, c.Example)
		}
		for _, text := range []string{c.Short, c.Long, c.Example} {
			if vpcHasHan(text) {
				t.Errorf("%s: help text is not English: %q", p, text)
			}
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if vpcHasHan(f.Usage) {
				t.Errorf("%s --%s: usage is not English: %q", p, f.Name, f.Usage)
			}
		})
	}
}

func vpcHasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Every example of the commands runs: parsed, validated and sent (to a
// server that accepts anything), never a usage error.
func TestVPCExamplesRun(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v2/index.php" {
			io.WriteString(w, `{"code":0,"message":"","taskId":1,"data":[{}]}`)
			return
		}
		io.WriteString(w, `{"Response":{"RequestId":"r","VpcSet":[{}],"SubnetSet":[{}],"RouteTableSet":[{}],"TotalCount":1}}`)
	}))
	defer srv.Close()
	io_, _, _ := iostreams.Test("", false)
	a := &app{f: &Factory{IO: io_, Getenv: func(string) string { return "" }}}
	root := a.newRoot(nil)
	r := run{env: map[string]string{
		"TENCENTCLOUD_SECRET_ID": "AKIDx", "TENCENTCLOUD_SECRET_KEY": "k", "TENCENTCLOUD_REGION": "ap-guangzhou",
		"TCVPC_ENDPOINT": srv.URL,
	}}
	n := 0
	for _, p := range vpcPaths {
		c, _, _ := root.Find(strings.Fields(p))
		for _, line := range strings.Split(strings.ReplaceAll(c.Example, "\\\n", " "), "\n") {
			line = strings.TrimSpace(line)
			if i := strings.Index(line, "$("); i >= 0 {
				line = strings.TrimSuffix(line[i+2:], ")")
			}
			args := vpcShellWords(t, line)
			if len(args) == 0 || args[0] != "tcvpc" {
				t.Errorf("%s: example line %q is not a tcvpc command", p, line)
				continue
			}
			res := r.exec(t, append(args[1:], "--yes")...)
			if res.code != 0 {
				t.Errorf("%s: example %q: exit %d, %s", p, line, res.code, res.err)
			}
			n++
		}
	}
	if n < len(vpcPaths) {
		t.Fatalf("only %d examples for %d commands", n, len(vpcPaths))
	}
}

// vpcShellWords splits a line as a POSIX shell would, for the quoting the
// examples use: single quotes and plain words.
func vpcShellWords(t *testing.T, line string) []string {
	var words []string
	var cur strings.Builder
	in, quoted := false, false
	for _, r := range line {
		switch {
		case quoted && r == '\'':
			quoted = false
		case quoted:
			cur.WriteRune(r)
		case r == '\'':
			quoted, in = true, true
		case r == ' ' || r == '\t':
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
