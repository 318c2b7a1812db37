package api_test

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/internal/testserver"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
	"github.com/tcvpc/tcvpc/pkg/sign"
)

func newClient(srv *testserver.Server, method string, mod ...func(*api.Config)) *api.Client {
	cfg := api.Config{
		SecretID: testserver.SecretID, SecretKey: testserver.SecretKey,
		Region: "ap-guangzhou", LegacyRegion: "gz",
		Endpoint: srv.URL, SignatureMethod: method, MaxRetries: 3,
		Sleep: func(context.Context, time.Duration) error { return nil },
	}
	for _, m := range mod {
		m(&cfg)
	}
	return api.New(cfg)
}

// The four seed operations, each in every signing method its API takes.
func TestSeedOperationsExactWire(t *testing.T) {
	type seed struct {
		action string
		style  api.Style
		params params.Tree
		reply  string
	}
	seeds := []seed{
		{"ResetVpnConnection", api.V3, params.Tree{"VpnGatewayId": "vpngw-kjllnkew", "VpnConnectionId": "vpnx-f29e6u0z"},
			`{"Response":{"RequestId":"74883e1b-5901-46de-ae1e-d6e2cf591c5b"}}`},
		{"DeleteVpnConnection", api.V3, params.Tree{"VpnGatewayId": "vpngw-7lcl5331", "VpnConnectionId": "vpnx-p0j11j28"},
			`{"Response":{"RequestId":"74883e1b-5901-46de-ae1e-d6e2cf591c5b"}}`},
		{"ResetVpnConnSA", api.Legacy, params.Tree{"vpcId": "vpc-03vihbk9", "vpnGwId": "vpngw-kfldykuz", "vpnConnId": "vpnx-ol6bcqp0"},
			`{"code":0,"message":""}`},
		{"DeleteVpnConn", api.Legacy, params.Tree{"vpcId": "vpc-03vihbk9", "vpnGwId": "vpngw-kfldykuz", "vpnConnId": "vpnx-ol6bcqp0"},
			`{"code":0,"message":"","data":{"vpnGwId":"vpngw-kfldykuz","vpcConnId":"vpnx-ol6bcqp0","taskId":12615,"state":4}}`},
	}
	for _, sd := range seeds {
		for _, method := range []string{sign.TC3, sign.HmacSHA256, sign.HmacSHA1} {
			t.Run(sd.action+"/"+method, func(t *testing.T) {
				srv := testserver.New(t, testserver.Reply{Body: sd.reply})
				reply, err := newClient(srv, method).Do(context.Background(), api.Request{Action: sd.action, Style: sd.style, Params: sd.params})
				if err != nil {
					t.Fatal(err)
				}
				c := srv.Calls()[0]
				wantMethod := method
				if sd.style == api.Legacy && method == sign.TC3 {
					wantMethod = sign.HmacSHA256 // the legacy API has no TC3
				}
				if c.SigMethod != wantMethod || !c.SignatureOK || c.Action != sd.action {
					t.Fatalf("got %s %s signatureOK=%v", c.SigMethod, c.Action, c.SignatureOK)
				}
				if !reflect.DeepEqual(c.Params, params.Flatten(sd.params)) {
					t.Fatalf("params = %v, want %v", c.Params, params.Flatten(sd.params))
				}
				switch {
				case sd.style == api.Legacy:
					if c.Path != "/v2/index.php" || c.Method != "GET" || c.Region != "gz" || c.Common["Version"] != "" {
						t.Fatalf("legacy request: %s %s region=%q common=%v", c.Method, c.Path, c.Region, c.Common)
					}
				case method == sign.TC3:
					want := map[string]string{"X-Tc-Action": sd.action, "X-Tc-Version": "2017-03-12", "X-Tc-Region": "ap-guangzhou", "X-Tc-Timestamp": c.Common["X-Tc-Timestamp"]}
					if c.Path != "/" || c.Method != "POST" || !reflect.DeepEqual(c.Common, want) || c.Header.Get("Content-Type") != "application/json" {
						t.Fatalf("TC3 request: %s %s headers=%v", c.Method, c.Path, c.Common)
					}
				default:
					if c.Path != "/" || c.Method != "GET" || c.Common["Version"] != "2017-03-12" || c.Region != "ap-guangzhou" {
						t.Fatalf("v3 query request: %s %s common=%v", c.Method, c.Path, c.Common)
					}
				}
				if sd.style == api.Legacy && sd.action == "DeleteVpnConn" {
					if got := reply.Data["data"].(map[string]any)["taskId"]; params.Scalar(got) != "12615" {
						t.Fatalf("taskId = %v", got)
					}
				}
			})
		}
	}
}

