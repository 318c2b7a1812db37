package emulator

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tcvpc/tcvpc/pkg/api/model"
)

// Parameter accessors. A tree from a JSON body holds typed values, one from
// a query string holds strings; these read either.

func (c *call) raw(name string) (any, bool) {
	var cur any = map[string]any(c.params)
	for _, seg := range strings.Split(name, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[seg]; !ok {
			return nil, false
		}
	}
	return cur, cur != nil
}

func (c *call) has(name string) bool {
	v, ok := c.raw(name)
	if !ok {
		return false
	}
	if s, isStr := v.(string); isStr {
		return s != ""
	}
	return true
}

func scalarString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	}
	return fmt.Sprint(v)
}

// str returns a scalar parameter as a string, "" when absent.
func (c *call) str(name string) string {
	v, _ := c.raw(name)
	return scalarString(v)
}

func (c *call) missing(name string) *apiError {
	if c.style == Legacy {
		return lerrf(4000, "MissingParameter", "The request is missing a required parameter `%s`.", name)
	}
	return errf("MissingParameter", "The request is missing a required parameter `%s`.", name)
}

// invalid refuses a parameter's value. The legacy pages name a code for
// some parameters ("InvalidVpcName" for vpcName): it is answered where
// the operation lists it.
func (c *call) invalid(name, format string, args ...any) *apiError {
	msg := fmt.Sprintf("Parameter `%s`: ", name) + fmt.Sprintf(format, args...)
	if c.style == Legacy {
		return lerrf(4000, c.paramCode(name), "%s", msg)
	}
	return errf("InvalidParameterValue", "%s", msg)
}

// paramCode is a legacy page's code for a bad value of the parameter,
// InvalidParameterValue where it lists none.
func (c *call) paramCode(name string) string {
	if name == "" || strings.ContainsAny(name, ".?") {
		return "InvalidParameterValue"
	}
	return c.pick("Invalid"+strings.ToUpper(name[:1])+name[1:], "InvalidParameterValue")
}

// ruled returns the operation's parameter name when the model states a
// value rule for it: dispatch has enforced that rule already, with the
// service's error code, and the hand-written check below is for
// parameters the pages leave without one.
func (c *call) ruled(name string) *model.Param {
	if c.op == nil {
		return nil
	}
	if p, ok := c.op.Param(name); ok && p.HasRule() {
		return p
	}
	return nil
}

func (c *call) hasRange(name string) bool {
	p := c.ruled(name)
	return p != nil && p.Range != nil
}

// intParam reads an integer parameter, def when absent.
func (c *call) intParam(name string, def int) (int, *apiError) {
	if !c.has(name) {
		return def, nil
	}
	s := c.str(name)
	n, err := strconv.Atoi(s)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != float64(int(f)) {
			return 0, c.invalid(name, "%q is not an integer", s)
		}
		n = int(f)
	}
	return n, nil
}

// boolParam reads a boolean; set is false when absent. It accepts what
// both styles send: true/false and 1/0.
func (c *call) boolParam(name string) (val, set bool, err *apiError) {
	if !c.has(name) {
		return false, false, nil
	}
	switch strings.ToLower(c.str(name)) {
	case "true", "1":
		return true, true, nil
	case "false", "0":
		return false, true, nil
	}
	return false, false, c.invalid(name, "%q is not a boolean", c.str(name))
}

// strs reads an array of strings ("Names.N"); a single scalar counts as one.
func (c *call) strs(name string) []string {
	v, ok := c.raw(name)
	if !ok {
		return nil
	}
	return toStrings(v)
}

func toStrings(v any) []string {
	switch x := v.(type) {
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s := scalarString(e); s != "" {
				out = append(out, s)
			}
		}
		return out
	case []string:
		return x
	case map[string]any:
		return nil
	}
	if s := scalarString(v); s != "" {
		return []string{s}
	}
	return nil
}

