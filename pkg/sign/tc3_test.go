package sign

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

// Tencent's published TC3-HMAC-SHA256 walk-through (API 3.0 "Signature v3"
// page, CVM DescribeInstances at 1551113065). It also checks the UTC date:
// that timestamp is already 2019-02-26 in UTC+8, but the scope says 02-25.
func TestTC3PublishedExample(t *testing.T) {
	r := TC3Request{
		Method:      "POST",
		Host:        "cvm.tencentcloudapi.com",
		Path:        "/",
		ContentType: "application/json; charset=utf-8",
		Payload:     []byte(`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`),
		Service:     "cvm",
		Timestamp:   1551113065,
	}
	const wantCR = "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n" +
		"content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064"
	const wantSTS = "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n" +
		"5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031"
	const wantAuth = "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, " +
		"SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"

	cr := TC3CanonicalRequest(r)
	if cr != wantCR {
		t.Fatalf("canonical request:\n got %q\nwant %q", cr, wantCR)
	}
	sts := TC3StringToSign(r.Service, r.Timestamp, cr)
	if sts != wantSTS {
		t.Fatalf("string to sign:\n got %q\nwant %q", sts, wantSTS)
	}
	if got := TC3Authorization("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", r); got != wantAuth {
		t.Errorf("authorization:\n got %s\nwant %s", got, wantAuth)
	}
}

// tc3Reference signs r step by step straight from the published algorithm,
// sharing no code with the package.
func tc3Reference(secretID, secretKey string, r TC3Request) string {
	hexSHA := func(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }
	mac := func(k []byte, s string) []byte { m := hmac.New(sha256.New, k); m.Write([]byte(s)); return m.Sum(nil) }

	canonical := fmt.Sprintf("%s\n%s\n%s\ncontent-type:%s\nhost:%s\n\ncontent-type;host\n%s",
		r.Method, r.Path, r.Query, r.ContentType, r.Host, hexSHA(r.Payload))
	y, m, d := civil(r.Timestamp)
	date := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	scope := date + "/" + r.Service + "/tc3_request"
	sts := fmt.Sprintf("TC3-HMAC-SHA256\n%d\n%s\n%s", r.Timestamp, scope, hexSHA([]byte(canonical)))
	key := mac(mac(mac([]byte("TC3"+secretKey), date), r.Service), "tc3_request")
	sig := hex.EncodeToString(mac(key, sts))
	return "TC3-HMAC-SHA256 Credential=" + secretID + "/" + scope +
		", SignedHeaders=content-type;host, Signature=" + sig
}

// civil converts unix seconds to a UTC calendar date without package time
// (days-from-civil inverse, valid for the proleptic Gregorian calendar).
func civil(unix int64) (y, m, d int64) {
	z := unix/86400 + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

func TestTC3KnownAnswer(t *testing.T) {
	const id, key = "AKIDEXAMPLE0123456789", "SECRETKEYEXAMPLE0123456789"
	post := TC3Request{
		Method:      "POST",
		Host:        "vpc.tencentcloudapi.com",
		Path:        "/",
		ContentType: "application/json",
		// ResetVpnConnection body from 001_5071ec5cdc7b5e74.txt lines 47-50.
		Payload:   []byte(`{"VpnGatewayId":"vpngw-kjllnkew","VpnConnectionId":"vpnx-f29e6u0z"}`),
		Service:   "vpc",
		Timestamp: 1700000000, // 2023-11-14T22:13:20Z
	}
	get := TC3Request{
		Method:      "GET",
		Host:        "vpc.tencentcloudapi.com",
		Path:        "/",
		Query:       "Filters.0.Name=vpc-name&Filters.0.Values.0=a+b%2Fc&Limit=20",
		ContentType: "application/x-www-form-urlencoded",
		Service:     "vpc",
		Timestamp:   1704067199, // 2023-12-31T23:59:59Z, last second of a UTC day
	}
	// Pinned as well, so that a shared mistake in package and reference
	// cannot go unnoticed.
	want := map[string]string{
		"POST": "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE0123456789/2023-11-14/vpc/tc3_request, " +
			"SignedHeaders=content-type;host, Signature=fb85aff5ab7108385a25c36e5487dd239f5c32b241edafc4c52f04ebb36a61af",
		"GET": "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE0123456789/2023-12-31/vpc/tc3_request, " +
			"SignedHeaders=content-type;host, Signature=732bef96ce4be0f5c1d3b18b83647916483a88d455f2e775f08ae175118d3337",
	}
	for _, r := range []TC3Request{post, get} {
		ref := tc3Reference(id, key, r)
		got := TC3Authorization(id, key, r)
		if got != ref {
			t.Errorf("%s: TC3Authorization differs from step-by-step reference:\n got %s\nwant %s", r.Method, got, ref)
		}
		if got != want[r.Method] {
			t.Errorf("%s: TC3Authorization:\n got %s\nwant %s", r.Method, got, want[r.Method])
		}
	}
}

func TestTC3CanonicalRequestDetails(t *testing.T) {
	r := TC3Request{
		Method:      "get",
		Host:        " VPC.TencentCloudAPI.com ",
		Query:       "Limit=1",
		ContentType: "Application/X-WWW-Form-Urlencoded",
		Service:     "vpc",
	}
	// Method upper-cased, empty path taken as "/", header values trimmed and
	// lower-cased as the published canonical-header rule requires, SHA-256
	// of the empty payload.
	const want = "GET\n/\nLimit=1\ncontent-type:application/x-www-form-urlencoded\nhost:vpc.tencentcloudapi.com\n\n" +
		"content-type;host\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	if got := TC3CanonicalRequest(r); got != want {
		t.Errorf("TC3CanonicalRequest:\n got %q\nwant %q", got, want)
	}
}

