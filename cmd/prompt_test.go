package cmd

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/internal/testserver"
	"github.com/tcvpc/tcvpc/pkg/iostreams"
)

// mainInterrupted runs tcvpc on a terminal whose Ctrl-C has already
// cancelled the run's context; stdin holds an answer typed ahead.
func mainInterrupted(t *testing.T, env map[string]string, home, stdin string, args ...string) result {
	t.Helper()
	io, out, errOut := iostreams.Test(stdin, true)
	f := &Factory{IO: io, Getenv: func(k string) string { return env[k] }, Home: home, Now: time.Now,
		Sleep: func(context.Context, time.Duration) error { return nil }, Version: "1.2.3"}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return result{Main(ctx, f, args), out.String(), errOut.String()}
}

func TestConfirmationAnswers(t *testing.T) {
	srv := testserver.New(t)
	args := []string{"vpc", "delete", "vpc-gjui0b5t"}
	r := run{env: envFor(srv), tty: true}
	// Anything but y or yes, the end of input included, cancels: exit 6 and
	// one line that is not an error, in every output format.
	for _, in := range []string{"n\n", "\n", "nope\n", "yy\n", ""} {
		r.stdin = in
		r.exec(t, args...).expect(t, 6, "", "Delete VPC vpc-gjui0b5t? [y/N] Cancelled: nothing was changed.\n")
		r.exec(t, with(args, "-o", "json")...).expect(t, 6, "", "Delete VPC vpc-gjui0b5t? [y/N] Cancelled: nothing was changed.\n")
	}
	// Ctrl-C: 130 at once, whatever was typed ahead.
	mainInterrupted(t, envFor(srv), t.TempDir(), "y\n", args...).
		expect(t, 130, "", "Delete VPC vpc-gjui0b5t? [y/N] \nError: interrupted: nothing was changed\n")
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent", n)
	}
}

// tcvpc configure saves every answer at once, at the end: an interrupted,
// unfinished or refused run writes nothing.
func TestConfigureInteractiveWritesOnce(t *testing.T) {
	home := t.TempDir()
	nothingWritten := func(what string) {
		t.Helper()
		if _, err := os.Stat(filepath.Join(home, ".tcvpc")); err == nil {
			t.Fatalf("%s wrote ~/.tcvpc", what)
		}
	}
	header := "Configuring profile \"default\" (saved in ~/.tcvpc/, mode 0600)\n"
	r := run{home: home, env: map[string]string{}, tty: true}
	r.stdin = "AKIDfirst0001\nkeyfirst0002\nap-chengdu\n"
	r.exec(t, "configure").expect(t, 2, "", header+
		"SecretId []: \nSecretKey []: \nDefault region (e.g. ap-guangzhou) []: Default output (table, json, jsonl, yaml, text) [table]: "+
		"Error: configure: input ended before Default output (table, json, jsonl, yaml, text)\n")
	nothingWritten("an unfinished configure")
	r.stdin = "AKIDfirst0001\nkeyfirst0002\nap-chengdu\njsn\n"
	res := r.exec(t, "configure")
	if res.code != 2 {
		t.Fatalf("%+v", res)
	}
	nothingWritten("a configure with a bad answer")
	mainInterrupted(t, nil, home, "AKIDfirst0001\n", "configure").
		expect(t, 130, "", header+"SecretId []: \nError: interrupted: nothing was changed\n")
	nothingWritten("an interrupted configure")

	r.stdin = "AKIDfirst0001\nkeyfirst0002\nap-chengdu\nyaml\n"
	r.exec(t, "configure").expect(t, 0, "", header+
		"SecretId []: \nSecretKey []: \nDefault region (e.g. ap-guangzhou) []: Default output (table, json, jsonl, yaml, text) [table]: Saved profile \"default\".\n")
	r2 := run{home: home, env: map[string]string{}}
	r2.exec(t, "configure", "get", "region").expect(t, 0, "ap-chengdu\n", "")
	r2.exec(t, "configure", "get", "output").expect(t, 0, "yaml\n", "")
	r2.exec(t, "configure", "get", "secret-key").expect(t, 0, "keyfirst0002\n", "")
}
