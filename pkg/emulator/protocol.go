package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/params"
	"github.com/tcvpc/tcvpc/pkg/sign"
)

// Style is which of the two APIs a request speaks: the model's.
type Style = model.Style

const (
	V3     = model.V3
	Legacy = model.Legacy
)

const (
	legacyPath = "/v2/index.php"
	apiVersion = "2017-03-12"
	service    = "vpc"
	maxBody    = 8 << 20
)

// commonParam reports whether k is one of the query-signed styles'
// common parameters: signed, but not the operation's own.
func commonParam(k string) bool {
	switch k {
	case "Action", "Region", "Timestamp", "Nonce", "SecretId", "Signature",
		"SignatureMethod", "Token", "Version", "Language", "RequestClient":
		return true
	}
	return false
}

// call is one request on its way through the server.
type call struct {
	srv       *Server
	style     Style
	action    string
	region    string
	requestID string
	params    params.Tree
	now       time.Time
	op        *model.Operation
	home      string // the region's API 3.0 name, once dispatch found it
	// delay is how long the asynchronous work the call starts takes: the
	// server's task delay, or for a replayed call the delay it had.
	delay time.Duration

	// drawn is the random IDs the call drew, for the journal; a replayed
	// call draws from draws instead, so it makes the same IDs again.
	drawn     []string
	draws     []string
	replaying bool
}

// draw returns n random lowercase alphanumerics for an ID.
func (c *call) draw(n int) string {
	if c.replaying && len(c.draws) > 0 {
		d := c.draws[0]
		c.draws = c.draws[1:]
		return d
	}
	d := c.srv.ids.suffix(n)
	c.drawn = append(c.drawn, d)
	return d
}

// pick returns the first of codes that the operation's page documents,
// or the last one (a common code) when it documents none of them: each
// page's own codes win.
func (c *call) pick(codes ...string) string {
	if c.op != nil {
		for _, want := range codes {
			for _, e := range c.op.Errors {
				if e.Code == want {
					return want
				}
			}
		}
	}
	return codes[len(codes)-1]
}

// apiError is a failure answered inside the envelope (HTTP 200, as the
// service does). Code is the API 3.0 code or, for the legacy API, the
// module code sent as codeDesc; Public is the legacy numeric code.
type apiError struct {
	Code    string
	Message string
	Public  int
}

func (e *apiError) Error() string { return e.Code + ": " + e.Message }

