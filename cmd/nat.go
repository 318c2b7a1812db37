package cmd

// natCommands declares the commands of this group.
func natCommands() []Command { return nil }
