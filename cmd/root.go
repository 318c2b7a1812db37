// Package cmd is tcvpc's command line: cobra wiring over pkg/api,
// pkg/output and pkg/wait.
package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/internal/suggest"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/output"
	"go.yaml.in/yaml/v3"
)

// globals are the root's persistent flags.
type globals struct {
	profile, region, endpoint, caFile, site, sigMethod, language string
	output, query                                                string
	legacy, debug, yes, noHeader, quiet, showSecrets, dryRun     bool
	timeout                                                      time.Duration
	maxRetries                                                   int
	rate                                                         int
}

// app is one invocation: the factory plus the parsed global flags.
type app struct {
	f    *Factory
	g    globals
	root *cobra.Command
	ran  bool // a command's own code started (errors before are usage errors)
	// format is the resolved output format once a session exists.
	format string
	// lazy holds the set-up of resource commands not yet needed.
	lazy map[*cobra.Command]func()
	// built names the resource groups whose commands exist; whole builds
	// them all (no command line: docs, tests).
	built  map[string]bool
	whole  bool
	groups map[groupKey]*cobra.Command
	args   []string // the command line
	ctx    context.Context
	// repeated names the scalar flags given more than once.
	repeated []string
	// outputDefaulted: the format is JSON by the command's default (tcvpc
	// api), not by the user's choice.
	outputDefaulted bool
	// allAPI builds the parameter flags of every `tcvpc api` Action, not
	// just the one being run (for docs).
	allAPI bool
}

// Main runs tcvpc with args and returns the exit code.
func Main(ctx context.Context, f *Factory, args []string) int {
	a := &app{f: f, ctx: ctx}
	args = flattenedFlags(args)
	if args == nil {
		args = []string{} // a command line, if empty: nil builds the whole tree
	}
	a.args = args
	root := a.newRoot(args)
	a.setupFor(root, args)
	root.SetArgs(args)
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	ran, err := root.ExecuteContextC(ctx)
	if err == nil {
		return ExitOK
	}
	var unknown *api.UnknownOutcomeError
	if errors.As(err, &unknown) && unknown.Check == "" && ran != nil {
		if p := ran.Parent(); p != nil && p.Name() == "api" {
			a.buildAllGroups(root) // to find the resource command over the Action
		}
		unknown.Check = checkCommand(ran, unknown.Action)
	}
	if !a.ran {
		var u *UsageError
		if !errors.As(err, &u) {
			err = &UsageError{msg: err.Error()}
		}
	}
	if errors.Is(err, api.ErrDryRun) {
		return ExitOK
	}
	var cancelled *cancelledError
	if errors.As(err, &cancelled) {
		fmt.Fprintln(f.IO.ErrOut, err.Error())
		return ExitCancelled
	}
	code := exitCode(err)
	msg := err.Error()
	var intr *interruptedError
	if code == ExitInterrupted && !errors.As(err, &intr) {
		msg = "interrupted"
	}
	switch a.errorFormat() {
	case output.JSON:
		enc := json.NewEncoder(f.IO.ErrOut)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(newErrorObject(err, msg, code))
		return code
	case output.YAML:
		b, _ := yaml.Marshal(newErrorObject(err, msg, code))
		f.IO.ErrOut.Write(b)
		return code
	}
	fmt.Fprintln(f.IO.ErrOut, "Error: "+msg)
	if code == ExitUsage && strings.HasPrefix(msg, "unknown command") && !strings.Contains(msg, "--help") {
		fmt.Fprintln(f.IO.ErrOut, "Run 'tcvpc --help' for usage.")
	}
	return code
}

// errorFormat is the output format an error is written in: json or yaml
// when the command's output is, as far as it was resolved (a usage error
// may come before the profile is read).
func (a *app) errorFormat() string {
	if a.outputDefaulted {
		return ""
	}
	f := a.format
	if f == "" {
		f = a.g.output
	}
	if f == "" {
		// Flag parsing stopped before reaching -o.
		f = outputIn(a.args)
	}
	if f == "" {
		f = a.f.Getenv("TCVPC_OUTPUT")
	}
	f, _ = output.ParseFormat(f)
	if f == output.JSONL {
		f = output.JSON // the error object is one line already
	}
	return f
}

