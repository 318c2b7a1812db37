package cmd

import (
	"encoding/json"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/api/model"
)

// A Param's wire name may be a dotted path into an object parameter
// ("IKEOptionsSpecification.ExchangeMode" | "IKESet.exchangeMode"): one
// friendly flag per field, the same flag in both styles, while the flag
// of the whole object stays as the JSON escape hatch.

// findNested finds a parameter by its wire name or dotted path.
func findNested(op *model.Operation, path string) *model.Param {
	top, rest, nested := strings.Cut(path, ".")
	p := findParam(op, top)
	for nested && p != nil {
		var field string
		field, rest, nested = strings.Cut(rest, ".")
		var next *model.Param
		for i := range p.Fields {
			if p.Fields[i].Name == field {
				next = &p.Fields[i]
			}
		}
		p = next
	}
	return p
}

// nesting builds object parameters from the flags of their fields and
// refuses a field flag together with the whole object's JSON flag.
type nesting struct {
	whole, field map[string]string // top-level wire name -> the flag that set it
}

func (n *nesting) set(t map[string]any, name, flag string, v any) error {
	if n.whole == nil {
		n.whole, n.field = map[string]string{}, map[string]string{}
	}
	top, rest, dotted := strings.Cut(name, ".")
	if !dotted {
		if f := n.field[top]; f != "" {
			return usagef("%s and %s exclude each other: give the fields as flags or the whole value as JSON", f, flag)
		}
		n.whole[top] = flag
		t[top] = v
		return nil
	}
	if f := n.whole[top]; f != "" {
		return usagef("%s and %s exclude each other: give the fields as flags or the whole value as JSON", flag, f)
	}
	if n.field[top] == "" {
		n.field[top] = flag
	}
	obj, _ := t[top].(map[string]any)
	if obj == nil {
		obj = map[string]any{}
		t[top] = obj
	}
	for {
		field, more, deeper := strings.Cut(rest, ".")
		if !deeper {
			obj[field] = v
			return nil
		}
		next, _ := obj[field].(map[string]any)
		if next == nil {
			next = map[string]any{}
			obj[field] = next
		}
		obj, rest = next, more
	}
}

// addEnum records a style's documented values of a flag; the first
// style's spellings are the ones the user types and completes.
func (d *flagDef) addEnum(s api.Style, enum []string) {
	if len(enum) == 0 {
		return
	}
	d.styleEnum[s] = enum
	if d.enum == nil {
		d.enum = enum
	}
}

// spell checks v against the flag's values, in any letter case, and
// returns it as style spells it: MAIN is main and SHA1 is sha in the
// legacy API.
func (d *flagDef) spell(flag string, style api.Style, v string) (string, error) {
	if len(d.enum) == 0 {
		return v, nil
	}
	canon := ""
	for _, e := range d.enum {
		if strings.EqualFold(e, v) {
			canon = e
			break
		}
	}
	if canon == "" {
		return "", usagef("invalid value %q for %s: expected %s", v, flag, model.EnumForm(d.enum))
	}
	return respell(canon, d.styleEnum[style]), nil
}

// respell finds v among a style's values: the same word in another case,
// or else the one value that is a shortening of it (sha for SHA1).
func respell(v string, values []string) string {
	if len(values) == 0 || contains(values, v) {
		return v
	}
	for _, w := range values {
		if strings.EqualFold(w, v) {
			return w
		}
	}
	short := ""
	for _, w := range values {
		if len(w) < len(v) && strings.EqualFold(w, v[:len(w)]) {
			if short != "" {
				return v
			}
			short = w
		}
	}
	if short != "" {
		return short
	}
	return v
}

// boolValue is what a Bool flag sends: true or false where the wire
// takes a boolean, the declared words where its values are words, and 1
// or 0 elsewhere.
func (d *flagDef) boolValue(style api.Style, v bool) any {
	p := d.params[style]
	switch {
	case p == nil || p.Type == model.Boolean:
		return v
	case d.yes != "" && contains(p.Enum, d.yes):
		if v {
			return d.yes
		}
		return d.no
	case p.Type == model.Integer:
		return json.Number(map[bool]string{true: "1", false: "0"}[v])
	}
	return map[bool]string{true: "1", false: "0"}[v]
}

// fieldFlagged says whether a flag of one of top's fields was given.
func (b *built) fieldFlagged(cmd *cobra.Command, style api.Style, top string) bool {
	for _, d := range b.flags {
		if strings.HasPrefix(d.wire[style], top+".") && cmd.Flags().Changed(d.name) {
			return true
		}
	}
	return false
}

// neededFlag names what a missing required object asks for: the flag of
// its first required field where there is one (--period rather than the
// --prepaid JSON).
func (b *built) neededFlag(style api.Style, top, whole string) string {
	op := b.ops[style]
	p := findParam(op, top)
	if p == nil {
		return whole
	}
	for _, f := range p.Fields {
		if !f.Required {
			continue
		}
		for _, d := range b.flags {
			if d.wire[style] == top+"."+f.Name {
				return "--" + d.name
			}
		}
	}
	return whole
}

// fieldsComplete checks that an object built from field flags has the
// fields its page requires, naming their flags.
func (b *built) fieldsComplete(style api.Style, n nesting, t map[string]any) error {
	for top, flag := range n.field {
		p := findParam(b.ops[style], top)
		obj, _ := t[top].(map[string]any)
		if p == nil || obj == nil {
			continue
		}
		for _, f := range p.Fields {
			if _, ok := obj[f.Name]; ok || !f.Required {
				continue
			}
			for _, d := range b.flags {
				if d.wire[style] == top+"."+f.Name {
					return usagef("%s needs %s", flag, "--"+d.name)
				}
			}
		}
	}
	return nil
}

// validate checks a request against the model, naming the flag behind a
// broken rule (a field flag such as --ike-lifetime where there is one).
func (b *built) validate(style api.Style, req *api.Request) error {
	return validate(b.ops[style], req, b.flagOf(style))
}
