package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Options says where the sources are.
type Options struct {
	Dir       string // the directory of numbered source pages ("004_….txt")
	Overrides string // the overrides file; empty for none
	English   string // the directory of the model's English texts (see english.go); empty to keep the pages' own
}

// Result is the assembled model plus what the parser noticed on the way.
type Result struct {
	Ops   []*Op
	Notes []string // scars handled by rule, for whoever runs the generator
}

var reSourceName = regexp.MustCompile(`^(\d{3})_[^/]*\.txt$`)

// Build parses every source page, merges pages that document the same
// operation and applies the overrides.
func Build(opts Options) (*Result, error) {
	ents, err := os.ReadDir(opts.Dir)
	if err != nil {
		return nil, err
	}
	ovs, err := loadOverrides(opts.Overrides)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	note := func(ds []diag) {
		for _, d := range ds {
			res.Notes = append(res.Notes, d.String())
		}
	}
	var manual []*Op
	var seeds []*Op
	structs := map[string]*structDef{}
	for _, e := range ents {
		m := reSourceName.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join(opts.Dir, e.Name()))
		if err != nil {
			return nil, err
		}
		text := string(b)
		d := newDoc(m[1], text)
		switch {
		case strings.Count(text, "接口描述") >= 10:
			structs = parseStructs(d)
			for _, o := range ovs {
				if o.Struct != "" {
					if err := applyStructOverride(o, structs); err != nil {
						return nil, err
					}
				}
			}
			for _, p := range splitPages(d) {
				pp := parsePage(p)
				op, ds, err := toOp(pp, structs, pageOverrides(ovs, d.where(p.head)))
				note(ds)
				if err != nil {
					return nil, err
				}
				manual = append(manual, op)
			}
		case strings.Contains(text, "API Description"):
			pp, err := parseEnglish(d)
			if err != nil {
				return nil, err
			}
			op, ds, err := toOp(pp, nil, nil)
			note(ds)
			if err != nil {
				return nil, err
			}
			op.Sources = []string{d.file}
			seeds = append(seeds, op)
		case strings.Contains(text, "接口描述"):
			p := &page{doc: d, end: len(d.raw)}
			for i := range d.raw {
				if d.heading(i) == "接口描述" {
					p.head = i
					break
				}
			}
			op, ds, err := toOp(parsePage(p), nil, nil)
			note(ds)
			if err != nil {
				return nil, err
			}
			op.Sources = []string{d.file}
			seeds = append(seeds, op)
		}
	}

	byKey := map[string]*Op{}
	for _, op := range manual {
		if prev := byKey[op.key()]; prev != nil {
			return nil, fmt.Errorf("%s and %s both document %s %s", prev.Source(), op.Source(), op.Style, op.Action)
		}
		byKey[op.key()] = op
	}
	ops := manual
	for _, s := range seeds {
		if m := byKey[s.key()]; m != nil {
			merge(m, s)
			res.Notes = append(res.Notes, fmt.Sprintf("%s: same operation as %s (%s %s); merged", s.Sources[0], m.Sources[0], s.Style, s.Action))
			continue
		}
		byKey[s.key()] = s
		ops = append(ops, s)
	}

	for _, o := range ovs {
		if o.Op == "" {
			continue
		}
		op := byKey[opKey(o.Op)]
		if op == nil {
			return nil, fmt.Errorf("override %s: no operation %s", o.Page, o.Op)
		}
		if err := applyOpOverride(o, op, structs); err != nil {
			return nil, err
		}
	}
	for _, o := range ovs {
		if !o.used {
			return nil, fmt.Errorf("override %s (%s%s) matched nothing", o.Page, o.Op, o.Struct)
		}
	}
	for _, op := range ops {
		if op.Group == "" {
			return nil, fmt.Errorf("%s: %s %s has no group; its page sits under no known section", op.Source(), op.Style, op.Action)
		}
	}
	if err := applyRuleOverrides(ovs, byKey); err != nil {
		return nil, err
	}
	res.Notes = append(res.Notes, inferRules(ops)...)
	sortOps(ops)
	res.Ops = ops
	return res, nil
}

// pageOverrides are the entries that correct how a page itself is read:
// its Action, or which example request is its own.
func pageOverrides(ovs []*override, where string) []*override {
	var out []*override
	for _, o := range ovs {
		if o.Page == where && (o.Action != "" || o.Example != nil && (o.Example.AcceptAction != "" || o.Example.Request > 0)) {
			out = append(out, o)
		}
	}
	return out
}

