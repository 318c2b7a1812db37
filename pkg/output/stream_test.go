package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// pages of a listing at list, the first with the reply's other fields.
func pagesOf(list string, n, per int) (first map[string]any, pages [][]any) {
	var all []any
	for i := 0; i < n; i++ {
		all = append(all, map[string]any{"SubnetId": fmt.Sprintf("subnet-%08d", i), "Name": "a\tb", "Cidr": "10.0.0.0/24",
			"Tags": []any{map[string]any{"Key": "k", "Value": json.Number("1.50")}}, "Empty": []any{}, "Nil": nil})
	}
	for len(all) > 0 {
		k := min(per, len(all))
		pages = append(pages, all[:k])
		all = all[k:]
	}
	if len(pages) == 0 {
		pages = [][]any{nil}
	}
	first = map[string]any{"RequestId": "r-1", "TotalCount": json.Number(fmt.Sprint(n))}
	segs := strings.Split(list, ".")
	cur := first
	for _, s := range segs[:len(segs)-1] {
		next := map[string]any{"totalNum": json.Number("3"), "zz": "after"}
		cur[s] = next
		cur = next
	}
	cur[segs[len(segs)-1]] = pages[0]
	return first, pages
}

func merged(first map[string]any, list string, pages [][]any) map[string]any {
	all := []any{}
	for _, p := range pages {
		all = append(all, p...)
	}
	return withList(first, splitPath(list), all)
}

// Streaming writes exactly what rendering the merged reply writes.
func TestStreamMatchesRender(t *testing.T) {
	cols := []Column{{Header: "ID", Path: "SubnetId"}, {Header: "NAME", Path: "Name"}, {Header: "TAG", Path: "Tags.0.Value"}}
	for _, list := range []string{"SubnetSet", "data.data"} {
		for _, n := range []int{0, 1, 7, 250} {
			for _, format := range []string{JSON, YAML, JSONL, Text, Table} {
				name := fmt.Sprintf("%s/%d/%s", list, n, format)
				first, pages := pagesOf(list, n, 100)
				o := Options{Format: format, Rows: list, Columns: cols, NoHeader: n == 7, Color: n == 250}
				var want bytes.Buffer
				if err := Render(&want, merged(first, list, pages), o); err != nil {
					t.Fatal(err)
				}
				var got bytes.Buffer
				st, err := NewStream(&got, o, list)
				if err != nil {
					t.Fatal(err)
				}
				if err := st.Begin(first); err != nil {
					t.Fatal(err)
				}
				for _, p := range pages {
					if err := st.Add(p); err != nil {
						t.Fatal(err)
					}
				}
				if err := st.End(); err != nil {
					t.Fatal(err)
				}
				if got.String() != want.String() {
					t.Fatalf("%s: streamed\n%s\nrendered\n%s", name, got.String(), want.String())
				}
				if streams := format != Table; st.Streams() != streams {
					t.Fatalf("%s: Streams() = %v", name, st.Streams())
				}
			}
		}
	}
}

// Rows reach the writer page by page, before the listing ends.
func TestStreamWritesEachPage(t *testing.T) {
	for _, format := range []string{JSON, YAML, JSONL, Text} {
		first, pages := pagesOf("SubnetSet", 300, 100)
		var out bytes.Buffer
		st, _ := NewStream(&out, Options{Format: format, Rows: "SubnetSet", Columns: []Column{{Header: "ID", Path: "SubnetId"}}}, "SubnetSet")
		st.Begin(first)
		for i, p := range pages {
			st.Add(p)
			last := p[len(p)-1].(map[string]any)["SubnetId"].(string)
			if !strings.Contains(out.String(), last) {
				t.Fatalf("%s: page %d not written when added", format, i)
			}
			if i < len(pages)-1 {
				next := pages[i+1][0].(map[string]any)["SubnetId"].(string)
				if strings.Contains(out.String(), next) {
					t.Fatalf("%s: page %d written early", format, i+1)
				}
			}
		}
	}
}

func TestStreamWithQueryUsesTheWholeDocument(t *testing.T) {
	first, pages := pagesOf("SubnetSet", 250, 100)
	q, err := CompileQuery("length(SubnetSet)")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	st, _ := NewStream(&out, Options{Format: JSON, Query: q, Rows: "SubnetSet"}, "SubnetSet")
	st.Begin(first)
	for _, p := range pages {
		st.Add(p)
		if out.Len() != 0 {
			t.Fatal("a query result was written before the last page")
		}
	}
	st.End()
	if out.String() != "250\n" {
		t.Fatalf("got %q", out.String())
	}
}

func TestJSONLines(t *testing.T) {
	data := map[string]any{"RequestId": "r", "VpcSet": []any{map[string]any{"VpcId": "vpc-1", "Name": "<a>"}, map[string]any{"VpcId": "vpc-2"}}}
	var b bytes.Buffer
	if err := Render(&b, data, Options{Format: JSONL, Rows: "VpcSet"}); err != nil {
		t.Fatal(err)
	}
	if want := "{\"Name\":\"<a>\",\"VpcId\":\"vpc-1\"}\n{\"VpcId\":\"vpc-2\"}\n"; b.String() != want {
		t.Fatalf("got %q", b.String())
	}
	// Without a list: the reply on one line.
	b.Reset()
	Render(&b, map[string]any{"RequestId": "r", "Vpc": map[string]any{"VpcId": "vpc-1"}}, Options{Format: JSONL})
	if want := "{\"RequestId\":\"r\",\"Vpc\":{\"VpcId\":\"vpc-1\"}}\n"; b.String() != want {
		t.Fatalf("got %q", b.String())
	}
	// A query's list: one line per element.
	q, _ := CompileQuery("VpcSet[].VpcId")
	b.Reset()
	Render(&b, data, Options{Format: JSONL, Query: q, Rows: "VpcSet"})
	if want := "\"vpc-1\"\n\"vpc-2\"\n"; b.String() != want {
		t.Fatalf("got %q", b.String())
	}
}