func errf(code, format string, args ...any) *apiError {
	return &apiError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// lerrf is a legacy error with an explicit public code.
func lerrf(public int, code, format string, args ...any) *apiError {
	return &apiError{Code: code, Message: fmt.Sprintf(format, args...), Public: public}
}

// publicCode picks the legacy public code of a module code when a handler
// did not: the manual's public table (4000 bad request, 5000 no such
// resource, 5100 operation failed, 6000 internal).
func (e *apiError) publicCode() int {
	if e.Public != 0 {
		return e.Public
	}
	switch c := e.Code; {
	case strings.HasPrefix(c, "AuthFailure"):
		return 4100
	case strings.HasPrefix(c, "RequestLimitExceeded"):
		return 4400
	case c == "InternalError":
		return 6000
	case strings.HasSuffix(c, ".NotFound"), c == "ResourceNotFound":
		return 5000
	case strings.HasPrefix(c, "Invalid"), strings.HasPrefix(c, "MissingParameter"), strings.HasPrefix(c, "UnknownParameter"):
		if strings.Contains(c, "State") || strings.HasSuffix(c, "CannotDelete") || strings.HasSuffix(c, ".Conflict") {
			return 5100
		}
		return 4000
	}
	return 5100
}

// reply is what write sends: data on success, err on failure.
type reply struct {
	data map[string]any
	err  *apiError
}

func (s *Server) newCall(st Style, r *http.Request) *call {
	return &call{srv: s, style: st, requestID: s.ids.uuid(), now: s.now(), delay: s.opts.TaskDelay}
}

// request is what was read off the wire, before authentication.
type request struct {
	action, version, region string
	flat                    map[string]string // query styles: every parameter as sent
	tree                    params.Tree       // business parameters
	auth                    authInfo
}

// handle runs everything after the HTTP-level faults.
func (s *Server) handle(c *call, r *http.Request, internal bool) reply {
	req, aerr := s.read(c.style, r)
	if aerr != nil {
		return reply{err: aerr}
	}
	c.action, c.region = req.action, req.region
	if aerr := s.authenticate(c, req.auth); aerr != nil {
		return reply{err: aerr}
	}
	if c.style == V3 && req.version != apiVersion {
		if req.version == "" {
			return reply{err: errf("MissingParameter", "The request is missing a required parameter `Version`.")}
		}
		return reply{err: errf("NoSuchVersion", "The API version `%s` does not exist; use %s.", req.version, apiVersion)}
	}
	if c.action == "" {
		return reply{err: errf("MissingParameter", "The request is missing a required parameter `Action`.")}
	}
	if !s.limiter.allow(c.style, c.action, c.now) {
		return reply{err: errf("RequestLimitExceeded", "Your request has exceeded the frequency limit of %d requests per second for %s.", s.opts.RateLimit, c.action)}
	}
	if internal {
		return reply{err: injectedInternal}
	}
	if key := req.auth.replayKey; key != "" && !s.replay.claim(key, c.now, 2*s.opts.MaxSkew) {
		return replayError(c.style)
	}
	c.params = req.tree
	return s.dispatch(c)
}

// injectedInternal is the InternalError of --faults internal and
// internal-after (legacy public code 6000).
var injectedInternal = &apiError{Code: "InternalError", Message: "An internal error has occurred (injected fault). Retry your request."}

func replayError(st Style) reply {
	if st == Legacy {
		return reply{err: lerrf(4500, "AuthFailure.ReplayAttack", "The request was replayed: this Nonce and Timestamp have been used already.")}
	}
	return reply{err: errf("AuthFailure.SignatureFailure", "The request was replayed: this signature has been used already.")}
}

// protocolError is a request the protocol does not allow: InvalidParameter
// (the common code for a malformed request), for the legacy API public code
// 4600, protocol not supported (the manual's public codes, 004 line 8051).
func protocolError(st Style, format string, args ...any) *apiError {
	if st == Legacy {
		return lerrf(4600, "UnsupportedProtocol", format, args...)
	}
	return errf("InvalidParameter", format, args...)
}

// read parses either protocol into a request.
func (s *Server) read(st Style, r *http.Request) (*request, *apiError) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return nil, errf("InvalidParameter", "The request body could not be read: %v", err)
	}
	if len(body) > maxBody {
		// Read the rest (within reason) so that the client, still sending,
		// gets this answer rather than a reset connection.
		_, _ = io.Copy(io.Discard, io.LimitReader(r.Body, 1<<30))
		return nil, protocolError(st, "The request body exceeds %d bytes.", maxBody)
	}
	authz := r.Header.Get("Authorization")
	tc3 := st == V3 && authz != ""
	if r.Method == http.MethodPost {
		// TC3 posts JSON; the query-signed styles post a form (the
		// manual's signing pages; the SDKs send exactly these).
		want := "application/x-www-form-urlencoded"
		if tc3 {
			want = "application/json"
		}
		ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if ct != want && (len(body) > 0 || ct != "") {
			return nil, protocolError(st, "Content-Type %q is not supported here: send %s.", r.Header.Get("Content-Type"), want)
		}
	}
	if tc3 {
		return s.readTC3(r, authz, body)
	}
	var values url.Values
	if r.Method == http.MethodPost {
		// A POST takes its parameters from the body only; the query string
		// is ignored, as the manual says.
		values, err = url.ParseQuery(string(body))
	} else {
		values, err = url.ParseQuery(r.URL.RawQuery)
	}
	if err != nil {
		return nil, errf("InvalidParameter", "The parameters could not be decoded: %v", err)
	}
	flat := make(map[string]string, len(values))
	business := make(map[string]string, len(values))
	for k, v := range values {
		flat[k] = v[0]
		if !commonParam(k) {
			business[k] = v[0]
		}
	}
	tree, err := params.Unflatten(business)
	if err != nil {
		return nil, errf("InvalidParameter", "%v", err)
	}
	req := &request{action: flat["Action"], version: flat["Version"], region: flat["Region"], flat: flat, tree: tree}
	req.auth = authInfo{
		secretID:  flat["SecretId"],
		timestamp: flat["Timestamp"],
		present:   flat["Signature"] != "",
		verify: func(key string) bool {
			return hmacEqual(sign.SignParams(r.Method, r.Host, r.URL.Path, key, flat), flat["Signature"])
		},
	}
	if flat["Nonce"] != "" {
		req.auth.replayKey = "n|" + st.String() + "|" + flat["SecretId"] + "|" + flat["Timestamp"] + "|" + flat["Nonce"]
	}
	if _, err := strconv.ParseUint(flat["Nonce"], 10, 64); err != nil && req.auth.present {
		req.auth.malformed = "Nonce must be a positive integer"
	}
	return req, nil
}