func toOp(pp *parsedPage, structs map[string]*structDef, ovs []*override) (*Op, []diag, error) {
	var ds []diag
	action, accept, request := "", "", 0
	for _, o := range ovs {
		if o.Action != "" {
			action = o.Action
			o.used = true
		}
		if o.Example != nil {
			accept, request = o.Example.AcceptAction, o.Example.Request
		}
	}
	if action == "" {
		var rd []diag
		action, rd = resolveAction(pp)
		ds = append(ds, rd...)
	}
	if action == "" {
		return nil, ds, fmt.Errorf("%s: cannot tell the page's Action", pp.p.where())
	}
	d := pp.p.doc
	op := &Op{
		Action:      action,
		Title:       pp.title,
		Description: pp.description,
		Style:       pp.style,
		Sources:     []string{d.where(pp.p.head)},
	}
	switch op.Style {
	case styleV3:
		op.Domain = "vpc.tencentcloudapi.com"
	case styleLegacy:
		op.Domain = "vpc.api.qcloud.com"
	default:
		return nil, ds, fmt.Errorf("%s: %s: no request domain on the page", pp.p.where(), action)
	}
	params, fd := foldParams(pp.rows, structs, d.where)
	ds = append(ds, fd...)
	op.Params = params
	op.Outputs = pp.outputs
	op.Errors = dedupErrors(pp.errors)
	ds = append(ds, pp.diags...)
	// The first example request for this very Action; pages sometimes
	// show a follow-up call (a task poll) or a copy-paste slip.
	// A difference in letter case only ("CreateNetworkAcL") is a slip
	// of the example; its parameters are still the page's.
	found := false
	for n, ex := range pp.examples {
		if request > 0 && n+1 != request {
			continue
		}
		if ex.action == action || ex.action == accept || strings.EqualFold(ex.action, action) {
			if ex.action != action {
				ds = append(ds, diag{d.where(ex.line), fmt.Sprintf("%s: example request spells the Action %s; used", action, ex.action)})
			}
			op.Example = placeholderIndexes(splitBare(ex.kvs, params, d.where(ex.line), &ds), d.where(ex.line), &ds)
			found = true
			break
		}
		ds = append(ds, diag{d.where(ex.line), fmt.Sprintf("%s: example request calls %s; skipped", action, ex.action)})
	}
	if !found && len(pp.examples) == 0 {
		ds = append(ds, diag{pp.p.where(), action + ": no example request"})
	}
	var ad []diag
	op.Async, ad = detectAsync(op, pp, pp.outText)
	ds = append(ds, ad...)
	op.Group = refineGroup(action, sectionGroup[pp.p.section])
	return op, ds, nil
}

// splitBare repairs example pieces that lost their "=" by cutting them
// after the longest parameter name they start with.
func splitBare(kvs []KV, params []*Param, where string, ds *[]diag) []KV {
	out := make([]KV, 0, len(kvs))
	for _, kv := range kvs {
		if kv.Value != bareValue {
			out = append(out, kv)
			continue
		}
		best := ""
		for _, p := range params {
			if strings.HasPrefix(kv.Key, p.Name) && len(p.Name) > len(best) {
				best = p.Name
			}
		}
		if best == "" || best == kv.Key {
			*ds = append(*ds, diag{where, fmt.Sprintf("example piece %q has no value; dropped", kv.Key)})
			continue
		}
		*ds = append(*ds, diag{where, fmt.Sprintf("example piece %q read as %s=%s", kv.Key, best, kv.Key[len(best):])})
		out = append(out, KV{best, kv.Key[len(best):]})
	}
	return out
}

// placeholderIndexes turns the table's "aclRules.n.protocol", copied
// into an example as is, into the first element "aclRules.0.protocol".
func placeholderIndexes(kvs []KV, where string, ds *[]diag) []KV {
	for i, kv := range kvs {
		segs := strings.Split(kv.Key, ".")
		changed := false
		for j := 1; j < len(segs); j++ {
			if segs[j] == "n" || segs[j] == "N" {
				segs[j] = "0"
				changed = true
			}
		}
		if changed {
			k := strings.Join(segs, ".")
			*ds = append(*ds, diag{where, fmt.Sprintf("example key %s read as %s", kv.Key, k)})
			kvs[i].Key = k
		}
	}
	return kvs
}

func dedupErrors(es []ErrorCode) []ErrorCode {
	seen := map[string]bool{}
	var out []ErrorCode
	for _, e := range es {
		k := e.Code + "\x00" + e.Description
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return out
}

// merge folds a companion page into the manual's page for the same
// operation. The companion pages are later, cleaner renderings: their
// parameter table and example win; the manual keeps the Chinese title,
// description and its section; error codes are the union.
func merge(m, s *Op) {
	m.Sources = append(m.Sources, s.Sources...)
	if len(s.Params) > 0 {
		old := map[string]*Param{}
		for _, p := range m.Params {
			old[p.Name] = p
		}
		for _, p := range s.Params {
			if o := old[p.Name]; o != nil && o.Description != "" && isASCII(p.Description) {
				p.Description = o.Description // keep help text in one language
			}
		}
		m.Params = s.Params
	}
	if len(s.Example) > 0 {
		m.Example = s.Example
	}
	if len(s.Outputs) > 0 {
		have := map[string]bool{}
		for _, f := range m.Outputs {
			have[f.Name] = true
		}
		for _, f := range s.Outputs {
			if !have[f.Name] {
				m.Outputs = append(m.Outputs, f)
			}
		}
	}
	have := map[string]bool{}
	for _, e := range m.Errors {
		have[e.Code] = true
	}
	for _, e := range s.Errors {
		if !have[e.Code] {
			m.Errors = append(m.Errors, e)
			have[e.Code] = true
		}
	}
	if m.Async == asyncSync && s.Async != asyncSync {
		m.Async = s.Async
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
