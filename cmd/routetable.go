package cmd

// routeTableCommands declares the commands of this group.
func routeTableCommands() []Command { return nil }
