package output

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/jmespath/go-jmespath"
)

// Query is a compiled --query JMESPath expression.
type Query struct {
	expr   string
	jp     *jmespath.JMESPath
	hashes [][]string // keys of each multi-select hash, as written
}

// CompileQuery validates a --query expression, so that a typo fails before
// any request is sent. It returns nil, nil for "". The error wraps the
// parser's jmespath.SyntaxError when there is one.
func CompileQuery(expr string) (*Query, error) {
	if expr == "" {
		return nil, nil
	}
	jp, err := jmespath.Compile(expr)
	if err != nil {
		return nil, fmt.Errorf("invalid --query expression %q: %w", expr, err)
	}
	hashes, funcs := scanQuery(expr)
	// The library reports an unknown function only when evaluating it.
	for _, f := range funcs {
		if !knownFunction(f) {
			return nil, fmt.Errorf("invalid --query expression %q: unknown function %s()", expr, f)
		}
	}
	return &Query{expr: expr, jp: jp, hashes: hashes}, nil
}

// Apply evaluates the query against data. A nil Query returns data as is.
//
// The interpreter does arithmetic and comparisons only on float64, so
// json.Number values are converted for the search and converted back
// afterwards, keeping their original spelling (1.50 stays 1.50) unless two
// spellings of the same value occur. Integers beyond 2^53 stay json.Number
// to keep every digit; the query sees them as opaque values.
func (q *Query) Apply(data any) (result any, err error) {
	if q == nil {
		return data, nil
	}
	// The interpreter panics on some type mismatches, e.g. merge() given
	// an array; report those like any other evaluation error.
	defer func() {
		if r := recover(); r != nil {
			result, err = nil, fmt.Errorf("--query %q: %v", q.expr, r)
		}
	}()
	sp := spellings{}
	out, err := q.jp.Search(sp.toQuery(data))
	if err != nil {
		return nil, fmt.Errorf("--query %q: %w", q.expr, err)
	}
	return sp.fromQuery(out), nil
}

// spellings maps a number's value to how it was written; "" marks a value
// written more than one way.
type spellings map[float64]string

// toQuery copies v with json.Number turned into float64 where exact enough.
func (sp spellings) toQuery(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil || (!strings.ContainsAny(string(x), ".eE") && math.Abs(f) > 1<<53) {
			return x
		}
		if s, ok := sp[f]; !ok {
			sp[f] = string(x)
		} else if s != string(x) {
			sp[f] = ""
		}
		return f
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = sp.toQuery(e)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = sp.toQuery(e)
		}
		return l
	}
	return v
}

// fromQuery turns the float64 values of a result back into json.Number.
func (sp spellings) fromQuery(v any) any {
	switch x := v.(type) {
	case float64:
		if s := sp[x]; s != "" {
			return json.Number(s)
		}
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return x
		}
		return json.Number(formatFloat(x))
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = sp.fromQuery(e)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = sp.fromQuery(e)
		}
		return l
	}
	return v
}

// keyOrder returns the keys of a multi-select hash in the query whose key
// set is exactly keys, or nil.
func (q *Query) keyOrder(keys []string) []string {
	if q == nil {
		return nil
	}
	set := make(map[string]bool, len(keys))
	for _, k := range keys {
		set[k] = true
	}
hashes:
	for _, h := range q.hashes {
		if len(h) != len(set) {
			continue
		}
		for _, k := range h {
			if !set[k] {
				continue hashes
			}
		}
		return h
	}
	return nil
}

// scanQuery lists, for an expression that already parses, the keys of each
// multi-select hash ({ID: VpcId, Name: VpcName}) in written order, and the
// names of the functions it calls. The parser's tree is not exported, so
// this follows its lexer: string literals, JSON literals and quoted
// identifiers are skipped or decoded the same way.
func scanQuery(expr string) (hashes [][]string, funcs []string) {
	type frame struct {
		open    byte
		keys    []string
		wantKey bool
	}
	var stack []frame
	ident := func(name string, end int) {
		if n := len(stack); n > 0 && stack[n-1].open == '{' && stack[n-1].wantKey {
			f := &stack[n-1]
			f.wantKey = false
			for _, k := range f.keys {
				if k == name {
					return
				}
			}
			f.keys = append(f.keys, name)
			return
		}
		for end < len(expr) && strings.IndexByte(" \t\n\r", expr[end]) >= 0 {
			end++
		}
		if end < len(expr) && expr[end] == '(' {
			funcs = append(funcs, name)
		}
	}
	for i := 0; i < len(expr); {
		c := expr[i]
		switch {
		case c == '\'':
			i = skipRawString(expr, i)
			continue
		case c == '`':
			i = skipDelimited(expr, i)
			continue
		case c == '"':
			end := skipDelimited(expr, i)
			var name string
			if err := json.Unmarshal([]byte(expr[i:end]), &name); err == nil {
				ident(name, end)
			}
			i = end
			continue
		case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			j := i + 1
			for j < len(expr) && (expr[j] == '_' || 'a' <= expr[j] && expr[j] <= 'z' || 'A' <= expr[j] && expr[j] <= 'Z' || '0' <= expr[j] && expr[j] <= '9') {
				j++
			}
			ident(expr[i:j], j)
			i = j
			continue
		case c == '{' || c == '[' || c == '(':
			stack = append(stack, frame{open: c, wantKey: c == '{'})
		case c == '}' || c == ']' || c == ')':
			if n := len(stack); n > 0 {
				if stack[n-1].open == '{' {
					hashes = append(hashes, stack[n-1].keys)
				}
				stack = stack[:n-1]
			}
		case c == ',':
			if n := len(stack); n > 0 && stack[n-1].open == '{' {
				stack[n-1].wantKey = true
			}
		}
		i++
	}
	return hashes, funcs
}

// skipRawString returns the index after the 'raw string' starting at i;
// only \' is an escape there.
func skipRawString(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\\' && j+1 < len(s) && s[j+1] == '\'':
			j++
		case s[j] == '\'':
			return j + 1
		}
	}
	return len(s)
}

// skipDelimited returns the index after the `literal` or "identifier"
// starting at i; a backslash escapes any character.
func skipDelimited(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case s[i]:
			return j + 1
		}
	}
	return len(s)
}

// knownFunction reports whether go-jmespath implements name.
func knownFunction(name string) bool {
	switch name {
	case "abs", "avg", "ceil", "contains", "ends_with", "floor", "join",
		"keys", "length", "map", "max", "max_by", "merge", "min", "min_by",
		"not_null", "reverse", "sort", "sort_by", "starts_with", "sum",
		"to_array", "to_number", "to_string", "type", "values":
		return true
	}
	return false
}
