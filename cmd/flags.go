package cmd

import (
	"strings"
	"unicode"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/api/model"
)

// kebab turns a documented parameter name into a flag name:
// VpnGatewayId → vpn-gateway-id, vpcId → vpc-id, CidrBlock → cidr-block.
func kebab(name string) string {
	var b strings.Builder
	rs := []rune(name)
	for i, r := range rs {
		if unicode.IsUpper(r) {
			prevLower := i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]))
			nextLower := i > 0 && i+1 < len(rs) && unicode.IsUpper(rs[i-1]) && unicode.IsLower(rs[i+1])
			if prevLower || nextLower {
				b.WriteByte('-')
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if r == '_' || r == '.' {
			b.WriteByte('-')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// flagDef is one flag of a built command, mapped to each style.
type flagDef struct {
	name   string
	usage  string
	kind   Kind
	shape  string
	format model.Format
	check  func(flag, v string) error
	wire   [3]string       // by api.Style
	params [3]*model.Param // the documented parameter, by style
	// enum is what the user may type (the first style's spellings);
	// styleEnum is each style's own, for spelling a value on the wire.
	enum      []string
	styleEnum [3][]string
	yes, no   string // words a Bool sends where the wire takes words
	comp      string // resource kind whose IDs complete this flag
	// mustHave: required by the declaration; whole: array values keep commas.
	mustHave, whole bool
	filter          string // API 3.0 filter name the value goes to
}

func (d *flagDef) required(s api.Style) bool {
	p := d.params[s]
	if p != nil && strings.Contains(d.wire[s], ".") {
		// A field is required only within its object (see fieldsComplete).
		return d.mustHave
	}
	return p != nil && (p.Required || d.mustHave)
}

func kindOf(p *model.Param) Kind {
	switch {
	case p.Type == model.Object:
		return JSON
	case p.Array && len(p.Fields) > 0:
		return JSON
	case p.Array:
		return Strings
	case p.Type == model.Integer:
		return Int
	case p.Type == model.Boolean:
		return Bool
	}
	return String
}
