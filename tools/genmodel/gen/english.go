package gen

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// The model's texts are our own English, kept beside the generator:
//
//	en/<style>/<group>.yaml   per operation, keyed by Action:
//	    title:       short title
//	    description: one line
//	    params:      parameter path (nested as Parent.Child, no ".n") -> text
//	    outputs:     output field name as the page spells it ("data.n.vpcId") -> text
//	    example:     example key ("Filters.0.Values.0") -> a replacement value
//	en/<style>/_common.yaml   params: and outputs: by the same keys, used
//	                          when an operation has no entry of its own
//	en/errors.yaml            error code -> text, one text per code for both styles
//
// The manual supplies structure (names, types, enums, examples); every
// sentence the model carries comes from these files. An operation, a
// parameter, an output or an error code without a text, an entry that
// matches nothing, and any CJK character left in an emitted string fail
// the generator.

// enEntry is one operation's texts.
type enEntry struct {
	Title       string            `yaml:"title"`
	Description string            `yaml:"description"`
	Params      map[string]string `yaml:"params"`
	Outputs     map[string]string `yaml:"outputs"`
	Example     map[string]string `yaml:"example"`
}

// enCommon holds the texts shared by a style's operations.
type enCommon struct {
	Params  map[string]string `yaml:"params"`
	Outputs map[string]string `yaml:"outputs"`
}

// english is the loaded text tree.
type english struct {
	groups map[string]map[string]*enEntry // "<style>/<group>" -> Action -> entry
	common map[string]*enCommon           // style -> shared texts
	errors map[string]string              // code -> text
}

func loadEnglish(dir string) (*english, error) {
	en := &english{groups: map[string]map[string]*enEntry{}, common: map[string]*enCommon{}}
	if err := decodeStrict(filepath.Join(dir, "errors.yaml"), &en.errors); err != nil {
		return nil, err
	}
	for _, style := range []string{styleV3, styleLegacy} {
		sd := filepath.Join(dir, style)
		ents, err := os.ReadDir(sd)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		c := &enCommon{}
		en.common[style] = c
		for _, e := range ents {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".yaml") {
				continue
			}
			path := filepath.Join(sd, name)
			if name == "_common.yaml" {
				if err := decodeStrict(path, c); err != nil {
					return nil, err
				}
				continue
			}
			m := map[string]*enEntry{}
			if err := decodeStrict(path, &m); err != nil {
				return nil, err
			}
			en.groups[style+"/"+strings.TrimSuffix(name, ".yaml")] = m
		}
	}
	return en, nil
}

func decodeStrict(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}

