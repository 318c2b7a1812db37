package cmd

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/params"
	"github.com/tcvpc/tcvpc/pkg/wait"
	"go.yaml.in/yaml/v3"
)

// Bulk verbs: a delete, release, detach or disassociate of one ID takes
// many, or "-" to read them from stdin.
const (
	// maxBulkIDs bounds one batch, so a runaway pipe cannot queue an
	// unbounded amount of work.
	maxBulkIDs = 10000
	// bulkWorkers is how many items are in flight at once; the client's
	// per-Action limiter sets the pace.
	bulkWorkers = 16
	// confirmShown is how many IDs the one confirmation names.
	confirmShown = 3
)

// bulk reports whether the command acts on one ID with a verb that takes
// a batch.
func (c *Command) bulk() bool {
	if c.Arg == nil {
		return false
	}
	switch c.Confirm {
	case "delete", "release", "detach", "disassociate":
		return true
	}
	return false
}

// bulkIDs expands args, "-" reading whitespace-separated IDs from stdin.
func bulkIDs(args []string, stdin io.Reader, metavar string) ([]string, error) {
	var ids []string
	fromStdin := false
	for _, a := range args {
		if a != "-" {
			ids = append(ids, a)
			continue
		}
		if fromStdin {
			return nil, usagef("- (read %ss from stdin) may be given once", metavar)
		}
		fromStdin = true
		sc := bufio.NewScanner(stdin)
		sc.Buffer(make([]byte, 0, 64<<10), 64<<10)
		sc.Split(bufio.ScanWords)
		for sc.Scan() {
			if len(ids) >= maxBulkIDs {
				return nil, usagef("too many %ss: at most %d in one batch", metavar, maxBulkIDs)
			}
			ids = append(ids, sc.Text())
		}
		if err := sc.Err(); err != nil {
			return nil, usagef("reading %ss from stdin: %v", metavar, err)
		}
	}
	if len(ids) == 0 {
		return nil, usagef("no %s on stdin: give one or more, whitespace- or line-separated", metavar)
	}
	if len(ids) > maxBulkIDs {
		return nil, usagef("too many %ss: at most %d in one batch", metavar, maxBulkIDs)
	}
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			return nil, usagef("%s %s is given twice", metavar, id)
		}
		seen[id] = true
	}
	return ids, nil
}

// bulkResult is one item's outcome, as -o json shows it.
type bulkResult struct {
	ID     string     `json:"Id" yaml:"Id"`
	Result string     `json:"Result" yaml:"Result"` // "deleted", … or "failed"
	Error  *bulkError `json:"Error" yaml:"Error"`
}

type bulkError struct {
	Code      string `json:"Code" yaml:"Code"`
	Message   string `json:"Message" yaml:"Message"`
	RequestID string `json:"RequestId,omitempty" yaml:"RequestId,omitempty"`
}

// batchFailedError ends a batch in which some items failed: exit 1.
type batchFailedError struct{ failed, total int }

func (e *batchFailedError) Error() string {
	return fmt.Sprintf("%d of %d failed; each item's result is on stdout", e.failed, e.total)
}

// runBulk validates every ID, asks once, runs the items concurrently and
// prints one result per item, in the order given.
func (a *app) runBulk(cmd *cobra.Command, b *built, style api.Style, args []string, wo *waitOpts) error {
	ids, err := bulkIDs(args, a.f.IO.In, b.Arg.Flag)
	if err != nil {
		return err
	}
	reqs := make([]api.Request, len(ids))
	for i, id := range ids {
		if reqs[i], err = a.prepare(cmd, b, style, []string{id}, nil); err != nil {
			return err
		}
	}
	kind := b.async()
	if wo != nil && wo.wait {
		if wo.timeout <= 0 {
			return usagef("invalid value %s for --wait-timeout: expected a positive duration such as 10m", wo.timeout)
		}
		if style == api.Legacy && kind == "" {
			return usagef("--wait: %s finishes at once in the legacy API, and its resource's state can be followed through API 3.0 only; drop --legacy or --wait", b.ops[api.Legacy].Action)
		}
	}
	s, err := a.newSession(cmd, style, !b.RegionOptional)
	if err != nil {
		return err
	}
	shown := strings.Join(ids[:min(len(ids), confirmShown)], ", ")
	if len(ids) > confirmShown {
		shown += ", …"
	}
	if err := a.confirm(b.Confirm, fmt.Sprintf("%d %ss (%s)", len(ids), b.Noun, shown)); err != nil {
		return err
	}
	done := strings.ToLower(b.Done)
	if done == "" {
		done = "done"
	}
	ctx := cmd.Context()
	if a.g.dryRun {
		// Each item's request, in order; nothing is sent.
		for i := range ids {
			if _, err := s.client.Do(ctx, reqs[i]); !errors.Is(err, api.ErrDryRun) {
				return err
			}
		}
		return api.ErrDryRun
	}
	results := make([]chan bulkResult, len(ids))
	for i := range results {
		results[i] = make(chan bulkResult, 1)
	}
	slots := make(chan struct{}, bulkWorkers)
	go func() {
		for i := range ids {
			slots <- struct{}{}
			go func(i int) {
				defer func() { <-slots }()
				err := a.bulkItem(ctx, s, b, style, reqs[i], ids[i], kind, wo)
				results[i] <- itemResult(ids[i], done, err)
			}(i)
		}
	}()
	out := &bulkWriter{w: a.f.IO.Out, format: s.format, query: s.query}
	failed := 0
	for i := range ids {
		r := <-results[i]
		if r.Error != nil {
			failed++
		}
		if err := out.write(r); err != nil {
			return err
		}
	}
	if err := out.end(); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return &interruptedError{hint: "interrupted: items already sent may still be carried out; check them with the list command"}
	}
	if failed > 0 {
		return &batchFailedError{failed: failed, total: len(ids)}
	}
	return nil
}

