package emulator

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// Template is a parameter template: an IP address template (ipm-), a
// protocol/port template (ppm-), or a group of either (ipmg-, ppmg-),
// whose Members are addresses, services or template IDs.
type Template struct {
	base
	Name    string   `json:"name"`
	Members []string `json:"members"`
}

// Limits from the parameter template pages' 29260 ("total or members
// over the limit"), in round figures.
const (
	templateLimit       = 100 // templates of one kind
	templateMemberLimit = 20  // entries of one template or group
)

// tmplKind is one of the four template kinds, with the names each style
// gives its parameters and fields; a group kind has the kind of its
// members.
type tmplKind struct {
	prefix, noun string
	table        func(*Store) *table[*Template]
	members      *tmplKind // for groups
	check        func(string) bool

	// v3Obj names the API 3.0 operations (CreateAddressTemplate), v3Set
	// and v3Out a Describe's list and a row's entries, v3Filter the stem
	// of its filters; lgAction names the legacy operations
	// (CreateAddress) but its Describe, lgList.
	v3Obj, v3Set, v3Out, v3Filter, lgAction, lgList string
	id, name, entries                               pair
	// groupName is for the service group pages, which name the group
	// ServiceTemplateName (API 3.0) and serviceName (legacy requests)
	// where the other kinds say group: replies carry the group spelling
	// too, as today's SDKs read it.
	groupName pair
}

// pair is a parameter's or a field's name in API 3.0 and in the legacy API.
type pair struct{ v3, legacy string }

func (p pair) in(c *call) string { return c.pickParam(p.v3, p.legacy) }

var (
	addressKind = &tmplKind{
		prefix: "ipm-", noun: "IP address template", check: addressEntryOK,
		table: func(s *Store) *table[*Template] { return &s.AddressTemplates },
		v3Obj: "AddressTemplate", v3Set: "AddressTemplateSet", v3Out: "AddressSet", v3Filter: "address-template", lgAction: "Address", lgList: "DescribeAddress",
		id: pair{"AddressTemplateId", "addressId"}, name: pair{"AddressTemplateName", "addressName"}, entries: pair{"Addresses", "address"},
	}
	addressGroupKind = &tmplKind{
		prefix: "ipmg-", noun: "IP address template group", members: addressKind,
		table: func(s *Store) *table[*Template] { return &s.AddressGroups },
		v3Obj: "AddressTemplateGroup", v3Set: "AddressTemplateGroupSet", v3Out: "AddressTemplateIdSet", v3Filter: "address-template-group", lgAction: "AddressGroup", lgList: "DescribeAddressGroups",
		id: pair{"AddressTemplateGroupId", "addressGroupId"}, name: pair{"AddressTemplateGroupName", "addressGroupName"}, entries: pair{"AddressTemplateIds", "addressGroup"},
	}
	serviceKind = &tmplKind{
		prefix: "ppm-", noun: "protocol/port template", check: serviceEntryOK,
		table: func(s *Store) *table[*Template] { return &s.ServiceTemplates },
		v3Obj: "ServiceTemplate", v3Set: "ServiceTemplateSet", v3Out: "ServiceSet", v3Filter: "service-template", lgAction: "Service", lgList: "DescribeService",
		id: pair{"ServiceTemplateId", "serviceId"}, name: pair{"ServiceTemplateName", "serviceName"}, entries: pair{"Services", "service"},
	}
	serviceGroupKind = &tmplKind{
		prefix: "ppmg-", noun: "protocol/port template group", members: serviceKind,
		table: func(s *Store) *table[*Template] { return &s.ServiceGroups },
		v3Obj: "ServiceTemplateGroup", v3Set: "ServiceTemplateGroupSet", v3Out: "ServiceTemplateIdSet", v3Filter: "service-template-group", lgAction: "ServiceGroup", lgList: "DescribeServiceGroups",
		id: pair{"ServiceTemplateGroupId", "serviceGroupId"}, name: pair{"ServiceTemplateName", "serviceName"}, entries: pair{"ServiceTemplateIds", "serviceGroup"},
		groupName: pair{"ServiceTemplateGroupName", "serviceGroupName"},
	}
	templateKinds = []*tmplKind{addressKind, addressGroupKind, serviceKind, serviceGroupKind}
)

// tmplOps are a template kind's handlers, over the shared kind built
// from its names.
type tmplOps struct {
	*tmplKind
	k *kind[*Template]
}

