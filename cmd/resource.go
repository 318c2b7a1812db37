package cmd

import (
	"bufio"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/params"
	"github.com/tcvpc/tcvpc/pkg/wait"
)

// Kind is the type of a flag's value.
type Kind uint8

const (
	String Kind = iota
	Int
	Bool
	Strings // an array: repeated flag or commas
)

// Param maps a flag (or the positional argument) to its wire names.
type Param struct {
	Flag     string // kebab-case; for the positional argument, its metavar (VPN_CONNECTION_ID)
	V3       string // API 3.0 name, "" if the flag does not exist there
	Legacy   string // legacy name, "" if the flag does not exist there
	Kind     Kind
	Required bool
	Shape    string // ID prefix such as "vpngw": the value must be vpngw-xxxxxxxx
	Usage    string
}

func (p Param) wire(style api.Style) string {
	if style == api.Legacy {
		return p.Legacy
	}
	return p.V3
}

// Command declares one resource command over one or two operations.
type Command struct {
	Path    string // "vpn conn reset"
	Aliases []string
	Short   string
	Long    string
	Example string
	V3      string // API 3.0 Action, "" if none
	Legacy  string // legacy Action, "" if none
	Arg     *Param
	Params  []Param
	// Confirm, when set, asks before acting: the verb of the prompt.
	Confirm string
	Noun    string // "VPN connection", for messages
	Done    string // past tense for the success line: "Reset", "Deleted"
	Doing   string // progressive for the wait label: "Deleting"
	// RegionOptional: the operation's page says Region is not required.
	RegionOptional bool
	// Async is how the legacy operation completes ("" = synchronously).
	Async wait.Kind
	// Rows/Columns for table and text output, per style; nil Columns with
	// Quiet means a table shows only the success line.
	V3View, LegacyView View
}

// View says how a reply is tabulated.
type View struct {
	Rows    string
	Columns []output.Column
	Quiet   bool // nothing but the success line in table/text mode
}

var shapeRE = regexp.MustCompile(`^[a-z]+-[0-9a-z]{8}$`)

// legacyIDRE matches the older IDs the legacy API still accepts (gz_vpc_266).
var legacyIDRE = regexp.MustCompile(`^[a-z]+_[a-z]+_[0-9]+$`)

func checkShape(p Param, style api.Style, v string) error {
	if p.Shape == "" {
		return nil
	}
	if strings.HasPrefix(v, p.Shape+"-") && shapeRE.MatchString(v) {
		return nil
	}
	if style == api.Legacy && legacyIDRE.MatchString(v) {
		return nil
	}
	name := "--" + p.Flag
	if strings.ToUpper(p.Flag) == p.Flag {
		name = p.Flag
	}
	return usagef("invalid value %q for %s: expected an ID like %s-xxxxxxxx (8 lowercase letters or digits)", v, name, p.Shape)
}

// build turns a declaration into a cobra command under root, creating the
// intermediate group commands on the way.
func (a *app) build(root *cobra.Command, c Command) {
	words := strings.Fields(c.Path)
	parent := root
	for _, w := range words[:len(words)-1] {
		parent = groupCmd(parent, w)
	}
	vals := map[string]any{}
	use := words[len(words)-1]
	if c.Arg != nil {
		use += " " + c.Arg.Flag
	}
	cmd := &cobra.Command{
		Use:     use,
		Aliases: c.Aliases,
		Short:   c.Short,
		Long:    c.Long,
		Example: c.Example,
		Args: func(cmd *cobra.Command, args []string) error {
			n := 0
			if c.Arg != nil {
				n = 1
			}
			if len(args) != n {
				if n == 0 {
					return usagef("%s takes no arguments, got %q", cmd.CommandPath(), args[0])
				}
				if len(args) == 0 {
					return usagef("%s needs %s", cmd.CommandPath(), c.Arg.Flag)
				}
				return usagef("%s takes one %s, got %d arguments", cmd.CommandPath(), c.Arg.Flag, len(args))
			}
			return nil
		},
	}
	fs := cmd.Flags()
	for _, p := range c.Params {
		usage := p.Usage
		switch {
		case p.V3 == "" && p.Required:
			usage += " (required with --legacy)"
		case p.V3 == "":
			usage += " (--legacy only)"
		case p.Legacy == "" && c.Legacy != "" && p.Required:
			usage += " (required, API 3.0 only)"
		case p.Legacy == "" && c.Legacy != "":
			usage += " (API 3.0 only)"
		case p.Required:
			usage += " (required)"
		}
		switch p.Kind {
		case Int:
			vals[p.Flag] = fs.Int64(p.Flag, 0, usage)
		case Bool:
			vals[p.Flag] = fs.Bool(p.Flag, false, usage)
		case Strings:
			vals[p.Flag] = fs.StringSlice(p.Flag, nil, usage)
		default:
			vals[p.Flag] = fs.String(p.Flag, "", usage)
		}
	}
	var wo *waitOpts
	if c.Async != "" {
		wo = addWaitFlags(cmd)
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		return a.runCommand(cmd, c, args, vals, wo)
	}
	parent.AddCommand(cmd)
}

