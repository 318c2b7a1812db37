package cmd

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzParseValue: a --Param value of tcvpc api is the string typed or,
// when it is a JSON array or object, the decoded value; never a panic.
func FuzzParseValue(f *testing.F) {
	for _, seed := range []string{`[{"Name":"vpc-name","Values":["a"]}]`, `{"a":1}`, "plain", "[", " [1] ", "{]", "123", `["\u0000"]`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := parseValue(s)
		if str, ok := v.(string); ok {
			if str != s {
				t.Fatalf("%q became %q", s, str)
			}
			return
		}
		if _, err := json.Marshal(v); err != nil {
			t.Fatalf("%q decoded to something that does not encode: %v", s, err)
		}
		if t := strings.TrimSpace(s); !strings.HasPrefix(t, "[") && !strings.HasPrefix(t, "{") {
			panic("decoded a value that is not an array or object: " + s)
		}
	})
}
