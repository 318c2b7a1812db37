package e2e

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// rawWalk reads every subnet ID one page after the other through
// `tcvpc api`, which never pages by itself: the order the service keeps,
// independent of the list commands' pager.
func rawWalk(c *cloud, legacy bool) []string {
	c.t.Helper()
	var ids []string
	for off := 0; ; off += 100 {
		args := []string{"api", "DescribeSubnets", "--Offset", fmt.Sprint(off), "--Limit", "100", "-o", "json", "--query", "SubnetSet[].SubnetId"}
		if legacy {
			args = []string{"api", "DescribeSubnetEx", "--legacy", "--offset", fmt.Sprint(off), "--limit", "100", "-o", "json", "--query", "data[].unSubnetId"}
		}
		var page []string
		if err := json.Unmarshal([]byte(c.ok(args...)), &page); err != nil {
			c.t.Fatal(err)
		}
		ids = append(ids, page...)
		if len(page) < 100 {
			return ids
		}
	}
}

func firstColumn(out string, header bool) []string {
	var ids []string
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if header && i == 0 {
			continue
		}
		id, _, _ := strings.Cut(line, "\t")
		id, _, _ = strings.Cut(id, " ")
		ids = append(ids, id)
	}
	return ids
}

// A few thousand subnets: every list format shows each exactly once, in
// the service's order, in both API styles.
func TestListEveryItemOnceInOrder(t *testing.T) {
	c := startEmulator(t, "--populate", "25x100")
	want := rawWalk(c, false)
	if len(want) != 2500 {
		t.Fatalf("the emulator holds %d subnets, want 2500", len(want))
	}
	check := func(name string, got []string, want []string) {
		t.Helper()
		if !slices.Equal(got, want) {
			n := 0
			for n < min(len(got), len(want)) && got[n] == want[n] {
				n++
			}
			t.Fatalf("%s: %d IDs, want %d; first difference at %d", name, len(got), len(want), n)
		}
	}

	var doc struct {
		TotalCount int
		SubnetSet  []struct{ SubnetId string }
	}
	if err := json.Unmarshal([]byte(c.ok("subnet", "list", "-o", "json")), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range doc.SubnetSet {
		got = append(got, s.SubnetId)
	}
	check("json", got, want)
	if doc.TotalCount != 2500 {
		t.Fatalf("json TotalCount %d", doc.TotalCount)
	}

	var ydoc struct {
		SubnetSet []struct {
			SubnetId string `yaml:"SubnetId"`
		} `yaml:"SubnetSet"`
	}
	if err := yaml.Unmarshal([]byte(c.ok("subnet", "list", "-o", "yaml")), &ydoc); err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, s := range ydoc.SubnetSet {
		got = append(got, s.SubnetId)
	}
	check("yaml", got, want)

	got = nil
	for _, line := range strings.Split(strings.TrimSuffix(c.ok("subnet", "list", "-o", "jsonl"), "\n"), "\n") {
		var row struct{ SubnetId string }
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("jsonl line %q: %v", line, err)
		}
		got = append(got, row.SubnetId)
	}
	check("jsonl", got, want)

	check("text", firstColumn(c.ok("subnet", "list", "-o", "text"), false), want)
	check("table", firstColumn(c.ok("subnet", "list"), true), want)
	// A page size that does not divide the total, and a query.
	check("text, --page-size 37", firstColumn(c.ok("subnet", "list", "--page-size", "37", "-o", "text"), false), want)
	check("--query", firstColumn(c.ok("subnet", "list", "-o", "text", "--query", "SubnetSet[].SubnetId"), false), want)
	// --limit and --offset across page boundaries.
	check("--offset 567 --limit 1234", firstColumn(c.ok("subnet", "list", "--offset", "567", "--limit", "1234", "-o", "text"), false), want[567:1801])

	legacy := rawWalk(c, true)
	if len(legacy) != 2500 {
		t.Fatalf("legacy: %d subnets", len(legacy))
	}
	check("legacy text", firstColumn(c.ok("subnet", "list", "--legacy", "-o", "text"), false), legacy)
	got = nil
	var ldoc struct{ Data []struct{ UnSubnetId string } }
	if err := json.Unmarshal([]byte(c.ok("subnet", "list", "--legacy", "-o", "json")), &ldoc); err != nil {
		t.Fatal(err)
	}
	for _, s := range ldoc.Data {
		got = append(got, s.UnSubnetId)
	}
	check("legacy json", got, legacy)
}
