package cmd

import (
	"slices"
	"strings"
	"testing"
)

// Each declaration function names exactly the top-level words of its
// commands: a run builds only the invoked group, found by these words.
func TestDeclarationSetsNameTheirWords(t *testing.T) {
	for i, s := range declarationSets {
		var words []string
		for _, c := range s.decl() {
			if w, _, _ := strings.Cut(c.Path, " "); !slices.Contains(words, w) {
				words = append(words, w)
			}
		}
		slices.Sort(words)
		want := slices.Clone(s.words)
		slices.Sort(want)
		if !slices.Equal(words, want) {
			t.Errorf("declarationSets[%d] says %v, its commands start with %v", i, want, words)
		}
	}
}

// A run builds the invoked group only; the others are names.
func TestOnlyTheInvokedGroupIsBuilt(t *testing.T) {
	a := &app{f: &Factory{}}
	args := []string{"-o", "json", "subnets", "list"}
	root := a.newRoot(args)
	a.setupFor(root, args)
	for _, g := range root.Commands() {
		switch g.Name() {
		case "subnet":
			if !g.HasSubCommands() {
				t.Fatal("subnet has no commands")
			}
		case "vpc", "eip", "vpn":
			if g.HasSubCommands() {
				t.Fatalf("%s was built for a subnet command", g.Name())
			}
		case "api":
			if len(g.Commands()) > 2 {
				t.Fatal("the api Actions were built for a subnet command")
			}
		}
	}
}
