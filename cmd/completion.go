package cmd

import (
	"github.com/spf13/cobra"
)

func (a *app) completionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print a shell completion script",
		Long: `Print a completion script for your shell.

  bash:        source <(tcvpc completion bash)
               (or save it to /etc/bash_completion.d/tcvpc)
  zsh:         tcvpc completion zsh > "${fpath[1]}/_tcvpc"
  fish:        tcvpc completion fish > ~/.config/fish/completions/tcvpc.fish
  powershell:  tcvpc completion powershell | Out-String | Invoke-Expression`,
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args:      exactArgs(1, "a shell: bash, zsh, fish or powershell"),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := a.f.IO.Out
			switch args[0] {
			case "bash":
				return a.root.GenBashCompletionV2(out, true)
			case "zsh":
				return a.root.GenZshCompletion(out)
			case "fish":
				return a.root.GenFishCompletion(out, true)
			case "powershell":
				return a.root.GenPowerShellCompletionWithDesc(out)
			}
			return usagef("unknown shell %q: expected bash, zsh, fish or powershell", args[0])
		},
	}
}
