package emulator

import (
	"fmt"
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

func registerRouteTable(h map[string]handler) {
	h["v3/CreateRouteTable"] = v3CreateRouteTable
	h["v3/DeleteRouteTable"] = v3DeleteRouteTable
	h["v3/DescribeRouteTables"] = v3DescribeRouteTables
	h["v3/ModifyRouteTableAttribute"] = v3ModifyRouteTableAttribute
	h["v3/CreateRoutes"] = v3CreateRoutes
	h["v3/DeleteRoutes"] = v3DeleteRoutes
	h["v3/ReplaceRoutes"] = v3ReplaceRoutes
	h["v3/ResetRoutes"] = v3ResetRoutes
	h["v3/ReplaceRouteTableAssociation"] = v3ReplaceRouteTableAssociation
}

func (st *Store) routeTableV3(rt *RouteTable) map[string]any {
	var assoc []any
	for _, s := range st.Subnets.all() {
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

func v3RouteTable(c *call, st *Store) (*RouteTable, *apiError) {
	id := c.str("RouteTableId")
	if err := c.checkID("RouteTableId", id, "rtb-"); err != nil {
		return nil, err
	}
	rt := st.RouteTables.get(id)
	if rt == nil {
		return nil, errf("ResourceNotFound", "The route table %s does not exist.", id)
	}
	return rt, nil
}

// gatewayTypes are the next-hop kinds API 3.0 routes take.
var gatewayTypes = map[string]bool{"CVM": true, "VPN": true, "DIRECTCONNECT": true, "PEERCONNECTION": true, "SSLVPN": true, "NAT": true, "NORMAL_CVM": true, "EIP": true, "CCN": true}

// routeLimit is the documented number of routes a table may hold.
const routeLimit = 50

// routeProblem checks one route against its table and says what is
// wrong: "cidr" (not a CIDR block), "inside" (inside the VPC's own CIDR),
// "type" (no such next-hop type), "hub" (the next hop does not exist) or
// "peer" (outside the peered VPC). Next hops are looked up for the kinds
// the emulator keeps that a route can name: VPN gateways, direct connect
// gateways and peering connections; other kinds (CVMs, NAT gateways,
// whose API 3.0 routes scripts write before the gateway) are taken as
// given.
func (st *Store) routeProblem(rt *RouteTable, r Route) (kind, msg string) {
	v := st.VPCs.get(rt.VpcID)
	vp, _ := parseCIDR(v.CIDR)
	p, ok := parseCIDR(r.Destination)
	if !ok {
		return "cidr", fmt.Sprintf("%q is not a CIDR block", r.Destination)
	}
	if within(p, vp) {
		return "inside", fmt.Sprintf("the destination %s lies inside the VPC's %s", r.Destination, v.CIDR)
	}
	if !gatewayTypes[r.GatewayType] {
		return "type", fmt.Sprintf("%q is not a next-hop type", r.GatewayType)
	}
	switch r.GatewayType {
	case "VPN":
		if g := st.vpnGatewayByID(r.GatewayID); g == nil || g.VpcID != rt.VpcID {
			return "hub", fmt.Sprintf("the VPN gateway %s does not exist in VPC %s", r.GatewayID, rt.VpcID)
		}
	case "DIRECTCONNECT":
		if g := st.DirectConnectGateways.get(r.GatewayID); g == nil || g.VpcID != rt.VpcID {
			return "hub", fmt.Sprintf("the direct connect gateway %s does not exist in VPC %s", r.GatewayID, rt.VpcID)
		}
	case "PEERCONNECTION":
		x := st.Peerings.get(r.GatewayID)
		if x == nil || (x.VpcID != rt.VpcID && x.PeerVpcID != rt.VpcID) {
			return "hub", fmt.Sprintf("the peering connection %s does not exist for VPC %s", r.GatewayID, rt.VpcID)
		}
		other := x.PeerVpcID
		if other == rt.VpcID {
			other = x.VpcID
		}
		if ov := st.VPCs.get(other); ov != nil {
			if op, _ := parseCIDR(ov.CIDR); !within(p, op) {
				return "peer", fmt.Sprintf("the destination %s is not in the peered VPC's %s", r.Destination, ov.CIDR)
			}
		}
	}
	return "", ""
}

// v3RouteError names a route problem in API 3.0 codes.
func v3RouteError(i int, kind, msg string) *apiError {
	switch kind {
	case "cidr":
		return errf("InvalidParameterValue.Malformed", "Routes.%d.DestinationCidrBlock: %s.", i, msg)
	case "hub":
		return errf("ResourceNotFound", "Routes.%d.GatewayId: %s.", i, msg)
	case "peer":
		return errf("InvalidParameterValue.CidrNotInPeerVpc", "Routes.%d: %s.", i, msg)
	}
	return errf("InvalidParameterValue", "Routes.%d: %s.", i, msg)
}

// v3Routes reads Routes.N, checking destinations against the VPC: a route
// may not point inside the VPC's own CIDR.
func v3Routes(c *call, st *Store, rt *RouteTable, needID bool) ([]Route, *apiError) {
	var out []Route
	for i, m := range c.objs("Routes") {
		r := Route{Destination: field(m, "DestinationCidrBlock"), GatewayType: field(m, "GatewayType"), GatewayID: field(m, "GatewayId"), Description: field(m, "RouteDescription")}
		if needID {
			n, err := strconv.ParseInt(field(m, "RouteId"), 10, 64)
			if err != nil {
				return nil, c.missing(fmt.Sprintf("Routes.%d.RouteId", i))
			}
			r.ID = n
		}
		if r.GatewayID == "" && gatewayTypes[r.GatewayType] {
			return nil, c.missing(fmt.Sprintf("Routes.%d.GatewayId", i))
		}
		if kind, msg := st.routeProblem(rt, r); kind != "" {
			return nil, v3RouteError(i, kind, msg)
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, c.missing("Routes")
	}
	return out, nil
}

func v3CreateRouteTable(c *call, st *Store) (map[string]any, *apiError) {
	vpcID := c.str("VpcId")
	if err := c.checkID("VpcId", vpcID, "vpc-"); err != nil {
		return nil, err
	}
	if st.VPCs.get(vpcID) == nil {
		return nil, errf("ResourceNotFound", "The VPC %s does not exist.", vpcID)
	}
	if !nameOK(c.str("RouteTableName")) {
		return nil, errf("InvalidParameterValue", "RouteTableName must be 1 to 60 characters.")
	}
	rt := &RouteTable{base: st.newBase(c, "rtb-"), VpcID: vpcID, Name: c.str("RouteTableName")}
	st.RouteTables.put(rt)
	return map[string]any{"RouteTable": st.routeTableV3(rt)}, nil
}

func v3DeleteRouteTable(c *call, st *Store) (map[string]any, *apiError) {
	rt, err := v3RouteTable(c, st)
	if err != nil {
		return nil, err
	}
	if rt.Main {
		return nil, errf("UnsupportedOperation", "The default route table %s goes with its VPC and cannot be deleted.", rt.ID)
	}
	for _, s := range st.Subnets.byID {
		if s.RouteTableID == rt.ID {
			return nil, errf("ResourceInUse", "The route table %s is associated with subnet %s.", rt.ID, s.ID)
		}
	}
	st.RouteTables.del(rt.ID)
	st.dirty = true
	return nil, nil
}

func v3ModifyRouteTableAttribute(c *call, st *Store) (map[string]any, *apiError) {
	rt, err := v3RouteTable(c, st)
	if err != nil {
		return nil, err
	}
	if !nameOK(c.str("RouteTableName")) {
		return nil, errf("InvalidParameterValue", "RouteTableName must be 1 to 60 characters.")
	}
	rt.Name = c.str("RouteTableName")
	st.dirty = true
	return nil, nil
}

// addRoutes appends routes to a table, refusing a destination the table
// routes already (in the table or twice in routes) and more than
// routeLimit routes; it reports "dup" or "limit".
func (st *Store) addRoutes(rt *RouteTable, routes []Route) (kind, msg string) {
	seen := map[string]bool{}
	for _, x := range rt.Routes {
		seen[x.Destination] = true
	}
	for _, r := range routes {
		if seen[r.Destination] {
			return "dup", fmt.Sprintf("The route table %s already routes %s.", rt.ID, r.Destination)
		}
		seen[r.Destination] = true
	}
	if len(rt.Routes)+len(routes) > routeLimit {
		return "limit", fmt.Sprintf("A route table holds at most %d routes; %s has %d.", routeLimit, rt.ID, len(rt.Routes))
	}
	for _, r := range routes {
		r.ID = st.nextNum()
		rt.Routes = append(rt.Routes, r)
	}
	st.dirty = true
	return "", ""
}

func v3AddRoutes(st *Store, rt *RouteTable, routes []Route) *apiError {
	switch kind, msg := st.addRoutes(rt, routes); kind {
	case "dup":
		return errf("InvalidParameterValue.Duplicate", "%s", msg)
	case "limit":
		return errf("LimitExceeded", "%s", msg)
	}
	return nil
}

func v3CreateRoutes(c *call, st *Store) (map[string]any, *apiError) {
	rt, err := v3RouteTable(c, st)
	if err != nil {
		return nil, err
	}
	routes, err := v3Routes(c, st, rt, false)
	if err != nil {
		return nil, err
	}
	if err := v3AddRoutes(st, rt, routes); err != nil {
		return nil, err
	}
	return map[string]any{"TotalCount": len(routes), "RouteTableSet": []any{st.routeTableV3(rt)}}, nil
}

func v3DeleteRoutes(c *call, st *Store) (map[string]any, *apiError) {
	rt, err := v3RouteTable(c, st)
	if err != nil {
		return nil, err
	}
	drop := map[string]bool{}
	for _, m := range c.objs("Routes") {
		if id := field(m, "RouteId"); id != "" {
			drop["id:"+id] = true
		}
		if d := field(m, "DestinationCidrBlock"); d != "" {
			drop["dst:"+d] = true
		}
	}
	kept := rt.Routes[:0:0]
	for _, r := range rt.Routes {
		if !drop["id:"+strconv.FormatInt(r.ID, 10)] && !drop["dst:"+r.Destination] {
			kept = append(kept, r)
		}
	}
	if len(kept) == len(rt.Routes) {
		return nil, errf("ResourceNotFound", "None of the given routes is in route table %s.", rt.ID)
	}
	rt.Routes = kept
	st.dirty = true
	return nil, nil
}

func v3ReplaceRoutes(c *call, st *Store) (map[string]any, *apiError) {
	rt, err := v3RouteTable(c, st)
	if err != nil {
		return nil, err
	}
	routes, err := v3Routes(c, st, rt, true)
	if err != nil {
		return nil, err
	}
	for _, r := range routes {
		found := false
		for i := range rt.Routes {
			if rt.Routes[i].ID == r.ID {
				rt.Routes[i] = r
				found = true
			}
		}
		if !found {
			return nil, errf("ResourceNotFound", "Route %d is not in route table %s.", r.ID, rt.ID)
		}
	}
	st.dirty = true
	return nil, nil
}

func v3ResetRoutes(c *call, st *Store) (map[string]any, *apiError) {
	rt, err := v3RouteTable(c, st)
	if err != nil {
		return nil, err
	}
	if !nameOK(c.str("RouteTableName")) {
		return nil, errf("InvalidParameterValue", "RouteTableName must be 1 to 60 characters.")
	}
	routes, err := v3Routes(c, st, rt, false)
	if err != nil {
		return nil, err
	}
	old := rt.Routes
	rt.Routes = nil
	if err := v3AddRoutes(st, rt, routes); err != nil {
		rt.Routes = old
		return nil, err
	}
	rt.Name = c.str("RouteTableName")
	return nil, nil
}

func v3ReplaceRouteTableAssociation(c *call, st *Store) (map[string]any, *apiError) {
	rt, err := v3RouteTable(c, st)
	if err != nil {
		return nil, err
	}
	id := c.str("SubnetId")
	if err := c.checkID("SubnetId", id, "subnet-"); err != nil {
		return nil, err
	}
	s := st.Subnets.get(id)
	if s == nil {
		return nil, errf("ResourceNotFound", "The subnet %s does not exist.", id)
	}
	if s.VpcID != rt.VpcID {
		return nil, errf("UnsupportedOperation", "The subnet %s and the route table %s are in different VPCs.", s.ID, rt.ID)
	}
	s.RouteTableID = rt.ID
	st.dirty = true
	return nil, nil
}

func v3DescribeRouteTables(c *call, st *Store) (map[string]any, *apiError) {
	return listV3(c, &st.RouteTables, "RouteTableIds", "RouteTableSet", "vpc-id", filterFuncs[*RouteTable]{
		"route-table-id":   func(rt *RouteTable) string { return rt.ID },
		"route-table-name": func(rt *RouteTable) string { return rt.Name },
		"vpc-id":           func(rt *RouteTable) string { return rt.VpcID },
		"association.main": func(rt *RouteTable) string { return boolStr(rt.Main) },
	}, func(rt *RouteTable) any { return st.routeTableV3(rt) })
}
