package cmd

import (
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// Replies transcribed from the manual's examples, shortened.
const (
	rtbDescribeRouteTablesReply = `"RouteTableSet":[{"AssociationSet":[{"SubnetId":"subnet-q2079ils","RouteTableId":"rtb-l2h8d7c2"}],"CreatedTime":"2017-06-30 19:52:03","Main":false,` +
		`"RouteSet":[{"DestinationCidrBlock":"169.254.64.0/23","GatewayId":"172.16.0.25","GatewayType":"NORMAL_CVM","RouteDescription":"","RouteId":14915},` +
		`{"DestinationCidrBlock":"10.200.0.0/18","GatewayId":"pcx-4n2m594s","GatewayType":"PEERCONNECTION","RouteDescription":"bb","RouteId":16642}],` +
		`"RouteTableId":"rtb-l2h8d7c2","RouteTableName":"TestRouteTable","VpcId":"vpc-2at5y1pn"}],"TotalCount":1`
	rtbDescribeRouteTableReply = `{"code":0,"message":"","totalCount":2,"data":[` +
		`{"vpcId":"gz_vpc_99","unVpcId":"vpc-amhnnao5","vpcName":"pan-vpc25","vpcCidrBlock":"10.100.25.0/24","routeTableName":"tttt111","routeTableId":"gz_rtb_8755",` +
		`"unRouteTableId":"rtb-rqndayhs","routeTableType":0,"subnetNum":1,"routeTableCreateTime":"2015-11-06 17:50:21",` +
		`"routeSet":[{"destinationCidrBlock":"Local","nextType":2,"nextHub":"Local"},{"destinationCidrBlock":"121.0.0.0/16","nextType":1,"nextHub":"548","unNextHub":"vpngw-dystbrkv"}]},` +
		`{"vpcId":"gz_vpc_266","unVpcId":"vpc-2ari9m7h","vpcName":"bbbtest","vpcCidrBlock":"192.168.0.0/24","routeTableName":"default","routeTableId":"gz_rtb_8751",` +
		`"unRouteTableId":"rtb-ggovmles","routeTableType":1,"subnetNum":0,"routeTableCreateTime":"2015-11-06 11:33:52",` +
		`"routeSet":[{"destinationCidrBlock":"Local","nextType":2,"nextHub":"Local"}]}]}`
	rtbV3Route     = `[{"DestinationCidrBlock":"192.168.0.0/16","GatewayType":"NORMAL_CVM","GatewayId":"172.16.16.37","RouteDescription":"TEST-CVM-ROUTE"}]`
	rtbLegacyRoute = `[{"destinationCidrBlock":"121.0.23.0/24","nextType":"1","nextHub":"vpngw-dystbrkv"}]`
)

var (
	rtbV3RouteParams = map[string]string{
		"Routes.0.DestinationCidrBlock": "192.168.0.0/16", "Routes.0.GatewayType": "NORMAL_CVM",
		"Routes.0.GatewayId": "172.16.16.37", "Routes.0.RouteDescription": "TEST-CVM-ROUTE",
	}
	rtbLegacyRouteParams = map[string]string{
		"routeSet.0.destinationCidrBlock": "121.0.23.0/24", "routeSet.0.nextType": "1", "routeSet.0.nextHub": "vpngw-dystbrkv",
	}
)

// rtbWith adds base to a copy of params.
func rtbWith(params map[string]string, base map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range params {
		out[k] = v
	}
	return out
}

func TestRouteTableCommandsWire(t *testing.T) {
	runVPCCases(t, []vpcCase{
		// list
		{name: "list v3",
			args: []string{"route-table", "list", "--filter", "route-table-id=rtb-l2h8d7c2", "--filter", "vpc-id=vpc-2at5y1pn",
				"--filter", "association.main=false", "--limit", "1"},
			replies: []testserver.Reply{testserver.V3OK(rtbDescribeRouteTablesReply)},
			calls: []vpcCall{vpcV3("DescribeRouteTables", map[string]string{"Limit": "1",
				"Filters.0.Name": "route-table-id", "Filters.0.Values.0": "rtb-l2h8d7c2",
				"Filters.1.Name": "vpc-id", "Filters.1.Values.0": "vpc-2at5y1pn",
				"Filters.2.Name": "association.main", "Filters.2.Values.0": "false"})},
			stdout: "ID             NAME             VPC            MAIN    ROUTES   SUBNETS   CREATED\n" +
				"rtb-l2h8d7c2   TestRouteTable   vpc-2at5y1pn   false   2        1         2017-06-30 19:52:03\n"},
		{name: "list v3 text",
			args:    []string{"rtb", "ls", "--route-table-id", "rtb-l2h8d7c2", "-o", "text"},
			replies: []testserver.Reply{testserver.V3OK(rtbDescribeRouteTablesReply)},
			calls:   []vpcCall{vpcV3("DescribeRouteTables", map[string]string{"RouteTableIds.0": "rtb-l2h8d7c2", "Limit": "100"})},
			stdout:  "rtb-l2h8d7c2\tTestRouteTable\tvpc-2at5y1pn\tfalse\t2\t1\t2017-06-30 19:52:03\n"},
		{name: "list v3 json",
			args:    []string{"route-tables", "list", "-o", "json"},
			replies: []testserver.Reply{testserver.V3OK(`"RouteTableSet":[{"RouteTableId":"rtb-l2h8d7c2"}],"TotalCount":1`)},
			calls:   []vpcCall{vpcV3("DescribeRouteTables", map[string]string{"Limit": "100"})},
			stdout:  "{\n  \"RequestId\": \"74883e1b-5901-46de-ae1e-d6e2cf591c5b\",\n  \"RouteTableSet\": [\n    {\n      \"RouteTableId\": \"rtb-l2h8d7c2\"\n    }\n  ],\n  \"TotalCount\": 1\n}\n"},
		{name: "list legacy",
			args:    []string{"route-table", "list", "--legacy", "--vpc-id", "vpc-amhnao5x", "--route-table-name", "tttt111", "--order-field", "routeTableName"},
			replies: []testserver.Reply{vpcLegacyReply(rtbDescribeRouteTableReply)},
			calls: []vpcCall{vpcLegacy("DescribeRouteTable", map[string]string{"vpcId": "vpc-amhnao5x", "routeTableName": "tttt111",
				"orderField": "routeTableName", "limit": "50"})},
			stdout: "ID             NAME      VPC            TYPE   ROUTES   SUBNETS   CREATED\n" +
				"rtb-rqndayhs   tttt111   vpc-amhnnao5   0      2        1         2015-11-06 17:50:21\n" +
				"rtb-ggovmles   default   vpc-2ari9m7h   1      1        0         2015-11-06 11:33:52\n"},

		// show
		{name: "show v3",
			args:    []string{"rtb", "show", "rtb-l2h8d7c2"},
			replies: []testserver.Reply{testserver.V3OK(`"RouteTableSet":[{"AssociationSet":[],"CreatedTime":"2017-06-30 19:52:03","Main":true,"RouteSet":[],"RouteTableId":"rtb-l2h8d7c2","RouteTableName":"main","VpcId":"vpc-2at5y1pn"}],"TotalCount":1`)},
			calls:   []vpcCall{vpcV3("DescribeRouteTables", map[string]string{"RouteTableIds.0": "rtb-l2h8d7c2"})},
			stdout: "KEY              VALUE\n" +
				"AssociationSet\n" +
				"CreatedTime      2017-06-30 19:52:03\n" +
				"Main             true\n" +
				"RouteSet\n" +
				"RouteTableId     rtb-l2h8d7c2\n" +
				"RouteTableName   main\n" +
				"VpcId            vpc-2at5y1pn\n"},
		{name: "show legacy query",
			args:    []string{"rtb", "show", "rtb-rqndayhs", "--legacy", "--query", "data[0].unVpcId"},
			replies: []testserver.Reply{vpcLegacyReply(rtbDescribeRouteTableReply)},
			calls:   []vpcCall{vpcLegacy("DescribeRouteTable", map[string]string{"routeTableId": "rtb-rqndayhs"})},
			stdout:  "vpc-amhnnao5\n"},

		// create
		{name: "create v3",
			args: []string{"route-table", "create", "--vpc-id", "vpc-2at5y1pn", "--name", "TestRouteTable"},
			replies: []testserver.Reply{testserver.V3OK(`"RouteTable":{"AssociationSet":[],"Main":false,"RouteSet":[],"RouteTableId":"rtb-azd4dt1c",` +
				`"RouteTableName":"TestRouteTable","VpcId":"vpc-2at5y1pn"}`)},
			calls:  []vpcCall{vpcV3("CreateRouteTable", map[string]string{"VpcId": "vpc-2at5y1pn", "RouteTableName": "TestRouteTable"})},
			stdout: "ID             NAME             VPC            MAIN\nrtb-azd4dt1c   TestRouteTable   vpc-2at5y1pn   false\n"},
		{name: "create v3 query id",
			args:    []string{"rtb", "create", "--vpc-id", "vpc-2at5y1pn", "--name", "prod", "-o", "json", "--query", "RouteTable.RouteTableId"},
			replies: []testserver.Reply{testserver.V3OK(`"RouteTable":{"RouteTableId":"rtb-azd4dt1c"}`)},
			calls:   []vpcCall{vpcV3("CreateRouteTable", map[string]string{"VpcId": "vpc-2at5y1pn", "RouteTableName": "prod"})},
			stdout:  "\"rtb-azd4dt1c\"\n"},
		{name: "create legacy with routes",
			args: []string{"route-table", "create", "--legacy", "--vpc-id", "vpc-amhnao5x", "--name", "tttt111", "--routes", rtbLegacyRoute},
			replies: []testserver.Reply{vpcLegacyReply(`{"code":0,"message":"","routeTableId":"gz_rtb_8755","unRouteTableId":"rtb-rqndayhs",` +
				`"routeTableSet":[{"destinationCidrBlock":"121.0.23.0/24","nextType":1,"nextHub":"vpngw-dystbrkv"}]}`)},
			calls: []vpcCall{vpcLegacy("CreateRouteTable", rtbWith(rtbLegacyRouteParams, map[string]string{
				"vpcId": "vpc-amhnao5x", "routeTableName": "tttt111"}))},
			stdout: "ID             ROUTES\nrtb-rqndayhs   1\n"},

		// modify, delete, associate, reset
		{name: "modify v3 on a terminal",
			args:    []string{"route-table", "modify", "rtb-n0yejvje", "--name", "NewRouteTableName"},
			tty:     true,
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("ModifyRouteTableAttribute", map[string]string{"RouteTableId": "rtb-n0yejvje", "RouteTableName": "NewRouteTableName"})},
			stdout:  "Modified route table rtb-n0yejvje\n"},
		{name: "modify legacy with routes",
			args:    []string{"rtb", "modify", "rtb-8oidkjt2", "--legacy", "--vpc-id", "vpc-amhnao5x", "--name", "tttt111", "--routes", rtbLegacyRoute},
			replies: []testserver.Reply{vpcLegacyReply(vpcLegacyOK)},
			calls: []vpcCall{vpcLegacy("ModifyRouteTableAttribute", rtbWith(rtbLegacyRouteParams, map[string]string{
				"vpcId": "vpc-amhnao5x", "routeTableId": "rtb-8oidkjt2", "routeTableName": "tttt111"}))}},
		{name: "delete v3",
			args:    []string{"route-table", "delete", "rtb-azd4dt1c", "-y"},
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("DeleteRouteTable", map[string]string{"RouteTableId": "rtb-azd4dt1c"})}},
		{name: "delete legacy",
			args:    []string{"rtb", "rm", "rtb-4ahe1qy2", "--legacy", "--vpc-id", "vpc-amhnao5x", "-y"},
			replies: []testserver.Reply{vpcLegacyReply(vpcLegacyOK)},
			calls:   []vpcCall{vpcLegacy("DeleteRouteTable", map[string]string{"vpcId": "vpc-amhnao5x", "routeTableId": "rtb-4ahe1qy2"})}},
		{name: "associate v3 on a terminal",
			args:    []string{"route-table", "associate", "rtb-n0yejvje", "--subnet-id", "subnet-q2079ils"},
			tty:     true,
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("ReplaceRouteTableAssociation", map[string]string{"RouteTableId": "rtb-n0yejvje", "SubnetId": "subnet-q2079ils"})},
			stdout:  "Associated subnet with route table rtb-n0yejvje\n"},
		{name: "associate legacy",
			args:    []string{"rtb", "associate", "rtb-rqndayhs", "--subnet-id", "subnet-3x5lf5q0", "--vpc-id", "vpc-amhnao5x", "--legacy"},
			replies: []testserver.Reply{vpcLegacyReply(vpcLegacyOK)},
			calls: []vpcCall{vpcLegacy("AssociateRouteTable", map[string]string{"vpcId": "vpc-amhnao5x", "routeTableId": "rtb-rqndayhs",
				"subnetId": "subnet-3x5lf5q0"})}},
		{name: "reset",
			args:    []string{"route-table", "reset", "rtb-n0yejvje", "--name", "ResetRouteTableName", "--routes", rtbV3Route, "-y"},
			replies: []testserver.Reply{testserver.V3OK("")},
			calls: []vpcCall{vpcV3("ResetRoutes", rtbWith(rtbV3RouteParams, map[string]string{
				"RouteTableId": "rtb-n0yejvje", "RouteTableName": "ResetRouteTableName"}))},
			body: `{"RouteTableId":"rtb-n0yejvje","RouteTableName":"ResetRouteTableName","Routes":[{"DestinationCidrBlock":"192.168.0.0/16",` +
				`"GatewayId":"172.16.16.37","GatewayType":"NORMAL_CVM","RouteDescription":"TEST-CVM-ROUTE"}]}`},

		// routes
		{name: "route list v3",
			args:    []string{"route-table", "route", "list", "rtb-l2h8d7c2"},
			replies: []testserver.Reply{testserver.V3OK(rtbDescribeRouteTablesReply)},
			calls:   []vpcCall{vpcV3("DescribeRouteTables", map[string]string{"RouteTableIds.0": "rtb-l2h8d7c2"})},
			stdout: "ID      DESTINATION       NEXT HOP TYPE    NEXT HOP       DESCRIPTION\n" +
				"14915   169.254.64.0/23   NORMAL_CVM       172.16.0.25\n" +
				"16642   10.200.0.0/18     PEERCONNECTION   pcx-4n2m594s   bb\n"},
		{name: "route list v3 text",
			args:    []string{"rtb", "routes", "ls", "rtb-l2h8d7c2", "-o", "text"},
			replies: []testserver.Reply{testserver.V3OK(rtbDescribeRouteTablesReply)},
			calls:   []vpcCall{vpcV3("DescribeRouteTables", map[string]string{"RouteTableIds.0": "rtb-l2h8d7c2"})},
			stdout:  "14915\t169.254.64.0/23\tNORMAL_CVM\t172.16.0.25\t\n16642\t10.200.0.0/18\tPEERCONNECTION\tpcx-4n2m594s\tbb\n"},
		{name: "route list legacy",
			args:    []string{"rtb", "route", "list", "rtb-rqndayhs", "--legacy"},
			replies: []testserver.Reply{vpcLegacyReply(rtbDescribeRouteTableReply)},
			calls:   []vpcCall{vpcLegacy("DescribeRouteTable", map[string]string{"routeTableId": "rtb-rqndayhs"})},
			stdout: "DESTINATION    NEXT HOP TYPE   NEXT HOP         DESCRIPTION\n" +
				"Local          2               Local            -\n" +
				"121.0.0.0/16   1               vpngw-dystbrkv   -\n"},
		{name: "route add v3",
			args:    []string{"route-table", "route", "add", "rtb-n0yejvje", "--routes", rtbV3Route},
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("CreateRoutes", rtbWith(rtbV3RouteParams, map[string]string{"RouteTableId": "rtb-n0yejvje"}))}},
		{name: "route add v3 on a terminal",
			args:    []string{"rtb", "route", "add", "rtb-n0yejvje", "--routes", rtbV3Route},
			tty:     true,
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("CreateRoutes", rtbWith(rtbV3RouteParams, map[string]string{"RouteTableId": "rtb-n0yejvje"}))},
			stdout:  "Added routes to route table rtb-n0yejvje\n"},
		{name: "route add legacy",
			args:    []string{"rtb", "route", "add", "rtb-4ahe1qy2", "--legacy", "--vpc-id", "vpc-amhnao5x", "--routes", rtbLegacyRoute},
			replies: []testserver.Reply{vpcLegacyReply(vpcLegacyOK)},
			calls: []vpcCall{vpcLegacy("CreateRoute", rtbWith(rtbLegacyRouteParams, map[string]string{
				"vpcId": "vpc-amhnao5x", "routeTableId": "rtb-4ahe1qy2"}))}},
		{name: "route delete v3",
			args:    []string{"route-table", "route", "delete", "rtb-n0yejvje", "--routes", `[{"RouteId":16644},{"RouteId":16645}]`, "-y"},
			replies: []testserver.Reply{testserver.V3OK("")},
			calls: []vpcCall{vpcV3("DeleteRoutes", map[string]string{"RouteTableId": "rtb-n0yejvje",
				"Routes.0.RouteId": "16644", "Routes.1.RouteId": "16645"})},
			body: `{"RouteTableId":"rtb-n0yejvje","Routes":[{"RouteId":16644},{"RouteId":16645}]}`},
		{name: "route delete v3 id as string",
			args:    []string{"route-table", "route", "rm", "rtb-n0yejvje", "--routes", `[{"RouteId":"16644"}]`, "-y"},
			replies: []testserver.Reply{testserver.V3OK("")},
			calls:   []vpcCall{vpcV3("DeleteRoutes", map[string]string{"RouteTableId": "rtb-n0yejvje", "Routes.0.RouteId": "16644"})},
			body:    `{"RouteTableId":"rtb-n0yejvje","Routes":[{"RouteId":16644}]}`},
		{name: "route delete legacy",
			args:    []string{"rtb", "route", "rm", "rtb-4ahe1qy2", "--legacy", "--vpc-id", "vpc-amhnao5x", "--routes", rtbLegacyRoute, "-y"},
			replies: []testserver.Reply{vpcLegacyReply(vpcLegacyOK)},
			calls: []vpcCall{vpcLegacy("DeleteRoute", rtbWith(rtbLegacyRouteParams, map[string]string{
				"vpcId": "vpc-amhnao5x", "routeTableId": "rtb-4ahe1qy2"}))}},
		{name: "route replace",
			args: []string{"route-table", "route", "replace", "rtb-n0yejvje", "--routes",
				`[{"RouteId":17125,"DestinationCidrBlock":"192.168.0.0/16","GatewayType":"NORMAL_CVM","GatewayId":"172.16.16.37","RouteDescription":"leo-test-CVM-route"}]`},
			replies: []testserver.Reply{testserver.V3OK("")},
			calls: []vpcCall{vpcV3("ReplaceRoutes", map[string]string{"RouteTableId": "rtb-n0yejvje", "Routes.0.RouteId": "17125",
				"Routes.0.DestinationCidrBlock": "192.168.0.0/16", "Routes.0.GatewayType": "NORMAL_CVM", "Routes.0.GatewayId": "172.16.16.37",
				"Routes.0.RouteDescription": "leo-test-CVM-route"})}},
	})
}

