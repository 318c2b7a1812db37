package output

import (
	"bytes"
	"encoding/json"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/clipperhouse/displaywidth"
	"go.yaml.in/yaml/v3"
)

func writeJSON(buf *bytes.Buffer, data any) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(data)
}

// writeJSONLine writes v as one compact line.
func writeJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func writeYAML(buf *bytes.Buffer, data any) error {
	n, err := yamlNode(data)
	if err != nil {
		return err
	}
	enc := yaml.NewEncoder(buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return err
	}
	return enc.Close()
}

// yamlNode builds the document by hand: yaml.v3 would print a json.Number
// as a quoted string, and a node lets every number keep its spelling.
func yamlNode(v any) (*yaml.Node, error) {
	switch x := v.(type) {
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	case string:
		// The !!str tag makes the encoder quote strings that would read
		// back as another type ("12615", "true", "").
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: x}, nil
	case json.Number:
		// No tag: printed plain, exactly as received.
		return &yaml.Node{Kind: yaml.ScalarNode, Value: string(x)}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(x)}, nil
	case float64:
		return &yaml.Node{Kind: yaml.ScalarNode, Value: formatFloat(x)}, nil
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: make([]*yaml.Node, 0, 2*len(keys))}
		for _, k := range keys {
			val, err := yamlNode(x[k])
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, val)
		}
		return n, nil
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: make([]*yaml.Node, 0, len(x))}
		for _, e := range x {
			val, err := yamlNode(e)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, val)
		}
		return n, nil
	default:
		n := &yaml.Node{}
		if err := n.Encode(v); err != nil {
			return nil, err
		}
		return n, nil
	}
}

const (
	boldOn = "\x1b[1m"
	reset  = "\x1b[0m"
)

// writeTable prints a borderless table, columns left-aligned and three
// spaces apart, cells never wrapped or truncated, lines ending with their
// content. head nil means no header. Widths are display widths (a CJK
// character counts two), computed in one pass over the cells: a listing of
// 20,000 rows costs tens of milliseconds, not seconds.
func writeTable(buf *bytes.Buffer, head []string, rows [][]string, color bool) error {
	if head != nil {
		h := make([]string, len(head))
		for i, s := range head {
			h[i] = strings.ToUpper(oneLine(s))
		}
		head = h
	}
	var widths []int
	measure := func(row []string) {
		for i, c := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displaywidth.String(c))
		}
	}
	measure(head)
	for _, r := range rows {
		measure(r)
	}
	line := func(row []string, bold bool) {
		start := buf.Len()
		if bold {
			buf.WriteString(boldOn)
		}
		for i, c := range row {
			buf.WriteString(c)
			if i < len(row)-1 {
				buf.WriteString(strings.Repeat(" ", widths[i]-displaywidth.String(c)+3))
			}
		}
		// A last cell may itself end in blanks; the line ends with content.
		trimmed := bytes.TrimRight(buf.Bytes()[start:], " ")
		buf.Truncate(start + len(trimmed))
		if bold {
			buf.WriteString(reset)
		}
		buf.WriteByte('\n')
	}
	if head != nil {
		line(head, color)
	}
	for _, r := range rows {
		line(r, false)
	}
	return nil
}
