package cmd

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/briandowns/spinner"
	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/pkg/wait"
)

type waitOpts struct {
	wait    bool
	timeout time.Duration
}

func addWaitFlags(cmd *cobra.Command) *waitOpts {
	wo := &waitOpts{}
	cmd.Flags().BoolVar(&wo.wait, "wait", false, "wait until the operation has finished")
	cmd.Flags().DurationVar(&wo.timeout, "wait-timeout", 10*time.Minute, "give up waiting after this long (exit 5)")
	return wo
}

// waitTask polls a legacy task or NAT order with progress on stderr: a
// spinner on a terminal, one line per state change otherwise.
func (a *app) waitTask(ctx context.Context, s *session, wo *waitOpts, kind wait.Kind, id, label string) (wait.Observation, error) {
	if wo.timeout <= 0 {
		return wait.Observation{}, usagef("invalid value %s for --wait-timeout: expected a positive duration such as 10m", wo.timeout)
	}
	resume := fmt.Sprintf("tcvpc task wait %s", id)
	if kind != wait.VpcTask {
		resume += " --kind " + string(kind)
	}
	prog := a.newProgress(label)
	p := wait.Poller{Timeout: wo.timeout, Now: a.f.Now, Sleep: a.f.Sleep, OnChange: prog.change}
	obs, err := p.Wait(ctx, wait.Describe(kind, id), resume, wait.TaskCheck(s.client, kind, id))
	prog.stop()
	if errors.Is(err, context.Canceled) {
		return obs, &interruptedError{hint: fmt.Sprintf("interrupted: %s continues on the server; resume waiting with: %s", wait.Describe(kind, id), resume)}
	}
	return obs, err
}

// progress shows a wait to a person.
type progress struct {
	a     *app
	label string
	spin  *spinner.Spinner
	start time.Time
}

func (a *app) newProgress(label string) *progress {
	p := &progress{a: a, label: label, start: a.now()}
	if a.g.quiet {
		return p
	}
	if a.f.IO.StderrTTY && a.f.IO.ErrFile != nil {
		// The spinner checks WriterFile for a terminal; Writer is where it draws.
		p.spin = spinner.New(spinner.CharSets[14], 100*time.Millisecond, spinner.WithWriterFile(a.f.IO.ErrFile))
		p.spin.Writer = a.f.IO.ErrOut
		p.spin.PreUpdate = func(sp *spinner.Spinner) {
			sp.Suffix = fmt.Sprintf(" %s %s", p.label, a.now().Sub(p.start).Round(time.Second))
		}
		p.spin.Suffix = " " + label
		p.spin.Start()
	}
	return p
}

func (p *progress) change(state string, elapsed time.Duration) {
	if p.a.g.quiet || p.spin != nil {
		return
	}
	fmt.Fprintf(p.a.f.IO.ErrOut, "%s: %s (%s)\n", p.label, state, elapsed.Round(time.Second))
}

func (p *progress) stop() {
	if p.spin != nil {
		p.spin.Stop()
	}
}

func (a *app) now() time.Time {
	if a.f.Now != nil {
		return a.f.Now()
	}
	return time.Now()
}
