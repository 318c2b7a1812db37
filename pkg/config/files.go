package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/spf13/viper"
)

const (
	tcvpcDirName        = ".tcvpc"
	configFileName      = "config.toml"
	credentialsFileName = "credentials.toml"
)

// validProfileName keeps profile names usable as tccli file names and TOML
// table names without quoting, and out of path tricks such as "../x":
// letters, digits, '-', '_' and '.', starting with a letter or digit. (A
// loop, not a regexp: every run checks the profile at start-up.)
func validProfileName(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case i > 0 && (c == '-' || c == '_' || c == '.'):
		default:
			return false
		}
	}
	return name != ""
}

// CheckProfile reports whether name can be a profile's name.
func CheckProfile(name string) error {
	if !validProfileName(name) {
		return fmt.Errorf("invalid profile name %q: use letters, digits, '-', '_' and '.', starting with a letter or digit", name)
	}
	return nil
}

func (l *Loader) tcvpcDir() string       { return filepath.Join(l.Home, tcvpcDirName) }
func (l *Loader) configPath() string     { return filepath.Join(l.tcvpcDir(), configFileName) }
func (l *Loader) credentialPath() string { return filepath.Join(l.tcvpcDir(), credentialsFileName) }

// pathFor is the tcvpc file a key is stored in.
func (l *Loader) pathFor(key string) string {
	if isCredential(key) {
		return l.credentialPath()
	}
	return l.configPath()
}

// FileFor returns the file Set writes key to, with ~ for the home
// directory, for messages such as "wrote region to ~/.tcvpc/config.toml".
func (l *Loader) FileFor(key string) (string, error) {
	k, err := ParseKey(key)
	if err != nil {
		return "", err
	}
	return l.display(l.pathFor(k)), nil
}

// display shows a path with ~ for the home directory.
func (l *Loader) display(path string) string {
	if l.Home == "" {
		return path
	}
	home := filepath.Clean(l.Home)
	if path == home {
		return "~"
	}
	if rest, ok := strings.CutPrefix(path, home+string(filepath.Separator)); ok {
		return "~" + string(filepath.Separator) + rest
	}
	return path
}

// tomlCodec is viper's TOML codec, used directly: the files are small and
// read on every run, and a full viper instance would add key folding and
// merging that profiles do not need.
func tomlCodec() (viper.Codec, error) {
	r := viper.NewCodecRegistry()
	dec, err := r.Decoder("toml")
	if err != nil {
		return nil, err
	}
	enc, err := r.Encoder("toml")
	if err != nil {
		return nil, err
	}
	return codec{enc, dec}, nil
}

type codec struct {
	viper.Encoder
	viper.Decoder
}

// readTOML decodes a tcvpc file. A missing file is an empty document.
func (l *Loader) readTOML(path string) (map[string]any, bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]any{}, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	c, err := tomlCodec()
	if err != nil {
		return nil, false, err
	}
	doc := map[string]any{}
	if err := c.Decode(b, doc); err != nil {
		return nil, true, fmt.Errorf("%s: %v", l.display(path), err)
	}
	return doc, true, nil
}

// profiles are the tables of a decoded document, with keys normalized and
// values as strings; anything else in the file is not tcvpc's and is skipped.
func profiles(doc map[string]any) map[string]map[string]string {
	out := map[string]map[string]string{}
	for name, v := range doc {
		table, ok := v.(map[string]any)
		if !ok {
			continue
		}
		p := map[string]string{}
		for k, val := range table {
			switch val.(type) {
			case map[string]any, []any:
				continue
			}
			p[normalizeKey(k)] = strings.TrimSpace(fmt.Sprint(val))
		}
		out[name] = p
	}
	return out
}

// Profiles returns the names of tcvpc's profiles, from both files, sorted.
func (l *Loader) Profiles() ([]string, error) {
	if l.Home == "" {
		return nil, nil
	}
	seen := map[string]bool{}
	for _, path := range []string{l.configPath(), l.credentialPath()} {
		doc, _, err := l.readTOML(path)
		if err != nil {
			return nil, err
		}
		for name := range profiles(doc) {
			seen[name] = true
		}
	}
	names := make([]string, 0, len(seen))
	for name := range seen {
		names = append(names, name)
	}
	sort.Strings(names)
	return names, nil
}

// Set writes one key into a tcvpc profile — the credentials to
// credentials.toml, everything else to config.toml — keeping the other
// profiles and keys. An empty value removes the key, as Unset does. The
// value is checked against the key's form (see Normalize) and stored in its
// canonical spelling. Comments in the file are not kept: it is rewritten
// from its data.
func (l *Loader) Set(profile, key, value string) error {
	return l.SetValues(profile, map[string]string{key: value})
}

