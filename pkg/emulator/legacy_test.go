package emulator

import (
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// TestLegacyAndV3ShareTheStore creates through one API and lists through
// the other, in both directions.
func TestLegacyAndV3ShareTheStore(t *testing.T) {
	e := start(t, Options{})
	out := e.must(api.Legacy, "CreateVpc", params.Tree{
		"vpcName": "legacy-net", "cidrBlock": "192.168.0.0/16",
		"subnetSet": []any{map[string]any{"subnetName": "web", "cidrBlock": "192.168.1.0/24", "zoneId": "100001"}},
	})
	vpcID := str(out["unVpcId"])
	if !vpcIDRE.MatchString(vpcID) || str(dig(out, "subnetSet", 0, "zone")) != "ap-guangzhou-1" {
		t.Fatalf("legacy CreateVpc: %v", out)
	}
	v3 := e.must(api.V3, "DescribeVpcs", params.Tree{"VpcIds": []any{vpcID}})
	if str(v3["TotalCount"]) != "1" || str(dig(v3, "VpcSet", 0, "VpcName")) != "legacy-net" {
		t.Fatalf("DescribeVpcs: %v", v3)
	}
	subs := e.must(api.V3, "DescribeSubnets", params.Tree{"Filters": []any{map[string]any{"Name": "vpc-id", "Values": []any{vpcID}}}})
	if str(dig(subs, "SubnetSet", 0, "Zone")) != "ap-guangzhou-1" || str(dig(subs, "SubnetSet", 0, "CidrBlock")) != "192.168.1.0/24" {
		t.Fatalf("DescribeSubnets: %v", subs)
	}

	created := e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "v3-net", "CidrBlock": "10.1.0.0/16"})
	v3ID := str(dig(created, "Vpc", "VpcId"))
	list := e.must(api.Legacy, "DescribeVpcEx", params.Tree{"vpcName": "v3", "orderField": "vpcName", "orderDirection": "asc"})
	if str(list["totalCount"]) != "1" || str(dig(list, "data", 0, "unVpcId")) != v3ID ||
		str(dig(list, "data", 0, "vpcName")) != "v3-net" || str(dig(list, "data", 0, "cidrBlock")) != "10.1.0.0/16" {
		t.Fatalf("DescribeVpcEx: %v", list)
	}
	page := e.must(api.Legacy, "DescribeVpcEx", params.Tree{"offset": "1", "limit": "1", "orderField": "vpcName", "orderDirection": "asc"})
	if str(page["totalCount"]) != "2" || str(dig(page, "data", 0, "vpcName")) != "v3-net" {
		t.Fatalf("DescribeVpcEx page: %v", page)
	}

	_, err := e.do(api.Legacy, "DeleteVpc", params.Tree{"vpcId": vpcID})
	if ae, _ := err.(*api.Error); ae == nil || ae.Code != "5100" || ae.CodeDesc != "InvalidVpc.CannotDelete" {
		t.Fatalf("legacy DeleteVpc with a subnet: %v", err)
	}
	_, err = e.do(api.Legacy, "CreateSubnet", params.Tree{"vpcId": vpcID, "subnetSet": []any{map[string]any{"subnetName": "x", "cidrBlock": "192.168.1.128/25", "zoneId": "100001"}}})
	if ae, _ := err.(*api.Error); ae == nil || ae.CodeDesc != "InvalidSubnet.Conflict" {
		t.Fatalf("overlapping legacy subnet: %v", err)
	}
	_, err = e.do(api.Legacy, "DeleteVpc", params.Tree{"vpcId": "vpc-00000000"})
	if ae, _ := err.(*api.Error); ae == nil || ae.Code != "5000" || ae.CodeDesc != "InvalidVpc.NotFound" {
		t.Fatalf("legacy DeleteVpc of nothing: %v", err)
	}
}

