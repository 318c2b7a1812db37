package emulator

import (
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

func TestPeeringSameRegion(t *testing.T) {
	// The clock moves a week on; clients sign with the real time.
	e := start(t, Options{MaxSkew: 2 * peeringExpiry})
	a := str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "a", "CidrBlock": "10.10.0.0/16"}), "Vpc", "VpcId"))
	b := str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "b", "CidrBlock": "10.20.0.0/16"}), "Vpc", "VpcId"))
	c := str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "c", "CidrBlock": "10.10.128.0/17"}), "Vpc", "VpcId"))

	create := func(vpc, peer, uin string) (string, error) {
		r, err := e.do(api.Legacy, "CreateVpcPeeringConnection", params.Tree{"vpcId": vpc, "peerVpcId": peer, "peerUin": uin, "peeringConnectionName": "p"})
		if err != nil {
			return "", err
		}
		return str(r.Data["peeringConnectionId"]), nil
	}
	_, err := create(a, c, "2407912486")
	wantErr(t, err, "PeeringConnectionVpcConflict", "5100")
	_, err = create(a, "vpc-00000000", "2407912486")
	wantErr(t, err, "InvalidVpc.NotFound", "5000")
	pcx, err := create(a, b, "2407912486")
	if err != nil || !idOK(pcx, "pcx-") {
		t.Fatalf("CreateVpcPeeringConnection: %q %v", pcx, err)
	}
	state := func() string {
		r := e.must(api.Legacy, "DescribeVpcPeeringConnections", params.Tree{"peeringConnectionId": pcx})
		return str(dig(r, "data", 0, "state"))
	}
	if s := state(); s != "0" {
		t.Fatalf("a cross-account request is pending, got state %s", s)
	}
	row := dig(e.must(api.Legacy, "DescribeVpcPeeringConnections", params.Tree{"vpcId": a}), "data", 0)
	if str(dig(row, "unPeerVpcId")) != b || str(dig(row, "peerUin")) != "2407912486" || str(dig(row, "peeringConnectionName")) != "p" || str(dig(row, "uin")) != accountUin {
		t.Fatalf("DescribeVpcPeeringConnections: %v", row)
	}
	_, err = e.do(api.Legacy, "EnableVpcPeeringConnection", params.Tree{"peeringConnectionId": pcx})
	wantErr(t, err, "UnsupportedOperation", "5100")
	e.must(api.Legacy, "AcceptVpcPeeringConnection", params.Tree{"peeringConnectionId": pcx})
	if s := state(); s != "1" {
		t.Fatalf("after accept: state %s", s)
	}
	_, err = e.do(api.Legacy, "RejectVpcPeeringConnection", params.Tree{"peeringConnectionId": pcx})
	wantErr(t, err, "UnsupportedOperation", "5100")
	e.must(api.Legacy, "ModifyVpcPeeringConnection", params.Tree{"peeringConnectionId": pcx, "peeringConnectionName": "renamed"})
	if r := e.must(api.Legacy, "DescribeVpcPeeringConnections", params.Tree{"peeringConnectionName": "renamed"}); str(r["totalCount"]) != "1" {
		t.Fatalf("after modify: %v", r)
	}
	_, err = create(b, a, accountUin)
	wantErr(t, err, "PeeringConnectionVpcConflict", "5100")

	// A route through the connection must lead into the peer VPC, and goes
	// when the connection does.
	rt := str(dig(e.must(api.V3, "DescribeRouteTables", params.Tree{"Filters": []any{map[string]any{"Name": "vpc-id", "Values": []any{a}}}}), "RouteTableSet", 0, "RouteTableId"))
	_, err = e.do(api.V3, "CreateRoutes", params.Tree{"RouteTableId": rt, "Routes": []any{map[string]any{"DestinationCidrBlock": "10.30.0.0/16", "GatewayType": "PEERCONNECTION", "GatewayId": pcx}}})
	wantErr(t, err, "InvalidParameterValue.CidrNotInPeerVpc")
	e.must(api.V3, "CreateRoutes", params.Tree{"RouteTableId": rt, "Routes": []any{map[string]any{"DestinationCidrBlock": "10.20.0.0/16", "GatewayType": "PEERCONNECTION", "GatewayId": pcx}}})
	_, err = e.do(api.V3, "DeleteVpc", params.Tree{"VpcId": b})
	wantErr(t, err, "ResourceInUse")
	e.must(api.Legacy, "DeleteVpcPeeringConnection", params.Tree{"peeringConnectionId": pcx})
	if r := e.must(api.V3, "DescribeRouteTables", params.Tree{"RouteTableIds": []any{rt}}); len(rows(dig(r, "RouteTableSet", 0, "RouteSet"))) != 0 {
		t.Fatalf("route through a deleted connection: %v", r)
	}
	_, err = e.do(api.Legacy, "DeleteVpcPeeringConnection", params.Tree{"peeringConnectionId": pcx})
	wantErr(t, err, "InvalidPeeringConnection.NotFound", "5000")

	// Same account: active at once. A pending request expires in 7 days
	// and enabling it asks again.
	same, err := create(b, a, accountUin)
	if err != nil || state2(e, same) != "1" {
		t.Fatalf("same-account connection: %v", err)
	}
	e.must(api.Legacy, "DeleteVpcPeeringConnection", params.Tree{"peeringConnectionId": same})
	pcx, _ = create(a, b, "2407912486")
	e.clock.Advance(peeringExpiry)
	if s := state2(e, pcx); s != "2" {
		t.Fatalf("after 7 days: state %s", s)
	}
	_, err = e.do(api.Legacy, "AcceptVpcPeeringConnection", params.Tree{"peeringConnectionId": pcx})
	wantErr(t, err, "UnsupportedOperation", "5100")
	e.must(api.Legacy, "EnableVpcPeeringConnection", params.Tree{"peeringConnectionId": pcx})
	e.must(api.Legacy, "RejectVpcPeeringConnection", params.Tree{"peeringConnectionId": pcx})
	if s := state2(e, pcx); s != "3" {
		t.Fatalf("after enable and reject: state %s", s)
	}
	if r := e.must(api.Legacy, "DescribeVpcEx", params.Tree{"vpcId": a}); str(dig(r, "data", 0, "vpcPeerNum")) != "1" {
		t.Fatalf("vpcPeerNum: %v", r)
	}
}

