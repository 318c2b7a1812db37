package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// A bad value already in a profile names the setting and the file; list,
// get and set still work, so that it can be repaired.
func TestBadValueInProfileCanBeRepaired(t *testing.T) {
	home := t.TempDir()
	os.MkdirAll(filepath.Join(home, ".tcvpc"), 0o700)
	os.WriteFile(filepath.Join(home, ".tcvpc", "config.toml"), []byte("[default]\noutput = \"jsn\"\nregion = \"ap-guangzhou\"\n"), 0o600)
	srv := testserver.New(t, testserver.V3OK(`"TotalCount":0,"VpcSet":[]`))
	env := envFor(srv)
	delete(env, "TENCENTCLOUD_REGION")
	r := run{home: home, env: env}
	problem := `invalid value "jsn" for output in profile default (~/.tcvpc/config.toml): expected one of table, json, jsonl, yaml, text; fix it with: tcvpc configure set output VALUE`
	r.exec(t, "vpc", "list").expect(t, 2, "", "Error: "+problem+"\n")
	res := r.exec(t, "configure", "list")
	if res.code != 0 || !strings.Contains(res.stdout, "jsn") || !strings.HasPrefix(res.err, "Warning: invalid value \"jsn\"") {
		t.Fatalf("configure list: %+v", res)
	}
	r.exec(t, "configure", "get", "output").expect(t, 0, "jsn\n", "Warning: "+problem+"\n")
	r.exec(t, "configure", "set", "output", "text").expect(t, 0, "", "")
	r.exec(t, "vpc", "list").expect(t, 0, "", "")
}