func groupCmd(parent *cobra.Command, name string) *cobra.Command {
	for _, c := range parent.Commands() {
		if c.Name() == name {
			return c
		}
	}
	g := &cobra.Command{Use: name, Short: groupShort[name], Aliases: groupAliases[name], Args: groupArgs, RunE: groupRun}
	parent.AddCommand(g)
	return g
}

// groupArgs rejects unknown subcommands of a group with a usage error.
func groupArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("unknown command %q for %q; see '%s --help'", args[0], cmd.CommandPath(), cmd.CommandPath())
	}
	return nil
}

// groupRun shows a group's help; runnable so that unknown subcommands are
// errors (exit 2) rather than help (exit 0).
func groupRun(cmd *cobra.Command, args []string) error { return cmd.Help() }

var groupShort = map[string]string{
	"vpn":  "VPN gateways, tunnels and customer gateways",
	"conn": "VPN tunnels (connections)",
}

var groupAliases = map[string][]string{
	"conn": {"connection", "connections", "tunnel"},
}

// request builds the wire parameters for style from the flags, checking
// every value; nothing the user typed is dropped silently.
func (c Command) request(cmd *cobra.Command, style api.Style, args []string, vals map[string]any) (api.Request, error) {
	action := c.V3
	if style == api.Legacy {
		action = c.Legacy
	}
	styleName := map[api.Style]string{api.V3: "API 3.0", api.Legacy: "the legacy API (--legacy)"}[style]
	if action == "" {
		return api.Request{}, usagef("%s is not available in %s", cmd.CommandPath(), styleName)
	}
	t := params.Tree{}
	if c.Arg != nil {
		if err := checkShape(*c.Arg, style, args[0]); err != nil {
			return api.Request{}, err
		}
		t[c.Arg.wire(style)] = args[0]
	}
	for _, p := range c.Params {
		f := cmd.Flags().Lookup(p.Flag)
		name := p.wire(style)
		if name == "" {
			if f.Changed {
				return api.Request{}, usagef("--%s is not used by %s", p.Flag, styleName)
			}
			continue
		}
		if !f.Changed {
			if p.Required {
				return api.Request{}, usagef("%s needs --%s", cmd.CommandPath(), p.Flag)
			}
			continue
		}
		switch v := vals[p.Flag].(type) {
		case *string:
			if err := checkShape(p, style, *v); err != nil {
				return api.Request{}, err
			}
			t[name] = *v
		case *int64:
			t[name] = jsonInt(*v)
		case *bool:
			t[name] = *v
		case *[]string:
			list := make([]any, 0, len(*v))
			for _, s := range *v {
				if err := checkShape(p, style, s); err != nil {
					return api.Request{}, err
				}
				list = append(list, s)
			}
			t[name] = list
		}
	}
	return api.Request{Action: action, Style: style, Params: t}, nil
}

