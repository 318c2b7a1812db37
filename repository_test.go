package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// No file names a package registry's host: modules, packages and images
// come from whatever the user's tools are configured to use. The patterns
// escape their dots, so this file does not match itself.
var registryHost = regexp.MustCompile(`(` +
	`proxy\.golang\.org|sum\.golang\.org|index\.golang\.org|goproxy\.[a-z]|` +
	`goproxy\s*\??:?=\s*["']?https?://|` +
	`registry\.npmjs\.org|npmjs\.com|registry\.yarnpkg\.com|` +
	`(deb|security|ftp\.[a-z]+)\.debian\.org|archive\.ubuntu\.com|dl-cdn\.alpinelinux\.org|` +
	`pypi\.org|files\.pythonhosted\.org|crates\.io|rubygems\.org|` +
	`repo1?\.maven\.(org|apache\.org)|nuget\.org|registry-1\.docker\.io)`)

// registryWords are in every match of registryHost: a cheap filter before
// the regular expression, which is slow over the whole tree.
var registryWords = []string{"golang", "goproxy", "npmjs", "yarnpkg", "debian", "ubuntu", "alpinelinux",
	"pypi", "pythonhosted", "crates", "rubygems", "maven", "nuget", "docker"}

func hasRegistryWord(b []byte) bool {
	for _, w := range registryWords {
		if bytes.Contains(b, []byte(w)) {
			return true
		}
	}
	return false
}

func TestNoRegistryHostNamed(t *testing.T) {
	n := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch path {
			case ".git", "bin", "dist":
				return filepath.SkipDir
			}
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.IndexByte(b, 0) >= 0 {
			return nil // binary
		}
		n++
		b = bytes.ToLower(b) // the pattern is lower case: faster than (?i)
		if !hasRegistryWord(b) {
			return nil
		}
		for _, loc := range registryHost.FindAllIndex(b, -1) {
			line := 1 + bytes.Count(b[:loc[0]], []byte("\n"))
			t.Errorf("%s:%d names a package registry: %q", path, line, b[loc[0]:loc[1]])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("walked only %d files", n)
	}
}

func TestRegistryHostPattern(t *testing.T) {
	for _, s := range []string{"export GOPROXY ?= " + "https://x", "GOPROXY=" + "\"https://x\"", "proxy." + "golang.org", "deb." + "debian.org", "registry." + "npmjs.org"} {
		if !registryHost.MatchString(strings.ToLower(s)) || !hasRegistryWord([]byte(strings.ToLower(s))) {
			t.Errorf("not caught: %s", s)
		}
	}
	for _, s := range []string{"GOPROXY", "golang.org/x/term", "github.com/spf13/cobra", "vpc.tencentcloudapi.com"} {
		if registryHost.MatchString(strings.ToLower(s)) {
			t.Errorf("caught: %s", s)
		}
	}
}
