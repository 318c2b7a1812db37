package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// bashCompletionLib is bash-completion's library, which the generated bash
// script calls (_init_completion, _get_comp_words_by_ref).
const bashCompletionLib = "/usr/share/bash-completion/bash_completion"

// A TAB at the end of line, in a real bash: the committed script is sourced
// after bash-completion, COMP_WORDS/COMP_CWORD/COMP_LINE/COMP_POINT are set
// as readline sets them, and the completion function fills COMPREPLY.
// COMP_TYPE is 9 for TAB (candidates listed with descriptions) or 37 for
// menu-complete (bare candidates, inserted one at a time).
const bashHarness = `
source "$BASH_COMPLETION_LIB"
source "$SCRIPT"
COMP_LINE=$LINE COMP_POINT=${#LINE}
read -ra COMP_WORDS <<<"$LINE"
[[ $LINE == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
__start_tcvpc tcvpc "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
printf '%s\n' "${COMPREPLY[@]}"
`

func bashComplete(t *testing.T, c *cloud, compType, line string) []string {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("..", "completions", "tcvpc.bash"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "--norc", "--noprofile", "-c", bashHarness)
	cmd.Env = append(shellEnv(c), "BASH_COMPLETION_LIB="+bashCompletionLib, "SCRIPT="+script,
		"LINE="+line, "COMP_TYPE="+compType, "COLUMNS=100")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bash completing %q: %v", line, err)
	}
	return lines(string(out))
}

// fishComplete asks a real fish, with the committed script loaded, what it
// would offer for line: one "candidate<TAB>description" per line.
func fishComplete(t *testing.T, c *cloud, line string) []string {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("..", "completions", "tcvpc.fish"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("fish", "--no-config", "-c", `source $argv[1]; complete -C $argv[2]`, script, line)
	cmd.Env = shellEnv(c)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("fish completing %q: %v", line, err)
	}
	return lines(string(out))
}

// shellEnv is the emulator's environment with the built tcvpc first on PATH,
// where the completion scripts find it.
func shellEnv(c *cloud) []string {
	env := []string{"PATH=" + filepath.Dir(bin) + string(os.PathListSeparator) + os.Getenv("PATH")}
	for _, kv := range c.env {
		if !strings.HasPrefix(kv, "PATH=") {
			env = append(env, kv)
		}
	}
	return env
}

// descriptions are what tcvpc itself answers a completion request with
// (cobra's __complete protocol: "word<TAB>description" lines, then
// ":directive"), so the tests do not repeat the help texts.
func descriptions(c *cloud, words ...string) map[string]string {
	c.t.Helper()
	out := map[string]string{}
	for _, l := range lines(c.ok(append([]string{"__complete"}, words...)...)) {
		if word, d, ok := strings.Cut(l, "\t"); ok {
			out[word] = d
		}
	}
	if len(out) == 0 {
		c.t.Fatalf("no descriptions for %q", words)
	}
	return out
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// needShell skips a test whose shell is not installed, except when
// TCVPC_REQUIRE_TOOLS=1 (.ci/run sets it once it has installed the tools),
// where its absence is a failure.
func needShell(t *testing.T, name string, files ...string) {
	t.Helper()
	skip := t.Skipf
	if os.Getenv("TCVPC_REQUIRE_TOOLS") == "1" {
		skip = t.Fatalf
	}
	if _, err := exec.LookPath(name); err != nil {
		skip("%s is not installed (.ci/run installs it)", name)
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			skip("%s is not installed (.ci/run installs bash-completion)", f)
		}
	}
}

func TestBashCompletionInRealBash(t *testing.T) {
	needShell(t, "bash", bashCompletionLib)
	c := startEmulator(t)
	vpc := c.text("vpc", "create", "--name", "web", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId")
	other := c.text("vpc", "create", "--name", "db", "--cidr-block", "10.1.0.0/16", "--query", "Vpc.VpcId")
	desc := descriptions(c, "vp")
	for _, tc := range []struct {
		what, compType, line string
		want                 []string
	}{
		{"group", "9", "tcvpc vp", []string{"vpc  (" + desc["vpc"] + ")", "vpn  (" + desc["vpn"] + ")"}},
		{"group, menu-complete (no descriptions)", "37", "tcvpc vp", []string{"vpc", "vpn"}},
		{"verb", "37", "tcvpc vpc cre", []string{"create", "create-default"}},
		{"the one verb is inserted alone", "9", "tcvpc vpn conn re", []string{"reset"}},
		{"flag", "9", "tcvpc vpc create --ci", []string{"--cidr-block"}},
		{"shell name", "37", "tcvpc completion ", []string{"bash", "zsh", "fish", "powershell"}},
		{"ID served by the emulator, with its name", "9", "tcvpc vpc show ", []string{vpc + "  (web)", other + "  (db)"}},
		{"ID-valued flag", "37", "tcvpc subnet list --vpc-id ", []string{vpc, other}},
	} {
		got := bashComplete(t, c, tc.compType, tc.line)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q completes to %q, want %q", tc.what, tc.line, got, tc.want)
		}
	}
	formats := outputFormats(c)
	if got := bashComplete(t, c, "37", "tcvpc vpc list -o "); !slices.Equal(got, formats) {
		t.Errorf("enum value: -o completes to %q, want %q", got, formats)
	}
	if got := bashComplete(t, c, "9", "tcvpc vpc list -o ya"); !slices.Equal(got, []string{"yaml"}) {
		t.Errorf("enum value: -o ya completes to %q", got)
	}
}

