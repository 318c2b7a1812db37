package api

import (
	"errors"
	"fmt"
	"strings"
)

// Error is an answer from the service that says the call failed: an API
// 3.0 Response.Error, a legacy non-zero code, or an HTTP error status with
// no envelope. It is the only error type for service-side failures.
type Error struct {
	Style      Style
	Code       string // "ResourceNotFound"; legacy: the public numeric code, "4100"
	CodeDesc   string // legacy only: the module code name, when the reply has one
	Message    string
	RequestID  string
	HTTPStatus int
}

func (e *Error) Error() string {
	var b strings.Builder
	code := e.Code
	if e.CodeDesc != "" && e.CodeDesc != e.Code {
		code += " " + e.CodeDesc
	}
	if code != "" {
		b.WriteString("[" + code + "] ")
	}
	msg := e.Message
	if msg == "" && e.HTTPStatus != 0 {
		msg = fmt.Sprintf("HTTP %d", e.HTTPStatus)
	}
	b.WriteString(msg)
	if e.RequestID != "" {
		b.WriteString(" (RequestId: " + e.RequestID + ")")
	}
	return b.String()
}

// IsAuth reports whether the service rejected the credentials or signature.
func (e *Error) IsAuth() bool {
	if strings.HasPrefix(e.Code, "AuthFailure") {
		return true
	}
	switch e.Code {
	case "4100", "4104", "4500":
		return e.Style == Legacy
	}
	return false
}

// Throttled reports whether the service refused the call before carrying
// it out because of its rate limit: such a call may always be sent again.
func (e *Error) Throttled() bool {
	return strings.HasPrefix(e.Code, "RequestLimitExceeded") || (e.Style == Legacy && e.Code == "4400")
}

// Internal reports whether the service failed on its side (an internal
// error, or an HTTP 5xx without an envelope): the call may or may not
// have been carried out.
func (e *Error) Internal() bool {
	return e.Code == "InternalError" || strings.HasPrefix(e.Code, "InternalError.") ||
		(e.Style == Legacy && e.Code == "6000") || (e.Code == "" && e.HTTPStatus >= 500)
}

// Retryable reports whether a read may be sent again after e: throttling
// and failures on the service's side.
func (e *Error) Retryable() bool { return e.Throttled() || e.Internal() }

// NetworkError is a failure to get any reply from the service after all
// permitted attempts.
type NetworkError struct {
	Attempts int
	Err      error
}

func (e *NetworkError) Error() string {
	return fmt.Sprintf("network error after %d attempt(s): %v", e.Attempts, e.Err)
}

func (e *NetworkError) Unwrap() error { return e.Err }

// ErrNoCredentials means no SecretId/SecretKey could be found anywhere.
var ErrNoCredentials = errors.New("no credentials: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or run `tcvpc configure`")

// UnknownOutcomeError is a write that reached the service and got back an
// answer that does not say whether it was carried out: an internal error,
// an HTTP 5xx, a dropped or timed-out reply. It is never sent again, since
// it could take effect twice.
type UnknownOutcomeError struct {
	Action string
	Err    error // the *Error, or the transport failure
	// Check is the command that shows whether the write happened; the
	// caller, who knows the commands, fills it in.
	Check string
}

func (e *UnknownOutcomeError) Error() string {
	var b strings.Builder
	b.WriteString(e.Action + ": ")
	var apiErr *Error
	if errors.As(e.Err, &apiErr) {
		b.WriteString(apiErr.Error())
	} else {
		b.WriteString("no reply: " + e.Err.Error())
	}
	b.WriteString("; the request may have been carried out")
	if e.Check != "" {
		b.WriteString("; check with: " + e.Check)
	} else {
		b.WriteString("; check before repeating it")
	}
	return b.String()
}

func (e *UnknownOutcomeError) Unwrap() error { return e.Err }
