package emulator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// Serve runs the emulator on opts.Addr until ctx is cancelled, then shuts
// down gracefully (in-flight requests finish) and compacts the state. It first writes to stdout the line "listening http://HOST:PORT",
// then the credentials and an export snippet for a shell.
func Serve(ctx context.Context, opts Options, stdout io.Writer) error {
	srv, err := New(opts)
	if err != nil {
		return err
	}
	opts = srv.opts
	addr := opts.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	endpoint := "http://" + ln.Addr().String()
	fmt.Fprintf(stdout, "listening %s\n", endpoint)
	fmt.Fprintf(stdout, "SecretId:  %s\nSecretKey: %s\n", opts.SecretID, opts.SecretKey)
	fmt.Fprintf(stdout, "# to use it from a shell:\n")
	fmt.Fprintf(stdout, "export TCVPC_ENDPOINT=%s\n", endpoint)
	fmt.Fprintf(stdout, "export TENCENTCLOUD_SECRET_ID=%s\n", opts.SecretID)
	fmt.Fprintf(stdout, "export TENCENTCLOUD_SECRET_KEY=%s\n", opts.SecretKey)
	fmt.Fprintf(stdout, "export TENCENTCLOUD_REGION=ap-guangzhou\n")
	if f, ok := stdout.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
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
