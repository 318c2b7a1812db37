package gen

import (
	"fmt"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// override is one hand correction of the export. Every entry names the
// page it corrects and why; an entry that no longer matches anything is an
// error, so the file cannot silently rot.
type override struct {
	Page    string        `yaml:"page"`   // "004:11907"
	Op      string        `yaml:"op"`     // "legacy ResetVpnConnSA"; empty for struct entries
	Struct  string        `yaml:"struct"` // an API 3.0 data structure instead of an op
	Define  bool          `yaml:"define"` // the structure is missing from the manual
	Why     string        `yaml:"why"`
	Action  string        `yaml:"action"` // the page's Action, when the page cannot tell
	Async   string        `yaml:"async"`
	Group   string        `yaml:"group"`
	Params  []paramPatch  `yaml:"params"`
	Example *examplePatch `yaml:"example"`

	used bool
}

type paramPatch struct {
	Path     string     `yaml:"path"`    // dotted names, no ".n"
	Rename   string     `yaml:"rename"`  // a new name, same place
	MoveTo   string     `yaml:"move_to"` // a new dotted path
	Of       string     `yaml:"of"`      // an API 3.0 data structure: the parameter is (an array of) it
	Delete   bool       `yaml:"delete"`
	Required *bool      `yaml:"required"`
	Type     string     `yaml:"type"`
	Array    *bool      `yaml:"array"`
	Enum     []string   `yaml:"enum"`
	Add      *paramSpec `yaml:"add"` // a parameter the table lacks, added at path's parent

	rulePatch `yaml:",inline"` // value rules (rules.go)
}

type paramSpec struct {
	Name        string      `yaml:"name"`
	Type        string      `yaml:"type"`
	Array       bool        `yaml:"array"`
	Required    bool        `yaml:"required"`
	Enum        []string    `yaml:"enum"`
	Description string      `yaml:"description"`
	Fields      []paramSpec `yaml:"fields"`
}

func (s paramSpec) param() *Param {
	p := &Param{Name: s.Name, Type: s.Type, Array: s.Array, Required: s.Required, Enum: s.Enum, Description: s.Description}
	if p.Type == "" {
		p.Type = tString
	}
	for _, f := range s.Fields {
		p.Fields = append(p.Fields, f.param())
	}
	return p
}

type examplePatch struct {
	Set    []KVSpec          `yaml:"set"`    // replace a value, or append the pair
	Delete []string          `yaml:"delete"` // drop pairs by key, or one pair by "key=value"
	Rename map[string]string `yaml:"rename"` // fix a key
	None   bool              `yaml:"none"`   // the page has no usable example
	// AcceptAction takes the example request that calls this Action as
	// the page's own (a copy-paste slip in the example's Action only).
	AcceptAction string `yaml:"accept_action"`
	// Request picks the page's Nth example request (from 1) when an
	// earlier one is mislabelled.
	Request int `yaml:"request"`
}

// KVSpec is a key/value pair as the overrides file spells it.
type KVSpec struct {
	Key   string `yaml:"key"`
	Value string `yaml:"value"`
}

func loadOverrides(path string) ([]*override, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ovs []*override
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&ovs); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	for i, o := range ovs {
		if o.Page == "" || strings.TrimSpace(o.Why) == "" {
			return nil, fmt.Errorf("%s: entry %d: page and why are required", path, i+1)
		}
		if (o.Op == "") == (o.Struct == "") && o.Action == "" {
			return nil, fmt.Errorf("%s: entry %d (%s): name exactly one of op or struct", path, i+1, o.Page)
		}
		switch o.Async {
		case "", asyncSync, asyncVpcTask, asyncNetTask, asyncNatBill:
		default:
			return nil, fmt.Errorf("%s: entry %d (%s): unknown async %q", path, i+1, o.Page, o.Async)
		}
	}
	return ovs, nil
}

// opKey turns "legacy ResetVpnConnSA" into the internal key.
func opKey(s string) string {
	f := strings.Fields(s)
	if len(f) != 2 {
		return s
	}
	return f[0] + "/" + f[1]
}

// applyStructOverride patches (or defines) a data structure before pages
// use it.
func applyStructOverride(o *override, structs map[string]*structDef) error {
	def := structs[o.Struct]
	switch {
	case o.Define && def != nil:
		return fmt.Errorf("override %s: data structure %s already exists", o.Page, o.Struct)
	case o.Define:
		def = &structDef{name: o.Struct}
		structs[o.Struct] = def
	case def == nil:
		return fmt.Errorf("override %s: no data structure %s", o.Page, o.Struct)
	}
	for _, pp := range o.Params {
		if pp.Add != nil {
			def.fields = append(def.fields, structField{name: pp.Add.Name, typ: pp.Add.Type, desc: pp.Add.Description, required: pp.Add.Required})
			continue
		}
		found := false
		for i := range def.fields {
			f := &def.fields[i]
			if f.name != pp.Path {
				continue
			}
			found = true
			if pp.Type != "" {
				f.typ = pp.Type
			}
			if pp.Rename != "" {
				f.name = pp.Rename
			}
			if pp.Required != nil {
				f.required = *pp.Required
			}
			if pp.Enum != nil {
				f.enum = pp.Enum
			}
		}
		if !found {
			return fmt.Errorf("override %s: %s has no field %s", o.Page, o.Struct, pp.Path)
		}
	}
	o.used = true
	return nil
}

