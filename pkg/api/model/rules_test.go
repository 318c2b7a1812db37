package model

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func (p *Param) hasValueRule() bool {
	q := *p
	q.MaxItems = 0
	return q.HasRule()
}

// ruleCase is one value against one parameter's rules.
type ruleCase struct {
	what string
	v    any
	rule Rule
}

// goodValue satisfies every rule of p (one element for an array).
func goodValue(p *Param) string {
	switch {
	case len(p.Enum) > 0:
		return p.Enum[0]
	case p.Range != nil:
		return strconv.FormatInt(p.Range.Min, 10)
	case p.Type == Integer:
		return "1"
	}
	switch p.Format {
	case FormatIPv4:
		return "10.0.0.5"
	case FormatIPv4CIDR:
		return "10.0.0.0/16"
	case FormatIPv4OrCIDR:
		return "10.0.0.0/24"
	case FormatID:
		return strings.Split(p.IDPrefix, "|")[0] + "-0ab1cd2e"
	case FormatUUID:
		return "b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34"
	case FormatPorts:
		return "90-100"
	case FormatIPv4Range:
		return "111.0.0.2-111.0.0.100"
	}
	if p.MinLen > 1 {
		return strings.Repeat("a", p.MinLen)
	}
	return "a"
}

// badValues breaks each of p's rules in turn.
func badValues(p *Param, st Style) []ruleCase {
	var cs []ruleCase
	if len(p.Enum) > 0 {
		cs = append(cs, ruleCase{"not listed", "9" + strings.Join(p.Enum, "") + "x", RuleEnum})
		if !p.EnumFold && strings.ToLower(p.Enum[0]) != p.Enum[0] && !slices.Contains(p.Enum, strings.ToLower(p.Enum[0])) {
			cs = append(cs, ruleCase{"other case", strings.ToLower(p.Enum[0]), RuleEnum})
		}
		if p.Type == Integer {
			cs[len(cs)-1].v = "987654321"
		}
	}
	if r := p.Range; r != nil {
		cs = append(cs,
			ruleCase{"below", strconv.FormatInt(r.Min-1, 10), RuleRange},
			ruleCase{"beyond int64", "99999999999999999999", RuleRange})
		if r.Max < math.MaxInt64 {
			cs = append(cs, ruleCase{"above", strconv.FormatInt(r.Max+1, 10), RuleRange})
		}
	}
	if p.MaxLen > 0 {
		cs = append(cs, ruleCase{"too long", strings.Repeat("a", p.MaxLen+1), RuleLength})
		if p.LenBytes {
			// within the limit in characters, over it in bytes
			cs = append(cs, ruleCase{"too many bytes", strings.Repeat("\u7f51", p.MaxLen/3+1), RuleLength})
		} else {
			// each character counts once however many bytes it takes
			cs = append(cs, ruleCase{"too many characters", strings.Repeat("\u7f51", p.MaxLen+1), RuleLength})
		}
	}
	if p.MinLen > 1 {
		cs = append(cs, ruleCase{"too short", strings.Repeat("a", p.MinLen-1), RuleLength})
	}
	switch p.Format {
	case FormatIPv4:
		cs = append(cs, ruleCase{"IPv6", "::1", RuleFormat}, ruleCase{"IPv4-mapped IPv6", "::ffff:10.0.0.5", RuleFormat},
			ruleCase{"octet over 255", "10.0.0.256", RuleFormat}, ruleCase{"a block", "10.0.0.0/24", RuleFormat})
	case FormatIPv4CIDR, FormatIPv4OrCIDR:
		cs = append(cs, ruleCase{"IPv6 block", "fd00::/8", RuleFormat}, ruleCase{"prefix over 32", "10.0.0.0/33", RuleFormat},
			ruleCase{"a word", "default", RuleFormat})
		if p.Format == FormatIPv4CIDR {
			cs = append(cs, ruleCase{"an address", "10.0.0.5", RuleFormat})
			if st == V3 {
				cs = append(cs, ruleCase{"host bits", "10.0.0.1/16", RuleFormat})
			}
		}
	case FormatID:
		for _, k := range strings.Split(p.IDPrefix, "|") {
			cs = append(cs, ruleCase{"other prefix", "zz" + k + "-0ab1cd2e", RuleFormat},
				ruleCase{"upper case", k + "-0AB1CD2E", RuleFormat})
			if st == V3 {
				cs = append(cs, ruleCase{"short", k + "-0ab1cd2", RuleFormat})
			}
		}
	case FormatPorts:
		cs = append(cs, ruleCase{"over 65535", "65536", RuleFormat}, ruleCase{"reversed", "100-90", RuleFormat},
			ruleCase{"a word", "http", RuleFormat})
	case FormatIPv4Range:
		cs = append(cs, ruleCase{"reversed", "111.0.0.100-111.0.0.2", RuleFormat}, ruleCase{"IPv6", "::1", RuleFormat},
			ruleCase{"half", "111.0.0.2-", RuleFormat})
	case FormatUUID:
		cs = append(cs, ruleCase{"short", "b4fd9ac1-7ce5-440d-92a7-10d9f04bdb3", RuleFormat},
			ruleCase{"no dashes", "b4fd9ac17ce5440d92a710d9f04bdb34xxxx", RuleFormat})
	}
	if p.Text {
		cs = append(cs, ruleCase{"line break", "a\nb", RuleText}, ruleCase{"escape", "a\x1b[2Jb", RuleText},
			ruleCase{"DEL", "a\x7fb", RuleText}, ruleCase{"C1", "a\u0085b", RuleText})
	}
	if p.Array {
		for i := range cs {
			cs[i].v = []any{cs[i].v}
		}
		if p.MaxItems > 0 {
			list := make([]any, p.MaxItems+1)
			for i := range list {
				list[i] = goodValue(p)
			}
			cs = append(cs, ruleCase{"too many", list, RuleCount})
		}
	}
	return cs
}

