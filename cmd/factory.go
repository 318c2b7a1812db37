package cmd

import (
	"context"
	"net/http"
	"os"
	"time"

	"github.com/tcvpc/tcvpc/pkg/iostreams"
)

// Factory is everything a command reaches outside itself. Main builds the
// real one; tests build their own.
type Factory struct {
	IO        *iostreams.IOStreams
	Getenv    func(string) string
	Home      string
	Transport http.RoundTripper // nil: the default transport
	Now       func() time.Time
	Sleep     func(context.Context, time.Duration) error // nil: real sleep
	Version   string
	Commit    string // empty when not known
	Date      string // build date, empty when not known
}

// Set at build time (Makefile, .goreleaser.yaml) with
// -ldflags "-X github.com/tcvpc/tcvpc/cmd.Version=… -X ….Commit=… -X ….Date=…".
var (
	Version = "dev"
	Commit  = ""
	Date    = ""
)

// SystemFactory builds the factory for a real run.
func SystemFactory() *Factory {
	home, _ := os.UserHomeDir()
	version, commit, date := buildVersion()
	return &Factory{
		IO:      iostreams.System(os.Getenv),
		Getenv:  os.Getenv,
		Home:    home,
		Now:     time.Now,
		Version: version,
		Commit:  commit,
		Date:    date,
	}
}
