//lint:file-ignore SA5008 omitnil is the SDK's own tag option, mimicked on purpose

package sign

// Oracle tests: let the official SDK sign real requests, capture them at
// the transport, and check that this package produces the same bytes. The
// SDK takes its timestamp and nonce from the clock, so they are read back
// from the captured request.

import (
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
)

const (
	oracleID  = "AKIDoracle0123456789EXAMPLE"
	oracleKey = "oracleSecretKey0123456789EXAMPLE"
)

type oracleFilter struct {
	Name   *string   `json:"Name,omitnil,omitempty" name:"Name"`
	Values []*string `json:"Values,omitnil,omitempty" name:"Values"`
}

// oracleRequest mimics a generated SDK request; the name tags are what the
// SDK flattens into query parameters, the json tags what it puts in a body.
type oracleRequest struct {
	*tchttp.BaseRequest
	VpcIds  []*string       `json:"VpcIds,omitnil,omitempty" name:"VpcIds"`
	Filters []*oracleFilter `json:"Filters,omitnil,omitempty" name:"Filters"`
	Limit   *string         `json:"Limit,omitnil,omitempty" name:"Limit"`
}

type oracleResponse struct {
	tchttp.BaseResponse
	Response *struct{ RequestId *string } `json:"Response"`
}

func newOracleRequest() *oracleRequest {
	s := func(v string) *string { return &v }
	r := &oracleRequest{
		BaseRequest: &tchttp.BaseRequest{},
		VpcIds:      []*string{s("vpc-2ari9m7h"), s("vpc-f49l6u0z")},
		// Characters that need escaping in a URL and that sort oddly.
		Filters: []*oracleFilter{{Name: s("tag:Name"), Values: []*string{s("a b/c+d&e=f"), s("未命名")}}},
		Limit:   s("20"),
	}
	r.Init().WithApiInfo("vpc", "2017-03-12", "DescribeVpcs")
	return r
}

// captureTransport records the request the SDK sends and answers it with
// an empty success, so nothing leaves the process.
type captureTransport struct {
	req  *http.Request
	body []byte
}

func (c *captureTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		r.Body.Close()
		body = b
	}
	c.req, c.body = r, body
	return &http.Response{
		StatusCode: http.StatusOK,
		Status:     "200 OK",
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       io.NopCloser(strings.NewReader(`{"Response":{"RequestId":"oracle"}}`)),
		Request:    r,
	}, nil
}

// sdkSend signs and "sends" newOracleRequest with the SDK.
func sdkSend(t *testing.T, signMethod, httpMethod, endpoint string) (*http.Request, []byte) {
	t.Helper()
	cpf := profile.NewClientProfile()
	cpf.SignMethod = signMethod
	cpf.HttpProfile.ReqMethod = httpMethod
	cpf.HttpProfile.Endpoint = endpoint
	client, err := common.NewClientWithSecretId(oracleID, oracleKey, "ap-guangzhou")
	if err != nil {
		t.Fatal(err)
	}
	tr := &captureTransport{}
	client.WithProfile(cpf).WithHttpTransport(tr)
	if err := client.Send(newOracleRequest(), &oracleResponse{}); err != nil {
		t.Fatalf("SDK Send: %v", err)
	}
	if tr.req == nil {
		t.Fatal("SDK sent nothing")
	}
	return tr.req, tr.body
}

func TestOracleHMAC(t *testing.T) {
	for _, tc := range []struct {
		sigMethod, httpMethod, endpoint, path string
	}{
		{HmacSHA1, "GET", "vpc.tencentcloudapi.com", "/"},
		{HmacSHA256, "GET", "vpc.tencentcloudapi.com", "/"},
		{HmacSHA1, "GET", "vpc.api.qcloud.com/v2/index.php", "/v2/index.php"},
		{HmacSHA256, "GET", "vpc.api.qcloud.com/v2/index.php", "/v2/index.php"},
		{HmacSHA256, "POST", "vpc.api.qcloud.com/v2/index.php", "/v2/index.php"},
	} {
		t.Run(tc.sigMethod+" "+tc.httpMethod+" "+tc.endpoint, func(t *testing.T) {
			req, body := sdkSend(t, tc.sigMethod, tc.httpMethod, tc.endpoint)
			if req.Method != tc.httpMethod || req.URL.Path != tc.path {
				t.Fatalf("SDK sent %s %s, want %s %s", req.Method, req.URL.Path, tc.httpMethod, tc.path)
			}
			raw := req.URL.RawQuery
			if tc.httpMethod == "POST" {
				raw = string(body) // the legacy POST form carries the parameters in the body
			}
			values, err := url.ParseQuery(raw)
			if err != nil {
				t.Fatal(err)
			}
			params := map[string]string{}
			for k, v := range values {
				if len(v) != 1 {
					t.Fatalf("parameter %s sent %d times", k, len(v))
				}
				params[k] = v[0]
			}
			if params["SignatureMethod"] != tc.sigMethod || params["Timestamp"] == "" || params["Nonce"] == "" {
				t.Fatalf("unexpected common parameters: %v", params)
			}
			if params["Filters.0.Values.1"] != "未命名" {
				t.Fatalf("SDK did not flatten the request as expected: %v", params)
			}

			got := SignParams(req.Method, req.Host, req.URL.Path, oracleKey, params)
			if want := params["Signature"]; got != want {
				t.Errorf("SignParams = %s, SDK sent %s\nstring to sign: %s", got, want, StringToSign(req.Method, req.Host, req.URL.Path, params))
			}
			// The SDK's exported primitive agrees on the same source string,
			// including its SHA-1 fallback for unknown method names.
			s := StringToSign(req.Method, req.Host, req.URL.Path, params)
			for _, m := range []string{HmacSHA1, HmacSHA256, "", "hmacsha256", TC3} {
				if got, want := HMACSign(m, oracleKey, s), common.Sign(s, oracleKey, m); got != want {
					t.Errorf("HMACSign(%q) = %s, SDK Sign = %s", m, got, want)
				}
			}
		})
	}
}

