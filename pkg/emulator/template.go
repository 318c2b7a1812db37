package emulator

import (
	"encoding/json"
	"fmt"
	"net/netip"
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

// tmplKind describes one of the four kinds, with the names each style
// gives its fields; a group kind has the kind of its members.
type tmplKind struct {
	prefix, noun string
	table        func(*Store) *table[*Template]
	members      *tmplKind // for groups
	check        func(string) bool

	v3Obj, v3Set, v3ID, v3Name, v3Out, v3In, v3NameFilter, v3IDFilter string
	lgAction, lgID, lgName, lgRowName, lgMembers                      string
}

var (
	addressKind = &tmplKind{
		prefix: "ipm-", noun: "IP address template", check: addressEntryOK,
		table: func(s *Store) *table[*Template] { return &s.AddressTemplates },
		v3Obj: "AddressTemplate", v3Set: "AddressTemplateSet", v3ID: "AddressTemplateId",
		v3Name: "AddressTemplateName", v3Out: "AddressSet", v3In: "Addresses",
		v3NameFilter: "address-template-name", v3IDFilter: "address-template-id",
		lgAction: "Address", lgID: "addressId", lgName: "addressName", lgRowName: "addressName", lgMembers: "address",
	}
	addressGroupKind = &tmplKind{
		prefix: "ipmg-", noun: "IP address template group", members: addressKind,
		table: func(s *Store) *table[*Template] { return &s.AddressGroups },
		v3Obj: "AddressTemplateGroup", v3Set: "AddressTemplateGroupSet", v3ID: "AddressTemplateGroupId",
		v3Name: "AddressTemplateGroupName", v3Out: "AddressTemplateIdSet", v3In: "AddressTemplateIds",
		v3NameFilter: "address-template-group-name", v3IDFilter: "address-template-group-id",
		lgAction: "AddressGroup", lgID: "addressGroupId", lgName: "addressGroupName", lgRowName: "addressGroupName", lgMembers: "addressGroup",
	}
	serviceKind = &tmplKind{
		prefix: "ppm-", noun: "protocol/port template", check: serviceEntryOK,
		table: func(s *Store) *table[*Template] { return &s.ServiceTemplates },
		v3Obj: "ServiceTemplate", v3Set: "ServiceTemplateSet", v3ID: "ServiceTemplateId",
		v3Name: "ServiceTemplateName", v3Out: "ServiceSet", v3In: "Services",
		v3NameFilter: "service-template-name", v3IDFilter: "service-template-id",
		lgAction: "Service", lgID: "serviceId", lgName: "serviceName", lgRowName: "serviceName", lgMembers: "service",
	}
	// The service group pages name the group ServiceTemplateName (API 3.0)
	// and serviceName (legacy requests) where the other kinds say group;
	// replies carry the group spelling too, as today's SDKs read it.
	serviceGroupKind = &tmplKind{
		prefix: "ppmg-", noun: "protocol/port template group", members: serviceKind,
		table: func(s *Store) *table[*Template] { return &s.ServiceGroups },
		v3Obj: "ServiceTemplateGroup", v3Set: "ServiceTemplateGroupSet", v3ID: "ServiceTemplateGroupId",
		v3Name: "ServiceTemplateName", v3Out: "ServiceTemplateIdSet", v3In: "ServiceTemplateIds",
		v3NameFilter: "service-template-group-name", v3IDFilter: "service-template-group-id",
		lgAction: "ServiceGroup", lgID: "serviceGroupId", lgName: "serviceName", lgRowName: "serviceGroupName", lgMembers: "serviceGroup",
	}
	templateKinds = []*tmplKind{addressKind, addressGroupKind, serviceKind, serviceGroupKind}
)

func kindOf(id string) *tmplKind {
	for _, k := range []*tmplKind{addressGroupKind, serviceGroupKind, addressKind, serviceKind} {
		if strings.HasPrefix(id, k.prefix) {
			return k
		}
	}
	return nil
}

func registerTemplate(h map[string]handler) {
	for _, k := range templateKinds {
		h["v3/Create"+k.v3Obj] = k.v3Create
		h["v3/Describe"+k.v3Obj+"s"] = k.v3Describe
		h["v3/Modify"+k.v3Obj+"Attribute"] = k.v3Modify
		h["v3/Delete"+k.v3Obj] = k.v3Delete
		h["legacy/Create"+k.lgAction] = k.legacyCreate
		h["legacy/Delete"+k.lgAction] = k.legacyDelete
		h["legacy/Modify"+k.lgAction] = k.legacyModify
		h["legacy/Modify"+k.lgAction+"Attribute"] = k.legacyModifyAttribute
		h["legacy/Describe"+k.lgAction+"Instances"] = k.legacyInstances
	}
	h["legacy/DescribeAddress"] = addressKind.legacyDescribe
	h["legacy/DescribeAddressGroups"] = addressGroupKind.legacyDescribe
	h["legacy/DescribeService"] = serviceKind.legacyDescribe
	h["legacy/DescribeServiceGroups"] = serviceGroupKind.legacyDescribe
}

// addressEntryOK accepts an IP, a CIDR block or a range a-b.
func addressEntryOK(s string) bool {
	if lo, hi, ok := strings.Cut(s, "-"); ok {
		a, err1 := netip.ParseAddr(lo)
		b, err2 := netip.ParseAddr(hi)
		return err1 == nil && err2 == nil && a.Is4() == b.Is4() && !b.Less(a)
	}
	if strings.Contains(s, "/") {
		_, err := netip.ParsePrefix(s)
		return err == nil
	}
	_, err := netip.ParseAddr(s)
	return err == nil
}

// serviceEntryOK accepts protocol[:ports]: tcp and udp with "all", ports
// and ranges separated by commas (tcp:80, tcp:443-446, tcp:99,97), icmp
// and gre without ports.
func serviceEntryOK(s string) bool {
	proto, ports, hasPorts := strings.Cut(strings.ToLower(s), ":")
	switch proto {
	case "icmp", "gre":
		return !hasPorts || ports == "all"
	case "tcp", "udp":
	default:
		return false
	}
	if !hasPorts || ports == "all" {
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

// memberProblem says what is wrong with a template's or group's new
// entries: "malformed", "dup", "limit" or "missing" (a group member that
// does not exist).
func (k *tmplKind) memberProblem(st *Store, members []string) (kind, msg string) {
	if len(members) == 0 {
		return "malformed", "at least one entry is needed"
	}
	if len(members) > templateMemberLimit {
		return "limit", fmt.Sprintf("a %s holds at most %d entries", k.noun, templateMemberLimit)
	}
	seen := map[string]bool{}
	for _, m := range members {
		if seen[m] {
			return "dup", fmt.Sprintf("%s is given twice", m)
		}
		seen[m] = true
		if k.members == nil {
			if !k.check(m) {
				return "malformed", fmt.Sprintf("%q is not a valid entry of a %s", m, k.noun)
			}
			continue
		}
		if !strings.HasPrefix(m, k.members.prefix) || !idShape.MatchString(m) {
			return "malformed", fmt.Sprintf("%q is not the ID of a %s", m, k.members.noun)
		}
		if k.members.table(st).get(m) == nil {
			return "missing", fmt.Sprintf("the %s %s does not exist", k.members.noun, m)
		}
	}
	return "", ""
}

// inUse names what refers to a template: a group it belongs to or a
// security group policy naming it.
func (st *Store) templateInUse(id string) string {
	for _, k := range []*tmplKind{addressGroupKind, serviceGroupKind} {
		for _, g := range k.table(st).all() {
			if contains(g.Members, id) {
				return "the " + k.noun + " " + g.ID
			}
		}
	}
	if g := st.securityGroupUsing(id); g != nil {
		return "the security group " + g.ID
	}
	return ""
}

func (st *Store) securityGroupUsing(id string) *SecurityGroup {
	for _, g := range st.SecurityGroups.all() {
		for _, p := range append(append([]SGPolicy{}, g.Ingress...), g.Egress...) {
			b, _ := json.Marshal(p)
			if strings.Contains(string(b), `"`+id+`"`) {
				return g
			}
		}
	}
	return nil
}

func (k *tmplKind) count(st *Store) int { return k.table(st).len() }

func (k *tmplKind) create(c *call, st *Store, name string, members []string) *Template {
	t := &Template{base: st.newBase(c, k.prefix), Name: name, Members: members}
	k.table(st).put(t)
	return t
}

func (k *tmplKind) v3Row(t *Template) map[string]any {
	members := t.Members
	if members == nil {
		members = []string{}
	}
	row := map[string]any{k.v3ID: t.ID, k.v3Name: t.Name, k.v3Out: members, "CreatedTime": t.created()}
	if k == serviceGroupKind {
		row["ServiceTemplateGroupName"] = t.Name
	}
	return row
}

// API 3.0.

func (k *tmplKind) v3MemberError(kind, msg string) *apiError {
	switch kind {
	case "dup":
		return errf("InvalidParameterValue.Duplicate", "%s: %s.", k.v3In, msg)
	case "limit":
		return errf("LimitExceeded", "%s: %s.", k.v3In, msg)
	case "missing":
		return errf("ResourceNotFound", "%s: %s.", k.v3In, msg)
	case "malformed":
		return errf("InvalidParameterValue.Malformed", "%s: %s.", k.v3In, msg)
	}
	return errf("InvalidParameterValue", "%s: %s.", k.v3In, msg)
}

func (k *tmplKind) v3Get(c *call, st *Store) (*Template, *apiError) {
	id := c.str(k.v3ID)
	if err := c.checkID(k.v3ID, id, k.prefix); err != nil {
		return nil, err
	}
	t := k.table(st).get(id)
	if t == nil {
		return nil, errf("ResourceNotFound", "The %s %s does not exist.", k.noun, id)
	}
	return t, nil
}

func (k *tmplKind) v3Create(c *call, st *Store) (map[string]any, *apiError) {
	name, members := c.str(k.v3Name), c.strs(k.v3In)
	if !nameOK(name) {
		return nil, errf("InvalidParameterValue", "%s must be 1 to 60 characters.", k.v3Name)
	}
	if kind, msg := k.memberProblem(st, members); kind != "" {
		return nil, k.v3MemberError(kind, msg)
	}
	if k.count(st) >= templateLimit {
		return nil, errf("LimitExceeded", "The account has %d %ss, the most it may have.", templateLimit, k.noun)
	}
	return map[string]any{k.v3Obj: k.v3Row(k.create(c, st, name, members))}, nil
}

func (k *tmplKind) v3Describe(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.v3Query("", k.v3NameFilter, k.v3IDFilter)
	if err != nil {
		return nil, err
	}
	var rows []any
	for _, t := range k.table(st).all() {
		ok := q.match(t.ID, func(name string) []string {
			switch name {
			case k.v3NameFilter:
				return []string{t.Name}
			case k.v3IDFilter:
				return []string{t.ID}
			}
			return nil
		})
		if ok {
			rows = append(rows, k.v3Row(t))
		}
	}
	return map[string]any{"TotalCount": len(rows), k.v3Set: pageOf(nonNil(rows), q.offset, q.limit)}, nil
}

func (k *tmplKind) v3Modify(c *call, st *Store) (map[string]any, *apiError) {
	t, err := k.v3Get(c, st)
	if err != nil {
		return nil, err
	}
	if c.has(k.v3Name) && !nameOK(c.str(k.v3Name)) {
		return nil, errf("InvalidParameterValue", "%s must be 1 to 60 characters.", k.v3Name)
	}
	_, newMembers := c.raw(k.v3In)
	members := c.strs(k.v3In)
	if newMembers {
		if kind, msg := k.memberProblem(st, members); kind != "" {
			return nil, k.v3MemberError(kind, msg)
		}
		t.Members = members
	}
	if c.has(k.v3Name) {
		t.Name = c.str(k.v3Name)
	}
	st.dirty = true
	return nil, nil
}

func (k *tmplKind) v3Delete(c *call, st *Store) (map[string]any, *apiError) {
	t, err := k.v3Get(c, st)
	if err != nil {
		return nil, err
	}
	if what := st.templateInUse(t.ID); what != "" {
		return nil, errf("ResourceInUse", "The %s %s is used by %s.", k.noun, t.ID, what)
	}
	k.table(st).del(t.ID)
	st.dirty = true
	return nil, nil
}

// Legacy API. The pages' module codes are numbers; a failure sends the
// public code, the number as codeDesc, and the number in parentheses
// before the message, the form of the manual's error example.

func tmplErr(public, module int, format string, args ...any) *apiError {
	return lerrf(public, strconv.Itoa(module), "(%d) %s", module, fmt.Sprintf(format, args...))
}

const (
	tmplBackend  = 29257 // request failed
	tmplNotFound = 29258 // a referenced resource does not exist
	tmplLimit    = 29260 // too many templates or entries
	tmplBadParam = 9003
	tmplBusy     = 9005 // the resource is being edited
)

func (k *tmplKind) legacyMemberError(kind, msg string) *apiError {
	switch kind {
	case "missing":
		return tmplErr(5000, tmplNotFound, "%s: %s.", k.lgMembers, msg)
	case "limit":
		return tmplErr(5100, tmplLimit, "%s: %s.", k.lgMembers, msg)
	}
	return tmplErr(4000, tmplBadParam, "%s: %s.", k.lgMembers, msg)
}

// legacyGet finds the template a legacy call names; edit refuses one a
// running task is changing.
func (k *tmplKind) legacyGet(c *call, st *Store, edit bool) (*Template, *apiError) {
	id := c.str(k.lgID)
	t := k.table(st).get(id)
	if t == nil {
		return nil, tmplErr(5000, tmplNotFound, "The %s %s does not exist.", k.noun, id)
	}
	if edit && st.pendingOn(t.ID) {
		return nil, tmplErr(5100, tmplBusy, "The %s %s is being changed by a running task; try again when it has finished.", k.noun, t.ID)
	}
	return t, nil
}

func (k *tmplKind) legacyCreate(c *call, st *Store) (map[string]any, *apiError) {
	name, members := c.str(k.lgName), c.strs(k.lgMembers)
	if !nameOK(name) {
		return nil, tmplErr(4000, tmplBadParam, "%s must be 1 to 60 characters.", k.lgName)
	}
	if kind, msg := k.memberProblem(st, members); kind != "" {
		return nil, k.legacyMemberError(kind, msg)
	}
	if k.count(st) >= templateLimit {
		return nil, tmplErr(5100, tmplLimit, "The account has %d %ss, the most it may have.", templateLimit, k.noun)
	}
	t := k.create(c, st, name, members)
	return map[string]any{"data": map[string]any{k.lgID: t.ID}}, nil
}

func (k *tmplKind) legacyRow(t *Template) map[string]any {
	members := t.Members
	if members == nil {
		members = []string{}
	}
	return map[string]any{k.lgID: t.ID, k.lgRowName: t.Name, k.lgMembers: members, "createTime": t.created()}
}

// legacyDescribe matches the ID and the name as substrings, both given
// meaning both must match, as the pages say.
func (k *tmplKind) legacyDescribe(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.legacyPage(100)
	if err != nil {
		return nil, err
	}
	id, name := c.str(k.lgID), c.str(k.lgName)
	var rows []map[string]any
	for _, t := range k.table(st).all() {
		if fuzzy(t.ID, id) && fuzzy(t.Name, name) {
			rows = append(rows, k.legacyRow(t))
		}
	}
	return map[string]any{"data": map[string]any{"totalCount": len(rows), "data": rowsAny(q.apply(rows))}}, nil
}

func (k *tmplKind) legacyModifyAttribute(c *call, st *Store) (map[string]any, *apiError) {
	t, err := k.legacyGet(c, st, true)
	if err != nil {
		return nil, err
	}
	if !nameOK(c.str(k.lgName)) {
		return nil, tmplErr(4000, tmplBadParam, "%s must be 1 to 60 characters.", k.lgName)
	}
	t.Name = c.str(k.lgName)
	st.dirty = true
	return nil, nil
}

// legacyModify replaces the entries when its task finishes.
func (k *tmplKind) legacyModify(c *call, st *Store) (map[string]any, *apiError) {
	t, err := k.legacyGet(c, st, true)
	if err != nil {
		return nil, err
	}
	members := c.strs(k.lgMembers)
	if kind, msg := k.memberProblem(st, members); kind != "" {
		return nil, k.legacyMemberError(kind, msg)
	}
	task := st.deferTask(c, "net", &Effect{Op: "template.modify", Target: t.ID, Items: members})
	return map[string]any{"data": map[string]any{"taskId": task.ID}}, nil
}

// legacyDelete removes the template when its task finishes.
func (k *tmplKind) legacyDelete(c *call, st *Store) (map[string]any, *apiError) {
	t, err := k.legacyGet(c, st, true)
	if err != nil {
		return nil, err
	}
	if what := st.templateInUse(t.ID); what != "" {
		return nil, tmplErr(5100, tmplBackend, "The %s %s is used by %s.", k.noun, t.ID, what)
	}
	task := st.deferTask(c, "net", &Effect{Op: "template.delete", Target: t.ID})
	return map[string]any{"data": map[string]any{"taskId": task.ID}}, nil
}

// legacyInstances starts a query task; its result lists what uses the
// template when the task finishes.
func (k *tmplKind) legacyInstances(c *call, st *Store) (map[string]any, *apiError) {
	t, err := k.legacyGet(c, st, false)
	if err != nil {
		return nil, err
	}
	region := c.region
	if region == "" {
		region = "gz"
	}
	task := st.deferTask(c, "net", &Effect{Op: "template.instances", Target: t.ID, Fields: map[string]string{"region": region}})
	return map[string]any{"data": map[string]any{"taskId": task.ID}}, nil
}

// applyTemplate makes a template task's change, or says why it cannot:
// the template may have gone, or come into use, since the call.
func (st *Store) applyTemplate(t *Task, e *Effect) *taskFailure {
	k := kindOf(e.Target)
	if k == nil || k.table(st).get(e.Target) == nil {
		return &taskFailure{tmplNotFound, "the template " + e.Target + " does not exist"}
	}
	tpl := k.table(st).get(e.Target)
	switch e.Op {
	case "template.delete":
		if what := st.templateInUse(tpl.ID); what != "" {
			return &taskFailure{tmplBackend, tpl.ID + " is used by " + what}
		}
		k.table(st).del(tpl.ID)
	case "template.modify":
		if kind, msg := k.memberProblem(st, e.Items); kind != "" {
			code := tmplBadParam
			if kind == "missing" {
				code = tmplNotFound
			}
			return &taskFailure{code, msg}
		}
		tpl.Members = e.Items
	case "template.instances":
		t.Result = st.templateInstances(tpl, e.Fields["region"])
	}
	return nil
}

// templateInstances is a query task's data.data: the groups and security
// groups that use a template.
func (st *Store) templateInstances(tpl *Template, region string) map[string]any {
	detail := []any{}
	for _, k := range []*tmplKind{addressGroupKind, serviceGroupKind} {
		for _, g := range k.table(st).all() {
			if contains(g.Members, tpl.ID) {
				detail = append(detail, map[string]any{"region": region, "type": strings.TrimSuffix(k.prefix, "-"), "id": g.ID, "name": g.Name})
			}
		}
	}
	for _, g := range st.SecurityGroups.all() {
		for _, p := range append(append([]SGPolicy{}, g.Ingress...), g.Egress...) {
			b, _ := json.Marshal(p)
			if strings.Contains(string(b), `"`+tpl.ID+`"`) {
				detail = append(detail, map[string]any{"region": region, "type": "sg", "id": g.ID, "name": g.Name})
				break
			}
		}
	}
	return map[string]any{"total": len(detail), "detail": detail}
}
