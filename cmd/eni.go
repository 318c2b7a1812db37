package cmd

// eniCommands declares the commands of this group.
func eniCommands() []Command { return nil }
