package cmd

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/internal/ptytest"
	"github.com/tcvpc/tcvpc/internal/testserver"
	"github.com/tcvpc/tcvpc/pkg/iostreams"
)

// syncBuffer is written by the spinner's goroutine and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// On a terminal a wait shows a spinner with its label and elapsed time on
// stderr, and always restores the cursor; stdout stays clean.
func TestWaitSpinnerOnTerminal(t *testing.T) {
	ctl, tty, err := ptytest.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal on this machine: %v", err)
	}
	defer ctl.Close()
	defer tty.Close()
	srv := testserver.New(t,
		testserver.Reply{Body: legacyDeleteReply},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":2}}`},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":0}}`},
	)
	io, out, _ := iostreams.Test("", false)
	stderr := &syncBuffer{}
	io.ErrOut, io.ErrFile, io.StderrTTY = stderr, tty, true
	env := envFor(srv)
	f := &Factory{
		IO: io, Getenv: func(k string) string { return env[k] }, Home: t.TempDir(), Now: time.Now,
		// A real pause, so the spinner draws frames.
		Sleep:   func(ctx context.Context, d time.Duration) error { time.Sleep(350 * time.Millisecond); return nil },
		Version: "test",
	}
	code := Main(context.Background(), f, []string{"vpn", "conn", "delete", "vpnx-ol6bcqp0", "--vpn-gateway-id", "vpngw-kfldykuz",
		"--vpc-id", "vpc-03vihbk9", "--legacy", "-y", "--wait"})
	got := stderr.String()
	if code != 0 || out.String() != "" {
		t.Fatalf("exit %d stdout %q stderr %q", code, out.String(), got)
	}
	for _, want := range []string{"\x1b[?25l", " Deleting VPN connection vpnx-ol6bcqp0 (task 12615) 0s", "\x1b[?25h"} {
		if !strings.Contains(got, want) {
			t.Errorf("stderr lacks %q:\n%q", want, got)
		}
	}
	if !strings.HasSuffix(got, "\x1b[?25h") && !strings.Contains(got[strings.LastIndex(got, "\x1b[?25h"):], "\r") {
		t.Errorf("the spinner must be the last thing drawn and be erased: %q", got)
	}
	if strings.Contains(got, ": running (") {
		t.Errorf("line-per-state progress must not appear on a terminal: %q", got)
	}
}

func TestWaitInterruptedAndTimedOut(t *testing.T) {
	args := []string{"vpn", "conn", "delete", "vpnx-ol6bcqp0", "--vpn-gateway-id", "vpngw-kfldykuz", "--vpc-id", "vpc-03vihbk9", "--legacy", "-y", "--wait", "-q"}
	running := testserver.Reply{Body: `{"code":0,"message":"","data":{"status":2}}`}

	srv := testserver.New(t, testserver.Reply{Body: legacyDeleteReply}, running)
	ctx, cancel := context.WithCancel(context.Background())
	io, out, errOut := iostreams.Test("", false)
	env := envFor(srv)
	f := &Factory{IO: io, Getenv: func(k string) string { return env[k] }, Home: t.TempDir(), Now: time.Now, Version: "test",
		Sleep: func(ctx context.Context, d time.Duration) error { cancel(); return ctx.Err() }}
	code := Main(ctx, f, args)
	result{code, out.String(), errOut.String()}.expect(t, 130, "",
		"Error: interrupted: task 12615 continues on the server; resume waiting with: tcvpc task wait 12615\n")

	srv2 := testserver.New(t, testserver.Reply{Body: legacyDeleteReply}, running, running, running, running)
	clock := time.Now()
	io2, out2, errOut2 := iostreams.Test("", false)
	env2 := envFor(srv2)
	f2 := &Factory{IO: io2, Getenv: func(k string) string { return env2[k] }, Home: t.TempDir(), Version: "test",
		Now:   func() time.Time { return clock },
		Sleep: func(ctx context.Context, d time.Duration) error { clock = clock.Add(d); return nil }}
	code = Main(context.Background(), f2, append(args, "--wait-timeout", "4s"))
	result{code, out2.String(), errOut2.String()}.expect(t, 5, "",
		"Error: timed out after 4s waiting for task 12615 (last state: running); resume with: tcvpc task wait 12615\n")
}
