package model

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// cjk matches Chinese, Japanese and Korean characters, CJK punctuation
// and full-width forms.
var cjk = regexp.MustCompile(`[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]`)

// The model, the reference pages and the man pages are in our own
// English: the manual's Chinese sentences are not copied into them.
func TestNoCJKInModelAndDocs(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	for _, dir := range []string{"pkg/api/model", "docs/commands", "docs/man", "completions"} {
		files := 0
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files++
			for i, line := range strings.Split(string(b), "\n") {
				if m := cjk.FindString(line); m != "" {
					t.Errorf("%s:%d: CJK character %q: %.120s", path, i+1, m, line)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if files == 0 {
			t.Errorf("%s: no files read", dir)
		}
	}
}

// Every text the model carries, walked through the API rather than the
// file, so that a text built at run time would be caught too.
func TestModelTextsAreEnglish(t *testing.T) {
	check := func(op *Operation, where, s string) {
		if s == "" && where != "example" {
			t.Errorf("%s %s: empty %s", op.Style, op.Action, where)
		}
		if cjk.MatchString(s) {
			t.Errorf("%s %s: %s is not English: %q", op.Style, op.Action, where, s)
		}
	}
	var params func(op *Operation, ps []Param, prefix string)
	params = func(op *Operation, ps []Param, prefix string) {
		for _, p := range ps {
			check(op, "param "+prefix+p.Name, p.Description)
			params(op, p.Fields, prefix+p.Name+".")
		}
	}
	for _, op := range All() {
		check(&op, "title", op.Title)
		check(&op, "description", op.Description)
		params(&op, op.Params, "")
		for _, f := range op.Outputs {
			check(&op, "output "+f.Name, f.Description)
		}
		for _, e := range op.Errors {
			check(&op, "error "+e.Code, e.Description)
		}
		for _, kv := range op.Example {
			check(&op, "example", kv.Value)
		}
	}
}
