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
