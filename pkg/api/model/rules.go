package model

import (
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkRules checks a scalar value, already of the right type, against
// f's documented rules.
func checkRules(f *Param, s, path string, st Style) error {
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
	if r.Max == math.MaxInt64 {
		return fmt.Sprintf("a whole number, %d or more", r.Min)
	}
	return fmt.Sprintf("an integer from %d to %d", r.Min, r.Max)
}

func (f *Param) lengthForm() string {
	unit := "characters"
	if f.LenBytes {
		unit = "bytes of UTF-8"
	}
	switch {
	case f.MinLen > 0 && f.MaxLen > 0:
		return fmt.Sprintf("%d to %d %s", f.MinLen, f.MaxLen, unit)
	case f.MaxLen > 0:
		return fmt.Sprintf("at most %d %s", f.MaxLen, unit)
	}
	return fmt.Sprintf("at least %d %s", f.MinLen, unit)
}

// EnumForm is "A", "A or B", or "one of A, B, C": the expected form of
// an enumerated value, for messages.
func EnumForm(values []string) string {
	switch len(values) {
	case 1:
		return values[0]
	case 2:
		return values[0] + " or " + values[1]
	}
	return "one of " + strings.Join(values, ", ")
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
		kinds := strings.Split(prefix, "|")
		for i, k := range kinds {
			kinds[i] = k + "-xxxxxxxx"
		}
		like := kinds[0]
		if n := len(kinds); n > 1 {
			like = strings.Join(kinds[:n-1], ", ") + " or " + kinds[n-1]
		}
		return "an ID like " + like + " (8 lowercase letters or digits)"
	case FormatUUID:
		return "a UUID such as b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34"
	case FormatPorts:
		return "a port (0-65535), a range such as 90-100, or ALL"
	case FormatIPv4Range:
		return "an IPv4 address, a range such as 111.0.0.2-111.0.0.100 or a CIDR block such as 111.0.0.0/28"
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
		for _, k := range strings.Split(prefix, "|") {
			if isID(s, k) || st == Legacy && isLegacyID(s, k) {
				return true
			}
		}
		return false
	case FormatUUID:
		return isUUID(s)
	case FormatPorts:
		return isPorts(s)
	case FormatIPv4Range:
		if lo, hi, ok := strings.Cut(s, "-"); ok {
			a, err1 := netip.ParseAddr(lo)
			b, err2 := netip.ParseAddr(hi)
			return err1 == nil && err2 == nil && a.Is4() && b.Is4() && !b.Less(a)
		}
		return isIPv4(s) || isIPv4CIDR(s, false)
	}
	return true
}

// isPorts: ALL, a port, or a range lo-hi, of 0-65535.
func isPorts(s string) bool {
	if strings.EqualFold(s, "all") {
		return true
	}
	lo, hi, isRange := strings.Cut(s, "-")
	if !isRange {
		hi = lo
	}
	a, err1 := strconv.ParseUint(lo, 10, 16)
	b, err2 := strconv.ParseUint(hi, 10, 16)
	return err1 == nil && err2 == nil && a <= b
}

// isUUID: 8-4-4-4-12 hexadecimal digits.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch {
		case i == 8 || i == 13 || i == 18 || i == 23:
			if s[i] != '-' {
				return false
			}
		case !isHex(s[i]):
			return false
		}
	}
	return true
}

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

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

// Check checks one parameter's value (a list for an Array) against its
// type and rules, as Validate does inside a request, for the style st.
// An error is a *ValidationError whose Param starts with p.Name.
func (p *Param) Check(v any, st Style) error {
	if v == nil || isEmptyContainer(v) {
		return nil
	}
	return checkParam(p, v, p.Name, st)
}
