package pager

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// store serves items "s-0" … "s-(n-1)" by Offset/Limit, at most cap rows
// a page, recording each request's paging.
type store struct {
	n, cap  int
	noTotal bool
	hook    func(offset int) error // runs before answering; may block
	after   func(offset int)       // runs once the answer is recorded

	mu       sync.Mutex
	requests []string // "offset/limit", in arrival order
	answered []int    // offsets, in the order replies went back
	inFlight int
	maxUp    int
}

func (s *store) Do(ctx context.Context, req api.Request) (*api.Reply, error) {
	off, _ := strconv.Atoi(params.Scalar(req.Params["Offset"]))
	lim, _ := strconv.Atoi(params.Scalar(req.Params["Limit"]))
	s.mu.Lock()
	s.requests = append(s.requests, fmt.Sprintf("%d/%d", off, lim))
	s.inFlight++
	s.maxUp = max(s.maxUp, s.inFlight)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.answered = append(s.answered, off)
		s.mu.Unlock()
		if s.after != nil {
			s.after(off)
		}
	}()
	if s.hook != nil {
		if err := s.hook(off); err != nil {
			return nil, err
		}
	}
	if s.cap > 0 {
		lim = min(lim, s.cap)
	}
	rows := []any{}
	for i := off; i < min(off+lim, s.n); i++ {
		rows = append(rows, map[string]any{"Id": "s-" + strconv.Itoa(i)})
	}
	data := map[string]any{"Set": rows, "RequestId": "r"}
	if !s.noTotal {
		data["TotalCount"] = s.n
	}
	return &api.Reply{Style: api.V3, Data: data}, nil
}

func spec(offset, pageSize, maxItems int) Spec {
	return Spec{
		Request: api.Request{Action: "DescribeThings", Style: api.V3, Params: params.Tree{"Keep": "me"}},
		Rows:    "Set", Total: "TotalCount", OffsetParam: "Offset", LimitParam: "Limit",
		Offset: offset, PageSize: pageSize, Max: maxItems,
	}
}

// collect runs the listing and returns the IDs in the order emitted.
func collect(t *testing.T, d Doer, s Spec) ([]string, error) {
	t.Helper()
	var ids []string
	next := 0
	err := Run(context.Background(), d, s, func(p Page) error {
		if p.Index != next {
			t.Fatalf("page %d emitted when %d was due", p.Index, next)
		}
		next++
		for _, r := range p.Rows {
			ids = append(ids, r.(map[string]any)["Id"].(string))
		}
		return nil
	})
	return ids, err
}

func idRange(from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		out = append(out, "s-"+strconv.Itoa(i))
	}
	return out
}

func TestEveryItemInOrder(t *testing.T) {
	st := &store{n: 1030}
	ids, err := collect(t, st, spec(0, 100, 0))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids, idRange(0, 1030)) {
		t.Fatalf("got %d items: %v…", len(ids), ids[:5])
	}
	// The first page alone, then the rest; the last asks for what is left.
	if st.requests[0] != "0/100" || len(st.requests) != 11 {
		t.Fatalf("requests %v", st.requests)
	}
	seen := map[string]bool{}
	for _, r := range st.requests {
		seen[r] = true
	}
	for i := 0; i < 10; i++ {
		if !seen[fmt.Sprintf("%d/100", i*100)] {
			t.Fatalf("no request for offset %d: %v", i*100, st.requests)
		}
	}
	if !seen["1000/30"] {
		t.Fatalf("last page: %v", st.requests)
	}
}

func TestLimitAcrossPageBoundaries(t *testing.T) {
	for _, tc := range []struct {
		offset, pageSize, max int
		want                  []string
		requests              []string // sorted by offset
	}{
		{0, 100, 250, idRange(0, 250), []string{"0/100", "100/100", "200/50"}},
		{30, 100, 250, idRange(30, 280), []string{"30/100", "130/100", "230/50"}},
		{5, 100, 7, idRange(5, 12), []string{"5/7"}},
		{0, 20, 45, idRange(0, 45), []string{"0/20", "20/20", "40/5"}},
		{990, 100, 500, idRange(990, 1030), []string{"990/100"}},
		{1030, 100, 0, nil, []string{"1030/100"}},
		{950, 100, 0, idRange(950, 1030), []string{"950/100"}},
	} {
		t.Run(fmt.Sprintf("offset=%d,page=%d,limit=%d", tc.offset, tc.pageSize, tc.max), func(t *testing.T) {
			st := &store{n: 1030}
			ids, err := collect(t, st, spec(tc.offset, tc.pageSize, tc.max))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ids, tc.want) {
				t.Fatalf("got %d items %v, want %d", len(ids), ids, len(tc.want))
			}
			got := append([]string(nil), st.requests...)
			sortByOffset(got)
			if !reflect.DeepEqual(got, tc.requests) {
				t.Fatalf("requests %v, want %v", got, tc.requests)
			}
		})
	}
}

