package cmd

import "github.com/spf13/cobra"

// addResourceCommands builds every declared resource command.
func (a *app) addResourceCommands(root *cobra.Command) {
	for _, c := range vpnCommands() {
		a.build(root, c)
	}
	root.AddCommand(a.taskCmd())
}
