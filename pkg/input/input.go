// Package input is the one reader of documents a user hands tcvpc: every
// @FILE, @- and --cli-input-json. Reads are capped, only regular files,
// pipes and terminals are read, and a document is decoded strictly: one
// JSON value (or one YAML document), nothing after it.
package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxSize is the most bytes one document may have.
const MaxSize = 4 << 20

// maxText names MaxSize in messages.
const maxText = "4 MiB"

// Error is a document that could not be read or decoded. Its message
// names the flag and what was expected; it never quotes the content.
type Error struct {
	Flag string
	msg  string
}

func (e *Error) Error() string { return e.msg }

func errf(flag, format string, args ...any) error {
	return &Error{Flag: flag, msg: flag + ": " + fmt.Sprintf(format, args...)}
}

// Read returns the bytes of name for flag: "-" is stdin, anything else a
// file path.
func Read(flag, name string, stdin io.Reader) ([]byte, error) {
	where := name
	var r io.Reader
	if name == "-" {
		where = "stdin"
		if f, ok := stdin.(*os.File); ok {
			if err := readable(flag, "stdin", f); err != nil {
				return nil, err
			}
		}
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			if errors.Is(err, fs.ErrNotExist) {
				return nil, errf(flag, "file %s not found", name)
			}
			return nil, errf(flag, "cannot read %s: %v", name, err)
		}
		defer f.Close()
		if err := readable(flag, name, f); err != nil {
			return nil, err
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, errf(flag, "cannot read %s: %v", where, err)
	}
	if len(data) > MaxSize {
		return nil, errf(flag, "%s is larger than %s, the most tcvpc reads", where, maxText)
	}
	return data, nil
}

// readable admits regular files, pipes and terminals (a document typed
// in, ended with Ctrl-D); devices such as /dev/zero and directories are
// refused before a byte is read.
func readable(flag, name string, f *os.File) error {
	st, err := f.Stat()
	if err != nil {
		return errf(flag, "cannot read %s: %v", name, err)
	}
	m := st.Mode()
	switch {
	case m.IsRegular() && st.Size() > MaxSize:
		return errf(flag, "%s is larger than %s, the most tcvpc reads", name, maxText)
	case m.IsRegular(), m&fs.ModeNamedPipe != 0, m&fs.ModeSocket != 0:
		return nil
	case m&fs.ModeCharDevice != 0 && isTerminal(f):
		return nil
	case m.IsDir():
		return errf(flag, "%s is a directory; expected a regular file or a pipe", name)
	}
	return errf(flag, "%s is not a regular file or a pipe", name)
}

// Decode reads one JSON value, or one YAML document when data is not
// JSON. Numbers stay json.Number.
func Decode(flag string, data []byte) (any, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errf(flag, "empty document; expected JSON or YAML")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	jerr := dec.Decode(&v)
	if jerr == nil {
		off := dec.InputOffset()
		if err := end(dec); err != nil {
			return nil, errf(flag, "more after the JSON value (at byte %d); expected exactly one", off)
		}
		return v, nil
	}
	if t := bytes.TrimSpace(data); t[0] == '{' || t[0] == '[' {
		// Meant as JSON: YAML's message would only confuse.
		return nil, errf(flag, "invalid JSON: %v", jerr)
	}
	ydec := yaml.NewDecoder(bytes.NewReader(data))
	var y any
	if err := ydec.Decode(&y); err != nil {
		return nil, errf(flag, "neither JSON (%v) nor YAML (%v)", jerr, err)
	}
	var extra any
	if err := ydec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, errf(flag, "more than one YAML document; expected exactly one")
	}
	return fromYAML(y), nil
}

func end(dec *json.Decoder) error {
	var extra any
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return errors.New("trailing data")
	}
	return nil
}

// Value reads a flag's JSON: @FILE or @- (JSON or YAML), or the value
// itself as JSON.
func Value(flag, s string, stdin io.Reader) (any, error) {
	if name, ok := strings.CutPrefix(s, "@"); ok {
		if name == "" {
			return nil, errf(flag, "@ needs a file name, or @- for stdin")
		}
		data, err := Read(flag, name, stdin)
		if err != nil {
			return nil, err
		}
		return Decode(flag, data)
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, &Error{Flag: flag, msg: fmt.Sprintf("invalid value for %s: expected JSON or @FILE (%v)", flag, err)}
	}
	if err := end(dec); err != nil {
		return nil, &Error{Flag: flag, msg: fmt.Sprintf("invalid value for %s: expected one JSON value or @FILE, got more after it", flag)}
	}
	return v, nil
}

// fromYAML converts YAML scalars to the JSON-shaped tree the model reads.
func fromYAML(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			x[k] = fromYAML(c)
		}
		return x
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, c := range x {
			m[fmt.Sprint(k)] = fromYAML(c)
		}
		return m
	case []any:
		for i, c := range x {
			x[i] = fromYAML(c)
		}
		return x
	case int:
		return json.Number(strconv.Itoa(x))
	case float64:
		return json.Number(strconv.FormatFloat(x, 'g', -1, 64))
	}
	return v
}