func TestTokenAndLanguage(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(""), testserver.V3OK(""))
	withToken := func(c *api.Config) { c.Token = "tok-secret"; c.Language = "en-US"; c.Region = "" }
	ctx := context.Background()
	if _, err := newClient(srv, sign.TC3, withToken).Do(ctx, api.Request{Action: "DescribeVpcs", Style: api.V3}); err != nil {
		t.Fatal(err)
	}
	if _, err := newClient(srv, sign.HmacSHA1, withToken).Do(ctx, api.Request{Action: "DescribeVpcs", Style: api.V3}); err != nil {
		t.Fatal(err)
	}
	calls := srv.Calls()
	if h := calls[0].Common; h["X-Tc-Token"] != "tok-secret" || h["X-Tc-Language"] != "en-US" || h["X-Tc-Region"] != "" {
		t.Fatalf("TC3 headers %v", h)
	}
	if _, ok := calls[0].Header["X-Tc-Region"]; ok {
		t.Fatal("X-TC-Region sent without a region")
	}
	if q := calls[1].Common; q["Token"] != "tok-secret" || q["Language"] != "en-US" {
		t.Fatalf("query common params %v", q)
	}
}

func TestNestedParamsBothStyles(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(`"TotalCount":0`), testserver.Reply{Body: `{"code":0,"message":""}`})
	tree := params.Tree{"Filters": []any{map[string]any{"Name": "vpc-name", "Values": []any{"a", "b"}}}, "Limit": "20"}
	if _, err := newClient(srv, sign.TC3).Do(context.Background(), api.Request{Action: "DescribeVpcs", Style: api.V3, Params: tree}); err != nil {
		t.Fatal(err)
	}
	legacy := params.Tree{"vpcId": "vpc-2ari9m7h", "subnetSet": []any{map[string]any{"subnetName": "a", "cidrBlock": "10.0.1.0/24", "zoneId": "100003"}}}
	if _, err := newClient(srv, sign.TC3).Do(context.Background(), api.Request{Action: "CreateSubnet", Style: api.Legacy, Params: legacy}); err != nil {
		t.Fatal(err)
	}
	calls := srv.Calls()
	if calls[0].Body != `{"Filters":[{"Name":"vpc-name","Values":["a","b"]}],"Limit":"20"}` {
		t.Fatalf("JSON body %s", calls[0].Body)
	}
	want := map[string]string{"vpcId": "vpc-2ari9m7h", "subnetSet.0.subnetName": "a", "subnetSet.0.cidrBlock": "10.0.1.0/24", "subnetSet.0.zoneId": "100003"}
	if !reflect.DeepEqual(calls[1].Params, want) {
		t.Fatalf("legacy params %v", calls[1].Params)
	}
}