// TestLegacyVpnTasks follows a tunnel's life through the legacy API:
// creation and deletion return data.taskId, DescribeVpcTaskResult says 2
// (running) until the task delay has passed and 0 (success) after.
func TestLegacyVpnTasks(t *testing.T) {
	e := start(t, Options{TaskDelay: 2 * time.Second})
	vpcID := str(e.must(api.Legacy, "CreateVpc", params.Tree{"vpcName": "n", "cidrBlock": "10.0.0.0/16"})["unVpcId"])
	gwID := str(dig(e.must(api.Legacy, "RunVpnGw", params.Tree{"name": "gw", "vpcId": vpcID, "bandwidth": "5", "chargeType": "POSTPAID_BY_HOUR"}), "data", "vpnGwId"))
	gw := e.must(api.Legacy, "DescribeVpnGw", params.Tree{"vpnGwId": gwID})
	if str(dig(gw, "data", 0, "vpnGwStatus")) != "2" {
		t.Fatalf("new gateway: %v", gw)
	}
	e.clock.Advance(2 * time.Second)
	if gw = e.must(api.Legacy, "DescribeVpnGw", params.Tree{"vpnGwId": gwID}); str(dig(gw, "data", 0, "vpnGwStatus")) != "6" {
		t.Fatalf("gateway after the delay: %v", gw)
	}
	cgw := str(e.must(api.Legacy, "AddUserGw", params.Tree{"userGwName": "office", "userGwAddr": "183.30.0.1"})["userGwId"])

	add := e.must(api.Legacy, "AddVpnConnEx", params.Tree{
		"vpcId": vpcID, "vpnGwId": gwID, "userGwId": cgw, "vpnConnName": "t", "preSharedKey": "k",
		"userGwCidrBlock": []any{"172.16.0.0/24"},
	})
	connID := str(dig(add, "data", "unVpnConnId"))
	poll := func(task any) string {
		return str(dig(e.must(api.Legacy, "DescribeVpcTaskResult", params.Tree{"taskId": str(task)}), "data", "status"))
	}
	task := dig(add, "data", "taskId")
	if s := poll(task); s != "2" {
		t.Fatalf("AddVpnConnEx task right away: status %s", s)
	}
	e.clock.Advance(2 * time.Second)
	if s := poll(task); s != "0" {
		t.Fatalf("AddVpnConnEx task after the delay: status %s", s)
	}
	conns := e.must(api.Legacy, "DescribeVpnConn", params.Tree{"vpnGwId": gwID})
	if str(dig(conns, "data", 0, "vpcConnStatus")) != "6" || str(dig(conns, "data", 0, "destinationCidr", 0)) != "172.16.0.0/24" {
		t.Fatalf("DescribeVpnConn: %v", conns)
	}
	e.must(api.Legacy, "ResetVpnConnSA", params.Tree{"vpcId": vpcID, "vpnGwId": gwID, "vpnConnId": connID})

	del := e.must(api.Legacy, "DeleteVpnConn", params.Tree{"vpcId": vpcID, "vpnGwId": gwID, "vpnConnId": connID})
	task = dig(del, "data", "taskId")
	if str(dig(del, "data", "state")) != "4" || poll(task) != "2" {
		t.Fatalf("DeleteVpnConn: %v", del)
	}
	_, err := e.do(api.Legacy, "ResetVpnConnSA", params.Tree{"vpcId": vpcID, "vpnGwId": gwID, "vpnConnId": connID})
	// ResetVpnConnSA's page lists no state code: the common one, 5100.
	if ae, _ := err.(*api.Error); ae == nil || ae.CodeDesc != "UnsupportedOperation" || ae.Code != "5100" {
		t.Fatalf("reset while deleting: %v", err)
	}
	// Also visible through API 3.0 as DELETING.
	x := e.must(api.V3, "DescribeVpnConnections", params.Tree{"VpnConnectionIds": []any{connID}})
	if str(dig(x, "VpnConnectionSet", 0, "State")) != "DELETING" {
		t.Fatalf("v3 view while deleting: %v", x)
	}
	e.clock.Advance(2 * time.Second)
	if s := poll(task); s != "0" {
		t.Fatalf("DeleteVpnConn task after the delay: status %s", s)
	}
	if conns = e.must(api.Legacy, "DescribeVpnConn", params.Tree{"vpnGwId": gwID}); str(conns["totalCount"]) != "0" {
		t.Fatalf("tunnel still listed: %v", conns)
	}
	_, err = e.do(api.Legacy, "DescribeVpcTaskResult", params.Tree{"taskId": "999999"})
	if ae, _ := err.(*api.Error); ae == nil || ae.Code != "5000" {
		t.Fatalf("unknown task: %v", err)
	}
}
