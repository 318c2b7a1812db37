package main

import (
	"os"
	"path/filepath"
	"testing"
)

// The committed docs, man pages and completions are what the command tree
// generates now: a change to a command must regenerate them (make generate).
func TestGeneratedFilesUpToDate(t *testing.T) {
	tmp := t.TempDir()
	if err := run(tmp, all); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"docs/commands", "docs/man", "completions"} {
		want := readDir(t, filepath.Join(tmp, dir))
		got := readDir(t, filepath.Join("..", "..", dir))
		for name, content := range want {
			if got[name] != content {
				t.Errorf("%s/%s is out of date: run `make generate`", dir, name)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("%s/%s is no longer generated: run `make generate`", dir, name)
			}
		}
	}
}

func readDir(t *testing.T, dir string) map[string]string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%v (run `make generate`)", err)
	}
	out := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}
