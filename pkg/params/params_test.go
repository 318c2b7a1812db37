package params

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestFlattenLegacyAndV3Shapes(t *testing.T) {
	tree := Tree{
		"vpcId":     "vpc-03vihbk9",
		"subnetSet": []any{map[string]any{"cidrBlock": "10.0.1.0/24", "subnetName": "a"}, map[string]any{"cidrBlock": "10.0.2.0/24"}},
		"Filters":   []any{map[string]any{"Name": "vpc-name", "Values": []any{"a", "b"}}},
		"Limit":     json.Number("20"),
		"Enable":    true,
		"Empty":     []any{},
	}
	got := Flatten(tree)
	want := map[string]string{
		"vpcId":                  "vpc-03vihbk9",
		"subnetSet.0.cidrBlock":  "10.0.1.0/24",
		"subnetSet.0.subnetName": "a",
		"subnetSet.1.cidrBlock":  "10.0.2.0/24",
		"Filters.0.Name":         "vpc-name",
		"Filters.0.Values.0":     "a",
		"Filters.0.Values.1":     "b",
		"Limit":                  "20",
		"Enable":                 "true",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Flatten:\n got %v\nwant %v", got, want)
	}
}

func TestUnflattenRoundTrip(t *testing.T) {
	flat := map[string]string{
		"Filters.0.Name":     "vpc-name",
		"Filters.0.Values.0": "a",
		"Filters.0.Values.1": "b",
		"Filters.1.Name":     "vpc-id",
		"Filters.1.Values.0": "vpc-1",
		"subnetSet.0.zoneId": "100003",
		"VpnConnectionId":    "vpnx-f29e6u0z",
		"Placement.Zone":     "ap-guangzhou-3",
		"InstanceIds.0":      "ins-1",
		"InstanceIds.10":     "ins-11",
		"InstanceIds.1":      "ins-2",
		"InstanceIds.2":      "ins-3",
		"InstanceIds.3":      "ins-4",
		"InstanceIds.4":      "ins-5",
		"InstanceIds.5":      "ins-6",
		"InstanceIds.6":      "ins-7",
		"InstanceIds.7":      "ins-8",
		"InstanceIds.8":      "ins-9",
		"InstanceIds.9":      "ins-10",
	}
	tree, err := Unflatten(flat)
	if err != nil {
		t.Fatal(err)
	}
	ids := tree["InstanceIds"].([]any)
	if len(ids) != 11 || ids[10] != "ins-11" || ids[2] != "ins-3" {
		t.Fatalf("InstanceIds out of order: %v", ids)
	}
	if got := tree["Placement"].(map[string]any)["Zone"]; got != "ap-guangzhou-3" {
		t.Fatalf("Placement.Zone = %v", got)
	}
	if !reflect.DeepEqual(Flatten(tree), flat) {
		t.Fatalf("round trip changed params:\n%v", Flatten(tree))
	}
}

func TestUnflattenErrors(t *testing.T) {
	for _, tc := range []struct {
		flat map[string]string
		want string
	}{
		{map[string]string{"Filters.1.Name": "x"}, "parameter Filters.n: indexes must run 0..0 without gaps (got Filters.1)"},
		{map[string]string{"a": "1", "a.b": "2"}, `parameter "a.b" is both a value and a list or object`},
		{map[string]string{"a..b": "1"}, `parameter "a..b": empty name segment`},
	} {
		_, err := Unflatten(tc.flat)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Unflatten(%v) error = %v, want %q", tc.flat, err, tc.want)
		}
	}
}
