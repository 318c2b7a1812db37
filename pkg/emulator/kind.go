package emulator

import (
	"fmt"
	"strings"
	"time"
)

// kind describes one resource kind to the handlers every kind shares:
// finding the resource a request names (its ID's shape, the codes its page
// lists for a bad or unknown ID), deleting it, and listing it in either
// style. A handler that is the same for every kind is a kind's method; a
// kind's own behaviour is a field.
type kind[P record] struct {
	noun   string // in messages: "VPN gateway"
	prefix string // the ID's prefix: "vpngw-"
	rows   func(*Store) *table[P]
	// code and legacyCode are the stems of the codes the pages give the
	// kind ("InvalidVpnGatewayId" for InvalidVpnGatewayId.NotFound and
	// .Malformed, "InvalidVpnGw" for the legacy InvalidVpnGw.NotFound):
	// each is answered where the operation's page lists it, the common
	// code (ResourceNotFound, ResourceInUse, InvalidParameterValue)
	// where it does not. Where the pages of one kind spell it
	// differently, the stems are separated by "|".
	code, legacyCode string
	// legacyErr, when set, is the legacy error for a suffix (NotFound,
	// InUse), for the pages whose codes are numbers rather than stems.
	legacyErr func(public int, suffix, msg string) *apiError
	// inUse names what keeps a resource from being deleted, "" when
	// nothing does; drop deletes it (by default, from its table).
	inUse func(*Store, P) string
	drop  func(*Store, P)
	// vpcParam is for the legacy pages that name a resource with its VPC
	// ("vpcId"): find looks the VPC up first, and a resource of another
	// VPC is not found. hidden, when set, keeps a resource that is not
	// yet listed (a NAT gateway while its order is produced) from being
	// found or listed.
	vpcParam string
	hidden   func(P) bool
	// numbered is for the legacy pages that also take a resource's
	// creation number for its ID (the numeric vpnGwId of their rows).
	numbered bool
	// states, for a kind whose changes take the task delay, is a
	// resource's transitional state: the store's settle finishes it
	// (kind.settle), and ready refuses a resource still in one. settled,
	// when set, completes the kind's own change as a transition other
	// than a delete ends (a NAT gateway's new size).
	states  func(P) *transit
	settled func(*Store, P)

	// The API 3.0 Describe: the IDs parameter ("" for none), the reply's
	// list, the filter naming a parent the table indexes ("" for none),
	// each filter's value, and a row.
	idsParam, set, parent string
	filters               []attr[P]
	v3Row                 func(*Store, P) any
	// filtersAt are the filters whose values need the store (an EIP's
	// status, which its interface's binding decides) or are several
	// (an interface's security groups).
	filtersAt []attrAt[P]

	// The legacy Describe.
	legacy *legacyList[P]
}

// legacyList is a legacy Describe: parameters matched exactly and by
// substring against a resource's fields, and a row. The candidates are
// those of the parameter naming an ID (id) or, through the table's index,
// a parent (parent).
type legacyList[P record] struct {
	max        int       // the most rows a page may ask for
	orderBy    []string  // fields besides createTime rows may be sorted on
	id, parent string    // parameters
	exact      []attr[P] // parameters a field must equal, when given
	substr     []attr[P] // parameters a field must contain
	// match, when set, is a condition the lists above cannot state (a
	// subnet's zone among zoneIds.N).
	match func(*call, P) bool
	// size, when set, is the page's default limit, for the pages whose
	// default is not 20.
	size int
	// reply, when set, is the reply of the count and the page's rows, for
	// the pages whose reply is not {totalCount, data}.
	reply func(total int, rows []any) map[string]any
	// unsorted is for the pages that say rows are unsorted by default:
	// they keep their creation order.
	unsorted bool
	// strict is for the pages that list not-found codes for a Describe:
	// a VPC (parent) or an ID given that does not exist is not found,
	// rather than an empty list.
	strict bool
	// parentID, when set, is the parent's ID for what its parameter gave
	// (a parent's legacy creation number).
	parentID func(*Store, string) string
	row      func(*Store, P) map[string]any
}

// attr is a resource's value for a filter or a parameter. Kinds are
// package variables; slices, not maps, keep them free at start-up.
type attr[P any] struct {
	name string
	get  func(P) string
}

// attrAt is a filter's values of a resource, given the store.
type attrAt[P any] struct {
	name string
	get  func(*Store, P) []string
}

// stems returns the page codes built from stem, most specific first.
func stems(stem string, suffixes ...string) []string {
	if stem == "" {
		return nil
	}
	var out []string
	for _, s := range suffixes {
		for _, st := range strings.Split(stem, "|") {
			out = append(out, st+"."+s)
		}
	}
	return out
}