// applyEnglish replaces every text of the operations by the English of
// dir and fails on anything missing, unmatched or not English.
func applyEnglish(ops []*Op, dir string) error {
	en, err := loadEnglish(dir)
	if err != nil {
		return err
	}
	var errs []string
	bad := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }
	usedCommon := map[string]bool{} // "<style>/params/<key>"
	usedErr := map[string]bool{}
	seen := map[string]bool{} // "<style>/<group>/<Action>"
	for _, op := range ops {
		file := op.Style + "/" + op.Group
		entries, ok := en.groups[file]
		if !ok {
			bad("%s %s: no en/%s.yaml for its style and group", op.Style, op.Action, file)
			continue
		}
		who := fmt.Sprintf("%s %s (en/%s.yaml)", op.Style, op.Action, file)
		e := entries[op.Action]
		if e == nil {
			bad("%s: no entry", who)
			continue
		}
		seen[file+"/"+op.Action] = true
		c := en.common[op.Style]
		lookup := func(kind string, own map[string]string, shared map[string]string, key string) string {
			t, ok := own[key]
			if !ok {
				if t, ok = shared[key]; ok {
					usedCommon[op.Style+"/"+kind+"/"+key] = true
				}
			}
			if strings.TrimSpace(t) == "" {
				bad("%s: no text for %s %s", who, strings.TrimSuffix(kind, "s"), key)
			}
			return t
		}
		op.Title, op.Description = e.Title, e.Description
		if op.Title == "" {
			bad("%s: no title", who)
		}
		if op.Description == "" {
			bad("%s: no description", who)
		}
		ownParams := map[string]bool{}
		var walk func(ps []*Param, prefix string)
		walk = func(ps []*Param, prefix string) {
			for _, p := range ps {
				path := prefix + p.Name
				ownParams[path] = true
				p.Description = lookup("params", e.Params, c.Params, path)
				walk(p.Fields, path+".")
			}
		}
		walk(op.Params, "")
		ownOutputs := map[string]bool{}
		for i := range op.Outputs {
			f := &op.Outputs[i]
			ownOutputs[f.Name] = true
			f.Description = lookup("outputs", e.Outputs, c.Outputs, f.Name)
		}
		for _, k := range sortedKeys(e.Params) {
			if !ownParams[k] {
				bad("%s: params.%s matches no parameter", who, k)
			}
		}
		for _, k := range sortedKeys(e.Outputs) {
			if !ownOutputs[k] {
				bad("%s: outputs.%s matches no output", who, k)
			}
		}
		errs2 := op.Errors[:0]
		have := map[string]bool{}
		for _, ec := range op.Errors {
			if have[ec.Code] {
				continue // the page listed the code twice with different words
			}
			have[ec.Code] = true
			t := en.errors[ec.Code]
			if strings.TrimSpace(t) == "" {
				bad("%s: no text for error %s in en/errors.yaml", who, ec.Code)
			}
			usedErr[ec.Code] = true
			errs2 = append(errs2, ErrorCode{ec.Code, t})
		}
		op.Errors = errs2
		exKeys := map[string]bool{}
		for i, kv := range op.Example {
			exKeys[kv.Key] = true
			if v, ok := e.Example[kv.Key]; ok {
				op.Example[i].Value = v
			}
		}
		for _, k := range sortedKeys(e.Example) {
			if !exKeys[k] {
				bad("%s: example.%s matches no key of the example request", who, k)
			}
		}
		for _, s := range opStrings(op) {
			if hasCJK(s.text) {
				bad("%s: %s is not English: %q", who, s.where, s.text)
			}
		}
	}
	for file, entries := range en.groups {
		for _, a := range sortedKeys(entries) {
			if !seen[file+"/"+a] {
				bad("en/%s.yaml: %s is no operation of that style and group", file, a)
			}
		}
	}
	for style, c := range en.common {
		for kind, m := range map[string]map[string]string{"params": c.Params, "outputs": c.Outputs} {
			for _, k := range sortedKeys(m) {
				if !usedCommon[style+"/"+kind+"/"+k] {
					bad("en/%s/_common.yaml: %s.%s is used by no operation", style, kind, k)
				}
			}
		}
	}
	for _, k := range sortedKeys(en.errors) {
		if !usedErr[k] {
			bad("en/errors.yaml: %s is documented by no operation", k)
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return fmt.Errorf("english texts (%s):\n  %s", dir, strings.Join(errs, "\n  "))
	}
	return nil
}

type located struct{ where, text string }

// opStrings lists every human text and example value of an operation.
func opStrings(op *Op) []located {
	out := []located{{"title", op.Title}, {"description", op.Description}}
	var walk func(ps []*Param, prefix string)
	walk = func(ps []*Param, prefix string) {
		for _, p := range ps {
			out = append(out, located{"param " + prefix + p.Name, p.Description})
			for _, v := range p.Enum {
				out = append(out, located{"enum of " + prefix + p.Name, v})
			}
			walk(p.Fields, prefix+p.Name+".")
		}
	}
	walk(op.Params, "")
	for _, f := range op.Outputs {
		out = append(out, located{"output " + f.Name, f.Description})
	}
	for _, e := range op.Errors {
		out = append(out, located{"error " + e.Code, e.Description})
	}
	for _, kv := range op.Example {
		out = append(out, located{"example " + kv.Key, kv.Value})
	}
	return out
}

// hasCJK reports whether s holds a Chinese, Japanese or Korean character,
// or CJK punctuation or full-width forms.
func hasCJK(s string) bool {
	for _, r := range s {
		if r < 0x2E80 {
			continue
		}
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
			r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
