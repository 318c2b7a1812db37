// Package testserver is an HTTP server for tests that checks every request
// the way the service does — signature recomputed here, independently of
// pkg/sign, with the official SDK's HMAC as oracle — records what arrived
// and answers from a script.
package testserver

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tccommon "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
)

// Credentials the server accepts.
const (
	SecretID  = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
	SecretKey = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
)

// Call is one request as the server understood it.
type Call struct {
	Method      string
	Path        string
	Style       string // "v3" or "legacy"
	SigMethod   string // TC3-HMAC-SHA256, HmacSHA1, HmacSHA256
	Action      string
	Region      string
	Header      http.Header
	Params      map[string]string // business parameters, flattened; common ones removed
	Common      map[string]string // common parameters (query styles) or X-TC-* headers (TC3)
	Body        string            // TC3 JSON body
	SignatureOK bool
}

// Reply is what the server sends for one call: Status (default 200) and
// Body, or Drop to close the connection without an answer.
type Reply struct {
	Status int
	Body   string
	Drop   bool
	// Match, when set, keeps the reply for a call whose business
	// parameters include these (flattened) values.
	Match map[string]string
}

func (r Reply) matches(c Call) bool {
	for k, v := range r.Match {
		if c.Params[k] != v {
			return false
		}
	}
	return true
}

// Server is a scripted, verifying endpoint.
type Server struct {
	*httptest.Server
	t       testing.TB
	mu      sync.Mutex
	calls   []Call
	replies []Reply
}

// New starts a server that answers with replies in order; a call beyond
// the script fails the test. Close checks every reply was used.
func New(t testing.TB, replies ...Reply) *Server {
	s := &Server{t: t, replies: replies}
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	t.Cleanup(func() {
		s.Server.Close()
		s.mu.Lock()
		defer s.mu.Unlock()
		if len(s.replies) > 0 {
			t.Errorf("testserver: %d scripted replies were never requested", len(s.replies))
		}
	})
	return s
}

// Calls returns what arrived so far.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	call, err := Parse(r)
	if err != nil {
		s.t.Errorf("testserver: %v", err)
		http.Error(w, err.Error(), 400)
		return
	}
	s.mu.Lock()
	s.calls = append(s.calls, call)
	if len(s.replies) == 0 {
		s.mu.Unlock()
		s.t.Errorf("testserver: unexpected call %s %s", call.Style, call.Action)
		http.Error(w, "unexpected", 500)
		return
	}
	// The first scripted reply whose Match the call satisfies: concurrent
	// calls (pages, batches) find their own answer whatever their order.
	at := -1
	for i, r := range s.replies {
		if r.matches(call) {
			at = i
			break
		}
	}
	if at < 0 {
		s.mu.Unlock()
		s.t.Errorf("testserver: no scripted reply matches %s %s %v", call.Style, call.Action, call.Params)
		http.Error(w, "unexpected", 500)
		return
	}
	rep := s.replies[at]
	s.replies = append(s.replies[:at:at], s.replies[at+1:]...)
	s.mu.Unlock()
	if !call.SignatureOK {
		s.t.Errorf("testserver: bad signature on %s %s (%s)", call.Style, call.Action, call.SigMethod)
	}
	if rep.Drop {
		hj, _ := w.(http.Hijacker)
		conn, _, err := hj.Hijack()
		if err == nil {
			conn.Close()
		}
		return
	}
	if rep.Status == 0 {
		rep.Status = 200
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(rep.Status)
	io.WriteString(w, rep.Body)
}

var commonQuery = map[string]bool{
	"Action": true, "Version": true, "Region": true, "Timestamp": true, "Nonce": true,
	"SecretId": true, "Signature": true, "SignatureMethod": true, "Token": true, "Language": true,
}

