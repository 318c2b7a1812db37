package emulator

import (
	"strconv"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

func TestDirectConnectGateways(t *testing.T) {
	e := start(t, Options{})
	vpcID, _ := e.network("10.6.0.0/16", "10.6.1.0/24")
	mk := func(name, typ string) (string, error) {
		r, err := e.do(api.Legacy, "CreateDirectConnectGateway", params.Tree{"vpcId": vpcID, "directConnectGatewayName": name, "type": typ})
		if err != nil {
			return "", err
		}
		return str(dig(r.Data, "data", "directConnectGatewayId")), nil
	}
	plain, err := mk("plain", "0")
	if err != nil || plain[:4] != "dcg-" {
		t.Fatalf("CreateDirectConnectGateway: %q %v", plain, err)
	}
	_, err = mk("again", "0")
	wantErr(t, err, "DirectConnectGatewayLimitExceeded", "5100")
	dcg, err := mk("nat", "1")
	if err != nil {
		t.Fatal(err)
	}
	op := func(action string, p params.Tree) (map[string]any, error) {
		p["vpcId"], p["directConnectGatewayId"] = vpcID, dcg
		r, err := e.do(api.Legacy, action, p)
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}
	must := func(action string, p params.Tree) map[string]any {
		t.Helper()
		out, err := op(action, p)
		if err != nil {
			t.Fatalf("%s: %v", action, err)
		}
		return out
	}

	// Local IP translation (snat), asynchronous, with its ACL rules.
	snat := func(orig, trans string) params.Tree {
		return params.Tree{"localIPTranslation": []any{map[string]any{"originalIP": orig, "translationIP": trans, "description": "d"}}}
	}
	out := must("CreateLocalIPTranslationNatRule", snat("10.6.1.5", "138.0.0.1"))
	if str(dig(out, "data", "taskId")) == "" {
		t.Fatalf("CreateLocalIPTranslationNatRule: %v", out)
	}
	for _, c := range []struct {
		p    params.Tree
		code string
	}{
		{snat("10.9.0.1", "138.0.0.2"), "InvalidOriginalIP.NotInVpcCidr"},
		{snat("10.6.1.5", "138.0.0.2"), "InvalidOriginalIP.Duplicate"},
		{snat("10.6.1.6", "138.0.0.1"), "InvalidTranslationIP.Duplicate"},
	} {
		_, err := op("CreateLocalIPTranslationNatRule", c.p)
		wantErr(t, err, c.code)
	}
	must("ModifyLocalIPTranslationNatRule", params.Tree{"oldOriginalIP": "10.6.1.5", "oldTranslationIP": "138.0.0.1", "translationIP": "138.0.0.11", "description": "new"})
	snats := must("DescribeLocalIPTranslationNatRule", params.Tree{})
	if str(dig(snats, "data", 0, "translationIP")) != "138.0.0.11" || str(dig(snats, "data", 0, "description")) != "new" {
		t.Fatalf("DescribeLocalIPTranslationNatRule: %v", snats)
	}
	acl := params.Tree{"originalIP": "10.6.1.5", "translationIP": "138.0.0.11", "aclRules": []any{map[string]any{"protocol": "tcp", "sourcePort": "80", "destinationCidr": "10.0.0.2/18", "destinationPort": "90"}}}
	must("CreateLocalIPTranslationAclRule", acl)
	acls := must("DescribeLocalIPTranslationAclRule", params.Tree{"originalIP": "10.6.1.5", "translationIP": "138.0.0.11"})
	aclID := str(dig(acls, "data", 0, "aclRuleId"))
	if aclID == "" || str(dig(acls, "data", 0, "protocol")) != "TCP" || str(dig(acls, "data", 0, "destinationPort")) != "90" {
		t.Fatalf("DescribeLocalIPTranslationAclRule: %v", acls)
	}
	must("ModifyLocalIPTranslationAclRule", params.Tree{"originalIP": "10.6.1.5", "translationIP": "138.0.0.11", "aclRules": []any{map[string]any{"aclRuleId": aclID, "protocol": "udp", "sourcePort": "0", "destinationCidr": "", "destinationPort": "53"}}})
	acls = must("DescribeLocalIPTranslationAclRule", params.Tree{"originalIP": "10.6.1.5", "translationIP": "138.0.0.11"})
	if str(dig(acls, "data", 0, "protocol")) != "UDP" || str(dig(acls, "data", 0, "aclRuleId")) != aclID {
		t.Fatalf("after modify: %v", acls)
	}
	must("DeleteLocalIPTranslationAclRule", params.Tree{"originalIP": "10.6.1.5", "translationIP": "138.0.0.11", "aclRules": []any{aclID}})
	_, err = op("DeleteLocalIPTranslationAclRule", params.Tree{"originalIP": "10.6.1.5", "translationIP": "138.0.0.1", "aclRules": []any{aclID}})
	wantErr(t, err, "InvalidLocalIPTranslation.NotFound", "5000")

	// Peer IP translation (dnat).
	must("CreatePeerIPTranslationNatRule", params.Tree{"peerIPTranslation": []any{map[string]any{"originalIP": "192.168.9.9", "translationIP": "172.30.0.9"}}})
	_, err = op("CreatePeerIPTranslationNatRule", params.Tree{"peerIPTranslation": []any{map[string]any{"originalIP": "192.168.9.8", "translationIP": "10.6.0.9"}}})
	wantErr(t, err, "InvalidTranslationIP.InVpcCidr", "4000")
	must("DeletePeerIPTranslationNatRule", params.Tree{"peerIPTranslation": []any{map[string]any{"originalIP": "192.168.9.9", "translationIP": "172.30.0.9"}}})
	_, err = op("ModifyPeerIPTranslationNatRule", params.Tree{"oldOriginalIP": "192.168.9.9", "oldTranslationIP": "172.30.0.9", "translationIP": "172.30.0.10"})
	wantErr(t, err, "InvalidPeerIPTranslation.NotFound", "5000")

	// Local source IP:port translation (snapt) and its ACL rules: two
	// pools may not carry the same rule.
	pool := func(p string) params.Tree {
		return params.Tree{"localSourceIPPortTranslation": []any{map[string]any{"translationIPPool": p, "description": "pool"}}}
	}
	must("CreateLocalSourceIPPortTranslationNatRule", pool("183.12.63.0-183.12.63.20"))
	must("CreateLocalSourceIPPortTranslationNatRule", pool("183.12.64.1"))
	_, err = op("CreateLocalSourceIPPortTranslationNatRule", pool("10.6.200.1-10.6.200.9"))
	wantErr(t, err, "InvalidTranslationIPPool.NotInVpcCidr", "4000")
	_, err = op("ModifyLocalSourceIPPortTranslationNatRule", params.Tree{"oldTranslationIPPool": "183.12.64.1", "translationIPPool": "10.6.9.9"})
	wantErr(t, err, "InvalidTranslationIPPool.InVpcCidr", "4000")
	poolACL := func(p string) params.Tree {
		return params.Tree{"translationIPPool": p, "aclRules": []any{map[string]any{"protocol": "ALL", "sourceCidr": "10.6.1.0/24", "sourcePort": "", "destinationCidr": "", "destinationPort": ""}}}
	}
	must("CreateLocalSourceIPPortTranslationAclRule", poolACL("183.12.63.0-183.12.63.20"))
	_, err = op("CreateLocalSourceIPPortTranslationAclRule", poolACL("183.12.64.1"))
	wantErr(t, err, "InvalidLocalSourceIPPortTranslationAcl.Conflict", "5100")
	must("ModifyLocalSourceIPPortTranslationNatRule", params.Tree{"oldTranslationIPPool": "183.12.64.1", "translationIPPool": "183.12.64.2"})
	if r := must("DescribeLocalSourceIPPortTranslationNatRule", params.Tree{}); str(dig(r, "data", 1, "translationIPPool")) != "183.12.64.2" {
		t.Fatalf("DescribeLocalSourceIPPortTranslationNatRule: %v", r)
	}
	if r := must("DescribeLocalSourceIPPortTranslationAclRule", params.Tree{"translationIPPool": "183.12.63.0-183.12.63.20"}); str(dig(r, "data", 0, "sourceCidr")) != "10.6.1.0/24" {
		t.Fatalf("DescribeLocalSourceIPPortTranslationAclRule: %v", r)
	}
	must("DeleteLocalSourceIPPortTranslationNatRule", params.Tree{"localSourceIPPortTranslation": []any{map[string]any{"translationIPPool": "183.12.64.2"}}})
	_, err = op("DeleteLocalSourceIPPortTranslationNatRule", params.Tree{"localSourceIPPortTranslation": []any{map[string]any{"translationIPPool": "183.12.64.2"}}})
	wantErr(t, err, "InvalidTranslationIPPool.NotFound", "5000")

	// Local destination IP:port translation (dnapt).
	dnapt := func(origPort string) params.Tree {
		return params.Tree{"localDestinationIPPortTranslation": []any{map[string]any{"originalIP": "10.6.1.3", "originalPort": origPort, "translationIP": "183.0.0.1", "translationPort": "90", "proto": "tcp"}}}
	}
	must("CreateLocalDestinationIPPortTranslationNatRule", dnapt("80"))
	_, err = op("CreateLocalDestinationIPPortTranslationNatRule", dnapt("81"))
	wantErr(t, err, "InvalidTranslationIP.Duplicate", "5100")
	must("ModifyLocalDestinationIPPortTranslationNatRule", params.Tree{"oldOriginalIP": "10.6.1.3", "oldOriginalPort": "80", "oldTranslationIP": "183.0.0.1", "oldTranslationPort": "90", "oldProto": "tcp", "translationPort": "8080", "description": "web"})
	if r := must("DescribeLocalDestinationIPPortTranslationNatRule", params.Tree{"description": "we"}); str(dig(r, "data", 0, "translationPort")) != "8080" {
		t.Fatalf("DescribeLocalDestinationIPPortTranslationNatRule: %v", r)
	}
	_, err = op("DeleteLocalDestinationIPPortTranslationNatRule", dnapt("80"))
	wantErr(t, err, "InvalidLocalDestinationIPPortTranslation.NotFound", "5000")

	gw := must("DescribeDirectConnectGateway", params.Tree{})
	if str(dig(gw, "data", 0, "snatNum")) != "1" || str(dig(gw, "data", 0, "snaptNum")) != "1" || str(dig(gw, "data", 0, "dnaptNum")) != "1" ||
		str(dig(gw, "data", 0, "type")) != "1" || str(dig(gw, "data", 0, "directConnectGatewayName")) != "nat" {
		t.Fatalf("DescribeDirectConnectGateway: %v", gw)
	}
	// A gateway that is not of the NAT type keeps no rules.
	_, err = e.do(api.Legacy, "CreatePeerIPTranslationNatRule", params.Tree{"vpcId": vpcID, "directConnectGatewayId": plain, "peerIPTranslation": []any{map[string]any{"originalIP": "1.1.1.1", "translationIP": "2.2.2.2"}}})
	wantErr(t, err, "UnsupportedOperation", "5100")

	rt := str(dig(e.must(api.V3, "DescribeRouteTables", params.Tree{"Filters": []any{map[string]any{"Name": "vpc-id", "Values": []any{vpcID}}}}), "RouteTableSet", 0, "RouteTableId"))
	_, err = e.do(api.V3, "CreateRoutes", params.Tree{"RouteTableId": rt, "Routes": []any{map[string]any{"DestinationCidrBlock": "192.168.0.0/16", "GatewayType": "DIRECTCONNECT", "GatewayId": "dcg-00000000"}}})
	wantErr(t, err, "ResourceNotFound")
	e.must(api.V3, "CreateRoutes", params.Tree{"RouteTableId": rt, "Routes": []any{map[string]any{"DestinationCidrBlock": "192.168.0.0/16", "GatewayType": "DIRECTCONNECT", "GatewayId": dcg}}})
	must("ModifyDirectConnectGateway", params.Tree{"directConnectGatewayName": "renamed"})
	if r := e.must(api.Legacy, "DescribeDirectConnectGateway", params.Tree{"directConnectGatewayName": "renamed"}); str(r["totalCount"]) != "1" {
		t.Fatalf("after rename: %v", r)
	}
	del := must("DeleteDirectConnectGateway", params.Tree{})
	e.settle()
	if e.taskStatus("DescribeVpcTaskResult", dig(del, "data", "taskId")) != "0" {
		t.Fatal("delete task")
	}
	_, err = op("DescribeLocalIPTranslationNatRule", params.Tree{})
	wantErr(t, err, "InvalidDirectConnectGateway.NotFound", "5000")
	if r := e.must(api.V3, "DescribeRouteTables", params.Tree{"RouteTableIds": []any{rt}}); len(rows(dig(r, "RouteTableSet", 0, "RouteSet"))) != 0 {
		t.Fatalf("route through a deleted gateway: %v", r)
	}
}

// TestDirectConnectGatewayRuleChecks drives the checks every rule kind
// shares: addresses in or out of the VPC (an IP, a range or a block),
// rules not found by their keys, gateways of another VPC, ACL limits.
func TestDirectConnectGatewayRuleChecks(t *testing.T) {
	e := start(t, Options{})
	vpcID, _ := e.network("10.7.0.0/16", "10.7.1.0/24")
	otherVpc, _ := e.network("10.8.0.0/16", "10.8.1.0/24")
	dcg := str(dig(e.must(api.Legacy, "CreateDirectConnectGateway", params.Tree{"vpcId": vpcID, "directConnectGatewayName": "n", "type": "1"}), "data", "directConnectGatewayId"))
	op := func(action string, p params.Tree) (map[string]any, error) {
		if p["vpcId"] == nil {
			p["vpcId"] = vpcID
		}
		p["directConnectGatewayId"] = dcg
		r, err := e.do(api.Legacy, action, p)
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}
	for _, c := range []struct {
		action string
		p      params.Tree
		code   string
		public string
	}{
		{"CreateLocalIPTranslationNatRule", params.Tree{"localIPTranslation": []any{map[string]any{"originalIP": "10.7.1.5", "translationIP": "10.7.3.3"}}}, "InvalidTranslationIP.InVpcCidr", "4000"},
		{"CreateLocalSourceIPPortTranslationNatRule", params.Tree{"localSourceIPPortTranslation": []any{map[string]any{"translationIPPool": "10.7.0.0/24"}}}, "InvalidTranslationIPPool.NotInVpcCidr", "4000"},
		{"CreateLocalSourceIPPortTranslationNatRule", params.Tree{"localSourceIPPortTranslation": []any{map[string]any{"translationIPPool": "10.6.255.250-10.7.0.3"}}}, "InvalidTranslationIPPool.NotInVpcCidr", "4000"},
		{"CreateLocalDestinationIPPortTranslationNatRule", params.Tree{"localDestinationIPPortTranslation": []any{map[string]any{"originalIP": "10.9.1.3", "originalPort": "80", "translationIP": "183.0.0.1", "translationPort": "90", "proto": "TCP"}}}, "InvalidOriginalIP.NotInVpcCidr", "4000"},
		{"DescribeLocalIPTranslationNatRule", params.Tree{"originalIP": "10.7.1.9"}, "InvalidLocalIPTranslation.NotFound", "5000"},
		{"DescribePeerIPTranslationNatRule", params.Tree{"translationIP": "1.2.3.4"}, "InvalidPeerIPTranslation.NotFound", "5000"},
		{"ModifyLocalSourceIPPortTranslationNatRule", params.Tree{"oldTranslationIPPool": "183.1.0.0/28", "description": "x"}, "InvalidTranslationIPPool.NotFound", "5000"},
		{"DescribeLocalSourceIPPortTranslationAclRule", params.Tree{"translationIPPool": "183.1.0.0/28"}, "InvalidLocalSourceIPPortTranslation.NotFound", "5000"},
		{"ModifyDirectConnectGateway", params.Tree{"vpcId": otherVpc, "directConnectGatewayName": "x"}, "InvalidDirectConnectGateway.NotFound", "5000"},
		{"DeleteDirectConnectGateway", params.Tree{"vpcId": "vpc-00000000"}, "InvalidVpc.NotFound", "5000"},
	} {
		_, err := op(c.action, c.p)
		wantErr(t, err, c.code, c.public)
	}
	_, err := e.do(api.Legacy, "DescribeDirectConnectGateway", params.Tree{"vpcId": "vpc-00000000"})
	wantErr(t, err, "InvalidVpc.NotFound", "5000")
	_, err = e.do(api.Legacy, "DescribeDirectConnectGateway", params.Tree{"directConnectGatewayId": "dcg-00000000"})
	wantErr(t, err, "InvalidDirectConnectGateway.NotFound", "5000")

	// A block outside the VPC is a pool; the protocol of a port
	// translation is kept in lower case, whatever case it came in.
	r, err := op("CreateLocalSourceIPPortTranslationNatRule", params.Tree{"localSourceIPPortTranslation": []any{map[string]any{"translationIPPool": "183.1.0.0/28"}}})
	if err != nil || str(dig(r, "data", "taskId")) == "" {
		t.Fatal(err)
	}
	if _, err := op("CreateLocalDestinationIPPortTranslationNatRule", params.Tree{"localDestinationIPPortTranslation": []any{map[string]any{"originalIP": "10.7.1.3", "originalPort": "80", "translationIP": "183.0.0.1", "translationPort": "90", "proto": "TCP"}}}); err != nil {
		t.Fatal(err)
	}
	r, err = op("DescribeLocalDestinationIPPortTranslationNatRule", params.Tree{"proto": "Tcp"})
	if err != nil || str(dig(r, "data", 0, "proto")) != "tcp" || str(r["totalCount"]) != "1" {
		t.Fatalf("DescribeLocalDestinationIPPortTranslationNatRule: %v %v", r, err)
	}

	// A translation keeps 20 ACL rules; an unknown rule is not found.
	acls := func(n int) []any {
		var out []any
		for i := range n {
			out = append(out, map[string]any{"protocol": "tcp", "sourceCidr": "10.7.1.0/24", "sourcePort": strconv.Itoa(i), "destinationCidr": "", "destinationPort": ""})
		}
		return out
	}
	if _, err := op("CreateLocalSourceIPPortTranslationAclRule", params.Tree{"translationIPPool": "183.1.0.0/28", "aclRules": acls(20)}); err != nil {
		t.Fatal(err)
	}
	_, err = op("CreateLocalSourceIPPortTranslationAclRule", params.Tree{"translationIPPool": "183.1.0.0/28", "aclRules": acls(1)})
	wantErr(t, err, "AclRuleLimitExceeded", "5100")
	_, err = op("DeleteLocalSourceIPPortTranslationAclRule", params.Tree{"translationIPPool": "183.1.0.0/28", "aclRules": []any{"999999"}})
	wantErr(t, err, "ResourceNotFound", "5000")
	if r, err := op("DescribeLocalSourceIPPortTranslationAclRule", params.Tree{"translationIPPool": "183.1.0.0/28"}); err != nil || len(rows(r["data"])) != 20 {
		t.Fatalf("DescribeLocalSourceIPPortTranslationAclRule: %v %v", r, err)
	}
}
