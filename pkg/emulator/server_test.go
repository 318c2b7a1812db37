package emulator

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// TestConcurrentClients has 50 clients creating and deleting at once (run
// it with -race): no ID is handed out twice and nothing is lost.
func TestConcurrentClients(t *testing.T) {
	e := start(t, Options{RateLimit: -1})
	const clients, rounds = 50, 3
	var (
		mu   sync.Mutex
		seen = map[string]bool{}
		kept []string
		wg   sync.WaitGroup
		errs = make(chan error, clients)
	)
	note := func(id string) error {
		mu.Lock()
		defer mu.Unlock()
		if seen[id] {
			return fmt.Errorf("duplicate ID %s", id)
		}
		seen[id] = true
		return nil
	}
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			method := []string{"", "HmacSHA256", "HmacSHA1"}[i%3]
			c := e.client(method)
			do := func(style api.Style, action string, p params.Tree) (map[string]any, error) {
				r, err := c.Do(context.Background(), api.Request{Action: action, Style: style, Params: p})
				if err != nil {
					return nil, fmt.Errorf("client %d %s: %w", i, action, err)
				}
				return r.Data, nil
			}
			for r := range rounds {
				cidr := fmt.Sprintf("10.%d.0.0/16", i)
				var vpcID string
				if r%2 == 0 {
					out, err := do(api.V3, "CreateVpc", params.Tree{"VpcName": fmt.Sprintf("c%d-%d", i, r), "CidrBlock": cidr})
					if err != nil {
						errs <- err
						return
					}
					vpcID = str(dig(out, "Vpc", "VpcId"))
				} else {
					out, err := do(api.Legacy, "CreateVpc", params.Tree{"vpcName": fmt.Sprintf("c%d-%d", i, r), "cidrBlock": cidr})
					if err != nil {
						errs <- err
						return
					}
					vpcID = str(out["unVpcId"])
				}
				out, err := do(api.V3, "CreateSubnet", params.Tree{"VpcId": vpcID, "SubnetName": "s", "CidrBlock": fmt.Sprintf("10.%d.1.0/24", i), "Zone": "ap-guangzhou-3"})
				if err != nil {
					errs <- err
					return
				}
				subID := str(dig(out, "Subnet", "SubnetId"))
				for _, id := range []string{vpcID, subID} {
					if err := note(id); err != nil {
						errs <- err
						return
					}
				}
				if r == rounds-1 {
					mu.Lock()
					kept = append(kept, vpcID)
					mu.Unlock()
					continue // the last round's network stays
				}
				if _, err := do(api.V3, "DeleteSubnet", params.Tree{"SubnetId": subID}); err != nil {
					errs <- err
					return
				}
				if _, err := do(api.Legacy, "DeleteVpc", params.Tree{"vpcId": vpcID}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	out := e.must(api.V3, "DescribeVpcs", params.Tree{"Limit": "100"})
	if str(out["TotalCount"]) != fmt.Sprint(clients) || len(kept) != clients {
		t.Fatalf("%s VPCs listed, %d kept, want %d", str(out["TotalCount"]), len(kept), clients)
	}
	listed := map[string]bool{}
	for _, v := range out["VpcSet"].([]any) {
		listed[str(dig(v, "VpcId"))] = true
	}
	for _, id := range kept {
		if !listed[id] {
			t.Fatalf("VPC %s was lost", id)
		}
	}
	if subs := e.must(api.V3, "DescribeSubnets", nil); str(subs["TotalCount"]) != fmt.Sprint(clients) {
		t.Fatalf("%s subnets, want %d", str(subs["TotalCount"]), clients)
	}
}

func TestRateLimit(t *testing.T) {
	e := start(t, Options{RateLimit: 5})
	for i := range 5 {
		if _, err := e.do(api.V3, "DescribeVpcs", nil); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	if _, err := e.do(api.V3, "DescribeVpcs", nil); apiCode(t, err) != "RequestLimitExceeded" {
		t.Fatalf("sixth request: %v", err)
	}
	if _, err := e.do(api.V3, "DescribeSubnets", nil); err != nil {
		t.Fatalf("another Action has its own limit: %v", err)
	}
	for range 5 {
		_, _ = e.do(api.Legacy, "DescribeVpcEx", nil)
	}
	if _, err := e.do(api.Legacy, "DescribeVpcEx", nil); apiCode(t, err) != "4400" {
		t.Fatalf("legacy over the limit: %v", err)
	}
	e.clock.Advance(time.Second)
	if _, err := e.do(api.V3, "DescribeVpcs", nil); err != nil {
		t.Fatalf("next second: %v", err)
	}
}

func TestFaults(t *testing.T) {
	for _, bad := range []string{"5xx", "5xx=2", "drop=-1", "latency=fast", "teleport=0.1", "5xx=0.6,drop=0.6", "latency=50ms-10ms"} {
		if _, err := ParseFaults(bad); err == nil {
			t.Errorf("ParseFaults(%q) accepted", bad)
		}
	}
	if _, err := ParseFaults("5xx=0.1,internal=0.05,drop=0.02,latency=50ms"); err != nil {
		t.Fatal(err)
	}

	get := func(e *env) (int, error) {
		resp, err := http.Get(e.ts.URL + "/v2/index.php?Action=DescribeVpcEx")
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	if code, _ := get(start(t, Options{Faults: "5xx=1"})); code < 500 {
		t.Fatalf("5xx=1 answered %d", code)
	}
	if _, err := get(start(t, Options{Faults: "drop=1"})); err == nil {
		t.Fatal("drop=1 answered")
	}
	e := start(t, Options{Faults: "internal=1"})
	if _, err := e.do(api.V3, "DescribeVpcs", nil); apiCode(t, err) != "InternalError" {
		t.Fatalf("internal=1: %v", err)
	}
	start0 := time.Now()
	if _, err := start(t, Options{Faults: "latency=30ms"}).do(api.V3, "DescribeVpcs", nil); err != nil || time.Since(start0) < 30*time.Millisecond {
		t.Fatalf("latency: %v after %s", err, time.Since(start0))
	}

	// The same seed gives the same faults.
	run := func() string {
		e := start(t, Options{Faults: "5xx=0.5", Seed: 7})
		var b strings.Builder
		for range 20 {
			code, _ := get(e)
			fmt.Fprint(&b, code/100)
		}
		return b.String()
	}
	a, b := run(), run()
	if a != b || !strings.Contains(a, "2") || !strings.Contains(a, "5") {
		t.Fatalf("seeded runs differ or do not mix: %s vs %s", a, b)
	}
}

func TestStatePersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cloud.json")
	e := start(t, Options{StateFile: path})
	id := str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "keep", "CidrBlock": "10.0.0.0/16"}), "Vpc", "VpcId"))
	if err := e.srv.Close(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("state file: %v %v", fi, err)
	}
	e2 := start(t, Options{StateFile: path})
	out := e2.must(api.Legacy, "DescribeVpcEx", params.Tree{"vpcId": id})
	if str(out["totalCount"]) != "1" || str(dig(out, "data", 0, "vpcName")) != "keep" {
		t.Fatalf("after reload: %v", out)
	}
	// A reloaded store never hands out an ID again.
	if !e2.srv.cloud.Used[id] {
		t.Fatal("used IDs were not kept")
	}
}

