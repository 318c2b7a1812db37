package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// post sends a raw POST and decodes the envelope, whose code it returns
// (API 3.0 Error.Code, legacy "code/codeDesc").
func post(t *testing.T, e *env, path, contentType, authz string, body []byte) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.ts.URL+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	if authz != "" {
		req.Header.Set("Authorization", authz)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	var out struct {
		Response struct{ Error struct{ Code string } }
		Code     *int   `json:"code"`
		CodeDesc string `json:"codeDesc"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("POST %s: not an envelope: %v", path, err)
	}
	if out.Code != nil {
		b, _ := json.Marshal(*out.Code)
		return resp.StatusCode, string(b) + "/" + out.CodeDesc
	}
	return resp.StatusCode, out.Response.Error.Code
}

func TestProtocolChecks(t *testing.T) {
	e := start(t, Options{})
	const tc3 = "TC3-HMAC-SHA256 Credential=x/2026-01-01/vpc/tc3_request, SignedHeaders=content-type;host, Signature=00"
	for _, tc := range []struct {
		path, ct, authz string
		body            []byte
		status          int
		code            string
	}{
		{"/", "text/plain", tc3, []byte(`{}`), 200, "InvalidParameter"},
		{"/", "application/x-www-form-urlencoded", tc3, []byte(`{}`), 200, "InvalidParameter"},
		{"/", "text/plain", "", []byte("Action=DescribeVpcs"), 200, "InvalidParameter"},
		{legacyPath, "application/json", "", []byte(`{"Action":"DescribeVpcEx"}`), 200, "4600/UnsupportedProtocol"},
		// A body over the limit is answered, not cut off, even while the
		// client is still sending it.
		{"/", "application/json", tc3, bytes.Repeat([]byte(" "), maxBody+4<<20), 200, "InvalidParameter"},
		{legacyPath, "application/x-www-form-urlencoded", "", bytes.Repeat([]byte("a"), maxBody+1), 200, "4600/UnsupportedProtocol"},
		// The right type goes on to authentication.
		{"/", "application/json; charset=utf-8", tc3, []byte(`{}`), 200, "AuthFailure.SignatureFailure"},
	} {
		status, code := post(t, e, tc.path, tc.ct, tc.authz, tc.body)
		if status != tc.status || code != tc.code {
			t.Errorf("POST %s %s (%d bytes): %d %s, want %d %s", tc.path, tc.ct, len(tc.body), status, code, tc.status, tc.code)
		}
	}

	// An ID of the wrong shape, where the page lists Malformed.
	if _, err := e.do(api.V3, "DescribeVpcs", params.Tree{"VpcIds": []any{"vpc-bad"}}); err == nil || apiCode(t, err) != "InvalidParameterValue.Malformed" {
		t.Fatalf("DescribeVpcs vpc-bad: %v", err)
	}
	if _, err := e.do(api.V3, "DeleteSubnet", params.Tree{"SubnetId": "vpc-12345678"}); err == nil || !strings.HasPrefix(apiCode(t, err), "InvalidParameterValue") {
		t.Fatalf("DeleteSubnet with a VPC ID: %v", err)
	}
}
