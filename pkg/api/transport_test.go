package api_test

import (
	"context"
	"crypto/x509"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
)

// TestRootCAsLazy: the authorities are asked for at the first request and
// only then; their failure is returned as it is, with nothing sent.
func TestRootCAsLazy(t *testing.T) {
	hits := 0
	ts := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		w.Write([]byte(`{"Response":{"RequestId":"r"}}`))
	}))
	defer ts.Close()
	calls := 0
	c := api.New(api.Config{
		SecretID: "AKIDx", SecretKey: "k", Region: "ap-guangzhou", Endpoint: ts.URL,
		RootCAs: func() (*x509.CertPool, error) {
			calls++
			pool := x509.NewCertPool()
			pool.AddCert(ts.Certificate())
			return pool, nil
		},
	})
	if calls != 0 {
		t.Fatal("RootCAs called by New")
	}
	for i := 0; i < 2; i++ {
		if _, err := c.Do(context.Background(), api.Request{Action: "DescribeVpcs", Style: api.V3}); err != nil {
			t.Fatal(err)
		}
	}
	if calls != 1 || hits != 2 {
		t.Fatalf("RootCAs called %d times, %d requests", calls, hits)
	}

	bad := errors.New("no such CA file")
	c = api.New(api.Config{
		SecretID: "AKIDx", SecretKey: "k", Region: "ap-guangzhou", Endpoint: ts.URL, MaxRetries: 3,
		RootCAs: func() (*x509.CertPool, error) { return nil, bad },
	})
	if _, err := c.Do(context.Background(), api.Request{Action: "DescribeVpcs", Style: api.V3}); err != bad {
		t.Fatalf("err %v", err)
	}
	if hits != 2 {
		t.Fatalf("%d requests", hits)
	}
}

// TestCertificateErrorNotRetried: an untrusted server is one attempt, not
// MaxRetries+1, and the error says so.
func TestCertificateErrorNotRetried(t *testing.T) {
	hits := 0
	ts := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++ }))
	defer ts.Close()
	c := api.New(api.Config{SecretID: "AKIDx", SecretKey: "k", Region: "ap-guangzhou", Endpoint: ts.URL, MaxRetries: 3})
	_, err := c.Do(context.Background(), api.Request{Action: "DescribeVpcs", Style: api.V3})
	var ne *api.NetworkError
	var ce *api.CertificateError
	var unknown x509.UnknownAuthorityError
	if !errors.As(err, &ne) || ne.Attempts != 1 || !errors.As(err, &ce) || !errors.As(err, &unknown) || hits != 0 {
		t.Fatalf("err %v (%d requests)", err, hits)
	}
}
