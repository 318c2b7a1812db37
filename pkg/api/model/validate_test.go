package model

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/params"
)

func mustFind(t *testing.T, action string, style Style) *Operation {
	t.Helper()
	op, ok := Find(action, style)
	if !ok {
		t.Fatalf("no %s %s", style, action)
	}
	return op
}

func tree(t *testing.T, flat map[string]string) map[string]any {
	t.Helper()
	tr, err := params.Unflatten(flat)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestValidationMessages(t *testing.T) {
	cases := []struct {
		name   string
		action string
		style  Style
		flat   map[string]string
		want   string
	}{
		{
			"missing", "DeleteVpnConnection", V3,
			map[string]string{"VpnConnectionId": "vpnx-11111111"},
			"parameter VpnGatewayId: required",
		},
		{
			"unknown with suggestion", "DeleteVpnConnection", V3,
			map[string]string{"VpnGateway": "vpngw-11111111", "VpnConnectionId": "vpnx-11111111"},
			"unknown parameter --VpnGateway (did you mean VpnGatewayId?); valid: VpnGatewayId, VpnConnectionId",
		},
		{
			"unknown, case only", "DeleteVpnConn", Legacy,
			map[string]string{"VpcId": "vpc-11111111", "vpnGwId": "vpngw-11111111", "vpnConnId": "vpnx-11111111"},
			"unknown parameter --VpcId (did you mean vpcId?); valid: vpcId, vpnGwId, vpnConnId",
		},
		{
			"unknown, nothing close", "DeleteVpnConnection", V3,
			map[string]string{"Zebra": "1"},
			"unknown parameter --Zebra; valid: VpnGatewayId, VpnConnectionId",
		},
		{
			"not an integer", "AllocateAddresses", V3,
			map[string]string{"AddressCount": "two"},
			`parameter AddressCount: want an integer, got "two"`,
		},
		{
			"not a boolean", "CreateDefaultVpc", V3,
			map[string]string{"Force": "yes"},
			`parameter Force: want true or false, got "yes"`,
		},
		{
			"bad enum", "DescribeVpcLimit", Legacy,
			map[string]string{"type.0": "1", "type.1": "6"},
			`parameter type.1: "6" is not one of 0, 1, 2, 3, 4, 5, 7, 8, 15, 17, 18, 20, 22, 32, 34, 36, 38, 44, 51, 55, 56, 57`,
		},
		{
			"bad enum in an object", "CreateVpnConnection", V3,
			map[string]string{
				"VpcId": "vpc-11111111", "VpnGatewayId": "vpngw-11111111", "CustomerGatewayId": "cgw-11111111",
				"VpnConnectionName": "n", "PreShareKey": "k",
				"SecurityPolicyDatabases.0.LocalCidrBlock":    "10.0.0.0/24",
				"SecurityPolicyDatabases.0.RemoteCidrBlock.0": "10.1.0.0/24",
				"IKEOptionsSpecification.ExchangeMode":        "FAST",
			},
			`parameter IKEOptionsSpecification.ExchangeMode: "FAST" is not one of AGGRESSIVE, MAIN`,
		},
		{
			"nested missing", "DescribeVpcs", V3,
			map[string]string{"Filters.0.Name": "vpc-id", "Filters.0.Values.0": "vpc-11111111", "Filters.1.Values.0": "x"},
			"parameter Filters.1.Name: required",
		},
		{
			"nested not a list", "DescribeVpcs", V3,
			map[string]string{"Filters.0.Name": "vpc-id", "Filters.0.Values": "vpc-11111111"},
			"parameter Filters.0.Values: want a list (Filters.0.Values.0, Filters.0.Values.1, …), got \"vpc-11111111\"",
		},
		{
			"nested unknown", "DescribeVpcs", V3,
			map[string]string{"Filters.0.Nam": "vpc-id", "Filters.0.Values.0": "vpc-11111111"},
			"unknown parameter --Filters.0.Nam (did you mean Filters.0.Name?); valid: Name, Values",
		},
		{
			"element not an object", "DescribeVpcs", V3,
			map[string]string{"Filters.0": "vpc-id"},
			`parameter Filters.0: want an object, got "vpc-id"`,
		},
		{
			"legacy array of objects", "CreateSubnet", Legacy,
			map[string]string{"vpcId": "vpc-11111111", "subnetSet.0.subnetName": "a", "subnetSet.0.cidrBlock": "10.0.0.0/24"},
			"parameter subnetSet.0.zoneId: required",
		},
		{
			"legacy integer", "DescribeVpcEx", Legacy,
			map[string]string{"limit": "1.5"},
			`parameter limit: want an integer, got "1.5"`,
		},
		{
			"object given a value", "CreateVpnGateway", V3,
			map[string]string{"VpcId": "vpc-11111111", "VpnGatewayName": "g", "InternetMaxBandwidthOut": "5", "InstanceChargePrepaid": "12"},
			`parameter InstanceChargePrepaid: want an object, got "12"`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			op := mustFind(t, c.action, c.style)
			err := op.Validate(tree(t, c.flat))
			if err == nil {
				t.Fatalf("no error; want %q", c.want)
			}
			if err.Error() != c.want {
				t.Fatalf("got  %q\nwant %q", err.Error(), c.want)
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error is %T, not *ValidationError", err)
			}
		})
	}
}

