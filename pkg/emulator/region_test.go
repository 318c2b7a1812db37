package emulator

import (
	"context"
	"fmt"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

func (e *env) in(region, legacy string) func(api.Style, string, params.Tree) (map[string]any, error) {
	c := api.New(api.Config{SecretID: DemoSecretID, SecretKey: DemoSecretKey, Region: region, LegacyRegion: legacy, Endpoint: e.ts.URL})
	return func(st api.Style, action string, p params.Tree) (map[string]any, error) {
		r, err := c.Do(context.Background(), api.Request{Action: action, Style: st, Params: p})
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}
}

// TestRegions checks that each region sees its own resources in both
// styles and under both names, that IDs never collide across regions,
// that zones are the region's, and that an unknown region is refused.
func TestRegions(t *testing.T) {
	e := start(t, Options{RateLimit: -1})
	gz, gzShort, sh, shShort := e.in("ap-guangzhou", "gz"), e.in("ap-guangzhou", "ap-guangzhou"), e.in("ap-shanghai", "ap-shanghai"), e.in("ap-shanghai", "sh")
	must := func(do func(api.Style, string, params.Tree) (map[string]any, error), st api.Style, action string, p params.Tree) map[string]any {
		t.Helper()
		out, err := do(st, action, p)
		if err != nil {
			t.Fatalf("%s: %v", action, err)
		}
		return out
	}
	vpc := str(dig(must(gz, api.V3, "CreateVpc", params.Tree{"VpcName": "gz", "CidrBlock": "10.0.0.0/16"}), "Vpc", "VpcId"))
	count := func(do func(api.Style, string, params.Tree) (map[string]any, error)) string {
		v3 := str(must(do, api.V3, "DescribeVpcs", nil)["TotalCount"])
		legacy := str(must(do, api.Legacy, "DescribeVpcEx", nil)["totalCount"])
		return v3 + "/" + legacy
	}
	if got := count(gz); got != "1/1" {
		t.Fatalf("ap-guangzhou sees %s VPCs (v3/legacy), want 1/1", got)
	}
	if got := count(gzShort); got != "1/1" {
		t.Fatalf("legacy Region=ap-guangzhou sees %s, want 1/1", got)
	}
	if got := count(sh); got != "0/0" {
		t.Fatalf("ap-shanghai sees %s VPCs, want none", got)
	}
	if got := count(shShort); got != "0/0" {
		t.Fatalf("sh sees %s VPCs, want none", got)
	}
	if _, err := sh(api.V3, "DeleteVpc", params.Tree{"VpcId": vpc}); apiCode(t, err) != "ResourceNotFound" {
		t.Fatalf("delete from another region: %v", err)
	}
	if _, err := shShort(api.Legacy, "ModifyVpcAttribute", params.Tree{"vpcId": vpc, "vpcName": "x"}); apiCode(t, err) != "5000" {
		t.Fatalf("legacy modify from another region: %v", err)
	}

	// The same CIDR in both regions; IDs from a shared numbering.
	seen := map[string]string{vpc: "gz"}
	for i := range 50 {
		for name, do := range map[string]func(api.Style, string, params.Tree) (map[string]any, error){"gz": gz, "sh": sh} {
			id := str(dig(must(do, api.V3, "CreateVpc", params.Tree{"VpcName": "v", "CidrBlock": fmt.Sprintf("10.%d.0.0/16", i+1)}), "Vpc", "VpcId"))
			if seen[id] != "" {
				t.Fatalf("%s: ID %s was handed out in %s already", name, id, seen[id])
			}
			seen[id] = name
		}
	}

	// Zones are the region's.
	shVpc := str(dig(must(sh, api.V3, "CreateVpc", params.Tree{"VpcName": "sh", "CidrBlock": "172.16.0.0/16"}), "Vpc", "VpcId"))
	for _, zone := range []string{"ap-guangzhou-3", "ap-shanghai-99"} {
		_, err := sh(api.V3, "CreateSubnet", params.Tree{"VpcId": shVpc, "SubnetName": "s", "CidrBlock": "172.16.1.0/24", "Zone": zone})
		if err == nil || apiCode(t, err) != "InvalidParameterValue" {
			t.Fatalf("zone %s in ap-shanghai: %v", zone, err)
		}
	}
	must(sh, api.V3, "CreateSubnet", params.Tree{"VpcId": shVpc, "SubnetName": "s", "CidrBlock": "172.16.1.0/24", "Zone": "ap-shanghai-2"})
	if _, err := shShort(api.Legacy, "CreateSubnet", params.Tree{"vpcId": shVpc, "subnetSet": []any{map[string]any{"subnetName": "l", "cidrBlock": "172.16.2.0/24", "zoneId": "100003"}}}); apiCode(t, err) != "5000" {
		t.Fatalf("legacy zoneId of ap-guangzhou in sh: %v", err)
	}

	for _, style := range []api.Style{api.V3, api.Legacy} {
		_, err := e.in("ap-nowhere", "nowhere")(style, "DescribeVpcs", nil)
		if style == api.Legacy {
			_, err = e.in("ap-nowhere", "nowhere")(style, "DescribeVpcEx", nil)
		}
		ae, ok := err.(*api.Error)
		if !ok || (style == api.V3 && ae.Code != "UnsupportedRegion") || (style == api.Legacy && (ae.Code != "4000" || ae.CodeDesc != "UnsupportedRegion")) {
			t.Fatalf("%s unknown region: %v", style, err)
		}
	}
}
