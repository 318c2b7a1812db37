package e2e

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The guides' commands are run, so the guides cannot rot. In docs/guides/*.md
// a fenced block opened with "```sh test" is run by bash, in order, against
// a fresh emulator (asynchronous work taking 300ms) whose export lines are in the environment, with a fresh
// HOME and the built tcvpc first on PATH. Each block must exit 0 (set -e
// and pipefail hold inside it; show a failure with `cmd || echo "exit $?"`).
// A block opened with "```output" right after it is the exact stdout the
// block must print. Variables set in one block are seen by the next.
func TestGuidesRun(t *testing.T) {
	guides, err := filepath.Glob(filepath.Join("..", "docs", "guides", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(guides) == 0 {
		t.Fatal("no guides under docs/guides")
	}
	for _, g := range guides {
		t.Run(strings.TrimSuffix(filepath.Base(g), ".md"), func(t *testing.T) {
			t.Parallel() // each guide has an emulator of its own
			blocks, err := readBlocks(g)
			if err != nil {
				t.Fatal(err)
			}
			if len(blocks) == 0 {
				t.Skip("no ```sh test blocks")
			}
			for _, b := range blocks {
				if strings.Contains(b.script, "jq ") {
					needShell(t, "jq") // .ci/run installs it
					break
				}
			}
			runGuide(t, startEmulator(t, "--task-delay", "300ms"), g, blocks)
		})
	}
}

// block is one runnable fenced block of a guide.
type block struct {
	line   int    // where its fence opens
	script string // its text
	want   *string
}

// readBlocks returns the runnable blocks of a markdown file, each with the
// expected output that follows it, if any.
func readBlocks(path string) ([]block, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var (
		blocks []block
		cur    *strings.Builder
		kind   string // "test", "output" or "" (another block) while inside a fence
		start  int
		// afterTest: the last block closed was a test block and only blank
		// lines have followed, so an output block belongs to it.
		afterTest bool
	)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if cur == nil {
			info, isFence := strings.CutPrefix(trimmed, "```")
			switch {
			case isFence:
				fields := strings.Fields(info)
				kind = ""
				switch {
				case len(fields) >= 2 && fields[0] == "sh" && fields[1] == "test":
					kind = "test"
				case len(fields) == 1 && fields[0] == "output":
					if !afterTest {
						return nil, fmt.Errorf("%s:%d: an output block must follow a ```sh test block", path, n)
					}
					kind = "output"
				}
				cur, start = &strings.Builder{}, n
			case trimmed != "":
				afterTest = false
			}
			continue
		}
		if trimmed == "```" {
			switch kind {
			case "test":
				blocks = append(blocks, block{line: start, script: cur.String()})
			case "output":
				s := cur.String()
				blocks[len(blocks)-1].want = &s
			}
			afterTest = kind == "test"
			cur = nil
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
	}
	if cur != nil {
		return nil, fmt.Errorf("%s:%d: fence never closed", path, start)
	}
	return blocks, sc.Err()
}

// runGuide runs the blocks in one bash, each block's output to files of its
// own, so that a failure names its block and what it printed.
func runGuide(t *testing.T, c *cloud, guide string, blocks []block) {
	t.Helper()
	work := t.TempDir()
	var sh strings.Builder
	sh.WriteString("set -eo pipefail\ncd \"$GUIDE_WORK\"\n")
	for i, b := range blocks {
		fmt.Fprintf(&sh, "echo %d >\"$GUIDE_OUT/current\"\n{\n%s} >\"$GUIDE_OUT/%d.out\" 2>\"$GUIDE_OUT/%d.err\" </dev/null\n", i, b.script, i, i)
	}
	sh.WriteString("echo done >\"$GUIDE_OUT/current\"\n")
	out := t.TempDir()
	cmd := exec.Command("bash", "--norc", "--noprofile", "-c", sh.String())
	cmd.Env = append(shellEnv(c), "GUIDE_WORK="+work, "GUIDE_OUT="+out, "NO_COLOR=1", "LC_ALL=C.UTF-8")
	combined, err := cmd.CombinedOutput()
	cur, _ := os.ReadFile(filepath.Join(out, "current"))
	if err != nil || strings.TrimSpace(string(cur)) != "done" {
		i, convErr := strconv.Atoi(strings.TrimSpace(string(cur)))
		if convErr != nil || i >= len(blocks) {
			t.Fatalf("%s: bash failed before any block: %v\n%s", guide, err, combined)
		}
		stdout, _ := os.ReadFile(filepath.Join(out, fmt.Sprintf("%d.out", i)))
		stderr, _ := os.ReadFile(filepath.Join(out, fmt.Sprintf("%d.err", i)))
		t.Fatalf("%s:%d: the block failed (%v):\n%s--- stdout:\n%s--- stderr:\n%s%s",
			guide, blocks[i].line, err, blocks[i].script, stdout, stderr, combined)
	}
	for i, b := range blocks {
		if b.want == nil {
			continue
		}
		got, _ := os.ReadFile(filepath.Join(out, fmt.Sprintf("%d.out", i)))
		if string(got) != *b.want {
			t.Errorf("%s:%d: the block printed:\n%s--- the guide says:\n%s", guide, b.line, got, *b.want)
		}
	}
}

// The reader of the guides' blocks: which blocks run, which output belongs
// to which, and what is refused.
func TestReadGuideBlocks(t *testing.T) {
	md := "# Guide\n\n```sh\nnot run\n```\n\n```sh test\na\nb\n```\n\n```output\nA\n```\n\n```sh test\nc\n```\ntext\n```output\nX\n```\n"
	p := filepath.Join(t.TempDir(), "g.md")
	os.WriteFile(p, []byte(md), 0o644)
	_, err := readBlocks(p)
	if err == nil || !strings.Contains(err.Error(), "g.md:20: an output block must follow") {
		t.Fatalf("an output block after prose: %v", err)
	}
	md = "```sh test\na\nb\n```\n\n```output\nA\n```\n```sh test\nc\n```\n```sh\n"
	os.WriteFile(p, []byte(md), 0o644)
	if _, err := readBlocks(p); err == nil || !strings.Contains(err.Error(), "fence never closed") {
		t.Fatalf("an open fence: %v", err)
	}
	md = "```sh test\na\nb\n```\n\n```output\nA\n```\n```sh test\nc\n```\n"
	os.WriteFile(p, []byte(md), 0o644)
	blocks, err := readBlocks(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) != 2 || blocks[0].script != "a\nb\n" || blocks[0].want == nil || *blocks[0].want != "A\n" ||
		blocks[0].line != 1 || blocks[1].script != "c\n" || blocks[1].want != nil || blocks[1].line != 9 {
		t.Fatalf("%+v", blocks)
	}
}

// Every guide is listed at the foot of `tcvpc --help` and in docs/README.md,
// and every guide the footer names exists.
func TestGuidesListed(t *testing.T) {
	guides, err := filepath.Glob(filepath.Join("..", "docs", "guides", "*.md"))
	if err != nil || len(guides) == 0 {
		t.Fatalf("guides: %v %v", guides, err)
	}
	help, err := exec.Command(bin, "--help").Output()
	if err != nil {
		t.Fatal(err)
	}
	_, footer, ok := strings.Cut(string(help), "\nGuides, in docs/guides")
	if !ok {
		t.Fatalf("no guides at the foot of tcvpc --help:\n%s", help)
	}
	index, err := os.ReadFile(filepath.Join("..", "docs", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range guides {
		name := filepath.Base(g)
		if !strings.Contains(footer, "  "+name+" ") {
			t.Errorf("tcvpc --help does not list %s", name)
		}
		if !strings.Contains(string(index), "(guides/"+name+")") {
			t.Errorf("docs/README.md does not link %s", name)
		}
	}
	for _, f := range strings.Fields(footer) {
		if strings.HasSuffix(f, ".md") {
			if _, err := os.Stat(filepath.Join("..", "docs", "guides", f)); err != nil {
				t.Errorf("tcvpc --help names %s: %v", f, err)
			}
		}
	}
}

// Relative links in README and docs/ (the generated reference aside) point
// at files that exist.
func TestDocLinksResolve(t *testing.T) {
	files := []string{filepath.Join("..", "README.md"), filepath.Join("..", "docs", "README.md")}
	guides, _ := filepath.Glob(filepath.Join("..", "docs", "guides", "*.md"))
	files = append(files, guides...)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, link := range markdownLinks(string(b)) {
			if strings.Contains(link, "://") || strings.HasPrefix(link, "#") || strings.HasPrefix(link, "mailto:") {
				continue
			}
			target, _, _ := strings.Cut(link, "#")
			if _, err := os.Stat(filepath.Join(filepath.Dir(f), target)); err != nil {
				t.Errorf("%s links to %s, which does not exist", f, link)
			}
		}
	}
}

// markdownLinks returns the targets of [text](target) links.
func markdownLinks(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "](")
		if i < 0 {
			return out
		}
		s = s[i+2:]
		j := strings.IndexAny(s, ") \n")
		if j < 0 {
			return out
		}
		out = append(out, s[:j])
		s = s[j:]
	}
}
