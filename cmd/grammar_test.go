package cmd

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/iostreams"
	"github.com/tcvpc/tcvpc/pkg/output"
)

func fullTree(t *testing.T) *cobra.Command {
	t.Helper()
	io, _, _ := iostreams.Test("", false)
	return Tree(&Factory{IO: io, Getenv: func(string) string { return "" }, Home: t.TempDir()})
}

// styleNotes are the notes setup appends to a flag of one style.
var styleNotes = []string{"(--legacy only)", "(required with --legacy)", "(API 3.0 only)", "(required; API 3.0 only)", "(required in API 3.0)"}

// A flag is shown only where it applies: --legacy on commands with a
// legacy twin, --wait where the work is asynchronous or a state can be
// followed, and a style-only flag says so once.
func TestFlagsShownWhereTheyApply(t *testing.T) {
	decls := map[string]Command{}
	for _, group := range declarations() {
		for _, c := range group {
			decls["tcvpc "+c.Path] = c
		}
	}
	n := 0
	walk(fullTree(t), func(c *cobra.Command) {
		d, ok := decls[c.CommandPath()]
		if !ok {
			return
		}
		n++
		twin := d.V3 != "" && d.Legacy != ""
		legacy := c.LocalFlags().Lookup("legacy")
		if shown := legacy != nil && !legacy.Hidden; shown != twin {
			t.Errorf("%s: --legacy shown %v, but a legacy twin: %v", c.CommandPath(), shown, twin)
		}
		async := d.State != nil
		if d.Legacy != "" {
			op, _ := model.Find(d.Legacy, model.Legacy)
			async = async || op.Async != model.Sync
		}
		if has := c.Flags().Lookup("wait") != nil; has != async {
			t.Errorf("%s: --wait %v, but asynchronous %v", c.CommandPath(), has, async)
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			notes := 0
			for _, s := range styleNotes {
				notes += strings.Count(f.Usage, s)
			}
			if notes > 1 || notes == 1 && !twin {
				t.Errorf("%s --%s: %d style notes in %q (one-style command: %v)", c.CommandPath(), f.Name, notes, f.Usage, !twin)
			}
		})
	})
	if n < 150 {
		t.Fatalf("walked only %d resource commands", n)
	}
	// The generic api command: --legacy where the Action has both styles.
	for _, tc := range []struct {
		args  []string
		shown bool
	}{{[]string{"api", "list", "--help"}, true}, {[]string{"api", "AddVpnConnEx", "--help"}, false}, {[]string{"vpn", "gw", "delete", "--help"}, false}, {[]string{"vpn", "gw", "create", "--help"}, true}} {
		res := run{}.exec(t, tc.args...)
		if got := strings.Contains(res.stdout, "--legacy "); got != tc.shown || res.code != 0 {
			t.Errorf("%v: --legacy shown %v (exit %d)", tc.args, got, res.code)
		}
	}
}

// Every enum parameter of the model completes its values: through a
// resource command's flag or, for every one, `tcvpc api ACTION` (a flag
// per top-level parameter, --param NAME= for nested ones).
func TestEveryEnumCompletes(t *testing.T) {
	type enumParam struct {
		action, path string
		values       []string
	}
	var enums []enumParam
	var collect func(action, prefix string, list []model.Param)
	collect = func(action, prefix string, list []model.Param) {
		for _, p := range list {
			path := prefix + p.Name
			if len(p.Enum) > 0 {
				enums = append(enums, enumParam{action, path, p.Enum})
			}
			collect(action, path+".", p.Fields)
		}
	}
	for _, op := range model.All() {
		collect(op.Action, "", op.Params)
	}
	if len(enums) < 40 {
		t.Fatalf("only %d enum parameters in the model", len(enums))
	}
	for _, e := range enums {
		var got []string
		if !strings.Contains(e.path, ".") {
			got = complete(t, "api", e.action, "--"+e.path, "")
		} else {
			flat := strings.ReplaceAll(e.path, ".", ".0.") // any index will do
			got = nil
			for _, v := range complete(t, "api", e.action, "--param", flat+"=") {
				got = append(got, strings.TrimPrefix(v, flat+"="))
			}
			if len(got) == 0 {
				// Not every segment is an array; try the plain path.
				for _, v := range complete(t, "api", e.action, "--param", e.path+"=") {
					got = append(got, strings.TrimPrefix(v, e.path+"="))
				}
			}
		}
		if !reflect.DeepEqual(got, e.values) {
			t.Errorf("%s %s completes %q, want %q", e.action, e.path, got, e.values)
		}
	}
	// The tunnel flags complete in the spelling both styles accept.
	if got := complete(t, "vpn", "conn", "create", "--legacy", "--ike-integrity", ""); !reflect.DeepEqual(got, []string{"MD5", "SHA1"}) {
		t.Errorf("--ike-integrity completes %q", got)
	}
}

