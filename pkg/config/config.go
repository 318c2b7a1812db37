package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Value is one resolved setting and where it came from.
type Value struct {
	Value string
	// Source is human readable: "flag --region", "env TENCENTCLOUD_REGION",
	// "profile default (~/.tcvpc/config.toml)", "tccli profile default
	// (~/.tccli/default.credential)", "~/.tencentcloud/credentials
	// [default]", "default"; "" when unset.
	Source string
}

// Settings are the values a run uses.
type Settings struct {
	Profile string
	// ProfileSource is where the profile name came from: "flag --profile",
	// "env TCVPC_PROFILE" or "default".
	ProfileSource string
	Values        map[string]Value // by Key*
	// Warnings are problems that did not stop loading, such as a
	// credentials file others can read; the caller prints them on stderr.
	Warnings []string
}

// Get returns the value of a key, "" when unset.
func (s *Settings) Get(key string) string {
	if s == nil {
		return ""
	}
	return s.Values[normalizeKey(key)].Value
}

// Loader resolves settings. Precedence, highest first: flags, environment,
// the tcvpc profile, tccli's profile of the same name (only when tcvpc has
// no such profile), the SDKs' credentials file, defaults.
type Loader struct {
	Home   string              // $HOME
	Getenv func(string) string // os.Getenv in production; nil reads no environment
	// Flags holds only the flags the user set explicitly, by Key* (e.g.
	// "region" -> "ap-beijing"), plus "profile". Empty values count as unset.
	Flags map[string]string
}

// FlagProfile is the Flags entry naming the profile.
const FlagProfile = "profile"

// Environment variables read by Load.
const (
	EnvSecretID        = "TENCENTCLOUD_SECRET_ID"
	EnvSecretKey       = "TENCENTCLOUD_SECRET_KEY"
	EnvToken           = "TENCENTCLOUD_TOKEN"
	EnvSessionToken    = "TENCENTCLOUD_SESSION_TOKEN"
	EnvRegion          = "TENCENTCLOUD_REGION"
	EnvCredentialsFile = "TENCENTCLOUD_CREDENTIALS_FILE"
	EnvProfile         = "TCVPC_PROFILE"
	EnvEndpoint        = "TCVPC_ENDPOINT"
	EnvOutput          = "TCVPC_OUTPUT"
	EnvSite            = "TCVPC_SITE"
	EnvSignatureMethod = "TCVPC_SIGNATURE_METHOD"
	EnvLanguage        = "TCVPC_LANGUAGE"
	EnvCAFile          = "TCVPC_CA_FILE"
)

// envNames are the variables of each key, first one set wins.
var envNames = map[string][]string{
	KeySecretID:        {EnvSecretID},
	KeySecretKey:       {EnvSecretKey},
	KeyToken:           {EnvToken, EnvSessionToken},
	KeyRegion:          {EnvRegion},
	KeyOutput:          {EnvOutput},
	KeyEndpoint:        {EnvEndpoint},
	KeySite:            {EnvSite},
	KeySignatureMethod: {EnvSignatureMethod},
	KeyLanguage:        {EnvLanguage},
	KeyCAFile:          {EnvCAFile},
}

// EnvNames returns the environment variables of a key, highest precedence
// first, for help and `configure list`.
func EnvNames(key string) []string {
	return append([]string(nil), envNames[normalizeKey(key)]...)
}

// defaults are the values used when no source sets a key; they match what
// the command layer and the API client assume for an empty value. Region has
// none on purpose: guessing one would act on the wrong resources.
var defaults = map[string]string{
	KeyOutput:          "table",
	KeySite:            "cn",
	KeySignatureMethod: "TC3-HMAC-SHA256",
}

// DefaultProfile is the profile used when none is chosen.
const DefaultProfile = "default"

func (l *Loader) getenv(name string) string {
	if l.Getenv == nil {
		return ""
	}
	return strings.TrimSpace(l.Getenv(name))
}

// source is one place values come from: it returns the value of key and a
// description of where it was found, or "" when it does not set the key.
type source func(key string) (value, from string)

