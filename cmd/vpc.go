package cmd

// vpcCommands declares the commands of this group.
func vpcCommands() []Command { return nil }
