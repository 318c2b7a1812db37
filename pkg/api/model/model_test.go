package model

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/tools/genmodel/gen"
)

// The sources document 226 operation pages: 87 in the API 3.0 half of the
// manual, 139 in the legacy half. The four companion pages (000–003)
// document operations the manual has too and add none.
const (
	wantV3     = 87
	wantLegacy = 139
)

func TestActionsMatchPages(t *testing.T) {
	f, err := os.Open("testdata/actions.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		if len(fs) != 2 {
			t.Fatalf("testdata/actions.txt: bad line %q", sc.Text())
		}
		want[fs[0]+" "+fs[1]] = true
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	count := map[Style]int{}
	for _, op := range All() {
		k := op.Style.String() + " " + op.Action
		if got[k] {
			t.Errorf("%s twice in the model", k)
		}
		got[k] = true
		count[op.Style]++
	}
	for k := range want {
		if !got[k] {
			t.Errorf("missing from the model: %s", k)
		}
	}
	for k := range got {
		if !want[k] {
			t.Errorf("in the model but on no page: %s", k)
		}
	}
	if count[V3] != wantV3 || count[Legacy] != wantLegacy {
		t.Errorf("counts: %d v3, %d legacy; want %d, %d", count[V3], count[Legacy], wantV3, wantLegacy)
	}
}

func TestGeneratedFileUpToDate(t *testing.T) {
	dir := os.Getenv("TCVPC_SEEDS") // make test sets it when the source pages are at hand
	if dir == "" {
		t.Skip("TCVPC_SEEDS is not set: no source pages to regenerate the model from")
	}
	src, _, err := gen.Generate(gen.Options{
		Dir:       dir,
		Overrides: filepath.Join("..", "..", "..", "tools", "genmodel", "overrides.yaml"),
		English:   filepath.Join("..", "..", "..", "tools", "genmodel", "en"),
	})
	if err != nil {
		t.Fatal(err)
	}
	cur, err := os.ReadFile("operations_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(src, cur) {
		t.Fatal("operations_gen.go is stale; run: go run ./tools/genmodel")
	}
}

func TestSortedAndFind(t *testing.T) {
	all := All()
	if len(all) != wantV3+wantLegacy {
		t.Fatalf("All() has %d operations", len(all))
	}
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		if a.Action > b.Action || a.Action == b.Action && a.Style >= b.Style {
			t.Fatalf("not sorted at %d: %s/%s then %s/%s", i, a.Action, a.Style, b.Action, b.Style)
		}
	}
	for _, op := range all {
		got, ok := Find(op.Action, op.Style)
		if !ok || got.Action != op.Action || got.Style != op.Style {
			t.Fatalf("Find(%s, %s) = %v, %v", op.Action, op.Style, got, ok)
		}
	}
	if _, ok := Find("CreateVpc", Style(9)); ok {
		t.Error("Find with an unknown style succeeded")
	}
	if _, ok := Find("NoSuchAction", V3); ok {
		t.Error("Find(NoSuchAction) succeeded")
	}
	ops := Lookup("CreateVpc")
	if len(ops) != 2 || ops[0].Style != V3 || ops[1].Style != Legacy {
		t.Fatalf("Lookup(CreateVpc) = %v", ops)
	}
	if ops := Lookup("DescribeVpcEx"); len(ops) != 1 || ops[0].Style != Legacy {
		t.Fatalf("Lookup(DescribeVpcEx) = %v", ops)
	}
	if ops := Lookup("Nope"); len(ops) != 0 {
		t.Fatalf("Lookup(Nope) = %v", ops)
	}
	if ops := LookupFold("createvpc"); len(ops) != 2 {
		t.Fatalf("LookupFold(createvpc) = %v", ops)
	}
}

func TestOperationFacts(t *testing.T) {
	for _, op := range All() {
		if op.Group == "" || op.Title == "" || op.Description == "" || op.Source == "" {
			t.Errorf("%s %s: empty group, title, description or source", op.Style, op.Action)
		}
		want := map[Style]string{V3: "vpc.tencentcloudapi.com", Legacy: "vpc.api.qcloud.com"}[op.Style]
		if op.Domain != want {
			t.Errorf("%s %s: domain %s", op.Style, op.Action, op.Domain)
		}
		if op.Style == V3 && op.Async != Sync {
			t.Errorf("%s %s: API 3.0 operation marked %s", op.Style, op.Action, op.Async)
		}
	}
	groups := Groups()
	for _, g := range []string{"vpc", "subnet", "route-table", "acl", "eip", "eni", "sg", "template", "vpn", "dcg", "peering", "nat", "flowlog", "classiclink", "account", "task", "quota"} {
		if !slices.Contains(groups, g) {
			t.Errorf("no group %s in %v", g, groups)
		}
	}
	cases := []struct {
		action string
		style  Style
		async  Async
		group  string
	}{
		{"DeleteVpnConn", Legacy, VpcTask, "vpn"},
		{"ResetVpnConnSA", Legacy, Sync, "vpn"},
		{"ModifyAddress", Legacy, NetTask, "template"},
		{"CreateNatGateway", Legacy, NatBill, "nat"},
		{"UpgradeNatGateway", Legacy, NatBill, "nat"},
		{"QueryNatGatewayProductionStatus", Legacy, Sync, "nat"},
		{"DescribeVpcTaskResult", Legacy, Sync, "task"},
		{"DescribeNetTaskResult", Legacy, Sync, "task"},
		{"AttachClassicLinkVpc", V3, Sync, "classiclink"},
		{"AttachClassicLinkVpc", Legacy, VpcTask, "classiclink"},
		{"DescribeAccountAttributes", V3, Sync, "account"},
		{"DescribeVpcLimit", Legacy, Sync, "quota"},
		{"CreateVpc", V3, Sync, "vpc"},
		{"CreateFlowLog", Legacy, Sync, "flowlog"},
	}
	for _, c := range cases {
		op, ok := Find(c.action, c.style)
		if !ok {
			t.Errorf("no %s %s", c.style, c.action)
			continue
		}
		if op.Async != c.async || op.Group != c.group {
			t.Errorf("%s %s: async %s group %s; want %s %s", c.style, c.action, op.Async, op.Group, c.async, c.group)
		}
	}
	// Nested types from the data structures and dotted legacy rows.
	op, _ := Find("DescribeVpcs", V3)
	f, ok := op.Param("Filters")
	if !ok || f.Type != Object || !f.Array || len(f.Fields) != 2 || f.Fields[1].Name != "Values" || !f.Fields[1].Array {
		t.Errorf("DescribeVpcs Filters = %+v", f)
	}
	op, _ = Find("CreateVpc", Legacy)
	s, ok := op.Param("subnetSet")
	if !ok || s.Type != Object || !s.Array || len(s.Fields) != 3 {
		t.Errorf("legacy CreateVpc subnetSet = %+v", s)
	}
}

func TestStringers(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{V3.String(), "v3"}, {Legacy.String(), "legacy"},
		{Sync.String(), "sync"}, {VpcTask.String(), "vpc-task"}, {NetTask.String(), "net-task"}, {NatBill.String(), "nat-bill"},
		{Integer.String(), "Integer"}, {Object.String(), "Object"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
