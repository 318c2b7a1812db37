package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/internal/suggest"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/input"
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/pager"
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
	JSON    // an object or array of objects, given as JSON
)

// Param maps a flag (or the positional argument) to its documented wire
// names. Only what the model cannot tell needs declaring: a flag name
// shared by two differently named twins, a rename, a value check.
type Param struct {
	Flag   string // kebab-case; for the positional argument, its metavar (VPN_CONNECTION_ID)
	V3     string // API 3.0 name, "" if the flag does not exist there
	Legacy string // legacy name, "" if the flag does not exist there
	Shape  string // ID prefix such as "vpngw", where the model has none for the parameter
	// Format is the value's form where the model has no parameter for it
	// (an API 3.0 filter without a legacy twin).
	Format model.Format
	Usage  string // defaults to the model's description
	// Complete names the resource whose IDs complete this flag ("vpc").
	Complete string
	// Check validates each value beyond what the model knows (ports,
	// protocols); it returns a usage error naming flag.
	Check func(flag, value string) error
	// V3Filter sends the value as this API 3.0 filter (Filters.N.Name)
	// instead of a parameter, for Describe operations that take IDs only
	// as filters; V3 stays empty.
	V3Filter string
	// Required makes the flag required for this command in every style it
	// maps to, beyond what the model says.
	Required bool
	// Whole keeps commas inside values of an array flag (repeat the flag
	// for more values), for entries such as "tcp:80,443".
	Whole bool
	// Kind overrides the kind the model implies (a Bool flag sending
	// RenewFlag words); zero infers it.
	Kind Kind
	// Yes and No are the words a Bool flag sends for true and false where
	// the wire parameter takes them from its enum (RenewFlag); elsewhere a
	// Bool sends 1 and 0.
	Yes, No string
}

func (p Param) wire(style api.Style) string {
	if style == api.Legacy {
		return p.Legacy
	}
	return p.V3
}

// Command declares one resource command over an API 3.0 operation and
// its legacy twin.
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
	// Hide lists wire parameters not offered as flags (set by the command
	// itself, e.g. pagination).
	Hide []string
	// Confirm, when set, asks before acting: the verb of the prompt.
	Confirm string
	Noun    string // "VPN connection", for messages
	Done    string // past tense for the success line: "Reset", "Deleted"
	Doing   string // progressive for the wait label: "Deleting"
	// RegionOptional: the operation's page says Region is not required.
	RegionOptional bool
	// List makes this a listing: --filter, --limit, --offset, --all.
	List *List
	// State makes --wait follow an API 3.0 resource through its
	// transitional states.
	State              *StateWait
	V3View, LegacyView View
	// Extra registers flags the model cannot describe (one security-group
	// rule, a list of private IPs) and returns the Fold that turns them
	// into wire parameters. Parameters it fills belong in Hide.
	Extra func(fs *pflag.FlagSet) Fold
}

// Fold adds to t, the request of style being built, the wire parameters a
// command's extra flags describe. It runs after the declared flags and
// before the model's validation; errors are usage errors naming the flag.
type Fold func(cmdPath string, style api.Style, t params.Tree, stdin io.Reader) error

// List describes pagination and filtering of a Describe operation.
type List struct {
	V3Rows, LegacyRows   string // "VpcSet", "data"
	V3Total, LegacyTotal string // "TotalCount", "totalCount"
	MaxLimit             int    // the operation's documented page maximum, when below 100
}

// StateWait says how to follow a resource's state after the operation.
type StateWait struct {
	Describe string   // API 3.0 Describe Action
	IDParam  string   // its ID list parameter, e.g. "VpnGatewayIds"
	IDPath   string   // where the reply carries the ID ("VpnGateway.VpnGatewayId"); "" = the positional ID
	Rows     string   // the Describe reply's list, e.g. "VpnGatewaySet"
	Field    string   // the state field, e.g. "State"
	Ready    []string // states that end the wait
	Failed   []string // states that mean failure
	Gone     bool     // wait until the resource has disappeared (deletes)
}

// View says how a reply is tabulated.
type View struct {
	Rows    string
	Columns []output.Column
	Quiet   bool // nothing but the success line in table/text mode
	Single  bool // show: the first row of Rows as KEY/VALUE (or one row of Columns); none is ResourceNotFound
	// Needs names a list in the reply that must not be empty: the resource
	// the command read from (a route list's route table) was not found.
	Needs string
	// RowsFunc, when set, computes the table/text rows from the reply
	// (rules of both directions in one table); JSON and YAML still show
	// the reply.
	RowsFunc func(reply map[string]any) []any
}

