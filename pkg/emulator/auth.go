package emulator

import (
	"crypto/hmac"
	"strconv"
	"sync"
	"time"
)

// authInfo is what a request offers to prove who sent it.
type authInfo struct {
	secretID  string
	timestamp string
	present   bool   // a signature was sent at all
	malformed string // why the signature fields cannot be read, if so
	verify    func(secretKey string) bool
	replayKey string // Nonce+Timestamp, which must not be seen twice within the window
}

func hmacEqual(a, b string) bool { return hmac.Equal([]byte(a), []byte(b)) }

// authenticate checks, in the service's order: a signature is there and
// readable, the timestamp is fresh, the SecretId is known, the signature
// matches. Replay is checked later, when the request is about to run, so
// that a request refused for throttling or an injected fault may be sent
// again unchanged.
func (s *Server) authenticate(c *call, a authInfo) *apiError {
	legacy := c.style == Legacy
	fail := func(v3Code string, public int, legacyDesc, msg string) *apiError {
		if legacy {
			return lerrf(public, legacyDesc, "%s", msg)
		}
		return errf(v3Code, "%s", msg)
	}
	if !a.present || a.malformed != "" {
		msg := "The request carries no signature."
		if a.malformed != "" {
			msg = "The signature could not be read: " + a.malformed + "."
		}
		return fail("AuthFailure.SignatureFailure", 4100, "AuthFailure", msg)
	}
	ts, err := strconv.ParseInt(a.timestamp, 10, 64)
	if err != nil {
		return fail("AuthFailure.SignatureFailure", 4100, "AuthFailure", "The Timestamp is missing or not a number.")
	}
	if d := c.now.Sub(time.Unix(ts, 0)); d > s.opts.MaxSkew || d < -s.opts.MaxSkew {
		return fail("AuthFailure.SignatureExpire", 4200, "AuthFailure.SignatureExpire",
			"Signature expired: the Timestamp "+a.timestamp+" is more than "+s.opts.MaxSkew.String()+" away from the server time "+strconv.FormatInt(c.now.Unix(), 10)+".")
	}
	if a.secretID == "" {
		return fail("AuthFailure.SecretIdNotFound", 4104, "AuthFailure.SecretIdNotFound", "The SecretId is missing.")
	}
	if a.secretID != s.opts.SecretID {
		return fail("AuthFailure.SecretIdNotFound", 4104, "AuthFailure.SecretIdNotFound", "The SecretId is not found, please ensure that your SecretId is correct.")
	}
	if !a.verify(s.opts.SecretKey) {
		return fail("AuthFailure.SignatureFailure", 4100, "AuthFailure", "The provided credentials could not be validated. Please check your signature is correct.")
	}
	return nil
}

// replayCache remembers what was used until it could no longer pass the
// timestamp check anyway.
type replayCache struct {
	mu    sync.Mutex
	used  map[string]time.Time
	sweep time.Time
}

func newReplayCache() *replayCache { return &replayCache{used: map[string]time.Time{}} }

// claim records key until now+ttl and reports whether it was new.
func (c *replayCache) claim(key string, now time.Time, ttl time.Duration) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if now.Sub(c.sweep) > time.Minute {
		for k, exp := range c.used {
			if exp.Before(now) {
				delete(c.used, k)
			}
		}
		c.sweep = now
	}
	if exp, ok := c.used[key]; ok && !exp.Before(now) {
		return false
	}
	c.used[key] = now.Add(ttl)
	return true
}

// limiter counts requests per Action in one-second windows.
type limiter struct {
	limit int
	mu    sync.Mutex
	sec   int64
	count map[string]int
}

func newLimiter(limit int) *limiter { return &limiter{limit: limit, count: map[string]int{}} }

func (l *limiter) allow(st Style, action string, now time.Time) bool {
	if l.limit < 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if sec := now.Unix(); sec != l.sec {
		l.sec = sec
		clear(l.count)
	}
	k := st.String() + "/" + action
	if l.count[k] >= l.limit {
		return false
	}
	l.count[k]++
	return true
}
