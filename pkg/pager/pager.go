// Package pager reads every page of an Offset/Limit listing: the first page
// alone (it tells TotalCount), then the others concurrently, handing the
// pages to the caller in the service's order as they become available.
// Pacing is the client's: its per-Action limiter sees every request.
package pager

import (
	"context"
	"strconv"
	"strings"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// Doer sends one request; *api.Client is one.
type Doer interface {
	Do(ctx context.Context, req api.Request) (*api.Reply, error)
}

// DefaultWorkers bounds the pages in flight or waiting to be handed over:
// enough to keep 100 requests a second going at tens of milliseconds a
// page, few enough that memory holds a handful of pages.
const DefaultWorkers = 8

// Spec is one listing.
type Spec struct {
	// Request is the first page's request; its Params are copied for each
	// page and never changed.
	Request api.Request
	// Type, when set, gives the paging values the types the operation
	// documents (integers as numbers in a JSON body).
	Type func(params.Tree) (params.Tree, error)
	// Rows and Total are dotted paths in a reply: "SubnetSet",
	// "TotalCount"; "data.data", "data.totalCount".
	Rows, Total string
	// OffsetParam and LimitParam are the wire names: Offset/Limit or
	// offset/limit.
	OffsetParam, LimitParam string
	// Offset is the first item wanted; PageSize the Limit of each request.
	Offset, PageSize int
	// Max caps the number of items; 0 means every item.
	Max     int
	Workers int
}

// Page is one reply with its rows, in order: Index 0 is the first page.
type Page struct {
	Index int
	Reply *api.Reply // the whole reply, rows included
	Rows  []any
	// Total is the reply's TotalCount, -1 when it has none.
	Total int
}

// Run fetches the listing and calls emit with each page in order, from
// one goroutine. Rows beyond Max are dropped before emit sees them. An
// error from a page or from emit stops everything; pages already emitted
// stay emitted.
func Run(ctx context.Context, d Doer, s Spec, emit func(Page) error) error {
	if s.Workers <= 0 {
		s.Workers = DefaultWorkers
	}
	if s.PageSize <= 0 {
		s.PageSize = 100
	}
	limit := s.PageSize
	if s.Max > 0 && s.Max < limit {
		limit = s.Max
	}
	first, err := fetch(ctx, d, s, s.Offset, limit)
	if err != nil {
		return err
	}
	got := len(first.Rows)
	if s.Max > 0 && got > s.Max {
		first.Rows, got = first.Rows[:s.Max], s.Max
	}
	if err := emit(first); err != nil {
		return err
	}
	if got == 0 || (s.Max > 0 && got >= s.Max) {
		return nil
	}
	if first.Total < 0 {
		if got < limit {
			return nil
		}
		return sequential(ctx, d, s, s.Offset+got, limit, got, emit)
	}
	// How many items remain to fetch.
	want := first.Total - s.Offset - got
	if s.Max > 0 {
		want = min(want, s.Max-got)
	}
	if want <= 0 {
		return nil
	}
	// A service that returns fewer rows than asked for has a lower page
	// maximum than documented: step by what it gives.
	step := limit
	if got < limit {
		step = got
	}
	return concurrent(ctx, d, s, s.Offset+got, step, want, emit)
}

// concurrent fetches want items from offset start in pages of step, at
// most s.Workers pages being fetched or waiting at a time.
func concurrent(ctx context.Context, d Doer, s Spec, start, step, want int, emit func(Page) error) error {
	n := (want + step - 1) / step
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		page Page
		err  error
	}
	results := make([]chan result, n)
	for i := range results {
		results[i] = make(chan result, 1)
	}
	slots := make(chan struct{}, s.Workers)
	go func() {
		for i := 0; i < n; i++ {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				for ; i < n; i++ {
					results[i] <- result{err: ctx.Err()}
				}
				return
			}
			go func(i int) {
				limit := min(step, want-i*step)
				p, err := fetch(ctx, d, s, start+i*step, limit)
				p.Index = i + 1
				results[i] <- result{p, err}
			}(i)
		}
	}()
	for i := 0; i < n; i++ {
		r := <-results[i]
		<-slots
		if r.err != nil {
			return r.err
		}
		if limit := min(step, want-i*step); len(r.page.Rows) > limit {
			r.page.Rows = r.page.Rows[:limit]
		}
		if err := emit(r.page); err != nil {
			return err
		}
	}
	return nil
}

// sequential follows a listing without TotalCount until a short page.
func sequential(ctx context.Context, d Doer, s Spec, offset, limit, got int, emit func(Page) error) error {
	for i := 1; ; i++ {
		if s.Max > 0 {
			limit = min(limit, s.Max-got)
			if limit <= 0 {
				return nil
			}
		}
		p, err := fetch(ctx, d, s, offset, limit)
		if err != nil {
			return err
		}
		p.Index = i
		if len(p.Rows) > limit {
			p.Rows = p.Rows[:limit]
		}
		if err := emit(p); err != nil {
			return err
		}
		if len(p.Rows) < limit || len(p.Rows) == 0 {
			return nil
		}
		offset += len(p.Rows)
		got += len(p.Rows)
	}
}

func fetch(ctx context.Context, d Doer, s Spec, offset, limit int) (Page, error) {
	t := make(params.Tree, len(s.Request.Params)+2)
	for k, v := range s.Request.Params {
		t[k] = v
	}
	if offset > 0 {
		// The service's default; a first page asks no more than it must.
		t[s.OffsetParam] = strconv.Itoa(offset)
	}
	t[s.LimitParam] = strconv.Itoa(limit)
	if s.Type != nil {
		typed, err := s.Type(t)
		if err != nil {
			return Page{}, err
		}
		t = typed
	}
	req := s.Request
	req.Params = t
	reply, err := d.Do(ctx, req)
	if err != nil {
		return Page{}, err
	}
	rows, _ := Lookup(reply.Data, s.Rows).([]any)
	total := -1
	if n, err := strconv.Atoi(params.Scalar(Lookup(reply.Data, s.Total))); err == nil {
		total = n
	}
	return Page{Reply: reply, Rows: rows, Total: total}, nil
}

// Lookup reads a dotted path from a decoded reply.
func Lookup(data map[string]any, path string) any {
	var cur any = data
	for _, seg := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[seg]
	}
	return cur
}
