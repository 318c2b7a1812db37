package e2e

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeCA writes a self-signed CA certificate to path, for settings that
// must name one.
func writeCA(t *testing.T, path string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
}

func exported(env []string, name string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, name+"="); ok {
			return v
		}
	}
	return ""
}

func without(env []string, names ...string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		keep := true
		for _, n := range names {
			keep = keep && name != n
		}
		if keep {
			out = append(out, kv)
		}
	}
	return out
}

// TestEmulatorTLS: tcvpc trusts the emulator's CA through the exported
// TCVPC_CA_FILE or --ca-file, refuses the server without it (exit 4, the
// certificate named, no retries), and a restart on the same --state keeps
// both the cloud and the CA.
func TestEmulatorTLS(t *testing.T) {
	state := filepath.Join(t.TempDir(), "cloud.json")
	c := startEmulator(t, "--tls", "--state", state)
	ca, endpoint := exported(c.env, "TCVPC_CA_FILE"), exported(c.env, "TCVPC_ENDPOINT")
	if !strings.HasPrefix(endpoint, "https://127.0.0.1:") || ca != filepath.Join(state+".tls", "ca.pem") ||
		exported(c.env, "SSL_CERT_FILE") != ca || exported(c.env, "REQUESTS_CA_BUNDLE") != ca {
		t.Fatalf("exports: %v", c.env)
	}
	id := c.text("vpc", "create", "--name", "tls", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId")
	if got := c.text("vpc", "list", "--legacy", "--query", "data[].vpcId"); got != id {
		t.Fatalf("legacy over https lists %q, want %s", got, id)
	}

	trusting := c.env
	c.env = without(trusting, "TCVPC_CA_FILE", "SSL_CERT_FILE")
	r := c.run("vpc", "list")
	want := "Error: network error after 1 attempt(s): Post \"" + endpoint + "/\": tls: failed to verify certificate: x509: certificate signed by unknown authority (to trust a private CA such as the emulator's, pass its certificate with --ca-file FILE or TCVPC_CA_FILE)\n"
	if r.code != 4 || r.stdout != "" || r.stderr != want {
		t.Fatalf("without the CA: exit %d\n%q\nwant\n%q", r.code, r.stderr, want)
	}
	if got := c.text("--ca-file", ca, "vpc", "list", "--query", "VpcSet[].VpcId"); got != id {
		t.Fatalf("--ca-file: %q", got)
	}
	r = c.run("--ca-file", "/nonexistent.pem", "vpc", "list")
	if want := "Error: invalid value \"/nonexistent.pem\" for --ca-file: expected a readable PEM file of CA certificates: open /nonexistent.pem: no such file or directory\n"; r.code != 2 || r.stderr != want {
		t.Fatalf("missing --ca-file: exit %d\n%s", r.code, r.stderr)
	}
	before, err := os.ReadFile(ca)
	if err != nil {
		t.Fatal(err)
	}
	c.stop()

	// Restarted on the same state: the CA the client trusts is the same.
	again := startEmulator(t, "--tls", "--state", state)
	after, _ := os.ReadFile(ca)
	if !bytes.Equal(before, after) {
		t.Fatal("the CA changed on restart")
	}
	again.env = append(without(again.env, "TCVPC_CA_FILE", "SSL_CERT_FILE"), "TCVPC_CA_FILE="+ca)
	if got := again.text("vpc", "list", "--query", "VpcSet[].VpcId"); got != id {
		t.Fatalf("after restart: %q", got)
	}
}

// sh runs a shell script with the built tcvpc first on PATH, failing the
// test if it does not return within a bound.
func sh(t *testing.T, script string) (string, error) {
	t.Helper()
	cmd := exec.Command("sh", "-c", script)
	cmd.Dir = t.TempDir()
	cmd.Env = []string{"PATH=" + filepath.Dir(bin) + ":" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "TMPDIR=" + t.TempDir()}
	done := make(chan struct{})
	var out []byte
	var err error
	go func() { out, err = cmd.CombinedOutput(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("the script did not return:\n%s", script)
	}
	return string(out), err
}

// TestEmulatorBackground runs the help's examples: each eval returns, the
// emulator answers, and the PID it exported stops it, removing its log and
// its temporary certificates.
func TestEmulatorBackground(t *testing.T) {
	out, err := sh(t, `set -e
eval "$(tcvpc emulator --background | sed -n '/^export /p')"
tcvpc vpc create --name bg --cidr-block 10.0.0.0/16 -o text --query Vpc.VpcId >/dev/null
tcvpc vpc list -o text --query 'VpcSet[].VpcName'
kill "$TCVPC_EMULATOR_PID"
`)
	if err != nil || out != "bg\n" {
		t.Fatalf("example: %v\n%s", err, out)
	}

	// The whole output is shell: eval needs no filter. With --tls the CA
	// comes with it.
	out, err = sh(t, `set -e
eval "$(tcvpc emulator --background --tls)"
case "$TCVPC_ENDPOINT" in https://*) ;; *) echo "endpoint $TCVPC_ENDPOINT"; exit 1;; esac
tcvpc vpc create --name tls --cidr-block 10.1.0.0/16 -o text --query Vpc.VpcName
ls "$TMPDIR" | sed 's/[0-9]*$//; s/[0-9]*\.log$/N.log/'
kill "$TCVPC_EMULATOR_PID"
for i in $(seq 100); do kill -0 "$TCVPC_EMULATOR_PID" 2>/dev/null || break; sleep 0.05; done
ls "$TMPDIR"
echo end
`)
	if want := "tls\ntcvpc-emulator-N.log\ntcvpc-emulator-tls-\nend\n"; err != nil || out != want {
		t.Fatalf("eval with --tls: %v\n%s\nwant\n%s", err, out, want)
	}

	// One that cannot start says why, with its exit status.
	out, err = sh(t, `tcvpc emulator --background --state /nonexistent/x.json; echo "exit $?"`)
	if want := "Error: --state /nonexistent/x.json: the directory /nonexistent does not exist\nexit 2\n"; err != nil || out != want {
		t.Fatalf("bad --state: %v\n%q", err, out)
	}
}
