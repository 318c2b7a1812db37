package gen

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestRepairGlyphs(t *testing.T) {
	for in, want := range map[string]string{
		"vpclId":                "vpcId",
		"unVpclid":              "unVpcId",
		"data.n.appld":          "data.n.appId",
		"zonelids.n":            "zoneIds.n",
		"subnetSet.n.zoned":     "subnetSet.n.zoneId",
		"networkAclId":          "networkAclId",
		"orderField":            "orderField",
		"InvalidNetworkAclId.x": "InvalidNetworkAclId.x",
	} {
		if got := repairGlyphs(in); got != want {
			t.Errorf("repairGlyphs(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCells(t *testing.T) {
	if got := cells("vpcId\t是\tString\t私有网络ID"); !reflect.DeepEqual(got, []string{"vpcId", "是", "String", "私有网络ID"}) {
		t.Errorf("tabs: %q", got)
	}
	if got := cells("| peerUin | 是 | String | 接收方 |"); !reflect.DeepEqual(got, []string{"peerUin", "是", "String", "接收方"}) {
		t.Errorf("pipes: %q", got)
	}
	if got := cells("-----\t----"); got != nil {
		t.Errorf("dashes: %q", got)
	}
	if got := cells("plain text"); got != nil {
		t.Errorf("text: %q", got)
	}
}

func TestCollectQuery(t *testing.T) {
	d := newDoc("t", strings.Join([]string{
		"https://vpc.api.qcloud.com/v2/index.php?Action=DeleteVpc",
		"```",
		"",
		"<公共请求参数>",
		"&vpcId=vpc-2ar i9m7h",
		"&peer ingConnect ionId=pcx-1&limit=2",
		"```",
		"",
		"输出",
		"&late=1",
	}, "\n"))
	m := reURLAction.FindStringSubmatch(d.raw[0])
	kvs, _ := collectQuery(d, 0, m[2])
	want := []KV{{"vpcId", "vpc-2ari9m7h"}, {"peeringConnectionId", "pcx-1"}, {"limit", "2"}}
	if !reflect.DeepEqual(kvs, want) {
		t.Errorf("got %v, want %v", kvs, want)
	}
}

func TestSplitBareAndPlaceholders(t *testing.T) {
	var ds []diag
	ps := []*Param{{Name: "vpcId"}, {Name: "aclRules"}}
	got := splitBare([]KV{{"vpcIdvpc-7izaqk5h", bareValue}, {"junk", bareValue}}, ps, "t:1", &ds)
	if !reflect.DeepEqual(got, []KV{{"vpcId", "vpc-7izaqk5h"}}) {
		t.Errorf("splitBare = %v", got)
	}
	got = placeholderIndexes([]KV{{"aclRules.n.protocol", "tcp"}, {"type.N", "1"}}, "t:1", &ds)
	if !reflect.DeepEqual(got, []KV{{"aclRules.0.protocol", "tcp"}, {"type.0", "1"}}) {
		t.Errorf("placeholderIndexes = %v", got)
	}
}

func TestFlattenJSON(t *testing.T) {
	got, err := flattenJSON([]byte(`{"B": "x", "A": [{"Name": "n", "Values": ["v1", "v2"]}], "C": {"D": 3, "E": true}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []KV{{"B", "x"}, {"A.0.Name", "n"}, {"A.0.Values.0", "v1"}, {"A.0.Values.1", "v2"}, {"C.D", "3"}, {"C.E", "true"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if _, err := flattenJSON([]byte(`{"A": 1} {}`)); err == nil {
		t.Error("trailing data accepted")
	}
}

func TestFoldParams(t *testing.T) {
	rows := []rawRow{
		{name: "vpcId", typ: "string", required: true},
		{name: "address", typ: "Array", required: true, desc: "IP地址列表"},
		{name: "address.n", typ: "String", required: true, desc: "成员"},
		{name: "subnetSet.n", typ: "Array"},
		{name: "subnetSet.n.cidrBlock", typ: "String", required: true},
		{name: "IKESet.n", typ: "Array"},
		{name: "IKESet.exchangeMode", typ: "String", desc: "可选值：'aggressive','main'，默认为main"},
		{name: "chargePrepaid", typ: "ChargePrepaidObject"},
		{name: "chargePrepaid.period", typ: "Int", required: true},
	}
	ps, _ := foldParams(rows, nil, func(int) string { return "t" })
	var b strings.Builder
	Summary(&b, []*Op{{Style: styleLegacy, Action: "X", Params: ps}})
	want := `    vpcId String required
    address String[] required
    subnetSet Object[]
        cidrBlock String required
    IKESet Object
        exchangeMode String enum=aggressive|main
    chargePrepaid Object
        period Integer required
`
	lines := strings.SplitN(b.String(), "\n", 2)
	if got, _, _ := strings.Cut(lines[1], "    errors="); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if ps[1].Description != "IP地址列表" {
		t.Errorf("element row replaced the array's description: %q", ps[1].Description)
	}
}

func TestResolveAction(t *testing.T) {
	pp := &parsedPage{
		p:        &page{doc: newDoc("t", "x"), title: 0},
		claims:   []string{"ResetVpnConnSA", "ModifyVpnConnEx"},
		examples: []exampleReq{{action: "ResetVpnConnSA"}},
	}
	if got, _ := resolveAction(pp); got != "ResetVpnConnSA" {
		t.Errorf("got %s", got)
	}
	pp.claims, pp.examples = []string{"A"}, []exampleReq{{action: "B"}}
	if got, _ := resolveAction(pp); got != "B" {
		t.Errorf("a tie goes to the example; got %s", got)
	}
}

func TestUnmatchedOverrideFails(t *testing.T) {
	dir := os.Getenv("TCVPC_SEEDS") // make test sets it when the source pages are at hand
	if dir == "" {
		t.Skip("TCVPC_SEEDS is not set: no source pages to regenerate the model from")
	}
	ovr := filepath.Join(t.TempDir(), "o.yaml")
	os.WriteFile(ovr, []byte("- page: \"004:1\"\n  op: v3 NoSuchAction\n  why: test\n  async: sync\n"), 0o644)
	if _, err := Build(Options{Dir: dir, Overrides: ovr}); err == nil || !strings.Contains(err.Error(), "no operation") {
		t.Fatalf("got %v", err)
	}
	os.WriteFile(ovr, []byte("- page: \"004:1\"\n  op: v3 CreateVpc\n"), 0o644)
	if _, err := Build(Options{Dir: dir, Overrides: ovr}); err == nil || !strings.Contains(err.Error(), "why") {
		t.Fatalf("an entry without a reason was accepted: %v", err)
	}
}
