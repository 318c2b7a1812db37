package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// tccli keeps one profile in two JSON files under ~/.tccli: NAME.credential
// with the keys and NAME.configure with settings per product.
func (l *Loader) tccliPath(profile, ext string) string {
	return filepath.Join(l.Home, ".tccli", profile+"."+ext)
}

// tccliCredential reads ~/.tccli/NAME.credential. Fields such as type and
// role-arn (role credentials tccli fetches itself) are ignored.
func (l *Loader) tccliCredential(profile string) (map[string]string, error) {
	var c struct {
		SecretID  string `json:"secretId"`
		SecretKey string `json:"secretKey"`
		Token     string `json:"token"`
	}
	ok, err := readJSON(l.tccliPath(profile, "credential"), &c)
	if !ok || err != nil {
		return nil, err
	}
	return map[string]string{
		KeySecretID:  strings.TrimSpace(c.SecretID),
		KeySecretKey: strings.TrimSpace(c.SecretKey),
		KeyToken:     strings.TrimSpace(c.Token),
	}, nil
}

// tccliConfigure reads region and output from the "_sys_param" object of
// ~/.tccli/NAME.configure; the per-product objects hold tccli's endpoints
// and versions, which are not tcvpc's business.
func (l *Loader) tccliConfigure(profile string) (map[string]string, error) {
	var c struct {
		Sys map[string]any `json:"_sys_param"`
	}
	ok, err := readJSON(l.tccliPath(profile, "configure"), &c)
	if !ok || err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, k := range []string{KeyRegion, KeyOutput} {
		if s, ok := c.Sys[k].(string); ok {
			out[k] = strings.TrimSpace(s)
		}
	}
	return out, nil
}

// readJSON decodes path into v; ok is false when the file does not exist.
func readJSON(path string, v any) (ok bool, err error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return false, fmt.Errorf("invalid JSON: %v", err)
	}
	return true, nil
}

// tccliHas reports whether tccli has a profile of that name.
func (l *Loader) tccliHas(profile string) bool {
	for _, ext := range []string{"credential", "configure"} {
		if _, err := os.Stat(l.tccliPath(profile, ext)); err == nil {
			return true
		}
	}
	return false
}
