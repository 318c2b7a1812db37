package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/tcvpc/tcvpc/pkg/config"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// stateVersion is bumped when the saved form changes incompatibly. Version
// 1 held one store; version 2 holds one per region.
const stateVersion = 2

// DefaultRegion is where a request that names no region goes.
const DefaultRegion = "ap-guangzhou"

// cloud is every region's store and what the regions share: the sequence
// that numbers resources and the IDs handed out, so that no ID is used
// twice in any region. One mutex guards it all.
type cloud struct {
	mu sync.Mutex

	Version int    `json:"version"`
	Seq     int64  `json:"seq"` // creation order and legacy numeric IDs
	Used    idSet  `json:"used"`
	Regions stores `json:"regions"`
}

type (
	idSet  = map[string]bool
	stores = map[string]*Store
)

func newCloud() *cloud {
	return &cloud{Version: stateVersion, Used: idSet{}, Regions: stores{}}
}

// canonicalRegion maps a region named either way (ap-guangzhou or the
// legacy gz) to its API 3.0 name, "" meaning DefaultRegion; false when the
// region is unknown.
func canonicalRegion(name string) (string, bool) {
	if name == "" {
		return DefaultRegion, true
	}
	return config.RegionOf(name)
}

// store returns the store of a region (an API 3.0 name), made on first use.
func (cl *cloud) store(region string) *Store {
	st := cl.Regions[region]
	if st == nil {
		st = &Store{}
		st.init(cl)
		cl.Regions[region] = st
	}
	return st
}

// snapshot is the saved form: JSON of the exported fields.
func (cl *cloud) snapshot() ([]byte, error) {
	return json.MarshalIndent(cl, "", " ")
}

// loadCloud reads a saved state; a missing file is (nil, nil).
func loadCloud(path string) (*cloud, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	cl := newCloud()
	if err := json.Unmarshal(b, cl); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	switch {
	case cl.Version > stateVersion:
		return nil, fmt.Errorf("%s: state version %d is newer than this tcvpc understands (%d)", path, cl.Version, stateVersion)
	case cl.Version < 2:
		// One store, of the region everything was in then.
		st := &Store{}
		if err := json.Unmarshal(b, st); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		cl.Regions = stores{DefaultRegion: st}
	}
	cl.Version = stateVersion
	if cl.Used == nil {
		cl.Used = idSet{}
	}
	if cl.Regions == nil {
		cl.Regions = stores{}
	}
	for _, st := range cl.Regions {
		st.init(cl)
	}
	return cl, nil
}

// writeFileAtomic writes b to path through a synced temporary file in the
// same directory, renamed over it, mode 0600 (state may hold pre-shared
// keys), and syncs the directory so the rename itself is durable.
func writeFileAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = f.Chmod(0o600)
	if err == nil {
		_, err = f.Write(b)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// The journal: with a state file, every request that changed the cloud is
// appended to PATH.journal, one JSON line, and synced before its reply is
// sent. A restart loads the snapshot and replays the journal through the
// handlers with the time and the random draws each request had, so the
// result is the same store. The journal is compacted into the snapshot at
// start, every journalCompactAfter records and at a clean stop.
//
// Why a journal of requests and not an embedded database: the handlers
// change resources in place all over the store, so recording the requests
// is the one record that is sure to be complete, it costs one short
// append per write (not a rewrite of a 20,000-subnet store), and it needs
// no dependency.
const journalCompactAfter = 5000

type journalRecord struct {
	Region string      `json:"region"`
	Style  string      `json:"style"`
	Action string      `json:"action"`
	Params params.Tree `json:"params"`
	Now    time.Time   `json:"now"`
	Draws  []string    `json:"draws,omitempty"`
	// Delay is the task delay the call ran with, so that a restart with
	// another --task-delay keeps the times the reply promised.
	Delay *time.Duration `json:"delay,omitempty"`
}

type journal struct {
	path    string // the snapshot; the journal is path + ".journal"
	f       *os.File
	records int
}

func journalPath(state string) string { return state + ".journal" }

// StateError is a state file that cannot be used: the directory is
// missing, a file cannot be read or does not parse.
type StateError struct{ Err error }

func (e *StateError) Error() string { return "emulator: state: " + e.Err.Error() }
func (e *StateError) Unwrap() error { return e.Err }

// openState loads the snapshot and replays the journal into s, then
// compacts and opens the journal for appending.
func (s *Server) openState(path string) error {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return &StateError{fmt.Errorf("the directory %s does not exist", dir)}
	}
	lock, err := lockState(path)
	if err != nil {
		return &StateError{err}
	}
	s.stateLock = lock
	cl, err := loadCloud(path)
	if err != nil {
		return &StateError{err}
	}
	if cl != nil {
		s.cloud = cl
	}
	if err := s.replayJournal(journalPath(path)); err != nil {
		return &StateError{err}
	}
	s.journal = &journal{path: path}
	s.cloud.mu.Lock()
	defer s.cloud.mu.Unlock()
	if err := s.compactLocked(); err != nil {
		return &StateError{err}
	}
	return nil
}

