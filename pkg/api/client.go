// Package api is the one request layer of tcvpc: endpoints, signing,
// HTTP, retries and reply envelopes for both the API 3.0 and the legacy
// VPC API. It knows nothing of commands or output.
package api

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/x509"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"io"
	"math"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tcvpc/tcvpc/pkg/params"
	"github.com/tcvpc/tcvpc/pkg/sign"
)

// Style is which of the two VPC APIs a request speaks.
type Style = model.Style

// The two styles, as pkg/api's callers name them.
const (
	V3     = model.V3
	Legacy = model.Legacy
)

// Version is the API 3.0 version every VPC operation uses.
const Version = "2017-03-12"

// Default endpoints.
const (
	V3Host       = "vpc.tencentcloudapi.com"
	V3IntlHost   = "vpc.intl.tencentcloudapi.com"
	LegacyHost   = "vpc.api.qcloud.com"
	LegacyPath   = "/v2/index.php"
	service      = "vpc"
	maxGetLength = 4096
)

// Request is one operation call.
type Request struct {
	Action string
	Style  Style
	Params params.Tree
	// Idempotent marks a call that may be repeated after an ambiguous
	// failure (the request may have reached the service). Reads are; by
	// default it is derived from the Action's verb.
	Idempotent *bool
}

func (r *Request) idempotent() bool {
	if r.Idempotent != nil {
		return *r.Idempotent
	}
	for _, p := range []string{"Describe", "Inquiry", "Inquire", "Query", "Check", "Get"} {
		if strings.HasPrefix(r.Action, p) {
			return true
		}
	}
	return false
}

// Reply is a successful answer: for API 3.0 the Response object, for the
// legacy API the whole body.
type Reply struct {
	Style     Style
	Data      map[string]any
	RequestID string
}

// Config is everything a Client needs; zero values take defaults.
type Config struct {
	SecretID, SecretKey, Token string
	Region                     string // API 3.0 name, e.g. ap-guangzhou
	LegacyRegion               string // what the legacy API expects, e.g. gz
	Endpoint                   string // scheme://host[:port] replacing both default endpoints
	Site                       string // "" or "intl"
	SignatureMethod            string // sign.TC3 (default), sign.HmacSHA256, sign.HmacSHA1
	Language                   string // zh-CN or en-US
	Timeout                    time.Duration
	MaxRetries                 int
	// Rate is requests per second for each Action, for every attempt
	// including retries; 0 means DefaultRate, negative no limit. Burst is
	// how many may start at once (0: a small default).
	Rate      float64
	Burst     int
	UserAgent string
	Debug     io.Writer
	// DryRun, when set, receives a description of each request instead
	// of the request being sent; Do then returns ErrDryRun.
	DryRun io.Writer

	// RootCAs, when set, gives the authorities https trusts (the system's
	// and --ca-file's); it is called once, before the first request.
	RootCAs func() (*x509.CertPool, error)

	Transport http.RoundTripper
	Now       func() time.Time
	Sleep     func(context.Context, time.Duration) error
}

// Client sends requests. It is safe for concurrent use.
type Client struct {
	cfg  Config
	http *http.Client
	pace *limiters
	lazy lazyHTTP
}

// New builds a client from cfg.
func New(cfg Config) *Client {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleepCtx
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.SignatureMethod == "" {
		cfg.SignatureMethod = sign.TC3
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = "tcvpc"
	}
	tr := cfg.Transport
	if tr == nil {
		tr = certErrors{http.DefaultTransport}
	}
	return &Client{cfg: cfg, http: &http.Client{Transport: tr}, pace: newLimiters(cfg.Rate, cfg.Burst, cfg.Now, cfg.Sleep)}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Do sends req, retrying what is safe to retry, and decodes the reply.
func (c *Client) Do(ctx context.Context, req Request) (*Reply, error) {
	if req.Params == nil {
		req.Params = params.Tree{}
	}
	// Before a dry run too: it checks everything, the CA file included.
	if err := c.prepare(); err != nil {
		return nil, err
	}
	if c.cfg.DryRun != nil {
		return nil, c.dryRun(req)
	}
	if c.cfg.SecretID == "" || c.cfg.SecretKey == "" {
		return nil, ErrNoCredentials
	}
	var body []byte
	if req.Style != Legacy && c.cfg.SignatureMethod == sign.TC3 {
		b, err := marshalJSON(req.Params)
		if err != nil {
			return nil, err
		}
		body = b
	}
	var flat map[string]string
	if body == nil {
		flat = params.Flatten(req.Params)
	}
	for attempt := 0; ; attempt++ {
		if err := c.pace.wait(ctx, req.Action); err != nil {
			return nil, err
		}
		reply, err, sent := c.once(ctx, req, body, flat)
		if err == nil {
			return reply, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if sent && !req.idempotent() && mayHaveRun(err) {
			c.debugf("* not repeating %s: it may have been carried out (%v)\n", req.Action, err)
			return nil, &UnknownOutcomeError{Action: req.Action, Err: err}
		}
		retry, wait := c.shouldRetry(req, err, attempt)
		if !retry {
			var apiErr *Error
			if errors.As(err, &apiErr) {
				return nil, err
			}
			return nil, &NetworkError{Attempts: attempt + 1, Err: err}
		}
		c.debugf("* retrying %s in %s after: %v\n", req.Action, wait.Round(time.Millisecond), err)
		if err := c.cfg.Sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// mayHaveRun reports whether a request that reached the service could
// have been carried out although err came back: no reply, a reply cut
// short, or a failure on the service's side. Any other answer from the
// service (throttling, a bad parameter) means it was not.
func mayHaveRun(err error) bool {
	var apiErr *Error
	if errors.As(err, &apiErr) {
		return apiErr.Internal()
	}
	return true
}

// shouldRetry decides on a failure that cannot have had an effect twice:
// any failure of a read, throttling, or a write that never left the
// machine.
func (c *Client) shouldRetry(req Request, err error, attempt int) (bool, time.Duration) {
	if attempt >= c.cfg.MaxRetries || isCertificateError(err) {
		return false, 0
	}
	base := 200 * time.Millisecond
	var apiErr *Error
	if errors.As(err, &apiErr) {
		switch {
		case apiErr.Throttled():
			// The limiter sets the pace and the retry waits for its token
			// too; a throttle means the service's current second is full,
			// and the next one is less than a second away.
			base = throttleBackoff
		case apiErr.Internal() && req.idempotent():
		default:
			return false, 0
		}
	}
	return true, backoff(base, attempt)
}

// backoff is exponential with full jitter, capped at 10s.
func backoff(base time.Duration, attempt int) time.Duration {
	ceil := float64(base) * math.Pow(2, float64(attempt))
	if ceil > float64(10*time.Second) {
		ceil = float64(10 * time.Second)
	}
	return time.Duration(ceil/2 + mrand.Float64()*ceil/2)
}

// once performs a single signed attempt. sent reports whether the request
// was fully written before a failure.
func (c *Client) once(ctx context.Context, req Request, body []byte, flat map[string]string) (*Reply, error, bool) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	hreq, err := c.build(ctx, req, body, flat)
	if err != nil {
		return nil, err, false
	}
	var sent bool
	hreq = hreq.WithContext(httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) { sent = info.Err == nil },
	}))
	c.debugRequest(hreq)
	start := c.cfg.Now()
	resp, err := c.http.Do(hreq)
	if err != nil {
		c.debugf("* %s failed after %s: %v\n", req.Action, c.cfg.Now().Sub(start).Round(time.Millisecond), err)
		return nil, err, sent
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err, true
	}
	c.debugResponse(resp, raw, c.cfg.Now().Sub(start))
	reply, err := decode(req.Style, resp.StatusCode, raw)
	return reply, err, true
}

func (c *Client) endpoint(style Style) (scheme, host, path string) {
	scheme, host, path = "https", V3Host, "/"
	if style == Legacy {
		host, path = LegacyHost, LegacyPath
	} else if c.cfg.Site == "intl" {
		host = V3IntlHost
	}
	if c.cfg.Endpoint != "" {
		if u, err := url.Parse(c.cfg.Endpoint); err == nil && u.Host != "" {
			scheme, host = u.Scheme, u.Host
		}
	}
	return scheme, host, path
}

func nonce() int64 {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return int64(binary.BigEndian.Uint32(b[:])&0x7fffffff) + 1
}

func (c *Client) build(ctx context.Context, req Request, body []byte, flat map[string]string) (*http.Request, error) {
	scheme, host, path := c.endpoint(req.Style)
	ts := c.cfg.Now().Unix()
	if body != nil {
		return c.buildTC3(ctx, req, scheme, host, path, body, ts)
	}
	q := make(map[string]string, len(flat)+9)
	for k, v := range flat {
		q[k] = v
	}
	q["Action"] = req.Action
	q["Timestamp"] = strconv.FormatInt(ts, 10)
	q["Nonce"] = strconv.FormatInt(nonce(), 10)
	q["SecretId"] = c.cfg.SecretID
	method := c.cfg.SignatureMethod
	if method == sign.TC3 || method == "" {
		// The legacy API has no TC3; the stronger of its two methods.
		method = sign.HmacSHA256
	}
	q["SignatureMethod"] = method
	if c.cfg.Token != "" {
		q["Token"] = c.cfg.Token
	}
	if req.Style == Legacy {
		if r := c.cfg.LegacyRegion; r != "" {
			q["Region"] = r
		}
	} else {
		q["Version"] = Version
		if c.cfg.Region != "" {
			q["Region"] = c.cfg.Region
		}
		if c.cfg.Language != "" {
			q["Language"] = c.cfg.Language
		}
	}
	httpMethod := http.MethodGet
	if encodedLen(q) > maxGetLength {
		httpMethod = http.MethodPost
	}
	q["Signature"] = sign.SignParams(httpMethod, host, path, c.cfg.SecretKey, q)
	enc := encodeQuery(q)
	u := scheme + "://" + host + path
	var hreq *http.Request
	var err error
	if httpMethod == http.MethodGet {
		hreq, err = http.NewRequestWithContext(ctx, httpMethod, u+"?"+enc, nil)
	} else {
		hreq, err = http.NewRequestWithContext(ctx, httpMethod, u, strings.NewReader(enc))
		if err == nil {
			hreq.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
	}
	if err != nil {
		return nil, err
	}
	hreq.Header.Set("User-Agent", c.cfg.UserAgent)
	if req.Style != Legacy && c.cfg.Language != "" {
		hreq.Header.Set("X-TC-Language", c.cfg.Language)
	}
	return hreq, nil
}

func (c *Client) buildTC3(ctx context.Context, req Request, scheme, host, path string, body []byte, ts int64) (*http.Request, error) {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, scheme+"://"+host+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	const ct = "application/json"
	auth := sign.TC3Authorization(c.cfg.SecretID, c.cfg.SecretKey, sign.TC3Request{
		Method: http.MethodPost, Host: host, Path: path, ContentType: ct,
		Payload: body, Service: service, Timestamp: ts,
	})
	h := hreq.Header
	h.Set("Authorization", auth)
	h.Set("Content-Type", ct)
	h.Set("X-TC-Action", req.Action)
	h.Set("X-TC-Version", Version)
	h.Set("X-TC-Timestamp", strconv.FormatInt(ts, 10))
	if c.cfg.Region != "" {
		h.Set("X-TC-Region", c.cfg.Region)
	}
	if c.cfg.Token != "" {
		h.Set("X-TC-Token", c.cfg.Token)
	}
	if c.cfg.Language != "" {
		h.Set("X-TC-Language", c.cfg.Language)
	}
	h.Set("User-Agent", c.cfg.UserAgent)
	return hreq, nil
}

// encodeQuery URL-encodes values (keys are plain ASCII) in sorted order, so
// the wire form is deterministic.
func encodeQuery(q map[string]string) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(k))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(q[k]))
	}
	return b.String()
}

func encodedLen(q map[string]string) int {
	n := 0
	for k, v := range q {
		n += len(k) + len(url.QueryEscape(v)) + 2
	}
	return n + 64 // room for the signature
}

func marshalJSON(t params.Tree) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(t); err != nil {
		return nil, fmt.Errorf("encoding parameters: %w", err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// decode reads either envelope into a Reply or an *Error.
func decode(style Style, status int, raw []byte) (*Reply, error) {
	var top map[string]any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&top); err != nil || top == nil {
		return nil, httpError(style, status, raw)
	}
	if style == Legacy {
		return decodeLegacy(status, top, raw)
	}
	resp, ok := top["Response"].(map[string]any)
	if !ok {
		return nil, httpError(style, status, raw)
	}
	rid, _ := resp["RequestId"].(string)
	if e, ok := resp["Error"].(map[string]any); ok {
		code, _ := e["Code"].(string)
		msg, _ := e["Message"].(string)
		return nil, &Error{Style: V3, Code: code, Message: msg, RequestID: rid, HTTPStatus: status}
	}
	return &Reply{Style: V3, Data: resp, RequestID: rid}, nil
}

func decodeLegacy(status int, top map[string]any, raw []byte) (*Reply, error) {
	code, ok := top["code"]
	if !ok {
		return nil, httpError(Legacy, status, raw)
	}
	codeStr := fmt.Sprint(code)
	rid := ""
	for _, k := range []string{"requestId", "RequestId"} {
		if s, ok := top[k].(string); ok {
			rid = s
		}
	}
	if codeStr != "0" {
		msg, _ := top["message"].(string)
		desc, _ := top["codeDesc"].(string)
		return nil, &Error{Style: Legacy, Code: codeStr, CodeDesc: desc, Message: msg, RequestID: rid, HTTPStatus: status}
	}
	return &Reply{Style: Legacy, Data: top, RequestID: rid}, nil
}

func httpError(style Style, status int, raw []byte) error {
	msg := strings.TrimSpace(string(raw))
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	text := http.StatusText(status)
	if msg == "" {
		msg = fmt.Sprintf("HTTP %d %s", status, text)
	} else {
		msg = fmt.Sprintf("HTTP %d %s: %s", status, text, msg)
	}
	if status < 400 {
		msg = "unreadable reply: " + msg
	}
	return &Error{Style: style, Message: msg, HTTPStatus: status}
}

// IsTimeout reports whether err is a deadline or network timeout.
func IsTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}
