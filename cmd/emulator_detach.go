package cmd

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// envDetached marks the emulator process --background starts; its value
// is the log file that process writes to.
const envDetached = "TCVPC_EMULATOR_DETACHED"

// detachEmulator starts the emulator again as a process of its own (a new
// session; stdin, stdout and stderr not the caller's) and waits for its
// banner, which ends when that process closes its stdout: once it
// listens, or when it exits. The banner goes to out as lines a shell can
// eval (all but the exports as comments), and it returns, so that
// eval "$(tcvpc emulator --background)" returns and leaves it running.
// If the emulator could not start, its error and exit status are ours.
func detachEmulator(ctx context.Context, args []string, out io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	var child []string
	for _, a := range args {
		if a != "--background" && !strings.HasPrefix(a, "--background=") {
			child = append(child, a)
		}
	}
	logf, err := os.CreateTemp("", "tcvpc-emulator-*.log")
	if err != nil {
		return err
	}
	defer logf.Close()
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	defer r.Close()
	c := exec.Command(exe, child...)
	c.Stdout, c.Stderr = w, logf
	c.Env = append(os.Environ(), envDetached+"="+logf.Name())
	c.SysProcAttr = detachedAttr()
	err = c.Start()
	w.Close()
	if err != nil {
		os.Remove(logf.Name())
		return err
	}
	read := make(chan []string, 1)
	go func() {
		var lines []string
		for sc := bufio.NewScanner(r); sc.Scan(); {
			lines = append(lines, sc.Text())
		}
		read <- lines
	}()
	var banner []string
	select {
	case banner = <-read:
	case <-ctx.Done():
		c.Process.Kill()
		c.Wait()
		os.Remove(logf.Name())
		return ctx.Err()
	}
	if len(banner) > 0 && strings.HasPrefix(banner[0], "listening ") {
		var b strings.Builder
		for _, line := range banner {
			if !strings.HasPrefix(line, "export ") && !strings.HasPrefix(line, "#") {
				line = "# " + line
			}
			b.WriteString(line + "\n")
		}
		fmt.Fprintf(&b, "# runs in the background, log %s; stop it with: kill $TCVPC_EMULATOR_PID\n", logf.Name())
		io.WriteString(out, b.String())
		return c.Process.Release()
	}
	// It stopped before listening: its error, from its log, and its status.
	_ = c.Wait()
	msg, _ := os.ReadFile(logf.Name())
	os.Remove(logf.Name())
	text := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(string(msg)), "Error: "))
	if c.ProcessState != nil && c.ProcessState.ExitCode() == ExitUsage {
		return usagef("%s", text)
	}
	return fmt.Errorf("the emulator did not start: %s", text)
}

// detachedChild prepares the emulator started by --background: it names
// its PID among the exports, and once its banner is out it lets go of the
// pipe it was written to. done, called at exit, removes the log when the
// emulator stopped cleanly (its errors stay there to be read).
func detachedChild(logPath string) (pid int, ready func(), done func(error)) {
	ready = func() { _ = releaseStdout(logPath) }
	done = func(err error) {
		if err == nil {
			os.Remove(logPath)
		}
	}
	return os.Getpid(), ready, done
}
