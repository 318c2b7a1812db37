package wait

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/pkg/api"
)

// fakeClock advances only when the poller sleeps.
type fakeClock struct {
	now    time.Time
	slept  []time.Duration
	cancel func() // called on the nth sleep, to stand for Ctrl-C
	at     int
}

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.slept = append(c.slept, d)
	c.now = c.now.Add(d)
	if c.cancel != nil && len(c.slept) == c.at {
		c.cancel()
	}
	return ctx.Err()
}

// scripted answers each Do with the next reply or error, recording requests.
type scripted struct {
	replies []any // *api.Reply or error
	reqs    []api.Request
}

func (s *scripted) Do(ctx context.Context, req api.Request) (*api.Reply, error) {
	s.reqs = append(s.reqs, req)
	if len(s.replies) == 0 {
		return nil, errors.New("unexpected poll")
	}
	r := s.replies[0]
	s.replies = s.replies[1:]
	if err, ok := r.(error); ok {
		return nil, err
	}
	return r.(*api.Reply), nil
}

func status(n int, extra ...string) *api.Reply {
	data := map[string]any{"status": fmt.Sprint(n)}
	for i := 0; i+1 < len(extra); i += 2 {
		data[extra[i]] = extra[i+1]
	}
	return &api.Reply{Style: api.Legacy, Data: map[string]any{"code": "0", "message": "", "data": data}}
}

var kinds = []struct {
	kind   Kind
	action string
	param  string
}{
	{VpcTask, "DescribeVpcTaskResult", "taskId"},
	{NetTask, "DescribeNetTaskResult", "taskId"},
	{NatBill, "QueryNatGatewayProductionStatus", "billId"},
}

func poller(clock *fakeClock, changes *[]string) Poller {
	return Poller{Timeout: time.Minute, Now: clock.Now, Sleep: clock.Sleep, OnChange: func(s string, d time.Duration) {
		*changes = append(*changes, fmt.Sprintf("%s@%s", s, d))
	}}
}

func TestSuccessEveryKind(t *testing.T) {
	for _, k := range kinds {
		t.Run(string(k.kind), func(t *testing.T) {
			clock := &fakeClock{now: time.Unix(1700000000, 0)}
			var changes []string
			c := &scripted{replies: []any{status(2), status(2), status(2), status(0)}}
			obs, err := poller(clock, &changes).Wait(context.Background(), Describe(k.kind, "42"), "", TaskCheck(c, k.kind, "42"))
			if err != nil || obs.Outcome != Succeeded {
				t.Fatalf("%v %v", obs, err)
			}
			// Intervals start at 1s and grow ×1.5.
			if want := []time.Duration{time.Second, 1500 * time.Millisecond, 2250 * time.Millisecond}; !reflect.DeepEqual(clock.slept, want) {
				t.Fatalf("slept %v, want %v", clock.slept, want)
			}
			if want := []string{"running@0s", "succeeded@4.75s"}; !reflect.DeepEqual(changes, want) {
				t.Fatalf("changes %v", changes)
			}
			for _, r := range c.reqs {
				if r.Action != k.action || r.Style != api.Legacy || r.Params[k.param] != "42" {
					t.Fatalf("polled with %+v", r)
				}
			}
		})
	}
}

func TestFailureCarriesServiceText(t *testing.T) {
	cases := map[Kind]*api.Reply{
		VpcTask: status(1, "errorMsg", "tunnel busy"),
		NatBill: status(1, "errorCode", "ResourceInsufficient"),
		NetTask: {Data: map[string]any{"code": "0", "data": map[string]any{"status": "1", "output": map[string]any{"code": "1", "message": "template in use"}}}},
	}
	want := map[Kind]string{VpcTask: "task 7 failed: tunnel busy", NatBill: "order 7 failed: ResourceInsufficient", NetTask: "task 7 failed: template in use"}
	for kind, reply := range cases {
		clock := &fakeClock{now: time.Unix(0, 0)}
		var changes []string
		_, err := poller(clock, &changes).Wait(context.Background(), Describe(kind, "7"), "", TaskCheck(&scripted{replies: []any{reply}}, kind, "7"))
		var fe *FailedError
		if !errors.As(err, &fe) || err.Error() != want[kind] {
			t.Errorf("%s: got %v", kind, err)
		}
	}
}

