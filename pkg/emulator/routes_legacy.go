package emulator

import "strconv"

// The legacy route table pages: their next-hop numbers and rows. The
// handlers are those of API 3.0 (routes.go) with the legacy wire names.

func registerLegacyRouteTable(h map[string]handler) {
	h["legacy/CreateRouteTable"] = createRouteTable
	h["legacy/DescribeRouteTable"] = routeTables.describeLegacy
	h["legacy/ModifyRouteTableAttribute"] = modifyRouteTableAttribute
	h["legacy/DeleteRouteTable"] = deleteRouteTable
	h["legacy/CreateRoute"] = createRoutes
	h["legacy/DeleteRoute"] = deleteRoutes
	h["legacy/AssociateRouteTable"] = associateRouteTable
}

// legacyNextTypes numbers the next-hop kinds as the legacy pages do.
// API 3.0's EIP and CCN have no legacy number and show by name.
var legacyNextTypes = []struct {
	num  int
	name string
}{
	{0, "CVM"}, {1, "VPN"}, {3, "DIRECTCONNECT"}, {4, "PEERCONNECTION"},
	{7, "SSLVPN"}, {8, "NAT"}, {9, "NORMAL_CVM"},
}

func nextTypeOf(gatewayType string) any {
	for _, t := range legacyNextTypes {
		if t.name == gatewayType {
			return t.num
		}
	}
	return gatewayType
}

func gatewayTypeOf(nextType string) (string, bool) {
	n, err := strconv.Atoi(nextType)
	if err != nil {
		return "", false
	}
	for _, t := range legacyNextTypes {
		if t.num == n {
			return t.name, true
		}
	}
	return "", false
}

func legacyRouteRows(rt *RouteTable) []any {
	out := make([]any, 0, len(rt.Routes))
	for _, r := range rt.Routes {
		out = append(out, map[string]any{
			"destinationCidrBlock": r.Destination, "nextType": nextTypeOf(r.GatewayType),
			"nextHub": r.GatewayID, "unNextHub": r.GatewayID, "description": r.Description,
		})
	}
	return out
}

// legacyRouteTableRow is a DescribeRouteTable row. The page's table says
// routeTableType 0 is the default table and lists routes as
// routeTableSet; its example reply, from the live service, marks default
// tables 1 and names the list routeSet, led by the implicit Local route.
// The example wins on the type (CreateVpc answers 1 for the default table
// too); the routes go under both names.
func legacyRouteTableRow(st *Store, rt *RouteTable) map[string]any {
	n := 0
	for _, s := range st.Subnets.under(rt.VpcID) {
		if s.RouteTableID == rt.ID {
			n++
		}
	}
	typ := 0
	if rt.Main {
		typ = 1
	}
	routes := append([]any{map[string]any{"destinationCidrBlock": "Local", "nextType": 2, "nextHub": "Local"}}, legacyRouteRows(rt)...)
	row := map[string]any{
		"vpcId": rt.VpcID, "unVpcId": rt.VpcID, "routeTableId": rt.ID, "unRouteTableId": rt.ID,
		"routeTableName": rt.Name, "routeTableType": typ, "subnetNum": n,
		"routeTableCreateTime": rt.created(), "createTime": rt.created(),
		"routeSet": routes, "routeTableSet": routes,
	}
	if v := st.VPCs.get(rt.VpcID); v != nil {
		row["vpcName"], row["vpcCidrBlock"] = v.Name, v.CIDR
	}
	return row
}
