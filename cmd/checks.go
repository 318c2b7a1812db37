package cmd

import (
	"errors"
	"strings"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/api/model"
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