func TestErrorsAreDecoded(t *testing.T) {
	srv := testserver.New(t,
		testserver.V3Err("ResourceNotFound", "The resource does not exist."),
		testserver.Reply{Body: `{"code":5000,"message":"(100004)资源不存在","codeDesc":"InvalidVpnConn.NotFound"}`},
		testserver.V3Err("AuthFailure.SignatureFailure", "The provided credentials could not be validated."),
	)
	ctx := context.Background()
	c := newClient(srv, sign.TC3)
	_, err := c.Do(ctx, api.Request{Action: "DeleteVpnConnection", Style: api.V3})
	var e *api.Error
	if !errors.As(err, &e) || err.Error() != "[ResourceNotFound] The resource does not exist. (RequestId: ed93f3cb-f35e-473f-b9f3-0d451b8b79c6)" || e.IsAuth() {
		t.Fatalf("v3 error: %v", err)
	}
	_, err = c.Do(ctx, api.Request{Action: "DeleteVpnConn", Style: api.Legacy})
	if !errors.As(err, &e) || err.Error() != "[5000 InvalidVpnConn.NotFound] (100004)资源不存在" || e.Style != api.Legacy {
		t.Fatalf("legacy error: %v", err)
	}
	_, err = c.Do(ctx, api.Request{Action: "DescribeVpcs", Style: api.V3})
	if !errors.As(err, &e) || !e.IsAuth() || e.Code != "AuthFailure.SignatureFailure" {
		t.Fatalf("auth error: %v", err)
	}
	if n := len(srv.Calls()); n != 3 {
		t.Fatalf("%d calls: errors other than throttling must not be retried", n)
	}
}

