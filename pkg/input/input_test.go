package input

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// zeros is an endless stdin that counts what was taken from it.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 0
	}
	z.n += int64(len(p))
	return len(p), nil
}

func TestReadRefusesWhatIsNotAFileOrPipe(t *testing.T) {
	dir := t.TempDir()
	for name, want := range map[string]string{
		"/dev/zero":                     "--x: /dev/zero is not a regular file or a pipe",
		dir:                             "--x: " + dir + " is a directory; expected a regular file or a pipe",
		filepath.Join(dir, "none.json"): "--x: file " + filepath.Join(dir, "none.json") + " not found",
	} {
		_, err := Read("--x", name, nil)
		var ie *Error
		if !errors.As(err, &ie) || err.Error() != want || ie.Flag != "--x" {
			t.Errorf("%s: got %v, want %s", name, err, want)
		}
	}
}

func TestReadIsBounded(t *testing.T) {
	z := &zeros{}
	_, err := Read("--x", "-", z)
	if err == nil || err.Error() != "--x: stdin is larger than 4 MiB, the most tcvpc reads" {
		t.Fatalf("got %v", err)
	}
	if z.n > MaxSize+64<<10 {
		t.Fatalf("read %d bytes of an endless stdin; the cap is %d", z.n, MaxSize)
	}
	big := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(big, make([]byte, MaxSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Read("--x", big, nil); err == nil || !strings.Contains(err.Error(), "larger than 4 MiB") {
		t.Fatalf("got %v", err)
	}
	ok := filepath.Join(t.TempDir(), "ok.json")
	os.WriteFile(ok, []byte(`{"a":1}`), 0o600)
	if b, err := Read("--x", ok, nil); err != nil || string(b) != `{"a":1}` {
		t.Fatalf("%q %v", b, err)
	}
	// A pipe is read.
	r, w, _ := os.Pipe()
	go func() { w.Write([]byte("[1]")); w.Close() }()
	if b, err := Read("--x", "-", r); err != nil || string(b) != "[1]" {
		t.Fatalf("pipe: %q %v", b, err)
	}
}

func TestDecodeIsStrict(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want any
		err  string
	}{
		{`{"a":[1,"x"]}`, map[string]any{"a": []any{json.Number("1"), "x"}}, ""},
		{"a: 1\nb: [x]\n", map[string]any{"a": json.Number("1"), "b": []any{"x"}}, ""},
		{`{"a":1} {"b":2}`, nil, "--x: more after the JSON value (at byte 7); expected exactly one"},
		{`{"a":1} junk`, nil, "--x: more after the JSON value (at byte 7); expected exactly one"},
		{`{"a":1`, nil, "--x: invalid JSON: unexpected EOF"},
		{"a: 1\n---\nb: 2\n", nil, "--x: more than one YAML document; expected exactly one"},
		{"  \n", nil, "--x: empty document; expected JSON or YAML"},
	} {
		v, err := Decode("--x", []byte(tc.in))
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%q: got %v, want %s", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(v, tc.want) {
			t.Errorf("%q: got %#v %v", tc.in, v, err)
		}
	}
}

func TestValue(t *testing.T) {
	if v, err := Value("--x", `[{"A":"b"}]`, nil); err != nil || !reflect.DeepEqual(v, []any{map[string]any{"A": "b"}}) {
		t.Fatalf("%#v %v", v, err)
	}
	if _, err := Value("--x", `[1] [2]`, nil); err == nil || err.Error() != "invalid value for --x: expected one JSON value or @FILE, got more after it" {
		t.Fatalf("%v", err)
	}
	if _, err := Value("--x", "@", nil); err == nil || err.Error() != "--x: @ needs a file name, or @- for stdin" {
		t.Fatalf("%v", err)
	}
	if v, err := Value("--x", "@-", strings.NewReader("- a\n- b\n")); err != nil || !reflect.DeepEqual(v, []any{"a", "b"}) {
		t.Fatalf("%#v %v", v, err)
	}
	var _ io.Reader = &zeros{}
}