// outputIn finds the value of -o/--output in a command line.
func outputIn(args []string) string {
	for i, s := range args {
		if s == "--" {
			break
		}
		switch {
		case (s == "-o" || s == "--output") && i+1 < len(args):
			return args[i+1]
		case strings.HasPrefix(s, "--output="):
			return s[len("--output="):]
		case strings.HasPrefix(s, "-o") && !strings.HasPrefix(s, "--"):
			return strings.TrimPrefix(s[2:], "=")
		}
	}
	return ""
}

// setupFor completes the command args name (also under help and
// completion), leaving the rest of the tree as bare names.
func (a *app) setupFor(root *cobra.Command, args []string) {
	completing := len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd)
	if len(args) > 0 && (args[0] == "help" || completing) {
		args = args[1:]
	}
	// The invoked resource group gets its commands, then the command
	// itself is joined with the model.
	if c, _, err := root.Find(args); err == nil && c != root {
		for c.Parent() != root {
			c = c.Parent()
		}
		a.buildGroup(root, c.Name())
	}
	if c, _, err := root.Find(args); err == nil {
		if setup, ok := a.lazy[c]; ok {
			setup()
			delete(a.lazy, c)
		}
		if completing {
			a.completeRest(c)
		}
	}
}

// setupAll completes every command (docs, tests).
func (a *app) setupAll() {
	for c, setup := range a.lazy {
		setup()
		delete(a.lazy, c)
	}
}

func (a *app) newRoot(args []string) *cobra.Command {
	a.lazy = map[*cobra.Command]func(){}
	a.whole = args == nil || a.allAPI
	root := &cobra.Command{
		Use:   "tcvpc",
		Short: "Tencent Cloud VPC from the command line",
		Long: `tcvpc manages Tencent Cloud VPC resources through API 3.0 and, with --legacy,
the legacy VPC API.

Credentials come from flags, then TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY,
then a tcvpc profile (tcvpc configure), then tccli's and the SDKs' files.`,
		SilenceUsage:      true,
		SilenceErrors:     true,
		Version:           a.f.Version,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: true},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if err := a.repeatedFlags(); err != nil {
				return err
			}
			a.ran = true
			return nil
		},
	}
	root.SetVersionTemplate("tcvpc {{.Version}}\n")
	// The guides are named at the foot of the top-level help only.
	root.SetHelpTemplate(root.HelpTemplate() + `{{if not .HasParent}}
` + guidesFooter + `{{end}}`)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &UsageError{msg: cleanFlagError(err.Error()) + suggestFlag(cmd, err.Error())}
	})
	pf := root.PersistentFlags()
	g := &a.g
	pf.StringVar(&g.profile, "profile", "", "named profile to use (env TCVPC_PROFILE)")
	pf.StringVar(&g.region, "region", "", "region, e.g. ap-guangzhou (env TENCENTCLOUD_REGION)")
	pf.StringVar(&g.endpoint, "endpoint", "", "scheme://host[:port] replacing the service endpoints (env TCVPC_ENDPOINT)")
	pf.StringVar(&g.caFile, "ca-file", "", "PEM file of CA certificates trusted for https besides the system's, e.g. tcvpc emulator --tls's (env TCVPC_CA_FILE)")
	takesFile(pf, "ca-file", "path")
	pf.StringVar(&g.site, "site", "", "API site: cn or intl (env TCVPC_SITE)")
	pf.StringVar(&g.sigMethod, "signature-method", "", "TC3-HMAC-SHA256 (default), HmacSHA256 or HmacSHA1")
	pf.StringVar(&g.language, "language", "", "language of service messages: zh-CN or en-US")
	// --legacy is shown only by commands with a legacy twin (legacyFlag);
	// elsewhere it stays accepted, hidden: a command of one style says so
	// when asked for the other.
	pf.BoolVar(&g.legacy, "legacy", false, "use the legacy VPC API (vpc.api.qcloud.com)")
	_ = pf.MarkHidden("legacy")
	pf.StringVarP(&g.output, "output", "o", "", "output format: table, json, jsonl, yaml or text (env TCVPC_OUTPUT)")
	pf.StringVar(&g.query, "query", "", "JMESPath expression applied to the reply before output")
	pf.BoolVar(&g.noHeader, "no-header", false, "omit the table header")
	pf.DurationVar(&g.timeout, "timeout", 30*time.Second, "timeout of each HTTP request")
	pf.IntVar(&g.maxRetries, "max-retries", 3, "retries of throttled, failed or dropped requests")
	pf.IntVar(&g.rate, "rate", api.DefaultRate, "requests per second for each Action, 1 to 100 (the service's limit)")
	pf.BoolVar(&g.debug, "debug", false, "print each HTTP exchange to stderr (secrets redacted)")
	pf.BoolVar(&g.dryRun, "dry-run", false, "check everything, print the request that would be sent (style, endpoint, Action, parameters as JSON, signature method; no secret, no signature) and exit 0 without sending it")
	pf.BoolVar(&g.showSecrets, "show-secrets", false, "print values the API model marks secret (pre-shared keys) in this command's output; --debug still hides them")
	pf.BoolVarP(&g.yes, "yes", "y", false, "do not ask for confirmation")
	pf.BoolVarP(&g.quiet, "quiet", "q", false, "no progress output on stderr")

	a.scalarOnce(pf)
	root.AddCommand(a.versionCmd(), a.configureCmd(), a.completionCmd(), a.apiCmd(args), a.emulatorCmd())
	a.addResourceCommands(root)
	a.addHelpTopics(root)
	a.root = root
	return root
}

