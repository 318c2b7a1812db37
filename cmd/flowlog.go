package cmd

// flowlogCommands declares the commands of this group.
func flowlogCommands() []Command { return nil }
