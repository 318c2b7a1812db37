package cmd

import (
	"bufio"
	"context"
	"fmt"
	"strings"
)

// cancelledError is "no" at a confirmation: nothing was done, and that is
// not a failure of the command line.
type cancelledError struct{}

func (*cancelledError) Error() string { return "Cancelled: nothing was changed." }

// confirm asks on a terminal; without one it needs --yes.
func (a *app) confirm(verb, target string) error {
	if a.g.yes || a.g.dryRun {
		return nil
	}
	if !a.f.IO.StdinTTY {
		return usagef("refusing to %s %s without confirmation: pass --yes (-y) when stdin is not a terminal", verb, target)
	}
	fmt.Fprintf(a.f.IO.ErrOut, "%s %s? [y/N] ", capitalize(verb), target)
	in := bufio.NewReader(a.f.IO.In)
	line, err := a.answer(func() (string, error) { return in.ReadString('\n') })
	if err != nil && line == "" {
		if _, intr := err.(*interruptedError); intr {
			return err
		}
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return nil
	}
	return &cancelledError{}
}

// answer waits for read (one line typed at a prompt) or for Ctrl-C,
// whichever comes first: an interrupt ends the command at once, with the
// terminal as it was before the prompt (echo back on after a secret).
func (a *app) answer(read func() (string, error)) (string, error) {
	ctx := a.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	if ctx.Err() != nil {
		// Ctrl-C came before the prompt: do not take an answer typed ahead.
		fmt.Fprintln(a.f.IO.ErrOut)
		return "", &interruptedError{hint: "interrupted: nothing was changed"}
	}
	restore := func() {}
	if a.f.IO.SaveTerminal != nil {
		restore = a.f.IO.SaveTerminal()
	}
	type reply struct {
		line string
		err  error
	}
	got := make(chan reply, 1)
	go func() {
		line, err := read()
		got <- reply{line, err}
	}()
	select {
	case r := <-got:
		return r.line, r.err
	case <-ctx.Done():
		restore()
		fmt.Fprintln(a.f.IO.ErrOut)
		return "", &interruptedError{hint: "interrupted: nothing was changed"}
	}
}

// askSecret shows prompt and reads an answer without echo. Where the
// terminal allows, echo goes off before the prompt is shown and back on
// before this returns, in this goroutine: neither typing ahead of the
// prompt nor Ctrl-C can leave the terminal without echo, as a read in
// term.ReadPassword still pending after Ctrl-C could. readLine reads one
// line of stdin.
func (a *app) askSecret(prompt string, readLine func() (string, error)) (string, error) {
	io := a.f.IO
	if io.EchoOff != nil {
		if restore, err := io.EchoOff(); err == nil {
			defer restore()
			fmt.Fprint(io.ErrOut, prompt)
			return a.answer(readLine)
		}
	}
	fmt.Fprint(io.ErrOut, prompt)
	return a.answer(io.ReadSecret)
}
