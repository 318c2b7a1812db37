package cmd

import "github.com/spf13/cobra"

// declarations returns every declared resource command.
func declarations() [][]Command {
	return [][]Command{
		vpcCommands(), routeTableCommands(), eipCommands(), eniCommands(),
		sgCommands(), vpnCommands(), templateCommands(),
		aclCommands(), dcgCommands(), peeringCommands(), natCommands(), flowlogCommands(),
	}
}

// addResourceCommands builds every declared resource command.
func (a *app) addResourceCommands(root *cobra.Command) {
	for _, group := range declarations() {
		for _, c := range group {
			a.build(root, c)
		}
	}
	root.AddCommand(a.taskCmd())
}
