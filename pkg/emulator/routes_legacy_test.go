package emulator

import (
	"fmt"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// TestLegacyRouteTables works the legacy route table pages over the
// tables API 3.0 keeps, in both directions.
func TestLegacyRouteTables(t *testing.T) {
	e := start(t, Options{TaskDelay: -1})
	vpcID, subID := e.network("10.2.0.0/16", "10.2.1.0/24")
	gw := str(dig(e.must(api.V3, "CreateVpnGateway", params.Tree{"VpcId": vpcID, "VpnGatewayName": "gw", "InternetMaxBandwidthOut": "5"}), "VpnGateway", "VpnGatewayId"))

	out := e.must(api.Legacy, "CreateRouteTable", params.Tree{"vpcId": vpcID, "routeTableName": "egress", "routeSet": []any{
		map[string]any{"destinationCidrBlock": "121.0.0.0/16", "nextType": "1", "nextHub": gw, "description": "office"},
	}})
	rtID := str(out["unRouteTableId"])
	if !idOK(rtID, "rtb-") || str(dig(out, "routeTableSet", 0, "nextType")) != "1" || str(dig(out, "routeTableSet", 0, "nextHub")) != gw {
		t.Fatalf("legacy CreateRouteTable: %v", out)
	}
	v3 := e.must(api.V3, "DescribeRouteTables", params.Tree{"RouteTableIds": []any{rtID}})
	if str(dig(v3, "RouteTableSet", 0, "RouteTableName")) != "egress" || str(dig(v3, "RouteTableSet", 0, "RouteSet", 0, "GatewayType")) != "VPN" ||
		str(dig(v3, "RouteTableSet", 0, "RouteSet", 0, "RouteDescription")) != "office" {
		t.Fatalf("v3 view of a legacy table: %v", v3)
	}

	route := func(dst, typ, hub string) params.Tree {
		return params.Tree{"vpcId": vpcID, "routeTableId": rtID, "routeSet": []any{map[string]any{"destinationCidrBlock": dst, "nextType": typ, "nextHub": hub}}}
	}
	for _, c := range []struct {
		p    params.Tree
		code string
	}{
		{route("121.0.0.0/16", "1", gw), "RouteAlreadyExists"},
		{route("10.2.5.0/24", "1", gw), "InvalidDestinationCidr"},
		{route("122.0.0.0/16", "5", gw), "InvalidRouteNextType"},
		{route("122.0.0.0/16", "1", "vpngw-00000000"), "InvalidRouteNextHub.NotFound"},
	} {
		_, err := e.do(api.Legacy, "CreateRoute", c.p)
		wantErr(t, err, c.code)
	}
	e.must(api.Legacy, "CreateRoute", route("122.0.0.0/16", "8", "nat-12345678"))
	// API 3.0 adds one too, and the legacy listing shows all three after
	// the Local route.
	e.must(api.V3, "CreateRoutes", params.Tree{"RouteTableId": rtID, "Routes": []any{map[string]any{"DestinationCidrBlock": "123.0.0.0/16", "GatewayType": "NORMAL_CVM", "GatewayId": "10.2.1.7"}}})
	list := e.must(api.Legacy, "DescribeRouteTable", params.Tree{"vpcId": vpcID, "routeTableName": "egr"})
	row := dig(list, "data", 0)
	if str(list["totalCount"]) != "1" || str(dig(row, "routeTableType")) != "0" || str(dig(row, "routeSet", 0, "nextHub")) != "Local" ||
		str(dig(row, "routeSet", 2, "nextType")) != "8" || str(dig(row, "routeSet", 3, "nextType")) != "9" ||
		str(dig(row, "routeSet", 3, "destinationCidrBlock")) != "123.0.0.0/16" || str(dig(row, "unVpcId")) != vpcID {
		t.Fatalf("legacy DescribeRouteTable: %v", list)
	}
	all := e.must(api.Legacy, "DescribeRouteTable", params.Tree{"vpcId": vpcID, "orderField": "routeTableName", "orderDirection": "asc"})
	if str(all["totalCount"]) != "2" || str(dig(all, "data", 0, "routeTableName")) != "default" || str(dig(all, "data", 0, "routeTableType")) != "1" {
		t.Fatalf("both tables: %v", all)
	}

	e.must(api.Legacy, "DeleteRoute", route("122.0.0.0/16", "8", "nat-12345678"))
	_, err := e.do(api.Legacy, "DeleteRoute", route("122.0.0.0/16", "8", "nat-12345678"))
	wantErr(t, err, "ResourceNotFound", "5000")
	_, err = e.do(api.Legacy, "ModifyRouteTableAttribute", params.Tree{"vpcId": vpcID, "routeTableId": rtID, "routeTableName": "renamed", "routeSet": []any{
		map[string]any{"destinationCidrBlock": "124.0.0.0/16", "nextType": "4", "nextHub": "pcx-12345678"},
	}})
	wantErr(t, err, "InvalidRouteNextHub.NotFound", "5000")
	_, err = e.do(api.Legacy, "ModifyRouteTableAttribute", params.Tree{"vpcId": vpcID, "routeTableId": rtID, "routeTableName": "renamed", "routeSet": []any{
		map[string]any{"destinationCidrBlock": "124.0.0.0/16", "nextType": "1", "nextHub": gw},
	}})
	if err != nil {
		t.Fatal(err)
	}
	v3 = e.must(api.V3, "DescribeRouteTables", params.Tree{"RouteTableIds": []any{rtID}})
	if rs := rows(dig(v3, "RouteTableSet", 0, "RouteSet")); len(rs) != 1 || str(dig(rs, 0, "DestinationCidrBlock")) != "124.0.0.0/16" ||
		str(dig(v3, "RouteTableSet", 0, "RouteTableName")) != "renamed" {
		t.Fatalf("after ModifyRouteTableAttribute replaced the routes: %v", v3)
	}

	e.must(api.Legacy, "AssociateRouteTable", params.Tree{"vpcId": vpcID, "subnetId": subID, "routeTableId": rtID})
	if s := e.must(api.V3, "DescribeSubnets", params.Tree{"SubnetIds": []any{subID}}); str(dig(s, "SubnetSet", 0, "RouteTableId")) != rtID {
		t.Fatalf("association: %v", s)
	}
	_, err = e.do(api.Legacy, "DeleteRouteTable", params.Tree{"vpcId": vpcID, "routeTableId": rtID})
	wantErr(t, err, "ResourceInUse", "5100")
	_, err = e.do(api.Legacy, "AssociateRouteTable", params.Tree{"vpcId": vpcID, "subnetId": "subnet-00000000", "routeTableId": rtID})
	wantErr(t, err, "InvalidSubnet.NotFound", "5000")
	mainRT := str(dig(all, "data", 0, "unRouteTableId"))
	e.must(api.Legacy, "AssociateRouteTable", params.Tree{"vpcId": vpcID, "subnetId": subID, "routeTableId": mainRT})
	_, err = e.do(api.Legacy, "DeleteRouteTable", params.Tree{"vpcId": vpcID, "routeTableId": mainRT})
	wantErr(t, err, "UnsupportedOperation", "5100")
	e.must(api.Legacy, "DeleteRouteTable", params.Tree{"vpcId": vpcID, "routeTableId": rtID})
	_, err = e.do(api.Legacy, "DeleteRouteTable", params.Tree{"vpcId": vpcID, "routeTableId": rtID})
	wantErr(t, err, "InvalidRouteTableId.NotFound", "5000")
	_, err = e.do(api.V3, "DescribeRouteTables", params.Tree{"RouteTableIds": []any{rtID}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.do(api.Legacy, "CreateRouteTable", params.Tree{"vpcId": "vpc-00000000", "routeTableName": "x"})
	wantErr(t, err, "InvalidVpc.NotFound", "5000")
}

// TestRouteCallsBothStyles checks what the two styles share: the route
// table limit of a VPC, deleting routes by what an entry gives (an entry
// that matches nothing removes nothing), replacing routes all or none,
// and ResetRoutes renaming a table with a new set of routes.
func TestRouteCallsBothStyles(t *testing.T) {
	e := start(t, Options{})
	vpcID, _ := e.network("10.6.0.0/16", "10.6.1.0/24")
	for i := 1; i < routeTableMaxPerVpc; i++ {
		style, p := api.V3, params.Tree{"VpcId": vpcID, "RouteTableName": "t"}
		if i%2 == 0 {
			style, p = api.Legacy, params.Tree{"vpcId": vpcID, "routeTableName": "t"}
		}
		if _, err := e.do(style, "CreateRouteTable", p); err != nil {
			t.Fatalf("table %d: %v", i+1, err)
		}
	}
	_, err := e.do(api.V3, "CreateRouteTable", params.Tree{"VpcId": vpcID, "RouteTableName": "t"})
	wantErr(t, err, "LimitExceeded")
	_, err = e.do(api.Legacy, "CreateRouteTable", params.Tree{"vpcId": vpcID, "routeTableName": "t"})
	wantErr(t, err, "RouteTableLimitExceeded", "5100")

	vpcID, _ = e.network("10.7.0.0/16", "10.7.1.0/24")
	rt := str(dig(e.must(api.V3, "CreateRouteTable", params.Tree{"VpcId": vpcID, "RouteTableName": "egress"}), "RouteTable", "RouteTableId"))
	route := func(dst, hub string) map[string]any {
		return map[string]any{"DestinationCidrBlock": dst, "GatewayType": "NAT", "GatewayId": hub}
	}
	out := e.must(api.V3, "CreateRoutes", params.Tree{"RouteTableId": rt, "Routes": []any{route("1.0.0.0/8", "nat-aaaaaaaa"), route("2.0.0.0/8", "nat-aaaaaaaa"), route("3.0.0.0/8", "nat-bbbbbbbb")}})
	ids := []string{}
	for _, r := range rows(dig(out, "RouteTableSet", 0, "RouteSet")) {
		ids = append(ids, str(dig(r, "RouteId")))
	}
	listed := func() string {
		var got []string
		for _, r := range rows(dig(e.must(api.V3, "DescribeRouteTables", params.Tree{"RouteTableIds": []any{rt}}), "RouteTableSet", 0, "RouteSet")) {
			got = append(got, str(dig(r, "DestinationCidrBlock"))+">"+str(dig(r, "GatewayId")))
		}
		return fmt.Sprint(got)
	}
	if len(ids) != 3 || str(out["TotalCount"]) != "3" {
		t.Fatalf("CreateRoutes: %v", out)
	}
	// A route ID with another route's destination matches nothing.
	_, err = e.do(api.V3, "DeleteRoutes", params.Tree{"RouteTableId": rt, "Routes": []any{
		map[string]any{"RouteId": ids[0]}, map[string]any{"RouteId": ids[1], "DestinationCidrBlock": "3.0.0.0/8"},
	}})
	wantErr(t, err, "ResourceNotFound")
	_, err = e.do(api.Legacy, "DeleteRoute", params.Tree{"vpcId": vpcID, "routeTableId": rt, "routeSet": []any{
		map[string]any{"destinationCidrBlock": "1.0.0.0/8", "nextType": "8", "nextHub": "nat-bbbbbbbb"},
	}})
	wantErr(t, err, "ResourceNotFound", "5000")
	_, err = e.do(api.Legacy, "DeleteRoute", params.Tree{"vpcId": vpcID, "routeTableId": rt, "routeSet": []any{
		map[string]any{"destinationCidrBlock": "1.0.0.0/8", "nextType": "6", "nextHub": "nat-aaaaaaaa"},
	}})
	wantErr(t, err, "InvalidRouteNextType", "4000")
	if got := listed(); got != "[1.0.0.0/8>nat-aaaaaaaa 2.0.0.0/8>nat-aaaaaaaa 3.0.0.0/8>nat-bbbbbbbb]" {
		t.Fatalf("a refused delete removed routes: %s", got)
	}
	e.must(api.Legacy, "DeleteRoute", params.Tree{"vpcId": vpcID, "routeTableId": rt, "routeSet": []any{
		map[string]any{"destinationCidrBlock": "1.0.0.0/8", "nextType": "8", "nextHub": "nat-aaaaaaaa"},
	}})
	e.must(api.V3, "DeleteRoutes", params.Tree{"RouteTableId": rt, "Routes": []any{map[string]any{"RouteId": ids[2], "DestinationCidrBlock": "3.0.0.0/8"}}})
	if got := listed(); got != "[2.0.0.0/8>nat-aaaaaaaa]" {
		t.Fatalf("after the deletes: %s", got)
	}

	// ReplaceRoutes: one unknown route ID and nothing is replaced.
	replace := func(id, dst string) map[string]any {
		r := route(dst, "nat-cccccccc")
		r["RouteId"] = id
		return r
	}
	_, err = e.do(api.V3, "ReplaceRoutes", params.Tree{"RouteTableId": rt, "Routes": []any{replace(ids[1], "4.0.0.0/8"), replace("99999", "5.0.0.0/8")}})
	wantErr(t, err, "ResourceNotFound")
	if got := listed(); got != "[2.0.0.0/8>nat-aaaaaaaa]" {
		t.Fatalf("a refused ReplaceRoutes changed routes: %s", got)
	}
	e.must(api.V3, "ReplaceRoutes", params.Tree{"RouteTableId": rt, "Routes": []any{replace(ids[1], "4.0.0.0/8")}})
	if got := listed(); got != "[4.0.0.0/8>nat-cccccccc]" {
		t.Fatalf("after ReplaceRoutes: %s", got)
	}

	_, err = e.do(api.V3, "ResetRoutes", params.Tree{"RouteTableId": rt, "RouteTableName": "reset", "Routes": []any{route("6.0.0.0/8", "nat-aaaaaaaa"), route("6.0.0.0/8", "nat-bbbbbbbb")}})
	wantErr(t, err, "InvalidParameterValue.Duplicate")
	e.must(api.V3, "ResetRoutes", params.Tree{"RouteTableId": rt, "RouteTableName": "reset", "Routes": []any{route("6.0.0.0/8", "nat-aaaaaaaa"), route("7.0.0.0/8", "nat-bbbbbbbb")}})
	if got := listed(); got != "[6.0.0.0/8>nat-aaaaaaaa 7.0.0.0/8>nat-bbbbbbbb]" {
		t.Fatalf("after ResetRoutes: %s", got)
	}
	// The legacy pages' examples give blocks with host bits: their network.
	legacy := func(action, dst string) error {
		_, err := e.do(api.Legacy, action, params.Tree{"vpcId": vpcID, "routeTableId": rt, "routeSet": []any{
			map[string]any{"destinationCidrBlock": dst, "nextType": "8", "nextHub": "nat-dddddddd"},
		}})
		return err
	}
	if err := legacy("CreateRoute", "121.0.23.51/16"); err != nil {
		t.Fatal(err)
	}
	if got := listed(); got != "[6.0.0.0/8>nat-aaaaaaaa 7.0.0.0/8>nat-bbbbbbbb 121.0.0.0/16>nat-dddddddd]" {
		t.Fatalf("a legacy block with host bits: %s", got)
	}
	wantErr(t, legacy("CreateRoute", "121.0.0.0/16"), "RouteAlreadyExists", "5100")
	if err := legacy("DeleteRoute", "121.0.99.1/16"); err != nil {
		t.Fatal(err)
	}
	row := e.must(api.Legacy, "DescribeRouteTable", params.Tree{"routeTableId": rt})
	if str(dig(row, "data", 0, "routeTableName")) != "reset" || str(row["totalCount"]) != "1" {
		t.Fatalf("renamed table: %v", row)
	}
	_, err = e.do(api.Legacy, "DescribeRouteTable", params.Tree{"routeTableId": "rtb-00000000"})
	wantErr(t, err, "InvalidRouteTableId.NotFound", "5000")
	_, err = e.do(api.V3, "ModifyRouteTableAttribute", params.Tree{"RouteTableId": rt, "RouteTableName": ""})
	wantErr(t, err, "InvalidParameterValue")
	_, err = e.do(api.V3, "DeleteRouteTable", params.Tree{"RouteTableId": str(dig(e.must(api.V3, "DescribeRouteTables", params.Tree{"Filters": []any{
		map[string]any{"Name": "vpc-id", "Values": []any{vpcID}}, map[string]any{"Name": "association.main", "Values": []any{"true"}},
	}}), "RouteTableSet", 0, "RouteTableId"))})
	wantErr(t, err, "UnsupportedOperation")
}