func applyOpOverride(o *override, op *Op, structs map[string]*structDef) error {
	o.used = true
	if o.Async != "" {
		op.Async = o.Async
	}
	if o.Group != "" {
		op.Group = o.Group
	}
	for _, pp := range o.Params {
		if err := applyParamPatch(op, pp, structs); err != nil {
			return fmt.Errorf("override %s (%s): %v", o.Page, o.Op, err)
		}
	}
	if e := o.Example; e != nil {
		if e.None {
			op.Example = nil
		}
		for old, nw := range e.Rename {
			n := 0
			for i := range op.Example {
				if op.Example[i].Key == old {
					op.Example[i].Key = nw
					n++
				}
			}
			if n == 0 {
				return fmt.Errorf("override %s (%s): example has no %s", o.Page, o.Op, old)
			}
		}
		for _, k := range e.Delete {
			n := len(op.Example)
			op.Example = dropKV(op.Example, k)
			if len(op.Example) == n {
				return fmt.Errorf("override %s (%s): example has no %s", o.Page, o.Op, k)
			}
		}
		for _, kv := range e.Set {
			done := false
			for i := range op.Example {
				if op.Example[i].Key == kv.Key {
					op.Example[i].Value = kv.Value
					done = true
				}
			}
			if !done {
				op.Example = append(op.Example, KV(kv))
			}
		}
	}
	return nil
}

func dropKV(kvs []KV, key string) []KV {
	k, v, pair := strings.Cut(key, "=")
	out := kvs[:0:0]
	for _, kv := range kvs {
		if kv.Key == k && (!pair || kv.Value == v) {
			continue
		}
		out = append(out, kv)
	}
	return out
}

func applyParamPatch(op *Op, pp paramPatch, structs map[string]*structDef) error {
	if pp.Add != nil {
		parent := &op.Params
		if pp.Path != "" {
			p, _, _ := lookupPath(op.Params, pp.Path)
			if p == nil {
				return fmt.Errorf("no parameter %s to add %s to", pp.Path, pp.Add.Name)
			}
			parent = &p.Fields
			p.Type = tObject
		}
		for _, q := range *parent {
			if q.Name == pp.Add.Name {
				return fmt.Errorf("parameter %s already exists", pp.Add.Name)
			}
		}
		*parent = append(*parent, pp.Add.param())
		return nil
	}
	p, list, idx := lookupPath(op.Params, pp.Path)
	if p == nil {
		return fmt.Errorf("no parameter %s", pp.Path)
	}
	if pp.Delete || pp.MoveTo != "" {
		rest := append(list[:idx:idx], list[idx+1:]...)
		if err := replaceList(op, pp.Path, rest); err != nil {
			return err
		}
	}
	if pp.MoveTo != "" {
		dir, name := "", pp.MoveTo
		if i := strings.LastIndex(pp.MoveTo, "."); i >= 0 {
			dir, name = pp.MoveTo[:i], pp.MoveTo[i+1:]
		}
		p.Name = name
		if dir == "" {
			op.Params = append(op.Params, p)
		} else {
			q, _, _ := lookupPath(op.Params, dir)
			if q == nil {
				return fmt.Errorf("no parameter %s to move %s into", dir, pp.Path)
			}
			q.Fields = append(q.Fields, p)
		}
	}
	if pp.Rename != "" {
		p.Name = pp.Rename
	}
	if pp.Of != "" {
		def := structs[pp.Of]
		if def == nil {
			return fmt.Errorf("no data structure %s", pp.Of)
		}
		p.Type = tObject
		p.Fields = structFields(def, structs, map[string]bool{})
	}
	if pp.Required != nil {
		p.Required = *pp.Required
	}
	if pp.Type != "" {
		p.Type = pp.Type
	}
	if pp.Array != nil {
		p.Array = *pp.Array
	}
	if pp.Enum != nil {
		p.Enum = pp.Enum
	}
	return nil
}

// replaceList stores a changed sibling list back where path's parent keeps it.
func replaceList(op *Op, path string, list []*Param) error {
	i := strings.LastIndex(path, ".")
	if i < 0 {
		op.Params = list
		return nil
	}
	parent, _, _ := lookupPath(op.Params, path[:i])
	if parent == nil {
		return fmt.Errorf("no parameter %s", path[:i])
	}
	parent.Fields = list
	return nil
}
