package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigureSetGetList(t *testing.T) {
	home := t.TempDir()
	r := run{home: home, env: map[string]string{}}
	r.exec(t, "configure", "set", "secret-id", "AKIDabcdefgh1234").expect(t, 0, "", "")
	r.exec(t, "configure", "set", "secret-key", "supersecretkey9876").expect(t, 0, "", "")
	r.exec(t, "configure", "set", "region", "ap-beijing").expect(t, 0, "", "")
	r.exec(t, "configure", "get", "region").expect(t, 0, "ap-beijing\n", "")
	r.exec(t, "configure", "set", "regoin", "x").expect(t, 2, "", "Error: unknown key \"regoin\" (did you mean region?): valid keys are secret-id, secret-key, token, region, output, endpoint, ca-file, site, signature-method, language\n")

	for _, f := range []string{"config.toml", "credentials.toml"} {
		st, err := os.Stat(filepath.Join(home, ".tcvpc", f))
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v mode %v", f, err, st.Mode())
		}
	}
	r.env["TENCENTCLOUD_REGION"] = "ap-shanghai"
	res := r.exec(t, "configure", "list", "-o", "text")
	want := strings.Join([]string{
		"profile\tdefault\tdefault",
		"secret-id\t****1234\tprofile default (~/.tcvpc/credentials.toml)",
		"secret-key\t****9876\tprofile default (~/.tcvpc/credentials.toml)",
		"token\t\t",
		"region\tap-shanghai\tenv TENCENTCLOUD_REGION",
		"output\ttext\tflag --output",
		"endpoint\t\t",
		"ca-file\t\t",
		"site\tcn\tdefault",
		"signature-method\tTC3-HMAC-SHA256\tdefault",
		"language\t\t",
	}, "\n") + "\n"
	res.expect(t, 0, want, "")
	if strings.Contains(res.stdout, "supersecretkey") {
		t.Fatal("secret printed")
	}
}

func TestConfigureInteractive(t *testing.T) {
	home := t.TempDir()
	r := run{home: home, env: map[string]string{}, tty: true, stdin: "AKIDinteractive0001\nkeyinteractive0002\nap-chengdu\njson\n"}
	res := r.exec(t, "configure", "--profile", "dev")
	if res.code != 0 || strings.Contains(res.err, "keyinteractive0002") || res.stdout != "" {
		t.Fatalf("%+v", res)
	}
	r2 := run{home: home, env: map[string]string{"TCVPC_PROFILE": "dev"}}
	r2.exec(t, "configure", "get", "output").expect(t, 0, "json\n", "")
	r2.exec(t, "configure", "get", "secret-key").expect(t, 0, "keyinteractive0002\n", "")
	run{home: home}.exec(t, "configure").expect(t, 2, "", "Error: tcvpc configure asks questions on a terminal; in scripts use `tcvpc configure set KEY VALUE`\n")
}

func TestConfigureSetChecksValuesBeforeWriting(t *testing.T) {
	home := t.TempDir()
	r := run{home: home, env: map[string]string{}}
	for _, c := range []struct{ key, value, msg string }{
		{"output", "jsn", `invalid value "jsn" for output: expected one of table, json, jsonl, yaml, text`},
		{"endpoint", "ftp://x", `invalid value "ftp://x" for endpoint: expected scheme://host[:port] (http or https), e.g. http://127.0.0.1:8080`},
		{"region", "ap-guangzhou;x", `invalid value "ap-guangzhou;x" for region: expected a region name such as ap-guangzhou (lowercase letters, digits and hyphens)`},
		{"region", "", "empty value for region: expected a region name such as ap-guangzhou (lowercase letters, digits and hyphens); to remove the key run `tcvpc configure unset region`"},
		{"site", "us", `invalid value "us" for site: expected cn or intl`},
		{"signature-method", "md5", `invalid value "md5" for signature-method: expected TC3-HMAC-SHA256, HmacSHA256 or HmacSHA1`},
		{"language", "fr", `invalid value "fr" for language: expected zh-CN or en-US`},
		{"secret-key", "two words", `invalid value for secret-key: expected printable ASCII characters without spaces, as the console shows them`},
		{"outptu", "json", `unknown key "outptu" (did you mean output?): valid keys are secret-id, secret-key, token, region, output, endpoint, ca-file, site, signature-method, language`},
	} {
		r.exec(t, "configure", "set", c.key, c.value).expect(t, 2, "", "Error: "+c.msg+"\n")
	}
	if _, err := os.Stat(filepath.Join(home, ".tcvpc")); err == nil {
		t.Fatal("~/.tcvpc created by rejected values")
	}
	r.exec(t, "configure", "set", "--profile", "../x", "region", "ap-guangzhou").expect(t, 2, "",
		"Error: invalid profile name \"../x\": use letters, digits, '-', '_' and '.', starting with a letter or digit\n")
	// Accepted values are stored as documented; unset removes one.
	r.exec(t, "configure", "set", "signature-method", "hmacsha1").expect(t, 0, "", "")
	r.exec(t, "configure", "get", "signature-method").expect(t, 0, "HmacSHA1\n", "")
	r.exec(t, "configure", "unset", "signature-method").expect(t, 0, "", "")
	r.exec(t, "configure", "get", "signature-method").expect(t, 0, "TC3-HMAC-SHA256\n", "")
}

func TestBadValueInFileIsNamedAndRepairable(t *testing.T) {
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, ".tcvpc"), 0o700); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(home, ".tcvpc", "config.toml")
	if err := os.WriteFile(cfg, []byte("[p]\noutput = \"jsn\"\nregion = \"ap-guangzhou\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := run{home: home, env: map[string]string{"TCVPC_PROFILE": "p", "TENCENTCLOUD_SECRET_ID": "AKIDx", "TENCENTCLOUD_SECRET_KEY": "k"}}
	problem := "invalid value \"jsn\" for output in profile p (~/.tcvpc/config.toml): expected one of table, json, jsonl, yaml, text; fix it with: tcvpc configure set --profile p output VALUE"
	// Commands that talk to the service stop before sending anything.
	r.exec(t, "vpc", "list").expect(t, 2, "", "Error: "+problem+"\n")
	// configure list, get and set go on, so that it can be repaired.
	res := r.exec(t, "configure", "list")
	if res.code != 0 || res.err != "Warning: "+problem+"\n" || !strings.Contains(res.stdout, "jsn") || !strings.Contains(res.stdout, "profile p (~/.tcvpc/config.toml)") {
		t.Fatalf("configure list: %+v", res)
	}
	r.exec(t, "configure", "get", "output").expect(t, 0, "jsn\n", "Warning: "+problem+"\n")
	r.exec(t, "configure", "list", "-o", "xml").expect(t, 2, "", "Error: invalid value \"xml\" for -o/--output: expected one of table, json, jsonl, yaml, text\n")
	r.exec(t, "configure", "set", "output", "yaml").expect(t, 0, "", "")
	r.exec(t, "configure", "get", "output").expect(t, 0, "yaml\n", "")
	r.exec(t, "configure", "get", "region").expect(t, 0, "ap-guangzhou\n", "")
}
