package emulator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"time"
)

// Serve runs the emulator on opts.Addr until ctx is cancelled, then shuts
// down gracefully (in-flight requests finish) and compacts the state. It
// first writes to stdout the line "listening http://HOST:PORT" (https with
// opts.TLS), then the credentials and the export lines for a shell, the
// last of them TENCENTCLOUD_REGION.
func Serve(ctx context.Context, opts Options, stdout io.Writer) error {
	srv, err := New(opts)
	if err != nil {
		return err
	}
	defer srv.Close()
	opts = srv.opts
	addr := opts.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	ln, tlsSet, err := listenTLS(ln, opts, time.Now())
	if err != nil {
		return err
	}
	defer tlsSet.close()
	endpoint := tlsSet.endpoint(ln.Addr())
	hostPort := endpoint[strings.Index(endpoint, "://")+3:]
	fmt.Fprintf(stdout, "listening %s\n", endpoint)
	fmt.Fprintf(stdout, "SecretId:  %s\nSecretKey: %s\n", opts.SecretID, opts.SecretKey)
	tlsSet.printCA(stdout)
	fmt.Fprintf(stdout, "# to use it from a shell (SDKs and tccli take the endpoint %s):\n", hostPort)
	fmt.Fprintf(stdout, "export TCVPC_ENDPOINT=%s\n", endpoint)
	tlsSet.printExports(stdout)
	if opts.PID != 0 {
		fmt.Fprintf(stdout, "export TCVPC_EMULATOR_PID=%d\n", opts.PID)
	}
	fmt.Fprintf(stdout, "export TENCENTCLOUD_SECRET_ID=%s\n", opts.SecretID)
	fmt.Fprintf(stdout, "export TENCENTCLOUD_SECRET_KEY=%s\n", opts.SecretKey)
	fmt.Fprintf(stdout, "export TENCENTCLOUD_REGION=%s\n", DefaultRegion)
	if f, ok := stdout.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}
	if opts.Ready != nil {
		opts.Ready()
	}

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ErrorLog: log.New(io.Discard, "", 0)}
	if opts.Debug != nil {
		hs.ErrorLog = log.New(opts.Debug, "emulator: ", 0)
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err = <-served:
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
	case <-ctx.Done():
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if hs.Shutdown(shutdownCtx) != nil {
			hs.Close()
		}
		cancel()
	}
	// Every acknowledged write is in the journal already; this folds it
	// into the snapshot.
	if cerr := srv.Close(); cerr != nil {
		err = errors.Join(err, fmt.Errorf("emulator: saving state: %w", cerr))
	}
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	return nil
}
