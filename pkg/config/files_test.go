package config

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func wantMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s: mode %04o, want %04o", path, got, want)
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSetCreatesPrivateFiles(t *testing.T) {
	f := newFixture(t)
	dir := filepath.Join(f.home, ".tcvpc")
	cfg := filepath.Join(dir, "config.toml")
	creds := filepath.Join(dir, "credentials.toml")

	if err := f.l.Set("default", KeyRegion, "ap-guangzhou"); err != nil {
		t.Fatal(err)
	}
	wantMode(t, dir, 0o700)
	wantMode(t, cfg, 0o600)
	if _, err := os.Stat(creds); !os.IsNotExist(err) {
		t.Errorf("credentials.toml written for a non-secret key: %v", err)
	}

	steps := []struct{ profile, key, value string }{
		{"default", KeySecretID, "AKIDdefault"},
		{"default", KeySecretKey, "  keydefault\n"},
		{"prod", KeySecretKey, "keyprod"},
		{"prod", KeyOutput, "json"},
		{"prod", "Signature_Method", "HmacSHA256"},
		{"default", KeyRegion, "ap-shanghai"},
	}
	for _, st := range steps {
		if err := f.l.Set(st.profile, st.key, st.value); err != nil {
			t.Fatalf("Set(%q, %q): %v", st.profile, st.key, err)
		}
	}
	wantMode(t, creds, 0o600)
	wantMode(t, cfg, 0o600)

	if names, err := f.l.Profiles(); err != nil || !reflect.DeepEqual(names, []string{"default", "prod"}) {
		t.Errorf("Profiles = %v, %v", names, err)
	}
	s := f.load(t)
	wantValue(t, s, KeyRegion, "ap-shanghai", "profile default (~/.tcvpc/config.toml)")
	wantValue(t, s, KeySecretID, "AKIDdefault", "profile default (~/.tcvpc/credentials.toml)")
	wantValue(t, s, KeySecretKey, "keydefault", "profile default (~/.tcvpc/credentials.toml)")
	f.l.Flags[FlagProfile] = "prod"
	s = f.load(t)
	wantValue(t, s, KeySecretKey, "keyprod", "profile prod (~/.tcvpc/credentials.toml)")
	wantValue(t, s, KeyOutput, "json", "profile prod (~/.tcvpc/config.toml)")
	wantValue(t, s, KeySignatureMethod, "HmacSHA256", "profile prod (~/.tcvpc/config.toml)")
	wantValue(t, s, KeyRegion, "", "")

	if text := readString(t, cfg); strings.Contains(text, "AKID") || strings.Contains(text, "keyprod") || strings.Contains(text, "keydefault") {
		t.Errorf("secret in config.toml:\n%s", text)
	}

	// No temporary files are left behind; the writers' lock stays, 0600.
	wantMode(t, filepath.Join(dir, ".lock"), 0o600)
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !reflect.DeepEqual(names, []string{".lock", "config.toml", "credentials.toml"}) {
		t.Errorf("files in ~/.tcvpc: %v", names)
	}
}

func TestSetKeepsOtherContent(t *testing.T) {
	f := newFixture(t)
	cfg := f.write(t, ".tcvpc/config.toml", tcvpcConfig+"\n[team]\nregion = \"ap-seoul\"\ncustom = 3\n")
	if err := os.Chmod(cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := f.l.Set("prod", KeyLanguage, "en-US"); err != nil {
		t.Fatal(err)
	}
	wantMode(t, cfg, 0o600)

	doc, _, err := f.l.readTOML(cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"default": map[string]any{"region": "ap-shanghai", "output": "yaml", "endpoint": "http://127.0.0.1:9000"},
		"prod":    map[string]any{"region": "ap-beijing", "language": "en-US"},
		"team":    map[string]any{"region": "ap-seoul", "custom": int64(3)},
	}
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("config.toml decodes to %#v\nwant %#v", doc, want)
	}
}

func TestUnset(t *testing.T) {
	f := newFixture(t)
	f.write(t, ".tcvpc/config.toml", "[default]\nRegion = \"ap-shanghai\"\noutput = \"json\"\n")

	if err := f.l.Unset("default", KeyRegion); err != nil {
		t.Fatal(err)
	}
	s := f.load(t)
	wantValue(t, s, KeyRegion, "", "")
	wantValue(t, s, KeyOutput, "json", "profile default (~/.tcvpc/config.toml)")

	// Setting "" is unsetting.
	if err := f.l.Set("default", KeyOutput, ""); err != nil {
		t.Fatal(err)
	}
	wantValue(t, f.load(t), KeyOutput, "table", "default")
	// The table stays, so the profile still exists.
	if names, _ := f.l.Profiles(); !reflect.DeepEqual(names, []string{"default"}) {
		t.Errorf("Profiles = %v", names)
	}

	// Nothing to remove: nothing is written, nothing is created.
	before := snapshot(t, f.home)
	if err := f.l.Unset("default", KeyRegion); err != nil {
		t.Fatal(err)
	}
	if err := f.l.Unset("nosuch", KeyRegion); err != nil {
		t.Fatal(err)
	}
	if err := f.l.Unset("default", KeySecretKey); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t, f.home); !reflect.DeepEqual(before, after) {
		t.Errorf("a no-op Unset wrote files")
	}
}

