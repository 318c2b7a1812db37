package cmd

import (
	"strings"

	"github.com/spf13/pflag"
)

// onceValue is a scalar flag's value that notes a second, different
// setting: the last of two values winning silently would hide a mistake.
type onceValue struct {
	pflag.Value
	name     string
	set      bool
	first    string
	repeated *[]string
}

func (o *onceValue) Set(s string) error {
	if o.set {
		if s != o.first {
			*o.repeated = append(*o.repeated, o.name)
		}
		return nil
	}
	o.set, o.first = true, s
	return o.Value.Set(s)
}

// scalarOnce makes every scalar flag of fs refuse a second, different
// value (lists such as --filter stay repeatable; a switch such as --yes
// may be given twice).
func (a *app) scalarOnce(fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		if _, done := f.Value.(*onceValue); done {
			return
		}
		switch f.Value.Type() {
		case "string", "int", "int64", "duration", "float64", "uint", "uint64":
			f.Value = &onceValue{Value: f.Value, name: f.Name, repeated: &a.repeated}
		}
	})
}

// repeatedFlags is the usage error for scalar flags given more than once.
func (a *app) repeatedFlags() error {
	if len(a.repeated) == 0 {
		return nil
	}
	seen := map[string]bool{}
	var names []string
	for _, n := range a.repeated {
		if !seen[n] {
			seen[n] = true
			names = append(names, "--"+n)
		}
	}
	return usagef("%s given more than once with different values; a flag takes one value", strings.Join(names, ", "))
}
