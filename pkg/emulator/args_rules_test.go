package emulator

import (
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/api/model"
)

func documents(op *model.Operation, code string) bool {
	for _, e := range op.Errors {
		if e.Code == code {
			return true
		}
	}
	return false
}

// The parameter checks are the model's: a broken rule is refused before
// any state changes, with the code the service uses for it.
func TestModelRulesAnswerWithServiceCodes(t *testing.T) {
	e := start(t, Options{})
	long := strings.Repeat("v", 61)
	cases := []struct {
		style  api.Style
		action string
		p      map[string]any
		code   string // API 3.0 code where the page lists it, or the legacy CodeDesc
		names  string
	}{
		{api.V3, "DescribeCustomerGateways", map[string]any{"Limit": "101"}, "InvalidParameterValue.Range", "Limit"},
		{api.V3, "CreateVpc", map[string]any{"VpcName": "a\nb", "CidrBlock": "10.0.0.0/16"}, "InvalidParameterValue.Malformed", "VpcName"},
		{api.V3, "CreateVpc", map[string]any{"VpcName": long, "CidrBlock": "10.0.0.0/16"}, "InvalidParameterValue.TooLong", "VpcName"},
		{api.V3, "CreateVpc", map[string]any{"VpcName": "v", "CidrBlock": "fd00::/8"}, "InvalidParameterValue.Malformed", "CidrBlock"},
		{api.V3, "CreateVpc", map[string]any{"VpcName": "v", "CidrBlock": "10.0.0.0/16",
			"DnsServers": []any{"1.1.1.1", "1.1.1.2", "1.1.1.3", "1.1.1.4", "1.1.1.5"}}, "InvalidParameterValue.LimitExceeded", "DnsServers"},
		{api.V3, "DeleteVpc", map[string]any{"VpcId": "vpc-123"}, "InvalidParameterValue.Malformed", "VpcId"},
		{api.Legacy, "DescribeVpcEx", map[string]any{"orderDirection": "up"}, "InvalidParameterValue", "orderDirection"},
		{api.Legacy, "DescribeVpcEx", map[string]any{"orderField": "name"}, "InvalidParameterValue", "orderField"},
		{api.Legacy, "DescribeVpcEx", map[string]any{"offset": "-1"}, "InvalidParameterValue", "offset"},
	}
	for _, c := range cases {
		if op, _ := model.Find(c.action, c.style); c.style == api.V3 && !documents(op, c.code) {
			c.code = "InvalidParameterValue"
		}
		_, err := e.do(c.style, c.action, c.p)
		ae, ok := err.(*api.Error)
		got := ""
		if ok {
			got = ae.Code
			if c.style == api.Legacy {
				got = ae.CodeDesc
			}
		}
		if got != c.code || !strings.Contains(err.Error(), c.names) {
			t.Errorf("%s %s %v: got %v, want %s naming %s", c.style, c.action, c.p, err, c.code, c.names)
		}
	}
	if n := len(e.must(api.V3, "DescribeVpcs", nil)["VpcSet"].([]any)); n != 0 {
		t.Fatalf("%d VPCs created by refused requests", n)
	}
}