// outputFormats are the values tcvpc offers for -o, which must include the
// documented formats.
func outputFormats(c *cloud) []string {
	c.t.Helper()
	var out []string
	for _, l := range lines(c.ok("__complete", "vpc", "list", "-o", "")) {
		if !strings.HasPrefix(l, ":") {
			word, _, _ := strings.Cut(l, "\t")
			out = append(out, word)
		}
	}
	for _, f := range []string{"table", "json", "yaml", "text"} {
		if !slices.Contains(out, f) {
			c.t.Fatalf("-o does not offer %s: %q", f, out)
		}
	}
	return out
}

func TestFishCompletionInRealFish(t *testing.T) {
	needShell(t, "fish")
	c := startEmulator(t)
	vpc := c.text("vpc", "create", "--name", "web", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId")
	desc := descriptions(c, "vp")
	for _, tc := range []struct {
		what, line string
		want       []string
	}{
		{"group", "tcvpc vp", []string{"vpc\t" + desc["vpc"], "vpn\t" + desc["vpn"]}},
		{"verb", "tcvpc vpn conn re", []string{"reset\t" + descriptions(c, "vpn", "conn", "re")["reset"]}},
		{"shell name", "tcvpc completion ", []string{"bash", "fish", "powershell", "zsh"}},
		{"ID served by the emulator", "tcvpc vpc show ", []string{vpc + "\tweb"}},
	} {
		got := fishComplete(t, c, tc.line)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q completes to %q, want %q", tc.what, tc.line, got, tc.want)
		}
	}
	formats := outputFormats(c)
	slices.Sort(formats) // fish sorts what it offers
	if got := fishComplete(t, c, "tcvpc vpc list -o "); !slices.Equal(got, formats) {
		t.Errorf("enum value: -o completes to %q, want %q", got, formats)
	}
	got := fishComplete(t, c, "tcvpc vpc create --ci")
	if len(got) != 1 || !strings.HasPrefix(got[0], "--cidr-block\t") {
		t.Errorf("flag: %q", got)
	}
}

// The zsh script runs in a real zsh: it asks tcvpc, parses the answer and
// hands zsh's _describe the "word:description" pairs. Only that last step,
// which needs an interactive line editor, is replaced by a function that
// prints the pairs.
const zshHarness = `
compdef() { :; }
_describe() { print -rl -- "${completions[@]}"; return 0 }
compadd() { print -r -- "compadd $*"; }
source "$SCRIPT"
words=(${=LINE})
[[ $LINE == *' ' ]] && words+=('')
CURRENT=${#words}
_tcvpc
`

func zshComplete(t *testing.T, c *cloud, line string) []string {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("..", "completions", "_tcvpc"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("zsh", "-f", "-c", zshHarness)
	cmd.Env = append(shellEnv(c), "SCRIPT="+script, "LINE="+line)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("zsh completing %q: %v", line, err)
	}
	return lines(string(out))
}

func TestZshCompletionInRealZsh(t *testing.T) {
	needShell(t, "zsh")
	c := startEmulator(t)
	vpc := c.text("vpc", "create", "--name", "web", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId")
	desc := descriptions(c, "vp")
	for _, tc := range []struct {
		what, line string
		want       []string
	}{
		{"group", "tcvpc vp", []string{"vpc:" + desc["vpc"], "vpn:" + desc["vpn"]}},
		{"verb", "tcvpc vpn conn re", []string{"reset:" + descriptions(c, "vpn", "conn", "re")["reset"]}},
		{"enum value", "tcvpc vpc list -o ", outputFormats(c)},
		{"ID served by the emulator", "tcvpc vpc show ", []string{vpc + ":web"}},
	} {
		if got := zshComplete(t, c, tc.line); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q completes to %q, want %q", tc.what, tc.line, got, tc.want)
		}
	}
	got := zshComplete(t, c, "tcvpc vpc create --ci")
	if len(got) != 1 || !strings.HasPrefix(got[0], "--cidr-block:") {
		t.Errorf("flag: %q", got)
	}
}