// guidesFooter ends `tcvpc --help`: where the guides are, in the source
// tree and release archives (docs/) and on the web.
const guidesFooter = `Guides, in docs/guides of the source and of release archives, and at
https://github.com/tcvpc/tcvpc/tree/main/docs/guides:
  getting-started.md  a first VPC on the local emulator
  credentials.md      where settings come from, profiles, moving from tccli
  output.md           formats, --query, --no-header
  scripting.md        exit codes, errors, --wait and task, retries, idempotence
  api-styles.md       API 3.0 and the legacy API, which command uses which
  flags-audit.md      structured flags: friendly forms, KEY=VALUE shorthand, JSON
  emulator.md         the local emulator: regions, faults, state, https, CI
`

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%q takes no arguments, got %q", cmd.CommandPath(), args[0])
	}
	return nil
}

// Tree builds the whole command tree with every flag, for generating docs
// and completions.
func Tree(f *Factory) *cobra.Command {
	a := &app{f: f, allAPI: true}
	root := a.newRoot(nil)
	a.setupAll()
	walk(root, a.completeRest)
	root.SetOut(f.IO.Out)
	return root
}

// legacyFlag shows --legacy on a command that has a legacy twin.
func (a *app) legacyFlag(cmd *cobra.Command, usage string) {
	cmd.Flags().BoolVar(&a.g.legacy, "legacy", false, usage)
}

// walk calls fn on c and every command below it.
func walk(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		walk(sub, fn)
	}
}

// checkCommand names the command that shows whether a write whose outcome
// is unknown was carried out: the resource's show when the command acted
// on one by ID, else its list. For `tcvpc api`, the resource command over
// the same Action stands in.
func checkCommand(ran *cobra.Command, action string) string {
	args := ran.Flags().Args()
	if ran.Parent() != nil && ran.Parent().Name() == "api" {
		ran, args = commandFor(ran.Root(), action), nil
		if ran == nil {
			return ""
		}
	}
	parent := ran.Parent()
	if parent == nil {
		return ""
	}
	metavar := ""
	if f := strings.Fields(ran.Use); len(f) > 1 {
		metavar = f[1]
	}
	list := ""
	for _, c := range parent.Commands() {
		f := strings.Fields(c.Use)
		switch {
		case f[0] == "show" && len(f) > 1 && f[1] == metavar && len(args) == 1:
			return parent.CommandPath() + " show " + args[0]
		case f[0] == "list":
			list = parent.CommandPath() + " list"
		}
	}
	return list
}

// commandFor finds the resource command over action.
func commandFor(c *cobra.Command, action string) *cobra.Command {
	for _, sub := range c.Commands() {
		if sub.Name() == "api" {
			continue
		}
		if sub.Annotations["v3"] == action || sub.Annotations["legacy"] == action {
			return sub
		}
		if found := commandFor(sub, action); found != nil {
			return found
		}
	}
	return nil
}

// suggestFlag offers the closest flag of cmd for an unknown one.
func suggestFlag(cmd *cobra.Command, msg string) string {
	name, ok := strings.CutPrefix(msg, "unknown flag: --")
	if !ok {
		return ""
	}
	var names []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	cmd.InheritedFlags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	if best := suggest.Closest(name, names, len(name)/3+1); best != "" {
		return " (did you mean --" + best + "?)"
	}
	return ""
}
