package output

import (
	"bytes"
	"sort"
	"strings"
)

// grid collects what table and text formats print: free lines (scalars)
// or a header plus rows of cells.
type grid struct {
	text   bool   // tab-separated, never a header or decoration
	header bool   // print the header row (table only)
	color  bool   // bold header allowed (table only)
	query  *Query // source of column-order hints

	lines []string
	head  []string
	cells [][]string
}

// column is a Column with its path split once.
type column struct {
	header string
	path   []string
	format func(any) string
}

// shape lays out v by its shape, as described in the package doc.
func (g *grid) shape(v any) {
	switch x := v.(type) {
	case nil:
	case map[string]any:
		g.keyValue(x)
	case []any:
		g.list(x)
	default:
		g.lines = append(g.lines, g.cell(x, nil))
	}
}

// rows tabulates items with the caller's columns, or by shape without any.
func (g *grid) rows(items []any, cols []Column) {
	if len(cols) == 0 {
		g.list(items)
		return
	}
	cs := make([]column, len(cols))
	for i, c := range cols {
		cs[i] = column{header: c.Header, path: splitPath(c.Path), format: c.Format}
	}
	g.table(items, cs)
}

func (g *grid) table(items []any, cols []column) {
	g.head = make([]string, len(cols))
	for i, c := range cols {
		g.head[i] = c.header
	}
	g.cells = make([][]string, 0, len(items))
	for _, it := range items {
		row := make([]string, len(cols))
		for i, c := range cols {
			row[i] = g.cell(lookup(it, c.path), c.format)
		}
		g.cells = append(g.cells, row)
	}
}

// list lays out a list whose columns are not given.
func (g *grid) list(items []any) {
	var objects, lists, scalars int
	for _, it := range items {
		switch it.(type) {
		case nil:
		case map[string]any:
			objects++
		case []any:
			lists++
		default:
			scalars++
		}
	}
	switch {
	case objects > 0 && lists == 0 && scalars == 0:
		g.table(items, g.derive(items))
	case lists > 0 && objects == 0 && scalars == 0:
		g.positional(items)
	default:
		for _, it := range items {
			g.lines = append(g.lines, g.cell(it, nil))
		}
	}
}

// derive makes one column per key found in the objects.
func (g *grid) derive(items []any) []column {
	seen := map[string]bool{}
	var keys []string
	for _, it := range items {
		m, _ := it.(map[string]any)
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	keys = g.order(keys)
	cols := make([]column, len(keys))
	for i, k := range keys {
		// A single segment: a key containing '.' is still one key here.
		cols[i] = column{header: k, path: []string{k}}
	}
	return cols
}

// order sorts keys, or puts them in the order the query's multi-select hash
// wrote them when the key sets are the same.
func (g *grid) order(keys []string) []string {
	if hint := g.query.keyOrder(keys); hint != nil {
		return hint
	}
	sort.Strings(keys)
	return keys
}

// positional prints lists as rows of their elements; they have no names to
// put in a header.
func (g *grid) positional(items []any) {
	width := 0
	for _, it := range items {
		l, _ := it.([]any)
		width = max(width, len(l))
	}
	for _, it := range items {
		l, _ := it.([]any)
		row := make([]string, 0, width)
		for _, v := range l {
			row = append(row, g.cell(v, nil))
		}
		if !g.text {
			for len(row) < width {
				row = append(row, "")
			}
		}
		g.cells = append(g.cells, row)
	}
}

func (g *grid) keyValue(m map[string]any) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	keys = g.order(keys)
	g.head = []string{"KEY", "VALUE"}
	g.cells = make([][]string, len(keys))
	for i, k := range keys {
		g.cells[i] = []string{oneLine(k), g.cell(m[k], nil)}
	}
}

// cell formats one value for a cell or a line.
func (g *grid) cell(v any, format func(any) string) string {
	var s string
	switch {
	case format != nil:
		s = format(v)
	case v == nil && !g.text:
		// An empty cell in a space-aligned table reads as a shifted column.
		return "-"
	default:
		s = formatValue(v)
	}
	return oneLine(s)
}

func (g *grid) flush(buf *bytes.Buffer) error {
	for _, l := range g.lines {
		buf.WriteString(l)
		buf.WriteByte('\n')
	}
	if g.text {
		for _, row := range g.cells {
			buf.WriteString(strings.Join(row, "\t"))
			buf.WriteByte('\n')
		}
		return nil
	}
	head := g.head
	if !g.header {
		head = nil
	}
	if head == nil && len(g.cells) == 0 {
		return nil
	}
	return writeTable(buf, head, g.cells, g.color)
}

// oneLine keeps a value on its row: tabs and line breaks become spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\t\n\r\v\f") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r', '\v', '\f':
			return ' '
		}
		return r
	}, s)
}
