package cmd

// sgCommands declares the commands of this group.
func sgCommands() []Command { return nil }
