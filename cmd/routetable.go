package cmd

import "github.com/tcvpc/tcvpc/pkg/output"

// Route table and route commands. Wire names and reply fields are from the
// API 3.0 pages (CreateRouteTable … ResetRoutes) and the legacy pages
// (CreateRouteTable … DeleteRoute) of the manual. The legacy
// DescribeRouteTable page lists a table's routes as routeTableSet while its
// example reply has routeSet; the columns accept either.

var (
	rtbArg        = &Param{Flag: "ROUTE_TABLE_ID", V3: "RouteTableId", Legacy: "routeTableId"}
	rtbLegacyVpc  = Param{Flag: "vpc-id", Legacy: "vpcId", Usage: "ID of the VPC of the route table"}
	rtbNameFlag   = Param{Flag: "name", V3: "RouteTableName", Legacy: "routeTableName", Usage: "name of the route table (up to 60 characters)"}
	rtbDescribeID = &Param{Flag: "ROUTE_TABLE_ID", V3: "RouteTableIds", Legacy: "routeTableId"}
	// The listing parameters a show of one route table does not offer.
	rtbShowHidden = []string{"Filters", "Offset", "Limit", "vpcId", "routeTableName", "offset", "limit", "orderField", "orderDirection"}
)

// Route values are JSON lists of the API's own route objects; the two
// styles spell the fields differently.
const (
	rtbRoutesV3Usage     = "routes: JSON list of {DestinationCidrBlock, GatewayType, GatewayId, RouteDescription}"
	rtbRoutesLegacyUsage = "routes: JSON list of {destinationCidrBlock, nextType, nextHub, description}"
	rtbRoutesBothUsage   = "routes: JSON list of route objects, spelt as the style wants (see above)"

	rtbRoutesHelp = `Routes are a JSON list of objects:

  API 3.0:   {"DestinationCidrBlock": "10.1.0.0/16", "GatewayType": "VPN",
              "GatewayId": "vpngw-dystbrkv", "RouteDescription": "to office"}
  --legacy:  {"destinationCidrBlock": "10.1.0.0/16", "nextType": "1",
              "nextHub": "vpngw-dystbrkv", "description": "to office"}

Next hop types (GatewayType / nextType): CVM / 0 (CVM as public gateway),
VPN / 1, DIRECTCONNECT / 3, PEERCONNECTION / 4, SSLVPN / 7, NAT / 8,
NORMAL_CVM / 9 (a CVM, GatewayId is its private IP). The destination must
lie outside the VPC's CIDR block.`
)

var (
	rtbRouteColumnsV3 = []output.Column{
		{Header: "ID", Path: "RouteId"}, {Header: "DESTINATION", Path: "DestinationCidrBlock"},
		{Header: "NEXT HOP TYPE", Path: "GatewayType"}, {Header: "NEXT HOP", Path: "GatewayId"},
		{Header: "DESCRIPTION", Path: "RouteDescription"},
	}
	rtbRouteColumnsLegacy = []output.Column{
		{Header: "DESTINATION", Path: "destinationCidrBlock"}, {Header: "NEXT HOP TYPE", Path: "nextType"},
		{Header: "NEXT HOP", Format: firstField("unNextHub", "nextHub")}, {Header: "DESCRIPTION", Path: "description"},
	}
)