func TestTimeoutNamesTaskStateAndResume(t *testing.T) {
	clock := &fakeClock{now: time.Unix(0, 0)}
	var replies []any
	for i := 0; i < 20; i++ {
		replies = append(replies, status(2))
	}
	var changes []string
	p := poller(clock, &changes)
	p.Timeout = 10 * time.Second
	_, err := p.Wait(context.Background(), "task 12615", "tcvpc task wait 12615", TaskCheck(&scripted{replies: replies}, VpcTask, "12615"))
	var te *TimeoutError
	if !errors.As(err, &te) || err.Error() != "timed out after 10s waiting for task 12615 (last state: running); resume with: tcvpc task wait 12615" {
		t.Fatalf("got %v", err)
	}
	var total time.Duration
	for _, d := range clock.slept {
		total += d
	}
	if total != 10*time.Second {
		t.Fatalf("waited %v, want exactly the timeout", total)
	}
}

func TestTransientErrorsDoNotEndTheWait(t *testing.T) {
	for _, k := range kinds {
		clock := &fakeClock{now: time.Unix(0, 0)}
		var changes []string
		c := &scripted{replies: []any{
			status(2),
			&api.Error{Style: api.Legacy, Code: "4400", Message: "too many requests"},
			&api.NetworkError{Attempts: 4, Err: errors.New("connection reset")},
			&api.Error{Style: api.Legacy, HTTPStatus: 502},
			status(0),
		}}
		obs, err := poller(clock, &changes).Wait(context.Background(), "x", "", TaskCheck(c, k.kind, "1"))
		if err != nil || obs.Outcome != Succeeded || len(c.reqs) != 5 {
			t.Fatalf("%s: %v after %d polls", k.kind, err, len(c.reqs))
		}
		if want := []string{"running@0s", "succeeded@8.125s"}; !reflect.DeepEqual(changes, want) {
			t.Fatalf("%s: changes %v", k.kind, changes)
		}
	}
}

func TestPermanentErrorEndsTheWait(t *testing.T) {
	clock := &fakeClock{now: time.Unix(0, 0)}
	var changes []string
	apiErr := &api.Error{Style: api.Legacy, Code: "4000", Message: "taskId invalid"}
	_, err := poller(clock, &changes).Wait(context.Background(), "x", "", TaskCheck(&scripted{replies: []any{apiErr}}, VpcTask, "1"))
	if !errors.Is(err, apiErr) {
		t.Fatalf("got %v", err)
	}
}

func TestCancelStopsPolling(t *testing.T) {
	for _, k := range kinds {
		ctx, cancel := context.WithCancel(context.Background())
		clock := &fakeClock{now: time.Unix(0, 0), cancel: cancel, at: 2}
		var changes []string
		c := &scripted{replies: []any{status(2), status(2), status(2), status(2)}}
		_, err := poller(clock, &changes).Wait(ctx, "x", "", TaskCheck(c, k.kind, "1"))
		if !errors.Is(err, context.Canceled) || len(c.reqs) != 2 {
			t.Fatalf("%s: %v after %d polls", k.kind, err, len(c.reqs))
		}
	}
}

func TestIntervalIsCapped(t *testing.T) {
	clock := &fakeClock{now: time.Unix(0, 0)}
	var replies []any
	for i := 0; i < 12; i++ {
		replies = append(replies, status(2))
	}
	replies = append(replies, status(0))
	var changes []string
	p := poller(clock, &changes)
	p.Timeout = time.Hour
	if _, err := p.Wait(context.Background(), "x", "", TaskCheck(&scripted{replies: replies}, VpcTask, "1")); err != nil {
		t.Fatal(err)
	}
	if last := clock.slept[len(clock.slept)-1]; last != 10*time.Second {
		t.Fatalf("last interval %v, want the 10s cap", last)
	}
}

func TestUnexpectedStatusIsAnError(t *testing.T) {
	_, err := TaskCheck(&scripted{replies: []any{status(9)}}, VpcTask, "1")(context.Background())
	if err == nil || !strings.Contains(err.Error(), "unexpected status 9") {
		t.Fatal(err)
	}
}

func TestParseKind(t *testing.T) {
	if _, err := ParseKind("nat"); err == nil || err.Error() != `invalid value "nat" for --kind: expected vpc, net or bill` {
		t.Fatal(err)
	}
}

