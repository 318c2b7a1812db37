package config

import (
	"os"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	ok := map[string][][2]string{
		KeySecretID:        {{"AKIDabc123", "AKIDabc123"}, {"a/b+c=", "a/b+c="}},
		KeySecretKey:       {{"k", "k"}},
		KeyToken:           {{"tok.en-1_2", "tok.en-1_2"}},
		KeyRegion:          {{"ap-guangzhou", "ap-guangzhou"}, {"AP-Shanghai-FSI", "ap-shanghai-fsi"}, {"gz", "gz"}, {"na-siliconvalley", "na-siliconvalley"}},
		KeyCAFile:          {{"/etc/ssl/ca.pem", "/etc/ssl/ca.pem"}, {"ca bundle.pem", "ca bundle.pem"}},
		KeyOutput:          {{"json", "json"}, {"YAML", "yaml"}, {"jsonl", "jsonl"}, {"text", "text"}, {"table", "table"}},
		KeyEndpoint:        {{"http://127.0.0.1:8080", "http://127.0.0.1:8080"}, {"https://vpc.example.com/", "https://vpc.example.com/"}, {"http://[::1]:80", "http://[::1]:80"}},
		KeySite:            {{"cn", "cn"}, {"INTL", "intl"}, {"china", "cn"}},
		KeySignatureMethod: {{"tc3-hmac-sha256", "TC3-HMAC-SHA256"}, {"hmacsha1", "HmacSHA1"}, {"HmacSHA256", "HmacSHA256"}},
		KeyLanguage:        {{"en-us", "en-US"}, {"zh-CN", "zh-CN"}},
	}
	bad := map[string][]string{
		KeySecretID:        {"", "has space", "tab\tx", "caf\u00e9", "nl\n"},
		KeySecretKey:       {"a b"},
		KeyToken:           {"\x01"},
		KeyRegion:          {"", "ap-guangzhou;x", "ap--x", "-ap", "ap-", "1ap", "ap_guangzhou", "ap guangzhou", strings.Repeat("a", 65)},
		KeyCAFile:          {"", "a\nb"},
		KeyOutput:          {"jsn", "", "xml", " json"},
		KeyEndpoint:        {"ftp://x", "localhost:80", "http://", "http://:80", "http://h/path", "http://h?q=1", "http://u:p@h", "http://h#f", "h"},
		KeySite:            {"us", ""},
		KeySignatureMethod: {"md5", "TC3"},
		KeyLanguage:        {"fr-FR", "en"},
	}
	for _, k := range Keys() {
		if len(ok[k]) == 0 || len(bad[k]) == 0 {
			t.Fatalf("key %s has no cases", k)
		}
		for _, c := range ok[k] {
			if got, err := Normalize(k, c[0]); err != nil || got != c[1] {
				t.Errorf("Normalize(%s, %q) = %q, %v; want %q", k, c[0], got, err, c[1])
			}
		}
		for _, v := range bad[k] {
			_, err := Normalize(k, v)
			ve, isVE := err.(*ValueError)
			if !isVE || ve.Key != k || ve.Expected != Expected(k) || Expected(k) == "" {
				t.Errorf("Normalize(%s, %q): %v", k, v, err)
			}
		}
	}
}

func TestValueErrorMessages(t *testing.T) {
	for _, c := range []struct {
		err  ValueError
		want string
	}{
		{ValueError{Key: KeyOutput, Value: "jsn", Expected: Expected(KeyOutput)},
			`invalid value "jsn" for output: expected one of table, json, jsonl, yaml, text`},
		{ValueError{Key: KeyOutput, Value: "jsn", Expected: Expected(KeyOutput), From: "flag --output"},
			`invalid value "jsn" for -o/--output: expected one of table, json, jsonl, yaml, text`},
		{ValueError{Key: KeySite, Value: "us", Expected: Expected(KeySite), From: "env TCVPC_SITE"},
			`invalid value "us" for site in env TCVPC_SITE: expected cn or intl`},
		{ValueError{Key: KeyEndpoint, Value: "ftp://x", Expected: Expected(KeyEndpoint), From: "profile p (~/.tcvpc/config.toml)", Profile: "p"},
			"invalid value \"ftp://x\" for endpoint in profile p (~/.tcvpc/config.toml): expected scheme://host[:port] (http or https), e.g. http://127.0.0.1:8080; fix it with: tcvpc configure set --profile p endpoint VALUE"},
		{ValueError{Key: KeyRegion, Value: "a;b", Expected: Expected(KeyRegion), From: "profile default (~/.tcvpc/config.toml)", Profile: "default"},
			"invalid value \"a;b\" for region in profile default (~/.tcvpc/config.toml): expected a region name such as ap-guangzhou (lowercase letters, digits and hyphens); fix it with: tcvpc configure set region VALUE"},
		// A credential is never repeated.
		{ValueError{Key: KeySecretKey, Value: "my secret", Expected: Expected(KeySecretKey), From: "env TENCENTCLOUD_SECRET_KEY"},
			"invalid value for secret-key in env TENCENTCLOUD_SECRET_KEY: expected printable ASCII characters without spaces, as the console shows them"},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

func TestValidateNamesTheFileAndCanonicalizes(t *testing.T) {
	f := newFixture(t)
	f.write(t, ".tcvpc/config.toml", "[default]\noutput = \"jsn\"\nsite = \"INTL\"\nregion = \"ap-guangzhou;x\"\n")
	s := f.load(t)
	errs := s.Validate()
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		"invalid value \"ap-guangzhou;x\" for region in profile default (~/.tcvpc/config.toml): expected a region name such as ap-guangzhou (lowercase letters, digits and hyphens); fix it with: tcvpc configure set region VALUE",
		"invalid value \"jsn\" for output in profile default (~/.tcvpc/config.toml): expected one of table, json, jsonl, yaml, text; fix it with: tcvpc configure set output VALUE",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s.Get(KeySite) != "intl" || s.Get(KeyOutput) != "jsn" {
		t.Fatalf("site %q output %q", s.Get(KeySite), s.Get(KeyOutput))
	}
}

func TestSetRejectsBadValuesBeforeWriting(t *testing.T) {
	f := newFixture(t)
	if err := f.l.Set("default", KeyRegion, "ap-beijing"); err != nil {
		t.Fatal(err)
	}
	before := readString(t, f.l.configPath())
	// One bad value among good ones writes none of them.
	err := f.l.SetValues("default", map[string]string{KeyOutput: "json", KeyEndpoint: "ftp://x", KeySecretID: "AKIDx"})
	if _, ok := err.(*ValueError); !ok {
		t.Fatalf("err = %v", err)
	}
	if after := readString(t, f.l.configPath()); after != before {
		t.Fatalf("config.toml changed:\n%s", after)
	}
	if _, err := os.Stat(f.l.credentialPath()); err == nil {
		t.Fatal("credentials.toml written")
	}
	// Values are stored in their canonical spelling.
	if err := f.l.SetValues("default", map[string]string{KeyOutput: "JSON", KeySignatureMethod: "hmacsha1"}); err != nil {
		t.Fatal(err)
	}
	text := readString(t, f.l.configPath())
	if !strings.Contains(text, "output = 'json'") && !strings.Contains(text, `output = "json"`) || !strings.Contains(text, "HmacSHA1") {
		t.Fatalf("config.toml:\n%s", text)
	}
}