// TestEveryRuleIsEnforced walks the model: for every parameter with a
// value rule, a value keeping every rule is accepted, and a value breaking
// each rule is refused, naming the parameter and the rule.
func TestEveryRuleIsEnforced(t *testing.T) {
	n := 0
	for i := range operations {
		op := &operations[i]
		var walk func(prefix string, ps []Param)
		walk = func(prefix string, ps []Param) {
			for j := range ps {
				p := &ps[j]
				path := join(prefix, p.Name)
				walk(path, p.Fields)
				if !p.HasRule() {
					continue
				}
				var cases []ruleCase
				switch {
				case p.Type == Object && p.Array && p.MaxItems > 0 && !p.hasValueRule():
					list := make([]any, p.MaxItems+1)
					for i := range list {
						list[i] = map[string]any{}
					}
					cases = []ruleCase{{"too many", list, RuleCount}}
				case p.Type == Object || p.Type == Boolean || p.Type == Float:
					t.Errorf("%s %s %s: rules on a %s", op.Style, op.Action, path, p.Type)
					continue
				default:
					var good any = goodValue(p)
					if p.Array {
						good = []any{good}
					}
					if err := checkParam(p, good, path, op.Style); err != nil {
						t.Errorf("%s %s %s: %q refused: %v", op.Style, op.Action, path, good, err)
					}
					cases = badValues(p, op.Style)
				}
				if len(cases) == 0 {
					t.Errorf("%s %s %s: a rule without a violating case", op.Style, op.Action, path)
				}
				for _, c := range cases {
					n++
					err := checkParam(p, c.v, path, op.Style)
					var ve *ValidationError
					if !errors.As(err, &ve) {
						t.Errorf("%s %s %s %s: %#v accepted", op.Style, op.Action, path, c.what, c.v)
						continue
					}
					if !strings.HasPrefix(ve.Param, path) || ve.Rule != c.rule || ve.Expected == "" {
						t.Errorf("%s %s %s %s: got %+v, want the parameter and rule %d", op.Style, op.Action, path, c.what, ve, c.rule)
					}
					if p.Secret && (ve.Got != "" || strings.Contains(ve.Error(), "a\nb")) {
						t.Errorf("%s %s %s: a secret's value is repeated in %q", op.Style, op.Action, path, ve.Error())
					}
				}
			}
		}
		walk("", op.Params)
	}
	if n < 500 {
		t.Fatalf("only %d rule cases; the model lost its rules?", n)
	}
	t.Logf("%d violating values refused", n)
}

// TestRuleCounts pins how many parameters carry each kind of rule, so
// that a change to the generator that drops rules is seen.
func TestRuleCounts(t *testing.T) {
	c := map[string]int{}
	for i := range operations {
		var walk func(ps []Param)
		walk = func(ps []Param) {
			for j := range ps {
				p := &ps[j]
				walk(p.Fields)
				switch {
				case len(p.Enum) > 0:
					c["enum"]++
				}
				if p.Range != nil {
					c["range"]++
				}
				if p.MaxLen > 0 {
					c["length"]++
				}
				if p.MaxItems > 0 {
					c["count"]++
				}
				if p.Format == FormatID {
					c["id"]++
				} else if p.Format != FormatNone {
					c["address"]++
				}
				if p.Text {
					c["text"]++
				}
				if p.Secret {
					c["secret"]++
				}
			}
		}
		walk(operations[i].Params)
	}
	min := map[string]int{"enum": 37, "range": 10, "length": 45, "count": 10, "id": 250, "address": 80, "text": 80, "secret": 4}
	for k, m := range min {
		if c[k] < m {
			t.Errorf("%d parameters with a %s rule, want at least %d", c[k], k, m)
		}
	}
	t.Logf("rules: %v", c)
}

func TestSecretValueNeverInError(t *testing.T) {
	p := &Param{Name: "PreShareKey", Type: String, Secret: true, MaxLen: 4, Text: true}
	for _, v := range []string{"hunter2-long", "hu\nt"} {
		err := checkParam(p, v, "PreShareKey", V3)
		if err == nil || strings.Contains(err.Error(), "hunter") || strings.Contains(err.Error(), "hu\n") || strings.Contains(err.Error(), `hu\n`) {
			t.Fatalf("error %v", err)
		}
	}
}

func TestLegacyIDForms(t *testing.T) {
	for _, c := range []struct {
		v     string
		st    Style
		valid bool
	}{
		{"vpc-0ab1cd2e", V3, true},
		{"vpc-0ab1cd2", V3, false},
		{"gz_vpc_266", V3, false},
		{"vpc-0ab1cd2", Legacy, true},
		{"gz_vpc_266", Legacy, true},
		{"314", Legacy, true},
		{"vpc-", Legacy, false},
		{"gz_vpc_", Legacy, false},
		{"subnet-0ab1cd2e", Legacy, false},
		{"vpc-0AB1", Legacy, false},
	} {
		if got := FormatID.Match(c.v, "vpc", c.st); got != c.valid {
			t.Errorf("%s %q: match %v, want %v", c.st, c.v, got, c.valid)
		}
	}
}
