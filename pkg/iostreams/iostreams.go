// Package iostreams carries the three standard streams and what is known
// about each: terminal or not, colour allowed or not. Terminal behaviour
// is decided per stream.
package iostreams

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams is the program's view of stdin, stdout and stderr.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	StdinTTY  bool
	StdoutTTY bool
	StderrTTY bool
	// ErrFile is the terminal behind ErrOut, for code that must check it
	// itself (the spinner); nil when there is none.
	ErrFile *os.File
	// NoColor is set by NO_COLOR (any value) or TERM=dumb.
	NoColor bool
	// Width of the terminal on stdout, 0 if unknown.
	Width int

	// ReadSecret reads a line without echo (a terminal's password mode).
	ReadSecret func() (string, error)
	// SaveTerminal, when stdin is a terminal, records its state and
	// returns what puts it back (after an interrupted secret prompt).
	SaveTerminal func() (restore func())
	// EchoOff, when stdin is a terminal where it can be done, stops the
	// echo of what is typed (line editing and Ctrl-C stay) until restore.
	EchoOff func() (restore func(), err error)
}

// System returns the process's real streams.
func System(getenv func(string) string) *IOStreams {
	isTTY := func(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
	s := &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		StdinTTY: isTTY(os.Stdin), StdoutTTY: isTTY(os.Stdout), StderrTTY: isTTY(os.Stderr),
		NoColor: getenv("NO_COLOR") != "" || getenv("TERM") == "dumb",
	}
	if s.StderrTTY {
		s.ErrFile = os.Stderr
	}
	if s.StdoutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			s.Width = w
		}
	}
	s.ReadSecret = func() (string, error) {
		b, err := term.ReadPassword(int(os.Stdin.Fd()))
		return string(b), err
	}
	if s.StdinTTY {
		s.SaveTerminal = func() func() {
			fd := int(os.Stdin.Fd())
			st, err := term.GetState(fd)
			if err != nil {
				return func() {}
			}
			return func() { _ = term.Restore(fd, st) }
		}
		s.EchoOff = func() (func(), error) { return echoOff(int(os.Stdin.Fd())) }
	}
	return s
}

// ColorOut reports whether decoration may be written to stdout.
func (s *IOStreams) ColorOut() bool { return s.StdoutTTY && !s.NoColor }

// ColorErr reports whether decoration may be written to stderr.
func (s *IOStreams) ColorErr() bool { return s.StderrTTY && !s.NoColor }

// Test returns in-memory streams; the flags say which ones act as terminals.
func Test(stdin string, tty bool) (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	in := bytes.NewBufferString(stdin)
	s := &IOStreams{In: in, Out: out, ErrOut: errOut, StdinTTY: tty, StdoutTTY: tty, StderrTTY: tty}
	s.ReadSecret = func() (string, error) {
		line, err := in.ReadString('\n')
		if err != nil && line == "" {
			return "", err
		}
		return trimEOL(line), nil
	}
	return s, out, errOut
}

func trimEOL(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}