func routeTableCommands() []Command {
	return []Command{
		{
			Path:    "route-table list",
			Aliases: []string{"ls"},
			Short:   "List route tables",
			Long: `List the route tables of the region.

API 3.0 filters (--filter NAME=VALUE[,VALUE…], repeatable): route-table-id,
route-table-name, vpc-id, association.main (true or false). The legacy API
filters with its own flags instead (--vpc-id, --route-table-name, …).`,
			Example: `  tcvpc route-table list --filter vpc-id=vpc-2at5y1pn
  tcvpc rtb ls --filter association.main=true -o text
  tcvpc route-table list --legacy --vpc-id vpc-amhnao5x --route-table-name prod`,
			V3: "DescribeRouteTables", Legacy: "DescribeRouteTable",
			Params: []Param{
				{Flag: "route-table-id", V3: "RouteTableIds", Legacy: "routeTableId", Usage: "only this route table"},
				{Flag: "vpc-id", Legacy: "vpcId", Usage: "only route tables of this VPC"},
				{Flag: "route-table-name", Legacy: "routeTableName", Usage: "route tables whose name contains this text"},
			},
			List: &List{V3Rows: "RouteTableSet", LegacyRows: "data", V3Total: "TotalCount", LegacyTotal: "totalCount"},
			V3View: View{Rows: "RouteTableSet", Columns: []output.Column{
				{Header: "ID", Path: "RouteTableId"}, {Header: "NAME", Path: "RouteTableName"}, {Header: "VPC", Path: "VpcId"},
				{Header: "MAIN", Path: "Main"}, {Header: "ROUTES", Format: vpcCount("RouteSet")},
				{Header: "SUBNETS", Format: vpcCount("AssociationSet")}, {Header: "CREATED", Path: "CreatedTime"},
			}},
			LegacyView: View{Rows: "data", Columns: []output.Column{
				{Header: "ID", Path: "unRouteTableId"}, {Header: "NAME", Path: "routeTableName"}, {Header: "VPC", Path: "unVpcId"},
				{Header: "TYPE", Path: "routeTableType"}, {Header: "ROUTES", Format: vpcCount("routeSet", "routeTableSet")},
				{Header: "SUBNETS", Path: "subnetNum"}, {Header: "CREATED", Path: "routeTableCreateTime"},
			}},
		},
		{
			Path:  "route-table show",
			Short: "Show one route table",
			Long: `Show one route table, its routes and subnets. 'tcvpc route-table route list'
shows its routes as a table.`,
			Example: `  tcvpc route-table show rtb-l2h8d7c2
  tcvpc rtb show rtb-l2h8d7c2 -o json --query 'RouteTableSet[0].AssociationSet[].SubnetId'
  tcvpc rtb show rtb-rqndayhs --legacy`,
			V3: "DescribeRouteTables", Legacy: "DescribeRouteTable",
			Arg:        rtbDescribeID,
			Hide:       rtbShowHidden,
			Noun:       "route table",
			V3View:     View{Rows: "RouteTableSet", Single: true},
			LegacyView: View{Rows: "data", Single: true},
		},
		{
			Path:  "route-table create",
			Short: "Create a route table in a VPC",
			Long: `Create a route table and print it. New subnets use the VPC's default route
table; associate others with 'tcvpc route-table associate'.

The legacy API can add routes in the same call (--routes).

` + rtbRoutesHelp,
			Example: `  tcvpc route-table create --vpc-id vpc-2at5y1pn --name prod
  tcvpc route-table create --vpc-id vpc-2at5y1pn --name prod -o json --query RouteTable.RouteTableId
  tcvpc rtb create --legacy --vpc-id vpc-amhnao5x --name prod \
      --routes '[{"destinationCidrBlock":"121.0.0.0/16","nextType":"1","nextHub":"vpngw-dystbrkv"}]'`,
			V3: "CreateRouteTable", Legacy: "CreateRouteTable",
			Params: []Param{
				{Flag: "vpc-id", V3: "VpcId", Legacy: "vpcId", Usage: "ID of the VPC"},
				rtbNameFlag,
				{Flag: "routes", Legacy: "routeSet", Usage: rtbRoutesLegacyUsage},
			},
			V3View: View{Rows: "RouteTable", Columns: []output.Column{
				{Header: "ID", Path: "RouteTableId"}, {Header: "NAME", Path: "RouteTableName"}, {Header: "VPC", Path: "VpcId"},
				{Header: "MAIN", Path: "Main"},
			}},
			LegacyView: View{Columns: []output.Column{
				{Header: "ID", Path: "unRouteTableId"}, {Header: "ROUTES", Format: vpcCount("routeTableSet", "routeSet")},
			}},
		},
		{
			Path:  "route-table modify",
			Short: "Rename a route table",
			Long: `Rename a route table.

The legacy API needs --vpc-id and can also set the routes (--routes): they
then REPLACE every route of the table, so list the ones to keep too.

` + rtbRoutesHelp,
			Example: `  tcvpc route-table modify rtb-n0yejvje --name prod
  tcvpc rtb modify rtb-8oidkjt2 --legacy --vpc-id vpc-amhnao5x --name prod \
      --routes '[{"destinationCidrBlock":"121.0.0.0/18","nextType":"1","nextHub":"vpngw-dystbrkv"}]'`,
			V3: "ModifyRouteTableAttribute", Legacy: "ModifyRouteTableAttribute",
			Arg: rtbArg,
			Params: []Param{
				rtbNameFlag, rtbLegacyVpc,
				{Flag: "routes", Legacy: "routeSet", Usage: "new routes, replacing all: JSON list of {destinationCidrBlock, nextType, nextHub}"},
			},
			Noun: "route table", Done: "Modified",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:    "route-table delete",
			Aliases: []string{"rm"},
			Short:   "Delete a route table",
			Long:    `Delete a route table. The legacy API also needs --vpc-id.`,
			Example: `  tcvpc route-table delete rtb-azd4dt1c
  tcvpc rtb rm rtb-4ahe1qy2 --legacy --vpc-id vpc-amhnao5x -y`,
			V3: "DeleteRouteTable", Legacy: "DeleteRouteTable",
			Arg:     rtbArg,
			Params:  []Param{rtbLegacyVpc},
			Confirm: "delete", Noun: "route table", Done: "Deleted", Doing: "Deleting",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:  "route-table associate",
			Short: "Associate a subnet with a route table",
			Long: `Make a subnet use this route table instead of its current one (a subnet has
exactly one). The legacy API also needs --vpc-id.`,
			Example: `  tcvpc route-table associate rtb-n0yejvje --subnet-id subnet-q2079ils
  tcvpc rtb associate rtb-rqndayhs --subnet-id subnet-3x5lf5q0 --vpc-id vpc-amhnao5x --legacy`,
			V3: "ReplaceRouteTableAssociation", Legacy: "AssociateRouteTable",
			Arg: rtbArg,
			Params: []Param{
				{Flag: "subnet-id", V3: "SubnetId", Legacy: "subnetId", Usage: "ID of the subnet to associate"},
				{Flag: "vpc-id", Legacy: "vpcId", Usage: "ID of the VPC of the subnet"},
			},
			Noun: "route table", Done: "Associated subnet with",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:  "route-table reset",
			Short: "Replace the name and every route of a route table",
			Long: `Replace the name and all routes of a route table in one call. The current
routes are deleted first, which interrupts traffic through the table.

` + rtbRoutesHelp,
			Example: `  tcvpc route-table reset rtb-n0yejvje --name prod \
      --routes '[{"DestinationCidrBlock":"192.168.0.0/16","GatewayType":"NORMAL_CVM","GatewayId":"172.16.16.37"}]' -y`,
			V3:  "ResetRoutes",
			Arg: rtbArg,
			Params: []Param{
				{Flag: "name", V3: "RouteTableName", Usage: "name of the route table (up to 60 characters)"},
				{Flag: "routes", V3: "Routes", Usage: rtbRoutesV3Usage},
			},
			Confirm: "reset", Noun: "route table", Done: "Reset",
			V3View: View{Quiet: true},
		},
		{
			Path:    "route-table route list",
			Aliases: []string{"ls"},
			Short:   "List the routes of a route table",
			Long: `List the routes of a route table. API 3.0 shows each route's ID, which
'route delete' and 'route replace' take.`,
			Example: `  tcvpc route-table route list rtb-l2h8d7c2
  tcvpc rtb route ls rtb-l2h8d7c2 -o text
  tcvpc rtb route list rtb-rqndayhs --legacy`,
			V3: "DescribeRouteTables", Legacy: "DescribeRouteTable",
			Arg:        rtbDescribeID,
			Hide:       rtbShowHidden,
			Noun:       "route table",
			V3View:     View{Rows: "RouteTableSet.0.RouteSet", Columns: rtbRouteColumnsV3, Needs: "RouteTableSet"},
			LegacyView: View{Rows: "data.0.routeSet", Columns: rtbRouteColumnsLegacy},
		},
		{
			Path:  "route-table route add",
			Short: "Add routes to a route table",
			Long: `Add one or more routes to a route table. The legacy API also needs
--vpc-id.

` + rtbRoutesHelp,
			Example: `  tcvpc route-table route add rtb-n0yejvje \
      --routes '[{"DestinationCidrBlock":"192.168.0.0/16","GatewayType":"NORMAL_CVM","GatewayId":"172.16.16.37","RouteDescription":"to db"}]'
  tcvpc rtb route add rtb-4ahe1qy2 --legacy --vpc-id vpc-amhnao5x \
      --routes '[{"destinationCidrBlock":"121.0.0.0/16","nextType":"1","nextHub":"vpngw-dystbrkv"}]'`,
			V3: "CreateRoutes", Legacy: "CreateRoute",
			Arg: rtbArg,
			Params: []Param{
				{Flag: "routes", V3: "Routes", Legacy: "routeSet", Usage: rtbRoutesBothUsage},
				rtbLegacyVpc,
			},
			Noun: "route table", Done: "Added routes to",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:    "route-table route delete",
			Aliases: []string{"rm"},
			Short:   "Delete routes from a route table",
			Long: `Delete routes from a route table. API 3.0 names them by ID
([{"RouteId":16644}], see 'tcvpc route-table route list'); the legacy API,
which also needs --vpc-id, by destination and next hop
([{"destinationCidrBlock":…,"nextType":…,"nextHub":…}]).`,
			Example: `  tcvpc route-table route delete rtb-n0yejvje --routes '[{"RouteId":16644},{"RouteId":16645}]'
  tcvpc rtb route rm rtb-4ahe1qy2 --legacy --vpc-id vpc-amhnao5x -y \
      --routes '[{"destinationCidrBlock":"121.0.0.0/16","nextType":"1","nextHub":"vpngw-dystbrkv"}]'`,
			V3: "DeleteRoutes", Legacy: "DeleteRoute",
			Arg: rtbArg,
			Params: []Param{
				{Flag: "routes", V3: "Routes", Legacy: "routeSet", Usage: `routes: JSON list of {"RouteId": N}; --legacy: of destination and next hop`},
				rtbLegacyVpc,
			},
			Confirm: "delete routes of", Noun: "route table", Done: "Deleted routes of", Doing: "Deleting routes of",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:  "route-table route replace",
			Short: "Change routes of a route table, by route ID",
			Long: `Change existing routes in place: each object names a route by RouteId and
gives its new destination and next hop (see 'tcvpc route-table route list').

` + rtbRoutesHelp,
			Example: `  tcvpc route-table route replace rtb-n0yejvje \
      --routes '[{"RouteId":17125,"DestinationCidrBlock":"192.168.0.0/16","GatewayType":"NORMAL_CVM","GatewayId":"172.16.16.37"}]'`,
			V3:  "ReplaceRoutes",
			Arg: rtbArg,
			Params: []Param{
				{Flag: "routes", V3: "Routes", Usage: "routes: JSON list of {RouteId, DestinationCidrBlock, GatewayType, GatewayId}"},
			},
			Noun: "route table", Done: "Replaced routes of",
			V3View: View{Quiet: true},
		},
	}
}
