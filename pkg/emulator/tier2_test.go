package emulator

import (
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// TestRoutesSecurityGroupsAddresses checks the effects of the route
// table, security group and EIP operations.
func TestRoutesSecurityGroupsAddresses(t *testing.T) {
	e := start(t, Options{})
	vpcID := str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "n", "CidrBlock": "10.0.0.0/16"}), "Vpc", "VpcId"))
	subID := str(dig(e.must(api.V3, "CreateSubnet", params.Tree{"VpcId": vpcID, "SubnetName": "s", "CidrBlock": "10.0.1.0/24", "Zone": "ap-guangzhou-3"}), "Subnet", "SubnetId"))
	rtID := str(dig(e.must(api.V3, "CreateRouteTable", params.Tree{"VpcId": vpcID, "RouteTableName": "egress"}), "RouteTable", "RouteTableId"))
	e.must(api.V3, "CreateRoutes", params.Tree{"RouteTableId": rtID, "Routes": []any{
		map[string]any{"DestinationCidrBlock": "0.0.0.0/0", "GatewayType": "NAT", "GatewayId": "nat-12345678"},
	}})
	if _, err := e.do(api.V3, "CreateRoutes", params.Tree{"RouteTableId": rtID, "Routes": []any{
		map[string]any{"DestinationCidrBlock": "10.0.5.0/24", "GatewayType": "NAT", "GatewayId": "nat-12345678"},
	}}); apiCode(t, err) != "InvalidParameterValue.VpcCidrConflict" {
		t.Fatalf("route into the VPC itself: %v", err)
	}
	e.must(api.V3, "ReplaceRouteTableAssociation", params.Tree{"SubnetId": subID, "RouteTableId": rtID})
	rts := e.must(api.V3, "DescribeRouteTables", params.Tree{"RouteTableIds": []any{rtID}})
	if str(dig(rts, "RouteTableSet", 0, "RouteSet", 0, "DestinationCidrBlock")) != "0.0.0.0/0" ||
		str(dig(rts, "RouteTableSet", 0, "AssociationSet", 0, "SubnetId")) != subID {
		t.Fatalf("DescribeRouteTables: %v", rts)
	}
	if _, err := e.do(api.V3, "DeleteRouteTable", params.Tree{"RouteTableId": rtID}); apiCode(t, err) != "ResourceInUse" {
		t.Fatalf("deleting an associated table: %v", err)
	}
	if _, err := e.do(api.V3, "DeleteVpc", params.Tree{"VpcId": vpcID}); apiCode(t, err) != "ResourceInUse" {
		t.Fatalf("deleting a VPC with a route table: %v", err)
	}

	sgID := str(dig(e.must(api.V3, "CreateSecurityGroup", params.Tree{"GroupName": "web", "GroupDescription": "http"}), "SecurityGroup", "SecurityGroupId"))
	e.must(api.V3, "CreateSecurityGroupPolicies", params.Tree{"SecurityGroupId": sgID, "SecurityGroupPolicySet": map[string]any{
		"Ingress": []any{map[string]any{"Protocol": "TCP", "Port": "80", "CidrBlock": "0.0.0.0/0", "Action": "ACCEPT"}},
	}})
	pol := e.must(api.V3, "DescribeSecurityGroupPolicies", params.Tree{"SecurityGroupId": sgID})
	if str(dig(pol, "SecurityGroupPolicySet", "Ingress", 0, "Port")) != "80" || str(dig(pol, "SecurityGroupPolicySet", "Version")) != "1" {
		t.Fatalf("policies: %v", pol)
	}
	e.must(api.V3, "DeleteSecurityGroupPolicies", params.Tree{"SecurityGroupId": sgID, "SecurityGroupPolicySet": map[string]any{
		"Ingress": []any{map[string]any{"PolicyIndex": "0"}},
	}})
	if pol = e.must(api.V3, "DescribeSecurityGroupPolicies", params.Tree{"SecurityGroupId": sgID}); len(dig(pol, "SecurityGroupPolicySet", "Ingress").([]any)) != 0 {
		t.Fatalf("after delete: %v", pol)
	}

	ids := e.must(api.V3, "AllocateAddresses", params.Tree{"AddressCount": "2"})["AddressSet"].([]any)
	eip := str(ids[0])
	e.must(api.V3, "AssociateAddress", params.Tree{"AddressId": eip, "InstanceId": "ins-12345678"})
	if _, err := e.do(api.V3, "ReleaseAddresses", params.Tree{"AddressIds": []any{eip}}); err == nil {
		t.Fatal("released a bound EIP")
	}
	bound := e.must(api.V3, "DescribeAddresses", params.Tree{"Filters": []any{map[string]any{"Name": "address-status", "Values": []any{"BIND"}}}})
	if str(bound["TotalCount"]) != "1" || str(dig(bound, "AddressSet", 0, "InstanceId")) != "ins-12345678" {
		t.Fatalf("bound EIPs: %v", bound)
	}
	e.must(api.V3, "DisassociateAddress", params.Tree{"AddressId": eip})
	e.must(api.V3, "ReleaseAddresses", params.Tree{"AddressIds": ids})
	if all := e.must(api.V3, "DescribeAddresses", nil); str(all["TotalCount"]) != "0" {
		t.Fatalf("after release: %v", all)
	}
}
