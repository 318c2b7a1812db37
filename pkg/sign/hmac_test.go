package sign

import (
	"maps"
	"testing"
)

// The manual's example parameters (004_cb4c1ebc4616f197.txt). The printed
// examples carry export typos, so each test below states which printed
// string/signature pair actually reproduces.

// API 3.0 example, 004 lines 723-814 (signature printed at 806, 813-814,
// and inside the URL at 906).
//
// Reproduces: the parameter table at lines 729-740 taken literally —
// "InstanceIds.0", SecretId "...WFkmLPx3EXAMPLE" (line 731), Version
// included, no SignatureMethod (so SHA-1), key from line 723 — gives
// "EliP9YW3pW28FpsEdkXt/+WcGeI=".
//
// Does not reproduce as printed:
//   - the signature itself: every printing ends "...WcGel=" (lower-case L),
//     which cannot even be the base64 of a 20-byte digest (the last symbol
//     before "=" must encode two zero bits); it is the "I" above, misread.
//   - "InstanceId.0" (lines 749, 769, 787, 899) or "InstanceId" (line 798)
//     instead of "InstanceIds.0": different signatures.
//   - SecretId "...WFkmlPx3EXAMPLE" (lower-case L, line 906): different.
//   - lines 769, 787 and 798 are truncated and cannot be used literally.
func TestManualAPI3Vector(t *testing.T) {
	params := map[string]string{
		"Action":        "DescribeInstances",
		"SecretId":      "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
		"Timestamp":     "1465185768",
		"Nonce":         "11886",
		"Region":        "ap-guangzhou",
		"InstanceIds.0": "ins-09dx96dg",
		"Offset":        "0",
		"Limit":         "20",
		"Version":       "2017-03-12",
	}
	const key = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
	const wantSrc = "GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg" +
		"&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE" +
		"&Timestamp=1465185768&Version=2017-03-12"
	const want = "EliP9YW3pW28FpsEdkXt/+WcGeI="

	if got := StringToSign("GET", "cvm.tencentcloudapi.com", "/", params); got != wantSrc {
		t.Fatalf("StringToSign:\n got %s\nwant %s", got, wantSrc)
	}
	if got := SignParams("get", "cvm.tencentcloudapi.com", "/", key, params); got != want {
		t.Errorf("SignParams = %s, want %s", got, want)
	}
	// The printed URL (line 906) carries the Signature; it must not be signed.
	params["Signature"] = want
	if got := SignParams("GET", "cvm.tencentcloudapi.com", "/", key, params); got != want {
		t.Errorf("SignParams with Signature present = %s, want %s", got, want)
	}

	// The variants the manual prints instead, none of which gives the
	// signature (checked so that the comment above stays true).
	for name, mutate := range map[string]func(map[string]string){
		"InstanceId.0 (lines 749, 769, 787, 899)": func(p map[string]string) { p["InstanceId.0"] = p["InstanceIds.0"]; delete(p, "InstanceIds.0") },
		"InstanceId (line 798)":                   func(p map[string]string) { p["InstanceId"] = p["InstanceIds.0"]; delete(p, "InstanceIds.0") },
		"SecretId ...WFkmlPx3 (line 906)":         func(p map[string]string) { p["SecretId"] = "AKIDz8krbsJ5yKBZQpn74WFkmlPx3EXAMPLE" },
	} {
		p := maps.Clone(params)
		mutate(p)
		if got := SignParams("GET", "cvm.tencentcloudapi.com", "/", key, p); got == want {
			t.Errorf("variant %s unexpectedly reproduces %s", name, want)
		}
	}
}

