package emulator

import (
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
	if !idShape.MatchString(rtID) || str(dig(out, "routeTableSet", 0, "nextType")) != "1" || str(dig(out, "routeTableSet", 0, "nextHub")) != gw {
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