func TestRouteTableShowNotFound(t *testing.T) {
	srv := testserver.New(t, vpcLegacyReply(`{"code":0,"message":"","totalCount":0,"data":[]}`))
	r := run{env: envFor(srv)}
	r.exec(t, "rtb", "show", "rtb-rqndayhs", "--legacy").
		expect(t, 1, "", "Error: [ResourceNotFound] route table rtb-rqndayhs not found\n")
}

func TestRouteTableConfirmOnTerminal(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(""))
	args := []string{"rtb", "reset", "rtb-n0yejvje", "--name", "prod", "--routes", rtbV3Route}
	r := run{env: envFor(srv), tty: true, stdin: "\n"}
	r.exec(t, args...).expect(t, ExitCancelled, "", "Reset route table rtb-n0yejvje? [y/N] Cancelled: nothing was changed.\n")
	r.stdin = "y\n"
	r.exec(t, args...).expect(t, 0, "Reset route table rtb-n0yejvje\n", "Reset route table rtb-n0yejvje? [y/N] ")
}

func TestRouteTableUsageErrors(t *testing.T) {
	runVPCUsageErrors(t, []struct {
		args []string
		msg  string
	}{
		{[]string{"rtb", "show", "rtb-L2H8D7C2"}, `invalid value "rtb-L2H8D7C2" for ROUTE_TABLE_ID: expected an ID like rtb-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"rtb", "show", "rtb-l2h8d7c2", "rtb-azd4dt1c"}, "tcvpc route-table show takes one ROUTE_TABLE_ID, got 2 arguments"},
		{[]string{"rtb", "list", "--route-table-id", "vpc-2at5y1pn"}, `invalid value "vpc-2at5y1pn" for --route-table-id: expected an ID like rtb-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"rtb", "list", "--legacy", "--order-field", "name"}, `invalid value "name" for --order-field: expected createTime or routeTableName`},
		{[]string{"rtb", "create", "--name", "prod"}, "tcvpc route-table create needs --vpc-id"},
		{[]string{"rtb", "create", "--vpc-id", "vpc-2at5y1pn", "--name", "prod", "--routes", rtbLegacyRoute}, "--routes is not used by API 3.0"},
		{[]string{"rtb", "modify", "rtb-n0yejvje"}, "tcvpc route-table modify needs --name"},
		{[]string{"rtb", "modify", "rtb-8oidkjt2", "--legacy", "--name", "x"}, "tcvpc route-table modify needs --vpc-id"},
		{[]string{"rtb", "delete", "rtb-azd4dt1c"}, "refusing to delete route table rtb-azd4dt1c without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"rtb", "associate", "rtb-n0yejvje", "--subnet-id", "sub-q2079ils"}, `invalid value "sub-q2079ils" for --subnet-id: expected an ID like subnet-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"rtb", "associate", "rtb-n0yejvje", "--subnet-id", "subnet-q2079ils", "--vpc-id", "vpc-amhnao5x"}, "--vpc-id is not used by API 3.0"},
		{[]string{"rtb", "reset", "rtb-n0yejvje", "--name", "prod", "--routes", rtbV3Route, "--legacy", "-y"}, "tcvpc route-table reset is not available in the legacy API (--legacy)"},
		{[]string{"rtb", "reset", "rtb-n0yejvje", "--name", "prod", "-y"}, "tcvpc route-table reset needs --routes"},
		{[]string{"rtb", "reset", "rtb-n0yejvje", "--name", "prod", "--routes", rtbV3Route}, "refusing to reset route table rtb-n0yejvje without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"rtb", "route", "add", "rtb-n0yejvje"}, "tcvpc route-table route add needs --routes"},
		{[]string{"rtb", "route", "add", "rtb-n0yejvje", "--routes", `[{"DestinationCidrBlock":"10.1.0.0/16","GatewayType":"VPN"}]`}, "--routes[0].GatewayId is required"},
		{[]string{"rtb", "route", "add", "rtb-n0yejvje", "--routes", rtbLegacyRoute},
			"unknown field destinationCidrBlock in --routes[0] (did you mean DestinationCidrBlock?); valid: RouteId, DestinationCidrBlock, GatewayType, GatewayId, RouteDescription"},
		{[]string{"rtb", "route", "add", "rtb-4ahe1qy2", "--legacy", "--routes", rtbLegacyRoute}, "tcvpc route-table route add needs --vpc-id"},
		{[]string{"rtb", "route", "add", "rtb-n0yejvje", "--routes", `[{"DestinationCidrBlock":"10.1.0.0/16"`}, "invalid value for --routes: expected JSON or @FILE (unexpected EOF)"},
		{[]string{"rtb", "route", "delete", "rtb-n0yejvje", "--routes", `{"RouteId":1}`, "-y"}, "invalid value for --routes: want a list (Routes.0, Routes.1, …), got an object"},
		{[]string{"rtb", "route", "delete", "rtb-n0yejvje", "--routes", `[{"RouteId":"first"}]`, "-y"}, `invalid value "first" for --routes[0].RouteId: expected an integer`},
		{[]string{"rtb", "route", "delete", "rtb-n0yejvje", "--routes", `[{"RouteId":1}]`}, "refusing to delete routes of route table rtb-n0yejvje without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"rtb", "route", "replace", "rtb-n0yejvje", "--routes", `[{"RouteId":1}]`, "--legacy"}, "tcvpc route-table route replace is not available in the legacy API (--legacy)"},
		{[]string{"rtb", "route", "list"}, "tcvpc route-table route list needs ROUTE_TABLE_ID"},
		{[]string{"rtb", "route", "frobnicate"}, `unknown command "frobnicate" for "tcvpc route-table route"; see 'tcvpc route-table route --help'`},
	})
}
