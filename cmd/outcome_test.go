package cmd

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/emulator"
)

// spoiler passes requests to the emulator, which carries them out, then
// spoils the reply to the first n writes in the way given: what a user
// sees when the service fails after doing the work.
type spoiler struct {
	emu   http.Handler
	spoil string // "internal", "502", "drop", "throttle-before"
	// n is how many writes (counted from the first) are spoiled.
	n       int
	mu      sync.Mutex
	writes  int
	actions []string
}

func (p *spoiler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	action := r.Header.Get("X-TC-Action")
	if action == "" {
		_ = r.ParseForm()
		action = r.Form.Get("Action")
	}
	p.mu.Lock()
	p.actions = append(p.actions, action)
	write := !strings.HasPrefix(action, "Describe")
	spoil := write && p.writes < p.n
	if write {
		p.writes++
	}
	p.mu.Unlock()
	legacy := strings.HasPrefix(r.URL.Path, "/v2/")
	if spoil && p.spoil == "throttle-before" {
		// Refused before anything is done.
		if legacy {
			w.Write([]byte(`{"code":4400,"message":"slow down"}`))
		} else {
			w.Write([]byte(`{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow down"},"RequestId":"r-throttle"}}`))
		}
		return
	}
	if !spoil {
		p.emu.ServeHTTP(w, r)
		return
	}
	rec := httptest.NewRecorder()
	p.emu.ServeHTTP(rec, r) // the write is carried out
	switch p.spoil {
	case "internal":
		if legacy {
			w.Write([]byte(`{"code":6000,"message":"internal error"}`))
		} else {
			w.Write([]byte(`{"Response":{"Error":{"Code":"InternalError","Message":"An internal error occurred."},"RequestId":"r-internal"}}`))
		}
	case "502":
		w.WriteHeader(http.StatusBadGateway)
		w.Write([]byte("Bad Gateway"))
	case "hang":
		// No answer until the client gives up waiting.
		<-r.Context().Done()
	case "drop":
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}
}

func newSpoiler(t *testing.T, spoil string, n int) (*spoiler, *emulator.Server, map[string]string) {
	t.Helper()
	emu, err := emulator.New(emulator.Options{TaskDelay: -1})
	if err != nil {
		t.Fatal(err)
	}
	p := &spoiler{emu: emu, spoil: spoil, n: n}
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return p, emu, map[string]string{
		"TENCENTCLOUD_SECRET_ID":  emulator.DemoSecretID,
		"TENCENTCLOUD_SECRET_KEY": emulator.DemoSecretKey,
		"TENCENTCLOUD_REGION":     "ap-guangzhou",
		"TCVPC_ENDPOINT":          srv.URL,
	}
}

func countVPCs(t *testing.T, env map[string]string, legacy bool) int {
	t.Helper()
	args := []string{"vpc", "list", "-o", "json", "--query", "length(VpcSet)"}
	if legacy {
		args = []string{"vpc", "list", "--legacy", "-o", "json", "--query", "length(data)"}
	}
	res := run{env: env}.exec(t, args...)
	var n int
	if res.code != 0 || json.Unmarshal(bytes.TrimSpace([]byte(res.stdout)), &n) != nil {
		t.Fatalf("counting VPCs: %+v", res)
	}
	return n
}

// A write the service carried out but answered badly is sent once and
// exits 4 naming the command that tells what happened.
func TestWriteWithUnknownOutcomeIsNotRepeated(t *testing.T) {
	create := []string{"vpc", "create", "--name", "a", "--cidr-block", "10.0.0.0/16"}
	cases := []struct {
		spoil  string
		legacy bool
		cause  string
	}{
		{"internal", false, "[InternalError] An internal error occurred. (RequestId: r-internal)"},
		{"502", false, "HTTP 502 Bad Gateway: Bad Gateway"},
		{"drop", false, "no reply: "},
		{"hang", false, "no reply: "},
		{"internal", true, "[6000] internal error"},
		{"502", true, "HTTP 502 Bad Gateway: Bad Gateway"},
		{"drop", true, "no reply: "},
	}
	for _, tc := range cases {
		name := tc.spoil
		if tc.legacy {
			name += "/legacy"
		}
		t.Run(name, func(t *testing.T) {
			p, _, env := newSpoiler(t, tc.spoil, 1)
			args := create
			action := "CreateVpc"
			if tc.legacy {
				args = append(args[:len(args):len(args)], "--legacy")
			}
			res := run{env: env}.exec(t, append(args, "--max-retries", "3", "--timeout", "200ms")...)
			if res.code != ExitNetwork || res.stdout != "" ||
				!strings.HasPrefix(res.err, "Error: "+action+": "+tc.cause) ||
				!strings.HasSuffix(res.err, "; the request may have been carried out; check with: tcvpc vpc list\n") {
				t.Fatalf("%+v", res)
			}
			if p.writes != 1 {
				t.Fatalf("the write was sent %d times", p.writes)
			}
			if n := countVPCs(t, env, tc.legacy); n != 1 {
				t.Fatalf("%d VPCs exist, want the 1 carried out", n)
			}
		})
	}
}

func TestUnknownOutcomeNamesShowForAnID(t *testing.T) {
	p, _, env := newSpoiler(t, "internal", 0)
	r := run{env: env}
	res := r.exec(t, "vpc", "create", "--name", "a", "--cidr-block", "10.0.0.0/16", "-o", "text", "--query", "Vpc.VpcId")
	id := strings.Trim(strings.TrimSpace(res.stdout), `"`)
	if res.code != 0 || id == "" {
		t.Fatalf("%+v", res)
	}
	p.n = p.writes + 1
	res = r.exec(t, "vpc", "modify", id, "--name", "b")
	if res.code != ExitNetwork || !strings.HasSuffix(res.err, "; check with: tcvpc vpc show "+id+"\n") {
		t.Fatalf("%+v", res)
	}
	// tcvpc api names the resource command over the same Action.
	p.n = p.writes + 1
	res = r.exec(t, "api", "CreateVpc", "--VpcName", "c", "--CidrBlock", "10.1.0.0/16")
	if res.code != ExitNetwork || !strings.HasSuffix(res.err, "; check with: tcvpc vpc list\n") {
		t.Fatalf("%+v", res)
	}
	if p.writes != 3 {
		t.Fatalf("%d writes sent, want 3", p.writes)
	}
}

// A throttled write was not carried out: it is sent again and succeeds.
func TestThrottledWriteIsRetried(t *testing.T) {
	for _, legacy := range []bool{false, true} {
		p, _, env := newSpoiler(t, "throttle-before", 2)
		args := []string{"vpc", "create", "--name", "a", "--cidr-block", "10.0.0.0/16", "-o", "json"}
		if legacy {
			args = append(args, "--legacy")
		}
		res := run{env: env}.exec(t, args...)
		if res.code != 0 || res.err != "" {
			t.Fatalf("legacy %v: %+v", legacy, res)
		}
		if p.writes != 3 {
			t.Fatalf("legacy %v: sent %d times, want 2 refused and 1 carried out", legacy, p.writes)
		}
		if n := countVPCs(t, env, legacy); n != 1 {
			t.Fatalf("legacy %v: %d VPCs", legacy, n)
		}
	}
}

func httptestServer(t *testing.T, h http.Handler) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// text runs a command that must succeed with -o text and returns its
// trimmed stdout.
func (r run) text(t *testing.T, args ...string) string {
	t.Helper()
	res := r.exec(t, append(args, "-o", "text")...)
	if res.code != 0 {
		t.Fatalf("%v: %+v", args, res)
	}
	return strings.TrimSpace(res.stdout)
}