func (a *app) runCommand(cmd *cobra.Command, c Command, args []string, vals map[string]any, wo *waitOpts) error {
	style := api.V3
	if a.g.legacy {
		style = api.Legacy
	}
	req, err := c.request(cmd, style, args, vals)
	if err != nil {
		return err
	}
	doWait := wo != nil && wo.wait
	if doWait && style != api.Legacy {
		// The API 3.0 operation is synchronous: nothing to wait for.
		doWait = false
	}
	s, err := a.newSession(cmd, style, !c.RegionOptional)
	if err != nil {
		return err
	}
	target := c.Noun
	if c.Arg != nil {
		target += " " + args[0]
	}
	if c.Confirm != "" {
		if err := a.confirm(c.Confirm, target); err != nil {
			return err
		}
	}
	ctx := cmd.Context()
	reply, err := s.client.Do(ctx, req)
	if err != nil {
		return err
	}
	view := c.V3View
	if style == api.Legacy {
		view = c.LegacyView
	}
	if doWait && c.Async != "" {
		id := params.Scalar(lookupPath(reply.Data, "data.taskId"))
		if c.Async == wait.NatBill {
			id = params.Scalar(lookupPath(reply.Data, "data.billId"))
		}
		if id == "" {
			return fmt.Errorf("%s returned no task ID to wait on", req.Action)
		}
		label := fmt.Sprintf("%s %s (%s)", c.Doing, target, wait.Describe(c.Async, id))
		obs, err := a.waitTask(ctx, s, wo, c.Async, id, label)
		if err != nil {
			return err
		}
		if s.format == output.JSON || s.format == output.YAML || s.query != nil {
			return a.render(s, obs.Data, View{})
		}
		a.success("%s %s", c.Done, target)
		return nil
	}
	if view.Quiet && s.query == nil && (s.format == output.Table || s.format == output.Text) {
		a.success("%s %s", c.Done, target)
		return nil
	}
	if err := a.render(s, reply.Data, view); err != nil {
		return err
	}
	if c.Async != "" && style == api.Legacy && a.f.IO.StderrTTY && !a.g.quiet {
		if id := params.Scalar(lookupPath(reply.Data, "data.taskId")); id != "" {
			fmt.Fprintf(a.f.IO.ErrOut, "Started; follow with: tcvpc task wait %s\n", id)
		}
	}
	return nil
}

// render writes a reply to stdout in the chosen format.
func (a *app) render(s *session, data map[string]any, v View) error {
	return output.Render(a.f.IO.Out, data, output.Options{
		Format: s.format, Query: s.query, Rows: v.Rows, Columns: v.Columns,
		NoHeader: a.g.noHeader, Color: a.f.IO.ColorOut(),
	})
}

// success prints a human line on stdout, only on a terminal and never
// with -o json|yaml.
func (a *app) success(format string, args ...any) {
	if !a.f.IO.StdoutTTY || a.g.output == output.JSON || a.g.output == output.YAML {
		return
	}
	fmt.Fprintf(a.f.IO.Out, format+"\n", args...)
}

func (a *app) warnf(format string, args ...any) {
	fmt.Fprintf(a.f.IO.ErrOut, "Warning: "+format+"\n", args...)
}

// confirm asks on a terminal; without one it needs --yes.
func (a *app) confirm(verb, target string) error {
	if a.g.yes {
		return nil
	}
	if !a.f.IO.StdinTTY {
		return usagef("refusing to %s %s without confirmation: pass --yes (-y) when stdin is not a terminal", verb, target)
	}
	fmt.Fprintf(a.f.IO.ErrOut, "%s %s? [y/N] ", capitalize(verb), target)
	line, _ := bufio.NewReader(a.f.IO.In).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return nil
	}
	return &UsageError{msg: "cancelled: nothing was changed"}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// lookupPath reads a dotted path from a decoded reply.
func lookupPath(data map[string]any, path string) any {
	var cur any = data
	for _, seg := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[seg]
	}
	return cur
}

func jsonInt(v int64) any { return json.Number(strconv.FormatInt(v, 10)) }

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