func TestInvalidKeyAndProfile(t *testing.T) {
	f := newFixture(t)
	for _, call := range []func() error{
		func() error { return f.l.Set("default", "regoin", "x") },
		func() error { return f.l.Unset("default", "regoin") },
		func() error { _, err := ParseKey("regoin"); return err },
		func() error { _, err := f.l.FileFor("regoin"); return err },
	} {
		err := call()
		if err == nil {
			t.Fatal("an unknown key was accepted")
		}
		want := `unknown key "regoin" (did you mean region?): valid keys are secret-id, secret-key, token, region, output, endpoint, ca-file, site, signature-method, language`
		if err.Error() != want {
			t.Errorf("error %q\nwant  %q", err, want)
		}
	}
	if _, err := ParseKey("colour"); err == nil || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("ParseKey(colour): %v", err)
	}
	for _, in := range []string{"secret_id", "SECRET-ID", " secret-id "} {
		if k, err := ParseKey(in); err != nil || k != KeySecretID {
			t.Errorf("ParseKey(%q) = %q, %v", in, k, err)
		}
	}
	for _, p := range []string{"", "../x", "a/b", "a b", "-x", "[x]"} {
		if err := f.l.Set(p, KeyRegion, "ap-guangzhou"); err == nil || !strings.Contains(err.Error(), "invalid profile name") {
			t.Errorf("Set with profile %q: %v", p, err)
		}
	}
	if err := f.l.Set("default", KeyRegion, "a\nb"); err == nil {
		t.Error("a multi-line value was accepted")
	}
	if _, err := os.Stat(filepath.Join(f.home, ".tcvpc")); !os.IsNotExist(err) {
		t.Errorf("failed calls created ~/.tcvpc: %v", err)
	}
}

func TestFileFor(t *testing.T) {
	f := newFixture(t)
	for key, want := range map[string]string{
		KeyToken:  filepath.Join("~", ".tcvpc", "credentials.toml"),
		KeyRegion: filepath.Join("~", ".tcvpc", "config.toml"),
	} {
		if got, err := f.l.FileFor(key); err != nil || got != want {
			t.Errorf("FileFor(%s) = %q, %v; want %q", key, got, err, want)
		}
	}
}

func TestKeys(t *testing.T) {
	keys := Keys()
	if len(keys) != 10 {
		t.Fatalf("Keys = %v", keys)
	}
	keys[0] = "changed"
	if Keys()[0] != KeySecretID {
		t.Error("Keys shares its slice")
	}
	for _, k := range Keys() {
		secret := k == KeySecretKey || k == KeyToken
		if IsSecret(k) != secret {
			t.Errorf("IsSecret(%s) = %v", k, !secret)
		}
		if ShouldMask(k) != (secret || k == KeySecretID) {
			t.Errorf("ShouldMask(%s) = %v", k, ShouldMask(k))
		}
		if len(EnvNames(k)) == 0 {
			t.Errorf("no environment variable for %s", k)
		}
	}
}

func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"a":                  "****",
		"abcd":               "****",
		"abcde":              "****bcde",
		"AKIDz8krbsJ5yKBZQp": "****BZQp",
		"密钥密钥密钥":             "****密钥密钥",
	} {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLegacyRegion(t *testing.T) {
	for in, want := range map[string]string{
		"ap-guangzhou":     "gz",
		"AP-Shanghai":      "sh",
		"gz":               "gz",
		"sh":               "sh",
		"ap-beijing":       "bj",
		"na-siliconvalley": "usw",
		"na-toronto":       "ca",
		"":                 "",
		"mars-1":           "mars-1",
	} {
		if got := LegacyRegion(in); got != want {
			t.Errorf("LegacyRegion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseINI(t *testing.T) {
	got, err := parseINI("\ufeffglobal = 1\r\n[default]\r\n  secret_id = AKID = x \r\n# c\n;c\nnoequals\n[ other ]\nToken=t\n[default]\nsecret_key=k\n")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]string{
		"default": {"secret-id": "AKID = x", "secret-key": "k"},
		"other":   {"token": "t"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseINI = %v, want %v", got, want)
	}
	for _, bad := range []string{"[default\n", "[]\n", "[ ]\n"} {
		if _, err := parseINI(bad); err == nil {
			t.Errorf("parseINI(%q) succeeded", bad)
		}
	}
}
