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

// saveInterval is how often a changed store is written while serving, so
// that a crash loses at most this much.
const saveInterval = time.Second

// Serve runs the emulator on opts.Addr until ctx is cancelled, then shuts
// down gracefully (in-flight requests finish) and saves the store one last
// time. It first writes to stdout the line "listening http://HOST:PORT",
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

	save := func() error {
		if opts.StateFile == "" || !srv.store.Dirty() {
			return nil
		}
		return srv.store.Save(opts.StateFile)
	}
	tick := time.NewTicker(saveInterval)
	defer tick.Stop()
	var saveErr error
	for {
		select {
		case <-tick.C:
			if err := save(); err != nil && saveErr == nil {
				saveErr = err // reported at the end; serving goes on
			}
			continue
		case err := <-served:
			if err != nil && !errors.Is(err, http.ErrServerClosed) {
				if serr := save(); serr != nil {
					return errors.Join(err, serr)
				}
				return fmt.Errorf("emulator: %w", err)
			}
		case <-ctx.Done():
			shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			err := hs.Shutdown(shutdownCtx)
			cancel()
			if err != nil {
				hs.Close()
			}
		}
		break
	}
	if err := save(); err != nil {
		return fmt.Errorf("emulator: saving state: %w", err)
	}
	if saveErr != nil && opts.StateFile != "" && srv.store.Dirty() {
		return fmt.Errorf("emulator: saving state: %w", saveErr)
	}
	return nil
}
