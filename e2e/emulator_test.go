package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
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
