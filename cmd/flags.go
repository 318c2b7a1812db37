package cmd

import (
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
	enum   []string
	comp   string // resource kind whose IDs complete this flag
	// mustHave: required by the declaration; whole: array values keep commas.
	mustHave, whole bool
	filter          string // API 3.0 filter name the value goes to
}

func (d *flagDef) wireFor(s api.Style) string { return d.wire[s] }

func (d *flagDef) required(s api.Style) bool {
	p := d.params[s]
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
