package emulator

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
)

// RouteTable is a VPC's route table; Main marks the default one every
// VPC gets, which goes with the VPC.
type RouteTable struct {
	base
	VpcID  string  `json:"vpcId"`
	Name   string  `json:"name"`
	Main   bool    `json:"main,omitempty"`
	Routes []Route `json:"routes,omitempty"`
}

// Route is one routing policy of a table.
type Route struct {
	ID          int64  `json:"id"`
	Destination string `json:"destination"`
	GatewayType string `json:"gatewayType"`
	GatewayID   string `json:"gatewayId"`
	Description string `json:"description,omitempty"`
}

// routeTables is the route table kind. Both styles work on the same
// tables and routes, so each sees what the other made; the legacy pages
// name a table with its VPC.
var routeTables = &kind[*RouteTable]{
	noun: "route table", prefix: "rtb-", rows: func(s *Store) *table[*RouteTable] { return &s.RouteTables },
	legacyCode: "InvalidRouteTableId", vpcParam: "vpcId",
	inUse: func(st *Store, rt *RouteTable) string {
		for _, s := range st.Subnets.under(rt.VpcID) {
			if s.RouteTableID == rt.ID {
				return "subnet " + s.ID
			}
		}
		return ""
	},

	idsParam: "RouteTableIds", set: "RouteTableSet", parent: "vpc-id",
	filters: []attr[*RouteTable]{
		{"route-table-id", func(rt *RouteTable) string { return rt.ID }},
		{"route-table-name", func(rt *RouteTable) string { return rt.Name }},
		{"vpc-id", func(rt *RouteTable) string { return rt.VpcID }},
		{"association.main", func(rt *RouteTable) string { return boolStr(rt.Main) }},
	},
	v3Row: func(st *Store, rt *RouteTable) any { return st.routeTableV3(rt) },
	legacy: &legacyList[*RouteTable]{
		max: 50, orderBy: []string{"routeTableName"}, id: "routeTableId", parent: "vpcId", strict: true,
		substr: []attr[*RouteTable]{{"routeTableName", func(rt *RouteTable) string { return rt.Name }}},
		row:    legacyRouteTableRow,
	},
}

// routeWire is a style's names for the parameters of the route table
// calls: the table, its name and its routes, and a route's fields.
type routeWire struct {
	table, name, list, id, dst, typ, hub, desc string
}

var routeWires = [...]routeWire{
	V3:     {"RouteTableId", "RouteTableName", "Routes", "RouteId", "DestinationCidrBlock", "GatewayType", "GatewayId", "RouteDescription"},
	Legacy: {"routeTableId", "routeTableName", "routeSet", "", "destinationCidrBlock", "nextType", "nextHub", "description"},
}

func registerRouteTable(h map[string]handler) {
	h["v3/CreateRouteTable"] = createRouteTable
	h["v3/DeleteRouteTable"] = deleteRouteTable
	h["v3/DescribeRouteTables"] = routeTables.describeV3
	h["v3/ModifyRouteTableAttribute"] = modifyRouteTableAttribute
	h["v3/CreateRoutes"] = createRoutes
	h["v3/DeleteRoutes"] = deleteRoutes
	h["v3/ReplaceRoutes"] = v3ReplaceRoutes
	// ResetRoutes is ModifyRouteTableAttribute as the legacy page has it:
	// a new name and all the routes.
	h["v3/ResetRoutes"] = modifyRouteTableAttribute
	h["v3/ReplaceRouteTableAssociation"] = associateRouteTable
}

func (st *Store) routeTableV3(rt *RouteTable) map[string]any {
	var assoc []any
	for _, s := range st.Subnets.under(rt.VpcID) {
		if s.RouteTableID == rt.ID {
			assoc = append(assoc, map[string]any{"SubnetId": s.ID, "RouteTableId": rt.ID})
		}
	}
	var routes []any
	for _, r := range rt.Routes {
		routes = append(routes, map[string]any{
			"RouteId": r.ID, "DestinationCidrBlock": r.Destination, "GatewayType": r.GatewayType,
			"GatewayId": r.GatewayID, "RouteDescription": r.Description, "Enabled": true, "RouteType": "USER", "RouteTableId": rt.ID,
		})
	}
	return map[string]any{
		"VpcId": rt.VpcID, "RouteTableId": rt.ID, "RouteTableName": rt.Name, "Main": rt.Main,
		"CreatedTime": rt.created(), "AssociationSet": nonNil(assoc), "RouteSet": nonNil(routes), "TagSet": []any{},
	}
}

