package cmd

// templateCommands declares the commands of this group.
func templateCommands() []Command { return nil }
