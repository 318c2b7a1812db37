// Command scale measures what scripts feel at scale and at start-up, each
// figure beside the floor measured or computed in the same run, and prints
// markdown tables with the targets. `make bench` runs it.
//
//	go run ./bench/scale -bin bin/tcvpc -hello bin/hello
//
// Listing: `tcvpc subnet list` of 20,000 subnets (an emulator started with
// --populate 200x100, its 100 requests/s limit on) in json, text and table,
// against the rate-limit floor pages ÷ 100/s. Bulk: `subnet delete -` of
// 500 IDs against items ÷ 100/s. Peak RSS is the child's own (getrusage).
// Start-up: tcvpc version, --help, __complete and a signed call on
// loopback, against the hello floor, runs alternating, medians.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

var (
	bin      = flag.String("bin", "bin/tcvpc", "the tcvpc binary")
	hello    = flag.String("hello", "bin/hello", "the cobra+viper hello binary")
	runs     = flag.Int("runs", 5, "runs of each scale figure (median)")
	starts   = flag.Int("starts", 40, "runs of each start-up figure (median)")
	populate = flag.String("populate", "200x100", "VPCSxSUBNETS in the emulator")
	bulkN    = flag.Int("bulk", 500, "IDs per bulk delete")
	only     = flag.String("only", "", "scale or startup: one part only")
)

func main() {
	flag.Parse()
	if *only != "startup" {
		if err := scale(); err != nil {
			fmt.Fprintln(os.Stderr, "scale:", err)
			os.Exit(1)
		}
	}
	if *only != "scale" {
		if err := startup(); err != nil {
			fmt.Fprintln(os.Stderr, "startup:", err)
			os.Exit(1)
		}
	}
}

// emulator runs `tcvpc emulator` and returns the environment for tcvpc.
func emulator(args ...string) ([]string, func(), error) {
	cmd := exec.Command(*bin, append([]string{"emulator", "--addr", "127.0.0.1:0", "--task-delay", "0"}, args...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, nil, err
	}
	stop := func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }
	env := []string{"HOME=" + os.TempDir(), "PATH=" + os.Getenv("PATH")}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if kv, ok := strings.CutPrefix(sc.Text(), "export "); ok {
			env = append(env, kv)
			if strings.HasPrefix(kv, "TENCENTCLOUD_REGION=") {
				break
			}
		}
	}
	go io.Copy(io.Discard, out)
	if len(env) < 4 {
		stop()
		return nil, nil, fmt.Errorf("the emulator printed no environment")
	}
	return env, stop, nil
}

type sample struct {
	wall time.Duration
	rss  int64 // KiB
	out  []byte
}