// Unset removes one key from a tcvpc profile. The profile's table stays,
// even empty, so that the profile keeps hiding tccli's one of the same name.
// Nothing is written when there is nothing to remove.
func (l *Loader) Unset(profile, key string) error {
	return l.SetValues(profile, map[string]string{key: ""})
}

// SetValues sets several keys of a profile at once ("" removes a key):
// every value is checked before anything is written, and the files are
// changed under one lock, so that `configure` saves its answers together.
//
// Each file is read, changed and written back while holding an exclusive
// lock on ~/.tcvpc/.lock, so that two tcvpc processes writing at once do not
// lose each other's keys; it is replaced by an atomic rename, so that a
// reader sees the old file or the new one, never a part.
func (l *Loader) SetValues(profile string, values map[string]string) error {
	if err := CheckProfile(profile); err != nil {
		return err
	}
	changes := map[string]map[string]string{} // by file, key -> value
	for key, value := range values {
		k, err := ParseKey(key)
		if err != nil {
			return err
		}
		value = strings.TrimSpace(value)
		if value != "" {
			if value, err = Normalize(k, value); err != nil {
				return err
			}
			if k == KeyCAFile {
				if value, err = checkCAFile(value); err != nil {
					return err
				}
			}
		}
		path := l.pathFor(k)
		if changes[path] == nil {
			changes[path] = map[string]string{}
		}
		changes[path][k] = value
	}
	if l.Home == "" {
		return errors.New("no home directory: cannot locate ~/.tcvpc")
	}
	unlock, err := l.lock()
	if err != nil {
		return err
	}
	defer unlock()
	for _, path := range []string{l.credentialPath(), l.configPath()} {
		if changes[path] == nil {
			continue
		}
		if err := l.update(path, func(doc map[string]any) bool {
			return setInDoc(doc, profile, changes[path])
		}); err != nil {
			return err
		}
	}
	return nil
}

// setInDoc applies changes to one profile's table and reports whether
// anything changed. Removing from a profile that has no table changes
// nothing.
func setInDoc(doc map[string]any, profile string, changes map[string]string) bool {
	table, ok := doc[profile].(map[string]any)
	changed := false
	for k, v := range changes {
		if v == "" {
			if ok && removeSpellings(table, k) {
				changed = true
			}
			continue
		}
		if !ok {
			table, ok = map[string]any{}, true
			doc[profile] = table
		}
		removeSpellings(table, k)
		table[k] = v
		changed = true
	}
	return changed
}

// removeSpellings deletes key from table however it is spelt there
// (Secret_ID and secret-id are the same key when read).
func removeSpellings(table map[string]any, key string) bool {
	removed := false
	for k := range table {
		if normalizeKey(k) == key {
			delete(table, k)
			removed = true
		}
	}
	return removed
}

// lockFileName is the file whose lock serializes writers of ~/.tcvpc. The
// data files themselves cannot carry the lock: each write replaces them
// with a new file, and a lock on the old one would guard nothing.
const lockFileName = ".lock"

// lock creates ~/.tcvpc (0700) when needed and takes the writers' lock,
// waiting for another tcvpc to finish its write.
func (l *Loader) lock() (unlock func(), err error) {
	if err := ensureDir(l.tcvpcDir()); err != nil {
		return nil, err
	}
	path := filepath.Join(l.tcvpcDir(), lockFileName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("locking %s: %v", l.display(path), err)
	}
	return func() { f.Close() }, nil
}

// update reads path, lets change edit it and writes it back when change
// reports a change. The caller holds the lock.
func (l *Loader) update(path string, change func(map[string]any) bool) error {
	doc, _, err := l.readTOML(path)
	if err != nil {
		return err
	}
	if !change(doc) {
		return nil
	}
	c, err := tomlCodec()
	if err != nil {
		return err
	}
	b, err := c.Encode(doc)
	if err != nil {
		return fmt.Errorf("%s: %v", l.display(path), err)
	}
	return writeFileAtomic(path, b)
}

// ensureDir creates dir with mode 0700, and takes group and others' access
// away from an existing one: it holds the credentials.
func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if runtime.GOOS != "windows" {
		if fi, err := os.Stat(dir); err == nil && fi.Mode().Perm()&0o077 != 0 {
			if err := os.Chmod(dir, 0o700); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeFileAtomic replaces path with data so that a reader sees the old file
// or the new one, never a part; the temporary file is 0600 from its creation
// so a secret never sits in a file others can read, and the directory is
// kept 0700.
func writeFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := ensureDir(dir); err != nil {
		return err
	}
	// os.CreateTemp creates the file with mode 0600.
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	// Make the rename itself durable; not every system can sync a directory.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
