//go:build !unix

package cmd

import "syscall"

func detachedAttr() *syscall.SysProcAttr { return nil }
