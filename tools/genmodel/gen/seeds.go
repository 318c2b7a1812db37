package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// The international site's English pages (API 3.0) are plain text with
// space-separated tables and a JSON request body as the example.

var (
	reEnAction   = regexp.MustCompile(`The value used for this API:\s*([A-Za-z]+)`)
	reEnInput    = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_.]*) (Yes|No) ((?:Array of )?[A-Za-z]+) ?(.*)$`)
	reEnOutput   = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_.]*) ((?:Array of )?[A-Za-z]+) ?(.*)$`)
	reEnError    = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_.]*)(?: (.*))?$`)
	reEnHead     = regexp.MustCompile(`^\d+\.\s+(.+)$`)
	reEnTCAction = regexp.MustCompile(`^X-TC-Action:\s*([A-Za-z]+)`)
	reErrWord    = regexp.MustCompile(`^[A-Z][a-z]+(?:[A-Z][a-z]+)+$`)
)

// parseEnglish reads one English page into a parsedPage-like result.
func parseEnglish(d *doc) (*parsedPage, error) {
	pp := &parsedPage{style: styleV3}
	pp.p = &page{doc: d, title: 0, head: 0, end: len(d.raw)}
	sec := ""
	sub := ""
	var body []string
	inBody := false
	exAct, exLine := "", 0
	depth := 0
	for i, raw := range d.raw {
		t := strings.TrimSpace(raw)
		if m := reEnAction.FindStringSubmatch(t); m != nil {
			pp.claims = append(pp.claims, m[1])
		}
		if m := reEnHead.FindStringSubmatch(t); m != nil {
			sec, sub = m[1], ""
			continue
		}
		switch sec {
		case "API Description":
			if pp.description == "" && t != "" && !strings.HasPrefix(t, "Domain name") {
				pp.description = strings.TrimRight(oneLine(t), ".")
			}
		case "Input Parameters":
			if strings.HasPrefix(t, "Parameter Name") {
				sub = "table"
				continue
			}
			if sub != "table" {
				continue
			}
			if m := reEnInput.FindStringSubmatch(t); m != nil {
				if commonParams[m[1]] {
					continue
				}
				pp.rows = append(pp.rows, rawRow{name: m[1], required: m[2] == "Yes", typ: m[3], desc: m[4], line: i})
			}
		case "Output Parameters":
			if strings.HasPrefix(t, "Parameter Name") {
				sub = "table"
				continue
			}
			if m := reEnOutput.FindStringSubmatch(t); sub == "table" && m != nil {
				pp.outputs = append(pp.outputs, Field{Name: m[1], Type: outType(m[2]), Description: oneLine(m[3])})
			}
		case "Error Code":
			if strings.HasPrefix(t, "Error Code") {
				sub = "table"
				continue
			}
			if sub != "table" || t == "" {
				continue
			}
			if strings.HasPrefix(t, "Contact Us") {
				sub = ""
				continue
			}
			if m := reEnError.FindStringSubmatch(t); m != nil && (strings.Contains(m[1], ".") || isErrorWord(m[1])) {
				pp.errors = append(pp.errors, ErrorCode{Code: m[1], Description: oneLine(m[2])})
			}
		case "Example":
			if strings.HasPrefix(t, "Input Example") {
				sub = "input"
				exLine = i
				continue
			}
			if strings.HasPrefix(t, "Output Example") {
				sub = "output"
				continue
			}
			if sub == "input" {
				if m := reEnTCAction.FindStringSubmatch(t); m != nil {
					exAct = m[1]
				}
				if t == "{" && !inBody && body == nil {
					inBody = true
				}
				if inBody {
					body = append(body, raw)
					depth += strings.Count(t, "{") - strings.Count(t, "}")
					if depth == 0 {
						inBody = false
					}
				}
			}
			if sub == "output" {
				pp.outText += raw + "\n"
			}
		}
	}
	pp.text = strings.Join(d.raw, "\n")
	if body != nil {
		kvs, err := flattenJSON([]byte(strings.Join(body, "\n")))
		if err != nil {
			return nil, fmt.Errorf("%s: example body: %v", d.file, err)
		}
		pp.examples = append(pp.examples, exampleReq{action: exAct, kvs: kvs, line: exLine})
	}
	return pp, nil
}

// isErrorWord accepts the one-word common codes ("ResourceNotFound").
func isErrorWord(s string) bool {
	return reErrWord.MatchString(s)
}

// flattenJSON turns a request body into flat wire names in document order,
// as the query-string form of the same request would carry them:
// {"Filters":[{"Name":"a","Values":["b"]}]} -> Filters.0.Name=a,
// Filters.0.Values.0=b.
func flattenJSON(b []byte) ([]KV, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out []KV
	var walk func(prefix string) error
	walk = func(prefix string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		join := func(k string) string {
			if prefix == "" {
				return k
			}
			return prefix + "." + k
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				for dec.More() {
					kt, err := dec.Token()
					if err != nil {
						return err
					}
					if err := walk(join(kt.(string))); err != nil {
						return err
					}
				}
				_, err = dec.Token()
				return err
			case '[':
				for i := 0; dec.More(); i++ {
					if err := walk(join(fmt.Sprint(i))); err != nil {
						return err
					}
				}
				_, err = dec.Token()
				return err
			}
		case string:
			out = append(out, KV{prefix, v})
		case json.Number:
			out = append(out, KV{prefix, v.String()})
		case bool:
			out = append(out, KV{prefix, fmt.Sprint(v)})
		case nil:
			out = append(out, KV{prefix, ""})
		}
		return nil
	}
	if err := walk(""); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("trailing data after the body")
	}
	return out, nil
}
