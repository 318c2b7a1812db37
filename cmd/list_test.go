package cmd

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

func TestListFlagUsageErrors(t *testing.T) {
	srv := testserver.New(t)
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"subnet", "list", "--limit", "0"}, "invalid value 0 for --limit: expected 1 or more"},
		{[]string{"subnet", "list", "--page-size", "0"}, "invalid value 0 for --page-size: expected 1 to 100"},
		{[]string{"vpn", "conn", "list", "--legacy", "--page-size", "51"}, "invalid value 51 for --page-size: expected 1 to 50"},
		{[]string{"subnet", "list", "--offset", "-1"}, "invalid value -1 for --offset: expected 0 or more"},
		{[]string{"subnet", "list", "--rate", "0"}, "invalid value 0 for --rate: expected 1 to 100 (requests per second for each Action)"},
		{[]string{"subnet", "delete", "subnet-aaaaaaa1", "subnet-aaaaaaa2", "-y", "--rate", "101"}, "invalid value 101 for --rate: expected 1 to 100 (requests per second for each Action)"},
	} {
		res := run{env: envFor(srv)}.exec(t, tc.args...)
		if res.code != 2 || res.stdout != "" || res.err != "Error: "+tc.msg+"\n" {
			t.Errorf("%v: exit %d, stderr %q\nwant %q", tc.args, res.code, res.err, tc.msg)
		}
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent for invalid input", n)
	}
}

// Two pages: the second asks for what the first left, from where it ended.
func TestListLimitAcrossPagesWire(t *testing.T) {
	page := func(match map[string]string, ids ...string) testserver.Reply {
		rows := ""
		for i, id := range ids {
			if i > 0 {
				rows += ","
			}
			rows += `{"SubnetId":"` + id + `"}`
		}
		r := testserver.V3OK(`"TotalCount":9,"SubnetSet":[` + rows + `]`)
		r.Match = match
		return r
	}
	srv := testserver.New(t,
		page(map[string]string{"Offset": "3", "Limit": "4"}, "subnet-aaaaaaa3", "subnet-aaaaaaa4", "subnet-aaaaaaa5", "subnet-aaaaaaa6"),
		page(map[string]string{"Offset": "7", "Limit": "1"}, "subnet-aaaaaaa7"),
	)
	run{env: envFor(srv)}.exec(t, "subnet", "list", "--offset", "3", "--limit", "5", "--page-size", "4", "-o", "jsonl", "--query", "SubnetSet[].SubnetId").
		expect(t, 0, "\"subnet-aaaaaaa3\"\n\"subnet-aaaaaaa4\"\n\"subnet-aaaaaaa5\"\n\"subnet-aaaaaaa6\"\n\"subnet-aaaaaaa7\"\n", "")
	if n := len(srv.Calls()); n != 2 {
		t.Fatalf("%d requests", n)
	}
}

// ID completion reads every page, not the first 100.
func TestCompletionSeesEveryPage(t *testing.T) {
	rows := func(from, to int) string {
		s := ""
		for i := from; i < to; i++ {
			if i > from {
				s += ","
			}
			s += fmt.Sprintf(`{"SubnetId":"subnet-%08d","SubnetName":"n%d"}`, i, i)
		}
		return s
	}
	first := testserver.V3OK(`"TotalCount":150,"SubnetSet":[` + rows(0, 100) + `]`)
	first.Match = map[string]string{"Limit": "100"}
	second := testserver.V3OK(`"TotalCount":150,"SubnetSet":[` + rows(100, 150) + `]`)
	second.Match = map[string]string{"Offset": "100", "Limit": "50"}
	srv := testserver.New(t, first, second)
	res := run{env: envFor(srv)}.exec(t, "__complete", "subnet", "delete", "")
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	// 150 IDs with their names, then cobra's directive line.
	if res.code != 0 || len(lines) != 151 || lines[0] != "subnet-00000000\tn0" || lines[149] != "subnet-00000149\tn149" {
		t.Fatalf("exit %d, %d lines: %q … %q", res.code, len(lines), lines[0], lines[len(lines)-2])
	}
}
