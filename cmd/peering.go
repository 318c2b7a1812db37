package cmd

// peeringCommands declares the commands of this group.
func peeringCommands() []Command { return nil }