// fail is an error for the kind: the first of the page's codes the
// operation lists, else fallback, with the legacy public code.
func (k *kind[P]) fail(c *call, public int, fallback, suffix, format string, args ...any) *apiError {
	if c.style == Legacy && k.legacyErr != nil {
		return k.legacyErr(public, suffix, fmt.Sprintf(format, args...))
	}
	if c.style == Legacy {
		return lerrf(public, c.pick(append(stems(k.legacyCode, suffix), fallback)...), format, args...)
	}
	return errf(c.pick(append(stems(k.code, suffix), fallback)...), format, args...)
}

// find returns the resource the parameter names.
func (k *kind[P]) find(c *call, st *Store, param string) (P, *apiError) {
	if c.style == Legacy && k.vpcParam != "" {
		v, err := vpcs.find(c, st, k.vpcParam)
		if err != nil {
			var zero P
			return zero, err
		}
		return k.findIn(c, st, param, v.ID)
	}
	return k.lookup(c, st, param, c.str(param))
}

// lookup returns the resource with id, which the parameter gave.
func (k *kind[P]) lookup(c *call, st *Store, param, id string) (P, *apiError) {
	var zero P
	if c.style == V3 && !idOK(id, k.prefix) {
		return zero, k.fail(c, 4000, "InvalidParameterValue", "Malformed",
			"Parameter `%s`: %q is not an ID of the form %sxxxxxxxx.", param, id, k.prefix)
	}
	v := k.get(c, st, id)
	if v == zero || k.hidden != nil && k.hidden(v) {
		return zero, k.fail(c, 5000, "ResourceNotFound", "NotFound", "The %s %s does not exist.", k.noun, id)
	}
	return v, nil
}

// get returns the resource with id, or nil: for a numbered kind, in the
// legacy style, also the one with that creation number.
func (k *kind[P]) get(c *call, st *Store, id string) P {
	if k.numbered && c.style == Legacy {
		return k.rows(st).getOrNum(id)
	}
	return k.rows(st).get(id)
}

// findIn is find for the legacy pages that name a resource with its
// parent (a subnet with its VPC): one of another parent is not found.
func (k *kind[P]) findIn(c *call, st *Store, param, parent string) (P, *apiError) {
	v, err := k.lookup(c, st, param, c.str(param))
	if err == nil && k.rows(st).parentOf(v) != parent {
		var zero P
		return zero, k.fail(c, 5000, "ResourceNotFound", "NotFound", "The %s %s does not exist in %s.", k.noun, v.key(), parent)
	}
	return v, err
}

// free refuses to delete a resource something else still uses.
func (k *kind[P]) free(c *call, st *Store, v P) *apiError {
	if k.inUse == nil {
		return nil
	}
	what := k.inUse(st, v)
	if what == "" {
		return nil
	}
	msg := fmt.Sprintf("The %s %s cannot be deleted: %s is in it.", k.noun, v.key(), what)
	if c.style == Legacy && k.legacyErr != nil {
		return k.legacyErr(5100, "InUse", msg)
	}
	if c.style == Legacy {
		return lerrf(5100, c.pick(append(stems(k.legacyCode, "CannotDelete", "InUse"), "ResourceInUse")...), "%s", msg)
	}
	return errf(c.pick(append(stems(k.code, "InUse"), "ResourceInUse")...), "%s", msg)
}

// remove deletes a resource.
func (k *kind[P]) remove(st *Store, v P) {
	if k.drop != nil {
		k.drop(st, v)
	} else {
		k.rows(st).del(v.key())
	}
	st.dirty = true
}

// deleter is the Delete handler of a resource the parameter names.
func (k *kind[P]) deleter(param string) handler {
	return func(c *call, st *Store) (map[string]any, *apiError) {
		v, err := k.find(c, st, param)
		if err == nil {
			err = k.free(c, st, v)
		}
		if err != nil {
			return nil, err
		}
		k.remove(st, v)
		return nil, nil
	}
}

// describeV3 is the kind's API 3.0 Describe.
func (k *kind[P]) describeV3(c *call, st *Store) (map[string]any, *apiError) {
	known := make([]string, 0, len(k.filters)+len(k.filtersAt))
	for _, x := range k.filters {
		known = append(known, x.name)
	}
	for _, x := range k.filtersAt {
		known = append(known, x.name)
	}
	values := func(v P, name string) []string {
		for _, x := range k.filters {
			if x.name == name {
				return []string{x.get(v)}
			}
		}
		for _, x := range k.filtersAt {
			if x.name == name {
				return x.get(st, v)
			}
		}
		return nil
	}
	return listV3(c, k.rows(st), k.idsParam, k.set, k.parent, known, values, func(v P) any { return k.v3Row(st, v) })
}

