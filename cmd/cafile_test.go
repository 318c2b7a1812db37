package cmd

import (
	"encoding/pem"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// tlsServer serves srv's scripted replies over https with a certificate of
// httptest's own CA, written to the returned PEM file.
func tlsServer(t *testing.T, srv *testserver.Server) (url, caFile string) {
	t.Helper()
	ts := httptest.NewTLSServer(srv.Config.Handler)
	t.Cleanup(ts.Close)
	caFile = filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ts.Certificate().Raw}), 0o644); err != nil {
		t.Fatal(err)
	}
	return ts.URL, caFile
}

const vpcsReply = `"TotalCount":0,"VpcSet":[]`

// TestCAFile: --ca-file, TCVPC_CA_FILE and the profile's ca-file each make
// a private CA trusted; without one the certificate is refused at once
// (no retries) with a hint, exit 4.
func TestCAFile(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(vpcsReply), testserver.V3OK(vpcsReply), testserver.V3OK(vpcsReply))
	url, ca := tlsServer(t, srv)
	env := envFor(srv)
	env["TCVPC_ENDPOINT"] = url
	r := run{env: env, home: t.TempDir()}
	want := "{\n  \"RequestId\": \"74883e1b-5901-46de-ae1e-d6e2cf591c5b\",\n  \"TotalCount\": 0,\n  \"VpcSet\": []\n}\n"

	r.exec(t, "api", "DescribeVpcs", "--ca-file", ca, "-o", "json").expect(t, 0, want, "")
	env["TCVPC_CA_FILE"] = ca
	r.exec(t, "api", "DescribeVpcs", "-o", "json").expect(t, 0, want, "")
	delete(env, "TCVPC_CA_FILE")
	r.exec(t, "configure", "set", "ca-file", ca).expect(t, 0, "", "")
	r.exec(t, "api", "DescribeVpcs", "-o", "json").expect(t, 0, want, "")
	r.exec(t, "configure", "unset", "ca-file").expect(t, 0, "", "")
	if n := len(srv.Calls()); n != 3 {
		t.Fatalf("%d calls", n)
	}

	// Untrusted: one attempt although reads are retried, and the way out.
	r.exec(t, "api", "DescribeVpcs").expect(t, 4, "", "Error: network error after 1 attempt(s): Post \""+url+"/\": tls: failed to verify certificate: x509: certificate signed by unknown authority (to trust a private CA such as the emulator's, pass its certificate with --ca-file FILE or TCVPC_CA_FILE)\n")
	if n := len(srv.Calls()); n != 3 {
		t.Fatalf("%d calls", n)
	}
}

// TestCAFileInvalid: a CA file that cannot be used is a usage error naming
// the flag and where the value came from, and nothing is sent.
func TestCAFileInvalid(t *testing.T) {
	srv := testserver.New(t)
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "key.txt")
	if err := os.WriteFile(notPEM, []byte("not a certificate\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badCert := filepath.Join(dir, "bad.pem")
	if err := os.WriteFile(badCert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte("junk")}), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.pem")
	env := envFor(srv)
	r := run{env: env}
	const form = "expected a readable PEM file of CA certificates: "

	r.exec(t, "vpc", "list", "--ca-file", missing).expect(t, 2, "",
		"Error: invalid value \""+missing+"\" for --ca-file: "+form+"open "+missing+": no such file or directory\n")
	r.exec(t, "vpc", "list", "--ca-file", dir).expect(t, 2, "",
		"Error: invalid value \""+dir+"\" for --ca-file: "+form+dir+" is not a regular file\n")
	r.exec(t, "vpc", "list", "--ca-file", badCert).expect(t, 2, "",
		"Error: invalid value \""+badCert+"\" for --ca-file: "+form+badCert+": certificate 1: x509: malformed certificate\n")
	r.exec(t, "vpc", "list", "--dry-run", "--ca-file", missing).expect(t, 2, "",
		"Error: invalid value \""+missing+"\" for --ca-file: "+form+"open "+missing+": no such file or directory\n")
	env["TCVPC_CA_FILE"] = notPEM
	r.exec(t, "vpc", "list").expect(t, 2, "",
		"Error: invalid value \""+notPEM+"\" for --ca-file: "+form+notPEM+" holds no PEM certificate (-----BEGIN CERTIFICATE-----) (value from env TCVPC_CA_FILE)\n")
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent", n)
	}
}

// TestConfigureSetCAFile: the profile key is checked when set, and kept as
// an absolute path so that it works from any directory.
func TestConfigureSetCAFile(t *testing.T) {
	srv := testserver.New(t)
	_, ca := tlsServer(t, srv)
	r := run{home: t.TempDir()}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(wd, ca)
	if err != nil {
		t.Fatal(err)
	}
	r.exec(t, "configure", "set", "ca-file", rel).expect(t, 0, "", "")
	r.exec(t, "configure", "get", "ca-file").expect(t, 0, ca+"\n", "")
	missing := filepath.Join(filepath.Dir(ca), "nope.pem")
	r.exec(t, "configure", "set", "ca-file", missing).expect(t, 2, "",
		"Error: invalid value \""+missing+"\" for ca-file: expected a readable PEM file of CA certificates: open "+missing+": no such file or directory\n")
	r.exec(t, "configure", "get", "ca-file").expect(t, 0, ca+"\n", "")
}
