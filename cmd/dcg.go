package cmd

// dcgCommands declares the commands of this group.
func dcgCommands() []Command { return nil }
