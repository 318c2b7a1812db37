package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/internal/suggest"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/input"
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// apiCmd is the escape hatch: any documented operation by its Action,
// parameters by their documented names. args is the command line, so the
// parameter flags of only the Action being run are built.
func (a *app) apiCmd(args []string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "api ACTION [--PARAM VALUE …]",
		Short: "Call any VPC API operation by its Action name",
		Long: `Call any documented operation of the VPC API by its Action name, with parameters
spelled as documented (--VpnGatewayId, --vpcId). Arrays and objects take JSON
(--Filters '[{"Name":"vpc-name","Values":["a"]}]') or flattened names with any
index (--Filters.0.Name vpc-name --Filters.0.Values.0 a, --subnetSet.0.cidrBlock
10.0.1.0/24). Values are checked against the API model before anything is sent.

An Action that exists only in the legacy API uses it; one that exists in both
uses API 3.0 unless --legacy is given. Output defaults to JSON: the reply
object (API 3.0: the Response object; legacy: the whole body).

Run 'tcvpc api list' for every operation and 'tcvpc api describe ACTION' for
one operation's parameters, outputs and error codes.`,
		Example: `  tcvpc api DescribeVpcs --Filters '[{"Name":"vpc-name","Values":["prod"]}]'
  tcvpc api DeleteVpnConn --vpcId vpc-03vihbk9 --vpnGwId vpngw-kfldykuz --vpnConnId vpnx-ol6bcqp0
  tcvpc api CreateSubnet --legacy --vpcId vpc-2ari9m7h --subnetSet.0.subnetName a \
      --subnetSet.0.cidrBlock 10.0.1.0/24 --subnetSet.0.zoneId 100003
  tcvpc api CreateVpc --generate-skeleton > vpc.json; tcvpc api CreateVpc --cli-input-json vpc.json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("tcvpc api needs an ACTION; see 'tcvpc api list'")
			}
			return usagef("unknown Action %q%s; see 'tcvpc api list'", args[0], suggestAction(args[0]))
		},
		RunE: func(cmd *cobra.Command, args []string) error { return nil },
	}
	if !a.whole && !slices.Contains(args, "api") {
		// Another command is run: the Actions are not needed, not even
		// by name.
		return cmd
	}
	cmd.SetUsageTemplate(strings.Replace(cmd.UsageTemplate(), "{{if .HasAvailableSubCommands}}", "{{if false}}", 1))
	cmd.AddCommand(a.apiListCmd(), a.apiDescribeCmd())
	want := actionIn(args)
	seen := map[string]bool{}
	for _, op := range model.All() {
		if seen[op.Action] {
			continue
		}
		seen[op.Action] = true
		// Runnable, so completion offers it; the run is set up only for the
		// Action named on the command line.
		sub := &cobra.Command{Use: op.Action, Short: oneLine(op.Title), Args: noArgs, RunE: func(*cobra.Command, []string) error { return nil }}
		if op.Action == want || a.allAPI {
			a.setupAPIAction(sub, op.Action)
		}
		cmd.AddCommand(sub)
	}
	return cmd
}

// actionIn finds the Action after "api" in a command line (also under
// cobra's __complete).
func actionIn(args []string) string {
	for i, s := range args {
		if s == "api" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

func suggestAction(s string) string {
	var names []string
	for _, op := range model.All() {
		names = append(names, op.Action)
	}
	if best := suggest.Closest(s, names, 4); best != "" {
		return fmt.Sprintf(" (did you mean %s?)", best)
	}
	return ""
}

type apiOpts struct {
	inputFile string
	skeleton  bool
	flat      []string
}

// setupAPIAction gives the Action's command a flag per documented
// parameter of each style it exists in.
func (a *app) setupAPIAction(cmd *cobra.Command, action string) {
	ops := model.Lookup(action)
	o := &apiOpts{}
	fs := cmd.Flags()
	seen := map[string]bool{}
	var descs []string
	for _, op := range ops {
		descs = append(descs, fmt.Sprintf("%s (%s): %s", op.Title, op.Style, oneLine(op.Description)))
		for _, p := range op.Params {
			if seen[p.Name] {
				continue
			}
			seen[p.Name] = true
			usage := p.Type.String()
			if p.Array {
				usage = "JSON array of " + usage
			} else if p.Type == model.Object {
				usage = "JSON object"
			}
			if p.Required {
				usage += ", required"
			}
			if len(ops) > 1 {
				usage += ", " + op.Style.String()
			}
			fs.String(p.Name, "", strings.Join(strings.Fields(p.Description), " ")+" ("+usage+")")
			if len(p.Enum) > 0 {
				enum := p.Enum
				_ = cmd.RegisterFlagCompletionFunc(p.Name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
					return enum, cobra.ShellCompDirectiveNoFileComp
				})
			}
		}
	}
	cmd.Long = strings.Join(descs, "\n")
	fs.StringVar(&o.inputFile, "cli-input-json", "", "read all parameters from a JSON or YAML file (- for stdin); flags override it")
	takesFile(fs, "cli-input-json", "path")
	if len(ops) > 1 {
		a.legacyFlag(cmd, "call the legacy API's "+action+" instead of API 3.0's")
	}
	fs.BoolVar(&o.skeleton, "generate-skeleton", false, "print an input document with every parameter and exit")
	fs.StringArrayVar(&o.flat, "param", nil, "NAME=VALUE with a flattened name (Filters.0.Name=vpc-name); repeatable")
	_ = cmd.RegisterFlagCompletionFunc("param", completeFlatParam(ops))
	a.scalarOnce(fs)
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		msg := err.Error()
		if name, ok := strings.CutPrefix(msg, "unknown flag: --"); ok {
			return usagef("%s: unknown parameter %s%s; valid: %s", action, name, suggestParam(ops, name), strings.Join(paramNames(ops), ", "))
		}
		return &UsageError{msg: cleanFlagError(msg)}
	})
	cmd.RunE = func(c *cobra.Command, args []string) error { return a.runAPI(c, ops, o) }
}

func paramNames(ops []*model.Operation) []string {
	var names []string
	seen := map[string]bool{}
	for _, op := range ops {
		for _, p := range op.Params {
			if !seen[p.Name] {
				seen[p.Name] = true
				names = append(names, p.Name)
			}
		}
	}
	sort.Strings(names)
	return names
}

func suggestParam(ops []*model.Operation, name string) string {
	if best := suggest.Closest(name, paramNames(ops), 4); best != "" {
		return " (did you mean --" + best + "?)"
	}
	return ""
}

// flattenedFlags rewrites "--Filters.0.Name x" and "--Filters.0.Name=x"
// into "--param Filters.0.Name=x" so cobra parses them with the rest.
func flattenedFlags(args []string) []string {
	if actionIn(args) == "" {
		return args
	}
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		s := args[i]
		if s == "--" {
			out = append(out, args[i:]...)
			break
		}
		name, ok := strings.CutPrefix(s, "--")
		if !ok || !strings.Contains(strings.SplitN(name, "=", 2)[0], ".") {
			out = append(out, s)
			continue
		}
		if strings.Contains(name, "=") {
			out = append(out, "--param", name)
			continue
		}
		if i+1 < len(args) {
			out = append(out, "--param", name+"="+args[i+1])
			i++
			continue
		}
		out = append(out, s)
	}
	return out
}

func (a *app) runAPI(cmd *cobra.Command, ops []*model.Operation, o *apiOpts) error {
	// Output defaults to JSON; errors stay lines for people unless JSON
	// or YAML was asked for.
	if !cmd.Flags().Changed("output") && a.f.Getenv("TCVPC_OUTPUT") == "" {
		a.g.output = output.JSON
		_ = cmd.Flags().Set("output", output.JSON)
		a.outputDefaulted = true
	}
	op := ops[0]
	if a.g.legacy {
		var found bool
		for _, x := range ops {
			if x.Style == model.Legacy {
				op, found = x, true
			}
		}
		if !found {
			return usagef("%s exists only in API 3.0; drop --legacy", op.Action)
		}
	}
	if o.skeleton {
		return writeJSON(a.f.IO.Out, skeleton(op.Params))
	}
	tree := params.Tree{}
	if o.inputFile != "" {
		t, err := a.readInput(o.inputFile)
		if err != nil {
			return err
		}
		tree = t
	}
	var readErr error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		p, ok := op.Param(f.Name)
		if !ok {
			return
		}
		v := f.Value.String()
		if structured := p.Array || p.Type == model.Object || len(p.Fields) > 0; structured && strings.HasPrefix(v, "@") {
			// An array or object may come from a file (JSON or YAML).
			doc, err := readJSONArg(a.f.IO.In, "--"+f.Name, v)
			if err != nil && readErr == nil {
				readErr = err
			}
			tree[f.Name] = doc
			return
		}
		tree[f.Name] = parseValue(v)
	})
	if readErr != nil {
		return readErr
	}
	var otherStyle []string
	cmd.LocalNonPersistentFlags().Visit(func(f *pflag.Flag) {
		switch f.Name {
		case "param", "cli-input-json", "generate-skeleton":
			return
		}
		if _, ok := op.Param(f.Name); !ok {
			otherStyle = append(otherStyle, "--"+f.Name)
		}
	})
	if len(otherStyle) > 0 {
		return usagef("%s (%s) has no parameter %s", op.Action, op.Style, strings.Join(otherStyle, ", "))
	}
	if len(o.flat) > 0 {
		flat := map[string]string{}
		for _, kv := range o.flat {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				return usagef("invalid value %q for --param: expected NAME=VALUE", kv)
			}
			if _, dup := flat[k]; dup {
				return usagef("parameter %s given more than once; pass it once", k)
			}
			flat[k] = v
		}
		sub, err := params.Unflatten(flat)
		if err != nil {
			return usagef("%v", err)
		}
		for k, v := range sub {
			if _, dup := tree[k]; dup && o.inputFile == "" {
				return usagef("parameter %s given both whole and by its parts", k)
			}
			tree[k] = v
		}
	}
	style := api.V3
	if op.Style == model.Legacy {
		style = api.Legacy
	}
	req := api.Request{Action: op.Action, Style: style, Params: tree}
	if err := validate(op, &req, apiParamFlag); err != nil {
		return err
	}
	s, err := a.newSession(cmd, style, false)
	if err != nil {
		return err
	}
	reply, err := s.client.Do(cmd.Context(), req)
	if err != nil {
		return err
	}
	return a.render(s, reply.Data, View{})
}

// parseValue reads a flag value: JSON arrays and objects are decoded,
// everything else stays the string typed (the model types it later).
func parseValue(s string) any {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "[") || strings.HasPrefix(t, "{") {
		dec := json.NewDecoder(strings.NewReader(t))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err == nil {
			return v
		}
	}
	return s
}

// readInput reads --cli-input-json: a file, - for stdin, or the JSON
// object itself.
func (a *app) readInput(name string) (params.Tree, error) {
	const flag = "--cli-input-json"
	var v any
	var err error
	if t := strings.TrimSpace(name); strings.HasPrefix(t, "{") {
		v, err = input.Decode(flag, []byte(t))
	} else {
		var data []byte
		if data, err = input.Read(flag, strings.TrimPrefix(name, "@"), a.f.IO.In); err == nil {
			v, err = input.Decode(flag, data)
		}
	}
	if err != nil {
		return nil, usageOf(err)
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, usagef("%s: expected an object of parameters", flag)
	}
	return m, nil
}

// skeleton is an input document with every parameter at a typed zero.
func skeleton(ps []model.Param) map[string]any {
	out := map[string]any{}
	for _, p := range ps {
		var v any
		switch {
		case p.Type == model.Object || len(p.Fields) > 0:
			v = skeleton(p.Fields)
		case p.Type == model.Integer, p.Type == model.Float:
			v = json.Number("0")
		case p.Type == model.Boolean:
			v = false
		default:
			v = ""
		}
		if p.Array {
			v = []any{v}
		}
		out[p.Name] = v
	}
	return out
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func (a *app) apiListCmd() *cobra.Command {
	var v3 bool
	cmd := &cobra.Command{
		Use:   "list [GROUP]",
		Short: "List the operations of the API model",
		Example: `  tcvpc api list
  tcvpc api list vpn --v3
  tcvpc api list --legacy -o text | cut -f1`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("tcvpc api list takes at most one GROUP")
			}
			if len(args) == 1 && !contains(model.Groups(), args[0]) {
				return usagef("unknown group %q: expected one of %s", args[0], strings.Join(model.Groups(), ", "))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			legacy := a.g.legacy
			if legacy && v3 {
				return usagef("--legacy and --v3 exclude each other")
			}
			var rows []any
			for _, op := range model.All() {
				if (legacy && op.Style != model.Legacy) || (v3 && op.Style != model.V3) || (len(args) == 1 && op.Group != args[0]) {
					continue
				}
				rows = append(rows, map[string]any{"Action": op.Action, "Style": op.Style.String(), "Group": op.Group, "Title": op.Title, "Async": op.Async.String()})
			}
			return a.renderLocal(cmd, map[string]any{"Operations": rows}, View{Rows: "Operations", Columns: []output.Column{
				{Header: "ACTION", Path: "Action"}, {Header: "STYLE", Path: "Style"}, {Header: "GROUP", Path: "Group"},
				{Header: "ASYNC", Path: "Async"}, {Header: "TITLE", Path: "Title"},
			}})
		},
	}
	cmd.ValidArgs = model.Groups()
	cmd.Flags().BoolVar(&v3, "v3", false, "only API 3.0 operations")
	a.legacyFlag(cmd, "only legacy operations")
	return cmd
}

func (a *app) apiDescribeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "describe ACTION",
		Short:   "Show an operation's parameters, outputs and error codes",
		Example: "  tcvpc api describe DeleteVpnConn\n  tcvpc api describe CreateSubnet --legacy -o json",
		Args:    exactArgs(1, "ACTION"),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, op := range model.All() {
				names = append(names, op.Action)
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			ops := model.Lookup(args[0])
			if len(ops) == 0 {
				return usagef("unknown Action %q%s; see 'tcvpc api list'", args[0], suggestAction(args[0]))
			}
			if a.g.legacy {
				var keep []*model.Operation
				for _, op := range ops {
					if op.Style == model.Legacy {
						keep = append(keep, op)
					}
				}
				if len(keep) == 0 {
					return usagef("%s exists only in API 3.0; drop --legacy", args[0])
				}
				ops = keep
			}
			format, _, err := a.localFormat(cmd)
			if err != nil {
				return err
			}
			if format == output.Table {
				for i, op := range ops {
					if i > 0 {
						fmt.Fprintln(a.f.IO.Out)
					}
					describeText(a.f.IO.Out, op)
				}
				return nil
			}
			var docs []any
			for _, op := range ops {
				docs = append(docs, opDoc(op))
			}
			return a.renderLocal(cmd, map[string]any{"Operations": docs}, View{})
		},
	}
	a.legacyFlag(cmd, "describe the legacy operation of an Action both styles have")
	return cmd
}

func opDoc(op *model.Operation) map[string]any {
	var ps []any
	var walk func(prefix string, list []model.Param)
	walk = func(prefix string, list []model.Param) {
		for _, p := range list {
			name := prefix + p.Name
			if p.Array {
				name += ".N"
			}
			ps = append(ps, map[string]any{"Name": name, "Type": p.Type.String(), "Array": p.Array, "Required": p.Required, "Enum": p.Enum, "Description": p.Description})
			if len(p.Fields) > 0 {
				walk(name+".", p.Fields)
			}
		}
	}
	walk("", op.Params)
	var outs, errs []any
	for _, f := range op.Outputs {
		outs = append(outs, map[string]any{"Name": f.Name, "Type": f.Type, "Description": f.Description})
	}
	for _, e := range op.Errors {
		errs = append(errs, map[string]any{"Code": e.Code, "Description": e.Description})
	}
	return map[string]any{"Action": op.Action, "Style": op.Style.String(), "Group": op.Group, "Title": op.Title,
		"Description": op.Description, "Domain": op.Domain, "Async": op.Async.String(), "Parameters": ps,
		"Outputs": outs, "Errors": errs, "Source": op.Source}
}

// describeWidth is where api describe wraps a description, under its column.
const describeWidth = 110

// hang writes the columns, then text wrapped at describeWidth with each
// further line indented under its first word: descriptions are never cut.
func hang(w io.Writer, columns, text string) {
	words := strings.Fields(text)
	if len(words) == 0 {
		fmt.Fprintln(w, strings.TrimRight(columns, " "))
		return
	}
	indent := strings.Repeat(" ", utf8.RuneCountInString(columns))
	line, n := columns+words[0], utf8.RuneCountInString(columns)+utf8.RuneCountInString(words[0])
	for _, word := range words[1:] {
		if l := utf8.RuneCountInString(word); n+1+l > describeWidth {
			fmt.Fprintln(w, line)
			line, n = indent+word, len(indent)+l
		} else {
			line, n = line+" "+word, n+1+l
		}
	}
	fmt.Fprintln(w, line)
}

func describeText(w io.Writer, op *model.Operation) {
	fmt.Fprintf(w, "%s (%s, group %s, %s)\n%s\n", op.Action, op.Style, op.Group, op.Async, op.Title)
	hang(w, "", op.Description)
	fmt.Fprint(w, "\nParameters:\n")
	doc := opDoc(op)
	for _, p := range doc["Parameters"].([]any) {
		m := p.(map[string]any)
		req := "optional"
		if m["Required"].(bool) {
			req = "required"
		}
		typ := m["Type"].(string)
		if m["Array"].(bool) {
			typ = "array of " + typ
		}
		text := m["Description"].(string)
		if e, _ := m["Enum"].([]string); len(e) > 0 {
			text += " [" + strings.Join(e, "|") + "]"
		}
		hang(w, fmt.Sprintf("  %-32s %-20s %-8s ", m["Name"], typ, req), text)
	}
	if len(op.Params) == 0 {
		fmt.Fprintln(w, "  (none)")
	}
	fmt.Fprintln(w, "\nOutputs:")
	for _, f := range op.Outputs {
		hang(w, fmt.Sprintf("  %-32s %-20s ", f.Name, f.Type), f.Description)
	}
	if len(op.Errors) > 0 {
		fmt.Fprintln(w, "\nErrors:")
		for _, e := range op.Errors {
			hang(w, fmt.Sprintf("  %-44s ", e.Code), e.Description)
		}
	}
}

// localFormat validates -o and --query for output that needs no request.
func (a *app) localFormat(cmd *cobra.Command) (string, *output.Query, error) {
	s, err := a.loader(cmd).Load()
	if err != nil {
		return "", nil, usagef("%v", err)
	}
	return a.outputOptions(cmd, s)
}

func (a *app) renderLocal(cmd *cobra.Command, data map[string]any, v View) error {
	format, q, err := a.localFormat(cmd)
	if err != nil {
		return err
	}
	return output.Render(a.f.IO.Out, data, output.Options{Format: format, Query: q, Rows: v.Rows, Columns: v.Columns, NoHeader: a.g.noHeader, Color: a.f.IO.ColorOut()})
}
