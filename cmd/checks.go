package cmd

import (
	"errors"
	"net/netip"
	"strconv"
	"strings"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/config"
)

// Value checks. The rules themselves are data in the API model (enums,
// ranges, lengths, counts, address and ID shapes); this file turns the
// model's verdicts into messages naming what the user typed. A Param.Check
// of a command remains only for a rule across several fields, or a
// value form the model cannot describe.

// ruleMessage words a broken rule for the flag (or positional argument,
// or --Param) the user typed. where is the place inside a JSON value
// ("0.LocalCidrBlock"), empty for the value itself.
func ruleMessage(flag, where string, ve *model.ValidationError) error {
	if ve.Problem == model.ProblemUnknown {
		// the place names the unknown field itself
		where, _, _ = strings.Cut(where, ".")
		if where != "" && (where[0] < '0' || where[0] > '9') {
			where = ""
		}
	}
	if i, rest, _ := strings.Cut(where, "."); where != "" && i[0] >= '0' && i[0] <= '9' {
		flag += "[" + i + "]" // --rules[0].translationIP
		if rest != "" {
			flag += "." + rest
		}
	} else if where != "" {
		flag += "." + where // --ike.DhGroupName
	}
	switch {
	case ve.Problem == model.ProblemUnknown:
		field := ve.Param[strings.LastIndex(ve.Param, ".")+1:]
		msg := "unknown field " + field + " in " + flag
		if ve.Suggest != "" {
			msg += " (did you mean " + ve.Suggest[strings.LastIndex(ve.Suggest, ".")+1:] + "?)"
		}
		return usagef("%s; valid: %s", msg, strings.Join(ve.Valid, ", "))
	case ve.Expected == "" && ve.Problem == "required":
		return usagef("%s is required", flag)
	case ve.Expected == "":
		return usagef("invalid value for %s: %s", flag, ve.Problem)
	case ve.Rule == model.RuleCount:
		return usagef("invalid value for %s: %s, expected %s", flag, ve.Got, ve.Expected)
	case ve.Got == "":
		return usagef("invalid value for %s: expected %s", flag, ve.Expected)
	}
	return usagef("invalid value %s for %s: expected %s", ve.Got, flag, ve.Expected)
}

// checkParamValue checks one flag's value against its documented
// parameter; the error names the flag.
func checkParamValue(flag string, p *model.Param, style api.Style, v any) error {
	if p == nil {
		return nil
	}
	if _, isList := v.([]any); p.Array && !isList {
		v = []any{v} // one value of a list parameter
	}
	err := p.Check(v, style)
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	where := strings.TrimPrefix(strings.TrimPrefix(ve.Param, p.Name), ".")
	if p.Type != model.Object {
		where = "" // the index of a repeated flag's value
	}
	return ruleMessage(flag, where, ve)
}

// validate checks a request against the model and types its values for
// a JSON body. flagOf names, for a parameter path of the request, the
// flag the user typed and the place inside its value.
func validate(op *model.Operation, req *api.Request, flagOf func(path string) (flag, where string)) error {
	err := op.Validate(req.Params)
	if err == nil {
		req.Params, err = op.Coerce(req.Params)
	}
	var ve *model.ValidationError
	switch {
	case err == nil:
		return nil
	case !errors.As(err, &ve) || ve.Problem == model.ProblemUnknown:
		return usagef("%v", err)
	}
	flag, where := flagOf(ve.Param)
	return ruleMessage(flag, where, ve)
}

// shapeFrom takes the ID kind of the flag's documented parameter, which
// also picks the Describe that completes the flag.
func (d *flagDef) shapeFrom(p *model.Param) {
	if d.shape == "" && p.Format == model.FormatID && !strings.Contains(p.IDPrefix, "|") {
		d.shape = p.IDPrefix
	}
}

// formatCheck is a Param.Check (or a check of a command's own flags) for
// values of a model format, read as API 3.0 reads them.
func formatCheck(f model.Format) func(flag, v string) error {
	return func(flag, v string) error {
		if f.Match(v, "", model.V3) {
			return nil
		}
		return usagef("invalid value %q for %s: expected %s", v, flag, f.Form(""))
	}
}

// apiParamFlag names a parameter of `tcvpc api` as it is typed there.
func apiParamFlag(path string) (string, string) { return "--" + path, "" }

// intText is an integer flag's value as typed: one beyond int64 reaches
// the model, which names the parameter's documented range.
type intText struct{ s string }

func (v *intText) String() string {
	if v.s == "" {
		return "0"
	}
	return v.s
}

func (v *intText) Set(s string) error {
	d := strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	if d == "" || strings.Trim(d, "0123456789") != "" {
		return errors.New("expected a whole number")
	}
	v.s = strings.TrimPrefix(s, "+")
	return nil
}

func (v *intText) Type() string { return "int" }