func registerTemplate(h map[string]handler) {
	for _, t := range templateKinds {
		o := tmplOps{t, t.kind()}
		h["v3/Create"+t.v3Obj] = o.create
		h["v3/Describe"+t.v3Obj+"s"] = o.k.describeV3
		h["v3/Modify"+t.v3Obj+"Attribute"] = o.modify
		h["v3/Delete"+t.v3Obj] = o.remove
		h["legacy/Create"+t.lgAction] = o.create
		h["legacy/Delete"+t.lgAction] = o.remove
		h["legacy/Modify"+t.lgAction] = o.modify
		h["legacy/Modify"+t.lgAction+"Attribute"] = o.modify
		h["legacy/Describe"+t.lgAction+"Instances"] = o.legacyInstances
		h["legacy/"+t.lgList] = o.k.describeLegacy
	}
}

// kind is the shared descriptor of t. The legacy Describe matches the ID
// and the name as substrings, both given meaning both must match, as the
// pages say.
func (t *tmplKind) kind() *kind[*Template] {
	id := func(x *Template) string { return x.ID }
	name := func(x *Template) string { return x.Name }
	return &kind[*Template]{
		noun: t.noun, prefix: t.prefix, rows: t.table,
		// A template not found, or in use (the pages' "request failed").
		legacyErr: func(public int, suffix, msg string) *apiError {
			if suffix == "InUse" {
				return tmplErr(public, tmplBackend, "%s", msg)
			}
			return tmplErr(public, tmplNotFound, "%s", msg)
		},
		inUse: func(st *Store, x *Template) string { return st.templateInUse(x.ID) },
		set:   t.v3Set, filters: []attr[*Template]{{t.v3Filter + "-name", name}, {t.v3Filter + "-id", id}},
		v3Row: func(_ *Store, x *Template) any {
			row := map[string]any{t.id.v3: x.ID, t.name.v3: x.Name, t.v3Out: append([]string{}, x.Members...), "CreatedTime": x.created()}
			if t.groupName.v3 != "" {
				row[t.groupName.v3] = x.Name
			}
			return row
		},
		legacy: &legacyList[*Template]{
			max: 100, substr: []attr[*Template]{{t.id.legacy, id}, {t.name.legacy, name}},
			reply: func(total int, rows []any) map[string]any {
				return map[string]any{"data": map[string]any{"totalCount": total, "data": rows}}
			},
			row: func(_ *Store, x *Template) map[string]any {
				name := cmp.Or(t.groupName.legacy, t.name.legacy)
				return map[string]any{t.id.legacy: x.ID, name: x.Name, t.entries.legacy: append([]string{}, x.Members...), "createTime": x.created()}
			},
		},
	}
}

// addressEntryOK accepts an IP, a CIDR block or a range a-b.
func addressEntryOK(s string) bool {
	if lo, hi, ok := strings.Cut(s, "-"); ok {
		a, err1 := netip.ParseAddr(lo)
		b, err2 := netip.ParseAddr(hi)
		return err1 == nil && err2 == nil && a.Is4() == b.Is4() && !b.Less(a)
	}
	_, notCIDR := netip.ParsePrefix(s)
	_, notIP := netip.ParseAddr(s)
	return notCIDR == nil || notIP == nil
}

// serviceEntryOK accepts protocol[:ports]: tcp and udp with "all", ports
// and ranges separated by commas (tcp:80, tcp:443-446, tcp:99,97), icmp
// and gre without ports.
func serviceEntryOK(s string) bool {
	proto, ports, hasPorts := strings.Cut(strings.ToLower(s), ":")
	switch {
	case proto == "icmp" || proto == "gre":
		return !hasPorts || ports == "all"
	case proto != "tcp" && proto != "udp":
		return false
	case !hasPorts || ports == "all":
		return true
	}
	for _, part := range strings.Split(ports, ",") {
		lo, hi, isRange := strings.Cut(part, "-")
		if !isRange {
			hi = lo
		}
		a, err1 := strconv.Atoi(lo)
		b, err2 := strconv.Atoi(hi)
		if err1 != nil || err2 != nil || a < 1 || b > 65535 || a > b {
			return false
		}
	}
	return true
}

// tmplCode is a failure in each style: the API 3.0 code where the page
// lists it (common, a common code, where it does not), the legacy public
// and module codes.
type tmplCode struct {
	v3, common     string
	public, module int
}

