package cmd

// aclCommands declares the commands of this group.
func aclCommands() []Command { return nil }