// checkShape checks a declared ID shape, for parameters whose page shows
// none (the model's own shapes are checked with the rest of its rules).
func checkShape(shape, name string, style api.Style, v string) error {
	if shape == "" || model.FormatID.Match(v, shape, style) {
		return nil
	}
	return usagef("invalid value %q for %s: expected %s", v, name, model.FormatID.Form(shape))
}

// built is a declaration joined with the model.
type built struct {
	Command
	ops   [3]*model.Operation // by api.Style
	flags []*flagDef
	arg   *flagDef
	fold  Fold
}

// resolve joins c with the model: every documented parameter of either
// operation becomes a flag, named from the declaration or derived from
// the wire name; twins whose names derive to the same flag share it.
func resolve(c Command) *built {
	b := &built{Command: c}
	if c.V3 != "" {
		b.ops[api.V3] = mustFind(c.V3, model.V3)
	}
	if c.Legacy != "" {
		b.ops[api.Legacy] = mustFind(c.Legacy, model.Legacy)
	}
	hidden := map[string]bool{}
	for _, h := range c.Hide {
		hidden[h] = true
	}
	if c.List != nil {
		for _, h := range []string{"Offset", "Limit", "Filters", "offset", "limit"} {
			hidden[h] = true
		}
	}
	byName := map[string]*flagDef{}
	claimed := [3]map[string]bool{{}, {}, {}}
	add := func(p Param) *flagDef {
		d := &flagDef{name: p.Flag, usage: p.Usage, shape: p.Shape, format: p.Format, comp: p.Complete, check: p.Check, mustHave: p.Required, whole: p.Whole, yes: p.Yes, no: p.No}
		for _, s := range []api.Style{api.V3, api.Legacy} {
			w := p.wire(s)
			if w == "" || b.ops[s] == nil {
				continue
			}
			mp := findNested(b.ops[s], w)
			if mp == nil {
				panic(fmt.Sprintf("%s: %s has no parameter %s", c.Path, b.ops[s].Action, w))
			}
			d.wire[s], d.params[s] = w, mp
			claimed[s][w] = true
			d.kind = kindOf(mp)
			if p.Kind != 0 {
				d.kind = p.Kind
			}
			if d.usage == "" {
				d.usage = mp.Description
			}
			d.addEnum(s, mp.Enum)
			d.shapeFrom(mp)
		}
		if p.V3Filter != "" && b.ops[api.V3] != nil {
			d.filter = p.V3Filter
			d.wire[api.V3] = "Filters"
			// A filter's values have the form of the legacy twin's
			// parameter, where there is one.
			if lp := d.params[api.Legacy]; d.shape == "" && lp != nil && lp.Format == model.FormatID {
				d.shape = lp.IDPrefix
			}
			if d.kind == 0 && d.params[api.V3] == nil {
				d.kind = String
			}
		}
		return d
	}
	if c.Arg != nil {
		b.arg = add(*c.Arg)
	}
	for _, p := range c.Params {
		d := add(p)
		byName[d.name] = d
		b.flags = append(b.flags, d)
	}
	for _, s := range []api.Style{api.V3, api.Legacy} {
		op := b.ops[s]
		if op == nil {
			continue
		}
		for i := range op.Params {
			mp := &op.Params[i]
			if claimed[s][mp.Name] || hidden[mp.Name] {
				continue
			}
			name := kebab(mp.Name)
			d := byName[name]
			if d == nil || d.wire[s] != "" {
				if d != nil {
					name = name + "-" + s.String()
				}
				d = &flagDef{name: name}
				byName[name] = d
				b.flags = append(b.flags, d)
			}
			d.wire[s], d.params[s] = mp.Name, mp
			if d.usage == "" {
				d.usage = mp.Description
			}
			d.kind = kindOf(mp)
			d.addEnum(s, mp.Enum)
			d.shapeFrom(mp)
		}
	}
	return b
}

func mustFind(action string, style model.Style) *model.Operation {
	op, ok := model.Find(action, style)
	if !ok {
		panic("no " + style.String() + " operation " + action + " in the API model")
	}
	return op
}