// run runs tcvpc once, stdout to a counter (or kept when keep), and
// returns its wall time and peak RSS.
func run(env []string, stdin []byte, keep bool, args ...string) (sample, error) {
	cmd := exec.Command(*bin, args...)
	cmd.Env = env
	var out bytes.Buffer
	var errOut bytes.Buffer
	if keep {
		cmd.Stdout = &out
	} else {
		cmd.Stdout = io.Discard
	}
	cmd.Stderr = &errOut
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	t0 := time.Now()
	err := cmd.Run()
	wall := time.Since(t0)
	if err != nil {
		return sample{}, fmt.Errorf("tcvpc %s: %v: %s", strings.Join(args, " "), err, errOut.String())
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	s := sample{wall: wall, out: out.Bytes()}
	if ru != nil {
		s.rss = ru.Maxrss
	}
	return s, nil
}

func median[T int64 | time.Duration | float64](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func scale() error {
	env, stop, err := emulator("--populate", *populate)
	if err != nil {
		return err
	}
	defer stop()
	ids, err := run(env, nil, true, "subnet", "list", "-o", "text", "--query", "SubnetSet[].SubnetId")
	if err != nil {
		return err
	}
	all := strings.Fields(string(ids.out))
	pages := int(math.Ceil(float64(len(all)) / 100))
	listFloor := time.Duration(float64(pages) / 100 * float64(time.Second))

	fmt.Printf("## Scale (%d subnets, %d pages; median of %d runs)\n\n", len(all), pages, *runs)
	fmt.Println("| command | wall | floor | ratio | target | peak RSS | target |")
	fmt.Println("|---|---|---|---|---|---|---|")
	for _, format := range []string{"json", "text", "table"} {
		var walls []time.Duration
		var rss []int64
		for range *runs {
			s, err := run(env, nil, false, "subnet", "list", "-o", format)
			if err != nil {
				return err
			}
			walls = append(walls, s.wall)
			rss = append(rss, s.rss)
		}
		rssTarget := "≤ 60 MiB"
		if format == "table" {
			rssTarget = "none (sized from every row)"
		}
		w := median(walls)
		fmt.Printf("| `subnet list -o %s` | %s | %s | %.2fx | ≤ 1.25x | %.1f MiB | %s |\n",
			format, w.Round(time.Millisecond), listFloor, float64(w)/float64(listFloor), float64(median(rss))/1024, rssTarget)
		fmt.Fprintf(os.Stderr, "list -o %s: walls %v\n", format, walls)
	}

	// Bulk delete: fresh IDs each run.
	n := *bulkN
	bulkFloor := time.Duration(float64(n) / 100 * float64(time.Second))
	var walls []time.Duration
	var rss []int64
	for r := range *runs {
		if (r+1)*n > len(all) {
			break
		}
		batch := strings.Join(all[r*n:(r+1)*n], "\n") + "\n"
		s, err := run(env, []byte(batch), true, "subnet", "delete", "-", "-y")
		if err != nil {
			return err
		}
		if got := strings.Count(string(s.out), "\tdeleted\n"); got != n {
			return fmt.Errorf("bulk delete: %d of %d deleted", got, n)
		}
		walls = append(walls, s.wall)
		rss = append(rss, s.rss)
	}
	w := median(walls)
	fmt.Printf("| `subnet delete -` (%d IDs) | %s | %s | %.2fx | ≤ 1.25x | %.1f MiB | - |\n",
		n, w.Round(time.Millisecond), bulkFloor, float64(w)/float64(bulkFloor), float64(median(rss))/1024)
	fmt.Fprintf(os.Stderr, "bulk delete: walls %v\n", walls)
	pageRatio()
	return nil
}

// pageRatio adds the emulator's single-page figure, a Go benchmark in
// bench/ (BenchmarkEmulatorSubnetPageRatio), when it is there.
func pageRatio() {
	out, err := exec.Command("go", "test", "-run", "^$", "-bench", "^BenchmarkEmulatorSubnetPageRatio$", "-benchtime", "10x", "./bench/").CombinedOutput()
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		for i := 1; i < len(f); i++ {
			if f[i] == "median-20k/500" {
				fmt.Printf("| emulator: one DescribeSubnets page at 20,000 vs at 500 subnets | %sx | | | ≤ 1.5x | | |\n\n", f[i-1])
				return
			}
		}
	}
}

func startup() error {
	env, stop, err := emulator()
	if err != nil {
		return err
	}
	defer stop()
	type cmdline struct {
		name, target string
		argv         []string
	}
	lines := []cmdline{
		{"`tcvpc version`", "≤ 1.5x", []string{*bin, "version"}},
		{"`tcvpc --help`", "≤ 1.5x", []string{*bin, "--help"}},
		{"`tcvpc __complete subnet delete --`", "≤ 1.5x", []string{*bin, "__complete", "subnet", "delete", "--"}},
		{"`tcvpc api DescribeVpcs` (signed, loopback)", "≤ 2.0x", []string{*bin, "api", "DescribeVpcs"}},
	}
	floor := []string{*hello, "version"}
	timeOne := func(argv []string) (time.Duration, error) {
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Env = env
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		t0 := time.Now()
		err := cmd.Run()
		return time.Since(t0), err
	}
	// Warm the page cache, then alternate floor and command so that both
	// see the same machine.
	for _, l := range append(lines, cmdline{argv: floor}) {
		for range 3 {
			if _, err := timeOne(l.argv); err != nil {
				return fmt.Errorf("%s: %v", strings.Join(l.argv, " "), err)
			}
		}
	}
	fmt.Printf("## Start-up (median of %d runs, alternating with the floor)\n\n", *starts)
	fmt.Println("| command | median | hello floor | ratio | target |")
	fmt.Println("|---|---|---|---|---|")
	for _, l := range lines {
		var ts, fs []time.Duration
		for range *starts {
			f, err := timeOne(floor)
			if err != nil {
				return err
			}
			c, err := timeOne(l.argv)
			if err != nil {
				return err
			}
			fs, ts = append(fs, f), append(ts, c)
		}
		m, fm := median(ts), median(fs)
		fmt.Printf("| %s | %s | %s | %.2fx | %s |\n", l.name, m.Round(10*time.Microsecond), fm.Round(10*time.Microsecond), float64(m)/float64(fm), l.target)
	}
	fmt.Println()
	return nil
}
