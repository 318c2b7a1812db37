package suggest

import "testing"

func TestClosest(t *testing.T) {
	names := []string{"DescribeVpcs", "DescribeVpcEx", "DeleteVpc"}
	for in, want := range map[string]string{"DescribeVpc": "DescribeVpcs", "describevpcex": "DescribeVpcEx", "CreateSubnet": "", "": ""} {
		if got := Closest(in, names, 4); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
	if d := Distance("网关", "网"); d != 1 {
		t.Errorf("distance counts runes: %d", d)
	}
}
