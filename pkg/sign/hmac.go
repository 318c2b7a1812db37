// Package sign implements the request-signing schemes of the Tencent Cloud
// API as pure functions: the query-string HMAC signature shared by API 3.0
// (path "/") and the legacy API ("/v2/index.php"), and TC3-HMAC-SHA256.
package sign

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"hash"
	"sort"
	"strings"
)

// Signature method names, as sent in the SignatureMethod parameter (HMAC
// schemes) or as the Authorization header's algorithm (TC3).
const (
	HmacSHA1   = "HmacSHA1"
	HmacSHA256 = "HmacSHA256"
	TC3        = "TC3-HMAC-SHA256"
)

// StringToSign returns the source string of a query-string signature:
// upper-cased method + host + path + "?" + the parameters sorted by key
// (byte order) as raw, not URL-encoded, key=value pairs joined by "&".
// A "Signature" parameter is left out, so that a received request can be
// checked with its own parameters.
func StringToSign(method, host, path string, params map[string]string) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		if k != "Signature" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)

	var b strings.Builder
	b.WriteString(strings.ToUpper(method))
	b.WriteString(host)
	b.WriteString(path)
	b.WriteByte('?')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(params[k])
	}
	return b.String()
}

// HMACSign returns base64(HMAC(secretKey, s)). Only HmacSHA256 selects
// SHA-256; any other value, including "", means SHA-1, because the service
// treats a missing or unknown SignatureMethod that way.
func HMACSign(sigMethod, secretKey, s string) string {
	var h func() hash.Hash = sha1.New
	if sigMethod == HmacSHA256 {
		h = sha256.New
	}
	m := hmac.New(h, []byte(secretKey))
	m.Write([]byte(s))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// SignParams returns the Signature parameter for a query-string signed
// request, using the hash named by params["SignatureMethod"].
func SignParams(method, host, path, secretKey string, params map[string]string) string {
	return HMACSign(params["SignatureMethod"], secretKey, StringToSign(method, host, path, params))
}