func TestRetries(t *testing.T) {
	ctx := context.Background()
	t.Run("throttled then ok", func(t *testing.T) {
		srv := testserver.New(t, testserver.V3Err("RequestLimitExceeded", "slow down"), testserver.V3OK(""))
		// A write is retried too: a throttled call was not carried out.
		if _, err := newClient(srv, sign.TC3).Do(ctx, api.Request{Action: "ResetVpnConnection", Style: api.V3}); err != nil {
			t.Fatal(err)
		}
		calls := srv.Calls()
		if len(calls) != 2 || calls[0].Common["X-Tc-Timestamp"] == "" {
			t.Fatalf("%d calls", len(calls))
		}
	})
	t.Run("502 then ok for a read", func(t *testing.T) {
		srv := testserver.New(t, testserver.Reply{Status: 502, Body: "<html>Bad Gateway</html>"}, testserver.V3OK(`"TotalCount":0`))
		reply, err := newClient(srv, sign.HmacSHA256).Do(ctx, api.Request{Action: "DescribeVpcs", Style: api.V3})
		if err != nil || reply.Data["TotalCount"] == nil {
			t.Fatal(err)
		}
		c := srv.Calls()
		if c[0].Common["Nonce"] == c[1].Common["Nonce"] {
			t.Fatal("retry reused the Nonce: each attempt must be signed afresh")
		}
	})
	// A write the service may have carried out is sent once, whatever
	// came back: an internal error, a 5xx without an envelope, no reply.
	for name, reply := range map[string]testserver.Reply{
		"InternalError": testserver.V3Err("InternalError", "An internal error occurred."),
		"502":           {Status: 502, Body: "Bad Gateway"},
		"drop":          {Drop: true},
	} {
		t.Run(name+" on a write is not repeated", func(t *testing.T) {
			srv := testserver.New(t, reply)
			_, err := newClient(srv, sign.TC3).Do(ctx, api.Request{Action: "CreateVpc", Style: api.V3})
			var ue *api.UnknownOutcomeError
			if !errors.As(err, &ue) || ue.Action != "CreateVpc" || !strings.HasSuffix(err.Error(), "; the request may have been carried out; check before repeating it") {
				t.Fatalf("got %v", err)
			}
			if n := len(srv.Calls()); n != 1 {
				t.Fatalf("sent %d times", n)
			}
		})
	}
	t.Run("legacy 6000 on a write is not repeated", func(t *testing.T) {
		srv := testserver.New(t, testserver.Reply{Body: `{"code":6000,"message":"internal"}`})
		_, err := newClient(srv, sign.HmacSHA256).Do(ctx, api.Request{Action: "CreateVpc", Style: api.Legacy})
		var ue *api.UnknownOutcomeError
		if !errors.As(err, &ue) || err.Error() != "CreateVpc: [6000] internal; the request may have been carried out; check before repeating it" {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("legacy throttling on a write is retried", func(t *testing.T) {
		srv := testserver.New(t, testserver.Reply{Body: `{"code":4400,"message":"slow down"}`}, testserver.Reply{Body: `{"code":0,"message":""}`})
		if _, err := newClient(srv, sign.HmacSHA256).Do(ctx, api.Request{Action: "CreateVpc", Style: api.Legacy}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("a definite refusal of a write is not retried", func(t *testing.T) {
		srv := testserver.New(t, testserver.V3Err("InvalidParameterValue", "bad"))
		_, err := newClient(srv, sign.TC3).Do(ctx, api.Request{Action: "CreateVpc", Style: api.V3})
		var e *api.Error
		if !errors.As(err, &e) || e.Code != "InvalidParameterValue" {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("dropped connection then ok for a read", func(t *testing.T) {
		srv := testserver.New(t, testserver.Reply{Drop: true}, testserver.Reply{Body: `{"code":0,"message":"","data":{"status":2}}`})
		if _, err := newClient(srv, sign.HmacSHA1).Do(ctx, api.Request{Action: "DescribeVpcTaskResult", Style: api.Legacy, Params: params.Tree{"taskId": "1"}}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("attempts are bounded", func(t *testing.T) {
		srv := testserver.New(t, testserver.V3Err("InternalError", "x"), testserver.V3Err("InternalError", "x"), testserver.V3Err("InternalError", "x"))
		_, err := newClient(srv, sign.TC3, func(c *api.Config) { c.MaxRetries = 2 }).Do(ctx, api.Request{Action: "DescribeVpcs", Style: api.V3})
		var e *api.Error
		if !errors.As(err, &e) || e.Code != "InternalError" {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("connection refused is a network error", func(t *testing.T) {
		c := api.New(api.Config{SecretID: "id", SecretKey: "key", Endpoint: "http://127.0.0.1:1", MaxRetries: 1,
			Sleep: func(context.Context, time.Duration) error { return nil }})
		_, err := c.Do(ctx, api.Request{Action: "CreateVpc", Style: api.V3})
		var ne *api.NetworkError
		if !errors.As(err, &ne) || ne.Attempts != 2 {
			t.Fatalf("got %v", err)
		}
	})
}

func TestDebugRedactsSecrets(t *testing.T) {
	for _, method := range []string{sign.TC3, sign.HmacSHA1} {
		srv := testserver.New(t, testserver.V3OK(`"VpnConnectionSet":[{"PreShareKey":"psk-very-secret"}]`))
		var dbg bytes.Buffer
		c := newClient(srv, method, func(c *api.Config) { c.Debug = &dbg; c.Token = "tok-very-secret" })
		_, err := c.Do(context.Background(), api.Request{Action: "CreateVpnConnection", Style: api.V3,
			Params: params.Tree{"PreShareKey": "psk-very-secret", "VpnGatewayId": "vpngw-1"}})
		if err != nil {
			t.Fatal(err)
		}
		out := dbg.String()
		for _, secret := range []string{testserver.SecretKey, "tok-very-secret", "psk-very-secret", testserver.SecretID, "Signature=" + "0", "Signature="} {
			if strings.Contains(out, secret) && secret != "Signature=" {
				t.Errorf("%s: debug output leaks %q:\n%s", method, secret, out)
			}
		}
		if !strings.Contains(out, "vpngw-1") || !strings.Contains(out, "[redacted]") || !strings.Contains(out, "< 200 OK") {
			t.Errorf("%s: debug output lacks the exchange:\n%s", method, out)
		}
		if method == sign.HmacSHA1 && !strings.Contains(out, "Signature=%5Bredacted%5D") {
			t.Errorf("signature not redacted:\n%s", out)
		}
	}
}

func TestNoCredentials(t *testing.T) {
	_, err := api.New(api.Config{}).Do(context.Background(), api.Request{Action: "DescribeVpcs"})
	if !errors.Is(err, api.ErrNoCredentials) {
		t.Fatal(err)
	}
}
