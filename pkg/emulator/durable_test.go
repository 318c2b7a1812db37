package emulator

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// TestEmulatorProcess is not a test: TestKilledLosesNoWrite runs the test
// binary again with this one selected, as an emulator process to kill.
func TestEmulatorProcess(t *testing.T) {
	state := os.Getenv("TCVPC_EMULATOR_TEST_STATE")
	if state == "" {
		t.Skip("run by TestKilledLosesNoWrite")
	}
	err := Serve(context.Background(), Options{StateFile: state, RateLimit: -1, TaskDelay: -1}, os.Stdout)
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

// TestKilledLosesNoWrite makes 500 creates against an emulator process
// with --state, SIGKILLs it right after the last reply, restarts from the
// state and finds all 500.
func TestKilledLosesNoWrite(t *testing.T) {
	state := filepath.Join(t.TempDir(), "cloud.json")
	cmd := exec.Command(os.Args[0], "-test.run=^TestEmulatorProcess$")
	cmd.Env = append(os.Environ(), "TCVPC_EMULATOR_TEST_STATE="+state)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	sc := bufio.NewScanner(out)
	if !sc.Scan() {
		t.Fatal("no output from the emulator process")
	}
	endpoint, ok := strings.CutPrefix(sc.Text(), "listening ")
	if !ok {
		t.Fatalf("first line %q", sc.Text())
	}
	go func() {
		for sc.Scan() {
		}
	}()

	c := api.New(api.Config{SecretID: DemoSecretID, SecretKey: DemoSecretKey, Region: "ap-guangzhou", Endpoint: endpoint})
	const n, workers = 500, 8
	ids := make([]string, n)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				cidr := fmt.Sprintf("10.%d.%d.0/24", i/256, i%256)
				if i%2 == 0 {
					r, err := c.Do(context.Background(), api.Request{Action: "CreateVpc", Style: api.V3, Params: params.Tree{"VpcName": fmt.Sprint("k", i), "CidrBlock": cidr}})
					if err != nil {
						errs <- err
						return
					}
					ids[i] = str(dig(r.Data, "Vpc", "VpcId"))
				} else {
					r, err := c.Do(context.Background(), api.Request{Action: "CreateVpc", Style: api.Legacy, Params: params.Tree{"vpcName": fmt.Sprint("k", i), "cidrBlock": cidr}})
					if err != nil {
						errs <- err
						return
					}
					ids[i] = str(r.Data["unVpcId"])
				}
			}
		}()
	}
	wg.Wait()
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	e := start(t, Options{StateFile: state})
	seen := map[string]bool{}
	for off := 0; off < n; off += 100 {
		page := e.must(api.V3, "DescribeVpcs", params.Tree{"Offset": fmt.Sprint(off), "Limit": "100"})
		if str(page["TotalCount"]) != fmt.Sprint(n) {
			t.Fatalf("after the restart: TotalCount %v, want %d", page["TotalCount"], n)
		}
		for i := range 100 {
			seen[str(dig(page, "VpcSet", i, "VpcId"))] = true
		}
	}
	for i, id := range ids {
		if id == "" || !seen[id] {
			t.Fatalf("create %d (%q) acknowledged but lost", i, id)
		}
	}
}