// Load resolves every key. It only reads: nothing is created or rewritten,
// and the fallback files are read only when a value is still missing.
func (l *Loader) Load() (*Settings, error) {
	s := &Settings{Values: map[string]Value{}}
	s.Profile, s.ProfileSource = DefaultProfile, "default"
	if p := strings.TrimSpace(l.Flags[FlagProfile]); p != "" {
		s.Profile, s.ProfileSource = p, "flag --profile"
	} else if p := l.getenv(EnvProfile); p != "" {
		s.Profile, s.ProfileSource = p, "env "+EnvProfile
	}
	if err := CheckProfile(s.Profile); err != nil {
		return nil, fmt.Errorf("%v (from %s)", err, s.ProfileSource)
	}

	var cfg, cred map[string]map[string]string
	tcvpcHas := false
	if l.Home != "" {
		doc, _, err := l.readTOML(l.configPath())
		if err != nil {
			return nil, err
		}
		cfg = profiles(doc)
		doc, exists, err := l.readTOML(l.credentialPath())
		if err != nil {
			return nil, err
		}
		cred = profiles(doc)
		if exists {
			s.Warnings = append(s.Warnings, l.modeWarnings(l.credentialPath())...)
		}
		_, inCfg := cfg[s.Profile]
		_, inCred := cred[s.Profile]
		tcvpcHas = inCfg || inCred
	}

	sdk := &sdkFile{l: l, s: s}
	// A named profile found nowhere is most likely misspelt. It is a warning,
	// not an error, because `configure` loads a profile before creating it.
	if s.Profile != DefaultProfile && !tcvpcHas && !l.tccliHas(s.Profile) && !sdk.has(s.Profile) {
		s.Warnings = append(s.Warnings, l.notFound(s.Profile, s.ProfileSource))
	}

	sources := []source{
		func(k string) (string, string) {
			if v := strings.TrimSpace(l.Flags[k]); v != "" {
				return v, "flag --" + k
			}
			return "", ""
		},
		func(k string) (string, string) {
			for _, name := range envNames[k] {
				if v := l.getenv(name); v != "" {
					return v, "env " + name
				}
			}
			return "", ""
		},
	}
	if tcvpcHas {
		sources = append(sources, func(k string) (string, string) {
			table, path := cfg[s.Profile], l.configPath()
			if isCredential(k) {
				table, path = cred[s.Profile], l.credentialPath()
			}
			if v := table[k]; v != "" {
				return v, fmt.Sprintf("profile %s (%s)", s.Profile, l.display(path))
			}
			return "", ""
		})
	} else if l.Home != "" {
		sources = append(sources, l.tccliSource(s))
	}
	sources = append(sources,
		sdk.get,
		func(k string) (string, string) {
			if v := defaults[k]; v != "" {
				return v, "default"
			}
			return "", ""
		},
	)

	for _, k := range Keys() {
		if isCredential(k) {
			continue
		}
		for _, src := range sources {
			if v, from := src(k); v != "" {
				s.Values[k] = Value{Value: v, Source: from}
				break
			}
		}
	}
	resolveCredentials(s, sources)
	return s, nil
}

// resolveCredentials takes the secret id, key and token together from the
// first source that has an id or a key. Mixing sources would pair a token
// with keys it was not issued for, or one account's id with another's key,
// and fail later with a signature error far from its cause.
func resolveCredentials(s *Settings, sources []source) {
	for _, src := range sources {
		id, idFrom := src(KeySecretID)
		key, keyFrom := src(KeySecretKey)
		token, tokenFrom := src(KeyToken)
		if id == "" && key == "" {
			if token != "" {
				s.Warnings = append(s.Warnings, fmt.Sprintf("ignoring the token from %s: no secret id and key are set beside it", tokenFrom))
			}
			continue
		}
		if id != "" {
			s.Values[KeySecretID] = Value{Value: id, Source: idFrom}
		}
		if key != "" {
			s.Values[KeySecretKey] = Value{Value: key, Source: keyFrom}
		}
		if token != "" {
			s.Values[KeyToken] = Value{Value: token, Source: tokenFrom}
		}
		if id == "" || key == "" {
			have, missing, from := KeySecretID, KeySecretKey, idFrom
			if id == "" {
				have, missing, from = KeySecretKey, KeySecretID, keyFrom
			}
			s.Warnings = append(s.Warnings, fmt.Sprintf("%s is set by %s but %s is not; credentials are never combined from different sources", have, from, missing))
		}
		return
	}
}

