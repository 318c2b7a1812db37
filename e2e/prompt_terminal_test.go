//go:build linux

package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/internal/ptytest"
	"golang.org/x/sys/unix"
)

// terminal is tcvpc running with a pseudo-terminal as its controlling
// terminal and its three streams, as in a person's shell: a Ctrl-C typed
// there is the terminal's SIGINT to the process group.
type terminal struct {
	t        *testing.T
	ctl, tty *os.File
	cmd      *exec.Cmd
	mu       sync.Mutex
	seen     bytes.Buffer
	more     chan struct{}
	done     chan struct{}
}

func startTerminal(t *testing.T, env []string, args ...string) *terminal {
	t.Helper()
	ctl, tty, err := ptytest.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal on this machine: %v", err)
	}
	p := &terminal{t: t, ctl: ctl, tty: tty, more: make(chan struct{}, 1), done: make(chan struct{})}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Env = env
	p.cmd.Stdin, p.cmd.Stdout, p.cmd.Stderr = tty, tty, tty
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(p.done)
		buf := make([]byte, 4096)
		for {
			n, err := ctl.Read(buf)
			p.mu.Lock()
			p.seen.Write(buf[:n])
			p.mu.Unlock()
			select {
			case p.more <- struct{}{}:
			default:
			}
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		ctl.Close()
		tty.Close()
	})
	return p
}

func (p *terminal) screen() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.seen.String()
}

// waitFor returns once the terminal has shown s.
func (p *terminal) waitFor(s string) {
	p.t.Helper()
	deadline := time.After(10 * time.Second)
	for !strings.Contains(p.screen(), s) {
		select {
		case <-p.more:
		case <-deadline:
			p.t.Fatalf("terminal never showed %q; it shows:\n%s", s, p.screen())
		}
	}
}

func (p *terminal) typeIn(s string) {
	p.t.Helper()
	if _, err := p.ctl.Write([]byte(s)); err != nil {
		p.t.Fatal(err)
	}
}

// exit waits for tcvpc to end and returns its exit code.
func (p *terminal) exit() int {
	p.t.Helper()
	exited := make(chan error, 1)
	go func() { exited <- p.cmd.Wait() }()
	select {
	case err := <-exited:
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		if err != nil {
			p.t.Fatal(err)
		}
		return 0
	case <-time.After(10 * time.Second):
		p.t.Fatalf("tcvpc did not exit; the terminal shows:\n%s", p.screen())
	}
	return -1
}

// echoOn reports whether the terminal echoes what is typed.
func (p *terminal) echoOn() bool {
	tio, err := unix.IoctlGetTermios(int(p.tty.Fd()), unix.TCGETS)
	if err != nil {
		p.t.Fatal(err)
	}
	return tio.Lflag&unix.ECHO != 0
}

// files reads every file under dir, for comparing before and after.
func snapshotFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(path)
			out[path] = string(b)
		}
		return nil
	})
	return out
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// A secret is not echoed, even typed right after its prompt; Ctrl-C at a
// secret prompt exits 130 with the terminal's echo back on; Ctrl-C after
// three answers writes none of them.
func TestSecretPromptsKeepTheTerminal(t *testing.T) {
	home := t.TempDir()
	env := []string{"HOME=" + home, "PATH=/usr/bin:/bin", "TERM=xterm"}
	run := func(args ...string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	run("configure", "set", "region", "ap-beijing")
	run("configure", "set", "secret-id", "AKIDbefore0001")
	before := snapshotFiles(t, home)

	// At the first prompt, a secret one.
	p := startTerminal(t, env, "configure")
	p.waitFor("SecretId [****0001]: ")
	p.typeIn("\x03")
	if code := p.exit(); code != 130 {
		t.Fatalf("exit %d; the terminal shows:\n%s", code, p.screen())
	}
	if !p.echoOn() {
		t.Fatal("the terminal was left without echo")
	}
	p.waitFor("Error: interrupted")

	// At the last prompt, after three answers.
	p = startTerminal(t, env, "configure")
	p.waitFor("SecretId [****0001]: ")
	p.typeIn("AKIDafter0002\r")
	p.waitFor("SecretKey []: ")
	p.typeIn("keyafter0003\r")
	p.waitFor("Default region (e.g. ap-guangzhou) [ap-beijing]: ")
	p.typeIn("ap-chengdu\r")
	p.waitFor("Default output")
	p.typeIn("\x03")
	if code := p.exit(); code != 130 {
		t.Fatalf("exit %d; the terminal shows:\n%s", code, p.screen())
	}
	if strings.Contains(p.screen(), "AKIDafter0002") || strings.Contains(p.screen(), "keyafter0003") {
		t.Fatalf("a secret was echoed:\n%s", p.screen())
	}
	if after := snapshotFiles(t, home); !sameFiles(before, after) {
		t.Fatalf("files changed by an interrupted configure:\nbefore %v\nafter  %v", before, after)
	}
}

// Ctrl-C at a confirmation exits 130 at once; answering no exits 6 with
// "Cancelled: nothing was changed."; neither sends the write.
func TestConfirmationAnswersOnTerminal(t *testing.T) {
	c := startEmulator(t)
	vpc := c.text("vpc", "create", "--name", "keep", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId")
	env := append(c.env, "TERM=xterm")

	p := startTerminal(t, env, "vpc", "delete", vpc)
	p.waitFor("? [y/N] ")
	p.typeIn("\x03")
	if code := p.exit(); code != 130 {
		t.Fatalf("Ctrl-C: exit %d; the terminal shows:\n%s", code, p.screen())
	}

	p = startTerminal(t, env, "vpc", "delete", vpc)
	p.waitFor("? [y/N] ")
	p.typeIn("n\r")
	if code := p.exit(); code != 6 {
		t.Fatalf("no: exit %d; the terminal shows:\n%s", code, p.screen())
	}
	p.waitFor("Cancelled: nothing was changed.")
	if strings.Contains(p.screen(), "Error") {
		t.Fatalf("cancelling is not an error:\n%s", p.screen())
	}
	if got := c.text("vpc", "show", vpc, "--query", "VpcSet[0].VpcId"); got != vpc {
		t.Fatalf("vpc show after the cancelled deletes: %q", got)
	}
}