func findParam(op *model.Operation, name string) *model.Param {
	for i := range op.Params {
		if op.Params[i].Name == name {
			return &op.Params[i]
		}
	}
	return nil
}

// build turns a declaration into a cobra command under root, creating the
// intermediate group commands on the way.
func (a *app) build(root *cobra.Command, c Command) {
	words := strings.Fields(c.Path)
	parent := root
	for _, w := range words[:len(words)-1] {
		parent = a.groupCmd(parent, w)
	}
	use := words[len(words)-1]
	if c.Arg != nil {
		use += " " + c.Arg.Flag
		if c.bulk() {
			use += " [" + c.Arg.Flag + "...]"
		}
	}
	cmd := &cobra.Command{
		Use:     use,
		Aliases: c.Aliases,
		Short:   c.Short,
		Example: c.Example,
		// The operations behind the command, for tests and docs.
		Annotations: map[string]string{"v3": c.V3, "legacy": c.Legacy},
		Args: func(cmd *cobra.Command, args []string) error {
			n := 0
			if c.Arg != nil {
				n = 1
			}
			if n == 1 && len(args) > 1 && c.bulk() {
				return nil // a batch: see runBulk
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
	// Joining with the model and making the flags waits until this command
	// is the one run, helped or completed: start-up builds only names.
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		return errors.New("internal: " + cmd.CommandPath() + " was not set up")
	}
	a.lazy[cmd] = func() { a.setup(cmd, c) }
	parent.AddCommand(cmd)
}

// setup completes a command built by build.
func (a *app) setup(cmd *cobra.Command, c Command) {
	// Finding the command merged the root's persistent flags into its
	// own; start afresh so that a local --legacy can shadow the hidden one.
	cmd.ResetFlags()
	b := resolve(c)
	cmd.Long = b.long()
	fs := cmd.Flags()
	for _, d := range b.flags {
		usage := oneLine(d.usage)
		if d.kind == JSON && d.objectList() {
			usage += " (or KEY=VALUE,… per entry, repeatable)"
		} else if d.kind == JSON {
			usage += " (or KEY=VALUE,…)"
		}
		switch {
		case b.ops[api.V3] == nil || b.ops[api.Legacy] == nil:
			if d.required(api.V3) || d.required(api.Legacy) {
				usage += " (required)"
			}
		case d.wire[api.V3] == "" && d.required(api.Legacy):
			usage += " (required with --legacy)"
		case d.wire[api.V3] == "":
			usage += " (--legacy only)"
		case d.wire[api.Legacy] == "" && d.required(api.V3):
			usage += " (required; API 3.0 only)"
		case d.wire[api.Legacy] == "":
			usage += " (API 3.0 only)"
		case d.required(api.V3) && d.required(api.Legacy):
			usage += " (required)"
		case d.required(api.V3):
			usage += " (required in API 3.0)"
		case d.required(api.Legacy):
			usage += " (required with --legacy)"
		}
		switch d.kind {
		case Int:
			fs.Var(&intText{}, d.name, usage)
		case Bool:
			fs.Bool(d.name, false, usage)
		case Strings:
			if d.whole {
				fs.StringArray(d.name, nil, usage)
			} else {
				fs.StringSlice(d.name, nil, usage)
			}
		case JSON:
			if d.objectList() {
				// Repeatable: one KEY=VALUE,... entry each, or the JSON list.
				fs.StringArray(d.name, nil, usage)
			} else {
				fs.String(d.name, "", usage)
			}
		default:
			fs.String(d.name, "", usage)
		}
		if d.kind == JSON {
			takesFile(fs, d.name, "at")
		}
		if len(d.enum) > 0 {
			enum := d.enum
			_ = cmd.RegisterFlagCompletionFunc(d.name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
				return enum, cobra.ShellCompDirectiveNoFileComp
			})
		}
	}
	if b.ops[api.V3] != nil && b.ops[api.Legacy] != nil {
		a.legacyFlag(cmd, "use the legacy API ("+b.ops[api.Legacy].Action+") instead of API 3.0 ("+b.ops[api.V3].Action+")")
	}
	var lo *listOpts
	if c.List != nil {
		lo = addListFlags(cmd, c.V3 != "")
	}
	var wo *waitOpts
	if b.async() != "" || c.State != nil {
		wo = addWaitFlags(cmd)
	}
	if c.Extra != nil {
		b.fold = c.Extra(fs)
	}
	a.scalarOnce(fs)
	a.addCompletion(cmd, b)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		return a.runCommand(cmd, b, args, lo, wo)
	}
}

