package model

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tcvpc/tcvpc/internal/suggest"
)

// ProblemUnknown is the Problem of a ValidationError for a parameter the
// operation does not have.
const ProblemUnknown = "unknown parameter"

// Rule is the kind of value rule a ValidationError reports.
type Rule uint8

const (
	RuleType   Rule = iota // presence, name or type: required, unknown, not an integer
	RuleEnum               // not among Param.Enum
	RuleRange              // outside Param.Range
	RuleLength             // outside Param.MinLen/MaxLen
	RuleCount              // more elements than Param.MaxItems
	RuleFormat             // not of Param.Format
	RuleText               // control characters in free text
)

// ValidationError says what is wrong with one parameter of a request.
type ValidationError struct {
	Param   string   // dotted path: "VpcId", "Filters.0.Values"
	Problem string   // "required", "want an integer, got \"x\"", ProblemUnknown, …
	Valid   []string // the names (or values) that would have been accepted
	Suggest string   // the closest valid name, for an unknown parameter
	// For a broken value rule: which, the value as given (quoted; empty
	// for a Secret), and the expected form ("at most 60 characters").
	Rule     Rule
	Got      string
	Expected string
}

func (e *ValidationError) Error() string {
	if e.Problem != ProblemUnknown {
		return "parameter " + e.Param + ": " + e.Problem
	}
	var b strings.Builder
	b.WriteString("unknown parameter --")
	b.WriteString(e.Param)
	if e.Suggest != "" {
		b.WriteString(" (did you mean ")
		b.WriteString(e.Suggest)
		b.WriteString("?)")
	}
	if len(e.Valid) > 0 {
		b.WriteString("; valid: ")
		b.WriteString(strings.Join(e.Valid, ", "))
	}
	return b.String()
}

// Validate checks a parameter tree (as params.Unflatten builds it, or a
// decoded JSON body) against the operation: every name must be known,
// required parameters present, values of the documented type and, where
// the page lists them, among the allowed values. Strings are accepted for
// every scalar type, as that is what a command line yields. Unknown names
// are reported first, since a misspelt name also looks like a missing one.
func (op *Operation) Validate(p map[string]any) error {
	return checkObject(op.Params, p, "", op.Style)
}

