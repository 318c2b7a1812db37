package cmd

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// declarationSets pairs each function declaring resource commands with the
// top-level words of its commands, so that one run builds only the group
// it invokes; TestDeclarationSetsNameTheirWords keeps the words honest.
var declarationSets = [...]struct {
	words []string
	decl  func() []Command
}{
	{[]string{"vpc", "subnet", "classiclink", "account", "vip"}, vpcCommands},
	{[]string{"route-table"}, routeTableCommands},
	{[]string{"eip"}, eipCommands},
	{[]string{"eni"}, eniCommands},
	{[]string{"sg"}, sgCommands},
	{[]string{"vpn"}, vpnCommands},
	{[]string{"template"}, templateCommands},
	{[]string{"acl"}, aclCommands},
	{[]string{"dcg"}, dcgCommands},
	{[]string{"peering"}, peeringCommands},
	{[]string{"nat"}, natCommands},
	{[]string{"flowlog"}, flowlogCommands},
}

// declarations returns every declared resource command.
func declarations() [][]Command {
	out := make([][]Command, 0, len(declarationSets))
	for _, s := range declarationSets {
		out = append(out, s.decl())
	}
	return out
}

// addResourceCommands adds the resource groups by name only (help lists
// them, completion offers them); buildGroup adds a group's commands when
// it is the one invoked. Docs build every group.
func (a *app) addResourceCommands(root *cobra.Command) {
	for _, s := range declarationSets {
		for _, w := range s.words {
			a.groupCmd(root, w)
		}
	}
	if a.whole {
		a.buildAllGroups(root)
	}
	root.AddCommand(a.taskCmd())
}

// buildAllGroups declares every resource command.
func (a *app) buildAllGroups(root *cobra.Command) {
	for _, s := range declarationSets {
		for _, w := range s.words {
			a.buildGroup(root, w)
		}
	}
}

// buildGroup declares the commands under the top-level group name.
func (a *app) buildGroup(root *cobra.Command, name string) {
	if a.built == nil {
		a.built = map[string]bool{}
	}
	if a.built[name] {
		return
	}
	a.built[name] = true
	for _, s := range declarationSets {
		if !slices.Contains(s.words, name) {
			continue
		}
		for _, c := range s.decl() {
			if w, _, _ := strings.Cut(c.Path, " "); w == name {
				a.build(root, c)
			}
		}
	}
}