func state2(e *env, pcx string) string {
	r := e.must(api.Legacy, "DescribeVpcPeeringConnections", params.Tree{"peeringConnectionId": pcx})
	return str(dig(r, "data", 0, "state"))
}

// TestPeeringCrossRegion follows the …Ex calls, which take effect when
// their task finishes, between a VPC in ap-guangzhou and one in
// ap-shanghai: the peer is found in its own region, and both regions see
// the connection and may act on it.
func TestPeeringCrossRegion(t *testing.T) {
	e := start(t, Options{})
	gz, sh := e.in("ap-guangzhou", "gz"), e.in("ap-shanghai", "sh")
	a := str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "a", "CidrBlock": "10.10.0.0/16"}), "Vpc", "VpcId"))
	local := str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "local", "CidrBlock": "10.30.0.0/16"}), "Vpc", "VpcId"))
	shVpc, err := sh(api.V3, "CreateVpc", params.Tree{"VpcName": "b", "CidrBlock": "10.20.0.0/16"})
	if err != nil {
		t.Fatal(err)
	}
	b := str(dig(shVpc, "Vpc", "VpcId"))
	create := func(in func(api.Style, string, params.Tree) (map[string]any, error), vpc, peer, region, bw string) (map[string]any, error) {
		return in(api.Legacy, "CreateVpcPeeringConnectionEx", params.Tree{"vpcId": vpc, "peerVpcId": peer, "peerUin": "1", "peeringConnectionName": "x", "peerRegion": region, "bandwidth": bw})
	}
	list := func(in func(api.Style, string, params.Tree) (map[string]any, error), p params.Tree) map[string]any {
		r, err := in(api.Legacy, "DescribeVpcPeeringConnections", p)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	_, err = create(gz, a, b, "sh", "7")
	wantErr(t, err, "InvalidParameterValue", "4000")
	// The peer is looked up in the peer region: a VPC of ap-guangzhou
	// named with peerRegion sh does not exist there.
	_, err = create(gz, a, local, "sh", "20")
	wantErr(t, err, "InvalidVpc.NotFound", "5000")
	_, err = create(gz, a, b, "ap-nowhere", "20")
	wantErr(t, err, "InvalidParameterValue", "4000")
	out, err := create(gz, a, b, "sh", "20")
	if err != nil {
		t.Fatal(err)
	}
	task := out["taskId"]
	if r := list(gz, nil); str(r["totalCount"]) != "0" || e.taskStatus("DescribeVpcTaskResult", task) != "2" {
		t.Fatalf("before the task finished: %v", r)
	}
	_, err = create(gz, a, b, "ap-shanghai", "20")
	wantErr(t, err, "PeeringConnectionVpcConflict", "5100")
	e.settle()
	r := list(gz, nil)
	pcx := str(dig(r, "data", 0, "peeringConnectionId"))
	if e.taskStatus("DescribeVpcTaskResult", task) != "0" || str(dig(r, "data", 0, "state")) != "0" || str(dig(r, "data", 0, "bandwidth")) != "20" || str(dig(r, "data", 0, "peerRegion")) != "sh" {
		t.Fatalf("after the task: %v", r)
	}
	// The peer's region sees it, by its VPC too, and cannot peer the pair again.
	if r := list(sh, params.Tree{"vpcId": b}); str(r["totalCount"]) != "1" || str(dig(r, "data", 0, "peeringConnectionId")) != pcx {
		t.Fatalf("ap-shanghai's view: %v", r)
	}
	_, err = create(sh, b, a, "gz", "20")
	wantErr(t, err, "PeeringConnectionVpcConflict", "5100")
	// The same-region calls do not reach a cross-region connection.
	_, err = e.do(api.Legacy, "AcceptVpcPeeringConnection", params.Tree{"peeringConnectionId": pcx})
	wantErr(t, err, "InvalidPeeringConnection.NotFound", "5000")
	// The peer accepts in its own region.
	if _, err := sh(api.Legacy, "AcceptVpcPeeringConnectionEx", params.Tree{"peeringConnectionId": pcx}); err != nil {
		t.Fatal(err)
	}
	// ap-guangzhou sees the task ap-shanghai started.
	_, err = e.do(api.Legacy, "ModifyVpcPeeringConnectionEx", params.Tree{"peeringConnectionId": pcx, "bandwidth": "50"})
	wantErr(t, err, "UnsupportedOperation", "5100")
	if s := state2(e, pcx); s != "0" {
		t.Fatalf("accepted before its task finished: %s", s)
	}
	e.settle()
	_, err = sh(api.Legacy, "ModifyVpcPeeringConnectionEx", params.Tree{"peeringConnectionId": pcx, "bandwidth": "100"})
	if err != nil {
		t.Fatal(err)
	}
	e.settle()
	r = list(sh, params.Tree{"peeringConnectionId": pcx})
	if str(dig(r, "data", 0, "state")) != "1" || str(dig(r, "data", 0, "bandwidth")) != "100" {
		t.Fatalf("after accept and modify: %v", r)
	}
	// The peer VPC is in use while the connection lasts.
	_, err = sh(api.V3, "DeleteVpc", params.Tree{"VpcId": b})
	wantErr(t, err, "ResourceInUse")
	del, err := sh(api.Legacy, "DeleteVpcPeeringConnectionEx", params.Tree{"peeringConnectionId": pcx})
	if err != nil {
		t.Fatal(err)
	}
	e.settle()
	if str(list(sh, nil)["totalCount"]) != "0" || str(list(gz, nil)["totalCount"]) != "0" {
		t.Fatal("cross-region connection not deleted")
	}
	if st, err := sh(api.Legacy, "DescribeVpcTaskResult", params.Tree{"taskId": str(del["taskId"])}); err != nil || str(dig(st, "data", "status")) != "0" {
		t.Fatalf("delete task: %v %v", st, err)
	}
	if _, err := sh(api.V3, "DeleteVpc", params.Tree{"VpcId": b}); err != nil {
		t.Fatal(err)
	}
}