// async is how the legacy operation completes, from the model.
func (b *built) async() wait.Kind {
	op := b.ops[api.Legacy]
	if op == nil {
		return ""
	}
	switch op.Async {
	case model.VpcTask:
		return wait.VpcTask
	case model.NetTask:
		return wait.NetTask
	case model.NatBill:
		return wait.NatBill
	}
	return ""
}

// long adds the operations behind the command to its description.
func (b *built) long() string {
	s := b.Long
	if s == "" {
		s = b.Short + "."
	}
	var ops []string
	if op := b.ops[api.V3]; op != nil {
		ops = append(ops, "API 3.0: "+op.Action)
	}
	if op := b.ops[api.Legacy]; op != nil && b.ops[api.V3] != nil {
		ops = append(ops, "legacy (--legacy): "+op.Action)
	} else if op != nil {
		ops = append(ops, "legacy API: "+op.Action)
	}
	if b.bulk() {
		s += "\n\nSeveral IDs, or - to read them from stdin (whitespace- or line-separated),\n" +
			b.Confirm + " them as one batch: one confirmation, the items sent concurrently\n" +
			"within --rate, one line per item on stdout (the ID and its result or error),\n" +
			"an array of {Id, Result, Error} with -o json. Exit 1 if any item failed."
	}
	if len(ops) > 0 {
		s += "\n\nOperations: " + strings.Join(ops, "; ") + "."
	}
	return s
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 90 {
		s = string(r[:89]) + "…"
	}
	return s
}

type groupKey struct {
	parent *cobra.Command
	name   string
}

func (a *app) groupCmd(parent *cobra.Command, name string) *cobra.Command {
	// Remembered rather than looked up in parent.Commands(), which sorts
	// again after every AddCommand.
	key := groupKey{parent, name}
	if g := a.groups[key]; g != nil {
		return g
	}
	if a.groups == nil {
		a.groups = map[groupKey]*cobra.Command{}
	}
	info := groups[name]
	g := &cobra.Command{Use: name, Short: info.short, Aliases: info.aliases, Args: groupArgs, RunE: groupRun}
	parent.AddCommand(g)
	a.groups[key] = g
	return g
}

// groupRun shows a group's help; runnable so that unknown subcommands are
// errors (exit 2) rather than help (exit 0).
func groupRun(cmd *cobra.Command, args []string) error { return cmd.Help() }

// groupArgs rejects unknown subcommands of a group with a usage error.
func groupArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		var names []string
		for _, c := range cmd.Commands() {
			if c.IsAvailableCommand() {
				names = append(names, c.Name())
				names = append(names, c.Aliases...)
			}
		}
		hint := ""
		if best := suggest.Closest(args[0], names, len(args[0])/3+1); best != "" {
			hint = " (did you mean " + best + "?)"
		}
		return usagef("unknown command %q for %q%s; see '%s --help'", args[0], cmd.CommandPath(), hint, cmd.CommandPath())
	}
	return nil
}

