package cmd

import (
	"encoding/json"
	"net/netip"
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

// idPrefixes maps the stem of an ID parameter (lower case, without "Id",
// "Ids" and the legacy "un" prefix) to the documented ID shape.
var idPrefixes = map[string]string{
	"vpc": "vpc", "subnet": "subnet", "routetable": "rtb", "securitygroup": "sg", "sg": "sg",
	"networkinterface": "eni", "eni": "eni", "vpngateway": "vpngw", "vpngw": "vpngw",
	"vpnconnection": "vpnx", "vpnconn": "vpnx", "customergateway": "cgw", "usergw": "cgw", "cgw": "cgw",
	"directconnectgateway": "dcg", "dcg": "dcg", "vpcpeeringconnection": "pcx", "peeringconnection": "pcx",
	"natgateway": "nat", "nat": "nat", "address": "eip", "eip": "eip",
	"addresstemplate": "ipm", "addresstemplategroup": "ipmg", "servicetemplate": "ppm", "servicetemplategroup": "ppmg",
	"networkacl": "acl", "acl": "acl", "flowlog": "fl",
}

// shapeOf infers the ID prefix a parameter's values must carry.
func shapeOf(wire string) string {
	s := strings.ToLower(wire)
	s = strings.TrimPrefix(s, "un")
	for _, suf := range []string{"ids", "id"} {
		if strings.HasSuffix(s, suf) {
			return idPrefixes[strings.TrimSuffix(s, suf)]
		}
	}
	return ""
}

// valueCheck returns a check for values whose form the name tells: CIDR
// blocks and IP addresses.
func valueCheck(wire string) func(flag, v string) error {
	l := strings.ToLower(wire)
	switch {
	case strings.Contains(l, "cidr"):
		return func(flag, v string) error {
			p, err := netip.ParsePrefix(v)
			if err != nil || p.Masked() != p {
				return usagef("invalid value %q for %s: expected a CIDR block such as 10.0.0.0/16", v, flag)
			}
			return nil
		}
	case strings.HasSuffix(l, "ipaddress") || strings.HasSuffix(l, "ipaddresses") || l == "privateip" || strings.HasSuffix(l, "privateipaddress"):
		return func(flag, v string) error {
			if _, err := netip.ParseAddr(v); err != nil {
				return usagef("invalid value %q for %s: expected an IP address such as 10.0.0.5", v, flag)
			}
			return nil
		}
	}
	return nil
}

// flagDef is one flag of a built command, mapped to each style.
type flagDef struct {
	name   string
	usage  string
	kind   Kind
	shape  string
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

func (d *flagDef) wireFor(s api.Style) string { return d.wire[s] }

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

// oneOfValues is a Param.Check for values the pages list in prose only.
func oneOfValues(valid ...string) func(flag, v string) error {
	return func(flag, v string) error {
		if !contains(valid, v) {
			return usagef("invalid value %q for %s: expected one of %s", v, flag, strings.Join(valid, ", "))
		}
		return nil
	}
}

// cidrsInJSON is a Param.Check for JSON lists of objects whose CIDR fields
// (any key containing "cidr", any case) must be CIDR blocks.
func cidrsInJSON(flag, v string) error {
	var items []map[string]any
	if err := json.Unmarshal([]byte(v), &items); err != nil {
		return nil // the model reports the shape
	}
	for i, it := range items {
		for k, x := range it {
			s, ok := x.(string)
			if !ok || !strings.Contains(strings.ToLower(k), "cidr") {
				continue
			}
			if p, err := netip.ParsePrefix(s); err != nil || p.Masked() != p {
				return usagef("invalid value %q for %s item %d %s: expected a CIDR block such as 10.0.1.0/24", s, flag, i, k)
			}
		}
	}
	return nil
}
