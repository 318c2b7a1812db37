package cmd

// eipCommands declares the commands of this group.
func eipCommands() []Command { return nil }
