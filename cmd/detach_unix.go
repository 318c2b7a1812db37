//go:build unix

package cmd

import "syscall"

// detachedAttr puts the background emulator in a session of its own, so
// that the terminal's hangup or Ctrl-C does not reach it.
func detachedAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setsid: true} }
