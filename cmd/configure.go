package cmd

import (
	"bufio"
	"errors"
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
Secrets are read without echo; press Enter to keep the current value. The
answers are saved once, after the last question; Ctrl-C at any prompt exits 130
and saves nothing.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.configureInteractive(cmd) },
	}
	set := keyCmd("set KEY VALUE", "Set one setting of a profile", func(cmd *cobra.Command, key string, args []string) error {
		if strings.TrimSpace(args[1]) == "" {
			return usagef("empty value for %s: expected %s; to remove the key run `tcvpc configure unset %s`", key, config.Expected(key), key)
		}
		return a.configureSet(cmd, map[string]string{key: args[1]})
	})
	set.Long = `Set one setting of a profile. The value is checked first, and nothing is
written when it is not of the key's form:

` + keyForms() + `
Writers take a lock on ~/.tcvpc/.lock and replace the file atomically, so
parallel runs keep every key.`
	set.Example = "  tcvpc configure set region ap-guangzhou\n  tcvpc configure set secret-key --profile prod \"$KEY\""
	cmd.AddCommand(set,
		keyCmd("unset KEY", "Remove one setting from a profile", func(cmd *cobra.Command, key string, _ []string) error {
			return a.configureSet(cmd, map[string]string{key: ""})
		}),
		keyCmd("get KEY", "Print the effective value of one setting", func(cmd *cobra.Command, key string, _ []string) error {
			s, err := a.configureLoad(cmd)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.f.IO.Out, s.Get(key))
			return nil
		}))
	cmd.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "Show every setting, where it comes from, secrets masked",
		Args:  noArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return a.configureList(cmd) },
	})
	return cmd
}

// keyCmd is a configure subcommand whose first argument is a key: use
// names the arguments, and run gets the key in its canonical spelling.
func keyCmd(use, short string, run func(cmd *cobra.Command, key string, args []string) error) *cobra.Command {
	meta := strings.SplitN(use, " ", 2)[1]
	return &cobra.Command{
		Use:       use,
		Short:     short,
		Args:      exactArgs(len(strings.Fields(meta)), meta),
		ValidArgs: config.Keys(),
		RunE: func(cmd *cobra.Command, args []string) error {
			key, err := config.ParseKey(args[0])
			if err != nil {
				return usagef("%v", err)
			}
			return run(cmd, key, args)
		},
	}
}

// keyForms lists each key with the values it takes, for help.
func keyForms() string {
	var b strings.Builder
	for _, k := range config.Keys() {
		fmt.Fprintf(&b, "  %-17s %s\n", k, config.Expected(k))
	}
	return b.String()
}

// configureSet checks values (usage errors, exit 2) and then writes them
// together into the profile.
func (a *app) configureSet(cmd *cobra.Command, values map[string]string) error {
	profile := a.profileName(cmd)
	if err := config.CheckProfile(profile); err != nil {
		return usagef("%v", err)
	}
	for k, v := range values {
		if v == "" {
			continue
		}
		if _, err := config.Normalize(k, strings.TrimSpace(v)); err != nil {
			return usagef("%v", err)
		}
	}
	err := a.loader(cmd).SetValues(profile, values)
	var ve *config.ValueError
	if errors.As(err, &ve) { // what only writing checks, such as a ca-file's contents
		return usagef("%v", err)
	}
	return err
}

// configureLoad reads the settings for the configure commands, which go on
// when a value is invalid so that the user can see and repair it: each
// problem is a warning naming the key and where the value is.
func (a *app) configureLoad(cmd *cobra.Command) (*config.Settings, error) {
	s, err := a.loader(cmd).Load()
	if err != nil {
		return nil, usagef("%v", err)
	}
	var problems []error
	for _, err := range s.Validate() {
		// A bad flag is the user's input of this run: an error.
		if ve, ok := err.(*config.ValueError); ok && strings.HasPrefix(ve.From, "flag ") {
			return nil, usagef("%v", err)
		}
		problems = append(problems, err)
	}
	for _, err := range problems {
		a.warnf("%v", err)
	}
	return s, nil
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
	s, err := a.configureLoad(cmd)
	if err != nil {
		return err
	}
	// A bad output in a file or the environment was warned about; the list
	// is how the user finds it, so it is shown as a table.
	format, err := output.ParseFormat(s.Get(config.KeyOutput))
	if err != nil {
		format = output.Table
	}
	q, err := output.CompileQuery(a.g.query)
	if err != nil {
		return usagef("%v", err)
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
	answers := map[string]string{}
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
		prompt := fmt.Sprintf("%s [%s]: ", item.label, shown)
		readLine := func() (string, error) { return in.ReadString('\n') }
		var val string
		if item.secret {
			val, err = a.askSecret(prompt, readLine)
			if _, intr := err.(*interruptedError); intr {
				return err
			}
			fmt.Fprintln(io.ErrOut)
		} else {
			fmt.Fprint(io.ErrOut, prompt)
			val, err = a.answer(readLine)
			if _, intr := err.(*interruptedError); intr {
				return err
			}
		}
		val = strings.TrimSpace(val)
		if err != nil && val == "" {
			return usagef("configure: input ended before %s", item.label)
		}
		if val == "" {
			continue
		}
		if _, err := config.Normalize(item.key, val); err != nil {
			return usagef("%v; nothing was saved", err)
		}
		answers[item.key] = val
	}
	// One write at the end: an interrupted or failed session saves nothing.
	if err := l.SetValues(profile, answers); err != nil {
		return err
	}
	fmt.Fprintf(io.ErrOut, "Saved profile %q.\n", profile)
	return nil
}
