// Command genmodel writes pkg/api/model/operations_gen.go from the VPC API
// manual and its companion pages, corrected by overrides.yaml.
//
//	go run ./tools/genmodel -seeds DIR [-en tools/genmodel/en] [-o pkg/api/model/operations_gen.go]
//
// The source pages are not part of the repository: -seeds (or the
// TCVPC_SEEDS environment variable) names their directory; `make generate`
// passes it. Relative paths are taken from the repository root (the
// directory holding go.mod), so it runs the same from the root and under
// go generate.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tcvpc/tcvpc/tools/genmodel/gen"
)

func main() {
	dir := flag.String("seeds", os.Getenv("TCVPC_SEEDS"), "directory of the source pages (env TCVPC_SEEDS)")
	ovr := flag.String("overrides", "tools/genmodel/overrides.yaml", "overrides file")
	en := flag.String("en", "tools/genmodel/en", "directory of the model's English texts")
	out := flag.String("o", "pkg/api/model/operations_gen.go", "output file ('-' for stdout)")
	notes := flag.Bool("notes", false, "print what the parser repaired or skipped")
	check := flag.Bool("check", false, "fail if the output file is not up to date instead of writing it")
	summary := flag.Bool("summary", false, "print a terse listing of the model to stdout instead of writing it")
	flag.Parse()

	root, err := repoRoot()
	if err != nil {
		fail(err)
	}
	abs := func(p string) string {
		if p == "-" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(root, p)
	}
	if err := checkSeeds(*dir, abs); err != nil {
		fail(err)
	}
	src, res, err := gen.Generate(gen.Options{Dir: abs(*dir), Overrides: abs(*ovr), English: abs(*en)})
	if err != nil {
		fail(err)
	}
	if *notes {
		for _, n := range res.Notes {
			fmt.Fprintln(os.Stderr, n)
		}
	}
	switch {
	case *summary:
		gen.Summary(os.Stdout, res.Ops)
	case *out == "-":
		os.Stdout.Write(src)
	case *check:
		cur, err := os.ReadFile(abs(*out))
		if err != nil {
			fail(err)
		}
		if !bytes.Equal(cur, src) {
			fail(fmt.Errorf("%s is stale; run go run ./tools/genmodel", *out))
		}
	default:
		if err := os.WriteFile(abs(*out), src, 0o644); err != nil {
			fail(err)
		}
		fmt.Fprintf(os.Stderr, "genmodel: %d operations -> %s\n", len(res.Ops), *out)
	}
}

// checkSeeds says what is missing when the source pages are not given or
// not there.
func checkSeeds(dir string, abs func(string) string) error {
	if dir == "" {
		return fmt.Errorf("no source pages: pass -seeds DIR or set TCVPC_SEEDS to the directory of the manual's pages (make generate SEEDS=DIR)")
	}
	if st, err := os.Stat(abs(dir)); err != nil || !st.IsDir() {
		return fmt.Errorf("-seeds %s: no directory of source pages there (pass -seeds DIR or set TCVPC_SEEDS)", dir)
	}
	return nil
}

// repoRoot is the nearest directory upwards holding go.mod.
func repoRoot() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		up := filepath.Dir(d)
		if up == d {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		d = up
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genmodel:", err)
	os.Exit(1)
}
