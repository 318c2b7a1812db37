package emulator

import (
	"fmt"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// TestSubnetZones checks that a subnet's zone is one of the request's
// region in both styles: a name of its zone table (or REGION-1 to
// REGION-9 for a region the table lists no zones of), a legacy number of
// that table (or RRR00N of no listed region).
func TestSubnetZones(t *testing.T) {
	e := start(t, Options{RateLimit: -1})
	for _, r := range []struct {
		region, short, good, goodID string
		bad, badIDs                 []string
	}{
		{"ap-guangzhou", "gz", "ap-guangzhou-3", "100003",
			[]string{"ap-shanghai-1", "ap-guangzhou-9", "ap-guangzhou-99"}, []string{"100009", "200001", "999999", "3", "gz-3"}},
		{"ap-tokyo", "jp", "ap-tokyo-1", "250001",
			[]string{"ap-tokyo-10", "ap-guangzhou-1"}, []string{"100001", "160001", "250010", "250000"}},
	} {
		do := e.in(r.region, r.short)
		out, err := do(api.V3, "CreateVpc", params.Tree{"VpcName": "v", "CidrBlock": "10.0.0.0/16"})
		if err != nil {
			t.Fatal(err)
		}
		vpc := str(dig(out, "Vpc", "VpcId"))
		v3 := func(zone, cidr string) error {
			_, err := do(api.V3, "CreateSubnet", params.Tree{"VpcId": vpc, "SubnetName": "s", "CidrBlock": cidr, "Zone": zone})
			return err
		}
		legacy := func(action, id, cidr string) (map[string]any, error) {
			p := params.Tree{"vpcId": vpc, "subnetSet": []any{map[string]any{"subnetName": "l", "cidrBlock": cidr, "zoneId": id}}}
			if action == "CreateVpc" {
				p = params.Tree{"vpcName": "l", "cidrBlock": "10.1.0.0/16", "subnetSet": p["subnetSet"]}
			}
			return do(api.Legacy, action, p)
		}
		for _, zone := range r.bad {
			if err := v3(zone, "10.0.9.0/24"); apiCode(t, err) != "InvalidParameterValue" {
				t.Errorf("%s: zone %s: %v", r.region, zone, err)
			}
		}
		for _, id := range r.badIDs {
			_, err := legacy("CreateSubnet", id, "10.0.9.0/24")
			wantErr(t, err, "InvalidZone.NotFound", "5000")
			// CreateVpc's page lists no zone code: the common one.
			_, err = legacy("CreateVpc", id, "10.1.1.0/24")
			wantErr(t, err, "InvalidParameterValue", "5000")
		}
		if err := v3(r.good, "10.0.1.0/24"); err != nil {
			t.Fatalf("%s: zone %s: %v", r.region, r.good, err)
		}
		out, err = legacy("CreateSubnet", r.goodID, "10.0.2.0/24")
		if err != nil {
			t.Fatalf("%s: zoneId %s: %v", r.region, r.goodID, err)
		}
		zone := ""
		if r.region == "ap-guangzhou" {
			zone = r.good // a zone the table names
		}
		if str(dig(out, "subnetSet", 0, "zoneId")) != r.goodID || str(dig(out, "subnetSet", 0, "zone")) != zone {
			t.Errorf("%s: legacy subnet: %v", r.region, out)
		}
		list, err := do(api.Legacy, "DescribeVpcEx", nil)
		if err != nil || str(list["totalCount"]) != "1" {
			t.Errorf("%s: a VPC was made with a refused subnet: %v %v", r.region, list, err)
		}
	}
}

// TestLegacySubnetListing checks DescribeSubnetEx's zoneIds, name and
// VPC filters, and that a legacy subnet is found only with its VPC.
func TestLegacySubnetListing(t *testing.T) {
	e := start(t, Options{})
	vpc, sub := e.network("10.3.0.0/16", "10.3.1.0/24") // in ap-guangzhou-3
	e.must(api.Legacy, "CreateSubnet", params.Tree{"vpcId": vpc, "subnetSet": []any{map[string]any{"subnetName": "one", "cidrBlock": "10.3.2.0/24", "zoneId": "100001"}}})
	other, _ := e.network("10.4.0.0/16", "10.4.1.0/24")
	names := func(p params.Tree) []string {
		var out []string
		for _, r := range rows(e.must(api.Legacy, "DescribeSubnetEx", p)["data"]) {
			out = append(out, str(dig(r, "subnetName"))+"@"+str(dig(r, "zoneId")))
		}
		return out
	}
	for _, c := range []struct {
		p    params.Tree
		want string
	}{
		{params.Tree{"vpcId": vpc, "zoneIds": []any{"100003"}}, "[sub@100003]"},
		{params.Tree{"vpcId": vpc, "zoneIds": []any{"100001", "100003"}, "orderField": "subnetName", "orderDirection": "asc"}, "[one@100001 sub@100003]"},
		{params.Tree{"zoneIds": []any{"100002"}}, "[]"},
		{params.Tree{"vpcId": vpc, "subnetName": "on"}, "[one@100001]"},
		{params.Tree{"zoneIds": []any{"100003"}}, "[sub@100003 sub@100003]"},
	} {
		if got := fmt.Sprint(names(c.p)); got != c.want {
			t.Errorf("DescribeSubnetEx %v: %s, want %s", c.p, got, c.want)
		}
	}
	set := func(cidrs ...string) params.Tree {
		var l []any
		for _, c := range cidrs {
			l = append(l, map[string]any{"subnetName": "n", "cidrBlock": c, "zoneId": "100003"})
		}
		return params.Tree{"vpcId": vpc, "subnetSet": l}
	}
	for _, c := range []struct {
		p            params.Tree
		code, public string
	}{
		{set("10.3.8.0/24", "10.3.8.128/25"), "InvalidSubnet.Conflict", "5100"},
		{set("10.3.2.0/25"), "InvalidSubnet.Conflict", "5100"},
		{set("10.3.9.0/24", "10.4.0.0/24"), "InvalidSubnetCidr", "4000"},
		{set("10.3.9.0/29"), "InvalidSubnetCidr", "4000"},
	} {
		_, err := e.do(api.Legacy, "CreateSubnet", c.p)
		wantErr(t, err, c.code, c.public)
	}
	// The page lists codes for an unknown VPC or subnet.
	_, err := e.do(api.Legacy, "DescribeSubnetEx", params.Tree{"vpcId": "vpc-00000000"})
	wantErr(t, err, "InvalidVpc.NotFound", "5000")
	_, err = e.do(api.Legacy, "DescribeSubnetEx", params.Tree{"subnetId": "subnet-00000000"})
	wantErr(t, err, "InvalidSubnet.NotFound", "5000")
	if got := fmt.Sprint(names(params.Tree{"vpcId": other, "subnetId": sub})); got != "[]" {
		t.Errorf("a subnet listed with another VPC: %s", got)
	}
	one := e.must(api.Legacy, "DescribeSubnet", params.Tree{"vpcId": vpc, "subnetId": sub})
	if str(one["subnetName"]) != "sub" || str(one["zoneId"]) != "100003" {
		t.Fatalf("DescribeSubnet: %v", one)
	}
	for _, action := range []string{"DescribeSubnet", "DeleteSubnet", "ModifySubnetAttribute"} {
		p := params.Tree{"vpcId": other, "subnetId": sub}
		if action == "ModifySubnetAttribute" {
			p["subnetName"] = "x"
		}
		_, err := e.do(api.Legacy, action, p)
		wantErr(t, err, "InvalidSubnet.NotFound", "5000")
	}
	_, err = e.do(api.Legacy, "ModifySubnetAttribute", params.Tree{"vpcId": vpc, "subnetId": sub, "subnetName": "one"})
	wantErr(t, err, "InvalidSubnetName", "4000")
	_, err = e.do(api.Legacy, "ModifySubnetAttribute", params.Tree{"vpcId": vpc, "subnetId": sub, "subnetName": ""})
	wantErr(t, err, "InvalidSubnetName", "4000")
	e.must(api.V3, "ModifySubnetAttribute", params.Tree{"SubnetId": sub, "SubnetName": "one", "EnableBroadcast": "true"})
	if s := e.must(api.V3, "DescribeSubnets", params.Tree{"SubnetIds": []any{sub}}); str(dig(s, "SubnetSet", 0, "SubnetName")) != "one" || str(dig(s, "SubnetSet", 0, "EnableBroadcast")) != "true" {
		t.Fatalf("v3 ModifySubnetAttribute: %v", s)
	}
}
