package emulator

import (
	"encoding/json"
	"slices"
	"strconv"
)

// record is what a table holds: a resource with an ID and a creation
// number (every kind embeds base).
type record interface {
	comparable
	key() string
	num() int64
}

// table is one kind's resources, by ID and in creation order, so that a
// lookup costs one map access and a page costs what the page holds: the
// order is kept as resources are made, never sorted per request. Kinds
// with a parent (a subnet's VPC) also keep their children by parent.
type table[P record] struct {
	byID  map[string]P
	order []P // creation order; deleted entries are zero until compacted
	holes int
	// parentOf, when set, indexes the table by parent ID.
	parentOf func(P) string
	children map[string][]P
}

func (t *table[P]) init() {
	if t.byID == nil {
		t.byID = map[string]P{}
	}
	if t.parentOf != nil && t.children == nil {
		t.children = map[string][]P{}
		for _, v := range t.live() {
			p := t.parentOf(v)
			t.children[p] = append(t.children[p], v)
		}
	}
}

// get returns the resource with id, or nil.
func (t *table[P]) get(id string) P { return t.byID[id] }

// getOrNum returns the resource with id or, as the legacy pages also
// accept, with the creation number id spells; nil when none.
func (t *table[P]) getOrNum(id string) P {
	if x := t.get(id); x != *new(P) {
		return x
	}
	if n, err := strconv.ParseInt(id, 10, 64); err == nil {
		rows := t.live()
		if i, ok := slices.BinarySearchFunc(rows, n, func(x P, n int64) int { return cmpInt(x.num(), n) }); ok {
			return rows[i]
		}
	}
	return *new(P)
}

func (t *table[P]) len() int { return len(t.byID) }

// put adds v, or replaces the resource with its ID.
func (t *table[P]) put(v P) {
	t.init()
	var zero P
	if old := t.byID[v.key()]; old != zero {
		t.del(old.key())
	}
	t.byID[v.key()] = v
	t.order = insertByNum(t.live(), v)
	if t.parentOf != nil {
		p := t.parentOf(v)
		t.children[p] = insertByNum(t.children[p], v)
	}
}

// insertByNum adds v to rows kept in creation order: at the end, as new
// resources come, or in its place when restored out of order.
func insertByNum[P record](rows []P, v P) []P {
	i := len(rows)
	if i > 0 && rows[i-1].num() > v.num() {
		i, _ = slices.BinarySearchFunc(rows, v.num(), func(x P, n int64) int { return cmpInt(x.num(), n) })
	}
	return slices.Insert(rows, i, v)
}

// del removes the resource with id, if any.
func (t *table[P]) del(id string) {
	var zero P
	v := t.byID[id]
	if v == zero {
		return
	}
	delete(t.byID, id)
	if i := slices.Index(t.order, v); i >= 0 {
		t.order[i] = zero
		t.holes++
	}
	if t.parentOf != nil {
		p := t.parentOf(v)
		kids := t.children[p]
		if i := slices.Index(kids, v); i >= 0 {
			kids = slices.Delete(kids, i, i+1)
		}
		if len(kids) == 0 {
			delete(t.children, p)
		} else {
			t.children[p] = kids
		}
	}
}

// all returns the resources in creation order, in a slice of the
// caller's own (it may delete while it walks them).
func (t *table[P]) all() []P { return slices.Clone(t.live()) }

// live is the table's own ordered slice, for readers that change nothing.
func (t *table[P]) live() []P {
	if t.holes > 0 {
		var zero P
		t.order = slices.DeleteFunc(t.order, func(v P) bool { return v == zero })
		t.holes = 0
	}
	return t.order
}

// under returns the children of parent in creation order.
func (t *table[P]) under(parent string) []P {
	t.init()
	return t.children[parent]
}

// MarshalJSON saves a table as an object by ID, the form state files have
// always had.
func (t *table[P]) MarshalJSON() ([]byte, error) {
	if t.byID == nil {
		return []byte("{}"), nil
	}
	return json.Marshal(t.byID)
}

func (t *table[P]) UnmarshalJSON(b []byte) error {
	var m map[string]P
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	rows := make([]P, 0, len(m))
	for _, v := range m {
		rows = append(rows, v)
	}
	slices.SortFunc(rows, func(a, b P) int { return cmpInt(a.num(), b.num()) })
	t.byID, t.order, t.holes, t.children = m, rows, 0, nil
	if t.byID == nil {
		t.byID = map[string]P{}
	}
	return nil
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// pick returns the candidates for a query: the named IDs when there are
// some, the children of the filter's parents when the kind has a parent
// and the query filters on it, otherwise everything. Each is in creation
// order.
func (t *table[P]) pick(ids []string, parentFilter []string) []P {
	var zero P
	switch {
	case len(ids) > 0:
		var out []P
		for _, id := range ids {
			if v := t.byID[id]; v != zero && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
		slices.SortFunc(out, func(a, b P) int { return cmpInt(a.num(), b.num()) })
		return out
	case t.parentOf != nil && len(parentFilter) > 0:
		if len(parentFilter) == 1 {
			return t.under(parentFilter[0])
		}
		var out []P
		for _, p := range parentFilter {
			out = append(out, t.under(p)...)
		}
		out = slices.Compact(slices.SortedFunc(slices.Values(out), func(a, b P) int { return cmpInt(a.num(), b.num()) }))
		return out
	}
	return t.live()
}

// pageRows keeps the candidates that pass keep and builds rows for the
// page [offset, offset+limit) alone: the count is of every match, the cost
// of row building that of one page.
func pageRows[P any](cands []P, keep func(P) bool, offset, limit int, row func(P) any) (total int, rows []any) {
	rows = []any{}
	for _, v := range cands {
		if keep != nil && !keep(v) {
			continue
		}
		if total >= offset && total < offset+limit {
			rows = append(rows, row(v))
		}
		total++
	}
	return total, rows
}