// replayJournal runs the journal's records; a last line cut short (a write the
// kernel never finished, so never acknowledged) is ignored.
func (s *Server) replayJournal(path string) error {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	lines := bytes.Split(b, []byte("\n"))
	// What follows the last newline is a line the process never finished
	// writing, so never acknowledged: it is dropped.
	for i, ln := range lines[:len(lines)-1] {
		var rec journalRecord
		dec := json.NewDecoder(bytes.NewReader(ln))
		dec.UseNumber()
		if err := dec.Decode(&rec); err != nil {
			return fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
		st := V3
		if rec.Style == Legacy.String() {
			st = Legacy
		}
		c := &call{srv: s, style: st, action: rec.Action, region: rec.Region, params: rec.Params, now: rec.Now, replaying: true, draws: rec.Draws, delay: s.opts.TaskDelay}
		if rec.Delay != nil {
			c.delay = *rec.Delay
		}
		if c.params == nil {
			c.params = params.Tree{}
		}
		s.dispatch(c)
	}
	return nil
}

// record appends c to the journal, with the cloud locked; sync makes it
// durable and runs after the lock is released, so that writes arriving
// together share one disk flush.
func (s *Server) record(c *call, raw params.Tree) error {
	j := s.journal
	if j == nil || c.replaying {
		return nil
	}
	b, err := json.Marshal(journalRecord{Region: c.home, Style: c.style.String(), Action: c.action, Params: raw, Now: c.now, Draws: c.drawn, Delay: &c.delay})
	if err != nil {
		return err
	}
	if _, err := j.f.Write(append(b, '\n')); err != nil {
		return err
	}
	j.records++
	if j.records >= journalCompactAfter {
		return s.compactLocked()
	}
	return nil
}

func (s *Server) syncJournal() error {
	s.cloud.mu.Lock()
	if s.journal == nil {
		s.cloud.mu.Unlock()
		return nil
	}
	f := s.journal.f
	s.cloud.mu.Unlock()
	if err := f.Sync(); err != nil && !errors.Is(err, os.ErrClosed) {
		return err
	}
	// Closed: a compaction came in between, and its snapshot, written
	// after this record, holds the change.
	return nil
}

// compactLocked writes the snapshot and starts an empty journal.
func (s *Server) compactLocked() error {
	j := s.journal
	b, err := s.cloud.snapshot()
	if err != nil {
		return err
	}
	if err := writeFileAtomic(j.path, append(b, '\n')); err != nil {
		return err
	}
	f, err := os.OpenFile(journalPath(j.path), os.O_CREATE|os.O_WRONLY|os.O_TRUNC|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if j.f != nil {
		j.f.Close()
	}
	j.f, j.records = f, 0
	return nil
}

// Close compacts the journal into the snapshot and closes it. The server
// keeps no state file after it.
func (s *Server) Close() error {
	s.cloud.mu.Lock()
	defer s.cloud.mu.Unlock()
	if s.journal == nil {
		return nil
	}
	err := s.compactLocked()
	if cerr := s.journal.f.Close(); err == nil {
		err = cerr
	}
	s.journal = nil
	if s.stateLock != nil {
		s.stateLock.Close()
	}
	return err
}
