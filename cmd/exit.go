package cmd

import (
	"context"
	"errors"
	"fmt"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/wait"
)

// Exit codes, documented in `tcvpc help exit-codes` and README.
const (
	ExitOK          = 0
	ExitAPI         = 1
	ExitUsage       = 2
	ExitCredentials = 3
	ExitNetwork     = 4
	ExitWait        = 5
	ExitInterrupted = 130
)

// UsageError is bad input caught before any request is sent.
type UsageError struct{ msg string }

func (e *UsageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &UsageError{msg: fmt.Sprintf(format, args...)}
}

// credentialsError is missing or unusable credentials found locally.
type credentialsError struct{ err error }

func (e *credentialsError) Error() string { return e.err.Error() }
func (e *credentialsError) Unwrap() error { return e.err }

// interruptedError carries what to tell the user after Ctrl-C.
type interruptedError struct{ hint string }

func (e *interruptedError) Error() string { return e.hint }

// exitCode is the one place errors become exit codes.
func exitCode(err error) int {
	var (
		usage   *UsageError
		apiErr  *api.Error
		netErr  *api.NetworkError
		credErr *credentialsError
		timeout *wait.TimeoutError
		failed  *wait.FailedError
		intr    *interruptedError
		unknown *api.UnknownOutcomeError
	)
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &intr), errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.As(err, &usage):
		return ExitUsage
	case errors.As(err, &unknown):
		return ExitNetwork
	case errors.As(err, &credErr), errors.Is(err, api.ErrNoCredentials):
		return ExitCredentials
	case errors.As(err, &apiErr):
		if apiErr.IsAuth() {
			return ExitCredentials
		}
		return ExitAPI
	case errors.As(err, &netErr):
		return ExitNetwork
	case errors.As(err, &timeout), errors.As(err, &failed):
		return ExitWait
	}
	return ExitAPI
}
