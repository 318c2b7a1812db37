package emulator

import (
	"fmt"
	"strconv"
)

// The legacy route table pages over the same tables and routes as API
// 3.0, so each style sees what the other made.

func registerLegacyRouteTable(h map[string]handler) {
	h["legacy/CreateRouteTable"] = legacyCreateRouteTable
	h["legacy/DescribeRouteTable"] = legacyDescribeRouteTable
	h["legacy/ModifyRouteTableAttribute"] = legacyModifyRouteTableAttribute
	h["legacy/DeleteRouteTable"] = legacyDeleteRouteTable
	h["legacy/CreateRoute"] = legacyCreateRoute
	h["legacy/DeleteRoute"] = legacyDeleteRoute
	h["legacy/AssociateRouteTable"] = legacyAssociateRouteTable
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

// routeTableMaxPerVpc is the documented number of route tables a VPC may
// have, its default one included.
const routeTableMaxPerVpc = 10

func legacyRouteTableOf(c *call, st *Store) (*VPC, *RouteTable, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, nil, err
	}
	id := c.str("routeTableId")
	rt := st.RouteTables.get(id)
	if rt == nil || rt.VpcID != v.ID {
		return nil, nil, lerrf(5000, "InvalidRouteTableId.NotFound", "The route table %s does not exist in VPC %s.", id, v.ID)
	}
	return v, rt, nil
}

// legacyRoutes reads routeSet.N, checking each route against the table.
func legacyRoutes(c *call, st *Store, rt *RouteTable) ([]Route, *apiError) {
	var out []Route
	for i, m := range c.objs("routeSet") {
		where := fmt.Sprintf("routeSet.%d", i)
		gt, ok := gatewayTypeOf(field(m, "nextType"))
		if !ok {
			return nil, lerrf(4000, "InvalidRouteNextType", "%s.nextType %q is not one of 0, 1, 3, 4, 7, 8, 9.", where, field(m, "nextType"))
		}
		r := Route{Destination: field(m, "destinationCidrBlock"), GatewayType: gt, GatewayID: field(m, "nextHub"), Description: field(m, "description")}
		if r.GatewayID == "" {
			return nil, c.missing(where + ".nextHub")
		}
		if !descOK(r.Description) {
			return nil, c.invalid(where+".description", "must be at most 60 characters")
		}
		switch kind, msg := st.routeProblem(rt, r); kind {
		case "":
		case "hub":
			return nil, lerrf(5000, "InvalidRouteNextHub.NotFound", "%s: %s.", where, msg)
		default:
			return nil, lerrf(4000, "InvalidDestinationCidr", "%s: %s.", where, msg)
		}
		out = append(out, r)
	}
	return out, nil
}

func legacyAddRoutes(st *Store, rt *RouteTable, routes []Route) *apiError {
	switch kind, msg := st.addRoutes(rt, routes); kind {
	case "dup":
		return lerrf(5100, "RouteAlreadyExists", "%s", msg)
	case "limit":
		return lerrf(5100, "RouteLimitExceeded", "%s", msg)
	}
	return nil
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
	subnets := 0
	for _, s := range st.Subnets.byID {
		if s.RouteTableID == rt.ID {
			subnets++
		}
	}
	typ := 0
	if rt.Main {
		typ = 1
	}
	routes := append([]any{map[string]any{"destinationCidrBlock": "Local", "nextType": 2, "nextHub": "Local"}}, legacyRouteRows(rt)...)
	row := map[string]any{
		"vpcId": rt.VpcID, "unVpcId": rt.VpcID, "routeTableId": rt.ID, "unRouteTableId": rt.ID,
		"routeTableName": rt.Name, "routeTableType": typ, "subnetNum": subnets,
		"routeTableCreateTime": rt.created(), "createTime": rt.created(),
		"routeSet": routes, "routeTableSet": routes,
	}
	if v := st.VPCs.get(rt.VpcID); v != nil {
		row["vpcName"], row["vpcCidrBlock"] = v.Name, v.CIDR
	}
	return row
}

func legacyCreateRouteTable(c *call, st *Store) (map[string]any, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, err
	}
	name := c.str("routeTableName")
	if !nameOK(name) {
		return nil, lerrf(4000, "InvalidRouteTableName", "The route table name must be 1 to 60 characters.")
	}
	n := 0
	for _, rt := range st.RouteTables.byID {
		if rt.VpcID == v.ID {
			n++
		}
	}
	if n >= routeTableMaxPerVpc {
		return nil, lerrf(5100, "RouteTableLimitExceeded", "The VPC %s has %d route tables, the most it may have.", v.ID, n)
	}
	rt := &RouteTable{VpcID: v.ID, Name: name}
	routes, err := legacyRoutes(c, st, rt)
	if err != nil {
		return nil, err
	}
	if err := legacyAddRoutes(st, rt, routes); err != nil {
		return nil, err
	}
	rt.base = st.newBase(c, "rtb-")
	st.RouteTables.put(rt)
	return map[string]any{"routeTableId": rt.ID, "unRouteTableId": rt.ID, "routeTableSet": legacyRouteRows(rt)}, nil
}