// request builds the wire parameters for style from the flags, checking
// every value; nothing the user typed is dropped silently.
func (b *built) request(cmd *cobra.Command, style api.Style, args []string) (api.Request, error) {
	styleName := map[api.Style]string{api.V3: "API 3.0", api.Legacy: "the legacy API (--legacy)"}[style]
	op := b.ops[style]
	if op == nil {
		return api.Request{}, usagef("%s is not available in %s", cmd.CommandPath(), styleName)
	}
	if b.arg != nil && b.arg.wire[style] == "" {
		return api.Request{}, usagef("%s is not available in %s", cmd.CommandPath(), styleName)
	}
	t := params.Tree{}
	// Values first (each error names its flag), then the argument, then
	// every missing required flag in one message.
	var missing []string
	var nest nesting
	for _, d := range b.flags {
		f := cmd.Flags().Lookup(d.name)
		name := d.wire[style]
		flag := "--" + d.name
		if name == "" {
			if f.Changed {
				return api.Request{}, usagef("%s is not used by %s", flag, styleName)
			}
			continue
		}
		if !f.Changed {
			if d.required(style) && !b.fieldFlagged(cmd, style, name) {
				missing = append(missing, b.neededFlag(style, name, flag))
			}
			continue
		}
		v, err := d.value(cmd, style)
		if err != nil {
			return api.Request{}, err
		}
		if style == api.V3 && d.filter != "" {
			addFilter(t, d.filter, v)
			continue
		}
		if err := nest.set(t, name, flag, v); err != nil {
			return api.Request{}, err
		}
	}
	if b.arg != nil {
		w := b.arg.wire[style]
		if err := checkShape(b.arg.shape, b.Arg.Flag, style, args[0]); err != nil {
			return api.Request{}, err
		}
		if _, err := strconv.ParseInt(args[0], 10, 64); b.arg.kind == Int && err != nil {
			return api.Request{}, usagef("invalid value %q for %s: expected an integer", args[0], b.Arg.Flag)
		}
		if b.arg.check != nil && b.arg.kind != JSON {
			if err := b.arg.check(b.Arg.Flag, args[0]); err != nil {
				return api.Request{}, err
			}
		}
		p := b.arg.params[style]
		if style == api.V3 && b.arg.filter != "" {
			p = b.arg.params[api.Legacy]
		}
		if err := checkParamValue(b.Arg.Flag, p, style, args[0]); err != nil {
			return api.Request{}, err
		}
		if style == api.V3 && b.arg.filter != "" {
			addFilter(t, b.arg.filter, args[0])
		} else if b.arg.params[style].Array {
			t[w] = []any{args[0]}
		} else {
			t[w] = args[0]
		}
	}
	if len(missing) > 0 {
		return api.Request{}, usagef("%s needs %s", cmd.CommandPath(), joinAnd(missing))
	}
	if err := b.fieldsComplete(style, nest, t); err != nil {
		return api.Request{}, err
	}
	return api.Request{Action: op.Action, Style: style, Params: t}, nil
}

// joinAnd lists names as "a", "a and b", "a, b and c".
func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// addFilter appends an API 3.0 filter for a value or list of values.
func addFilter(t params.Tree, name string, v any) {
	values, ok := v.([]any)
	if !ok {
		values = []any{v}
	}
	list, _ := t["Filters"].([]any)
	t["Filters"] = append(list, map[string]any{"Name": name, "Values": values})
}

// value reads and checks one flag's value.
func (d *flagDef) value(cmd *cobra.Command, style api.Style) (any, error) {
	fs := cmd.Flags()
	flag := "--" + d.name
	one := func(v string) error {
		if err := checkShape(d.shape, flag, style, v); err != nil {
			return err
		}
		if d.format != model.FormatNone && !d.format.Match(v, "", style) {
			return usagef("invalid value %q for %s: expected %s", v, flag, d.format.Form(""))
		}
		if d.check != nil {
			if err := d.check(flag, v); err != nil {
				return err
			}
		}
		return nil
	}
	// The documented rules of the value's parameter; a filter's value
	// has the form of the legacy twin's parameter.
	p := d.params[style]
	if style == api.V3 && d.filter != "" {
		p = d.params[api.Legacy]
	}
	switch d.kind {
	case Int:
		v := fs.Lookup(d.name).Value.String()
		if d.check != nil {
			if err := d.check(flag, v); err != nil {
				return nil, err
			}
		}
		n := json.Number(v)
		return n, checkParamValue(flag, p, style, n)
	case Bool:
		v, _ := fs.GetBool(d.name)
		return d.boolValue(style, v), nil
	case Strings:
		vs, _ := fs.GetStringSlice(d.name)
		if d.whole {
			vs, _ = fs.GetStringArray(d.name)
		}
		list := make([]any, 0, len(vs))
		for _, v := range vs {
			if err := one(v); err != nil {
				return nil, err
			}
			w, err := d.spell(flag, style, v)
			if err != nil {
				return nil, err
			}
			list = append(list, w)
		}
		return list, checkParamValue(flag, p, style, list)
	case JSON:
		v, err := d.structured(cmd, style, flag)
		if err != nil {
			return nil, err
		}
		if d.check != nil {
			// The check reads the JSON as the user gave it (from a file too).
			b, _ := json.Marshal(v)
			if err := d.check(flag, string(b)); err != nil {
				return nil, err
			}
		}
		return v, checkParamValue(flag, p, style, v)
	}
	s, _ := fs.GetString(d.name)
	if err := one(s); err != nil {
		return nil, err
	}
	s, err := d.spell(flag, style, s)
	if err != nil {
		return nil, err
	}
	if err := checkParamValue(flag, p, style, s); err != nil {
		return nil, err
	}
	if p := d.params[style]; p != nil && p.Array {
		return []any{s}, nil
	}
	return s, nil
}

