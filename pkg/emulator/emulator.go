// Package emulator is a local VPC cloud: an http.Handler that speaks the
// API 3.0 and legacy VPC protocols (signatures, envelopes, error codes,
// asynchronous tasks, rate limits) over one in-memory store, so scripts and
// CI pipelines can create and tear down networks without an account.
package emulator

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// Demo credentials used when none are given. They are published on
// purpose: the emulator holds nothing worth protecting, and fixed values let
// scripts and CI configs be written once.
const (
	DemoSecretID  = "AKIDtcvpcEMULATOR00000000000000000000"
	DemoSecretKey = "tcvpcEmulatorDemoSecretKey000000"
)

// DefaultTaskDelay is how long asynchronous work stays in progress.
const DefaultTaskDelay = 2 * time.Second

// DefaultRateLimit is the documented per-Action limit, requests per second.
const DefaultRateLimit = 100

// Clock tells the emulator the time. Tests pass one they can move forward so
// that asynchronous work completes without sleeping.
type Clock interface {
	Now() time.Time
}

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

// Options configures a Server. Zero values take the defaults.
type Options struct {
	Addr      string // Serve only: listen address, default 127.0.0.1:0
	SecretID  string // default DemoSecretID
	SecretKey string // default DemoSecretKey
	// TaskDelay is how long asynchronous work (legacy taskId, template
	// tasks, NAT production, transitional states) takes; default 2s.
	// Negative means instant.
	TaskDelay time.Duration
	// StateFile persists the store: loaded by New, saved by Serve.
	StateFile string
	// TLS serves https with a certificate signed by the emulator's own CA,
	// kept in TLSDir, else in FILE.tls beside StateFile, else in a
	// temporary directory (see tls.go).
	TLS    bool
	TLSDir string
	// PID, when set, is printed as TCVPC_EMULATOR_PID (a detached
	// emulator's process, for scripts to stop it).
	PID int
	// Populate, "VPCSxSUBNETS", fills the store at start (see Populate).
	Populate string
	// Faults is a fault-injection spec, see ParseFaults.
	Faults string
	// Seed makes fault injection and generated IDs reproducible; 0 picks
	// one at random.
	Seed uint64
	// RateLimit is requests per second per Action; default 100, negative
	// disables the limit.
	RateLimit int
	// MaxSkew is how far a request's Timestamp may be from the clock;
	// default 5 minutes.
	MaxSkew time.Duration
	Clock   Clock
	// Ready, when set, is called once Serve listens and has written its
	// banner.
	Ready func()
	// Debug, when set, receives details of internal failures.
	Debug io.Writer
}

func (o *Options) fill() {
	if o.SecretID == "" && o.SecretKey == "" {
		o.SecretID, o.SecretKey = DemoSecretID, DemoSecretKey
	}
	if o.TaskDelay == 0 {
		o.TaskDelay = DefaultTaskDelay
	} else if o.TaskDelay < 0 {
		o.TaskDelay = 0
	}
	if o.RateLimit == 0 {
		o.RateLimit = DefaultRateLimit
	}
	if o.MaxSkew <= 0 {
		o.MaxSkew = 5 * time.Minute
	}
	if o.Clock == nil {
		o.Clock = systemClock{}
	}
}

// Server is the emulated service. It is safe for concurrent use.
type Server struct {
	opts    Options
	cloud   *cloud
	journal *journal // with a state file
	// stateLock is held while the server uses the state file.
	stateLock *os.File
	faults    *Faults
	limiter   *limiter
	replay    *replayCache
	ids       *idSource
}

// New builds a Server, loading opts.StateFile when it exists.
func New(opts Options) (*Server, error) {
	opts.fill()
	if opts.SecretID == "" || opts.SecretKey == "" {
		return nil, errors.New("emulator: both a SecretId and a SecretKey are needed")
	}
	f, err := ParseFaults(opts.Faults)
	if err != nil {
		return nil, err
	}
	ids := newIDSource(opts.Seed)
	f.rng = ids.child()
	s := &Server{
		opts:    opts,
		faults:  f,
		limiter: newLimiter(opts.RateLimit),
		replay:  newReplayCache(),
		ids:     ids,
	}
	s.cloud = newCloud()
	if opts.Populate != "" {
		nv, ns, err := ParsePopulate(opts.Populate)
		if err == nil {
			err = s.Populate(nv, ns)
		}
		if err != nil {
			return nil, fmt.Errorf("emulator: --populate %w", err)
		}
	}
	if opts.StateFile != "" {
		// After populating, so that the first snapshot holds it.
		if err := s.openState(opts.StateFile); err != nil {
			if s.stateLock != nil {
				s.stateLock.Close()
			}
			return nil, err
		}
	}
	return s, nil
}

// Store returns the store of DefaultRegion, for inspection.
func (s *Server) Store() *Store {
	s.cloud.mu.Lock()
	defer s.cloud.mu.Unlock()
	return s.cloud.store(DefaultRegion)
}

// Options returns the effective options.
func (s *Server) Options() Options { return s.opts }

func (s *Server) now() time.Time { return s.opts.Clock.Now() }

// ServeHTTP answers one API request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var st Style
	switch r.URL.Path {
	case "/":
		st = V3
	case legacyPath:
		st = Legacy
	default:
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	fault := s.faults.draw()
	if fault.latency > 0 {
		select {
		case <-time.After(fault.latency):
		case <-r.Context().Done():
			return
		}
	}
	if !fault.kind.after() && s.fail(w, fault) {
		return
	}
	c := s.newCall(st, r)
	rep := s.handle(c, r, fault.kind == faultInternal)
	if fault.kind.after() {
		if s.fail(w, fault) {
			return
		}
		rep = reply{err: injectedInternal}
	}
	s.write(w, c, rep)
}

// fail answers a request with an injected failure that has no envelope (a
// 5xx or a dropped connection), reporting whether it did. InternalError is
// answered inside the envelope, by handle or here once the work is done.
func (s *Server) fail(w http.ResponseWriter, d faultDraw) bool {
	switch d.kind.failure() {
	case faultDrop:
		dropConnection(w)
		return true
	case fault5xx:
		http.Error(w, http.StatusText(d.status), d.status)
		return true
	}
	return false
}

// dropConnection closes the connection without an answer, as a network
// failure would.
func dropConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	conn.Close()
}