// Parse reads a request of either style and verifies its signature.
func Parse(r *http.Request) (Call, error) {
	body, _ := io.ReadAll(r.Body)
	c := Call{Method: r.Method, Path: r.URL.Path, Header: r.Header, Params: map[string]string{}, Common: map[string]string{}}
	c.Style = "v3"
	if r.URL.Path == "/v2/index.php" {
		c.Style = "legacy"
	} else if r.URL.Path != "/" {
		return c, fmt.Errorf("unexpected path %q", r.URL.Path)
	}
	if auth := r.Header.Get("Authorization"); auth != "" {
		c.SigMethod = "TC3-HMAC-SHA256"
		c.Action = r.Header.Get("X-TC-Action")
		c.Region = r.Header.Get("X-TC-Region")
		for k := range r.Header {
			if strings.HasPrefix(k, "X-Tc-") {
				c.Common[k] = r.Header.Get(k)
			}
		}
		c.Body = string(body)
		var tree map[string]any
		dec := json.NewDecoder(strings.NewReader(c.Body))
		dec.UseNumber()
		if err := dec.Decode(&tree); err != nil {
			return c, fmt.Errorf("TC3 body is not JSON: %v", err)
		}
		flattenJSON(c.Params, "", tree)
		c.SignatureOK = verifyTC3(r, auth, body)
		return c, nil
	}
	var vals url.Values
	if r.Method == http.MethodPost {
		var err error
		vals, err = url.ParseQuery(string(body))
		if err != nil {
			return c, err
		}
	} else {
		vals = r.URL.Query()
	}
	flat := map[string]string{}
	for k, v := range vals {
		if len(v) != 1 {
			return c, fmt.Errorf("parameter %s sent %d times", k, len(v))
		}
		flat[k] = v[0]
		if commonQuery[k] {
			c.Common[k] = v[0]
		} else {
			c.Params[k] = v[0]
		}
	}
	c.Action, c.Region, c.SigMethod = flat["Action"], flat["Region"], flat["SignatureMethod"]
	if c.SigMethod == "" {
		c.SigMethod = "HmacSHA1"
	}
	keys := make([]string, 0, len(flat))
	for k := range flat {
		if k != "Signature" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var sb strings.Builder
	sb.WriteString(r.Method + r.Host + r.URL.Path + "?")
	for i, k := range keys {
		if i > 0 {
			sb.WriteByte('&')
		}
		sb.WriteString(k + "=" + flat[k])
	}
	want := tccommon.Sign(sb.String(), SecretKey, c.SigMethod)
	c.SignatureOK = flat["SecretId"] == SecretID && hmac.Equal([]byte(want), []byte(flat["Signature"])) && fresh(flat["Timestamp"])
	return c, nil
}

func fresh(ts string) bool {
	n, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	d := time.Since(time.Unix(n, 0))
	return d < 5*time.Minute && d > -5*time.Minute
}

// verifyTC3 recomputes TC3-HMAC-SHA256 step by step from the raw request.
func verifyTC3(r *http.Request, auth string, body []byte) bool {
	ts := r.Header.Get("X-TC-Timestamp")
	if !fresh(ts) {
		return false
	}
	n, _ := strconv.ParseInt(ts, 10, 64)
	date := time.Unix(n, 0).UTC().Format("2006-01-02")
	sum := sha256.Sum256(body)
	canonical := strings.Join([]string{
		r.Method, "/", r.URL.RawQuery,
		"content-type:" + r.Header.Get("Content-Type") + "\nhost:" + r.Host + "\n",
		"content-type;host", hex.EncodeToString(sum[:]),
	}, "\n")
	creq := sha256.Sum256([]byte(canonical))
	scope := date + "/vpc/tc3_request"
	sts := "TC3-HMAC-SHA256\n" + ts + "\n" + scope + "\n" + hex.EncodeToString(creq[:])
	mac := func(key []byte, s string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(s))
		return h.Sum(nil)
	}
	k := mac(mac(mac([]byte("TC3"+SecretKey), date), "vpc"), "tc3_request")
	sig := hex.EncodeToString(mac(k, sts))
	want := "TC3-HMAC-SHA256 Credential=" + SecretID + "/" + scope + ", SignedHeaders=content-type;host, Signature=" + sig
	return hmac.Equal([]byte(auth), []byte(want))
}

func flattenJSON(out map[string]string, prefix string, v any) {
	join := func(k string) string {
		if prefix == "" {
			return k
		}
		return prefix + "." + k
	}
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			flattenJSON(out, join(k), c)
		}
	case []any:
		for i, c := range x {
			flattenJSON(out, join(strconv.Itoa(i)), c)
		}
	case nil:
		out[prefix] = "null"
	default:
		out[prefix] = fmt.Sprint(x)
	}
}

// V3OK is an API 3.0 success reply with extra fields (JSON object members,
// without braces) before RequestId.
func V3OK(fields string) Reply {
	if fields != "" {
		fields += ","
	}
	return Reply{Body: `{"Response":{` + fields + `"RequestId":"74883e1b-5901-46de-ae1e-d6e2cf591c5b"}}`}
}

// V3Err is an API 3.0 error reply.
func V3Err(code, msg string) Reply {
	return Reply{Body: `{"Response":{"Error":{"Code":"` + code + `","Message":"` + msg + `"},"RequestId":"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}`}
}