// readJSONValue decodes a JSON flag value; @FILE (or @- for stdin) reads
// it from a file, which may also be YAML.
func readJSONValue(cmd *cobra.Command, flag, s string) (any, error) {
	return readJSONArg(cmd.InOrStdin(), flag, s)
}

// readJSONArg is readJSONValue reading @- from stdin.
func readJSONArg(stdin io.Reader, flag, s string) (any, error) {
	v, err := input.Value(flag, s, stdin)
	return v, usageOf(err)
}

// usageOf makes a failure to read the user's input a usage error.
func usageOf(err error) error {
	if err == nil {
		return nil
	}
	return &UsageError{msg: err.Error()}
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// flagOf names, for a parameter path of a request of style, the flag (or
// positional argument) that gave it and the place inside a JSON value.
func (b *built) flagOf(style api.Style) func(path string) (string, string) {
	return func(path string) (string, string) {
		// A field flag (--ike-lifetime for IKEOptionsSpecification.
		// IKESaLifetimeSeconds) names the field itself.
		var names []string
		for _, seg := range strings.Split(path, ".") {
			if seg != "" && (seg[0] < '0' || seg[0] > '9') {
				names = append(names, seg)
			}
		}
		if dotted := strings.Join(names, "."); strings.Contains(dotted, ".") {
			for _, d := range b.flags {
				if d.wire[style] == dotted && d.filter == "" {
					return "--" + d.name, ""
				}
			}
		}
		top, rest, _ := strings.Cut(path, ".")
		if b.arg != nil && b.arg.wire[style] == top && b.arg.filter == "" {
			return b.Arg.Flag, ""
		}
		for _, d := range b.flags {
			if d.wire[style] != top || style == api.V3 && d.filter != "" {
				continue
			}
			if d.kind != JSON {
				rest = "" // the index of a list element
			}
			return "--" + d.name, rest
		}
		// A parameter a command's own flags fill.
		return "parameter " + top, rest
	}
}

// prepare builds and checks the request of style from the command line.
func (a *app) prepare(cmd *cobra.Command, b *built, style api.Style, args []string, lo *listOpts) (api.Request, error) {
	req, err := b.request(cmd, style, args)
	if err != nil {
		return req, err
	}
	if b.fold != nil {
		if err := b.fold(cmd.CommandPath(), style, req.Params, a.f.IO.In); err != nil {
			return req, err
		}
	}
	if lo != nil {
		if err := lo.apply(b.List, b.ops[style], style, &req); err != nil {
			return req, err
		}
	}
	return req, b.validate(style, &req)
}

func (a *app) runCommand(cmd *cobra.Command, b *built, args []string, lo *listOpts, wo *waitOpts) error {
	style := api.V3
	if a.g.legacy || b.ops[api.V3] == nil {
		// An operation only the legacy API has needs no --legacy.
		style = api.Legacy
	}
	if b.bulk() && (len(args) > 1 || args[0] == "-") {
		return a.runBulk(cmd, b, style, args, wo)
	}
	req, err := a.prepare(cmd, b, style, args, lo)
	if err != nil {
		return err
	}
	if wo != nil && wo.wait && wo.timeout <= 0 {
		return usagef("invalid value %s for --wait-timeout: expected a positive duration such as 10m", wo.timeout)
	}
	kind := b.async()
	if wo != nil && wo.wait && style == api.Legacy && kind == "" {
		return usagef("--wait: %s finishes at once in the legacy API, and its resource's state can be followed through API 3.0 only; drop --legacy or --wait", b.ops[api.Legacy].Action)
	}
	doWait := wo != nil && wo.wait && style == api.Legacy && kind != ""
	stateWait := wo != nil && wo.wait && style == api.V3 && b.State != nil
	s, err := a.newSession(cmd, style, !b.RegionOptional)
	if err != nil {
		return err
	}
	target := b.Noun
	if b.Arg != nil {
		target += " " + args[0]
	}
	if b.Confirm != "" {
		if err := a.confirm(b.Confirm, target); err != nil {
			return err
		}
	}
	ctx := cmd.Context()
	view := b.V3View
	if style == api.Legacy {
		view = b.LegacyView
	}
	var reply *api.Reply
	if lo != nil {
		if done, err := a.streamList(ctx, s, b, req, lo, view); done {
			return err
		}
		reply, err = a.fetchAll(ctx, s, b, req, lo)
	} else {
		reply, err = s.client.Do(ctx, req)
	}
	if err != nil {
		return err
	}
	if stateWait {
		return a.waitForState(cmd, s, b, wo, reply, args, target, view)
	}
	if doWait {
		id := taskID(reply.Data, kind)
		if id == "" {
			return fmt.Errorf("%s returned no task ID to wait on", req.Action)
		}
		doing := b.Doing
		if doing == "" {
			doing = "Waiting for"
		}
		label := fmt.Sprintf("%s %s (%s)", doing, target, wait.Describe(kind, id))
		obs, err := a.waitTask(ctx, s, wo, kind, id, label)
		if err != nil {
			return err
		}
		// The task has succeeded. The answer is what the operation returned
		// (the new resource's ID among it) merged with the task's final
		// reply (its status, and what a query task found); tables leave
		// out the task ID done with.
		mergeReply(reply.Data, obs.Data)
		if s.query == nil && (s.format == output.Table || s.format == output.Text) {
			view.Columns = withoutTaskColumns(view.Columns)
			if len(view.Columns) == 0 && view.RowsFunc == nil {
				a.success("%s %s", b.Done, target)
				return nil
			}
		}
	}
	if view.Quiet && s.query == nil && (s.format == output.Table || s.format == output.Text) {
		a.success("%s %s", b.Done, target)
		return nil
	}
	// A show, or a read of something inside a resource, finds nothing: an
	// error in every format, with nothing on stdout.
	if view.Single || view.Needs != "" {
		list := view.Needs
		if list == "" {
			list = view.Rows
		}
		if rows, _ := pager.Lookup(reply.Data, list).([]any); len(rows) == 0 {
			return &api.Error{Style: style, Code: "ResourceNotFound", Message: fmt.Sprintf("%s not found", target), RequestID: reply.RequestID}
		}
	}
	if view.Single && s.query == nil && (s.format == output.Table || s.format == output.Text) {
		rows, _ := pager.Lookup(reply.Data, view.Rows).([]any)
		row, _ := rows[0].(map[string]any)
		if len(view.Columns) > 0 {
			return a.render(s, map[string]any{"Rows": []any{row}}, View{Rows: "Rows", Columns: view.Columns})
		}
		return a.render(s, row, View{})
	}
	if err := a.render(s, reply.Data, view); err != nil {
		return err
	}
	if kind != "" && !doWait && style == api.Legacy && a.f.IO.StderrTTY && !a.g.quiet {
		if id := taskID(reply.Data, kind); id != "" {
			hint := "tcvpc task wait " + id
			if kind != wait.VpcTask {
				hint += " --kind " + string(kind)
			}
			fmt.Fprintf(a.f.IO.ErrOut, "Started; follow with: %s\n", hint)
		}
	}
	return nil
}

// waitForState follows the resource the operation acted on until its
// state settles, then shows it.
func (a *app) waitForState(cmd *cobra.Command, s *session, b *built, wo *waitOpts, reply *api.Reply, args []string, target string, view View) error {
	st := b.State
	id := ""
	if st.IDPath != "" {
		id = params.Scalar(pager.Lookup(reply.Data, st.IDPath))
	} else if len(args) > 0 {
		id = args[0]
	}
	if id == "" {
		return fmt.Errorf("%s returned no ID to wait on", b.ops[api.V3].Action)
	}
	if st.IDPath != "" {
		target = b.Noun + " " + id
	}
	if wo.timeout <= 0 {
		return usagef("invalid value %s for --wait-timeout: expected a positive duration such as 10m", wo.timeout)
	}
	describe := api.Request{Action: st.Describe, Style: api.V3, Params: params.Tree{st.IDParam: []any{id}}}
	check := wait.StateCheck(s.client, wait.State{Describe: describe, Rows: st.Rows, Field: st.Field, Ready: st.Ready, Failed: st.Failed, Gone: st.Gone})
	doing := b.Doing
	if doing == "" {
		doing = "Waiting for"
	}
	prog := a.newProgress(fmt.Sprintf("%s %s", doing, target))
	p := wait.Poller{Timeout: wo.timeout, Now: a.f.Now, Sleep: a.f.Sleep, OnChange: prog.change}
	words := strings.Fields(b.Path)
	resume := "tcvpc " + strings.Join(append(words[:len(words)-1:len(words)-1], "show", id), " ")
	obs, err := p.Wait(cmd.Context(), target, resume, check)
	prog.stop()
	if errors.Is(err, context.Canceled) {
		return &interruptedError{hint: fmt.Sprintf("interrupted: %s continues on the server; check it with: %s", target, resume)}
	}
	if err != nil {
		return err
	}
	if st.Gone {
		if s.format == output.JSON || s.format == output.YAML || s.format == output.JSONL || s.query != nil {
			return a.render(s, reply.Data, View{})
		}
		a.success("%s %s", b.Done, target)
		return nil
	}
	// The reply keeps its own shape, the object now in its settled state,
	// so a script's --query reads the same with and without --wait.
	rows, _ := obs.Data[st.Rows].([]any)
	if key, _, _ := strings.Cut(st.IDPath, "."); key != "" && len(rows) > 0 {
		if _, ok := reply.Data[key].(map[string]any); ok {
			reply.Data[key] = rows[0]
			return a.render(s, reply.Data, view)
		}
	}
	if s.format == output.JSON || s.format == output.YAML || s.format == output.JSONL || s.query != nil {
		return a.render(s, obs.Data, View{})
	}
	return a.render(s, obs.Data, View{Rows: st.Rows, Columns: view.Columns})
}

// mergeReply adds to dst what src has that dst has not, objects merged
// member by member; dst's own values win.
func mergeReply(dst, src map[string]any) {
	for k, v := range src {
		cur, ok := dst[k]
		if !ok {
			dst[k] = v
			continue
		}
		if cm, ok := cur.(map[string]any); ok {
			if vm, ok := v.(map[string]any); ok {
				mergeReply(cm, vm)
			}
		}
	}
}

// withoutTaskColumns drops the columns that show the ID of a task or an
// order, once it has been waited for.
func withoutTaskColumns(cols []output.Column) []output.Column {
	var kept []output.Column
	for _, c := range cols {
		last := c.Path[strings.LastIndex(c.Path, ".")+1:]
		if last != "taskId" && last != "billId" {
			kept = append(kept, c)
		}
	}
	return kept
}

// taskID finds the ID of the asynchronous work a legacy reply started.
func taskID(data map[string]any, kind wait.Kind) string {
	if kind == wait.NatBill {
		return params.Scalar(firstOf(data, "billId", "data.billId"))
	}
	return params.Scalar(firstOf(data, "data.taskId", "taskId"))
}

func firstOf(data map[string]any, paths ...string) any {
	for _, p := range paths {
		if v := pager.Lookup(data, p); v != nil {
			return v
		}
	}
	return nil
}

// render writes a reply to stdout in the chosen format.
func (a *app) render(s *session, data map[string]any, v View) error {
	if !a.g.showSecrets {
		maskSecrets(data, secretNames())
	}
	if v.RowsFunc != nil && s.query == nil && (s.format == output.Table || s.format == output.Text) {
		data, v.Rows = map[string]any{"rows": v.RowsFunc(data)}, "rows"
	}
	return output.Render(a.f.IO.Out, data, output.Options{
		Format: s.format, Query: s.query, Rows: v.Rows, Columns: v.Columns,
		NoHeader: a.g.noHeader, Color: a.f.IO.ColorOut(),
	})
}

// success prints a human line on stdout, only on a terminal and never
// with -o json|yaml.
func (a *app) success(format string, args ...any) {
	if !a.f.IO.StdoutTTY || a.format == output.JSON || a.format == output.YAML || a.format == output.JSONL {
		return
	}
	fmt.Fprintf(a.f.IO.Out, format+"\n", args...)
}

func (a *app) warnf(format string, args ...any) {
	fmt.Fprintf(a.f.IO.ErrOut, "Warning: "+format+"\n", args...)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }
