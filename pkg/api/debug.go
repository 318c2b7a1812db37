package api

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

const redacted = "[redacted]"

// secretName matches parameter, header and field names whose values must
// never be printed: credentials, signatures and VPN pre-shared keys.
var secretName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(secretkey|signature|token|authorization|password|presharekey|presharedkey|psk)`)
})

// secretJSONField finds such fields in JSON bodies (requests and replies).
var secretJSONField = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)("[A-Za-z_]*(?:secretkey|token|password|presharekey|presharedkey|psk|customergatewayconfiguration|configfileinfo)"\s*:\s*)"(?:[^"\\]|\\.)*"`)
})

// Redact hides secrets in a JSON or text body.
func Redact(body string) string {
	return secretJSONField().ReplaceAllString(body, `${1}"`+redacted+`"`)
}

func maskID(s string) string {
	if len(s) <= 4 {
		return "****"
	}
	return "****" + s[len(s)-4:]
}

func redactValue(k, v string) string {
	switch {
	case strings.EqualFold(k, "SecretId"):
		return maskID(v)
	case secretName().MatchString(k):
		return redacted
	}
	return v
}

func redactQuery(raw string) string {
	vals, err := url.ParseQuery(raw)
	if err != nil {
		return redacted
	}
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		for _, v := range vals[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(k + "=" + url.QueryEscape(redactValue(k, v)))
		}
	}
	return b.String()
}

func (c *Client) debugf(format string, args ...any) {
	if c.cfg.Debug != nil {
		fmt.Fprintf(c.cfg.Debug, format, args...)
	}
}

func (c *Client) debugRequest(r *http.Request) {
	if c.cfg.Debug == nil {
		return
	}
	u := *r.URL
	u.RawQuery = redactQuery(u.RawQuery)
	c.debugf("> %s %s\n", r.Method, u.String())
	c.debugHeaders(">", r.Header)
	if r.GetBody != nil {
		if rc, err := r.GetBody(); err == nil {
			var b strings.Builder
			buf := make([]byte, 4096)
			for {
				n, err := rc.Read(buf)
				b.Write(buf[:n])
				if err != nil {
					break
				}
			}
			rc.Close()
			body := b.String()
			if r.Header.Get("Content-Type") == "application/x-www-form-urlencoded" {
				body = redactQuery(body)
			}
			c.debugf(">\n%s\n", Redact(body))
		}
	}
}

func (c *Client) debugResponse(resp *http.Response, raw []byte, took time.Duration) {
	if c.cfg.Debug == nil {
		return
	}
	c.debugf("< %s (%s)\n", resp.Status, took.Round(time.Millisecond))
	c.debugHeaders("<", resp.Header)
	c.debugf("<\n%s\n", Redact(string(raw)))
}

func (c *Client) debugHeaders(dir string, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			c.debugf("%s %s: %s\n", dir, k, redactValue(k, v))
		}
	}
}
