package emulator

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	tccommon "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	vpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// fakeClock starts at the real time (clients sign with it) and moves only
// when a test advances it.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{t: time.Now()} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

type env struct {
	t     *testing.T
	srv   *Server
	ts    *httptest.Server
	clock *fakeClock
}

// start runs an emulator over real HTTP on loopback.
func start(t *testing.T, opts Options) *env {
	t.Helper()
	clock := newFakeClock()
	if opts.Clock == nil {
		opts.Clock = clock
	}
	if opts.Seed == 0 {
		opts.Seed = 42
	}
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &env{t: t, srv: srv, ts: ts, clock: clock}
}

// sdk is the official SDK's vpc client pointed at the emulator.
func (e *env) sdk(id, key string) *vpc.Client {
	cred := tccommon.NewCredential(id, key)
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Endpoint = strings.TrimPrefix(e.ts.URL, "http://")
	cpf.HttpProfile.Scheme = "HTTP"
	cpf.DisableRegionBreaker = true
	c, err := vpc.NewClient(cred, "ap-guangzhou", cpf)
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

// sdkHMAC is the SDK client signing with HmacSHA256 query parameters.
func (e *env) sdkHMAC() *vpc.Client {
	cred := tccommon.NewCredential(DemoSecretID, DemoSecretKey)
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Endpoint = strings.TrimPrefix(e.ts.URL, "http://")
	cpf.HttpProfile.Scheme = "HTTP"
	cpf.DisableRegionBreaker = true
	cpf.SignMethod = "HmacSHA256"
	c, err := vpc.NewClient(cred, "ap-guangzhou", cpf)
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

// client is pkg/api's client pointed at the emulator.
func (e *env) client(method string) *api.Client {
	return api.New(api.Config{
		SecretID: DemoSecretID, SecretKey: DemoSecretKey, Region: "ap-guangzhou", LegacyRegion: "gz",
		Endpoint: e.ts.URL, SignatureMethod: method,
	})
}

func (e *env) do(style api.Style, action string, p params.Tree) (*api.Reply, error) {
	return e.client("").Do(context.Background(), api.Request{Action: action, Style: style, Params: p})
}

func (e *env) must(style api.Style, action string, p params.Tree) map[string]any {
	e.t.Helper()
	r, err := e.do(style, action, p)
	if err != nil {
		e.t.Fatalf("%s: %v", action, err)
	}
	return r.Data
}

// apiCode returns the code of an *api.Error, failing the test otherwise.
func apiCode(t *testing.T, err error) string {
	t.Helper()
	ae, ok := err.(*api.Error)
	if !ok {
		t.Fatalf("want an API error, got %T %v", err, err)
	}
	return ae.Code
}

// dig walks a reply by keys and list indexes.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func str(v any) string { return scalarString(v) }
