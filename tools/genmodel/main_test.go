package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckSeeds(t *testing.T) {
	abs := func(p string) string { return p }
	if err := checkSeeds("", abs); err == nil || !strings.Contains(err.Error(), "-seeds DIR or set TCVPC_SEEDS") {
		t.Errorf("no directory given: %v", err)
	}
	missing := filepath.Join(t.TempDir(), "nowhere")
	if err := checkSeeds(missing, abs); err == nil || !strings.Contains(err.Error(), "-seeds "+missing+": no directory") {
		t.Errorf("missing directory: %v", err)
	}
	if err := checkSeeds(t.TempDir(), abs); err != nil {
		t.Errorf("existing directory: %v", err)
	}
}