// The legacy pages' module codes are numbers; a failure sends the public
// code, the number as codeDesc, and the number in parentheses before the
// message, the form of the manual's error example.
const (
	tmplBackend  = 29257 // request failed
	tmplNotFound = 29258 // a referenced resource does not exist
	tmplLimit    = 29260 // too many templates or entries
	tmplBadParam = 9003
	tmplBusy     = 9005 // the resource is being edited
)

var (
	tmplMalformed = tmplCode{"InvalidParameterValue.Malformed", "InvalidParameterValue", 4000, tmplBadParam}
	tmplDuplicate = tmplCode{"InvalidParameterValue.Duplicate", "InvalidParameterValue", 4000, tmplBadParam}
	tmplBadName   = tmplCode{"InvalidParameterValue", "InvalidParameterValue", 4000, tmplBadParam}
	tmplTooMany   = tmplCode{"LimitExceeded", "LimitExceeded", 5100, tmplLimit}
	tmplMissing   = tmplCode{"ResourceNotFound", "ResourceNotFound", 5000, tmplNotFound}
)

func (e *tmplCode) err(c *call, format string, args ...any) *apiError {
	if c.style == Legacy {
		return tmplErr(e.public, e.module, format, args...)
	}
	return errf(c.pick(e.v3, e.common), format, args...)
}

func tmplErr(public, module int, format string, args ...any) *apiError {
	return lerrf(public, strconv.Itoa(module), "(%d) %s", module, fmt.Sprintf(format, args...))
}

// memberProblem says what is wrong with a template's or group's new
// entries, nil when nothing is.
func (t *tmplKind) memberProblem(st *Store, members []string) (*tmplCode, string) {
	if len(members) == 0 {
		return &tmplMalformed, "at least one entry is needed"
	}
	if len(members) > templateMemberLimit {
		return &tmplTooMany, fmt.Sprintf("a %s holds at most %d entries", t.noun, templateMemberLimit)
	}
	for i, m := range members {
		switch {
		case slices.Contains(members[:i], m):
			return &tmplDuplicate, fmt.Sprintf("%s is given twice", m)
		case t.members == nil:
			if !t.check(m) {
				return &tmplMalformed, fmt.Sprintf("%q is not a valid entry of a %s", m, t.noun)
			}
		// The model holds the shape of API 3.0's member IDs, not the
		// legacy API's.
		case !idOK(m, t.members.prefix):
			return &tmplMalformed, fmt.Sprintf("%q is not the ID of a %s", m, t.members.noun)
		case t.members.table(st).get(m) == nil:
			return &tmplMissing, fmt.Sprintf("the %s %s does not exist", t.members.noun, m)
		}
	}
	return nil, ""
}

// templateUsers calls use for each group holding the template id and each
// security group whose policies name it, until use returns false.
func (st *Store) templateUsers(id string, use func(noun, typ, user, name string) bool) {
	for _, k := range []*tmplKind{addressGroupKind, serviceGroupKind} {
		for _, g := range k.table(st).all() {
			if contains(g.Members, id) && !use(k.noun, strings.TrimSuffix(k.prefix, "-"), g.ID, g.Name) {
				return
			}
		}
	}
	for _, g := range st.SecurityGroups.all() {
		b, _ := json.Marshal([][]SGPolicy{g.Ingress, g.Egress})
		if strings.Contains(string(b), `"`+id+`"`) && !use("security group", "sg", g.ID, g.Name) {
			return
		}
	}
}

// templateInUse names what refers to a template, "" when nothing does.
func (st *Store) templateInUse(id string) (what string) {
	st.templateUsers(id, func(noun, _, user, _ string) bool {
		what = "the " + noun + " " + user
		return false
	})
	return what
}

// find returns the template a call names; edit refuses, in the legacy
// API, one a running task is changing.
func (o tmplOps) find(c *call, st *Store, edit bool) (*Template, *apiError) {
	t, err := o.k.find(c, st, o.id.in(c))
	if err == nil && edit && c.style == Legacy && st.pendingOn(t.ID) {
		return nil, tmplErr(5100, tmplBusy, "The %s %s is being changed by a running task; try again when it has finished.", o.noun, t.ID)
	}
	return t, err
}

// nameOf reads the name parameter: 1 to 60 characters.
func (o tmplOps) nameOf(c *call) (string, *apiError) {
	name := c.str(o.name.in(c))
	if !nameOK(name) {
		return "", tmplBadName.err(c, "%s must be 1 to 60 characters.", o.name.in(c))
	}
	return name, nil
}

