package cmd

import (
	"crypto/x509"

	"github.com/tcvpc/tcvpc/internal/trust"
	"github.com/tcvpc/tcvpc/pkg/config"
)

// caFileRoots loads --ca-file (TCVPC_CA_FILE, the profile's ca-file) when
// the client sends its first request, not before: a command that sends
// nothing does not pay for reading it or the system's authorities. A bad
// file is a usage error naming where the value came from.
func caFileRoots(v config.Value) func() (*x509.CertPool, error) {
	if v.Value == "" {
		return nil
	}
	return func() (*x509.CertPool, error) {
		pool, err := trust.Pool(v.Value)
		if err != nil {
			return nil, usageFrom(errorf("invalid value %q for --ca-file: expected a readable PEM file of CA certificates: %v", v.Value, err), config.KeyCAFile, v)
		}
		return pool, nil
	}
}