func TestNatGateways(t *testing.T) {
	e := start(t, Options{})
	vpcID, _ := e.network("10.4.0.0/16", "10.4.1.0/24")
	eip := dig(e.must(api.V3, "AllocateAddresses", nil), "AddressSet", 0)
	ip := str(dig(e.must(api.V3, "DescribeAddresses", params.Tree{"AddressIds": []any{eip}}), "AddressSet", 0, "AddressIp"))

	_, err := e.do(api.Legacy, "CreateNatGateway", params.Tree{"vpcId": vpcID, "natName": "n", "maxConcurrent": "1000000"})
	wantErr(t, err, "MissingParameter", "4000")
	out := e.must(api.Legacy, "CreateNatGateway", params.Tree{"vpcId": vpcID, "natName": "nat1", "maxConcurrent": "1000000", "assignedEipSet": []any{ip}, "autoAllocEipNum": "1"})
	bill := out["billId"]
	prod := func() string {
		return str(dig(e.must(api.Legacy, "QueryNatGatewayProductionStatus", params.Tree{"billId": str(bill)}), "data", "status"))
	}
	if prod() != "2" || str(e.must(api.Legacy, "DescribeNatGateway", params.Tree{"vpcId": vpcID})["totalCount"]) != "0" {
		t.Fatal("a NAT gateway listed before production")
	}
	e.settle()
	list := e.must(api.Legacy, "DescribeNatGateway", params.Tree{"vpcId": vpcID})
	row := dig(list, "data", 0)
	nat := str(dig(row, "natId"))
	if prod() != "0" || str(list["totalCount"]) != "1" || str(dig(row, "productionStatus")) != "1" || str(dig(row, "eipCount")) != "2" ||
		str(dig(row, "eipSet", 0)) != ip || str(dig(row, "maxConcurrent")) != "1000000" || str(dig(row, "bandwidth")) != "100" || str(dig(row, "natName")) != "nat1" {
		t.Fatalf("DescribeNatGateway: %v", list)
	}
	if a := e.must(api.V3, "DescribeAddresses", params.Tree{"AddressIds": []any{eip}}); str(dig(a, "AddressSet", 0, "InstanceId")) != nat || str(dig(a, "AddressSet", 0, "AddressStatus")) != "BIND" {
		t.Fatalf("EIP of the gateway: %v", a)
	}
	_, err = e.do(api.V3, "DisassociateAddress", params.Tree{"AddressId": eip})
	wantErr(t, err, "UnsupportedOperation")

	natOp := func(action string, p params.Tree) (map[string]any, error) {
		p["vpcId"], p["natId"] = vpcID, nat
		r, err := e.do(api.Legacy, action, p)
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}
	if _, err := natOp("ModifyNatGateway", params.Tree{"natName": "renamed", "bandwidth": "50"}); err != nil {
		t.Fatal(err)
	}
	up, err := natOp("UpgradeNatGateway", params.Tree{"maxConcurrent": "3000000"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = natOp("EipUnBindNatGateway", params.Tree{"assignedEipSet": []any{ip}})
	wantErr(t, err, "UnsupportedOperation", "5100")
	row = dig(e.must(api.Legacy, "DescribeNatGateway", params.Tree{"natId": nat}), "data", 0)
	if str(dig(row, "productionStatus")) != "3" || str(dig(row, "maxConcurrent")) != "1000000" || str(dig(row, "natName")) != "renamed" {
		t.Fatalf("while upgrading: %v", row)
	}
	e.settle()
	if s := str(dig(e.must(api.Legacy, "QueryNatGatewayProductionStatus", params.Tree{"billId": str(up["billId"])}), "data", "status")); s != "0" {
		t.Fatalf("upgrade order: %s", s)
	}
	if _, err := natOp("EipUnBindNatGateway", params.Tree{"assignedEipSet": []any{ip}}); err != nil {
		t.Fatal(err)
	}
	e.settle()
	row = dig(e.must(api.Legacy, "DescribeNatGateway", params.Tree{"natId": nat}), "data", 0)
	if str(dig(row, "maxConcurrent")) != "3000000" || str(dig(row, "eipCount")) != "1" || str(dig(row, "bandwidth")) != "50" {
		t.Fatalf("after upgrade and unbind: %v", row)
	}
	last := str(dig(row, "eipSet", 0))
	_, err = natOp("EipUnBindNatGateway", params.Tree{"assignedEipSet": []any{last}})
	wantErr(t, err, "NatGatewayEipNotEmpty", "5100")
	if _, err := natOp("EipBindNatGateway", params.Tree{"assignedEipSet": []any{ip}}); err != nil {
		t.Fatal(err)
	}
	e.settle()

	rt := str(dig(e.must(api.V3, "DescribeRouteTables", params.Tree{"Filters": []any{map[string]any{"Name": "vpc-id", "Values": []any{vpcID}}}}), "RouteTableSet", 0, "RouteTableId"))
	e.must(api.Legacy, "CreateRoute", params.Tree{"vpcId": vpcID, "routeTableId": rt, "routeSet": []any{map[string]any{"destinationCidrBlock": "0.0.0.0/0", "nextType": "8", "nextHub": nat}}})
	del, err := natOp("DeleteNatGateway", params.Tree{})
	if err != nil {
		t.Fatal(err)
	}
	e.settle()
	if e.taskStatus("DescribeVpcTaskResult", dig(del, "data", "taskId")) != "0" {
		t.Fatal("delete task")
	}
	_, err = natOp("DeleteNatGateway", params.Tree{})
	wantErr(t, err, "InvalidNatGatewayId.NotFound", "5000")
	if a := e.must(api.V3, "DescribeAddresses", params.Tree{"Filters": []any{map[string]any{"Name": "address-status", "Values": []any{"BIND"}}}}); str(a["TotalCount"]) != "0" {
		t.Fatalf("EIPs still bound after the gateway went: %v", a)
	}
	if r := e.must(api.V3, "DescribeRouteTables", params.Tree{"RouteTableIds": []any{rt}}); len(rows(dig(r, "RouteTableSet", 0, "RouteSet"))) != 0 {
		t.Fatalf("route through a deleted gateway: %v", r)
	}
}

func TestFlowLogs(t *testing.T) {
	e := start(t, Options{TaskDelay: -1})
	vpcID, subID := e.network("10.5.0.0/16", "10.5.1.0/24")
	mk := func(name, typ, res string) (string, error) {
		r, err := e.do(api.Legacy, "CreateFlowLog", params.Tree{"vpcId": vpcID, "flowLogName": name, "resourceType": typ, "resourceId": res, "trafficType": "ALL", "cloudLogId": "b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34"})
		if err != nil {
			return "", err
		}
		return str(dig(r.Data, "data", "flowLogId")), nil
	}
	fl, err := mk("all", "VPC", vpcID)
	if err != nil || fl[:3] != "fl-" {
		t.Fatalf("CreateFlowLog: %q %v", fl, err)
	}
	_, err = mk("all", "SUBNET", subID)
	wantErr(t, err, "FlowLogNameDuplicate", "5100")
	_, err = mk("x", "SUBNET", "subnet-00000000")
	wantErr(t, err, "InvalidSubnet.NotFound", "5000")
	_, err = mk("x", "NETWORKINTERFACE", "eni-00000000")
	wantErr(t, err, "InvalidNetworkInterface.NotFound", "5000")
	if _, err := mk("sub", "SUBNET", subID); err != nil {
		t.Fatal(err)
	}
	e.must(api.Legacy, "ModifyFlowLogAttribute", params.Tree{"vpcId": vpcID, "flowLogId": fl, "flowLogName": "everything", "flowLogDescription": "d"})
	one := dig(e.must(api.Legacy, "DescribeFlowLog", params.Tree{"vpcId": vpcID, "flowLogId": fl}), "data", "data")
	if str(dig(one, "flowLogName")) != "everything" || str(dig(one, "flowLogDescription")) != "d" || str(dig(one, "resourceId")) != vpcID || str(dig(one, "createdTime")) == "" {
		t.Fatalf("DescribeFlowLog: %v", one)
	}
	list := e.must(api.Legacy, "DescribeFlowLogs", params.Tree{"vpcId": vpcID, "resourceType": "SUBNET"})
	if str(dig(list, "data", "totalNum")) != "1" || str(dig(list, "data", "data", 0, "resourceId")) != subID {
		t.Fatalf("DescribeFlowLogs: %v", list)
	}
	e.must(api.Legacy, "DeleteFlowLog", params.Tree{"vpcId": vpcID, "flowLogId": fl})
	_, err = e.do(api.Legacy, "DescribeFlowLog", params.Tree{"vpcId": vpcID, "flowLogId": fl})
	wantErr(t, err, "FlowLogIDNotFound", "5000")
}

func TestClassicLinks(t *testing.T) {
	e := start(t, Options{})
	vpcID := str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "v", "CidrBlock": "172.16.0.0/16"}), "Vpc", "VpcId"))
	low := str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "low", "CidrBlock": "10.1.0.0/16"}), "Vpc", "VpcId"))
	_, err := e.do(api.V3, "AttachClassicLinkVpc", params.Tree{"VpcId": low, "InstanceIds": []any{"ins-10000000"}})
	wantErr(t, err, "UnsupportedOperation.CIDRUnsupportedClassicLink")

	e.must(api.V3, "AttachClassicLinkVpc", params.Tree{"VpcId": vpcID, "InstanceIds": []any{"ins-a0000000", "ins-b0000000"}})
	_, err = e.do(api.V3, "AttachClassicLinkVpc", params.Tree{"VpcId": vpcID, "InstanceIds": []any{"ins-a0000000"}})
	wantErr(t, err, "UnsupportedOperation.ClassicInstanceIdAlreadyExists")
	list := e.must(api.V3, "DescribeClassicLinkInstances", params.Tree{"Filters": []any{map[string]any{"Name": "vpc-id", "Values": []any{vpcID}}}})
	if str(list["TotalCount"]) != "2" || str(dig(list, "ClassicLinkInstanceSet", 0, "InstanceId")) != "ins-a0000000" || str(dig(list, "ClassicLinkInstanceSet", 0, "VpcId")) != vpcID {
		t.Fatalf("DescribeClassicLinkInstances: %v", list)
	}
	legacy := e.must(api.Legacy, "DescribeVpcClassicLink", params.Tree{"vpcId": vpcID})
	ip := str(dig(legacy, "data", 0, "lanIp"))
	if str(legacy["totalCount"]) != "2" || str(dig(legacy, "data", 0, "classicLinkId"))[:4] != "vcx-" || ip == "" {
		t.Fatalf("DescribeVpcClassicLink: %v", legacy)
	}
	byIP := e.must(api.V3, "DescribeClassicLinkInstances", params.Tree{"Filters": []any{map[string]any{"Name": "vm-ip", "Values": []any{ip}}}})
	if str(byIP["TotalCount"]) != "1" {
		t.Fatalf("by vm-ip %s: %v", ip, byIP)
	}
	_, err = e.do(api.Legacy, "DescribeVpcClassicLink", params.Tree{"lanIp": "10.99.99.99"})
	wantErr(t, err, "InvalidLanIp.NotFound", "5000")

	// The legacy calls finish with their task.
	_, err = e.do(api.Legacy, "AttachClassicLinkVpc", params.Tree{"vpcId": vpcID, "instanceIds": []any{"ins-b0000000"}})
	wantErr(t, err, "InstanceAlreadyLinked", "5100")
	task := dig(e.must(api.Legacy, "DetachClassicLinkVpc", params.Tree{"vpcId": vpcID, "instanceIds": []any{"ins-a0000000"}}), "data", "taskId")
	if r := e.must(api.Legacy, "DescribeVpcClassicLink", params.Tree{"vpcId": vpcID}); str(r["totalCount"]) != "2" {
		t.Fatalf("detached before the task finished: %v", r)
	}
	e.settle()
	if e.taskStatus("DescribeVpcTaskResult", task) != "0" {
		t.Fatal("detach task")
	}
	att := e.must(api.Legacy, "AttachClassicLinkVpc", params.Tree{"vpcId": vpcID, "instanceIds": []any{"ins-c0000000"}})["taskId"]
	_, err = e.do(api.Legacy, "AttachClassicLinkVpc", params.Tree{"vpcId": vpcID, "instanceIds": []any{"ins-c0000000"}})
	wantErr(t, err, "InstanceAlreadyLinked", "5100")
	e.settle()
	if e.taskStatus("DescribeVpcTaskResult", att) != "0" {
		t.Fatal("attach task")
	}
	if r := e.must(api.V3, "DescribeClassicLinkInstances", nil); str(r["TotalCount"]) != "2" {
		t.Fatalf("after detach a, attach c: %v", r)
	}
	if r := e.must(api.Legacy, "DescribeVpcEx", params.Tree{"vpcId": vpcID}); str(dig(r, "data", 0, "classicLinkNum")) != "2" {
		t.Fatalf("classicLinkNum: %v", r)
	}
	_, err = e.do(api.Legacy, "DetachClassicLinkVpc", params.Tree{"vpcId": vpcID, "instanceIds": []any{"ins-a0000000"}})
	wantErr(t, err, "InvalidInstance.NotFound", "5000")
	e.must(api.V3, "DetachClassicLinkVpc", params.Tree{"VpcId": vpcID, "InstanceIds": []any{"ins-b0000000", "ins-c0000000"}})
	_, err = e.do(api.V3, "DetachClassicLinkVpc", params.Tree{"VpcId": vpcID, "InstanceIds": []any{"ins-b0000000"}})
	wantErr(t, err, "ResourceNotFound")
}

