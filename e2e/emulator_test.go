package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEmulatorStateStartup: a state file that cannot be used is a usage
// error at start, exit 2, naming the flag.
func TestEmulatorStateStartup(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := writeFile(bad, "not json"); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{filepath.Join(t.TempDir(), "missing", "x.json"), bad} {
		out, err := exec.Command(bin, "emulator", "--state", path).CombinedOutput()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 2 || !strings.HasPrefix(string(out), "Error: --state "+path+": ") {
			t.Fatalf("--state %s: %v\n%s", path, err, out)
		}
	}
}

// TestEmulatorRegions: what one region holds, another does not show, in
// either style; an unknown region is an API error.
func TestEmulatorRegions(t *testing.T) {
	c := startEmulator(t)
	id := c.text("vpc", "create", "--name", "gz", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId")
	if got := c.text("vpc", "list", "--query", "VpcSet[].VpcId"); got != id {
		t.Fatalf("ap-guangzhou lists %q, want %s", got, id)
	}
	for _, args := range [][]string{{"--region", "ap-shanghai"}, {"--region", "ap-shanghai", "--legacy"}} {
		if got := c.ok(append([]string{"vpc", "list", "-o", "json"}, args...)...); strings.Contains(got, id) {
			t.Fatalf("vpc list %v shows the ap-guangzhou VPC:\n%s", args, got)
		}
	}
	r := c.run("vpc", "list", "--region", "ap-nowhere")
	if r.code != 1 || !strings.Contains(r.stderr, "UnsupportedRegion") {
		t.Fatalf("unknown region: exit %d\n%s", r.code, r.stderr)
	}
}

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o600) }

// TestEmulatorTLS: tcvpc trusts the emulator's CA through the exported
// TCVPC_CA_FILE, and refuses it without; --ca-file does the same.
func TestEmulatorTLS(t *testing.T) {
	c := startEmulator(t, "--tls", "--state", filepath.Join(t.TempDir(), "cloud.json"))
	var ca, endpoint string
	for _, kv := range c.env {
		if v, ok := strings.CutPrefix(kv, "TCVPC_CA_FILE="); ok {
			ca = v
		}
		if v, ok := strings.CutPrefix(kv, "TCVPC_ENDPOINT="); ok {
			endpoint = v
		}
	}
	if !strings.HasPrefix(endpoint, "https://") || filepath.Base(ca) != "tcvpc-emulator-ca.pem" {
		t.Fatalf("exports: %v", c.env)
	}
	id := c.text("vpc", "create", "--name", "tls", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId")
	if got := c.text("vpc", "list", "--legacy", "--query", "data[].vpcId"); got != id {
		t.Fatalf("legacy over https lists %q, want %s", got, id)
	}
	var plain []string
	for _, kv := range c.env {
		if !strings.HasPrefix(kv, "TCVPC_CA_FILE=") && !strings.HasPrefix(kv, "SSL_CERT_FILE=") {
			plain = append(plain, kv)
		}
	}
	c.env = plain
	if r := c.run("vpc", "list"); r.code != 4 || !strings.Contains(r.stderr, "certificate") {
		t.Fatalf("without the CA: exit %d\n%s", r.code, r.stderr)
	}
	if got := c.text("--ca-file", ca, "vpc", "list", "--query", "VpcSet[].VpcId"); got != id {
		t.Fatalf("--ca-file: %q", got)
	}
	if r := c.run("--ca-file", "/nonexistent.pem", "vpc", "list"); r.code != 2 || !strings.Contains(r.stderr, "--ca-file") {
		t.Fatalf("missing --ca-file: exit %d\n%s", r.code, r.stderr)
	}
}

// TestEmulatorBackground runs the help's own example: the eval returns, the
// emulator answers, and the PID it exported stops it.
func TestEmulatorBackground(t *testing.T) {
	script := `set -e
eval "$(tcvpc emulator --background | sed -n '/^export /p')"
tcvpc vpc create --name bg --cidr-block 10.0.0.0/16 -o text --query Vpc.VpcId >/dev/null
tcvpc vpc list -o text --query 'VpcSet[].VpcName'
kill "$TCVPC_EMULATOR_PID"
`
	cmd := exec.Command("sh", "-c", script)
	cmd.Env = []string{"PATH=" + filepath.Dir(bin) + ":" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	done := make(chan struct{})
	var out []byte
	var err error
	go func() { out, err = cmd.CombinedOutput(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the example did not return")
	}
	if err != nil || strings.TrimSpace(string(out)) != "bg" {
		t.Fatalf("example: %v\n%s", err, out)
	}
}
