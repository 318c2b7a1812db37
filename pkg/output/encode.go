package output

import (
	"bytes"
	"encoding/json"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
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
	bold  = "\x1b[1m"
	reset = "\x1b[0m"
)

// writeTable prints a borderless table, columns left-aligned and three
// spaces apart, cells never wrapped or truncated. head nil means no header.
func writeTable(buf *bytes.Buffer, head []string, rows [][]string, color bool) error {
	pad := tw.Padding{Right: "   ", Overwrite: true}
	var out bytes.Buffer
	t := tablewriter.NewTable(&out,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Symbols: tw.NewSymbols(tw.StyleNone),
			Settings: tw.Settings{
				Lines:      tw.LinesNone,
				Separators: tw.SeparatorsNone,
			},
		})),
		// Headers are upper-cased here rather than by AutoFormat, which
		// would also split camel case and turn '_' and '.' into spaces.
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithPadding(pad),
		// Cells are shown as received, leading spaces included.
		tablewriter.WithTrimSpace(tw.Off),
	)
	if head != nil {
		h := make([]string, len(head))
		for i, s := range head {
			h[i] = strings.ToUpper(oneLine(s))
		}
		t.Header(h)
	}
	if err := t.Bulk(rows); err != nil {
		return err
	}
	if err := t.Render(); err != nil {
		return err
	}

	// Cells are padded to the column width, the last one included; drop
	// the trailing blanks so lines end with their content.
	first := head != nil
	for line := range strings.Lines(out.String()) {
		line = strings.TrimRight(line, " \n")
		if first && color {
			line = bold + line + reset
		}
		first = false
		buf.WriteString(line)
		buf.WriteByte('\n')
	}
	return nil
}
