package model

import (
	"fmt"
	"net/netip"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// checkRules checks a scalar value, already of the right type, against
// f's documented rules.
func checkRules(f *Param, s, path string, st Style) error {
	if f.Range != nil && f.Type == Integer {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < f.Range.Min || n > f.Range.Max {
			return ruleError(f, path, s, RuleRange, f.Range.String())
		}
	}
	if f.Type != String || s == "" {
		// An empty string is a value not given (a legacy modify sends
		// it for "unchanged"); required parameters are checked as such.
		return nil
	}
	if f.Text {
		for _, r := range s {
			if unicode.IsControl(r) {
				return ruleError(f, path, s, RuleText, "text without control characters (tabs, line breaks, escapes)")
			}
		}
	}
	if f.MinLen > 0 || f.MaxLen > 0 {
		n := utf8.RuneCountInString(s)
		if f.LenBytes {
			n = len(s)
		}
		if n < f.MinLen || f.MaxLen > 0 && n > f.MaxLen {
			return ruleError(f, path, s, RuleLength, f.lengthForm())
		}
	}
	if f.Format != FormatNone && !f.Format.Match(s, f.IDPrefix, st) {
		return ruleError(f, path, s, RuleFormat, f.Format.Form(f.IDPrefix))
	}
	return nil
}

// ruleError reports a broken rule; a secret's value is never repeated.
func ruleError(f *Param, path, s string, r Rule, expected string) *ValidationError {
	e := &ValidationError{Param: path, Rule: r, Expected: expected}
	if f.Secret {
		e.Problem = "invalid value: expected " + expected
		return e
	}
	e.Got = strconv.Quote(s)
	e.Problem = "invalid value " + e.Got + ": expected " + expected
	return e
}

func (r *Range) String() string {
	return fmt.Sprintf("an integer from %d to %d", r.Min, r.Max)
}

func (f *Param) lengthForm() string {
	unit := "characters"
	if f.LenBytes {
		unit = "bytes (a Chinese character counts 3)"
	}
	switch {
	case f.MinLen > 0 && f.MaxLen > 0:
		return fmt.Sprintf("%d to %d %s", f.MinLen, f.MaxLen, unit)
	case f.MaxLen > 0:
		return fmt.Sprintf("at most %d %s", f.MaxLen, unit)
	}
	return fmt.Sprintf("at least %d %s", f.MinLen, unit)
}

func countForm(n int) string {
	if n == 1 {
		return "at most 1 value"
	}
	return fmt.Sprintf("at most %d values", n)
}

// Form is the expected form of a value, for messages.
func (f Format) Form(prefix string) string {
	switch f {
	case FormatIPv4:
		return "an IPv4 address such as 10.0.0.5"
	case FormatIPv4CIDR:
		return "an IPv4 CIDR block such as 10.0.0.0/16"
	case FormatIPv4OrCIDR:
		return "an IPv4 address or CIDR block such as 10.0.0.5 or 10.0.0.0/24"
	case FormatID:
		return "an ID like " + prefix + "-xxxxxxxx (8 lowercase letters or digits)"
	}
	return ""
}

// Match reports whether s has the format. The legacy API also takes the
// IDs of before the unified ones (its pages say "vpcId or unVpcId"), and
// its own examples show them as numbers ("314"), "gz_vpc_266" and
// prefixed IDs of other lengths ("vpc-amhnao5"), so for it an ID is the
// prefix and any letters or digits, or an older form.
func (f Format) Match(s, prefix string, st Style) bool {
	switch f {
	case FormatIPv4:
		return isIPv4(s)
	case FormatIPv4CIDR:
		return isIPv4CIDR(s, st == Legacy)
	case FormatIPv4OrCIDR:
		return isIPv4(s) || isIPv4CIDR(s, st == Legacy)
	case FormatID:
		if st == Legacy {
			return isLegacyID(s, prefix)
		}
		return isID(s, prefix)
	}
	return true
}

func isIPv4(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is4()
}

// isIPv4CIDR: API 3.0 wants the network address (host bits zero); the
// legacy pages' own examples send blocks with host bits set
// ("121.0.23.51/16"), which the legacy API reads as their network.
func isIPv4CIDR(s string, hostBits bool) bool {
	p, err := netip.ParsePrefix(s)
	return err == nil && p.Addr().Is4() && (hostBits || p.Masked() == p)
}

// isID: prefix, "-", 8 lower-case letters or digits.
func isID(s, prefix string) bool {
	rest, ok := cutPrefix(s, prefix+"-")
	if !ok || len(rest) != 8 {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if !isLowerAlnum(rest[i]) {
			return false
		}
	}
	return true
}

func isLegacyID(s, prefix string) bool {
	if rest, ok := cutPrefix(s, prefix+"-"); ok {
		return rest != "" && allBytes(rest, isLowerAlnum)
	}
	return s != "" && allBytes(s, isDigit) || isOldID(s)
}

func allBytes(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isOldID: letters "_" letters "_" digits.
func isOldID(s string) bool {
	parts := [3]int{}
	k := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
			if parts[k] == 0 || k == 2 {
				return false
			}
			k++
			continue
		case k < 2 && c >= 'a' && c <= 'z', k == 2 && c >= '0' && c <= '9':
		default:
			return false
		}
		parts[k]++
	}
	return k == 2 && parts[2] > 0
}

func isLowerAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

func cutPrefix(s, p string) (string, bool) {
	if len(s) < len(p) || s[:len(p)] != p {
		return s, false
	}
	return s[len(p):], true
}
