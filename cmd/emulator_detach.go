package cmd

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// envDetached marks the emulator process --background starts, so that it
// prints its PID among the export lines.
const envDetached = "TCVPC_EMULATOR_DETACHED"

// detachEmulator starts the emulator again as a process of its own (a new
// session; stdin, stdout and stderr not the caller's), copies its banner
// to out once it listens, and returns. A caller reading our stdout through
// a pipe or $(...) sees it end while the emulator keeps running; its own
// errors go to a log file named in the banner.
func detachEmulator(args []string, out io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	var child []string
	for _, a := range args {
		if a != "--background" && !strings.HasPrefix(a, "--background=") {
			child = append(child, a)
		}
	}
	logf, err := os.CreateTemp("", "tcvpc-emulator-*.log")
	if err != nil {
		return err
	}
	defer logf.Close()
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	defer r.Close()
	c := exec.Command(exe, child...)
	c.Stdout, c.Stderr = w, logf
	c.Env = append(os.Environ(), envDetached+"=1")
	c.SysProcAttr = detachedAttr()
	err = c.Start()
	w.Close()
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(r)
	var banner []string
	for sc.Scan() {
		banner = append(banner, sc.Text())
		if strings.HasPrefix(sc.Text(), "export TENCENTCLOUD_REGION=") {
			fmt.Fprintf(out, "%s\n# runs in the background (log %s); stop it with: kill $TCVPC_EMULATOR_PID\n", strings.Join(banner, "\n"), logf.Name())
			return c.Process.Release()
		}
	}
	// It stopped before listening: say why, from its log.
	_ = c.Wait()
	msg, _ := os.ReadFile(logf.Name())
	os.Remove(logf.Name())
	return fmt.Errorf("the emulator did not start: %s", strings.TrimSpace(strings.TrimPrefix(string(msg), "Error: ")))
}
