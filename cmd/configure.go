package cmd

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/pkg/config"
	"github.com/tcvpc/tcvpc/pkg/output"
)

func (a *app) configureCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "configure",
		Short: "Set up credentials and defaults in a profile",
		Long: `Without a subcommand, ask for the SecretId, SecretKey, region and output format of
a profile (--profile, default "default") and save them under ~/.tcvpc/ (mode 0600).
Secrets are read without echo; press Enter to keep the current value.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.configureInteractive(cmd) },
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "set KEY VALUE",
		Short: "Set one setting of a profile",
		Long: `Set one setting of a profile. The value is checked first (output, site,
signature-method, language, endpoint scheme http or https, region shape): a bad
one exits 2 naming the expected form and writes nothing. An empty value removes
the setting. Writes are read-modify-write under a lock (~/.tcvpc/.lock) and
replace the file atomically with mode 0600, so parallel runs lose nothing.`,
		Example:   "  tcvpc configure set region ap-guangzhou\n  tcvpc configure set secret-key --profile prod \"$KEY\"",
		Args:      exactArgs(2, "KEY VALUE"),
		ValidArgs: config.Keys(),
		RunE: func(cmd *cobra.Command, args []string) error {
			profile := a.profileName(cmd)
			key, err := config.ParseKey(args[0])
			if err != nil {
				return usagef("%v", err)
			}
			if err := checkSetting(key, strings.TrimSpace(args[1])); err != nil {
				return usagef("configure set %s: %v", key, err)
			}
			if err := a.loader(cmd).Set(profile, key, args[1]); err != nil {
				return usagef("%v", err)
			}
			return nil
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:       "get KEY",
		Short:     "Print the effective value of one setting",
		Args:      exactArgs(1, "KEY"),
		ValidArgs: config.Keys(),
		RunE: func(cmd *cobra.Command, args []string) error {
			key, err := config.ParseKey(args[0])
			if err != nil {
				return usagef("%v", err)
			}
			s, err := a.loader(cmd).Load()
			if err != nil {
				return err
			}
			fmt.Fprintln(a.f.IO.Out, s.Get(key))
			return nil
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "Show every setting, where it comes from, secrets masked",
		Args:  noArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return a.configureList(cmd) },
	})
	return cmd
}

func exactArgs(n int, meta string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s needs %s", cmd.CommandPath(), meta)
		}
		return nil
	}
}

func (a *app) profileName(cmd *cobra.Command) string {
	if a.g.profile != "" {
		return a.g.profile
	}
	if p := a.f.Getenv("TCVPC_PROFILE"); p != "" {
		return p
	}
	return "default"
}

func (a *app) configureList(cmd *cobra.Command) error {
	s, err := a.loader(cmd).Load()
	if err != nil {
		return err
	}
	format, q, err := a.outputOptions(cmd, s)
	if err != nil && !cmd.Flags().Changed("output") {
		// A bad output setting in a profile must not hide the listing
		// that helps repair it.
		a.warnf("%v", err)
		format = output.Table
		if q, err = output.CompileQuery(a.g.query); err != nil {
			return usagef("%v", err)
		}
	}
	if err != nil {
		return err
	}
	rows := []any{map[string]any{"Name": "profile", "Value": s.Profile, "Source": s.ProfileSource}}
	for _, k := range config.Keys() {
		v := s.Values[k]
		val := v.Value
		if config.ShouldMask(k) {
			val = config.Mask(val)
		}
		rows = append(rows, map[string]any{"Name": k, "Value": val, "Source": v.Source})
	}
	cols := []output.Column{{Header: "NAME", Path: "Name"}, {Header: "VALUE", Path: "Value"}, {Header: "SOURCE", Path: "Source"}}
	return output.Render(a.f.IO.Out, map[string]any{"Settings": rows}, output.Options{
		Format: format, Query: q, Rows: "Settings", Columns: cols, NoHeader: a.g.noHeader, Color: a.f.IO.ColorOut(),
	})
}

func (a *app) configureInteractive(cmd *cobra.Command) error {
	io := a.f.IO
	if !io.StdinTTY {
		return usagef("tcvpc configure asks questions on a terminal; in scripts use `tcvpc configure set KEY VALUE`")
	}
	profile := a.profileName(cmd)
	l := a.loader(cmd)
	cur, err := l.Load()
	if err != nil {
		return err
	}
	in := bufio.NewReader(io.In)
	fmt.Fprintf(io.ErrOut, "Configuring profile %q (saved in ~/.tcvpc/, mode 0600)\n", profile)
	type q struct {
		key, label string
		secret     bool
	}
	for _, item := range []q{
		{config.KeySecretID, "SecretId", true},
		{config.KeySecretKey, "SecretKey", true},
		{config.KeyRegion, "Default region (e.g. ap-guangzhou)", false},
		{config.KeyOutput, "Default output (table, json, jsonl, yaml, text)", false},
	} {
		shown := cur.Get(item.key)
		if item.secret {
			shown = config.Mask(shown)
		}
		fmt.Fprintf(io.ErrOut, "%s [%s]: ", item.label, shown)
		var val string
		if item.secret {
			val, err = io.ReadSecret()
			fmt.Fprintln(io.ErrOut)
		} else {
			val, err = in.ReadString('\n')
		}
		val = strings.TrimSpace(val)
		if err != nil && val == "" {
			return usagef("configure: input ended before %s", item.label)
		}
		if val == "" {
			continue
		}
		if item.key == config.KeyOutput {
			if _, err := output.ParseFormat(val); err != nil {
				return usagef("%v", err)
			}
		}
		if err := l.Set(profile, item.key, val); err != nil {
			return err
		}
	}
	fmt.Fprintf(io.ErrOut, "Saved profile %q.\n", profile)
	return nil
}
