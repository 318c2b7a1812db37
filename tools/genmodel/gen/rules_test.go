package gen

import (
	"reflect"
	"testing"
)

// The statements are fragments in the manual's wording, each naming one
// fact; the parser must read the fact and nothing more.
func TestRulesFrom(t *testing.T) {
	cases := []struct {
		name, typ string
		array     bool
		desc      string
		want      Rules
	}{
		{"VpcName", tString, false, "x，不得超过60个字符。", Rules{MaxLen: 60}},
		{"VpcName", tString, false, "x，最大长度不能超过60个字节。", Rules{MaxLen: 60, LenBytes: true}},
		{"AddressName", tString, false, "x。长度上限为20个字符。", Rules{MaxLen: 20}},
		{"GroupDescription", tString, false, "x，最多100个字符。", Rules{MaxLen: 100}},
		{"description", tString, false, "x，支持60内个字符。", Rules{MaxLen: 60}},
		{"eniDescription", tString, false, "x，25个字符以内", Rules{MaxLen: 25}},
		{"IKESaLifetimeSeconds", tInteger, false, "x, 取值范围: 60-604800", Rules{Range: &[2]int64{60, 604800}}},
		{"autoAllocEipNum", tInteger, false, "x，取值范围[0, 3]。", Rules{Range: &[2]int64{0, 3}}},
		{"Period", tInteger, false, "x。取值范围: 1, 2, 3, 12, 24, 36。", Rules{}},
		{"limit", tInteger, false, "x，默认为20，最多支持50。", Rules{Range: &[2]int64{0, 50}}},
		{"limit", tInteger, false, "x，默认为20，最大支持50。", Rules{Range: &[2]int64{0, 50}}},
		{"Limit", tInteger, false, "x，默认为20，最大值为100。", Rules{Range: &[2]int64{0, 100}}},
		{"DnsServers", tString, true, "x，最多支持4个", Rules{MaxItems: 4}},
		{"VpcIds", tString, true, "x。形如：vpc-f49l6u0z。每次请求的实例的上限为100。", Rules{MaxItems: 100, Format: fmtID, IDPrefix: "vpc"}},
		{"SubnetId", tString, false, "x，例如：subnet-3x5lf5q0。", Rules{Format: fmtID, IDPrefix: "subnet"}},
		{"Zone", tString, false, "x，例如：ap-guangzhou-2", Rules{}},
		{"Filters", tObject, true, "每次请求的 Filters 的上限为10，Filter.Values 的上限为5。", Rules{MaxItems: 10}},
		{"InstanceId", tString, false, "x。形如：ins-r8hr2upy。", Rules{Format: fmtID, IDPrefix: "ins"}},
		{"VpcName", tString, false, "x。形如：vpc-f49l6u0z。", Rules{}}, // not an ID parameter
	}
	for _, c := range cases {
		got := rulesFrom(c.name, c.typ, c.array, c.desc)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %q:\n got  %+v\n want %+v", c.name, c.desc, got, c.want)
		}
	}
	if got := intEnumFrom("x。取值范围：1、2、3、12、24、36。", tInteger); !reflect.DeepEqual(got, []string{"1", "2", "3", "12", "24", "36"}) {
		t.Errorf("int enum %v", got)
	}
}
