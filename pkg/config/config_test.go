package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

type fixture struct {
	home string
	env  map[string]string
	l    *Loader
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{home: t.TempDir(), env: map[string]string{}}
	f.l = &Loader{
		Home:   f.home,
		Getenv: func(k string) string { return f.env[k] },
		Flags:  map[string]string{},
	}
	return f
}

// write creates home-relative path with mode 0600 (so no warning unless a
// test asks for one).
func (f *fixture) write(t *testing.T, rel, content string) string {
	t.Helper()
	path := filepath.Join(f.home, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func (f *fixture) load(t *testing.T) *Settings {
	t.Helper()
	s, err := f.l.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return s
}

func wantValue(t *testing.T, s *Settings, key, value, source string) {
	t.Helper()
	got := s.Values[key]
	if got.Value != value || got.Source != source {
		t.Errorf("%s = %q from %q, want %q from %q", key, got.Value, got.Source, value, source)
	}
}

const (
	tcvpcConfig = `
[default]
region = "ap-shanghai"
output = "yaml"
endpoint = "http://127.0.0.1:9000"

[prod]
region = "ap-beijing"
`
	tcvpcCreds = `
[default]
secret-id = "AKIDprofile"
secret-key = "keyprofile"
token = "tokprofile"

[prod]
secret-id = "AKIDprod"
secret-key = "keyprod"
`
	tccliCred      = `{"secretId": "AKIDtccli", "secretKey": "keytccli", "token": "toktccli", "type": "", "role-arn": ""}`
	tccliConfigure = `{"_sys_param": {"region": "ap-chengdu", "output": "text", "arrayCount": 10, "warning": "off"}, "vpc": {"endpoint": "vpc.tencentcloudapi.com", "version": "2017-03-12"}}`
	sdkINI         = `# written by hand
[default]
secret_id = AKIDsdk
secret_key = keysdk
; a comment
token = toksdk

[prod]
secret_id = AKIDsdkprod
secret_key = keysdkprod
`
)

func TestPrecedenceRegion(t *testing.T) {
	f := newFixture(t)
	f.write(t, ".tcvpc/config.toml", tcvpcConfig)
	f.l.Flags[KeyRegion] = "ap-guangzhou"
	f.env[EnvRegion] = "ap-hongkong"

	wantValue(t, f.load(t), KeyRegion, "ap-guangzhou", "flag --region")
	delete(f.l.Flags, KeyRegion)
	wantValue(t, f.load(t), KeyRegion, "ap-hongkong", "env TENCENTCLOUD_REGION")
	delete(f.env, EnvRegion)
	wantValue(t, f.load(t), KeyRegion, "ap-shanghai", "profile default (~/.tcvpc/config.toml)")

	// Without a tcvpc profile of that name, tccli's is used.
	os.Remove(filepath.Join(f.home, ".tcvpc/config.toml"))
	f.write(t, ".tccli/default.configure", tccliConfigure)
	s := f.load(t)
	wantValue(t, s, KeyRegion, "ap-chengdu", "tccli profile default (~/.tccli/default.configure)")
	wantValue(t, s, KeyOutput, "text", "tccli profile default (~/.tccli/default.configure)")

	os.Remove(filepath.Join(f.home, ".tccli/default.configure"))
	s = f.load(t)
	wantValue(t, s, KeyRegion, "", "")
	wantValue(t, s, KeyOutput, "table", "default")
	wantValue(t, s, KeySite, "cn", "default")
	wantValue(t, s, KeySignatureMethod, "TC3-HMAC-SHA256", "default")
	wantValue(t, s, KeyEndpoint, "", "")
	wantValue(t, s, KeyLanguage, "", "")
}

func TestPrecedenceCredentials(t *testing.T) {
	f := newFixture(t)
	f.write(t, ".tcvpc/credentials.toml", tcvpcCreds)
	f.write(t, ".tccli/default.credential", tccliCred)
	f.write(t, ".tencentcloud/credentials", sdkINI)
	f.l.Flags[KeySecretID] = "AKIDflag"
	f.l.Flags[KeySecretKey] = "keyflag"
	f.env[EnvSecretID] = "AKIDenv"
	f.env[EnvSecretKey] = "keyenv"
	f.env[EnvSessionToken] = "tokenv"

	s := f.load(t)
	wantValue(t, s, KeySecretID, "AKIDflag", "flag --secret-id")
	wantValue(t, s, KeySecretKey, "keyflag", "flag --secret-key")
	wantValue(t, s, KeyToken, "", "")

	f.l.Flags = map[string]string{}
	s = f.load(t)
	wantValue(t, s, KeySecretID, "AKIDenv", "env TENCENTCLOUD_SECRET_ID")
	wantValue(t, s, KeySecretKey, "keyenv", "env TENCENTCLOUD_SECRET_KEY")
	wantValue(t, s, KeyToken, "tokenv", "env TENCENTCLOUD_SESSION_TOKEN")
	f.env[EnvToken] = "tokenv2"
	wantValue(t, f.load(t), KeyToken, "tokenv2", "env TENCENTCLOUD_TOKEN")

	f.env = map[string]string{}
	s = f.load(t)
	const prof = "profile default (~/.tcvpc/credentials.toml)"
	wantValue(t, s, KeySecretID, "AKIDprofile", prof)
	wantValue(t, s, KeySecretKey, "keyprofile", prof)
	wantValue(t, s, KeyToken, "tokprofile", prof)

	os.Remove(filepath.Join(f.home, ".tcvpc/credentials.toml"))
	s = f.load(t)
	const tccli = "tccli profile default (~/.tccli/default.credential)"
	wantValue(t, s, KeySecretID, "AKIDtccli", tccli)
	wantValue(t, s, KeySecretKey, "keytccli", tccli)
	wantValue(t, s, KeyToken, "toktccli", tccli)

	os.Remove(filepath.Join(f.home, ".tccli/default.credential"))
	s = f.load(t)
	const sdk = "~/.tencentcloud/credentials [default]"
	wantValue(t, s, KeySecretID, "AKIDsdk", sdk)
	wantValue(t, s, KeySecretKey, "keysdk", sdk)
	wantValue(t, s, KeyToken, "toksdk", sdk)

	os.Remove(filepath.Join(f.home, ".tencentcloud/credentials"))
	s = f.load(t)
	for _, k := range []string{KeySecretID, KeySecretKey, KeyToken} {
		wantValue(t, s, k, "", "")
	}
	if len(s.Warnings) != 0 {
		t.Errorf("warnings: %q", s.Warnings)
	}
}

func TestTccliOnlyWithoutTcvpcProfile(t *testing.T) {
	f := newFixture(t)
	f.write(t, ".tccli/default.credential", tccliCred)
	f.write(t, ".tccli/default.configure", tccliConfigure)
	// A tcvpc profile with only an output setting still hides tccli's
	// profile of the same name entirely.
	f.write(t, ".tcvpc/config.toml", "[default]\noutput = \"json\"\n[prod]\nregion = \"ap-beijing\"\n")

	s := f.load(t)
	wantValue(t, s, KeyOutput, "json", "profile default (~/.tcvpc/config.toml)")
	wantValue(t, s, KeyRegion, "", "")
	wantValue(t, s, KeySecretID, "", "")

	// An empty table is a profile too.
	f.write(t, ".tcvpc/config.toml", "[default]\n")
	wantValue(t, f.load(t), KeySecretID, "", "")

	// Another tcvpc profile does not hide tccli's default.
	f.write(t, ".tcvpc/config.toml", "[prod]\nregion = \"ap-beijing\"\n")
	s = f.load(t)
	wantValue(t, s, KeyRegion, "ap-chengdu", "tccli profile default (~/.tccli/default.configure)")
	wantValue(t, s, KeySecretID, "AKIDtccli", "tccli profile default (~/.tccli/default.credential)")

	// A tccli-only profile chosen by name.
	f.write(t, ".tccli/dev.credential", `{"secretId": "AKIDdev", "secretKey": "keydev"}`)
	f.env[EnvProfile] = "dev"
	s = f.load(t)
	if s.Profile != "dev" || s.ProfileSource != "env TCVPC_PROFILE" {
		t.Errorf("profile %q from %q", s.Profile, s.ProfileSource)
	}
	wantValue(t, s, KeySecretKey, "keydev", "tccli profile dev (~/.tccli/dev.credential)")
	wantValue(t, s, KeyRegion, "", "")
}

func TestProfileChoice(t *testing.T) {
	f := newFixture(t)
	f.write(t, ".tcvpc/config.toml", tcvpcConfig)
	f.write(t, ".tcvpc/credentials.toml", tcvpcCreds)

	s := f.load(t)
	if s.Profile != "default" || s.ProfileSource != "default" {
		t.Errorf("profile %q from %q", s.Profile, s.ProfileSource)
	}
	f.env[EnvProfile] = "prod"
	s = f.load(t)
	if s.Profile != "prod" || s.ProfileSource != "env TCVPC_PROFILE" {
		t.Errorf("profile %q from %q", s.Profile, s.ProfileSource)
	}
	wantValue(t, s, KeyRegion, "ap-beijing", "profile prod (~/.tcvpc/config.toml)")
	wantValue(t, s, KeySecretID, "AKIDprod", "profile prod (~/.tcvpc/credentials.toml)")
	// Nothing leaks in from the default profile.
	wantValue(t, s, KeyEndpoint, "", "")
	wantValue(t, s, KeyToken, "", "")

	f.l.Flags[FlagProfile] = "default"
	s = f.load(t)
	if s.Profile != "default" || s.ProfileSource != "flag --profile" {
		t.Errorf("profile %q from %q", s.Profile, s.ProfileSource)
	}
	wantValue(t, s, KeyEndpoint, "http://127.0.0.1:9000", "profile default (~/.tcvpc/config.toml)")

	// A misspelt profile is reported, but flags and environment still work.
	f.l.Flags[FlagProfile] = "prdo"
	f.env[EnvRegion] = "ap-guangzhou"
	s = f.load(t)
	want := []string{`profile "prdo" (from flag --profile) is in none of ~/.tcvpc, ~/.tccli and the SDK credentials file; tcvpc profiles: default, prod`}
	if !reflect.DeepEqual(s.Warnings, want) {
		t.Errorf("warnings %q\nwant %q", s.Warnings, want)
	}
	wantValue(t, s, KeyRegion, "ap-guangzhou", "env TENCENTCLOUD_REGION")
	wantValue(t, s, KeySecretID, "", "")
	delete(f.env, EnvRegion)

	f.l.Flags[FlagProfile] = "../x"
	if _, err := f.l.Load(); err == nil || !strings.Contains(err.Error(), "invalid profile name") {
		t.Errorf("Load with a bad profile name: %v", err)
	}

	// "default" need not exist anywhere.
	g := newFixture(t)
	g.l.Flags[FlagProfile] = "default"
	if s := g.load(t); len(s.Warnings) != 0 {
		t.Errorf("warnings for an absent default profile: %q", s.Warnings)
	}
}

func TestSDKFile(t *testing.T) {
	f := newFixture(t)
	f.write(t, ".tencentcloud/credentials", sdkINI)
	f.write(t, ".tcvpc/config.toml", "[prod]\nregion = \"ap-beijing\"\n[stage]\nregion = \"ap-beijing\"\n")

	f.l.Flags[FlagProfile] = "prod"
	s := f.load(t)
	wantValue(t, s, KeySecretID, "AKIDsdkprod", "~/.tencentcloud/credentials [prod]")
	wantValue(t, s, KeyToken, "", "")

	// No fallback to [default] for another profile.
	f.l.Flags[FlagProfile] = "stage"
	wantValue(t, f.load(t), KeySecretID, "", "")

	// A profile only the SDK file has is found.
	f.write(t, ".tencentcloud/credentials", sdkINI+"\n[ci]\nsecret_id = AKIDci\nsecret_key = keyci\n")
	f.l.Flags[FlagProfile] = "ci"
	wantValue(t, f.load(t), KeySecretKey, "keyci", "~/.tencentcloud/credentials [ci]")

	// TENCENTCLOUD_CREDENTIALS_FILE replaces the default path.
	other := filepath.Join(t.TempDir(), "creds.ini")
	if err := os.WriteFile(other, []byte("[default]\nsecret_id=AKIDother\nsecret_key=keyother\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f.env[EnvCredentialsFile] = other
	delete(f.l.Flags, FlagProfile)
	s = f.load(t)
	wantValue(t, s, KeySecretID, "AKIDother", other+" [default]")
	wantValue(t, s, KeyToken, "", "")

	f.env[EnvCredentialsFile] = filepath.Join(f.home, "missing")
	s = f.load(t)
	wantValue(t, s, KeySecretID, "", "")
	if len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], "TENCENTCLOUD_CREDENTIALS_FILE names") {
		t.Errorf("warnings %q", s.Warnings)
	}
}

func TestCredentialsAreNotMixed(t *testing.T) {
	f := newFixture(t)
	f.write(t, ".tcvpc/credentials.toml", tcvpcCreds)

	// Keys from the environment never take the profile's token.
	f.env[EnvSecretID] = "AKIDenv"
	f.env[EnvSecretKey] = "keyenv"
	s := f.load(t)
	wantValue(t, s, KeySecretID, "AKIDenv", "env TENCENTCLOUD_SECRET_ID")
	wantValue(t, s, KeyToken, "", "")

	// Half a pair in the environment is not completed from the profile.
	delete(f.env, EnvSecretKey)
	s = f.load(t)
	wantValue(t, s, KeySecretID, "AKIDenv", "env TENCENTCLOUD_SECRET_ID")
	wantValue(t, s, KeySecretKey, "", "")
	if len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], "secret-id is set by env TENCENTCLOUD_SECRET_ID but secret-key is not") {
		t.Errorf("warnings %q", s.Warnings)
	}

	// A token alone in the environment is ignored, with a warning.
	f.env = map[string]string{EnvToken: "tokenv"}
	s = f.load(t)
	wantValue(t, s, KeySecretID, "AKIDprofile", "profile default (~/.tcvpc/credentials.toml)")
	wantValue(t, s, KeyToken, "tokprofile", "profile default (~/.tcvpc/credentials.toml)")
	if len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], "ignoring the token from env TENCENTCLOUD_TOKEN") {
		t.Errorf("warnings %q", s.Warnings)
	}
}