// entriesOf reads the entries given.
func (o tmplOps) entriesOf(c *call, st *Store) ([]string, *apiError) {
	param := o.entries.in(c)
	members := c.strs(param)
	if code, msg := o.memberProblem(st, members); code != nil {
		return nil, code.err(c, "%s: %s.", param, msg)
	}
	return members, nil
}

func (o tmplOps) create(c *call, st *Store) (map[string]any, *apiError) {
	name, err := o.nameOf(c)
	if err != nil {
		return nil, err
	}
	members, err := o.entriesOf(c, st)
	if err != nil {
		return nil, err
	}
	if o.table(st).len() >= templateLimit {
		return nil, tmplTooMany.err(c, "The account has %d %ss, the most it may have.", templateLimit, o.noun)
	}
	t := &Template{base: st.newBase(c, o.prefix), Name: name, Members: members}
	o.table(st).put(t)
	if c.style == Legacy {
		return map[string]any{"data": map[string]any{o.id.legacy: t.ID}}, nil
	}
	return map[string]any{o.v3Obj: o.k.v3Row(st, t)}, nil
}

// modify is ModifyXAttribute in both styles and the legacy ModifyX: the
// name, where the page takes it (the legacy one requires it), and the
// entries, which the legacy API replaces when its task finishes.
func (o tmplOps) modify(c *call, st *Store) (map[string]any, *apiError) {
	t, err := o.find(c, st, true)
	if err != nil {
		return nil, err
	}
	name := t.Name
	if _, takes := c.op.Param(o.name.in(c)); takes && (c.has(o.name.in(c)) || c.style == Legacy) {
		if name, err = o.nameOf(c); err != nil {
			return nil, err
		}
	}
	if _, given := c.raw(o.entries.in(c)); given {
		members, err := o.entriesOf(c, st)
		if err != nil {
			return nil, err
		}
		if c.style == Legacy {
			return tmplTask(st.deferTask(c, "net", &Effect{Op: "template.modify", Target: t.ID, Items: members})), nil
		}
		t.Members = members
	}
	t.Name = name
	st.dirty = true
	return nil, nil
}

// remove is Delete in both styles; the legacy one waits for its task.
func (o tmplOps) remove(c *call, st *Store) (map[string]any, *apiError) {
	t, err := o.find(c, st, true)
	if err == nil {
		err = o.k.free(c, st, t)
	}
	if err != nil {
		return nil, err
	}
	if c.style == V3 {
		o.k.remove(st, t)
		return nil, nil
	}
	return tmplTask(st.deferTask(c, "net", &Effect{Op: "template.delete", Target: t.ID})), nil
}

func tmplTask(t *Task) map[string]any { return map[string]any{"data": map[string]any{"taskId": t.ID}} }

// legacyInstances starts a query task; its result lists what uses the
// template when the task finishes.
func (o tmplOps) legacyInstances(c *call, st *Store) (map[string]any, *apiError) {
	t, err := o.find(c, st, false)
	if err != nil {
		return nil, err
	}
	region := cmp.Or(c.region, "gz")
	return tmplTask(st.deferTask(c, "net", &Effect{Op: "template.instances", Target: t.ID, Fields: map[string]string{"region": region}})), nil
}

// applyTemplate makes a template task's change, or says why it cannot:
// the template may have gone, or come into use, since the call.
func (st *Store) applyTemplate(t *Task, e *Effect) *taskFailure {
	var k *tmplKind
	var tpl *Template
	for _, x := range templateKinds {
		if y := x.table(st).get(e.Target); y != nil {
			k, tpl = x, y
		}
	}
	if tpl == nil {
		return &taskFailure{tmplNotFound, "the template " + e.Target + " does not exist"}
	}
	switch e.Op {
	case "template.delete":
		if what := st.templateInUse(tpl.ID); what != "" {
			return &taskFailure{tmplBackend, tpl.ID + " is used by " + what}
		}
		k.table(st).del(tpl.ID)
	case "template.modify":
		if code, msg := k.memberProblem(st, e.Items); code != nil {
			return &taskFailure{code.module, msg}
		}
		tpl.Members = e.Items
	case "template.instances":
		// The query's data.data: the groups and security groups that
		// use the template.
		detail := []any{}
		st.templateUsers(tpl.ID, func(_, typ, user, name string) bool {
			detail = append(detail, map[string]any{"region": e.Fields["region"], "type": typ, "id": user, "name": name})
			return true
		})
		t.Result = map[string]any{"total": len(detail), "detail": detail}
	}
	return nil
}
