package e2e

import (
	"path/filepath"
	"strings"
	"testing"
)

// The emulator carries a write out and then spoils its reply: tcvpc sends
// it once, exits 4 and names the command to check with; a fresh emulator
// over the saved state holds exactly one new VPC.
func TestWriteWithUnknownOutcomeIsSentOnce(t *testing.T) {
	for _, fault := range []string{"internal-after", "5xx-after", "drop-after"} {
		for _, legacy := range []bool{false, true} {
			state := filepath.Join(t.TempDir(), "state.json")
			args := []string{"vpc", "create", "--name", "once", "--cidr-block", "10.0.0.0/16", "--max-retries", "5"}
			count := []string{"vpc", "list", "-o", "text", "--query", "length(VpcSet)"}
			if legacy {
				args = append(args, "--legacy")
				count = []string{"vpc", "list", "--legacy", "-o", "text", "--query", "length(data)"}
			}
			name := fault
			if legacy {
				name += "/legacy"
			}
			t.Run(name, func(t *testing.T) {
				c := startEmulator(t, "--state", state, "--faults", fault+"=1")
				r := c.run(args...)
				if r.code != 4 || r.stdout != "" || !strings.HasPrefix(r.stderr, "Error: CreateVpc: ") ||
					!strings.HasSuffix(r.stderr, "; the request may have been carried out; check with: tcvpc vpc list\n") {
					t.Fatalf("exit %d\nstdout: %q\nstderr: %q", r.code, r.stdout, r.stderr)
				}
			})
			c := startEmulator(t, "--state", state)
			if n := c.text(count...); n != "1" {
				t.Fatalf("%s: %s VPCs after one create, want 1", name, n)
			}
		}
	}
}
