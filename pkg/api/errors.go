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

// Retryable reports whether the service said the call did not happen and
// may be sent again: throttling and internal errors.
func (e *Error) Retryable() bool {
	switch {
	case strings.HasPrefix(e.Code, "RequestLimitExceeded"), e.Code == "InternalError":
		return true
	case e.Style == Legacy && (e.Code == "4400" || e.Code == "6000"):
		return true
	}
	return false
}

// NetworkError is a failure to get any reply from the service after all
// permitted attempts.
type NetworkError struct {
	Attempts int
	// Sent is true when a write may have reached the service before the
	// failure, so it was not retried and its effect is unknown.
	Sent bool
	Err  error
}

func (e *NetworkError) Error() string {
	s := fmt.Sprintf("network error after %d attempt(s): %v", e.Attempts, e.Err)
	if e.Sent {
		s += " (the request may have been carried out; check before repeating it)"
	}
	return s
}

func (e *NetworkError) Unwrap() error { return e.Err }

// ErrNoCredentials means no SecretId/SecretKey could be found anywhere.
var ErrNoCredentials = errors.New("no credentials: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or run `tcvpc configure`")
