package cmd

import (
	"context"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// pageSize is what --all asks for per request: the documented maximum of
// the Describe operations.
const pageSize = 100

type listOpts struct {
	filters []string
	limit   int64
	offset  int64
	all     bool
}

func addListFlags(cmd *cobra.Command, filters bool) *listOpts {
	lo := &listOpts{}
	fs := cmd.Flags()
	if filters {
		// Only API 3.0 has Filters; legacy lists filter with their own flags.
		fs.StringArrayVar(&lo.filters, "filter", nil, "NAME=VALUE[,VALUE…] filter (API 3.0 Filters; repeatable)")
	}
	fs.Int64Var(&lo.limit, "limit", 0, "number of items per request (service default 20, at most 100)")
	fs.Int64Var(&lo.offset, "offset", 0, "items to skip")
	fs.BoolVar(&lo.all, "all", false, "fetch every page until TotalCount is reached")
	return lo
}

// apply adds filters and paging to req in the style's own parameters.
func (lo *listOpts) apply(l *List, style api.Style, req *api.Request) error {
	off, lim := "Offset", "Limit"
	if style == api.Legacy {
		off, lim = "offset", "limit"
	}
	if max := l.pageMax(); lo.limit < 0 || lo.limit > int64(max) {
		return usagef("invalid value %d for --limit: expected 1 to %d", lo.limit, max)
	}
	if lo.offset < 0 {
		return usagef("invalid value %d for --offset: expected 0 or more", lo.offset)
	}
	if lo.limit > 0 {
		req.Params[lim] = strconv.FormatInt(lo.limit, 10)
	}
	if lo.offset > 0 {
		req.Params[off] = strconv.FormatInt(lo.offset, 10)
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

// pageMax is the most rows one request may ask for.
func (l *List) pageMax() int {
	if l.MaxLimit > 0 {
		return l.MaxLimit
	}
	return pageSize
}

// fetchAll follows Offset/Limit until TotalCount rows are in, and returns
// one reply whose row list holds them all.
func (a *app) fetchAll(ctx context.Context, s *session, op *model.Operation, l *List, req api.Request) (*api.Reply, error) {
	rowsKey, totalKey, off, lim := l.V3Rows, l.V3Total, "Offset", "Limit"
	if req.Style == api.Legacy {
		rowsKey, totalKey, off, lim = l.LegacyRows, l.LegacyTotal, "offset", "limit"
	}
	start := 0
	if v, ok := req.Params[off]; ok {
		start, _ = strconv.Atoi(params.Scalar(v))
	}
	if _, ok := req.Params[lim]; !ok {
		req.Params[lim] = strconv.Itoa(l.pageMax())
	}
	var first *api.Reply
	var all []any
	for {
		req.Params[off] = strconv.Itoa(start + len(all))
		// The paging values keep the type the operation documents.
		typed, err := op.Coerce(req.Params)
		if err != nil {
			return nil, usagef("%v", err)
		}
		page := req
		page.Params = typed
		reply, err := s.client.Do(ctx, page)
		if err != nil {
			return nil, err
		}
		rows, _ := lookupPath(reply.Data, rowsKey).([]any)
		if first == nil {
			first = reply
		}
		all = append(all, rows...)
		total, err := strconv.Atoi(params.Scalar(lookupPath(reply.Data, totalKey)))
		if err != nil || len(rows) == 0 || start+len(all) >= total {
			break
		}
	}
	setPath(first.Data, rowsKey, all)
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
