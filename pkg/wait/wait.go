// Package wait polls asynchronous work until it ends: legacy tasks
// (DescribeVpcTaskResult), parameter-template tasks (DescribeNetTaskResult),
// NAT gateway orders (QueryNatGatewayProductionStatus) and resource states.
package wait

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tcvpc/tcvpc/pkg/api"
)

// Outcome of one poll.
type Outcome int

const (
	Running Outcome = iota
	Succeeded
	Failed
)

// Observation is what one poll saw.
type Observation struct {
	Outcome Outcome
	State   string         // shown to the user: "running", "PENDING", …
	Detail  string         // failure text from the service, when Failed
	Data    map[string]any // the last reply, to print when done
}

// Check polls once.
type Check func(ctx context.Context) (Observation, error)

// Poller runs a Check until it reports an end, with a growing interval.
type Poller struct {
	Interval    time.Duration // first interval, default 1s
	MaxInterval time.Duration // cap, default 10s
	Timeout     time.Duration // default 10m
	Now         func() time.Time
	Sleep       func(context.Context, time.Duration) error
	// OnChange is called whenever the observed state changes (and once at
	// the start), for progress display.
	OnChange func(state string, elapsed time.Duration)
}

// TimeoutError: the work did not end within the allowed time.
type TimeoutError struct {
	What      string // "task 12615"
	LastState string
	Waited    time.Duration
	Resume    string // the command that resumes the wait
}

func (e *TimeoutError) Error() string {
	waited := e.Waited.Round(time.Second)
	if e.Waited < time.Second { // --wait-timeout 100ms: not "after 0s"
		waited = e.Waited.Round(time.Millisecond)
	}
	s := fmt.Sprintf("timed out after %s waiting for %s (last state: %s)", waited, e.What, e.LastState)
	if e.Resume != "" {
		s += "; resume with: " + e.Resume
	}
	return s
}

// FailedError: the work ended in failure.
type FailedError struct {
	What   string
	Detail string
}

func (e *FailedError) Error() string {
	if e.Detail == "" {
		return e.What + " failed"
	}
	return e.What + " failed: " + e.Detail
}

// Wait polls check until success (returning the last observation), failure
// (*FailedError), timeout (*TimeoutError) or ctx ends (ctx.Err()).
func (p Poller) Wait(ctx context.Context, what, resume string, check Check) (Observation, error) {
	p.defaults()
	start := p.Now()
	interval := p.Interval
	last := ""
	for {
		obs, err := check(ctx)
		if ctx.Err() != nil {
			return obs, ctx.Err()
		}
		state := obs.State
		if err != nil {
			if !transient(err) {
				return obs, err
			}
			// The service or the network hiccuped; the work goes on.
			state = last
			if state == "" {
				state = "unknown"
			}
		}
		elapsed := p.Now().Sub(start)
		if state != last && p.OnChange != nil {
			p.OnChange(state, elapsed)
		}
		last = state
		if err == nil {
			switch obs.Outcome {
			case Succeeded:
				return obs, nil
			case Failed:
				return obs, &FailedError{What: what, Detail: obs.Detail}
			}
		}
		if elapsed+interval > p.Timeout {
			if elapsed < p.Timeout {
				interval = p.Timeout - elapsed
			} else {
				return obs, &TimeoutError{What: what, LastState: last, Waited: elapsed, Resume: resume}
			}
		}
		if err := p.Sleep(ctx, interval); err != nil {
			return obs, err
		}
		interval = time.Duration(float64(interval) * 1.5)
		if interval > p.MaxInterval {
			interval = p.MaxInterval
		}
	}
}

func (p *Poller) defaults() {
	if p.Interval <= 0 {
		p.Interval = time.Second
	}
	if p.MaxInterval <= 0 {
		p.MaxInterval = 10 * time.Second
	}
	if p.Timeout <= 0 {
		p.Timeout = 10 * time.Minute
	}
	if p.Now == nil {
		p.Now = time.Now
	}
	if p.Sleep == nil {
		p.Sleep = func(ctx context.Context, d time.Duration) error {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-t.C:
				return nil
			}
		}
	}
}

// transient errors do not end a wait: throttling, internal errors, HTTP
// 5xx and network failures.
func transient(err error) bool {
	var apiErr *api.Error
	if errors.As(err, &apiErr) {
		return apiErr.Retryable() || apiErr.HTTPStatus >= 500
	}
	var netErr *api.NetworkError
	return errors.As(err, &netErr)
}
