package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// nodeSDKVersion is the official Node.js SDK the emulator is checked with.
const nodeSDKVersion = "4.1.313"

// nodeSDK returns a node_modules directory holding the official Node.js SDK,
// installing it with npm once per cache: $TCVPC_NODE_SDK, or a directory
// under the user's cache. Without node, npm or a working install the test
// is skipped, or fails under TCVPC_REQUIRE_TOOLS=1 (.ci/run installs them).
func nodeSDK(t *testing.T) string {
	t.Helper()
	skip := t.Skipf
	if os.Getenv("TCVPC_REQUIRE_TOOLS") == "1" {
		skip = t.Fatalf
	}
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			skip("%s is not installed (.ci/run installs the Debian packages nodejs and npm)", tool)
		}
	}
	dir := os.Getenv("TCVPC_NODE_SDK")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			skip("no cache directory for the Node.js SDK (set TCVPC_NODE_SDK): %v", err)
		}
		dir = filepath.Join(cache, "tcvpc-test", "node-sdk-"+nodeSDKVersion)
	}
	modules := filepath.Join(dir, "node_modules")
	installed := func() bool {
		b, err := os.ReadFile(filepath.Join(modules, "tencentcloud-sdk-nodejs", "package.json"))
		var pkg struct{ Version string }
		return err == nil && json.Unmarshal(b, &pkg) == nil && pkg.Version == nodeSDKVersion
	}
	if installed() {
		return modules
	}
	// Installed beside the cache directory and moved into place, so that
	// two test runs at once never see half an install.
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		skip("cache for the Node.js SDK: %v", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".install-")
	if err != nil {
		skip("cache for the Node.js SDK: %v", err)
	}
	defer os.RemoveAll(tmp)
	// A package.json of its own keeps npm from installing into a project
	// further up the tree; --no-save leaves it, and no lock file, as it is.
	if err := os.WriteFile(filepath.Join(tmp, "package.json"), []byte(`{"name":"tcvpc-node-sdk-test","private":true}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	npm := exec.CommandContext(ctx, "npm", "install", "--no-save", "--no-audit", "--no-fund", "tencentcloud-sdk-nodejs@"+nodeSDKVersion)
	npm.Dir = tmp
	start := time.Now()
	if out, err := npm.CombinedOutput(); err != nil {
		skip("npm install tencentcloud-sdk-nodejs@%s failed (%v):\n%s", nodeSDKVersion, err, out)
	}
	t.Logf("installed tencentcloud-sdk-nodejs@%s into %s in %s", nodeSDKVersion, dir, time.Since(start).Round(100*time.Millisecond))
	if err := os.Rename(tmp, dir); err != nil && !installed() {
		t.Fatalf("moving the Node.js SDK into %s: %v", dir, err)
	}
	if !installed() {
		t.Fatalf("npm installed no tencentcloud-sdk-nodejs@%s into %s", nodeSDKVersion, modules)
	}
	return modules
}

var (
	nodeVpcID    = regexp.MustCompile(`^vpc-[0-9a-z]{8}$`)
	nodeSubnetID = regexp.MustCompile(`^subnet-[0-9a-z]{8}$`)
	uuidV4       = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
)

// TestNodeSDKOverTLS drives `tcvpc emulator --tls` with the official Node.js
// SDK's vpc client (testdata/node/vpc.js), set up only by the banner's
// exports and the endpoint, in each signature method the SDK offers and
// with both request methods.
func TestNodeSDKOverTLS(t *testing.T) {
	modules := nodeSDK(t)
	c := startEmulator(t, "--tls")
	if exported(c.env, "NODE_EXTRA_CA_CERTS") != exported(c.env, "TCVPC_CA_FILE") {
		t.Fatalf("the banner does not export the CA for Node.js: %v", c.env)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "node", "vpc.js"))
	if err != nil {
		t.Fatal(err)
	}
	node := func(env []string, args ...string) (string, string, error) {
		cmd := exec.Command("node", append([]string{script}, args...)...)
		cmd.Env = append(env, "NODE_PATH="+modules)
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		return stdout.String(), stderr.String(), err
	}

	seen := map[string]bool{}
	for _, method := range []string{"TC3-HMAC-SHA256", "HmacSHA256", "HmacSHA1"} {
		for _, verb := range []string{"POST", "GET"} {
			out, stderr, err := node(c.env, method, verb)
			if err != nil {
				t.Errorf("%s %s: %v\n%s", method, verb, err, stderr)
				continue
			}
			var got struct {
				Calls      json.RawMessage
				RequestIds []string
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%s %s: %v\n%s", method, verb, err, out)
			}
			var ids struct{ CreateVpc, CreateSubnet []any }
			_ = json.Unmarshal(got.Calls, &ids)
			vpc, _ := ids.CreateVpc[0].(string)
			subnet, _ := ids.CreateSubnet[0].(string)
			if !nodeVpcID.MatchString(vpc) || !nodeSubnetID.MatchString(subnet) || seen[vpc] || seen[subnet] {
				t.Fatalf("%s %s: IDs %q %q (seen before: %v)", method, verb, vpc, subnet, seen[vpc] || seen[subnet])
			}
			seen[vpc], seen[subnet] = true, true
			name := "node-" + method
			want := fmt.Sprintf(`{"CreateVpc":[%[1]q,%[3]q,"10.20.0.0/16"],"DescribeVpcs":[1,[[%[1]q,%[3]q,"10.20.0.0/16"]]],`+
				`"CreateSubnet":[%[2]q,%[1]q,"10.20.1.0/24","ap-guangzhou-3",253],"DescribeSubnets":[1,[[%[2]q,"web","10.20.1.0/24"]]],`+
				`"DeleteSubnet":["RequestId"],"DeleteVpc":["RequestId"],"DescribeVpcsAfter":0,`+
				`"DeleteUnknownVpc":["TencentCloudSDKHttpException","ResourceNotFound","The VPC vpc-12345678 does not exist."]}`, vpc, subnet, name)
			if string(got.Calls) != want {
				t.Errorf("%s %s:\n%s\nwant\n%s", method, verb, got.Calls, want)
			}
			// Eight answers, the error's among them, each with a RequestId of its own.
			if len(got.RequestIds) != 8 {
				t.Errorf("%s %s: %d RequestIds, want 8: %q", method, verb, len(got.RequestIds), got.RequestIds)
			}
			for _, id := range got.RequestIds {
				if !uuidV4.MatchString(id) || seen[id] {
					t.Errorf("%s %s: RequestId %q (seen before: %v)", method, verb, id, seen[id])
				}
				seen[id] = true
			}
		}
	}

	// It is NODE_EXTRA_CA_CERTS that makes Node.js trust the emulator.
	_, stderr, err := node(without(c.env, "NODE_EXTRA_CA_CERTS"), "TC3-HMAC-SHA256", "POST")
	// (Node before 17 spells it "self signed".)
	prefix := "TC3-HMAC-SHA256 POST:  request to " + exported(c.env, "TCVPC_ENDPOINT") + "/ failed, reason: self"
	if suffix := " certificate in certificate chain (RequestId none)\n"; err == nil || !strings.HasPrefix(stderr, prefix) ||
		!strings.HasSuffix(stderr, suffix) || len(stderr) != len(prefix+"-signed"+suffix) {
		t.Fatalf("without NODE_EXTRA_CA_CERTS: %v\n%q\nwant\n%q", err, stderr, prefix+"-signed"+suffix)
	}
}
