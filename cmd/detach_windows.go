//go:build windows

package cmd

import (
	"os"
	"syscall"
)

// detachedAttr starts the background emulator without the console and in
// a process group of its own, so that Ctrl-C there does not reach it.
func detachedAttr() *syscall.SysProcAttr {
	const detachedProcess, newProcessGroup = 0x00000008, 0x00000200
	return &syscall.SysProcAttr{CreationFlags: detachedProcess | newProcessGroup}
}

// releaseStdout closes the pipe the starting process reads once the
// banner is out, so that it sees the end of the banner and returns.
func releaseStdout(string) error { return os.Stdout.Close() }
