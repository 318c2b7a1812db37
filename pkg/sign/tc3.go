package sign

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

// tc3SignedHeaders is the only header set this package signs; it is what
// the official SDKs sign and the minimum the service accepts.
const tc3SignedHeaders = "content-type;host"

// TC3Request holds the parts of an HTTP request covered by a
// TC3-HMAC-SHA256 signature.
type TC3Request struct {
	Method      string // "POST" or "GET"
	Host        string // bare host[:port] as sent in the Host header, never a URL
	Path        string // canonical URI, "/" for API 3.0; "" means "/"
	Query       string // the URL's raw query exactly as sent (GET); "" for POST
	ContentType string // the Content-Type header as sent
	Payload     []byte // request body; empty for GET
	Service     string // e.g. "vpc"
	Timestamp   int64  // unix seconds, as in X-TC-Timestamp
}

// TC3Auth is a parsed TC3-HMAC-SHA256 Authorization header.
type TC3Auth struct {
	SecretID, Date, Service, SignedHeaders, Signature string
}

// tc3Date is the credential-scope date: the UTC day of the timestamp, so a
// client east of UTC does not sign tomorrow's date shortly after midnight.
func tc3Date(timestamp int64) string {
	return time.Unix(timestamp, 0).UTC().Format("2006-01-02")
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func hmacSHA256(key []byte, s string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(s))
	return m.Sum(nil)
}

// canonicalHeaderValue applies the published rule for canonical header
// values (trimmed, lower case); the values the SDKs send are already in
// that form, so this only matters for hand-written or verified requests.
func canonicalHeaderValue(v string) string {
	return strings.ToLower(strings.TrimSpace(v))
}

// TC3CanonicalRequest returns the canonical request: method, URI, query,
// the content-type and host headers, the signed-header list and the hex
// SHA-256 of the payload, separated by newlines.
func TC3CanonicalRequest(r TC3Request) string {
	path := r.Path
	if path == "" {
		path = "/"
	}
	return strings.ToUpper(r.Method) + "\n" +
		path + "\n" +
		r.Query + "\n" +
		"content-type:" + canonicalHeaderValue(r.ContentType) + "\n" +
		"host:" + canonicalHeaderValue(r.Host) + "\n" +
		"\n" +
		tc3SignedHeaders + "\n" +
		sha256Hex(r.Payload)
}

// TC3StringToSign returns the string whose HMAC is the signature.
func TC3StringToSign(service string, timestamp int64, canonicalRequest string) string {
	return TC3 + "\n" +
		strconv.FormatInt(timestamp, 10) + "\n" +
		tc3Date(timestamp) + "/" + service + "/tc3_request\n" +
		sha256Hex([]byte(canonicalRequest))
}

// TC3Signature returns the hex signature of stringToSign, with the key
// derived from secretKey through the date and service of the scope.
func TC3Signature(secretKey, service string, timestamp int64, stringToSign string) string {
	k := hmacSHA256([]byte("TC3"+secretKey), tc3Date(timestamp))
	k = hmacSHA256(k, service)
	k = hmacSHA256(k, "tc3_request")
	return hex.EncodeToString(hmacSHA256(k, stringToSign))
}

func tc3Sign(secretKey string, r TC3Request) string {
	sts := TC3StringToSign(r.Service, r.Timestamp, TC3CanonicalRequest(r))
	return TC3Signature(secretKey, r.Service, r.Timestamp, sts)
}

// TC3Authorization returns the Authorization header value for r.
func TC3Authorization(secretID, secretKey string, r TC3Request) string {
	return TC3 + " Credential=" + secretID + "/" + tc3Date(r.Timestamp) + "/" + r.Service + "/tc3_request" +
		", SignedHeaders=" + tc3SignedHeaders +
		", Signature=" + tc3Sign(secretKey, r)
}

// ParseTC3Authorization splits a TC3-HMAC-SHA256 Authorization header, as
// built by TC3Authorization, into its fields. Spaces after the commas are
// optional, since the header grammar allows either.
func ParseTC3Authorization(h string) (TC3Auth, error) {
	var a TC3Auth
	rest, ok := strings.CutPrefix(strings.TrimSpace(h), TC3+" ")
	if !ok {
		return a, errors.New("sign: authorization is not " + TC3)
	}
	var credential string
	seen := map[string]bool{}
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok || v == "" {
			return a, errors.New("sign: malformed authorization field " + strconv.Quote(part))
		}
		if seen[k] {
			return a, errors.New("sign: duplicate authorization field " + k)
		}
		seen[k] = true
		switch k {
		case "Credential":
			credential = v
		case "SignedHeaders":
			a.SignedHeaders = v
		case "Signature":
			a.Signature = v
		default:
			return a, errors.New("sign: unknown authorization field " + k)
		}
	}
	if credential == "" || a.SignedHeaders == "" || a.Signature == "" {
		return a, errors.New("sign: authorization lacks Credential, SignedHeaders or Signature")
	}
	scope := strings.Split(credential, "/")
	if len(scope) != 4 || scope[3] != "tc3_request" || scope[0] == "" || scope[1] == "" || scope[2] == "" {
		return a, errors.New("sign: credential is not SecretId/Date/Service/tc3_request")
	}
	a.SecretID, a.Date, a.Service = scope[0], scope[1], scope[2]
	return a, nil
}

// VerifyTC3 reports whether auth is a valid signature of r under secretKey:
// the scope's date and service must be those of r and the signature must
// match in constant time. Only "content-type;host" is supported as the
// signed-header list, since r carries no other headers. Freshness of
// r.Timestamp and the SecretID-to-key lookup are left to the caller.
func VerifyTC3(auth TC3Auth, secretKey string, r TC3Request) bool {
	if auth.Date != tc3Date(r.Timestamp) || auth.Service != r.Service || auth.SignedHeaders != tc3SignedHeaders {
		return false
	}
	return hmac.Equal([]byte(auth.Signature), []byte(tc3Sign(secretKey, r)))
}