// cleanFlagError rewords what the flag parser says of an integer it
// cannot read ("strconv.ParseInt: parsing …: value out of range") as
// the expected form.
func cleanFlagError(msg string) string {
	// invalid argument "X" for "--limit" flag: strconv.ParseInt: …
	rest, ok := strings.CutPrefix(msg, "invalid argument ")
	if !ok {
		return msg
	}
	value, rest, _ := strings.Cut(rest, " for ")
	flag, detail, _ := strings.Cut(rest, " flag: ")
	flag = strings.Trim(flag, `"`)
	if i := strings.Index(flag, ", "); i >= 0 {
		flag = flag[i+2:] // "-o, --output"
	}
	if strings.HasPrefix(detail, "expected ") {
		return "invalid value " + value + " for " + flag + ": " + detail
	}
	if !strings.Contains(detail, "strconv.Parse") {
		return msg
	}
	want := "a whole number"
	if strings.Contains(detail, "out of range") {
		want = "a whole number from -9223372036854775808 to 9223372036854775807"
	}
	switch {
	case strings.Contains(detail, "ParseBool"):
		want = "true or false"
	case strings.Contains(detail, "ParseUint"):
		want = "a whole number, 0 or more"
	case strings.Contains(detail, "ParseFloat"):
		want = "a number"
	}
	return "invalid value " + value + " for " + flag + ": expected " + want
}

// Checks of values whose form the model cannot describe: entries of a
// list in a mini-language of their own (template members), names that
// map to another spelling (legacy regions), numbers given as strings.

// wholeNumberCheck accepts a decimal number given as a string (an
// account ID, a project ID, a bandwidth), 0 only when zero is true.
func wholeNumberCheck(zero bool, expected string) func(flag, v string) error {
	return func(flag, v string) error {
		ok := v != "" && strings.Trim(v, "0123456789") == "" && (v == "0" && zero || v[0] != '0')
		if !ok {
			return usagef("invalid value %q for %s: expected %s", v, flag, expected)
		}
		return nil
	}
}

// isRegionName: lower-case words and digits joined by dashes (gz,
// ap-guangzhou, na-siliconvalley).
func isRegionName(s string) bool {
	for _, w := range strings.Split(s, "-") {
		if w == "" || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
			return false
		}
	}
	return s[0] >= 'a' && s[0] <= 'z'
}

// legacyRegionCheck wants the legacy API's short region name, and says
// which one when given the API 3.0 name.
func legacyRegionCheck(flag, v string) error {
	if short := config.LegacyRegion(v); short != v {
		return usagef("invalid value %q for %s: the legacy API names regions by short names; use %s", v, flag, short)
	}
	if !isRegionName(v) {
		return usagef("invalid value %q for %s: expected a legacy region name such as gz, sh or bj", v, flag)
	}
	return nil
}

// checkTemplateAddress accepts the entries the address template pages
// document: an IP address, a CIDR block or an IP range (10.0.0.1-10.0.0.20).
// A CIDR block need not be canonical: the CreateAddress example sends
// 10.0.0.2/16.
func checkTemplateAddress(flag, v string) error {
	if templateAddressOK(v) {
		return nil
	}
	return usagef("invalid value %q for %s: expected an IP address (10.0.0.6), a CIDR block (10.0.0.0/16) or an IP range (10.0.0.1-10.0.0.20)", v, flag)
}

func templateAddressOK(v string) bool {
	if from, to, ok := strings.Cut(v, "-"); ok {
		a, errA := netip.ParseAddr(from)
		b, errB := netip.ParseAddr(to)
		return errA == nil && errB == nil && a.Zone() == "" && b.Zone() == "" && a.Is4() == b.Is4() && !b.Less(a)
	}
	if strings.Contains(v, "/") {
		_, err := netip.ParsePrefix(v)
		return err == nil
	}
	a, err := netip.ParseAddr(v)
	return err == nil && a.Zone() == ""
}

// checkTemplateService accepts the entries the protocol/port template
// pages document (single, multiple, consecutive and all ports; TCP, UDP,
// ICMP, GRE): tcp:80, tcp:80,443, tcp:3306-20000, udp:all, icmp, gre.
// Protocols are not case-sensitive (the CreateServiceTemplate example
// sends TCP:8080).
func checkTemplateService(flag, v string) error {
	if templateServiceOK(v) {
		return nil
	}
	hint := ""
	if templatePortsOK(v) {
		// A port list split by the comma-separated flag: tcp:80,443 → "443".
		hint = `; commas separate entries, so write a port list as tcp:80,tcp:443 or quote it: '"tcp:80,443"'`
	}
	return usagef("invalid value %q for %s: expected tcp or udp with ports (tcp:80, tcp:80,443, tcp:3306-20000, udp:all), icmp or gre%s", v, flag, hint)
}

func templateServiceOK(v string) bool {
	proto, ports, hasPorts := strings.Cut(v, ":")
	switch strings.ToLower(proto) {
	case "icmp", "gre":
		return !hasPorts
	case "tcp", "udp":
		return hasPorts && templatePortsOK(ports)
	}
	return false
}

// templatePortsOK: all, one port, a range or a list of ports.
func templatePortsOK(s string) bool {
	if strings.EqualFold(s, "all") {
		return true
	}
	if from, to, ok := strings.Cut(s, "-"); ok {
		a, b := templatePort(from), templatePort(to)
		return a > 0 && b > 0 && a <= b
	}
	for _, p := range strings.Split(s, ",") {
		if templatePort(p) == 0 {
			return false
		}
	}
	return true
}

// templatePort is a decimal port 1-65535, or 0 when s is not one.
func templatePort(s string) int {
	if s == "" || len(s) > 5 || strings.TrimLeft(s, "0123456789") != "" || s[0] == '0' {
		return 0
	}
	n, _ := strconv.Atoi(s)
	if n > 65535 {
		return 0
	}
	return n
}
