package emulator

import (
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// TestPopulateAndPages fills the store, deletes from the middle, and
// checks that pages, the parent index and both styles agree on order and
// counts.
func TestPopulateAndPages(t *testing.T) {
	e := start(t, Options{RateLimit: -1})
	if err := e.srv.Populate(3, 4); err != nil {
		t.Fatal(err)
	}
	all := e.must(api.V3, "DescribeSubnets", params.Tree{"Limit": "100"})
	if str(all["TotalCount"]) != "12" || str(dig(all, "SubnetSet", 5, "SubnetName")) != "populate-1-1" || str(dig(all, "SubnetSet", 5, "CidrBlock")) != "10.1.1.0/24" {
		t.Fatalf("populated: %v", all)
	}
	vpc1 := str(dig(all, "SubnetSet", 4, "VpcId"))
	doomed := str(dig(all, "SubnetSet", 5, "SubnetId"))
	e.must(api.V3, "DeleteSubnet", params.Tree{"SubnetId": doomed})

	page := e.must(api.V3, "DescribeSubnets", params.Tree{"Offset": "4", "Limit": "3"})
	var names []string
	for i := range 3 {
		names = append(names, str(dig(page, "SubnetSet", i, "SubnetName")))
	}
	if str(page["TotalCount"]) != "11" || names[0] != "populate-1-0" || names[1] != "populate-1-2" || names[2] != "populate-1-3" {
		t.Fatalf("page after delete: %v %v", page["TotalCount"], names)
	}
	byVpc := e.must(api.V3, "DescribeSubnets", params.Tree{"Offset": "1", "Limit": "5", "Filters": []any{map[string]any{"Name": "vpc-id", "Values": []any{vpc1}}}})
	if str(byVpc["TotalCount"]) != "3" || str(dig(byVpc, "SubnetSet", 0, "SubnetName")) != "populate-1-2" || dig(byVpc, "SubnetSet", 2) != nil {
		t.Fatalf("vpc-id filter: %v", byVpc)
	}
	// The legacy default order is newest first.
	leg := e.must(api.Legacy, "DescribeSubnetEx", params.Tree{"vpcId": vpc1, "limit": "2"})
	if str(leg["totalCount"]) != "3" || str(dig(leg, "data", 0, "subnetName")) != "populate-1-3" || str(dig(leg, "data", 1, "subnetName")) != "populate-1-2" {
		t.Fatalf("legacy page: %v", leg)
	}
	vpcs := e.must(api.Legacy, "DescribeVpcEx", params.Tree{"orderDirection": "asc", "offset": "1"})
	if str(vpcs["totalCount"]) != "3" || str(dig(vpcs, "data", 0, "vpcName")) != "populate-1" || str(dig(vpcs, "data", 0, "subnetNum")) != "3" {
		t.Fatalf("legacy VPCs: %v", vpcs)
	}
	if _, _, err := ParsePopulate("300x1"); err == nil {
		t.Fatal("300 VPCs accepted")
	}
	if v, s, err := ParsePopulate("200x100"); err != nil || v != 200 || s != 100 {
		t.Fatalf("ParsePopulate: %d %d %v", v, s, err)
	}
}