// bulkItem sends one item's request and, with --wait, follows it.
func (a *app) bulkItem(ctx context.Context, s *session, b *built, style api.Style, req api.Request, id string, kind wait.Kind, wo *waitOpts) error {
	reply, err := s.client.Do(ctx, req)
	if err != nil || wo == nil || !wo.wait {
		return err
	}
	p := wait.Poller{Timeout: wo.timeout, Now: a.f.Now, Sleep: a.f.Sleep}
	target := b.Noun + " " + id
	if style == api.Legacy {
		task := taskID(reply.Data, kind)
		if task == "" {
			return fmt.Errorf("%s returned no task ID to wait on", req.Action)
		}
		_, err = p.Wait(ctx, wait.Describe(kind, task), "tcvpc task wait "+task, wait.TaskCheck(s.client, kind, task))
		return err
	}
	if st := b.State; st != nil {
		describe := api.Request{Action: st.Describe, Style: api.V3, Params: params.Tree{st.IDParam: []any{id}}}
		check := wait.StateCheck(s.client, wait.State{Describe: describe, Rows: st.Rows, Field: st.Field, Ready: st.Ready, Failed: st.Failed, Gone: st.Gone})
		_, err = p.Wait(ctx, target, target, check)
	}
	return err
}

func itemResult(id, done string, err error) bulkResult {
	if err == nil {
		return bulkResult{ID: id, Result: done}
	}
	e := &bulkError{Code: errorCode(err), Message: err.Error()}
	var apiErr *api.Error
	if errors.As(err, &apiErr) {
		e.RequestID = apiErr.RequestID
		if apiErr.Message != "" {
			e.Message = apiErr.Message
		}
	}
	return bulkResult{ID: id, Result: "failed", Error: e}
}

// bulkWriter prints results as they come: a line each in table and text
// ("ID<TAB>deleted", "ID<TAB>Code: message"), one JSON object per line
// with jsonl, an array with json and yaml.
type bulkWriter struct {
	w      io.Writer
	format string
	query  *output.Query // with --query the array is rendered once, at the end
	n      int
	all    []bulkResult // yaml and --query only
}

func (o *bulkWriter) write(r bulkResult) error {
	if o.query != nil {
		o.all = append(o.all, r)
		o.n++
		return nil
	}
	var err error
	switch o.format {
	case output.JSON:
		sep := "[\n  "
		if o.n > 0 {
			sep = ",\n  "
		}
		var b []byte
		if b, err = json.MarshalIndent(r, "  ", "  "); err == nil {
			_, err = io.WriteString(o.w, sep+string(b))
		}
	case output.JSONL:
		var b []byte
		if b, err = json.Marshal(r); err == nil {
			_, err = o.w.Write(append(b, '\n'))
		}
	case output.YAML:
		o.all = append(o.all, r)
	default:
		line := r.ID + "\t" + r.Result
		if r.Error != nil {
			line = r.ID + "\t" + r.Error.Code + ": " + oneLine(r.Error.Message)
		}
		_, err = io.WriteString(o.w, line+"\n")
	}
	o.n++
	return err
}

func (o *bulkWriter) end() error {
	if o.query != nil {
		// The query sees the array json prints: [{"Id","Result","Error"}].
		b, err := json.Marshal(o.all)
		if err != nil {
			return err
		}
		var doc any
		if err := json.Unmarshal(b, &doc); err != nil {
			return err
		}
		if doc == nil {
			doc = []any{}
		}
		return output.Render(o.w, doc, output.Options{Format: o.format, Query: o.query})
	}
	switch o.format {
	case output.JSON:
		if o.n == 0 {
			_, err := io.WriteString(o.w, "[]\n")
			return err
		}
		_, err := io.WriteString(o.w, "\n]\n")
		return err
	case output.YAML:
		enc := yaml.NewEncoder(o.w)
		enc.SetIndent(2)
		if err := enc.Encode(o.all); err != nil {
			return err
		}
		return enc.Close()
	}
	return nil
}
