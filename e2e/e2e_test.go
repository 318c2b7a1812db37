// Package e2e drives the built tcvpc binary against `tcvpc emulator`, as a
// user's script would.
package e2e

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tcvpc-e2e")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "tcvpc")
	build := exec.Command("go", "build", "-o", bin, "..")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// cloud is a running emulator and the environment that points tcvpc at it.
type cloud struct {
	t    *testing.T
	env  []string
	stop func() // stops the emulator (again at the test's end: a no-op)
}

func startEmulator(t *testing.T, args ...string) *cloud {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"emulator", "--addr", "127.0.0.1:0"}, args...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stop := sync.OnceFunc(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
		}
	})
	t.Cleanup(stop)
	sc := bufio.NewScanner(out)
	if !sc.Scan() || !strings.HasPrefix(sc.Text(), "listening http") || !strings.Contains(sc.Text(), "://127.0.0.1:") {
		t.Fatalf("first line of the emulator: %q", sc.Text())
	}
	c := &cloud{t: t, env: []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, stop: stop}
	for sc.Scan() {
		line := sc.Text()
		if kv, ok := strings.CutPrefix(line, "export "); ok {
			c.env = append(c.env, kv)
			if strings.HasPrefix(kv, "TENCENTCLOUD_REGION=") {
				break
			}
		}
	}
	go func() {
		for sc.Scan() {
		}
	}()
	return c
}

type result struct {
	code           int
	stdout, stderr string
}

func (c *cloud) run(args ...string) result {
	c.t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = c.env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		c.t.Fatal(err)
	}
	return result{code, out.String(), errOut.String()}
}

// ok runs a command that must succeed and returns its stdout.
func (c *cloud) ok(args ...string) string {
	c.t.Helper()
	r := c.run(args...)
	if r.code != 0 {
		c.t.Fatalf("tcvpc %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

func (c *cloud) text(args ...string) string {
	c.t.Helper()
	return strings.TrimSpace(c.ok(append(args, "-o", "text")...))
}

// vpnSetup creates a VPC, a VPN gateway, a customer gateway and a tunnel
// through the generic command, returning their IDs.
func vpnSetup(c *cloud) (vpc, gw, conn string) {
	vpc = c.text("api", "CreateVpc", "--VpcName", "e2e", "--CidrBlock", "10.0.0.0/16", "--query", "Vpc.VpcId")
	gw = c.text("api", "CreateVpnGateway", "--VpcId", vpc, "--VpnGatewayName", "gw", "--InternetMaxBandwidthOut", "5", "--query", "VpnGateway.VpnGatewayId")
	cgw := c.text("api", "CreateCustomerGateway", "--CustomerGatewayName", "idc", "--IpAddress", "203.0.113.9", "--query", "CustomerGateway.CustomerGatewayId")
	spd := `[{"LocalCidrBlock":"10.0.0.0/16","RemoteCidrBlock":["192.168.0.0/16"]}]`
	for i := 0; ; i++ {
		r := c.run("api", "CreateVpnConnection", "--VpcId", vpc, "--VpnGatewayId", gw, "--CustomerGatewayId", cgw,
			"--VpnConnectionName", "t1", "--PreShareKey", "e2e-psk-secret", "--SecurityPolicyDatabases", spd,
			"--query", "VpnConnection.VpnConnectionId", "-o", "text")
		if r.code == 0 {
			conn = strings.TrimSpace(r.stdout)
			c.waitState("DescribeVpnConnections", "VpnConnectionIds", conn, "VpnConnectionSet[0].State", "AVAILABLE")
			return vpc, gw, conn
		}
		// The gateway may still be PENDING.
		if i > 30 {
			c.t.Fatalf("CreateVpnConnection: %s", r.stderr)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// waitState polls a Describe until the resource reaches state.
func (c *cloud) waitState(action, idParam, id, query, state string) {
	c.t.Helper()
	for i := 0; i < 100; i++ {
		if c.text("api", action, "--"+idParam, fmt.Sprintf("[%q]", id), "--query", query) == state {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	c.t.Fatalf("%s never reached %s", id, state)
}

func TestSeedCommandsAgainstEmulator(t *testing.T) {
	c := startEmulator(t, "--task-delay", "2s")
	vpc, gw, conn := vpnSetup(c)
	for _, method := range []string{"TC3-HMAC-SHA256", "HmacSHA256", "HmacSHA1"} {
		c.ok("vpn", "conn", "reset", conn, "--vpn-gateway-id", gw, "-y", "--signature-method", method)
		c.ok("vpn", "conn", "reset", conn, "--vpn-gateway-id", gw, "--vpc-id", vpc, "--legacy", "-y", "--signature-method", method)
	}
	// The legacy delete with --wait returns only once the task has
	// succeeded, and then the tunnel is gone.
	start := time.Now()
	r := c.run("vpn", "conn", "delete", conn, "--vpn-gateway-id", gw, "--vpc-id", vpc, "--legacy", "-y", "--wait")
	took := time.Since(start)
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("delete --wait: %+v", r)
	}
	if took < 2*time.Second {
		t.Fatalf("delete --wait returned after %s, before the 2s task could finish", took)
	}
	if !strings.Contains(r.stderr, "succeeded") {
		t.Fatalf("progress lines: %q", r.stderr)
	}
	var reply struct{ TotalCount int }
	if err := json.Unmarshal([]byte(c.ok("api", "DescribeVpnConnections", "--VpnConnectionIds", fmt.Sprintf("[%q]", conn))), &reply); err != nil {
		t.Fatal(err)
	}
	if reply.TotalCount != 0 {
		t.Fatalf("tunnel %s still listed after the task succeeded", conn)
	}
	// Deleting it again is the service's documented error, exit 1.
	r = c.run("vpn", "conn", "delete", conn, "--vpn-gateway-id", gw, "-y")
	if r.code != 1 || !strings.Contains(r.stderr, "Error: [ResourceNotFound]") || !strings.Contains(r.stderr, "RequestId: ") {
		t.Fatalf("second delete: %+v", r)
	}
}

func TestCredentialsRejected(t *testing.T) {
	c := startEmulator(t)
	c.env = append(c.env, "TENCENTCLOUD_SECRET_KEY=wrong")
	r := c.run("api", "DescribeVpcs")
	if r.code != 3 || !strings.Contains(r.stderr, "AuthFailure.SignatureFailure") {
		t.Fatalf("%+v", r)
	}
	r = c.run("api", "DescribeVpcEx")
	if r.code != 3 || !strings.HasPrefix(r.stderr, "Error: [4100") {
		t.Fatalf("%+v", r)
	}
}