func legacyDescribeRouteTable(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.legacyPage(50, "routeTableName")
	if err != nil {
		return nil, err
	}
	vpcID, id, name := c.str("vpcId"), c.str("routeTableId"), c.str("routeTableName")
	if vpcID != "" && st.VPCs.get(vpcID) == nil {
		return nil, lerrf(5000, "InvalidVpc.NotFound", "The VPC %s does not exist.", vpcID)
	}
	if id != "" && st.RouteTables.get(id) == nil {
		return nil, lerrf(5000, "InvalidRouteTableId.NotFound", "The route table %s does not exist.", id)
	}
	var rows []map[string]any
	for _, rt := range st.RouteTables.all() {
		if (vpcID == "" || rt.VpcID == vpcID) && (id == "" || rt.ID == id) && fuzzy(rt.Name, name) {
			rows = append(rows, legacyRouteTableRow(st, rt))
		}
	}
	return map[string]any{"totalCount": len(rows), "data": rowsAny(q.apply(rows))}, nil
}

// legacyModifyRouteTableAttribute renames a table and, when routeSet is
// given, replaces all its routes with it, as the page says.
func legacyModifyRouteTableAttribute(c *call, st *Store) (map[string]any, *apiError) {
	_, rt, err := legacyRouteTableOf(c, st)
	if err != nil {
		return nil, err
	}
	if c.has("routeTableName") && !nameOK(c.str("routeTableName")) {
		return nil, lerrf(4000, "InvalidRouteTableName", "The route table name must be 1 to 60 characters.")
	}
	if _, given := c.raw("routeSet"); given {
		routes, err := legacyRoutes(c, st, rt)
		if err != nil {
			return nil, err
		}
		old := rt.Routes
		rt.Routes = nil
		if err := legacyAddRoutes(st, rt, routes); err != nil {
			rt.Routes = old
			return nil, err
		}
	}
	if c.has("routeTableName") {
		rt.Name = c.str("routeTableName")
	}
	st.dirty = true
	return nil, nil
}

// legacyDeleteRouteTable refuses the default table and a table subnets
// use; the page documents no code for either, so the common ones
// (UnsupportedOperation, ResourceInUse) name them.
func legacyDeleteRouteTable(c *call, st *Store) (map[string]any, *apiError) {
	_, rt, err := legacyRouteTableOf(c, st)
	if err != nil {
		return nil, err
	}
	if rt.Main {
		return nil, lerrf(5100, "UnsupportedOperation", "The default route table %s goes with its VPC and cannot be deleted.", rt.ID)
	}
	for _, s := range st.Subnets.all() {
		if s.RouteTableID == rt.ID {
			return nil, lerrf(5100, "ResourceInUse", "The route table %s is associated with subnet %s.", rt.ID, s.ID)
		}
	}
	st.RouteTables.del(rt.ID)
	st.dirty = true
	return nil, nil
}

func legacyCreateRoute(c *call, st *Store) (map[string]any, *apiError) {
	_, rt, err := legacyRouteTableOf(c, st)
	if err != nil {
		return nil, err
	}
	routes, err := legacyRoutes(c, st, rt)
	if err != nil {
		return nil, err
	}
	if len(routes) == 0 {
		return nil, c.missing("routeSet")
	}
	if err := legacyAddRoutes(st, rt, routes); err != nil {
		return nil, err
	}
	return nil, nil
}

// legacyDeleteRoute removes the routes named by destination (and, when
// given, next hop); the page documents no code for a route that is not
// there, so the common ResourceNotFound names it.
func legacyDeleteRoute(c *call, st *Store) (map[string]any, *apiError) {
	_, rt, err := legacyRouteTableOf(c, st)
	if err != nil {
		return nil, err
	}
	objs := c.objs("routeSet")
	if len(objs) == 0 {
		return nil, c.missing("routeSet")
	}
	drop := map[int]bool{}
	for i, m := range objs {
		dst, hub := field(m, "destinationCidrBlock"), field(m, "nextHub")
		gt, typed := gatewayTypeOf(field(m, "nextType"))
		if field(m, "nextType") != "" && !typed {
			return nil, lerrf(4000, "InvalidRouteNextType", "routeSet.%d.nextType %q is not one of 0, 1, 3, 4, 7, 8, 9.", i, field(m, "nextType"))
		}
		if _, ok := parseCIDR(dst); !ok {
			return nil, lerrf(4000, "InvalidDestinationCidr", "routeSet.%d.destinationCidrBlock %q is not a CIDR block.", i, dst)
		}
		found := false
		for j, r := range rt.Routes {
			if r.Destination == dst && (!typed || r.GatewayType == gt) && (hub == "" || r.GatewayID == hub) {
				drop[j], found = true, true
			}
		}
		if !found {
			return nil, lerrf(5000, "ResourceNotFound", "The route table %s has no route to %s through %s.", rt.ID, dst, hub)
		}
	}
	kept := rt.Routes[:0:0]
	for j, r := range rt.Routes {
		if !drop[j] {
			kept = append(kept, r)
		}
	}
	rt.Routes = kept
	st.dirty = true
	return nil, nil
}

func legacyAssociateRouteTable(c *call, st *Store) (map[string]any, *apiError) {
	v, rt, err := legacyRouteTableOf(c, st)
	if err != nil {
		return nil, err
	}
	id := c.str("subnetId")
	s := st.Subnets.get(id)
	if s == nil || s.VpcID != v.ID {
		return nil, lerrf(5000, "InvalidSubnet.NotFound", "The subnet %s does not exist in VPC %s.", id, v.ID)
	}
	s.RouteTableID = rt.ID
	st.dirty = true
	return nil, nil
}
