//go:build !unix && !windows

package cmd

import (
	"os"
	"syscall"
)

func detachedAttr() *syscall.SysProcAttr { return nil }

func releaseStdout(string) error { return os.Stdout.Close() }