// tccliSource reads tccli's files for the profile, each on first need.
func (l *Loader) tccliSource(s *Settings) source {
	var cred, conf map[string]string
	credRead, confRead := false, false
	return func(k string) (string, string) {
		var vals map[string]string
		var path string
		if isCredential(k) {
			path = l.tccliPath(s.Profile, "credential")
			if !credRead {
				credRead = true
				var err error
				if cred, err = l.tccliCredential(s.Profile); err != nil {
					s.Warnings = append(s.Warnings, fmt.Sprintf("ignoring %s: %v", l.display(path), err))
				}
			}
			vals = cred
		} else {
			path = l.tccliPath(s.Profile, "configure")
			if !confRead {
				confRead = true
				var err error
				if conf, err = l.tccliConfigure(s.Profile); err != nil {
					s.Warnings = append(s.Warnings, fmt.Sprintf("ignoring %s: %v", l.display(path), err))
				}
			}
			vals = conf
		}
		if v := vals[k]; v != "" {
			return v, fmt.Sprintf("tccli profile %s (%s)", s.Profile, l.display(path))
		}
		return "", ""
	}
}

// sdkFile is the SDKs' INI credentials file, read on first need. Only the
// section named after the profile is used: falling back to [default] for
// another profile would quietly act with another account's keys.
type sdkFile struct {
	l        *Loader
	s        *Settings
	read     bool
	path     string
	sections map[string]map[string]string
}

func (f *sdkFile) load() {
	if f.read {
		return
	}
	f.read = true
	f.path = f.l.getenv(EnvCredentialsFile)
	explicit := f.path != ""
	if !explicit {
		if f.l.Home == "" {
			return
		}
		f.path = f.l.tencentcloudPath()
	}
	b, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			f.s.Warnings = append(f.s.Warnings, fmt.Sprintf("%s names %s, which does not exist", EnvCredentialsFile, f.path))
		} else {
			f.s.Warnings = append(f.s.Warnings, fmt.Sprintf("ignoring %s: %v", f.l.display(f.path), err))
		}
		return
	}
	if f.sections, err = parseINI(string(b)); err != nil {
		f.s.Warnings = append(f.s.Warnings, fmt.Sprintf("ignoring %s: %v", f.l.display(f.path), err))
	}
}

func (f *sdkFile) has(profile string) bool {
	f.load()
	_, ok := f.sections[profile]
	return ok
}

func (f *sdkFile) get(k string) (string, string) {
	if !isCredential(k) {
		return "", ""
	}
	f.load()
	if v := f.sections[f.s.Profile][k]; v != "" {
		return v, fmt.Sprintf("%s [%s]", f.l.display(f.path), f.s.Profile)
	}
	return "", ""
}

func (l *Loader) tencentcloudPath() string {
	return filepath.Join(l.Home, ".tencentcloud", "credentials")
}

// notFound explains which files were searched for a missing profile.
func (l *Loader) notFound(profile, from string) string {
	msg := fmt.Sprintf("profile %q (from %s) is in none of ~/.tcvpc, ~/.tccli and the SDK credentials file", profile, from)
	if names, err := l.Profiles(); err == nil && len(names) > 0 {
		msg += "; tcvpc profiles: " + strings.Join(names, ", ")
	}
	return msg
}

// modeWarnings warns when a credentials file is open to group or others.
// Permission bits mean little on Windows, so it is not checked there.
func (l *Loader) modeWarnings(path string) []string {
	if runtime.GOOS == "windows" {
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm()&0o077 == 0 {
		return nil
	}
	p := l.display(path)
	return []string{fmt.Sprintf("%s is open to group or others (mode %04o); run: chmod 600 %s", p, fi.Mode().Perm(), p)}
}
