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
	ExitCancelled   = 6 // "no" at a confirmation prompt
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
	code, _ := classify(err)
	return code
}

// errorCode is the code of err in the machine-readable error object: the
// service's own code for its answers, one of ours for everything else.
func errorCode(err error) string {
	_, name := classify(err)
	return name
}

func classify(err error) (int, string) {
	var (
		usage   *UsageError
		apiErr  *api.Error
		netErr  *api.NetworkError
		credErr *credentialsError
		timeout *wait.TimeoutError
		failed  *wait.FailedError
		intr    *interruptedError
		unknown *api.UnknownOutcomeError
		batch   *batchFailedError
	)
	switch {
	case err == nil:
		return ExitOK, ""
	case errors.As(err, &intr), errors.Is(err, context.Canceled):
		return ExitInterrupted, "Interrupted"
	case errors.As(err, &usage):
		return ExitUsage, "UsageError"
	case errors.As(err, &unknown):
		return ExitNetwork, "UnknownOutcome"
	case errors.As(err, &credErr), errors.Is(err, api.ErrNoCredentials):
		return ExitCredentials, "NoCredentials"
	case errors.As(err, &apiErr):
		name := apiErr.Code
		if name == "" {
			name = "HTTPError"
		}
		if apiErr.IsAuth() {
			return ExitCredentials, name
		}
		return ExitAPI, name
	case errors.As(err, &netErr):
		return ExitNetwork, "NetworkError"
	case errors.As(err, &batch):
		return ExitAPI, "BatchFailed"
	case errors.As(err, &timeout):
		return ExitWait, "WaitTimeout"
	case errors.As(err, &failed):
		return ExitWait, "TaskFailed"
	}
	return ExitAPI, "Error"
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
