package cmd

import (
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/iostreams"
)

// Every operation of every group, in both styles, is reached by some
// resource command.
var coveredGroups = model.Groups()

// uncovered lists deliberate exceptions, each with its reason.
var uncovered = map[string]string{}

func reachedActions(t *testing.T) map[string]bool {
	io, _, _ := iostreams.Test("", false)
	a := &app{f: &Factory{IO: io, Getenv: func(string) string { return "" }}}
	root := a.newRoot(nil)
	reached := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, k := range []string{"v3", "legacy"} {
			for _, action := range strings.Fields(c.Annotations[k]) {
				reached[k+" "+action] = true
			}
		}
		for _, sub := range c.Commands() {
			if sub.Name() != "api" {
				walk(sub)
			}
		}
	}
	walk(root)
	return reached
}

func TestResourceCommandsCoverModel(t *testing.T) {
	reached := reachedActions(t)
	var missing []string
	for _, g := range coveredGroups {
		for _, op := range model.InGroup(g) {
			key := op.Style.String() + " " + op.Action
			if !reached[key] && uncovered[op.Action] == "" {
				missing = append(missing, g+": "+key)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d operations have no resource command:\n  %s", len(missing), strings.Join(missing, "\n  "))
	}
}

// Every declaration joins the model (no panic) and gets its flags and help.
func TestEveryCommandSetsUp(t *testing.T) {
	io, _, _ := iostreams.Test("", false)
	root := Tree(&Factory{IO: io, Getenv: func(string) string { return "" }})
	n := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Annotations["v3"] != "" || (c.Annotations["legacy"] != "" && c.Parent().Name() != "task") {
			n++
			if !strings.Contains(c.Long, "Operations: ") || c.Example == "" {
				t.Errorf("%s: help lacks its operations or an example", c.CommandPath())
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if n < 150 {
		t.Fatalf("only %d resource commands", n)
	}
}
