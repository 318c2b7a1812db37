package e2e

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// make install puts the binary, every man page and the three shells'
// completion files where those shells and man look; make uninstall takes
// them all away again.
func TestMakeInstallAndUninstall(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed")
	}
	dest := t.TempDir()
	vars := []string{"DESTDIR=" + dest, "PREFIX=/usr", "BIN=" + filepath.Join(t.TempDir(), "tcvpc")}
	makeIn := func(target string) {
		t.Helper()
		cmd := exec.Command("make", append([]string{"-s", "-C", "..", target}, vars...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("make %s: %v\n%s", target, err, out)
		}
	}
	makeIn("install")

	pages, err := filepath.Glob(filepath.Join("..", "docs", "man", "*.1"))
	if err != nil || len(pages) < 100 {
		t.Fatalf("man pages in docs/man: %d, %v", len(pages), err)
	}
	want := map[string]fs.FileMode{
		"usr/bin/tcvpc": 0o755,
		"usr/share/bash-completion/completions/tcvpc":    0o644,
		"usr/share/zsh/site-functions/_tcvpc":            0o644,
		"usr/share/fish/vendor_completions.d/tcvpc.fish": 0o644,
	}
	for _, p := range pages {
		want["usr/share/man/man1/"+filepath.Base(p)] = 0o644
	}
	for _, p := range []string{"usr/share/man/man1/tcvpc.1", "usr/share/man/man1/tcvpc-vpc.1", "usr/share/man/man1/tcvpc-vpc-create.1"} {
		if _, ok := want[p]; !ok {
			t.Fatalf("docs/man has no %s", filepath.Base(p))
		}
	}
	got := installed(t, dest)
	for p, mode := range want {
		if m, ok := got[p]; !ok {
			t.Errorf("not installed: /%s", p)
		} else if m != mode {
			t.Errorf("/%s has mode %v, want %v", p, m, mode)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("installed but not expected: /%s", p)
		}
	}

	out, err := exec.Command(filepath.Join(dest, "usr", "bin", "tcvpc"), "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "tcvpc ") {
		t.Errorf("installed tcvpc version: %q, %v", out, err)
	}
	for _, f := range []string{"bash-completion/completions/tcvpc", "zsh/site-functions/_tcvpc", "fish/vendor_completions.d/tcvpc.fish"} {
		b, _ := os.ReadFile(filepath.Join(dest, "usr", "share", f))
		src := map[string]string{"bash-completion/completions/tcvpc": "tcvpc.bash", "zsh/site-functions/_tcvpc": "_tcvpc",
			"fish/vendor_completions.d/tcvpc.fish": "tcvpc.fish"}[f]
		if c, _ := os.ReadFile(filepath.Join("..", "completions", src)); len(b) == 0 || string(b) != string(c) {
			t.Errorf("/usr/share/%s is not completions/%s", f, src)
		}
	}

	if _, err := exec.LookPath("man"); err != nil {
		if os.Getenv("TCVPC_REQUIRE_TOOLS") == "1" {
			t.Fatal("man is not installed (.ci/run installs man-db)")
		}
		t.Log("man is not installed: the rendering of a page is not checked (.ci/run installs man-db)")
	} else {
		page := filepath.Join(dest, "usr", "share", "man", "man1", "tcvpc-vpc-create.1")
		cmd := exec.Command("man", "-P", "cat", "-l", page)
		cmd.Env = append(os.Environ(), "MANWIDTH=80", "LC_ALL=C.UTF-8")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("man -l %s: %v", page, err)
		}
		for _, s := range []string{"NAME", "tcvpc-vpc-create - ", "SYNOPSIS", "tcvpc vpc create [flags]", "--cidr-block"} {
			if !strings.Contains(string(out), s) {
				t.Errorf("man -l tcvpc-vpc-create.1 lacks %q:\n%s", s, out)
			}
		}
	}

	makeIn("uninstall")
	if left := installed(t, dest); len(left) != 0 {
		t.Errorf("left after make uninstall: %v", left)
	}
}

// installed lists the files under root (relative, slash-separated) with
// their permission bits.
func installed(t *testing.T, root string) map[string]fs.FileMode {
	t.Helper()
	out := map[string]fs.FileMode{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = info.Mode().Perm()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