// TestServe runs the real server: first line, a request, a clean stop on
// cancel with the state saved.
func TestServe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, Options{StateFile: path, TaskDelay: -1}, pw)
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	if !sc.Scan() {
		t.Fatal("no output")
	}
	first := sc.Text()
	endpoint, ok := strings.CutPrefix(first, "listening ")
	if !ok || !strings.HasPrefix(endpoint, "http://127.0.0.1:") {
		t.Fatalf("first line %q", first)
	}
	var rest []string
	readDone := make(chan struct{})
	go func() {
		for sc.Scan() {
			rest = append(rest, sc.Text())
		}
		close(readDone)
	}()
	c := api.New(api.Config{SecretID: DemoSecretID, SecretKey: DemoSecretKey, Endpoint: endpoint})
	if _, err := c.Do(ctx, api.Request{Action: "CreateVpc", Style: api.V3, Params: params.Tree{"VpcName": "s", "CidrBlock": "10.0.0.0/16"}}); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return")
	}
	<-readDone
	st, err := loadCloud(path)
	if err != nil || st == nil || st.Regions[DefaultRegion].VPCs.len() != 1 {
		t.Fatalf("saved state: %v %v", st, err)
	}
	out := strings.Join(rest, "\n")
	for _, want := range []string{"export TCVPC_ENDPOINT=" + endpoint, "export TENCENTCLOUD_SECRET_ID=" + DemoSecretID, "export TENCENTCLOUD_SECRET_KEY=" + DemoSecretKey, "export TENCENTCLOUD_REGION=ap-guangzhou"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