func sortByOffset(rs []string) {
	off := func(s string) int {
		n, _, _ := strings.Cut(s, "/")
		v, _ := strconv.Atoi(n)
		return v
	}
	sort.Slice(rs, func(i, j int) bool { return off(rs[i]) < off(rs[j]) })
}

// Later pages answer first; the items still come out in the service's
// order, and no more than Workers pages are in flight.
func TestConcurrentPagesEmitInOrder(t *testing.T) {
	release := make(chan struct{})
	var once sync.Once
	var mu sync.Mutex
	laterDone := 0
	st := &store{n: 1000}
	st.hook = func(off int) error {
		if off == 100 {
			<-release // page 1 waits until pages 2, 3 and 4 have answered
		}
		return nil
	}
	st.after = func(off int) {
		if off >= 200 && off <= 400 {
			mu.Lock()
			laterDone++
			if laterDone == 3 {
				once.Do(func() { close(release) })
			}
			mu.Unlock()
		}
	}
	s := spec(0, 100, 0)
	s.Workers = 4
	ids, err := collect(t, st, s)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids, idRange(0, 1000)) {
		t.Fatalf("items out of order: %v…", ids[:3])
	}
	pos := map[int]int{}
	for i, off := range st.answered {
		pos[off] = i
	}
	if pos[100] < pos[200] || pos[100] < pos[400] {
		t.Fatalf("page 1 answered before later pages (%v): the pages were not fetched concurrently", st.answered)
	}
	if st.maxUp > 4 {
		t.Fatalf("%d pages in flight, at most 4 allowed", st.maxUp)
	}
}

func TestServicePageMaximumBelowAsked(t *testing.T) {
	st := &store{n: 230, cap: 50}
	ids, err := collect(t, st, spec(0, 100, 0))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids, idRange(0, 230)) {
		t.Fatalf("got %d items", len(ids))
	}
}

func TestNoTotalCountFollowsUntilShortPage(t *testing.T) {
	st := &store{n: 250, noTotal: true}
	ids, err := collect(t, st, spec(0, 100, 0))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids, idRange(0, 250)) || !reflect.DeepEqual(st.requests, []string{"0/100", "100/100", "200/100"}) {
		t.Fatalf("got %d items, requests %v", len(ids), st.requests)
	}
	st = &store{n: 250, noTotal: true}
	if ids, _ = collect(t, st, spec(0, 100, 120)); !reflect.DeepEqual(ids, idRange(0, 120)) || !reflect.DeepEqual(st.requests, []string{"0/100", "100/20"}) {
		t.Fatalf("with a limit: %d items, requests %v", len(ids), st.requests)
	}
}

func TestPageErrorStops(t *testing.T) {
	boom := errors.New("boom")
	st := &store{n: 1000, hook: func(off int) error {
		if off == 300 {
			return boom
		}
		return nil
	}}
	ids, err := collect(t, st, spec(0, 100, 0))
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if !reflect.DeepEqual(ids, idRange(0, 300)) {
		t.Fatalf("emitted %d items before the failed page, want 300", len(ids))
	}
}

func TestRequestParamsKeptAndTyped(t *testing.T) {
	var got []params.Tree
	var mu sync.Mutex
	d := doerFunc(func(_ context.Context, req api.Request) (*api.Reply, error) {
		mu.Lock()
		got = append(got, req.Params)
		mu.Unlock()
		return &api.Reply{Data: map[string]any{"Set": []any{map[string]any{"Id": "x"}}, "TotalCount": 1}}, nil
	})
	s := spec(0, 100, 0)
	s.Type = func(t params.Tree) (params.Tree, error) {
		out := params.Tree{}
		for k, v := range t {
			out[k] = "typed:" + params.Scalar(v)
		}
		return out, nil
	}
	if _, err := collect(t, d, s); err != nil {
		t.Fatal(err)
	}
	want := params.Tree{"Keep": "typed:me", "Limit": "typed:100"} // Offset 0 is the default: not sent
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Fatalf("params %v, want %v", got, want)
	}
	if len(s.Request.Params) != 1 {
		t.Fatalf("the caller's params were changed: %v", s.Request.Params)
	}
}

type doerFunc func(context.Context, api.Request) (*api.Reply, error)

func (f doerFunc) Do(ctx context.Context, r api.Request) (*api.Reply, error) { return f(ctx, r) }