func TestTC3ParseVerifyRoundTrip(t *testing.T) {
	const id, key = "AKIDroundtrip", "roundtrip-secret"
	r := TC3Request{
		Method:      "POST",
		Host:        "vpc.tencentcloudapi.com",
		Path:        "/",
		ContentType: "application/json",
		Payload:     []byte(`{"VpcId":"vpc-2ari9m7h"}`),
		Service:     "vpc",
		Timestamp:   1551113065,
	}
	h := TC3Authorization(id, key, r)
	auth, err := ParseTC3Authorization(h)
	if err != nil {
		t.Fatalf("ParseTC3Authorization(%q): %v", h, err)
	}
	want := TC3Auth{
		SecretID:      id,
		Date:          "2019-02-25",
		Service:       "vpc",
		SignedHeaders: "content-type;host",
		Signature:     h[strings.LastIndex(h, "=")+1:],
	}
	if auth != want {
		t.Fatalf("ParseTC3Authorization = %+v, want %+v", auth, want)
	}
	if !VerifyTC3(auth, key, r) {
		t.Fatal("VerifyTC3 rejected its own signature")
	}

	// Spaces after the commas are optional in the header.
	compact, err := ParseTC3Authorization(strings.ReplaceAll(h, ", ", ","))
	if err != nil || compact != want {
		t.Errorf("compact header: %+v, %v", compact, err)
	}

	tampered := r
	tampered.Payload = []byte(`{"VpcId":"vpc-2ari9m7i"}`)
	for name, tc := range map[string]struct {
		auth TC3Auth
		key  string
		r    TC3Request
	}{
		"tampered payload": {auth, key, tampered},
		"wrong key":        {auth, key + "x", r},
		"other host":       {auth, key, with(r, func(r *TC3Request) { r.Host = "cvm.tencentcloudapi.com" })},
		"other query":      {auth, key, with(r, func(r *TC3Request) { r.Query = "a=1" })},
		"other content":    {auth, key, with(r, func(r *TC3Request) { r.ContentType = "application/json; charset=utf-8" })},
		// Next day: the scope date no longer matches the timestamp.
		"date mismatch": {auth, key, with(r, func(r *TC3Request) { r.Timestamp += 86400 })},
		// Same day, later second: the date matches but the signature does not.
		"timestamp changed": {auth, key, with(r, func(r *TC3Request) { r.Timestamp++ })},
		"service mismatch":  {auth, key, with(r, func(r *TC3Request) { r.Service = "cvm" })},
		"signed headers":    {withAuth(auth, func(a *TC3Auth) { a.SignedHeaders = "content-type;host;x-tc-action" }), key, r},
		"truncated sig":     {withAuth(auth, func(a *TC3Auth) { a.Signature = a.Signature[:63] }), key, r},
		"upper-case sig":    {withAuth(auth, func(a *TC3Auth) { a.Signature = strings.ToUpper(a.Signature) }), key, r},
	} {
		if VerifyTC3(tc.auth, tc.key, tc.r) {
			t.Errorf("%s: VerifyTC3 accepted", name)
		}
	}
}

func TestParseTC3AuthorizationErrors(t *testing.T) {
	const sig = "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"
	for _, h := range []string{
		"",
		"HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=" + sig,
		"TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host",
		"TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm, SignedHeaders=content-type;host, Signature=" + sig,
		"TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/aws4_request, SignedHeaders=content-type;host, Signature=" + sig,
		"TC3-HMAC-SHA256 Credential=/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=" + sig,
		"TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=",
		"TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=" + sig + ", Signature=" + sig,
		"TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=" + sig + ", Extra=1",
		"TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request SignedHeaders=content-type;host Signature=" + sig,
	} {
		if a, err := ParseTC3Authorization(h); err == nil {
			t.Errorf("ParseTC3Authorization(%q) = %+v, want error", h, a)
		}
	}
}

func with(r TC3Request, f func(*TC3Request)) TC3Request { f(&r); return r }

func withAuth(a TC3Auth, f func(*TC3Auth)) TC3Auth { f(&a); return a }
