package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// configure set refuses a value the setting cannot take, naming the
// expected form, and writes nothing.
func TestConfigureSetChecksValues(t *testing.T) {
	home := t.TempDir()
	r := run{home: home, env: map[string]string{}}
	for _, tc := range []struct{ key, value, msg string }{
		{"output", "jsn", `configure set output: invalid value "jsn" for -o/--output: expected one of table, json, jsonl, yaml, text`},
		{"endpoint", "ftp://x", `configure set endpoint: invalid value "ftp://x" for --endpoint: expected scheme://host[:port], e.g. http://127.0.0.1:8080`},
		{"region", "ap-guangzhou;x", `configure set region: invalid value "ap-guangzhou;x" for --region: expected a region name such as ap-guangzhou (lowercase letters, digits and hyphens)`},
		{"site", "mars", `configure set site: invalid value "mars" for --site: expected cn or intl`},
		{"signature-method", "md5", `configure set signature-method: invalid value "md5" for --signature-method: expected TC3-HMAC-SHA256, HmacSHA256 or HmacSHA1`},
		{"language", "fr", `configure set language: invalid value "fr" for --language: expected zh-CN or en-US`},
	} {
		r.exec(t, "configure", "set", tc.key, tc.value).expect(t, 2, "", "Error: "+tc.msg+"\n")
	}
	if _, err := os.Stat(filepath.Join(home, ".tcvpc", "config.toml")); !os.IsNotExist(err) {
		t.Fatalf("a refused value was written: %v", err)
	}
	r.exec(t, "configure", "set", "output", "yaml").expect(t, 0, "", "")
	r.exec(t, "configure", "get", "output").expect(t, 0, "yaml\n", "")
}

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
	r.exec(t, "vpc", "list").expect(t, 2, "",
		`Error: invalid value "jsn" for -o/--output: expected one of table, json, jsonl, yaml, text (the output setting of profile default (~/.tcvpc/config.toml); fix it with: tcvpc configure set output VALUE)`+"\n")
	res := r.exec(t, "configure", "list")
	if res.code != 0 || !strings.Contains(res.stdout, "jsn") || !strings.HasPrefix(res.err, "Warning: invalid value \"jsn\"") {
		t.Fatalf("configure list: %+v", res)
	}
	r.exec(t, "configure", "get", "output").expect(t, 0, "jsn\n", "")
	r.exec(t, "configure", "set", "output", "text").expect(t, 0, "", "")
	r.exec(t, "vpc", "list").expect(t, 0, "", "")
}
