package cmd

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/pager"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// pageSize is the documented page maximum of most Describe operations.
const pageSize = 100

type listOpts struct {
	filters  []string
	limit    int64 // items in all; 0: every item
	offset   int64
	pageSize int64 // the wire Limit; 0: the operation's maximum
	all      bool  // every item is the default; kept for scripts
	fs       *pflag.FlagSet
}

func addListFlags(cmd *cobra.Command, filters bool) *listOpts {
	fs := cmd.Flags()
	lo := &listOpts{fs: fs}
	if filters {
		// Only API 3.0 has Filters; legacy lists filter with their own flags.
		fs.StringArrayVar(&lo.filters, "filter", nil, "NAME=VALUE[,VALUE…] filter (API 3.0 Filters; repeatable)")
	}
	fs.Int64Var(&lo.limit, "limit", 0, "stop after N items, across pages (default: every item)")
	fs.Int64Var(&lo.offset, "offset", 0, "items to skip")
	fs.Int64Var(&lo.pageSize, "page-size", 0, "items per request (default: the operation's maximum)")
	fs.BoolVar(&lo.all, "all", false, "every item (the default; accepted for scripts)")
	_ = fs.MarkHidden("all")
	return lo
}

// apply adds filters and paging to req in the style's own parameters.
func (lo *listOpts) apply(l *List, op *model.Operation, style api.Style, req *api.Request) error {
	if lo.fs.Changed("limit") && lo.limit < 1 {
		return usagef("invalid value %d for --limit: expected 1 or more", lo.limit)
	}
	if max := l.pageMax(op); lo.pageSize < 0 || lo.pageSize > int64(max) || (lo.fs.Changed("page-size") && lo.pageSize == 0) {
		return usagef("invalid value %d for --page-size: expected 1 to %d", lo.pageSize, max)
	}
	if lo.offset < 0 {
		return usagef("invalid value %d for --offset: expected 0 or more", lo.offset)
	}
	if len(lo.filters) == 0 {
		return nil
	}
	if style == api.Legacy {
		return usagef("--filter maps to API 3.0 Filters; with --legacy use the operation's own flags (see --help)")
	}
	filters, _ := req.Params["Filters"].([]any)
	for _, f := range lo.filters {
		name, vals, ok := strings.Cut(f, "=")
		if !ok || name == "" || vals == "" {
			return usagef("invalid value %q for --filter: expected NAME=VALUE[,VALUE…], e.g. vpc-name=prod", f)
		}
		var values []any
		for _, v := range strings.Split(vals, ",") {
			values = append(values, v)
		}
		filters = append(filters, map[string]any{"Name": name, "Values": values})
	}
	req.Params["Filters"] = filters
	return nil
}

// pageMax is the most rows one request of op may ask for: the range the
// model gives its limit parameter, else the declaration's, else 100.
func (l *List) pageMax(op *model.Operation) int {
	for _, name := range []string{"Limit", "limit"} {
		if p, ok := op.Param(name); ok && p.Range != nil && p.Range.Max > 0 {
			return int(p.Range.Max)
		}
	}
	if l.MaxLimit > 0 {
		return l.MaxLimit
	}
	return pageSize
}

// spec is the paging of a list request in its style's own parameters.
func (lo *listOpts) spec(b *built, req api.Request) pager.Spec {
	l := b.List
	sp := pager.Spec{
		Request: req, Rows: l.V3Rows, Total: l.V3Total, OffsetParam: "Offset", LimitParam: "Limit",
		Offset: int(lo.offset), PageSize: int(lo.pageSize), Max: int(lo.limit),
	}
	if req.Style == api.Legacy {
		sp.Rows, sp.Total, sp.OffsetParam, sp.LimitParam = l.LegacyRows, l.LegacyTotal, "offset", "limit"
	}
	if sp.PageSize == 0 {
		sp.PageSize = l.pageMax(b.ops[req.Style])
	}
	op := b.ops[req.Style]
	// The paging values keep the type the operation documents.
	sp.Type = func(t params.Tree) (params.Tree, error) {
		typed, err := op.Coerce(t)
		if err != nil {
			return nil, usagef("%v", err)
		}
		return typed, nil
	}
	return sp
}

// streamList fetches every page and writes them as they arrive. It
// reports false, having sent nothing, for views that need the merged
// reply (a single row, a computed table).
func (a *app) streamList(ctx context.Context, s *session, b *built, req api.Request, lo *listOpts, view View) (bool, error) {
	if view.Single || view.Needs != "" || view.RowsFunc != nil {
		return false, nil
	}
	sp := lo.spec(b, req)
	st, err := output.NewStream(a.f.IO.Out, output.Options{
		Format: s.format, Query: s.query, Rows: view.Rows, Columns: view.Columns,
		NoHeader: a.g.noHeader, Color: a.f.IO.ColorOut(),
	}, sp.Rows)
	if err != nil {
		return true, err
	}
	var secrets map[string]bool
	if !a.g.showSecrets {
		secrets = secretNames()
	}
	err = pager.Run(ctx, s.client, sp, func(p pager.Page) error {
		if secrets != nil {
			maskSecrets(p.Reply.Data, secrets) // the page's rows are in it
		}
		if p.Index == 0 {
			if err := st.Begin(p.Reply.Data); err != nil {
				return err
			}
		}
		return st.Add(p.Rows)
	})
	if err != nil {
		return true, err
	}
	return true, st.End()
}

// fetchAll returns one reply, the first page's, whose row list holds the
// rows of every page.
func (a *app) fetchAll(ctx context.Context, s *session, b *built, req api.Request, lo *listOpts) (*api.Reply, error) {
	sp := lo.spec(b, req)
	var first *api.Reply
	all := []any{}
	err := pager.Run(ctx, s.client, sp, func(p pager.Page) error {
		if p.Index == 0 {
			first = p.Reply
		}
		all = append(all, p.Rows...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	setPath(first.Data, sp.Rows, all)
	return first, nil
}

func setPath(data map[string]any, path string, v any) {
	segs := strings.Split(path, ".")
	cur := data
	for _, s := range segs[:len(segs)-1] {
		next, ok := cur[s].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[s] = next
		}
		cur = next
	}
	cur[segs[len(segs)-1]] = v
}
