package api_test

import (
	"context"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/pkg/api"
)

// fakeClock moves only when the client sleeps.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *fakeClock) Sleep(_ context.Context, d time.Duration) error {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
	return nil
}

// arrivals records, per Action, the clock's reading when each request
// reached the transport, relative to start; the first n replies of each
// Action in throttle are RequestLimitExceeded.
type arrivals struct {
	clock    *fakeClock
	start    time.Time
	mu       sync.Mutex
	at       map[string][]time.Duration
	throttle map[string]int
}

func (a *arrivals) RoundTrip(r *http.Request) (*http.Response, error) {
	action := r.Header.Get("X-TC-Action")
	a.mu.Lock()
	a.at[action] = append(a.at[action], a.clock.Now().Sub(a.start))
	body := `{"Response":{"RequestId":"r"}}`
	if a.throttle[action] > 0 {
		a.throttle[action]--
		body = `{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow down"},"RequestId":"r"}}`
	}
	a.mu.Unlock()
	return &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader(body)), Header: http.Header{}, Request: r}, nil
}

func pacedClient(rate float64, throttle map[string]int) (*api.Client, *arrivals) {
	clock := &fakeClock{now: time.Unix(1700000000, 0)}
	tr := &arrivals{clock: clock, start: clock.now, at: map[string][]time.Duration{}, throttle: throttle}
	c := api.New(api.Config{
		SecretID: "AKIDx", SecretKey: "k", Region: "ap-guangzhou", Endpoint: "http://127.0.0.1:1",
		Rate: rate, MaxRetries: 3, Transport: tr, Now: clock.Now, Sleep: clock.Sleep,
	})
	return c, tr
}

func ms(list ...int) []time.Duration {
	out := make([]time.Duration, len(list))
	for i, v := range list {
		out[i] = time.Duration(v) * time.Millisecond
	}
	return out
}

func TestLimiterPacesEachAction(t *testing.T) {
	ctx := context.Background()
	c, tr := pacedClient(0, nil) // the default: 100/s, burst 5
	for i := 0; i < 8; i++ {
		if _, err := c.Do(ctx, api.Request{Action: "DescribeSubnets", Style: api.V3}); err != nil {
			t.Fatal(err)
		}
	}
	// Another Action has a bucket of its own: it does not wait.
	if _, err := c.Do(ctx, api.Request{Action: "DescribeVpcs", Style: api.V3}); err != nil {
		t.Fatal(err)
	}
	if got, want := tr.at["DescribeSubnets"], ms(0, 0, 0, 0, 0, 10, 20, 30); !reflect.DeepEqual(got, want) {
		t.Fatalf("DescribeSubnets sent at %v, want %v", got, want)
	}
	if got, want := tr.at["DescribeVpcs"], ms(30); !reflect.DeepEqual(got, want) {
		t.Fatalf("DescribeVpcs sent at %v, want %v", got, want)
	}
}

func TestLimiterLowerRate(t *testing.T) {
	ctx := context.Background()
	c, tr := pacedClient(2, nil) // --rate 2: burst 2, then one each 500ms
	for i := 0; i < 5; i++ {
		if _, err := c.Do(ctx, api.Request{Action: "DeleteSubnet", Style: api.V3}); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := tr.at["DeleteSubnet"], ms(0, 0, 500, 1000, 1500); !reflect.DeepEqual(got, want) {
		t.Fatalf("sent at %v, want %v", got, want)
	}
}

func TestLimiterConcurrentCallersShareTheBucket(t *testing.T) {
	c, tr := pacedClient(10, nil)
	var wg sync.WaitGroup
	for i := 0; i < 25; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Do(context.Background(), api.Request{Action: "DescribeSubnets", Style: api.V3}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	// Whatever the interleaving, no more than the burst (5) plus one per
	// 100ms may have gone out by any instant.
	got := tr.at["DescribeSubnets"]
	if len(got) != 25 {
		t.Fatalf("%d requests", len(got))
	}
	for _, at := range got {
		n := 0
		for _, other := range got {
			if other <= at {
				n++
			}
		}
		if allowed := 5 + int(at/(100*time.Millisecond)); n > allowed {
			t.Fatalf("%d requests by %v, at most %d allowed: %v", n, at, allowed, got)
		}
	}
}

func TestThrottledRetryGoesThroughTheLimiter(t *testing.T) {
	c, tr := pacedClient(0.25, map[string]int{"DescribeVpcs": 1}) // a token each 4s
	if _, err := c.Do(context.Background(), api.Request{Action: "DescribeVpcs", Style: api.V3}); err != nil {
		t.Fatal(err)
	}
	// The retry waited for a token, not only for its backoff (under 1s).
	got := tr.at["DescribeVpcs"]
	if len(got) != 2 || got[1] < 3900*time.Millisecond {
		t.Fatalf("sent at %v: the retry skipped the limiter", got)
	}
}

func TestNoLimit(t *testing.T) {
	c, tr := pacedClient(-1, nil)
	for i := 0; i < 50; i++ {
		if _, err := c.Do(context.Background(), api.Request{Action: "DescribeVpcs", Style: api.V3}); err != nil {
			t.Fatal(err)
		}
	}
	if last := tr.at["DescribeVpcs"][49]; last != 0 {
		t.Fatalf("unlimited client waited %v", last)
	}
}
