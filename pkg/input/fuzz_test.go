package input

import (
	"errors"
	"strings"
	"testing"
)

// FuzzDecode: any document decodes to one value or fails with an *Error
// naming the flag, never a panic.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{`{"a":[1,2]}`, "a: 1\nb: [x]", `[1] [2]`, "a: 1\n---\nb: 2", "{", "", "\x00", `"x"`, "- a\n- b: {c: 1}", "1e999", "&a [*a]"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Decode("--x", data)
		var ie *Error
		if err != nil && (!errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "--x: ")) {
			t.Fatalf("error without the flag: %v", err)
		}
	})
}

// FuzzValue: any flag value (inline JSON or @FILE) is read or refused
// with an error naming the flag.
func FuzzValue(f *testing.F) {
	for _, seed := range []string{`[{"A":"b"}]`, `{"a":1} x`, "not json", "@-"} {
		f.Add(seed, "- 1\n")
	}
	f.Fuzz(func(t *testing.T, value, stdin string) {
		if strings.HasPrefix(value, "@") && value != "@-" {
			return // named files are the unit tests' (a fuzzed name could be a FIFO)
		}
		_, err := Value("--x", value, strings.NewReader(stdin))
		var ie *Error
		if err != nil && (!errors.As(err, &ie) || !strings.Contains(err.Error(), "--x")) {
			t.Fatalf("error without the flag: %v", err)
		}
	})
}
