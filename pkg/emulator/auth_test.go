package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/sign"
)

// rawHMAC sends one query-signed GET with the given common parameters and
// returns the decoded body.
func (e *env) rawHMAC(t *testing.T, style api.Style, q map[string]string, key string) map[string]any {
	t.Helper()
	u, _ := url.Parse(e.ts.URL)
	path := "/"
	if style == api.Legacy {
		path = legacyPath
	}
	q["Signature"] = sign.SignParams("GET", u.Host, path, key, q)
	vals := url.Values{}
	for k, v := range q {
		vals.Set(k, v)
	}
	resp, err := http.Get(e.ts.URL + path + "?" + vals.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("HTTP %d", resp.StatusCode)
	}
	b, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return m
}

// rawTC3 posts body as action, signed over signed's host, service and
// timestamp, and returns the decoded answer.
func (e *env) rawTC3(t *testing.T, action, body string, signed sign.TC3Request) map[string]any {
	t.Helper()
	signed.Method, signed.ContentType, signed.Payload = "POST", "application/json", []byte(body)
	req, _ := http.NewRequest("POST", e.ts.URL+"/", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", sign.TC3Authorization(DemoSecretID, DemoSecretKey, signed))
	req.Header.Set("X-TC-Action", action)
	req.Header.Set("X-TC-Version", apiVersion)
	req.Header.Set("X-TC-Timestamp", strconv.FormatInt(signed.Timestamp, 10))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&m)
	return m
}

func commonQuery(style api.Style, action string, ts time.Time, nonce int) map[string]string {
	q := map[string]string{
		"Action": action, "SecretId": DemoSecretID, "Timestamp": strconv.FormatInt(ts.Unix(), 10),
		"Nonce": strconv.Itoa(nonce), "SignatureMethod": "HmacSHA256", "Region": "ap-guangzhou",
	}
	if style == api.V3 {
		q["Version"] = apiVersion
	}
	return q
}

func TestAuthFailures(t *testing.T) {
	e := start(t, Options{})
	action := map[api.Style]string{api.V3: "DescribeVpcs", api.Legacy: "DescribeVpcEx"}
	type want struct{ v3TC3, v3HMAC, legacy, legacyDesc string }
	cases := []struct {
		name string
		cfg  func(*api.Config)
		want want
	}{
		{"bad signature", func(c *api.Config) { c.SecretKey = "wrong" },
			want{"AuthFailure.SignatureFailure", "AuthFailure.SignatureFailure", "4100", "AuthFailure"}},
		{"unknown SecretId", func(c *api.Config) { c.SecretID = "AKIDunknown" },
			want{"AuthFailure.SecretIdNotFound", "AuthFailure.SecretIdNotFound", "4104", "AuthFailure.SecretIdNotFound"}},
		{"expired timestamp", func(c *api.Config) { c.Now = func() time.Time { return time.Now().Add(-10 * time.Minute) } },
			want{"AuthFailure.SignatureExpire", "AuthFailure.SignatureExpire", "4200", "AuthFailure.SignatureExpire"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, m := range []struct {
				style  api.Style
				method string
				code   string
			}{
				{api.V3, sign.TC3, tc.want.v3TC3},
				{api.V3, sign.HmacSHA1, tc.want.v3HMAC},
				{api.Legacy, sign.HmacSHA256, tc.want.legacy},
			} {
				cfg := api.Config{SecretID: DemoSecretID, SecretKey: DemoSecretKey, Endpoint: e.ts.URL, SignatureMethod: m.method, Region: "ap-guangzhou"}
				tc.cfg(&cfg)
				_, err := api.New(cfg).Do(t.Context(), api.Request{Action: action[m.style], Style: m.style})
				ae, ok := err.(*api.Error)
				if !ok || ae.Code != m.code || ae.HTTPStatus != 200 {
					t.Fatalf("%s %s: got %v, want code %s", m.style, m.method, err, m.code)
				}
				if m.style == api.Legacy && ae.CodeDesc != tc.want.legacyDesc {
					t.Fatalf("legacy codeDesc %q, want %q", ae.CodeDesc, tc.want.legacyDesc)
				}
				if m.style == api.V3 && !requestRE.MatchString(ae.RequestID) {
					t.Fatalf("RequestId %q", ae.RequestID)
				}
			}
		})
	}

	t.Run("replayed nonce", func(t *testing.T) {
		now := time.Now()
		for _, st := range []api.Style{api.V3, api.Legacy} {
			q := commonQuery(st, action[st], now, 777)
			first := e.rawHMAC(t, st, q, DemoSecretKey)
			second := e.rawHMAC(t, st, commonQuery(st, action[st], now, 777), DemoSecretKey)
			if st == api.Legacy {
				if str(first["code"]) != "0" || str(second["code"]) != "4500" {
					t.Fatalf("legacy replay: %v then %v", first, second)
				}
				continue
			}
			if dig(first, "Response", "Error") != nil || str(dig(second, "Response", "Error", "Code")) != "AuthFailure.SignatureFailure" {
				t.Fatalf("v3 replay: %v then %v", first, second)
			}
			if !strings.Contains(str(dig(second, "Response", "Error", "Message")), "replayed") {
				t.Fatalf("v3 replay message: %v", second)
			}
		}
	})

	t.Run("identical TC3 writes both run", func(t *testing.T) {
		u, _ := url.Parse(e.ts.URL)
		signed := sign.TC3Request{Host: u.Host, Service: "vpc", Timestamp: time.Now().Unix()}
		body := `{"VpcName":"r","CidrBlock":"10.0.0.0/16"}`
		if c := str(dig(e.rawTC3(t, "CreateVpc", body, signed), "Response", "Error", "Code")); c != "" {
			t.Fatalf("first: %s", c)
		}
		if c := str(dig(e.rawTC3(t, "CreateVpc", body, signed), "Response", "Error", "Code")); c != "" {
			t.Fatalf("second identical write refused: %q", c)
		}
	})

	// The Node.js SDK, given host:port as its endpoint, signs the host
	// without the port and names the host's first label as the service.
	t.Run("TC3 host and service as an endpoint's", func(t *testing.T) {
		u, _ := url.Parse(e.ts.URL)
		for _, tc := range []struct {
			host, service, code string
		}{
			{u.Host, "vpc", ""},
			{u.Hostname(), "127", ""},
			{u.Hostname(), "vpc", ""},
			{u.Host, "127", ""},
			{"127.0.0.2", "127", "AuthFailure.SignatureFailure"},
			{u.Hostname() + ":1", "vpc", "AuthFailure.SignatureFailure"},
			{u.Hostname(), "cvm", "AuthFailure.SignatureFailure"},
			{u.Hostname(), "127.0.0.1", "AuthFailure.SignatureFailure"},
		} {
			m := e.rawTC3(t, "DescribeVpcs", `{}`, sign.TC3Request{Host: tc.host, Service: tc.service, Timestamp: time.Now().Unix()})
			if got := str(dig(m, "Response", "Error", "Code")); got != tc.code || dig(m, "Response", "RequestId") == nil {
				t.Errorf("signed for host %s service %s: %v, want code %q", tc.host, tc.service, m, tc.code)
			}
		}
	})

	t.Run("missing signature", func(t *testing.T) {
		resp, err := http.Get(e.ts.URL + "/v2/index.php?Action=DescribeVpcEx")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&m)
		if str(m["code"]) != "4100" {
			t.Fatalf("%v", m)
		}
	})
}

