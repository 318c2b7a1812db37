// Package output renders API replies as tables, tab-separated text, JSON or
// YAML, optionally reshaped by a JMESPath query. It is the only package that
// knows table layout, YAML and JMESPath.
//
// Data is what encoding/json produces with UseNumber: map[string]any, []any,
// string, json.Number, bool and nil.
//
// In table and text formats the shape of the data decides the layout:
//
//   - nil prints nothing;
//   - a scalar prints as its bare value on one line (strings unquoted);
//   - a list of scalars prints one value per line;
//   - a list of objects prints one row per object; without explicit
//     Columns the columns are the union of the objects' keys, in the order
//     of a --query multi-select hash ({ID: VpcId, Name: VpcName}) when the
//     keys match one, otherwise sorted;
//   - a list of lists (--query 'VpcSet[].[VpcId, VpcName]') prints one row
//     per inner list, without a header;
//   - an object prints as KEY/VALUE lines, keys sorted.
//
// Maps carry no key order, so JSON and YAML keys are sorted too.
package output

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Output formats accepted by ParseFormat.
const (
	Table = "table"
	JSON  = "json"
	// JSONL is one compact JSON object per line: each row of a listing,
	// or the whole reply of a command that has none.
	JSONL = "jsonl"
	YAML  = "yaml"
	Text  = "text"
)

// Formats lists the output formats, for help and completion.
func Formats() []string { return []string{Table, JSON, JSONL, YAML, Text} }

// ParseFormat validates the value of -o/--output and returns its canonical
// lower-case form.
func ParseFormat(s string) (string, error) {
	switch strings.ToLower(s) {
	case Table:
		return Table, nil
	case JSON:
		return JSON, nil
	case JSONL:
		return JSONL, nil
	case YAML:
		return YAML, nil
	case Text:
		return Text, nil
	}
	return "", fmt.Errorf("invalid value %q for -o/--output: expected one of %s", s, strings.Join(Formats(), ", "))
}

// Column is one table/text column.
type Column struct {
	// Header is printed in upper case in table format.
	Header string
	// Path is a dotted path into a row: "VpcId", "data.taskId". Numeric
	// segments index arrays ("Tags.0.Value").
	Path string
	// Format, when set, replaces the default cell formatting. It receives
	// nil for a missing value; its result is used as is, apart from tabs and
	// newlines becoming spaces.
	Format func(any) string
}

// Options controls Render.
type Options struct {
	// Format is one of Table, JSON, YAML, Text; "" means Table.
	Format string
	// Query, when set, replaces the data by its result before rendering, in
	// every format. Rows and Columns are then ignored since a query changes
	// the shape.
	Query *Query
	// Rows is the dotted path of the list to tabulate in table/text format
	// ("VpcSet", "data"). An object there counts as a one-row list and a
	// missing value as an empty one. "" renders the data itself: as one row
	// of Columns when they are given, otherwise by its shape.
	Rows string
	// Columns are the table/text columns; empty derives them from the rows.
	Columns []Column
	// NoHeader drops the table header row.
	NoHeader bool
	// Color allows ANSI decoration (a bold header). The caller decides:
	// stdout is a terminal and NO_COLOR is unset.
	Color bool
}

// Render writes data to w in the format chosen by o.
func Render(w io.Writer, data any, o Options) error {
	format := Table
	if o.Format != "" {
		var err error
		if format, err = ParseFormat(o.Format); err != nil {
			return err
		}
	}
	if o.Query != nil {
		var err error
		if data, err = o.Query.Apply(data); err != nil {
			return err
		}
	}

	var buf bytes.Buffer
	var err error
	switch format {
	case JSON:
		err = writeJSON(&buf, data)
	case YAML:
		err = writeYAML(&buf, data)
	case JSONL:
		switch {
		case o.Query == nil && o.Rows != "":
			data = asList(lookup(data, splitPath(o.Rows)))
		}
		if list, ok := data.([]any); ok {
			for _, v := range list {
				if err = writeJSONLine(&buf, v); err != nil {
					break
				}
			}
		} else {
			err = writeJSONLine(&buf, data)
		}
	default:
		g := grid{
			text:   format == Text,
			header: !o.NoHeader,
			color:  o.Color,
			query:  o.Query,
		}
		switch {
		case o.Query != nil:
			g.shape(data)
		case o.Rows != "":
			g.rows(asList(lookup(data, splitPath(o.Rows))), o.Columns)
		case len(o.Columns) > 0:
			g.rows([]any{data}, o.Columns)
		default:
			g.shape(data)
		}
		err = g.flush(&buf)
	}
	if err != nil {
		return err
	}
	// One write keeps a pipe reader from seeing half a document.
	_, err = w.Write(buf.Bytes())
	return err
}

// asList treats what Rows points at as a list of rows.
func asList(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	default:
		return []any{x}
	}
}