// describeLegacy is the kind's legacy Describe.
func (k *kind[P]) describeLegacy(c *call, st *Store) (map[string]any, *apiError) {
	l := k.legacy
	q, err := c.legacyPage(l.max, l.orderBy...)
	if err != nil {
		return nil, err
	}
	if l.unsorted {
		q.unsortedByDefault(c)
	}
	if l.size != 0 && !c.has("limit") {
		q.limit = l.size
	}
	if l.strict {
		if err := k.known(c, st); err != nil {
			return nil, err
		}
	}
	var id, parent string
	if l.id != "" {
		id = c.str(l.id)
		if v := k.get(c, st, id); v != *new(P) {
			id = v.key()
		}
	}
	if l.parent != "" {
		parent = c.str(l.parent)
		if l.parentID != nil && parent != "" {
			parent = l.parentID(st, parent)
		}
	}
	var matches []P
	t := k.rows(st)
	for _, v := range t.pick(nonEmpty(id), nonEmpty(parent)) {
		if l.keeps(c, t, v, id, parent) && (k.hidden == nil || !k.hidden(v)) {
			matches = append(matches, v)
		}
	}
	total, rows := legacyRows(q, matches, func(v P) map[string]any { return l.row(st, v) })
	if l.reply != nil {
		return l.reply(total, rows), nil
	}
	return map[string]any{"totalCount": total, "data": rows}, nil
}

// known refuses a legacy Describe naming a VPC or an ID that does not
// exist.
func (k *kind[P]) known(c *call, st *Store) *apiError {
	l := k.legacy
	if l.parent != "" && c.has(l.parent) {
		if _, err := vpcs.find(c, st, l.parent); err != nil {
			return err
		}
	}
	if l.id != "" && c.has(l.id) {
		_, err := k.lookup(c, st, l.id, c.str(l.id))
		return err
	}
	return nil
}

// keeps reports whether v passes the parameters; id and parent are what
// the ID and parent parameters name.
func (l *legacyList[P]) keeps(c *call, t *table[P], v P, id, parent string) bool {
	if l.id != "" && c.has(l.id) && v.key() != id {
		return false
	}
	if l.parent != "" && c.has(l.parent) && t.parentOf(v) != parent {
		return false
	}
	for _, f := range l.exact {
		if c.has(f.name) && f.get(v) != c.str(f.name) {
			return false
		}
	}
	for _, f := range l.substr {
		if !fuzzy(f.get(v), c.str(f.name)) {
			return false
		}
	}
	return l.match == nil || l.match(c, v)
}

// transit is the state of a resource whose changes take the task delay:
// PENDING, MODIFYING or DELETING until Until, then AVAILABLE, or gone
// when it was DELETING. A kind embeds it and names it in its descriptor
// (states).
type transit struct {
	State string    `json:"state,omitempty"`
	Until time.Time `json:"until,omitzero"`
}

// enter starts a transition to state, which ends after the task delay.
func (t *transit) enter(c *call, state string) { t.State, t.Until = state, c.transitionUntil() }

// state is State, AVAILABLE when the resource never had another.
func (t *transit) state() string {
	if t.State == "" {
		return stateAvailable
	}
	return t.State
}

// busy reports whether a transition is under way.
func (t *transit) busy() bool { return t.state() != stateAvailable }

// transitionUntil is when a transitional state entered now ends.
func (c *call) transitionUntil() time.Time { return c.now.Add(c.delay) }

// settle finishes the kind's transitions that are due by now: a DELETING
// resource is removed (by drop, when set), any other becomes AVAILABLE.
func (k *kind[P]) settle(st *Store, now time.Time) {
	for _, v := range k.rows(st).byID {
		t := k.states(v)
		if t.Until.IsZero() || now.Before(t.Until) {
			continue
		}
		t.Until = time.Time{}
		st.dirty = true
		if t.State == stateDeleting {
			k.remove(st, v)
			continue
		}
		t.State = stateAvailable
		if k.settled != nil {
			k.settled(st, v)
		}
	}
}

// ready refuses a resource in transition with the first of codes the
// operation's page lists, else the common UnsupportedOperation; what says
// what the call would have done.
func (k *kind[P]) ready(c *call, v P, what string, codes ...string) *apiError {
	if t := k.states(v); t.busy() {
		return lerrf(5100, c.pick(append(codes, "UnsupportedOperation")...),
			"The %s %s is %s and cannot %s until it is AVAILABLE.", k.noun, v.key(), t.State, what)
	}
	return nil
}
