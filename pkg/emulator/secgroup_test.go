package emulator

import (
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// TestSecurityGroupPolicyEdits checks that a policy change based on an
// old version answers each page's code, that a replacement naming a rule
// that is not there changes nothing, and that a group an interface uses
// is not deleted.
func TestSecurityGroupPolicyEdits(t *testing.T) {
	e := start(t, Options{})
	sg := str(dig(e.must(api.V3, "CreateSecurityGroup", params.Tree{"GroupName": "web", "GroupDescription": "d"}), "SecurityGroup", "SecurityGroupId"))
	rule := func(port string) map[string]any {
		return map[string]any{"Protocol": "TCP", "Port": port, "CidrBlock": "10.0.0.0/8", "Action": "ACCEPT"}
	}
	e.must(api.V3, "CreateSecurityGroupPolicies", params.Tree{"SecurityGroupId": sg, "SecurityGroupPolicySet": map[string]any{
		"Ingress": []any{rule("22")}, "Egress": []any{rule("443")},
	}})
	policies := func() any {
		return dig(e.must(api.V3, "DescribeSecurityGroupPolicies", params.Tree{"SecurityGroupId": sg}), "SecurityGroupPolicySet")
	}

	// CreateSecurityGroupPolicies lists VersionMismatch; ModifySecurityGroupPolicies does not.
	_, err := e.do(api.V3, "CreateSecurityGroupPolicies", params.Tree{"SecurityGroupId": sg, "SecurityGroupPolicySet": map[string]any{
		"Version": "0", "Ingress": []any{rule("80")},
	}})
	wantErr(t, err, "UnsupportedOperation.VersionMismatch")
	_, err = e.do(api.V3, "ModifySecurityGroupPolicies", params.Tree{"SecurityGroupId": sg, "SecurityGroupPolicySet": map[string]any{
		"Version": "0", "Ingress": []any{rule("80")},
	}})
	wantErr(t, err, "UnsupportedOperation")

	// Ingress 0 is there, Egress 5 is not: neither is replaced.
	ingress := rule("8080")
	ingress["PolicyIndex"] = "0"
	egress := rule("8443")
	egress["PolicyIndex"] = "5"
	_, err = e.do(api.V3, "ReplaceSecurityGroupPolicy", params.Tree{"SecurityGroupId": sg, "SecurityGroupPolicySet": map[string]any{
		"Ingress": []any{ingress}, "Egress": []any{egress},
	}})
	wantErr(t, err, "InvalidParameter")
	if p := policies(); str(dig(p, "Ingress", 0, "Port")) != "22" || str(dig(p, "Egress", 0, "Port")) != "443" || str(dig(p, "Version")) != "1" {
		t.Fatalf("after a refused replacement: %v", p)
	}
	egress["PolicyIndex"] = "0"
	e.must(api.V3, "ReplaceSecurityGroupPolicy", params.Tree{"SecurityGroupId": sg, "SecurityGroupPolicySet": map[string]any{
		"Ingress": []any{ingress}, "Egress": []any{egress},
	}})
	if p := policies(); str(dig(p, "Ingress", 0, "Port")) != "8080" || str(dig(p, "Egress", 0, "Port")) != "8443" || str(dig(p, "Version")) != "2" {
		t.Fatalf("after a replacement: %v", p)
	}

	e.must(api.V3, "ModifySecurityGroupAttribute", params.Tree{"SecurityGroupId": sg, "GroupDescription": "d2"})
	if g := e.must(api.V3, "DescribeSecurityGroups", params.Tree{"SecurityGroupIds": []any{sg}}); str(dig(g, "SecurityGroupSet", 0, "SecurityGroupName")) != "web" ||
		str(dig(g, "SecurityGroupSet", 0, "SecurityGroupDesc")) != "d2" || str(dig(g, "SecurityGroupSet", 0, "ProjectId")) != "0" {
		t.Fatalf("after a new description: %v", g)
	}

	vpcID, subID := e.network("10.4.0.0/16", "10.4.1.0/24")
	e.must(api.V3, "CreateNetworkInterface", params.Tree{"VpcId": vpcID, "SubnetId": subID, "NetworkInterfaceName": "n", "SecurityGroupIds": []any{sg}})
	_, err = e.do(api.V3, "DeleteSecurityGroup", params.Tree{"SecurityGroupId": sg})
	wantErr(t, err, "ResourceInUse")
	_, err = e.do(api.V3, "DeleteSecurityGroup", params.Tree{"SecurityGroupId": "sg-00000000"})
	wantErr(t, err, "InvalidSecurityGroupID.NotFound")
}
