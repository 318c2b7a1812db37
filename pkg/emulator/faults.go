package emulator

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	mrand "math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

type faultKind uint8

const (
	faultNone faultKind = iota
	fault5xx
	faultInternal
	faultDrop
	// The -after kinds carry the request out, then fail its reply: the
	// client cannot know whether its write happened.
	fault5xxAfter
	faultInternalAfter
	faultDropAfter
	faultKinds
)

// faultNames are the spec's keys, indexed by kind.
var faultNames = [faultKinds]string{"", "5xx", "internal", "drop", "5xx-after", "internal-after", "drop-after"}

// after reports whether the fault strikes once the work is done.
func (k faultKind) after() bool { return k >= fault5xxAfter }

// failure is the kind's failure, struck before or after the work.
func (k faultKind) failure() faultKind {
	if k.after() {
		return k - fault5xxAfter + fault5xx
	}
	return k
}

// Faults injects failures by probability, from one seeded generator so
// that a run can be repeated.
type Faults struct {
	p              [faultKinds]float64
	latMin, latMax time.Duration

	mu  sync.Mutex
	rng *mrand.Rand
}

type faultDraw struct {
	kind    faultKind
	status  int
	latency time.Duration
}

// ParseFaults reads a fault spec: comma-separated key=value pairs, keys
//
//	5xx=P             reply with HTTP 500, 502 or 503 and no envelope
//	internal=P        answer with the InternalError envelope (legacy 6000)
//	drop=P            close the connection without an answer
//	5xx-after=P       carry the request out, then answer as 5xx does
//	internal-after=P  carry the request out, then answer InternalError
//	drop-after=P      carry the request out, then close the connection
//	latency=D         delay every answer by D, or by MIN-MAX drawn uniformly
//
// where P is a probability in [0,1] and D a Go duration ("50ms"). At most
// one failure happens to a request; the probabilities must not add up to
// more than 1. "" and "none" inject nothing.
func ParseFaults(spec string) (*Faults, error) {
	f := &Faults{}
	spec = strings.TrimSpace(spec)
	if spec == "" || spec == "none" {
		return f, nil
	}
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("faults: %q is not key=value", part)
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if k == "latency" {
			lo, hi, isRange := strings.Cut(v, "-")
			min, err := time.ParseDuration(lo)
			if err != nil || min < 0 {
				return nil, fmt.Errorf("faults: latency=%s: want a duration such as 50ms or a range 10ms-100ms", v)
			}
			max := min
			if isRange {
				if max, err = time.ParseDuration(hi); err != nil || max < min {
					return nil, fmt.Errorf("faults: latency=%s: want a range MIN-MAX with MIN <= MAX", v)
				}
			}
			f.latMin, f.latMax = min, max
			continue
		}
		kind := faultNone
		for i, name := range faultNames {
			if i > 0 && name == k {
				kind = faultKind(i)
			}
		}
		if kind == faultNone {
			return nil, fmt.Errorf("faults: unknown key %q (known: %s, latency)", k, strings.Join(faultNames[1:], ", "))
		}
		p, err := strconv.ParseFloat(v, 64)
		if err != nil || p < 0 || p > 1 {
			return nil, fmt.Errorf("faults: %s=%s: want a probability between 0 and 1", k, v)
		}
		f.p[kind] = p
	}
	sum := 0.0
	for _, p := range f.p {
		sum += p
	}
	if sum > 1 {
		return nil, fmt.Errorf("faults: the probabilities add up to %g, more than 1", sum)
	}
	return f, nil
}

func (f *Faults) draw() faultDraw {
	if f.p == [faultKinds]float64{} && f.latMax == 0 {
		return faultDraw{}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var d faultDraw
	d.latency = f.latMin
	if f.latMax > f.latMin {
		d.latency += time.Duration(f.rng.Int64N(int64(f.latMax - f.latMin + 1)))
	}
	x, acc := f.rng.Float64(), 0.0
	for k, p := range f.p {
		if acc += p; p > 0 && x < acc {
			d.kind = faultKind(k)
			break
		}
	}
	if d.kind.failure() == fault5xx {
		d.status = []int{http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable}[f.rng.IntN(3)]
	}
	return d
}

// idSource makes resource IDs and request IDs. With a seed its output is
// reproducible; uniqueness is the store's job, which checks every ID.
type idSource struct {
	mu  sync.Mutex
	rng *mrand.Rand
}

func newIDSource(seed uint64) *idSource {
	if seed == 0 {
		var b [8]byte
		_, _ = rand.Read(b[:])
		seed = binary.LittleEndian.Uint64(b[:]) | 1
	}
	return &idSource{rng: mrand.New(mrand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// child returns an independent generator derived from this one, so that
// fault draws do not shift the IDs a seed produces.
func (s *idSource) child() *mrand.Rand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return mrand.New(mrand.NewPCG(s.rng.Uint64(), s.rng.Uint64()))
}

const idAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz"

// suffix returns n lowercase alphanumerics.
func (s *idSource) suffix(n int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := make([]byte, n)
	for i := range b {
		b[i] = idAlphabet[s.rng.IntN(len(idAlphabet))]
	}
	return string(b)
}

// uuid returns a version-4 shaped UUID, the form of the service's RequestId.
func (s *idSource) uuid() string {
	s.mu.Lock()
	hi, lo := s.rng.Uint64(), s.rng.Uint64()
	s.mu.Unlock()
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], hi)
	binary.BigEndian.PutUint64(b[8:], lo)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