// Legacy API example, 004 lines 8115-8251: key from line 8119, parameters
// from the table at lines 8127-8135 and the joined list at 8168-8174.
//
// Reproduces: the full, sorted string with "InstanceIds.0", SecretId,
// SignatureMethod=HmacSHA256 and Timestamp —
//   - HmacSHA256 gives "0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s=",
//     exactly as printed at line 8226;
//   - HmacSHA1 over the very same string (still containing
//     "SignatureMethod=HmacSHA256") gives "RVSD1I6ip2Zo56I2HdqRVrt+1TE=",
//     which is line 8244's "...Zo56l2..." with the lower-case L read back
//     as the capital I it was exported from. The printed value itself is
//     reproduced by no variant tried (InstanceIds.0 / InstanceId.0 /
//     InstanceId, with or without SecretId, Timestamp, SignatureMethod
//     HmacSHA1 or HmacSHA256, Version, Limit/Offset, GET or POST, both
//     keys of the manual), so it is not asserted.
//
// Does not reproduce:
//   - the $srcStr printed at lines 8218 and 8233 (truncated after Region and
//     using "InstanceId"), signed literally, gives neither signature;
//   - the "InstanceId" string at lines 8195-8201;
//   - "0EEEm/..." (line 8251) is 45 characters, one too many for the base64
//     of a 32-byte digest: a doubled "E" of line 8226's value.
func TestManualLegacyVector(t *testing.T) {
	params := map[string]string{
		"Action":          "DescribeInstances",
		"SecretId":        "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA",
		"Timestamp":       "1465185768",
		"Nonce":           "11886",
		"Region":          "ap-guangzhou",
		"SignatureMethod": "HmacSHA256",
		"InstanceIds.0":   "ins-09dx96dg",
	}
	const key = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA"
	const host, path = "cvm.api.qcloud.com", "/v2/index.php"
	const wantSrc = "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg" +
		"&Nonce=11886&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA" +
		"&SignatureMethod=HmacSHA256&Timestamp=1465185768"
	const want256 = "0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s="
	const want1 = "RVSD1I6ip2Zo56I2HdqRVrt+1TE="

	src := StringToSign("GET", host, path, params)
	if src != wantSrc {
		t.Fatalf("StringToSign:\n got %s\nwant %s", src, wantSrc)
	}
	if got := SignParams("GET", host, path, key, params); got != want256 {
		t.Errorf("SignParams (HmacSHA256) = %s, want %s", got, want256)
	}
	if got := HMACSign(HmacSHA1, key, src); got != want1 {
		t.Errorf("HMACSign(HmacSHA1) = %s, want %s", got, want1)
	}

	const printedSrc = "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&InstanceId=ins-09dx96dg&Nonce=11886&Region=ap-guangzhou"
	for _, m := range []string{HmacSHA1, HmacSHA256} {
		if got := HMACSign(m, key, printedSrc); got == want1 || got == want256 {
			t.Errorf("printed $srcStr unexpectedly reproduces %s with %s", got, m)
		}
	}
}

func TestHMACSignMethodSelection(t *testing.T) {
	const key, s = "key", "The quick brown fox jumps over the lazy dog"
	// The widely published HMAC values for this input (hex de7c9b85...
	// for SHA-1, f7bc83f4... for SHA-256), base64-encoded.
	const sha1Sig = "3nybhbi3iqa8ino29wqQcBydtNk="
	const sha256Sig = "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg="
	for _, tc := range []struct{ method, want string }{
		{HmacSHA256, sha256Sig},
		{HmacSHA1, sha1Sig},
		{"", sha1Sig},
		{"hmacsha256", sha1Sig}, // only the exact name selects SHA-256
		{"TC3-HMAC-SHA256", sha1Sig},
	} {
		if got := HMACSign(tc.method, key, s); got != tc.want {
			t.Errorf("HMACSign(%q) = %s, want %s", tc.method, got, tc.want)
		}
	}
}

func TestStringToSignRawValuesAndByteOrder(t *testing.T) {
	params := map[string]string{
		"b":         "x y&z=1/+",
		"B":         "",
		"a.1":       "中",
		"a_1":       "u",
		"Signature": "dropped",
	}
	// Byte order puts upper case before lower case and "." before "_";
	// values are raw and an empty value still appears as "key=".
	const want = "POSTh.example:8080/v2/index.php?B=&a.1=中&a_1=u&b=x y&z=1/+"
	if got := StringToSign("post", "h.example:8080", "/v2/index.php", params); got != want {
		t.Errorf("StringToSign = %q, want %q", got, want)
	}
}
