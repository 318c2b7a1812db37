package api

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
	"sync"
)

// lazyHTTP builds the HTTP client at the first request, so that a command
// that sends none reads no certificate file.
type lazyHTTP struct {
	once sync.Once
	err  error
}

// prepare finishes the transport before the first request: with
// Config.RootCAs, https trusts the authorities it returns. Its error is
// returned as it is, never retried: nothing was sent.
func (c *Client) prepare() error {
	c.lazy.once.Do(func() {
		if c.cfg.RootCAs == nil {
			return
		}
		pool, err := c.cfg.RootCAs()
		if err != nil {
			c.lazy.err = err
			return
		}
		if c.cfg.Transport == nil {
			t := http.DefaultTransport.(*http.Transport).Clone()
			t.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
			c.http = &http.Client{Transport: certErrors{t}}
		}
	})
	return c.lazy.err
}

// certErrors marks a server certificate that does not verify: retrying
// cannot help, and the user needs to know which setting does.
type certErrors struct{ rt http.RoundTripper }

func (t certErrors) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.rt.RoundTrip(r)
	var ve *tls.CertificateVerificationError
	if err != nil && errors.As(err, &ve) {
		err = &CertificateError{Err: err}
	}
	return resp, err
}

// CertificateError is a server certificate that tcvpc does not trust.
type CertificateError struct{ Err error }

func (e *CertificateError) Error() string {
	msg := e.Err.Error()
	var unknown x509.UnknownAuthorityError
	if errors.As(e.Err, &unknown) {
		msg += " (to trust a private CA such as the emulator's, pass its certificate with --ca-file FILE or TCVPC_CA_FILE)"
	}
	return msg
}

func (e *CertificateError) Unwrap() error { return e.Err }

func isCertificateError(err error) bool {
	var ce *CertificateError
	return errors.As(err, &ce)
}
