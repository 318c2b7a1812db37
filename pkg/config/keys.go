// Package config resolves tcvpc's settings and credentials from flags, the
// environment, tcvpc's profiles, tccli's profiles and the SDKs' credentials
// file, and remembers where each value came from.
package config

import (
	"fmt"
	"strings"

	"github.com/tcvpc/tcvpc/internal/suggest"
)

// Keys of settings; the same names are used by `tcvpc configure set|get`,
// the TOML files and flags.
const (
	KeySecretID        = "secret-id"
	KeySecretKey       = "secret-key"
	KeyToken           = "token"
	KeyRegion          = "region"
	KeyOutput          = "output"
	KeyEndpoint        = "endpoint"
	KeySite            = "site"
	KeySignatureMethod = "signature-method"
	KeyLanguage        = "language"
	KeyCAFile          = "ca-file"
)

// Keys returns every key in the order `configure list` shows them:
// credentials first, then what picks the service, then presentation.
func Keys() []string {
	return []string{
		KeySecretID, KeySecretKey, KeyToken,
		KeyRegion, KeyOutput,
		KeyEndpoint, KeyCAFile, KeySite, KeySignatureMethod, KeyLanguage,
	}
}

// IsSecret reports whether a key's value is a secret: the secret key and the
// temporary token. The secret id is not one (every request carries it in
// clear), but listings mask it too, like the secrets — see ShouldMask — so
// that a screenshot of `configure list` does not reveal which account it is.
func IsSecret(key string) bool {
	return key == KeySecretKey || key == KeyToken
}

// ShouldMask reports whether listings show a key's value through Mask: the
// secrets and, for the reason given at IsSecret, the secret id.
func ShouldMask(key string) bool {
	return IsSecret(key) || key == KeySecretID
}

// isCredential reports whether a key lives in credentials.toml rather than
// config.toml.
func isCredential(key string) bool {
	return key == KeySecretID || key == KeySecretKey || key == KeyToken
}

// ParseKey returns the canonical name of a key, accepting any case and
// underscores for dashes (the SDKs' files spell secret_id). An unknown key is
// an error that lists the valid ones.
func ParseKey(key string) (string, error) {
	k := normalizeKey(key)
	for _, valid := range Keys() {
		if k == valid {
			return k, nil
		}
	}
	msg := fmt.Sprintf("unknown key %q: valid keys are %s", key, strings.Join(Keys(), ", "))
	if s := closestKey(k); s != "" {
		msg = fmt.Sprintf("unknown key %q (did you mean %s?): valid keys are %s", key, s, strings.Join(Keys(), ", "))
	}
	return "", fmt.Errorf("%s", msg)
}

func normalizeKey(key string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(key)), "_", "-")
}

// closestKey suggests a key within two edits of a misspelt one.
func closestKey(k string) string { return suggest.Closest(k, Keys(), 3) }

// Mask hides all but the last four characters of s: "****" + last 4.
// Values of four characters or fewer become "****" so that nothing of a
// short value shows; "" stays "" so that unset still reads as unset.
func Mask(s string) string {
	if s == "" {
		return ""
	}
	r := []rune(s)
	if len(r) <= 4 {
		return "****"
	}
	return "****" + string(r[len(r)-4:])
}