func TestStateCheck(t *testing.T) {
	row := func(state string) *api.Reply {
		return &api.Reply{Data: map[string]any{"VpnGatewaySet": []any{map[string]any{"VpnGatewayId": "vpngw-1", "State": state}}}}
	}
	empty := &api.Reply{Data: map[string]any{"VpnGatewaySet": []any{}}}
	describe := api.Request{Action: "DescribeVpnGateways", Style: api.V3}
	clock := &fakeClock{now: time.Unix(0, 0)}
	var changes []string
	c := &scripted{replies: []any{empty, row("PENDING"), &api.Error{Code: "RequestLimitExceeded"}, row("PENDING"), row("AVAILABLE")}}
	st := State{Describe: describe, Rows: "VpnGatewaySet", Field: "State", Ready: []string{"AVAILABLE"}, Failed: []string{"FAILED"}}
	obs, err := poller(clock, &changes).Wait(context.Background(), "vpngw-1", "", StateCheck(c, st))
	if err != nil || obs.State != "AVAILABLE" {
		t.Fatalf("%v %v", obs, err)
	}
	if want := []string{"not visible yet@0s", "PENDING@1s", "AVAILABLE@8.125s"}; !reflect.DeepEqual(changes, want) {
		t.Fatalf("changes %v", changes)
	}
	_, err = poller(clock, &changes).Wait(context.Background(), "vpngw-1", "", StateCheck(&scripted{replies: []any{row("FAILED")}}, st))
	if err == nil || err.Error() != "vpngw-1 failed: state FAILED" {
		t.Fatal(err)
	}
	st.Gone = true
	obs, err = poller(clock, &changes).Wait(context.Background(), "vpngw-1", "", StateCheck(&scripted{replies: []any{row("DELETING"), empty}}, st))
	if err != nil || obs.State != "deleted" {
		t.Fatalf("%v %v", obs, err)
	}
	notFound := &api.Error{Code: "ResourceNotFound"}
	obs, err = poller(clock, &changes).Wait(context.Background(), "vpngw-1", "", StateCheck(&scripted{replies: []any{row("DELETING"), notFound}}, st))
	if err != nil || obs.State != "deleted" {
		t.Fatalf("not found after a delete: %v %v", obs, err)
	}
}

func TestStateWaitTimeoutAndCancel(t *testing.T) {
	pending := &api.Reply{Data: map[string]any{"VpnGatewaySet": []any{map[string]any{"State": "PENDING"}}}}
	st := State{Describe: api.Request{Action: "DescribeVpnGateways", Style: api.V3}, Rows: "VpnGatewaySet", Field: "State", Ready: []string{"AVAILABLE"}}
	var replies []any
	for i := 0; i < 10; i++ {
		replies = append(replies, pending)
	}
	clock := &fakeClock{now: time.Unix(0, 0)}
	var changes []string
	p := poller(clock, &changes)
	p.Timeout = 5 * time.Second
	_, err := p.Wait(context.Background(), "VPN gateway vpngw-1", "tcvpc vpn gw show vpngw-1", StateCheck(&scripted{replies: replies}, st))
	if err == nil || err.Error() != "timed out after 5s waiting for VPN gateway vpngw-1 (last state: PENDING); resume with: tcvpc vpn gw show vpngw-1" {
		t.Fatalf("timeout: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	clock = &fakeClock{now: time.Unix(0, 0), cancel: cancel, at: 1}
	c := &scripted{replies: replies}
	_, err = poller(clock, &changes).Wait(ctx, "x", "", StateCheck(c, st))
	if !errors.Is(err, context.Canceled) || len(c.reqs) != 1 {
		t.Fatalf("cancel: %v after %d polls", err, len(c.reqs))
	}
}

func TestTimeoutErrorShortWaits(t *testing.T) {
	for waited, want := range map[time.Duration]string{
		100 * time.Millisecond:  "timed out after 100ms waiting for task 1 (last state: running)",
		1400 * time.Millisecond: "timed out after 1s waiting for task 1 (last state: running)",
	} {
		if got := (&TimeoutError{What: "task 1", LastState: "running", Waited: waited}).Error(); got != want {
			t.Errorf("%v: %q, want %q", waited, got, want)
		}
	}
}