// routeTableMaxPerVpc is the documented number of route tables a VPC may
// have, its default one included.
const routeTableMaxPerVpc = 10

// routeLimit is the documented number of routes a table may hold.
const routeLimit = 50

// routeErr is an error of a route call: the style's code where the page
// lists it, the common fallback where it does not.
func routeErr(c *call, public int, v3, legacy, fallback, format string, args ...any) *apiError {
	if c.style == Legacy {
		return lerrf(public, c.pick(legacy, fallback), format, args...)
	}
	return errf(c.pick(v3, fallback), format, args...)
}

// gatewayType reads a route's next-hop type ("" when not given): API 3.0
// names it, as the model checks, and the legacy pages number it.
func gatewayType(c *call, where string, m map[string]any) (string, *apiError) {
	s := field(m, routeWires[c.style].typ)
	if c.style == V3 || s == "" {
		return s, nil
	}
	if t, ok := gatewayTypeOf(s); ok {
		return t, nil
	}
	return "", routeErr(c, 4000, "", "InvalidRouteNextType", "InvalidParameterValue", "%s.nextType %q is not one of 0, 1, 3, 4, 7, 8, 9.", where, s)
}

// destination reads a route's destination. The legacy pages' own
// examples send blocks with host bits set (121.0.23.51/16), which the
// legacy API reads as their network, as the model does.
func destination(c *call, m map[string]any) string {
	d := field(m, routeWires[c.style].dst)
	if p, err := netip.ParsePrefix(d); err == nil && c.style == Legacy {
		return p.Masked().String()
	}
	return d
}

