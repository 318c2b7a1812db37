package e2e

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/internal/ptytest"
)

// onTerminal runs tcvpc with a pseudo-terminal as its controlling
// terminal, answers each prompt in turn (waiting for its text), then
// types Ctrl-C at the last one; it returns the exit code.
func onTerminal(t *testing.T, env []string, answers [][2]string, ctrlCAt string, args ...string) (int, string) {
	t.Helper()
	ctl, tty, err := ptytest.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ctl.Close()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	var mu sync.Mutex
	var seen bytes.Buffer
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ctl.Read(buf)
			mu.Lock()
			seen.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	waitFor := func(text string) {
		deadline := time.Now().Add(10 * time.Second)
		for {
			mu.Lock()
			ok := strings.Contains(seen.String(), text)
			mu.Unlock()
			if ok {
				return
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("no prompt %q; the terminal shows %q", text, seen.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	for _, a := range answers {
		waitFor(a[0])
		ctl.Write([]byte(a[1] + "\r"))
	}
	waitFor(ctrlCAt)
	ctl.Write([]byte{3})
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("tcvpc did not end after Ctrl-C; the terminal shows %q", seen.String())
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), seen.String()
	}
	return 0, seen.String()
}

// Ctrl-C at a configure prompt or at a confirmation exits 130 at once and
// leaves the profile files as they were.
func TestCtrlCAtPromptsChangesNothing(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, ".tcvpc")
	os.MkdirAll(dir, 0o700)
	files := map[string]string{
		"config.toml":      "[default]\nregion = 'ap-shanghai'\n",
		"credentials.toml": "[default]\nsecret-id = 'AKIDbefore'\nsecret-key = 'before'\n",
	}
	for name, text := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600)
	}
	env := []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "TERM=dumb"}
	check := func(what string, code int, screen string) {
		t.Helper()
		if code != 130 {
			t.Errorf("%s: exit %d, want 130; the terminal shows %q", what, code, screen)
		}
		for name, text := range files {
			if b, _ := os.ReadFile(filepath.Join(dir, name)); string(b) != text {
				t.Errorf("%s changed %s: %q", what, name, b)
			}
		}
	}
	code, screen := onTerminal(t, env, nil, "SecretId [", "configure")
	check("Ctrl-C at the SecretId prompt", code, screen)
	code, screen = onTerminal(t, env, [][2]string{{"SecretId [", "AKIDnew"}, {"SecretKey [", "newkey"}}, "region", "configure")
	check("Ctrl-C at the region prompt after two answers", code, screen)
	code, screen = onTerminal(t, append(env, "TCVPC_ENDPOINT=http://127.0.0.1:1"), nil, "? [y/N]", "vpc", "delete", "vpc-abcd1234")
	check("Ctrl-C at a confirmation", code, screen)
}