// TestNatGatewayChecks: a gateway is found only in its own VPC and once
// produced, a listing naming an unknown VPC or gateway is refused, and a
// gateway holds 10 EIPs at most.
func TestNatGatewayChecks(t *testing.T) {
	e := start(t, Options{})
	vpcID, _ := e.network("10.4.0.0/16", "10.4.1.0/24")
	otherVpc, _ := e.network("10.5.0.0/16", "10.5.1.0/24")
	e.must(api.Legacy, "CreateNatGateway", params.Tree{"vpcId": vpcID, "natName": "n", "maxConcurrent": "1000000", "autoAllocEipNum": "9"})
	// Not listed yet, the gateway is known by the EIPs bound to it.
	nat := str(dig(e.must(api.V3, "DescribeAddresses", nil), "AddressSet", 0, "InstanceId"))
	_, err := e.do(api.Legacy, "ModifyNatGateway", params.Tree{"vpcId": vpcID, "natId": nat, "natName": "x"})
	wantErr(t, err, "InvalidNatGatewayId.NotFound", "5000")
	_, err = e.do(api.Legacy, "DescribeNatGateway", params.Tree{"natId": nat})
	wantErr(t, err, "InvalidNatGatewayId.NotFound", "5000")
	e.settle()
	for _, c := range []struct {
		action string
		p      params.Tree
		code   string
		public string
	}{
		{"DescribeNatGateway", params.Tree{"vpcId": "vpc-00000000"}, "InvalidVpc.NotFound", "5000"},
		{"DescribeNatGateway", params.Tree{"natId": "nat-00000000"}, "InvalidNatGatewayId.NotFound", "5000"},
		{"ModifyNatGateway", params.Tree{"vpcId": otherVpc, "natId": nat, "natName": "x"}, "InvalidNatGatewayId.NotFound", "5000"},
		{"DeleteNatGateway", params.Tree{"vpcId": "vpc-00000000", "natId": nat}, "InvalidVpc.NotFound", "5000"},
		{"EipBindNatGateway", params.Tree{"vpcId": vpcID, "natId": nat, "autoAllocEipNum": "2"}, "InvalidParameterValue", "4000"},
		{"UpgradeNatGateway", params.Tree{"vpcId": vpcID, "natId": nat, "maxConcurrent": "1000000"}, "InvalidParameterValue", "4000"},
	} {
		_, err := e.do(api.Legacy, c.action, c.p)
		wantErr(t, err, c.code, c.public)
	}
	r := e.must(api.Legacy, "DescribeNatGateway", params.Tree{"vpcId": vpcID, "natName": "zzz"})
	if str(r["totalCount"]) != "0" {
		t.Fatalf("DescribeNatGateway by another name: %v", r)
	}
	e.must(api.Legacy, "EipBindNatGateway", params.Tree{"vpcId": vpcID, "natId": nat, "autoAllocEipNum": "1"})
	if r := e.must(api.Legacy, "DescribeNatGateway", params.Tree{"natId": nat}); str(dig(r, "data", 0, "eipCount")) != "10" || str(dig(r, "data", 0, "productionStatus")) != "3" {
		t.Fatalf("after binding the tenth EIP: %v", r)
	}
}