func TestUnknownActionAndParameters(t *testing.T) {
	e := start(t, Options{})
	_, err := e.do(api.V3, "DescribeVpcEx", nil)
	if apiCode(t, err) != "InvalidAction" || !strings.Contains(err.Error(), "legacy") {
		t.Fatalf("legacy action on API 3.0: %v", err)
	}
	_, err = e.do(api.Legacy, "NoSuchThing", nil)
	if ae := err.(*api.Error); ae.Code != "4000" || ae.CodeDesc != "InvalidAction" {
		t.Fatalf("legacy unknown action: %v", err)
	}
	_, err = e.do(api.V3, "CreateVpc", map[string]any{"VpcName": "x"})
	if apiCode(t, err) != "MissingParameter" || !strings.Contains(err.Error(), "CidrBlock") {
		t.Fatalf("missing parameter: %v", err)
	}
	_, err = e.do(api.V3, "DescribeCustomerGateways", map[string]any{"Limit": "ten"})
	// Limit has a documented range, so the code may name it (.Range).
	if !strings.HasPrefix(apiCode(t, err), "InvalidParameterValue") {
		t.Fatalf("ill-typed parameter: %v", err)
	}
	_, err = e.do(api.Legacy, "DescribeVpcEx", map[string]any{"limit": "ten"})
	if ae := err.(*api.Error); ae.Code != "4000" || ae.CodeDesc != "InvalidParameterValue" {
		t.Fatalf("legacy ill-typed parameter: %v", err)
	}
	_, err = e.do(api.V3, "DescribeVpcs", map[string]any{"VpcIdz": []any{"vpc-12345678"}})
	if apiCode(t, err) != "UnknownParameter" {
		t.Fatalf("unknown parameter: %v", err)
	}
	_, err = e.do(api.V3, "DescribeVpcs", map[string]any{"Filters": []any{map[string]any{"Name": "colour", "Values": []any{"red"}}}})
	if apiCode(t, err) != "InvalidParameter" || !strings.Contains(err.Error(), "The filter `colour` is not supported") {
		t.Fatalf("unknown filter: %v", err)
	}
}
