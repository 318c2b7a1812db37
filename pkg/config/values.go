package config

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/sign"
)

// ValueError is a setting whose value is not of its key's form.
type ValueError struct {
	Key, Value string
	// Expected describes the form, e.g. "cn or intl".
	Expected string
	// From is where the value came from (a Value's Source); "" for a value
	// being set.
	From string
	// Profile is the tcvpc profile the value is in when From is one of
	// tcvpc's files, for the repair hint.
	Profile string
}

func (e *ValueError) Error() string {
	// A credential is never repeated, not even in an error.
	value := fmt.Sprintf(" %q", e.Value)
	if ShouldMask(e.Key) {
		value = ""
	}
	switch {
	case strings.HasPrefix(e.From, "flag "):
		return fmt.Sprintf("invalid value%s for %s: expected %s", value, flagSpelling(e.Key), e.Expected)
	case e.From == "":
		return fmt.Sprintf("invalid value%s for %s: expected %s", value, e.Key, e.Expected)
	}
	msg := fmt.Sprintf("invalid value%s for %s in %s: expected %s", value, e.Key, e.From, e.Expected)
	if e.Profile != "" {
		p := ""
		if e.Profile != DefaultProfile {
			p = " --profile " + e.Profile
		}
		msg += fmt.Sprintf("; fix it with: tcvpc configure set%s %s VALUE", p, e.Key)
	}
	return msg
}

// flagSpelling is the global flag of a key as help shows it.
func flagSpelling(key string) string {
	if key == KeyOutput {
		return "-o/--output"
	}
	return "--" + key
}

// Expected describes the values a key accepts, for errors and help.
func Expected(key string) string {
	switch key {
	case KeySecretID, KeySecretKey, KeyToken:
		return "printable ASCII characters without spaces, as the console shows them"
	case KeyRegion:
		return RegionForm
	case KeyCAFile:
		return "the path of a PEM file of CA certificates"
	case KeyOutput:
		return "one of " + strings.Join(output.Formats(), ", ")
	case KeyEndpoint:
		return "scheme://host[:port] (http or https), e.g. http://127.0.0.1:8080"
	case KeySite:
		return "cn or intl"
	case KeySignatureMethod:
		return sign.TC3 + ", " + sign.HmacSHA256 + " or " + sign.HmacSHA1
	case KeyLanguage:
		return "zh-CN or en-US"
	}
	return ""
}

func signatureMethods() []string { return []string{sign.TC3, sign.HmacSHA256, sign.HmacSHA1} }

// Normalize checks value against key's form and returns its canonical
// spelling (output and site in lower case, signature method and language as
// documented). key must be a canonical key (ParseKey).
func Normalize(key, value string) (string, error) {
	if v, ok := canonical(key, value); ok {
		return v, nil
	}
	return "", &ValueError{Key: key, Value: value, Expected: Expected(key)}
}

func canonical(key, v string) (string, bool) {
	switch key {
	case KeySecretID, KeySecretKey, KeyToken:
		return v, v != "" && printableASCII(v)
	case KeyRegion:
		v = strings.ToLower(v)
		return v, ValidRegion(v)
	case KeyCAFile:
		// Whether it holds certificates is checked where it is read.
		return v, v != "" && !strings.ContainsFunc(v, unicode.IsControl)
	case KeyOutput:
		f, err := output.ParseFormat(v)
		return f, err == nil
	case KeyEndpoint:
		return v, endpointShaped(v)
	case KeySite:
		switch strings.ToLower(v) {
		case "cn", "china":
			return "cn", true
		case "intl":
			return "intl", true
		}
	case KeySignatureMethod:
		for _, m := range signatureMethods() {
			if strings.EqualFold(v, m) {
				return m, true
			}
		}
	case KeyLanguage:
		for _, l := range []string{"zh-CN", "en-US"} {
			if strings.EqualFold(v, l) {
				return l, true
			}
		}
	}
	return "", false
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// endpointShaped accepts scheme://host[:port] with an optional trailing
// slash: the endpoint replaces the service's, so a path, query or user
// would be silently dropped or misused.
func endpointShaped(e string) bool {
	u, err := url.Parse(e)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() != "" &&
		(u.Path == "" || u.Path == "/") && u.RawQuery == "" && u.Fragment == "" && u.User == nil && !u.ForceQuery
}

// Validate checks every resolved value, replaces each valid one with its
// canonical spelling and returns one error per invalid one, in Keys()
// order, each naming the key and where the value came from. Commands that
// talk to the service stop at the first; `configure` commands show them and
// go on, so that the user can repair the file.
func (s *Settings) Validate() []error {
	var errs []error
	for _, k := range Keys() {
		v, ok := s.Values[k]
		if !ok || v.Value == "" {
			continue
		}
		c, good := canonical(k, v.Value)
		if good {
			v.Value = c
			s.Values[k] = v
			continue
		}
		e := &ValueError{Key: k, Value: v.Value, Expected: Expected(k), From: v.Source}
		if strings.HasPrefix(v.Source, "profile ") {
			e.Profile = s.Profile
		}
		errs = append(errs, e)
	}
	return errs
}