// objs reads an array of objects ("subnetSet.N.cidrBlock").
func (c *call) objs(name string) []map[string]any {
	v, ok := c.raw(name)
	if !ok {
		return nil
	}
	switch x := v.(type) {
	case []any:
		out := make([]map[string]any, 0, len(x))
		for _, e := range x {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	case map[string]any:
		return []map[string]any{x}
	}
	return nil
}

func field(m map[string]any, k string) string { return scalarString(m[k]) }

// filters reads API 3.0 Filters.N.Name / Filters.N.Values.M.
func (c *call) filters() (map[string][]string, *apiError) {
	out := map[string][]string{}
	for i, f := range c.objs("Filters") {
		name := field(f, "Name")
		if name == "" {
			return nil, c.invalid(fmt.Sprintf("Filters.%d.Name", i), "a filter needs a Name")
		}
		out[name] = append(out[name], toStrings(f["Values"])...)
	}
	return out, nil
}

// query is a parsed Describe request: IDs or filters, and a page.
type query struct {
	ids     []string
	filters map[string][]string
	offset  int
	limit   int
}

// v3Query reads idsParam, Filters, Offset and Limit, checking the filter
// names against known and that IDs and Filters are not both given.
func (c *call) v3Query(idsParam string, known ...string) (*query, *apiError) {
	q := &query{ids: c.strs(idsParam)}
	f, err := c.filters()
	if err != nil {
		return nil, err
	}
	q.filters = f
	if len(q.ids) > 0 && len(f) > 0 {
		return nil, errf(c.pick("InvalidParameter.Coexist", "InvalidParameter"), "The parameters `%s` and `Filters` cannot be specified at the same time.", idsParam)
	}
	if p := c.ruled(idsParam); (p == nil || p.MaxItems == 0) && len(q.ids) > 100 {
		return nil, errf(c.pick("InvalidParameterValue.LimitExceeded", "InvalidParameterValue"), "At most 100 values of `%s` are allowed.", idsParam)
	}
	for name := range f {
		ok := false
		for _, k := range known {
			if k == name {
				ok = true
			}
		}
		if !ok {
			// Where no page lists a code for an unknown filter, the
			// common InvalidParameter.
			return nil, errf(c.pick("InvalidParameter.FilterInvalidKey", "InvalidParameter"), "The filter `%s` is not supported; supported: %s.", name, strings.Join(known, ", "))
		}
	}
	if q.offset, err = c.intParam("Offset", 0); err != nil {
		return nil, err
	}
	if q.limit, err = c.intParam("Limit", 20); err != nil {
		return nil, err
	}
	if !c.hasRange("Offset") && q.offset < 0 {
		return nil, c.invalid("Offset", "must not be negative")
	}
	if !c.hasRange("Limit") && (q.limit < 0 || q.limit > 100) {
		return nil, errf(c.pick("InvalidParameterValue.Range", "InvalidParameterValue"), "Parameter `Limit` must be between 0 and 100.")
	}
	return q, nil
}

// match reports whether a resource passes the query. get returns a
// resource's values for a filter name.
func (q *query) match(id string, get func(name string) []string) bool {
	if len(q.ids) > 0 {
		found := false
		for _, x := range q.ids {
			if x == id {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	for name, want := range q.filters {
		have := get(name)
		ok := false
		for _, w := range want {
			for _, h := range have {
				if w == h || (strings.HasSuffix(name, "cidr-block") && strings.HasPrefix(h, w+"/")) {
					ok = true
				}
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// listV3 answers an API 3.0 Describe over t: idsParam names the IDs
// parameter ("" for none), set the reply's list, parent the filter naming
// a parent the table indexes by ("" for none), known the filters, values
// a resource's values for one (it may have several: an interface's
// security groups). Candidates come from the index (the IDs asked for, or
// the named parents' children), are kept when they pass the filters, and
// rows are built for the page alone.
func listV3[P record](c *call, t *table[P], idsParam, set, parent string, known []string, values func(P, string) []string, row func(P) any) (map[string]any, *apiError) {
	sort.Strings(known)
	q, err := c.v3Query(idsParam, known...)
	if err != nil {
		return nil, err
	}
	var keep func(P) bool
	if len(q.ids) > 0 || len(q.filters) > 0 {
		keep = func(v P) bool { return q.match(v.key(), func(name string) []string { return values(v, name) }) }
	}
	total, rows := pageRows(t.pick(q.ids, q.filters[parent]), keep, q.offset, q.limit, row)
	return map[string]any{"TotalCount": total, set: rows}, nil
}

// pageOf cuts items to the requested page.
func pageOf[T any](items []T, offset, limit int) []T {
	if offset >= len(items) {
		return []T{}
	}
	items = items[offset:]
	if limit < len(items) {
		items = items[:limit]
	}
	return items
}

// legacyQuery is a legacy Describe's paging and ordering.
type legacyQuery struct {
	offset, limit int
	field         string
	desc          bool
}

// legacyPage reads offset, limit (default 20, at most max), orderField
// (one of fields, default createTime) and orderDirection (default desc).
func (c *call) legacyPage(max int, fields ...string) (*legacyQuery, *apiError) {
	q := &legacyQuery{field: "createTime", desc: true}
	var err *apiError
	if q.offset, err = c.intParam("offset", 0); err != nil {
		return nil, err
	}
	if q.limit, err = c.intParam("limit", 20); err != nil {
		return nil, err
	}
	if !c.hasRange("offset") && q.offset < 0 {
		return nil, c.invalid("offset", "must not be negative")
	}
	if !c.hasRange("limit") && (q.limit < 0 || q.limit > max) {
		return nil, c.invalid("limit", "must be between 0 and %d", max)
	}
	if f := c.str("orderField"); f != "" {
		// Where the page lists the fields, the model has checked it.
		ok := f == "createTime" || c.ruled("orderField") != nil
		for _, k := range fields {
			if k == f {
				ok = true
			}
		}
		if !ok {
			return nil, c.invalid("orderField", "%q cannot be sorted on; use createTime or %s", f, strings.Join(fields, ", "))
		}
		q.field = f
	}
	switch strings.ToLower(c.str("orderDirection")) {
	case "", "desc":
	case "asc":
		q.desc = false
	default:
		if c.ruled("orderDirection") == nil {
			return nil, c.invalid("orderDirection", "must be asc or desc")
		}
	}
	return q, nil
}

// unsortedByDefault is for the pages that say rows are unsorted by default: with no
// orderField, rows keep their creation order.
func (q *legacyQuery) unsortedByDefault(c *call) {
	if !c.has("orderField") {
		q.desc = false
	}
}

// apply sorts rows (legacy field names) and cuts the page. Rows keep
// creation order among equals, and createTime ties break on creation.
func (q *legacyQuery) apply(rows []map[string]any) []map[string]any {
	key := q.field
	if q.desc {
		for i, j := 0, len(rows)-1; i < j; i, j = i+1, j-1 {
			rows[i], rows[j] = rows[j], rows[i]
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := scalarString(rows[i][key]), scalarString(rows[j][key])
		if q.desc {
			return a > b
		}
		return a < b
	})
	return pageOf(rows, q.offset, q.limit)
}

// legacyRows is a legacy Describe's answer over matches (in creation order):
// ordered by creation time, as by default, only the page's rows are built;
// another order sorts every row.
func legacyRows[P any](q *legacyQuery, matches []P, row func(P) map[string]any) (int, []any) {
	n := len(matches)
	if q.field != "createTime" {
		rows := make([]map[string]any, n)
		for i, v := range matches {
			rows[i] = row(v)
		}
		return n, rowsAny(q.apply(rows))
	}
	out := []any{}
	for i := q.offset; i < n && i < q.offset+q.limit; i++ {
		j := i
		if q.desc {
			j = n - 1 - i
		}
		out = append(out, row(matches[j]))
	}
	return n, out
}

// fuzzy is the legacy pages' fuzzy name match: a substring.
func fuzzy(have, want string) bool { return want == "" || strings.Contains(have, want) }