// readRoutes reads a call's routes (Routes.N or routeSet.N), each checked
// against the table; withID is for ReplaceRoutes, whose routes name the
// route each replaces.
func readRoutes(c *call, st *Store, rt *RouteTable, withID bool) ([]Route, *apiError) {
	w := routeWires[c.style]
	var out []Route
	for i, m := range c.objs(w.list) {
		where := fmt.Sprintf("%s.%d", w.list, i)
		gt, err := gatewayType(c, where, m)
		if err != nil {
			return nil, err
		}
		r := Route{Destination: destination(c, m), GatewayType: gt, GatewayID: field(m, w.hub), Description: field(m, w.desc)}
		if withID {
			n, err := strconv.ParseInt(field(m, w.id), 10, 64)
			if err != nil {
				return nil, c.missing(where + "." + w.id)
			}
			r.ID = n
		}
		for _, f := range []struct{ name, v string }{{w.typ, r.GatewayType}, {w.hub, r.GatewayID}} {
			if f.v == "" {
				return nil, c.missing(where + "." + f.name)
			}
		}
		if err := st.checkRoute(c, rt, r, where); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// checkRoute refuses a route whose destination is not a CIDR block or
// lies inside the VPC's own CIDR, whose next hop does not exist, or, for
// a peering connection, whose destination is outside the peered VPC.
// Next hops are looked up for the kinds the emulator keeps that a route
// can name: VPN gateways, direct connect gateways and peering
// connections; other kinds (CVMs, NAT gateways, whose API 3.0 routes
// scripts write before the gateway) are taken as given.
func (st *Store) checkRoute(c *call, rt *RouteTable, r Route, where string) *apiError {
	v := st.VPCs.get(rt.VpcID)
	vp, _ := parseCIDR(v.CIDR)
	p, ok := parseCIDR(r.Destination)
	if !ok {
		return routeErr(c, 4000, "InvalidParameterValue.Malformed", "InvalidDestinationCidr", "InvalidParameterValue", "%s: %q is not a CIDR block.", where, r.Destination)
	}
	if within(p, vp) {
		return routeErr(c, 4000, "InvalidParameterValue.VpcCidrConflict", "InvalidDestinationCidr", "InvalidParameterValue", "%s: the destination %s lies inside the VPC's %s.", where, r.Destination, v.CIDR)
	}
	hub := ""
	switch r.GatewayType {
	case "VPN":
		if g := st.vpnGatewayByID(r.GatewayID); g == nil || g.VpcID != rt.VpcID {
			hub = "VPN gateway"
		}
	case "DIRECTCONNECT":
		if g := st.DirectConnectGateways.get(r.GatewayID); g == nil || g.VpcID != rt.VpcID {
			hub = "direct connect gateway"
		}
	case "PEERCONNECTION":
		x, owner := st.peering(r.GatewayID)
		if x == nil || (x.VpcID != rt.VpcID && x.PeerVpcID != rt.VpcID) {
			hub = "peering connection"
			break
		}
		// The other end's VPC, in its own region for a cross-region one.
		other, otherSt := x.PeerVpcID, owner
		if x.CrossRegion {
			otherSt = st.cl.store(x.PeerRegion)
		}
		if other == rt.VpcID {
			other, otherSt = x.VpcID, owner
		}
		if ov := otherSt.VPCs.get(other); ov != nil {
			if op, _ := parseCIDR(ov.CIDR); !within(p, op) {
				return routeErr(c, 4000, "InvalidParameterValue.CidrNotInPeerVpc", "InvalidDestinationCidr", "InvalidParameterValue", "%s: the destination %s is not in the peered VPC's %s.", where, r.Destination, ov.CIDR)
			}
		}
	}
	if hub != "" {
		return routeErr(c, 5000, "ResourceNotFound", "InvalidRouteNextHub.NotFound", "ResourceNotFound", "%s: the %s %s does not exist for VPC %s.", where, hub, r.GatewayID, rt.VpcID)
	}
	return nil
}

// addRoutes appends routes to a table, refusing a destination the table
// routes already (in the table or twice in routes) and more than
// routeLimit routes.
func addRoutes(c *call, st *Store, rt *RouteTable, routes []Route) *apiError {
	seen := map[string]bool{}
	for _, x := range rt.Routes {
		seen[x.Destination] = true
	}
	for _, r := range routes {
		if seen[r.Destination] {
			return routeErr(c, 5100, "InvalidParameterValue.Duplicate", "RouteAlreadyExists", "InvalidParameterValue", "The route table %s already routes %s.", rt.ID, r.Destination)
		}
		seen[r.Destination] = true
	}
	if len(rt.Routes)+len(routes) > routeLimit {
		return routeErr(c, 5100, "LimitExceeded", "RouteLimitExceeded", "LimitExceeded", "A route table holds at most %d routes; %s has %d.", routeLimit, rt.ID, len(rt.Routes))
	}
	for _, r := range routes {
		r.ID = st.nextNum()
		rt.Routes = append(rt.Routes, r)
	}
	st.dirty = true
	return nil
}

// createRouteTable is CreateRouteTable in both styles; the legacy page
// takes the table's first routes too.
func createRouteTable(c *call, st *Store) (map[string]any, *apiError) {
	v, err := vpcs.find(c, st, c.pickParam("VpcId", "vpcId"))
	if err != nil {
		return nil, err
	}
	w := routeWires[c.style]
	if c.str(w.name) == "" {
		return nil, c.invalid(w.name, "a name is 1 to 60 characters")
	}
	if n := len(st.RouteTables.under(v.ID)); n >= routeTableMaxPerVpc {
		return nil, routeErr(c, 5100, "LimitExceeded", "RouteTableLimitExceeded", "LimitExceeded", "The VPC %s has %d route tables, the most it may have.", v.ID, n)
	}
	rt := &RouteTable{VpcID: v.ID, Name: c.str(w.name)}
	routes, err := readRoutes(c, st, rt, false)
	if err == nil {
		err = addRoutes(c, st, rt, routes)
	}
	if err != nil {
		return nil, err
	}
	rt.base = st.newBase(c, "rtb-")
	st.RouteTables.put(rt)
	if c.style == V3 {
		return map[string]any{"RouteTable": st.routeTableV3(rt)}, nil
	}
	return map[string]any{"routeTableId": rt.ID, "unRouteTableId": rt.ID, "routeTableSet": legacyRouteRows(rt)}, nil
}

// deleteRouteTable refuses the default table and a table subnets use;
// the pages document no code for either, so the common ones
// (UnsupportedOperation, ResourceInUse) name them.
func deleteRouteTable(c *call, st *Store) (map[string]any, *apiError) {
	rt, err := routeTables.find(c, st, routeWires[c.style].table)
	if err == nil && rt.Main {
		err = routeErr(c, 5100, "", "", "UnsupportedOperation", "The default route table %s goes with its VPC and cannot be deleted.", rt.ID)
	}
	if err == nil {
		err = routeTables.free(c, st, rt)
	}
	if err != nil {
		return nil, err
	}
	routeTables.remove(st, rt)
	return nil, nil
}

// modifyRouteTableAttribute renames a table and, when routes are given,
// replaces all its routes with them: ModifyRouteTableAttribute in both
// styles (the legacy page's name is optional) and ResetRoutes.
func modifyRouteTableAttribute(c *call, st *Store) (map[string]any, *apiError) {
	w := routeWires[c.style]
	rt, err := routeTables.find(c, st, w.table)
	if err != nil {
		return nil, err
	}
	if c.style == V3 && c.str(w.name) == "" {
		return nil, c.invalid(w.name, "a name is 1 to 60 characters")
	}
	if _, given := c.raw(w.list); given {
		routes, err := readRoutes(c, st, rt, false)
		if err != nil {
			return nil, err
		}
		old := rt.Routes
		rt.Routes = nil
		if err := addRoutes(c, st, rt, routes); err != nil {
			rt.Routes = old
			return nil, err
		}
	}
	if c.has(w.name) {
		rt.Name = c.str(w.name)
	}
	st.dirty = true
	return nil, nil
}

// createRoutes is CreateRoutes and the legacy CreateRoute.
func createRoutes(c *call, st *Store) (map[string]any, *apiError) {
	rt, err := routeTables.find(c, st, routeWires[c.style].table)
	if err != nil {
		return nil, err
	}
	routes, err := readRoutes(c, st, rt, false)
	if err == nil {
		err = addRoutes(c, st, rt, routes)
	}
	if err != nil || c.style == Legacy {
		return nil, err
	}
	return map[string]any{"TotalCount": len(routes), "RouteTableSet": []any{st.routeTableV3(rt)}}, nil
}

// deleteRoutes is DeleteRoutes and the legacy DeleteRoute: each entry
// removes the routes that have what it gives (the route's ID, its
// destination, next-hop type and next hop). An entry no route matches is
// refused and nothing is removed; the legacy page documents no code for
// it, so the common ResourceNotFound names it.
func deleteRoutes(c *call, st *Store) (map[string]any, *apiError) {
	w := routeWires[c.style]
	rt, err := routeTables.find(c, st, w.table)
	if err != nil {
		return nil, err
	}
	drop := make([]bool, len(rt.Routes))
	for i, m := range c.objs(w.list) {
		where := fmt.Sprintf("%s.%d", w.list, i)
		gt, err := gatewayType(c, where, m)
		if err != nil {
			return nil, err
		}
		id, dst, hub := field(m, w.id), destination(c, m), field(m, w.hub)
		if id == "" && dst == "" {
			return nil, c.missing(where + "." + c.pickParam(w.id, w.dst))
		}
		found := false
		for j, r := range rt.Routes {
			if (id == "" || strconv.FormatInt(r.ID, 10) == id) && (dst == "" || r.Destination == dst) &&
				(gt == "" || r.GatewayType == gt) && (hub == "" || r.GatewayID == hub) {
				drop[j], found = true, true
			}
		}
		if !found {
			return nil, routeErr(c, 5000, "", "", "ResourceNotFound", "%s: the route table %s has no such route.", where, rt.ID)
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

func v3ReplaceRoutes(c *call, st *Store) (map[string]any, *apiError) {
	rt, err := routeTables.find(c, st, "RouteTableId")
	if err != nil {
		return nil, err
	}
	routes, err := readRoutes(c, st, rt, true)
	if err != nil {
		return nil, err
	}
	at := make([]int, len(routes))
	for i, r := range routes {
		at[i] = slices.IndexFunc(rt.Routes, func(x Route) bool { return x.ID == r.ID })
		if at[i] < 0 {
			return nil, errf("ResourceNotFound", "Route %d is not in route table %s.", r.ID, rt.ID)
		}
	}
	for i, r := range routes {
		rt.Routes[at[i]] = r
	}
	st.dirty = true
	return nil, nil
}

// associateRouteTable is ReplaceRouteTableAssociation and the legacy
// AssociateRouteTable: the subnet, of the table's VPC, uses the table.
func associateRouteTable(c *call, st *Store) (map[string]any, *apiError) {
	rt, err := routeTables.find(c, st, routeWires[c.style].table)
	if err != nil {
		return nil, err
	}
	s, err := subnets.find(c, st, c.pickParam("SubnetId", "subnetId"))
	if err != nil {
		return nil, err
	}
	if s.VpcID != rt.VpcID {
		return nil, errf("UnsupportedOperation", "The subnet %s and the route table %s are in different VPCs.", s.ID, rt.ID)
	}
	s.RouteTableID = rt.ID
	st.dirty = true
	return nil, nil
}
