package api

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// DefaultRate is the documented request limit of the VPC API: requests
// per second for each Action.
const DefaultRate = 100

// defaultBurst lets a few requests start together (the pages after the
// first, a batch of deletes) without exceeding the service's count for a
// second by more than a handful.
const defaultBurst = 5

// throttleBackoff is the first backoff after a throttling reply; it
// doubles with each attempt (jittered), so three retries span about a
// second, the service's counting window.
const throttleBackoff = 250 * time.Millisecond

// limiters paces requests with one token bucket per Action, shared by every
// goroutine using the client, so that concurrent pages and bulk verbs stay
// under the service's limit rather than learning it from throttling
// replies.
type limiters struct {
	rate  rate.Limit // 0: no limit
	burst int
	now   func() time.Time
	sleep func(context.Context, time.Duration) error

	mu     sync.Mutex
	byName map[string]*rate.Limiter
}

func newLimiters(perSecond float64, burst int, now func() time.Time, sleep func(context.Context, time.Duration) error) *limiters {
	if perSecond < 0 {
		return &limiters{}
	}
	if perSecond == 0 {
		perSecond = DefaultRate
	}
	if burst <= 0 {
		burst = min(defaultBurst, max(1, int(perSecond)))
	}
	return &limiters{rate: rate.Limit(perSecond), burst: burst, now: now, sleep: sleep, byName: map[string]*rate.Limiter{}}
}

// wait blocks until action may send one more request. Reservations are
// taken at the client's clock and slept through its Sleep, so tests with a
// fake clock see the exact pacing without waiting.
func (l *limiters) wait(ctx context.Context, action string) error {
	if l.rate == 0 {
		return nil
	}
	l.mu.Lock()
	lim := l.byName[action]
	if lim == nil {
		lim = rate.NewLimiter(l.rate, l.burst)
		l.byName[action] = lim
	}
	now := l.now()
	r := lim.ReserveN(now, 1)
	l.mu.Unlock()
	d := r.DelayFrom(now)
	if d <= 0 {
		return nil
	}
	if err := l.sleep(ctx, d); err != nil {
		r.CancelAt(l.now())
		return err
	}
	return nil
}
