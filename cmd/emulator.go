package cmd

import (
	"errors"
	"net"
	"time"

	"github.com/spf13/cobra"

	"github.com/tcvpc/tcvpc/pkg/emulator"
)

// emulatorCmd is `tcvpc emulator`: a local VPC cloud for scripts and CI.
func (a *app) emulatorCmd() *cobra.Command {
	var (
		opts      emulator.Options
		taskDelay time.Duration
		seed      uint64
		bg        bool
	)
	cmd := &cobra.Command{
		Use:   "emulator",
		Short: "Run a local VPC cloud that speaks both APIs",
		Long: `Run a local emulation of the VPC service: API 3.0 on / and the legacy API on
/v2/index.php, with signatures checked, documented error codes, asynchronous
tasks and rate limits, over one in-memory store. Point tcvpc, the SDKs or
your own scripts at it to create and tear down networks without an account.

The first line of output is "listening http://HOST:PORT"; the export lines
for a shell follow, the last one TENCENTCLOUD_REGION. It runs in the
foreground until SIGINT or SIGTERM. --background starts it as a process of
its own and returns once it listens, printing the same banner as lines a
shell can eval (all but the exports as comments), with TCVPC_EMULATOR_PID
and the log its messages go to (removed when it stops cleanly), so that
  eval "$(tcvpc emulator --background)"
sets the environment and leaves it running; kill "$TCVPC_EMULATOR_PID"
stops it. If it cannot start, its error and exit status are returned.

Without --secret-id/--secret-key the emulator accepts the fixed demo
credentials
  SecretId  ` + emulator.DemoSecretID + `
  SecretKey ` + emulator.DemoSecretKey + `

--tls serves https with a certificate for localhost, 127.0.0.1, ::1 and the
--addr host, signed by a CA of the emulator's own (ECDSA P-256, valid only
for those names). With --state the files live in FILE.tls (keys mode 0600)
and are reused on restart while still valid, so clients trusting the CA
keep working; without it in a temporary directory removed at exit. The CA's
path is printed, with the exports tcvpc (TCVPC_CA_FILE), Go programs
(SSL_CERT_FILE), Python ones such as tccli (REQUESTS_CA_BUNDLE) and
Node.js (NODE_EXTRA_CA_CERTS) need to trust it.

--faults injects failures: comma-separated key=value pairs,
  5xx=P             HTTP 500/502/503 without an envelope, with probability P
  internal=P        the InternalError envelope (legacy code 6000)
  drop=P            the connection is closed without an answer
  5xx-after=P       the request is carried out, then answered as 5xx
  internal-after=P  the request is carried out, then answered InternalError
  drop-after=P      the request is carried out, then the connection is closed
  latency=D         every answer is delayed by D (50ms) or by MIN-MAX (10ms-100ms)
for example --faults 5xx=0.1,internal-after=0.05,drop=0.02,latency=50ms: the
-after kinds are how a script learns what it does when a write may have
happened although its reply says otherwise. --seed makes the faults and
the generated IDs repeatable.

Resources belong to the region they are made in (Region, either API 3.0
names such as ap-guangzhou or the legacy short ones such as gz; none means
ap-guangzhou); an unknown region is answered UnsupportedRegion.

With --state every change is appended to FILE.journal and flushed to disk
before its reply is sent, and folded into FILE (mode 0600) at start, every
5000 changes and on a clean stop: a kill at any moment loses no
acknowledged write. A missing directory or an unreadable file is an error
at start. It stops cleanly on SIGINT or SIGTERM.

--populate VPCSxSUBNETS starts with that many VPCs and subnets made at once
(VPC i is 10.i.0.0/16, its subnet j 10.i.j.0/24), for tests at scale.`,
		Example: `  tcvpc emulator --addr 127.0.0.1:8080 --state ./cloud.json
  eval "$(tcvpc emulator --background)"   # returns once it listens; then:
  tcvpc vpc list && kill "$TCVPC_EMULATOR_PID"
  tcvpc emulator --tls --faults internal-after=0.1 --seed 7`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			if (opts.SecretID == "") != (opts.SecretKey == "") {
				return usagef("--secret-id and --secret-key go together: give both or neither")
			}
			if _, _, err := net.SplitHostPort(opts.Addr); err != nil {
				return usagef("--addr %q: want HOST:PORT, e.g. 127.0.0.1:0", opts.Addr)
			}
			if taskDelay < 0 {
				return usagef("--task-delay %s: want a duration of 0 or more, e.g. 2s", taskDelay)
			}
			if opts.Populate != "" {
				if _, _, err := emulator.ParsePopulate(opts.Populate); err != nil {
					return usagef("--populate %v", err)
				}
			}
			if _, err := emulator.ParseFaults(opts.Faults); err != nil {
				return usagef("--faults: %v", err)
			}
			opts.TaskDelay = taskDelay
			if taskDelay == 0 {
				opts.TaskDelay = -1 // instant: Options reads 0 as the default
			}
			opts.Seed = seed
			if bg {
				// The usage errors above are found here, before detaching.
				return detachEmulator(cmd.Context(), a.args, a.f.IO.Out)
			}
			if logPath := a.f.Getenv(envDetached); logPath != "" {
				var done func(error)
				opts.PID, opts.Ready, done = detachedChild(logPath)
				defer func() { done(err) }()
			}
			err = emulator.Serve(cmd.Context(), opts, a.f.IO.Out)
			var se *emulator.StateError
			if errors.As(err, &se) {
				return usagef("--state %s: %v", opts.StateFile, se.Err)
			}
			var te *emulator.TLSError
			if errors.As(err, &te) {
				return usagef("--tls: %v", te.Err)
			}
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Addr, "addr", "127.0.0.1:0", "listen address HOST:PORT (port 0 picks a free one)")
	f.StringVar(&opts.SecretID, "secret-id", "", "SecretId to accept (default: the demo SecretId)")
	f.StringVar(&opts.SecretKey, "secret-key", "", "SecretKey to accept (default: the demo SecretKey)")
	f.DurationVar(&taskDelay, "task-delay", emulator.DefaultTaskDelay, "how long asynchronous work takes")
	f.StringVar(&opts.StateFile, "state", "", "keep the cloud in this file (and FILE.journal), reloaded on start")
	takesFile(f, "state", "path")
	f.StringVar(&opts.Faults, "faults", "", "inject faults, e.g. 5xx=0.1,internal-after=0.05,drop=0.02,latency=50ms")
	f.BoolVar(&opts.TLS, "tls", false, "serve https with a certificate of the emulator's own CA (kept in FILE.tls beside --state, else in a temporary directory)")
	f.BoolVar(&bg, "background", false, "start in the background and return once it listens, printing its export lines (with TCVPC_EMULATOR_PID)")
	f.StringVar(&opts.Populate, "populate", "", "start with VPCSxSUBNETS made at once, e.g. 200x100 (VPC i is 10.i.0.0/16, subnet j 10.i.j.0/24)")
	f.Uint64Var(&seed, "seed", 0, "seed for faults and generated IDs (0: random)")
	return cmd
}