// tc3FromWire describes a captured request the way a server sees it.
func tc3FromWire(t *testing.T, req *http.Request, body []byte) TC3Request {
	t.Helper()
	ts, err := strconv.ParseInt(req.Header.Get("X-TC-Timestamp"), 10, 64)
	if err != nil {
		t.Fatalf("X-TC-Timestamp: %v", err)
	}
	return TC3Request{
		Method:      req.Method,
		Host:        req.Host,
		Path:        req.URL.Path,
		Query:       req.URL.RawQuery,
		ContentType: req.Header.Get("Content-Type"),
		Payload:     body,
		Service:     "vpc",
		Timestamp:   ts,
	}
}

func TestOracleTC3(t *testing.T) {
	for _, tc := range []struct {
		httpMethod, contentType string
	}{
		{"POST", "application/json"},
		{"GET", "application/x-www-form-urlencoded"},
	} {
		t.Run(tc.httpMethod, func(t *testing.T) {
			req, body := sdkSend(t, TC3, tc.httpMethod, "vpc.tencentcloudapi.com")
			r := tc3FromWire(t, req, body)
			if r.ContentType != tc.contentType {
				t.Fatalf("SDK sent Content-Type %q, want %q", r.ContentType, tc.contentType)
			}
			switch tc.httpMethod {
			case "POST":
				if r.Query != "" || !strings.Contains(string(body), `"Values":["a b/c+d\u0026e=f","未命名"]`) {
					t.Fatalf("unexpected POST request: query %q body %s", r.Query, body)
				}
			case "GET":
				// Action, Version, Region, Nonce, Timestamp and RequestClient
				// travel as X-TC-* headers, so only business parameters are
				// in the signed query.
				if len(body) != 0 || strings.Contains(r.Query, "Action=") || !strings.Contains(r.Query, "Filters.0.Name=tag%3AName") {
					t.Fatalf("unexpected GET request: query %q body %q", r.Query, body)
				}
			}

			want := req.Header.Get("Authorization")
			if got := TC3Authorization(oracleID, oracleKey, r); got != want {
				t.Errorf("TC3Authorization:\n got %s\n SDK %s\ncanonical request:\n%s", got, want, TC3CanonicalRequest(r))
			}
			auth, err := ParseTC3Authorization(want)
			if err != nil {
				t.Fatalf("ParseTC3Authorization(SDK header): %v", err)
			}
			if auth.SecretID != oracleID || !VerifyTC3(auth, oracleKey, r) {
				t.Errorf("SDK-signed request not verified: %+v", auth)
			}
		})
	}
}

// The SDK signs the canonical URI "/" even when the endpoint carries a
// path and the request goes elsewhere; to agree with it (and with the
// service behind such a gateway) a caller must pass Path "/".
func TestOracleTC3EndpointPathSignedAsRoot(t *testing.T) {
	req, body := sdkSend(t, TC3, "POST", "vpc.tencentcloudapi.com/gateway/vpc")
	r := tc3FromWire(t, req, body)
	if r.Path != "/gateway/vpc" {
		t.Fatalf("SDK sent path %q", r.Path)
	}
	want := req.Header.Get("Authorization")
	if got := TC3Authorization(oracleID, oracleKey, r); got == want {
		t.Fatal("signing the real path unexpectedly matches the SDK")
	}
	r.Path = "/"
	if got := TC3Authorization(oracleID, oracleKey, r); got != want {
		t.Errorf("TC3Authorization with Path \"/\":\n got %s\n SDK %s", got, want)
	}
}