// complete runs `tcvpc __complete ARGS...` and returns the candidates,
// failing unless the shell is told not to offer file names.
func complete(t *testing.T, args ...string) []string {
	t.Helper()
	res := run{}.exec(t, append([]string{cobra.ShellCompRequestCmd}, args...)...)
	lines := strings.Split(strings.TrimRight(res.stdout, "\n"), "\n")
	last := lines[len(lines)-1]
	if res.code != 0 || !strings.HasPrefix(last, ":") {
		t.Fatalf("__complete %v: exit %d, %q", args, res.code, res.stdout)
	}
	var d int
	for _, ch := range last[1:] {
		d = d*10 + int(ch-'0')
	}
	if cobra.ShellCompDirective(d)&cobra.ShellCompDirectiveNoFileComp == 0 {
		t.Errorf("__complete %v offers file names (directive %d)", args, d)
	}
	var out []string
	for _, l := range lines[:len(lines)-1] {
		v, _, _ := strings.Cut(l, "\t")
		out = append(out, v)
	}
	return out
}

func TestCompleteGlobalValues(t *testing.T) {
	got := complete(t, "vpc", "list", "-o", "")
	if !reflect.DeepEqual(got, output.Formats()) {
		t.Errorf("-o completes %q, want %q", got, output.Formats())
	}
	for _, f := range []string{"table", "json", "yaml", "text"} {
		if !contains(got, f) {
			t.Errorf("-o does not complete %s: %q", f, got)
		}
	}
	if got := complete(t, "vpc", "list", "--site", ""); !reflect.DeepEqual(got, []string{"cn", "intl"}) {
		t.Errorf("--site completes %q", got)
	}
	if got := complete(t, "vpc", "list", "--signature-method", ""); !reflect.DeepEqual(got, []string{"TC3-HMAC-SHA256", "HmacSHA256", "HmacSHA1"}) {
		t.Errorf("--signature-method completes %q", got)
	}
	if got := complete(t, "subnet", "create", "--region", "ap-beijing", "--zone", ""); !reflect.DeepEqual(got, []string{"ap-beijing-1", "ap-beijing-2", "ap-beijing-3"}) {
		t.Errorf("--zone completes %q", got)
	}
	if got := complete(t, "subnet", "check-default", "--region", "ap-shanghai", "--zone-id", ""); !reflect.DeepEqual(got, []string{"200001", "200002", "200003"}) {
		t.Errorf("--zone-id completes %q", got)
	}
	regions := complete(t, "vpc", "list", "--region", "")
	if !contains(regions, "ap-guangzhou") || !contains(regions, "na-ashburn") {
		t.Errorf("--region completes %q", regions)
	}

	// Profiles and their regions come from the configuration files.
	home := t.TempDir()
	r := run{home: home}
	r.exec(t, "configure", "set", "region", "xx-test-1", "--profile", "work").expect(t, 0, "", "")
	res := r.exec(t, cobra.ShellCompRequestCmd, "vpc", "list", "--profile", "")
	if !strings.Contains(res.stdout, "work\n") {
		t.Errorf("--profile completes %q", res.stdout)
	}
	res = r.exec(t, cobra.ShellCompRequestCmd, "vpc", "list", "--region", "")
	if !strings.HasPrefix(res.stdout, "xx-test-1\n") {
		t.Errorf("--region does not offer the profiles' regions first: %q", res.stdout)
	}
}

// No fixed-choice or free-text flag falls back to file names; flags that
// read a file complete files (after "@" for @FILE).
func TestNoFlagCompletesFileNamesByAccident(t *testing.T) {
	root := fullTree(t)
	flags := 0
	walk(root, func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			fn, ok := c.GetFlagCompletionFunc(f.Name)
			if !ok {
				t.Errorf("%s --%s has no completion", c.CommandPath(), f.Name)
				return
			}
			flags++
			_, d := fn(c, nil, "")
			files := d&cobra.ShellCompDirectiveNoFileComp == 0
			if files != (fileKind(f) == "path") {
				t.Errorf("%s --%s: completes file names %v, reads a file %q", c.CommandPath(), f.Name, files, fileKind(f))
			}
		})
	})
	if flags < 2000 {
		t.Fatalf("only %d flags walked", flags)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	for _, name := range []string{"rules.json", "routes.yaml"} {
		if err := writeTestFile(name); err != nil {
			t.Fatal(err)
		}
	}
	if got := complete(t, "vpn", "conn", "create", "--ike", "@r"); !reflect.DeepEqual(got, []string{"@routes.yaml", "@rules.json"}) {
		t.Errorf("--ike @r completes %q", got)
	}
	if got := complete(t, "vpn", "conn", "create", "--ike", ""); !reflect.DeepEqual(got, []string{"@"}) {
		t.Errorf("--ike completes %q", got)
	}
}

func writeTestFile(name string) error { return os.WriteFile(name, []byte("{}"), 0o600) }