// Coerce returns a copy of the tree with string leaves converted to the
// documented types (json.Number for Integer and Float, bool for Boolean)
// and other leaves of String parameters turned into strings, as an API 3.0
// JSON body must be typed. The tree must validate.
func (op *Operation) Coerce(p map[string]any) (map[string]any, error) {
	if err := op.Validate(p); err != nil {
		return nil, err
	}
	return coerceObject(op.Params, p), nil
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func checkObject(fields []Param, obj map[string]any, path string, st Style) error {
	if len(fields) == 0 {
		return nil // an object the page does not spell out
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if findParam(fields, k) == nil {
			names := paramNames(fields)
			e := &ValidationError{Param: join(path, k), Problem: ProblemUnknown, Valid: names}
			if s := closest(k, names); s != "" {
				e.Suggest = join(path, s)
			}
			return e
		}
	}
	for i := range fields {
		f := &fields[i]
		v, ok := obj[f.Name]
		if !ok || v == nil || isEmptyContainer(v) {
			// An empty list or object travels as nothing at all.
			if f.Required {
				return &ValidationError{Param: join(path, f.Name), Problem: "required"}
			}
			continue
		}
		if err := checkParam(f, v, join(path, f.Name), st); err != nil {
			return err
		}
	}
	return nil
}

func isEmptyContainer(v any) bool {
	switch x := v.(type) {
	case []any:
		return len(x) == 0
	case []string:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

func findParam(fields []Param, name string) *Param {
	for i := range fields {
		if fields[i].Name == name {
			return &fields[i]
		}
	}
	return nil
}

func paramNames(fields []Param) []string {
	out := make([]string, len(fields))
	for i := range fields {
		out[i] = fields[i].Name
	}
	return out
}

func checkParam(f *Param, v any, path string, st Style) error {
	if !f.Array {
		return checkValue(f, v, path, st)
	}
	var elems []any
	switch x := v.(type) {
	case []any:
		elems = x
	case []string:
		for _, s := range x {
			elems = append(elems, s)
		}
	default:
		return &ValidationError{Param: path, Problem: "want a list (" + path + ".0, " + path + ".1, …), got " + describe(v)}
	}
	if f.MaxItems > 0 && len(elems) > f.MaxItems {
		return &ValidationError{Param: path, Rule: RuleCount, Got: strconv.Itoa(len(elems)) + " values", Expected: countForm(f.MaxItems),
			Problem: fmt.Sprintf("%d values: expected %s", len(elems), countForm(f.MaxItems))}
	}
	for i, e := range elems {
		if err := checkValue(f, e, path+"."+strconv.Itoa(i), st); err != nil {
			return err
		}
	}
	return nil
}

// checkValue checks one value (or one element of an array) of f.
func checkValue(f *Param, v any, path string, st Style) error {
	if f.Type == Object {
		m, ok := v.(map[string]any)
		if !ok {
			return &ValidationError{Param: path, Problem: "want an object, got " + describe(v)}
		}
		return checkObject(f.Fields, m, path, st)
	}
	s, ok := scalar(v)
	if !ok {
		return &ValidationError{Param: path, Problem: "want a single value, got " + describe(v)}
	}
	switch f.Type {
	case Integer:
		if !isInteger(v, s) {
			want := "an integer"
			if f.Range != nil {
				want = f.Range.String()
			}
			return typeError(f, path, s, "want an integer", want)
		}
		// An integer beyond int64 is out of range, not "not an integer".
		if n, err := strconv.ParseInt(s, 10, 64); err != nil {
			r := f.Range
			if r == nil {
				r = &Range{math.MinInt64, math.MaxInt64}
			}
			return ruleError(f, path, s, RuleRange, r.String())
		} else if f.Range != nil && (n < f.Range.Min || n > f.Range.Max) {
			return ruleError(f, path, s, RuleRange, f.Range.String())
		}
	case Float:
		if _, isBool := v.(bool); isBool || !isNumber(s) {
			return typeError(f, path, s, "want a number", "a number")
		}
	case Boolean:
		if _, isBool := v.(bool); !isBool && s != "true" && s != "false" {
			return typeError(f, path, s, "want true or false", "true or false")
		}
	}
	if len(f.Enum) > 0 && !contains(f.Enum, s) && !(f.EnumFold && containsFold(f.Enum, s)) {
		e := ruleError(f, path, s, RuleEnum, EnumForm(f.Enum))
		e.Valid = f.Enum
		if !f.Secret {
			e.Problem = fmt.Sprintf("%q is not one of %s", s, strings.Join(f.Enum, ", "))
		}
		return e
	}
	return checkRules(f, s, path, st)
}

// typeError reports a value not of the parameter's type; a secret's value
// is not repeated.
func typeError(f *Param, path, s, want, expected string) *ValidationError {
	e := &ValidationError{Param: path, Rule: RuleType, Expected: expected}
	if f.Secret {
		e.Problem = want
		return e
	}
	e.Got = strconv.Quote(s)
	e.Problem = want + ", got " + e.Got
	return e
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// scalar renders a leaf as it travels on the wire.
func scalar(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case bool:
		return strconv.FormatBool(x), true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	return "", false
}

func isInteger(v any, s string) bool {
	switch x := v.(type) {
	case bool:
		return false
	case float64:
		return x == math.Trunc(x) && !math.IsInf(x, 0)
	case int, int64:
		return true
	}
	// digits, however many: beyond int64 is a range error
	d := strings.TrimPrefix(s, "-")
	if d == "" {
		return false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	return true
}

func isNumber(s string) bool {
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
}

func describe(v any) string {
	switch x := v.(type) {
	case map[string]any:
		return "an object"
	case []any, []string:
		return "a list"
	case nil:
		return "nothing"
	default:
		s, _ := scalar(x)
		return strconv.Quote(s)
	}
}

// closest is the valid name nearest to name, ignoring case, if it is near
// enough to be a plausible slip: a different case, a prefix either way, or
// an edit distance of at most a third of the name (at least 2).
func closest(name string, valid []string) string {
	ln := strings.ToLower(name)
	best, bestD := "", math.MaxInt
	for _, c := range valid {
		lc := strings.ToLower(c)
		d := suggest.Distance(ln, lc)
		if min(len(ln), len(lc)) >= 3 && (strings.HasPrefix(lc, ln) || strings.HasPrefix(ln, lc)) {
			d = min(d, 1) // a truncated or extended name
			if lc == ln {
				d = 0
			}
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	limit := max(2, utf8.RuneCountInString(name)/3)
	if best == "" || bestD > limit {
		return ""
	}
	return best
}

func coerceObject(fields []Param, obj map[string]any) map[string]any {
	out := make(map[string]any, len(obj))
	for k, v := range obj {
		f := findParam(fields, k)
		if f == nil { // an object the page does not spell out
			out[k] = v
			continue
		}
		out[k] = coerceParam(f, v)
	}
	return out
}

func coerceParam(f *Param, v any) any {
	if !f.Array {
		return coerceValue(f, v)
	}
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = coerceValue(f, e)
		}
		return out
	case []string:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = coerceValue(f, e)
		}
		return out
	}
	return v
}

func coerceValue(f *Param, v any) any {
	if f.Type == Object {
		if m, ok := v.(map[string]any); ok {
			return coerceObject(f.Fields, m)
		}
		return v
	}
	s, ok := scalar(v)
	if !ok {
		return v
	}
	switch f.Type {
	case Integer, Float:
		return json.Number(s)
	case Boolean:
		return s == "true"
	default:
		return s
	}
}
