package cmd

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/api/model"
)

// A flag whose value is an object or a list of objects takes, besides
// JSON and @FILE, the shorthand KEY=VALUE,KEY=VALUE: one object, and for
// a list one entry per repetition of the flag:
//
//	--rules proto=TCP,originalIP=10.0.0.1,originalPort=80,translationIP=1.1.1.1,translationPort=8080
//
// Keys are the documented field names, in any case (or kebab-case:
// original-port). A comma not followed by KEY= belongs to the value
// (desc=web,db).

// objectList says whether the flag's value is a list of objects in every
// style it maps to.
func (d *flagDef) objectList() bool {
	n := 0
	for _, p := range d.params {
		if p == nil {
			continue
		}
		if !p.Array || len(p.Fields) == 0 {
			return false
		}
		n++
	}
	return n > 0
}

// structured reads an object or list flag: JSON, @FILE or shorthand.
func (d *flagDef) structured(cmd *cobra.Command, style api.Style, flag string) (any, error) {
	p := d.params[style]
	if !d.objectList() {
		s, _ := cmd.Flags().GetString(d.name)
		if isJSONArg(s) || p == nil || len(p.Fields) == 0 {
			return readJSONValue(cmd, flag, s)
		}
		return shorthand(flag, s, p.Fields)
	}
	values, _ := cmd.Flags().GetStringArray(d.name)
	list := []any{}
	for _, s := range values {
		if !isJSONArg(s) {
			m, err := shorthand(flag, s, p.Fields)
			if err != nil {
				return nil, err
			}
			list = append(list, m)
			continue
		}
		v, err := readJSONValue(cmd, flag, s)
		if err != nil {
			return nil, err
		}
		items, ok := v.([]any)
		if !ok {
			if len(values) == 1 {
				return v, nil // the model says what is wrong with it
			}
			return nil, usagef("invalid value for %s: expected a JSON list, @FILE or KEY=VALUE,…", flag)
		}
		list = append(list, items...)
	}
	return list, nil
}

func isJSONArg(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || strings.HasPrefix(s, "[") || strings.HasPrefix(s, "{") || strings.HasPrefix(s, "@")
}

// shorthand parses KEY=VALUE,KEY=VALUE against an object's fields.
func shorthand(flag, s string, fields []model.Param) (map[string]any, error) {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name
	}
	field := func(key string) string {
		k := strings.ReplaceAll(strings.TrimSpace(key), "-", "")
		for _, n := range names {
			if strings.EqualFold(n, k) {
				return n
			}
		}
		return ""
	}
	out := map[string]any{}
	last := ""
	for _, part := range strings.Split(s, ",") {
		key, value, ok := strings.Cut(part, "=")
		name := ""
		if ok {
			name = field(key)
		}
		switch {
		case name != "":
			if _, dup := out[name]; dup {
				return nil, usagef("invalid value %q for %s: %s given twice", s, flag, name)
			}
			out[name], last = strings.TrimSpace(value), name
		case last != "":
			// A comma inside a value (desc=web,db).
			out[last] = out[last].(string) + "," + part
		case ok:
			return nil, usagef("invalid value %q for %s: unknown key %q; expected KEY=VALUE,… with keys %s (or JSON, @FILE)", s, flag, key, strings.Join(names, ", "))
		default:
			return nil, usagef("invalid value %q for %s: expected KEY=VALUE,… with keys %s (or JSON, @FILE)", s, flag, strings.Join(names, ", "))
		}
	}
	return out, nil
}
