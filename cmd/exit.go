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

// errorCode is the code of err in the machine-readable error object: the
// service's own code for its answers, one of ours for everything else.
func errorCode(err error) string {
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
	case errors.As(err, &intr), errors.Is(err, context.Canceled):
		return "Interrupted"
	case errors.As(err, &usage):
		return "UsageError"
	case errors.As(err, &unknown):
		return "UnknownOutcome"
	case errors.As(err, &credErr), errors.Is(err, api.ErrNoCredentials):
		return "NoCredentials"
	case errors.As(err, &apiErr):
		if apiErr.Code == "" {
			return "HTTPError"
		}
		return apiErr.Code
	case errors.As(err, &netErr):
		return "NetworkError"
	case errors.As(err, &timeout):
		return "WaitTimeout"
	case errors.As(err, &failed):
		return "TaskFailed"
	}
	return "Error"
}

// errorObject is an error in the API 3.0 error shape, plus the exit code,
// for scripts that read -o json|yaml.
type errorObject struct {
	Error struct {
		Code     string `json:"Code" yaml:"Code"`
		CodeDesc string `json:"CodeDesc,omitempty" yaml:"CodeDesc,omitempty"`
		Message  string `json:"Message" yaml:"Message"`
	} `json:"Error" yaml:"Error"`
	RequestId string `json:"RequestId" yaml:"RequestId"`
	ExitCode  int    `json:"ExitCode" yaml:"ExitCode"`
}

func newErrorObject(err error, msg string, code int) errorObject {
	var o errorObject
	o.Error.Code, o.Error.Message, o.ExitCode = errorCode(err), msg, code
	var apiErr *api.Error
	if errors.As(err, &apiErr) {
		o.RequestId = apiErr.RequestID
		o.Error.CodeDesc = apiErr.CodeDesc
		var unknown *api.UnknownOutcomeError
		if !errors.As(err, &unknown) {
			// The message as the service gave it; the code is its own field.
			o.Error.Message = apiErr.Message
			if o.Error.Message == "" {
				o.Error.Message = msg
			}
		}
	}
	return o
}
