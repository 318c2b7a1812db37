package emulator

import (
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

func TestNetworkAcls(t *testing.T) {
	e := start(t, Options{})
	vpcID, subID := e.network("10.3.0.0/16", "10.3.1.0/24")
	sub2 := str(dig(e.must(api.V3, "CreateSubnet", params.Tree{"VpcId": vpcID, "SubnetName": "b", "CidrBlock": "10.3.2.0/24", "Zone": "ap-guangzhou-3"}), "Subnet", "SubnetId"))

	acl := str(dig(e.must(api.Legacy, "CreateNetworkAcl", params.Tree{"vpcId": vpcID, "networkAclName": "web"}), "data", "networkAclId"))
	if !idOK(acl, "acl-") {
		t.Fatalf("CreateNetworkAcl: %s", acl)
	}
	_, err := e.do(api.Legacy, "CreateNetworkAcl", params.Tree{"vpcId": vpcID, "networkAclName": ""})
	wantErr(t, err, "InvalidNetworkAclName", "4000")
	got := e.must(api.Legacy, "DescribeNetworkAcl", params.Tree{"vpcId": vpcID})
	row := dig(got, "data", 0)
	if str(got["totalCount"]) != "1" || str(dig(row, "networkAclName")) != "web" || str(dig(row, "subnetNum")) != "0" ||
		str(dig(row, "networkAclEntrySet", "ingress", 0, "cidrIp")) != "0.0.0.0/0" || str(dig(row, "networkAclEntrySet", "egress", 0, "action")) != "1" {
		t.Fatalf("DescribeNetworkAcl: %v", got)
	}

	e.must(api.Legacy, "ModifyNetworkAcl", params.Tree{"vpcId": vpcID, "networkAclId": acl, "networkAclName": "web2"})
	e.must(api.Legacy, "ModifyNetworkAclEntry", params.Tree{"vpcId": vpcID, "networkAclId": acl, "ruleDirection": "1", "networkAclEntrySet": []any{
		map[string]any{"desc": "http", "ipProtocol": "tcp", "cidrIp": "0.0.0.0/0", "portRange": "80", "action": "1"},
		map[string]any{"desc": "ssh", "ipProtocol": "tcp", "cidrIp": "10.0.0.2/24", "portRange": "22-23", "action": "0"},
	}})
	_, err = e.do(api.Legacy, "ModifyNetworkAclEntry", params.Tree{"vpcId": vpcID, "networkAclId": acl, "ruleDirection": "0", "networkAclEntrySet": []any{
		map[string]any{"desc": "x", "ipProtocol": "tcp", "cidrIp": "0.0.0.0/0", "portRange": "99999", "action": "1"},
	}})
	wantErr(t, err, "InvalidParameterValue", "4000")
	many := []any{}
	for range aclRuleLimit + 1 {
		many = append(many, map[string]any{"desc": "", "ipProtocol": "all", "cidrIp": "0.0.0.0/0", "portRange": "ALL", "action": "1"})
	}
	_, err = e.do(api.Legacy, "ModifyNetworkAclEntry", params.Tree{"vpcId": vpcID, "networkAclId": acl, "ruleDirection": "0", "networkAclEntrySet": many})
	wantErr(t, err, "NetworkAclOutLimitExceeded", "5100")

	e.must(api.Legacy, "CreateSubnetAclRule", params.Tree{"vpcId": vpcID, "networkAclId": acl, "subnetIds": []any{subID}})
	row = dig(e.must(api.Legacy, "DescribeNetworkAcl", params.Tree{"networkAclId": acl}), "data", 0)
	if str(dig(row, "networkAclName")) != "web2" || str(dig(row, "subnetNum")) != "1" ||
		len(rows(dig(row, "networkAclEntrySet", "ingress"))) != 2 || str(dig(row, "networkAclEntrySet", "ingress", 1, "portRange")) != "22-23" ||
		str(dig(row, "networkAclEntrySet", "ingress", 1, "action")) != "0" || len(rows(dig(row, "networkAclEntrySet", "egress"))) != 1 {
		t.Fatalf("after rules and binding: %v", row)
	}
	// The subnet shows its ACL in both styles.
	if s := e.must(api.V3, "DescribeSubnets", params.Tree{"SubnetIds": []any{subID}}); str(dig(s, "SubnetSet", 0, "NetworkAclId")) != acl {
		t.Fatalf("v3 subnet: %v", s)
	}
	if s := e.must(api.Legacy, "DescribeSubnetEx", params.Tree{"subnetId": subID}); str(dig(s, "data", 0, "networkAclId")) != acl {
		t.Fatalf("legacy subnet: %v", s)
	}
	// DescribeAcl's page lists no code for a VPC that is not there;
	// DescribeNetworkAcl's does.
	_, err = e.do(api.Legacy, "DescribeAcl", params.Tree{"vpcId": "vpc-00000000"})
	wantErr(t, err, "ResourceNotFound", "5000")
	_, err = e.do(api.Legacy, "DescribeNetworkAcl", params.Tree{"vpcId": "vpc-00000000"})
	wantErr(t, err, "InvalidVpc.NotFound", "5000")
	old := e.must(api.Legacy, "DescribeAcl", params.Tree{"vpcId": vpcID})
	if str(dig(old, "data", "totalCount")) != "1" || str(dig(old, "data", "aclSet", 0, "aclId")) != acl || str(dig(old, "data", "aclSet", 0, "acl", "ingress", 0, "name")) != "http" {
		t.Fatalf("DescribeAcl: %v", old)
	}

	// One ACL per subnet; a bound ACL cannot be deleted.
	other := str(dig(e.must(api.Legacy, "CreateNetworkAcl", params.Tree{"vpcId": vpcID, "networkAclName": "other"}), "data", "networkAclId"))
	_, err = e.do(api.Legacy, "CreateSubnetAclRule", params.Tree{"vpcId": vpcID, "networkAclId": other, "subnetIds": []any{sub2, subID}})
	wantErr(t, err, "ResourceInUse", "5100")
	if s := e.must(api.V3, "DescribeSubnets", params.Tree{"SubnetIds": []any{sub2}}); str(dig(s, "SubnetSet", 0, "NetworkAclId")) != "" {
		t.Fatalf("a refused binding bound: %v", s)
	}
	_, err = e.do(api.Legacy, "DeleteNetworkAcl", params.Tree{"vpcId": vpcID, "networkAclId": acl})
	wantErr(t, err, "NetworkAclID.InUse", "5100")
	_, err = e.do(api.Legacy, "DeleteSubnetAclRule", params.Tree{"vpcId": vpcID, "networkAclId": other, "subnetIds": []any{subID}})
	wantErr(t, err, "ResourceNotFound", "5000")
	e.must(api.Legacy, "DeleteSubnetAclRule", params.Tree{"vpcId": vpcID, "networkAclId": acl, "subnetIds": []any{subID}})
	e.must(api.Legacy, "DeleteNetworkAcl", params.Tree{"vpcId": vpcID, "networkAclId": acl})
	_, err = e.do(api.Legacy, "DeleteNetworkAcl", params.Tree{"vpcId": vpcID, "networkAclId": acl})
	wantErr(t, err, "InvalidNetworkAclID.NotFound", "5000")
	_, err = e.do(api.Legacy, "DescribeNetworkAcl", params.Tree{"networkAclId": acl})
	wantErr(t, err, "InvalidNetworkAclId.NotFound", "5000")
	_, err = e.do(api.V3, "DeleteVpc", params.Tree{"VpcId": vpcID})
	wantErr(t, err, "ResourceInUse")
}
