package cmd

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/internal/testserver"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/input"
	"github.com/tcvpc/tcvpc/pkg/iostreams"
)

// zeroStdin is an endless stdin of zero bytes that counts what was read.
type zeroStdin struct{ n int64 }

func (z *zeroStdin) Read(p []byte) (int, error) {
	clear(p)
	z.n += int64(len(p))
	return len(p), nil
}

// readingWith runs args with an endless stdin.
func readingWith(t *testing.T, env map[string]string, z *zeroStdin, args ...string) result {
	t.Helper()
	io, out, errOut := iostreams.Test("", false)
	io.In = z
	f := &Factory{IO: io, Getenv: func(k string) string { return env[k] }, Home: t.TempDir(), Now: time.Now,
		Sleep: func(context.Context, time.Duration) error { return nil }, Version: "1.2.3"}
	code := Main(context.Background(), f, args)
	return result{code, out.String(), errOut.String()}
}

// readingArgs completes the commands whose reading flags are read only
// once the rest of the request is valid.
var readingArgs = map[string][]string{
	"tcvpc sg rule add":     {"sg-ohuuioma"},
	"tcvpc sg rule delete":  {"sg-ohuuioma", "-y"},
	"tcvpc sg rule replace": {"sg-ohuuioma"},
	"tcvpc sg rule set":     {"sg-ohuuioma", "-y"},
	"tcvpc vpn conn create": {"--vpc-id", "vpc-amhnao5x", "--vpn-gateway-id", "vpngw-dystbrkv", "--customer-gateway-id", "cgw-e098slul",
		"--name", "t", "--pre-shared-key", "k"},
	"tcvpc vpn conn modify": {"vpnx-ol6bcqp0", "--vpn-gateway-id", "vpngw-dystbrkv", "--vpc-id", "vpc-amhnao5x"},
}

// Every flag that reads @FILE or @- refuses /dev/zero before reading it
// and stops an endless stdin at the cap: exit 2 naming the flag, nothing
// sent. So do --cli-input-json and every array or object parameter of
// tcvpc api.
func TestEveryReadingFlagIsBounded(t *testing.T) {
	srv := testserver.New(t)
	env := envFor(srv)
	io, _, _ := iostreams.Test("", false)
	root := Tree(&Factory{IO: io, Getenv: func(string) string { return "" }})
	flags := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Name() == "api" {
				continue
			}
			walk(sub)
			sub.Flags().VisitAll(func(f *pflag.Flag) {
				if fileKind(f) != "at" {
					return
				}
				flags++
				path := sub.CommandPath()
				base := strings.Fields(strings.TrimPrefix(path, "tcvpc "))
				extra, ok := readingArgs[path]
				if !ok && len(strings.Fields(sub.Use)) > 1 {
					extra = []string{"x"} // the argument is checked after the flags
				}
				endless := false // the endless stdin costs a few ms: once per flag
				for _, style := range [][]string{nil, {"--legacy"}} {
					for _, v := range []string{"@/dev/zero", "@-"} {
						if v == "@-" && endless {
							continue
						}
						z := &zeroStdin{}
						args := append(append(append(append([]string{}, base...), extra...), style...), "--"+f.Name, v, "-y")
						res := readingWith(t, env, z, args...)
						if strings.Contains(res.err, "is not used by") || strings.Contains(res.err, "not available in") {
							continue // the flag belongs to the other style
						}
						endless = endless || v == "@-"
						if res.code != 2 || !strings.HasPrefix(res.err, "Error: --"+f.Name+": ") ||
							!(strings.Contains(res.err, "/dev/zero is not a regular file or a pipe") || strings.Contains(res.err, "stdin is larger than 4 MiB")) {
							t.Errorf("tcvpc %s: exit %d, stderr %q", strings.Join(args, " "), res.code, res.err)
						}
						if z.n > input.MaxSize+64<<10 {
							t.Errorf("tcvpc %s read %d bytes of stdin", strings.Join(args, " "), z.n)
						}
					}
				}
			})
		}
	}
	walk(root)
	if flags < 30 {
		t.Fatalf("only %d reading flags found", flags)
	}
	params := 0
	for i, op := range model.All() {
		style := []string{}
		if op.Style == model.Legacy {
			style = []string{"--legacy"}
		}
		// Every parameter refuses the device; the endless stdin, which
		// costs a few milliseconds, goes to one operation in ten.
		cases := [][]string{{"--cli-input-json", "/dev/zero"}}
		endless := i%10 == 0
		if endless {
			cases = append(cases, []string{"--cli-input-json", "-"})
		}
		for _, p := range op.Params {
			if p.Array || p.Type == model.Object || len(p.Fields) > 0 {
				if endless {
					cases = append(cases, []string{"--" + p.Name, "@-"})
					endless = false
				}
				cases = append(cases, []string{"--" + p.Name, "@/dev/zero"})
				params++
			}
		}
		for _, c := range cases {
			z := &zeroStdin{}
			args := append(append([]string{"api", op.Action}, style...), c...)
			res := readingWith(t, env, z, args...)
			if res.code != 2 || !strings.HasPrefix(res.err, "Error: "+c[0]+": ") || z.n > input.MaxSize+64<<10 {
				t.Errorf("tcvpc %s: exit %d, stderr %q, %d bytes read", strings.Join(args, " "), res.code, res.err, z.n)
			}
		}
	}
	if params < 100 {
		t.Fatalf("only %d structured api parameters", params)
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent", n)
	}
	t.Logf("%d reading flags, %d api parameters", flags, params)
}