func TestFallbackFileErrorsAreWarnings(t *testing.T) {
	f := newFixture(t)
	f.write(t, ".tccli/default.credential", `{"secretId": `)
	f.write(t, ".tencentcloud/credentials", "[default\nsecret_id = x\n")
	f.env[EnvRegion] = "ap-guangzhou"
	s := f.load(t)
	if len(s.Warnings) != 2 || !strings.Contains(s.Warnings[0], "ignoring ~/.tccli/default.credential: invalid JSON") ||
		!strings.Contains(s.Warnings[1], "ignoring ~/.tencentcloud/credentials: line 1") {
		t.Errorf("warnings %q", s.Warnings)
	}

	// tcvpc's own files must be right.
	f.write(t, ".tcvpc/config.toml", "[default\n")
	if _, err := f.l.Load(); err == nil || !strings.Contains(err.Error(), "~/.tcvpc/config.toml") {
		t.Errorf("Load with a broken config.toml: %v", err)
	}
}

func TestWorldReadableWarning(t *testing.T) {
	f := newFixture(t)
	path := f.write(t, ".tcvpc/credentials.toml", tcvpcCreds)
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s := f.load(t)
	wantValue(t, s, KeySecretID, "AKIDprofile", "profile default (~/.tcvpc/credentials.toml)")
	want := []string{"~/.tcvpc/credentials.toml is open to group or others (mode 0644); run: chmod 600 ~/.tcvpc/credentials.toml"}
	if !reflect.DeepEqual(s.Warnings, want) {
		t.Errorf("warnings %q, want %q", s.Warnings, want)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if s := f.load(t); len(s.Warnings) != 0 {
		t.Errorf("warnings with mode 0600: %q", s.Warnings)
	}
}

type fileState struct {
	mode  os.FileMode
	size  int64
	mtime int64
}

func snapshot(t *testing.T, root string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.Walk(root, func(path string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		out[path] = fileState{fi.Mode(), fi.Size(), fi.ModTime().UnixNano()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestLoadWritesNothing(t *testing.T) {
	// With no files at all, nothing is created.
	f := newFixture(t)
	before := snapshot(t, f.home)
	f.load(t)
	if _, err := f.l.Profiles(); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t, f.home); !reflect.DeepEqual(before, after) {
		t.Errorf("Load changed an empty home:\nbefore %v\nafter  %v", before, after)
	}

	// With every file present, including one with loose permissions.
	f.write(t, ".tcvpc/config.toml", tcvpcConfig)
	creds := f.write(t, ".tcvpc/credentials.toml", tcvpcCreds)
	os.Chmod(creds, 0o644)
	f.write(t, ".tccli/default.credential", tccliCred)
	f.write(t, ".tccli/dev.configure", tccliConfigure)
	f.write(t, ".tencentcloud/credentials", sdkINI)
	before = snapshot(t, f.home)
	for _, p := range []string{"", "default", "prod", "dev"} {
		f.l.Flags[FlagProfile] = p
		f.load(t)
	}
	if _, err := f.l.Profiles(); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t, f.home); !reflect.DeepEqual(before, after) {
		t.Errorf("Load changed files:\nbefore %v\nafter  %v", before, after)
	}
}

func TestSettingsGet(t *testing.T) {
	var nilSettings *Settings
	if nilSettings.Get(KeyRegion) != "" {
		t.Error("Get on nil settings")
	}
	s := &Settings{Values: map[string]Value{KeySignatureMethod: {Value: "HmacSHA1", Source: "flag --signature-method"}}}
	if got := s.Get("signature_method"); got != "HmacSHA1" {
		t.Errorf("Get = %q", got)
	}
}

func TestNoHome(t *testing.T) {
	l := &Loader{Getenv: func(k string) string {
		return map[string]string{EnvSecretID: "AKIDenv", EnvSecretKey: "keyenv"}[k]
	}}
	s, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	wantValue(t, s, KeySecretID, "AKIDenv", "env TENCENTCLOUD_SECRET_ID")
	if err := l.Set("default", KeyRegion, "ap-guangzhou"); err == nil {
		t.Error("Set without a home directory succeeded")
	}
}