func (s *Server) readTC3(r *http.Request, authz string, body []byte) (*request, *apiError) {
	h := r.Header
	req := &request{
		action:  h.Get("X-TC-Action"),
		version: h.Get("X-TC-Version"),
		region:  h.Get("X-TC-Region"),
	}
	var tree params.Tree
	query := ""
	if r.Method == http.MethodGet {
		query = r.URL.RawQuery
		values, err := url.ParseQuery(query)
		if err != nil {
			return nil, errf("InvalidParameter", "The query string could not be decoded: %v", err)
		}
		flat := map[string]string{}
		for k, v := range values {
			flat[k] = v[0]
		}
		if tree, err = params.Unflatten(flat); err != nil {
			return nil, errf("InvalidParameter", "%v", err)
		}
		body = nil
	} else if len(bytes.TrimSpace(body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		if err := dec.Decode(&tree); err != nil {
			return nil, errf("InvalidParameter", "The request body is not a JSON object: %v", err)
		}
	}
	if tree == nil {
		tree = params.Tree{}
	}
	req.tree = tree
	auth, perr := sign.ParseTC3Authorization(authz)
	tr := sign.TC3Request{
		Method: r.Method, Host: r.Host, Path: "/", Query: query,
		ContentType: h.Get("Content-Type"), Payload: body, Service: service,
	}
	req.auth = authInfo{
		secretID:  auth.SecretID,
		timestamp: h.Get("X-TC-Timestamp"),
		present:   true,
		verify: func(key string) bool {
			ts, err := strconv.ParseInt(h.Get("X-TC-Timestamp"), 10, 64)
			if err != nil {
				return false
			}
			t := tr
			t.Timestamp = ts
			// Given host:port in place of vpc.tencentcloudapi.com, the Node.js
			// SDK takes the scope's service from the host's first label and
			// signs the host without its port.
			if label, _, _ := strings.Cut(r.Host, "."); auth.Service == label {
				t.Service = label
			}
			if sign.VerifyTC3(auth, key, t) {
				return true
			}
			if i := strings.LastIndexByte(r.Host, ':'); i > strings.LastIndexByte(r.Host, ']') {
				t.Host = r.Host[:i]
			}
			return t.Host != r.Host && sign.VerifyTC3(auth, key, t)
		},
	}
	if perr != nil {
		req.auth.malformed = perr.Error()
	}
	// TC3 carries no nonce and the service keeps no replay record for it:
	// two identical writes in one second (a script creating two VPCs alike)
	// both run. The timestamp window still bounds a captured request.
	return req, nil
}

// isRead reports whether an Action only reads state.
func isRead(action string) bool {
	for _, p := range []string{"Describe", "Inquiry", "Inquire", "Query", "Check", "Get", "Download"} {
		if strings.HasPrefix(action, p) {
			return true
		}
	}
	return false
}

// write sends the envelope of the call's style, always with HTTP 200 as
// the service does for answers it produced.
func (s *Server) write(w http.ResponseWriter, c *call, rep reply) {
	m := map[string]any{}
	if rep.err == nil {
		for k, v := range rep.data {
			m[k] = v
		}
	}
	var out any = m
	switch {
	case c.style == Legacy && rep.err != nil:
		m["code"], m["message"], m["codeDesc"] = rep.err.publicCode(), rep.err.Message, rep.err.Code
	case c.style == Legacy:
		m["code"], m["message"], m["codeDesc"] = 0, "", "Success"
	default:
		if rep.err != nil {
			m["Error"] = map[string]any{"Code": rep.err.Code, "Message": rep.err.Message}
		}
		m["RequestId"] = c.requestID
		out = map[string]any{"Response": m}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		http.Error(w, "encoding reply: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if c.style == V3 {
		w.Header().Set("X-TC-RequestId", c.requestID)
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}
