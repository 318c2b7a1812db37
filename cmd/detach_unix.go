//go:build unix

package cmd

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// detachedAttr puts the background emulator in a session of its own, so
// that the terminal's hangup or Ctrl-C does not reach it.
func detachedAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setsid: true} }

// releaseStdout points the detached emulator's stdout at its log once the
// banner is out, which closes the pipe the starting process reads: it sees
// the end of the banner and returns. Dup2 replaces descriptor 1 in one
// step, so it never names another file in between.
func releaseStdout(logPath string) error {
	f, err := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Dup2(int(f.Fd()), 1)
}
