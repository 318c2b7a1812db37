package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// Stream renders a listing that arrives in pages as one document: the
// first page's reply whose list (at List) holds every row of every page.
//
// JSON, YAML, JSONL and text (with Columns) are written as the pages come,
// so memory does not grow with the number of rows; the output is the same,
// byte for byte, as Render of the merged reply. A table needs every row to
// size its columns: it keeps each row's cells (strings, the decoded reply
// dropped) and writes at End. A --query may need the whole document
// (sort_by, length, a filter over all rows): the reply is collected and
// rendered at End.
type Stream struct {
	w    *bufio.Writer
	o    Options
	list []string
	mode streamMode

	// collected, when the output cannot be streamed
	reply map[string]any
	rows  []any

	// a table's header and cells so far
	g grid

	// JSON and YAML: the document around the list
	prefix, suffix, indent string
	n                      int
}

type streamMode uint8

const (
	collect streamMode = iota
	streamJSON
	streamYAML
	streamJSONL
	streamText
	tableCells // a table: cells kept, maps dropped, written at End
)

// listMark stands in for the list while the rest of the document is
// encoded; plain letters, so that neither encoder quotes it.
const listMark = "tcvpcSTREAMEDLISTe1f7c3"

// NewStream starts a listing rendered to w with o; list is the dotted path
// of the list that pages add to.
func NewStream(w io.Writer, o Options, list string) (*Stream, error) {
	format := Table
	if o.Format != "" {
		var err error
		if format, err = ParseFormat(o.Format); err != nil {
			return nil, err
		}
	}
	s := &Stream{w: bufio.NewWriterSize(w, 64<<10), o: o, list: splitPath(list)}
	switch {
	case o.Query != nil:
	case format == JSON:
		s.mode = streamJSON
	case format == YAML:
		s.mode = streamYAML
	case format == JSONL && (o.Rows == "" || o.Rows == list):
		s.mode = streamJSONL
	case format == Text && len(o.Columns) > 0 && o.Rows == list:
		s.mode = streamText
	case format == Table && len(o.Columns) > 0 && o.Rows == list:
		s.mode = tableCells
		s.g = grid{header: !o.NoHeader, color: o.Color}
		s.g.rows(nil, o.Columns)
	}
	return s, nil
}

// Streams reports whether rows are written as they come.
func (s *Stream) Streams() bool { return s.mode != collect && s.mode != tableCells }

// Begin takes the first page's reply; its own rows come through Add.
func (s *Stream) Begin(reply map[string]any) error {
	switch s.mode {
	case collect:
		s.reply = reply
	case streamJSON, streamYAML:
		doc := withList(reply, s.list, listMark)
		var buf bytes.Buffer
		var err error
		if s.mode == streamJSON {
			err = writeJSON(&buf, doc)
		} else {
			err = writeYAML(&buf, doc)
		}
		if err != nil {
			return err
		}
		text := buf.String()
		at := strings.Index(text, listMark)
		if at < 0 {
			return errNoMark
		}
		before, after := text[:at], text[at+len(listMark):]
		if s.mode == streamJSON {
			// The mark was encoded as a JSON string: drop its quotes.
			before, after = before[:len(before)-1], after[1:]
		} else {
			before = strings.TrimSuffix(before, " ")
		}
		lineStart := strings.LastIndexByte(before, '\n') + 1
		line := before[lineStart:]
		s.indent = line[:len(line)-len(strings.TrimLeft(line, " "))]
		s.prefix, s.suffix = before, after
		_, err = s.w.WriteString(s.prefix)
		return err
	}
	return nil
}

// Add writes (or keeps) the rows of one page.
func (s *Stream) Add(rows []any) error {
	switch s.mode {
	case collect:
		s.rows = append(s.rows, rows...)
		return nil
	case streamJSON:
		inner := s.indent + "  "
		for _, r := range rows {
			if s.n == 0 {
				s.w.WriteString("[\n")
			} else {
				s.w.WriteString(",\n")
			}
			s.w.WriteString(inner)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent(inner, "  ")
			if err := enc.Encode(r); err != nil {
				return err
			}
			s.w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
			s.n++
		}
	case streamYAML:
		inner := s.indent + "  "
		for _, r := range rows {
			var buf bytes.Buffer
			if err := writeYAML(&buf, []any{r}); err != nil {
				return err
			}
			for line := range strings.Lines(buf.String()) {
				s.w.WriteByte('\n')
				s.w.WriteString(inner)
				s.w.WriteString(strings.TrimSuffix(line, "\n"))
			}
			s.n++
		}
	case streamJSONL:
		for _, r := range rows {
			if err := writeJSONLine(s.w, r); err != nil {
				return err
			}
		}
	case tableCells:
		g := grid{}
		g.rows(rows, s.o.Columns)
		s.g.cells = append(s.g.cells, g.cells...)
		return nil
	case streamText:
		g := grid{text: true}
		g.rows(rows, s.o.Columns)
		var buf bytes.Buffer
		if err := g.flush(&buf); err != nil {
			return err
		}
		s.w.Write(buf.Bytes())
	}
	// A page at a time reaches the reader.
	return s.w.Flush()
}

// End finishes the document.
func (s *Stream) End() error {
	switch s.mode {
	case collect:
		if s.reply == nil {
			return nil
		}
		rows := s.rows
		if rows == nil {
			rows = []any{}
		}
		if err := Render(s.w, withList(s.reply, s.list, rows), s.o); err != nil {
			return err
		}
	case streamJSON:
		if s.n == 0 {
			s.w.WriteString("[]")
		} else {
			s.w.WriteString("\n" + s.indent + "]")
		}
		s.w.WriteString(s.suffix)
	case streamYAML:
		if s.n == 0 {
			s.w.WriteString(" []")
		}
		s.w.WriteString(s.suffix)
	case tableCells:
		var buf bytes.Buffer
		if err := s.g.flush(&buf); err != nil {
			return err
		}
		s.w.Write(buf.Bytes())
	}
	return s.w.Flush()
}

type streamError string

func (e streamError) Error() string { return string(e) }

const errNoMark = streamError("internal: the list's place in the document was not found")

// withList returns a copy of data whose value at path is v; the maps on
// the way are copied, nothing else.
func withList(data map[string]any, path []string, v any) map[string]any {
	out := make(map[string]any, len(data)+1)
	for k, x := range data {
		out[k] = x
	}
	if len(path) == 1 {
		out[path[0]] = v
		return out
	}
	inner, _ := data[path[0]].(map[string]any)
	out[path[0]] = withList(inner, path[1:], v)
	return out
}