func TestValidationErrorFields(t *testing.T) {
	op := mustFind(t, "DeleteVpnConnection", V3)
	err := op.Validate(map[string]any{"VpnGateway": "x"})
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v", err)
	}
	if ve.Param != "VpnGateway" || ve.Problem != ProblemUnknown || ve.Suggest != "VpnGatewayId" || len(ve.Valid) != 2 {
		t.Fatalf("got %+v", ve)
	}
}

func TestValidateAcceptsTypedLeaves(t *testing.T) {
	op := mustFind(t, "CreateDefaultVpc", V3)
	for _, v := range []any{true, "false"} {
		if err := op.Validate(map[string]any{"Force": v}); err != nil {
			t.Errorf("Force=%v: %v", v, err)
		}
	}
	op = mustFind(t, "DescribeVpcEx", Legacy)
	if err := op.Validate(map[string]any{"offset": "-1"}); err == nil {
		t.Errorf("offset -1 accepted")
	}
	for _, v := range []any{"10", json.Number("10"), 10, 10.0} {
		if err := op.Validate(map[string]any{"limit": v}); err != nil {
			t.Errorf("limit=%#v: %v", v, err)
		}
	}
	for _, v := range []any{true, 1.5, json.Number("1e3"), []any{"1"}} {
		if err := op.Validate(map[string]any{"limit": v}); err == nil {
			t.Errorf("limit=%#v accepted", v)
		}
	}
	op = mustFind(t, "AttachClassicLinkVpc", V3)
	if err := op.Validate(map[string]any{"VpcId": "vpc-11111111", "InstanceIds": []string{"ins-11111111"}}); err != nil {
		t.Errorf("[]string list: %v", err)
	}
	if err := op.Validate(map[string]any{"VpcId": "vpc-11111111", "InstanceIds": "ins-11111111"}); err == nil {
		t.Error("a single value for an array was accepted")
	}
	err := op.Validate(map[string]any{"VpcId": "vpc-11111111", "InstanceIds": []any{}})
	if err == nil || err.Error() != "parameter InstanceIds: required" {
		t.Errorf("empty required list: %v", err)
	}
}

func TestFloat(t *testing.T) {
	op := &Operation{Params: []Param{{Name: "Ratio", Type: Float}}}
	for _, v := range []any{"0.5", json.Number("2"), "-3e2"} {
		if err := op.Validate(map[string]any{"Ratio": v}); err != nil {
			t.Errorf("Ratio=%v: %v", v, err)
		}
	}
	err := op.Validate(map[string]any{"Ratio": "half"})
	if err == nil || err.Error() != `parameter Ratio: want a number, got "half"` {
		t.Errorf("got %v", err)
	}
	got, err := op.Coerce(map[string]any{"Ratio": "0.5"})
	if err != nil || got["Ratio"] != json.Number("0.5") {
		t.Errorf("Coerce = %#v, %v", got, err)
	}
}

func TestCoerce(t *testing.T) {
	op := mustFind(t, "CreateVpnConnection", V3)
	in := tree(t, map[string]string{
		"VpcId": "vpc-11111111", "VpnGatewayId": "vpngw-11111111", "CustomerGatewayId": "cgw-11111111",
		"VpnConnectionName": "n", "PreShareKey": "123456",
		"SecurityPolicyDatabases.0.LocalCidrBlock":     "10.0.0.0/24",
		"SecurityPolicyDatabases.0.RemoteCidrBlock.0":  "10.1.0.0/24",
		"IKEOptionsSpecification.IKESaLifetimeSeconds": "86400",
	})
	out, err := op.Coerce(in)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"CustomerGatewayId":"cgw-11111111","IKEOptionsSpecification":{"IKESaLifetimeSeconds":86400},` +
		`"PreShareKey":"123456","SecurityPolicyDatabases":[{"LocalCidrBlock":"10.0.0.0/24","RemoteCidrBlock":["10.1.0.0/24"]}],` +
		`"VpcId":"vpc-11111111","VpnConnectionName":"n","VpnGatewayId":"vpngw-11111111"}`
	if string(b) != want {
		t.Fatalf("got  %s\nwant %s", b, want)
	}
	// A number given for a String parameter travels as a string.
	op = mustFind(t, "DescribeVpcs", V3)
	out, err = op.Coerce(map[string]any{"Offset": json.Number("42")})
	if err != nil || out["Offset"] != "42" {
		t.Fatalf("Coerce = %#v, %v", out, err)
	}
	op = mustFind(t, "CreateDefaultVpc", V3)
	out, err = op.Coerce(map[string]any{"Force": "true"})
	if err != nil || out["Force"] != true {
		t.Fatalf("Coerce = %#v, %v", out, err)
	}
	if _, err := op.Coerce(map[string]any{"Force": "maybe"}); err == nil {
		t.Fatal("Coerce accepted an invalid tree")
	}
	// The input is left alone.
	if in["IKEOptionsSpecification"].(map[string]any)["IKESaLifetimeSeconds"] != "86400" {
		t.Fatal("Coerce changed its input")
	}
}

func TestClosest(t *testing.T) {
	valid := []string{"VpcId", "VpnGatewayId", "Filters", "Limit", "Offset"}
	for in, want := range map[string]string{
		"vpcid":      "VpcId",
		"Filter":     "Filters",
		"Limt":       "Limit",
		"VpnGateway": "VpnGatewayId",
		"Offest":     "Offset",
		"Zone":       "",
		"X":          "",
	} {
		if got := closest(in, valid); got != want {
			t.Errorf("closest(%q) = %q, want %q", in, got, want)
		}
	}
}
