package e2e

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"sync"
	"testing"
)

// Values every key accepts.
var raceValues = map[string]string{
	"secret-id": "AKIDrace", "secret-key": "race-key", "token": "race-token", "region": "ap-shanghai",
	"output": "json", "endpoint": "http://127.0.0.1:1", "ca-file": "/etc/ssl/certs/ca.pem", "site": "intl",
	"signature-method": "HmacSHA1", "language": "en-US",
}

// Twenty `tcvpc configure set` processes at once, ten rounds: every key
// of every profile is found afterwards. First distinct keys of two shared
// profiles, then one key in each of twenty profiles.
func TestConfigureSetInParallelLosesNothing(t *testing.T) {
	type set struct{ profile, key string }
	var keysOfTwo, profiles []set
	for key := range raceValues {
		keysOfTwo = append(keysOfTwo, set{"p1", key}, set{"p2", key})
	}
	for i := range 20 {
		profiles = append(profiles, set{fmt.Sprintf("p%02d", i), "region"})
	}
	for name, sets := range map[string][]set{"distinct keys": keysOfTwo, "distinct profiles": profiles} {
		found, want := 0, 0
		for round := range 10 {
			home := t.TempDir()
			var wg sync.WaitGroup
			errs := make(chan error, len(sets))
			for _, s := range sets {
				wg.Add(1)
				go func() {
					defer wg.Done()
					cmd := exec.Command(bin, "configure", "set", "--profile", s.profile, s.key, raceValues[s.key])
					cmd.Env = []string{"HOME=" + home}
					if out, err := cmd.CombinedOutput(); err != nil {
						errs <- fmt.Errorf("%s %s: %v: %s", s.profile, s.key, err, out)
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Errorf("%s round %d: %v", name, round, err)
			}
			got := map[set]string{}
			for _, s := range sets {
				if _, done := got[set{s.profile, "listed"}]; done {
					continue
				}
				got[set{s.profile, "listed"}] = ""
				cmd := exec.Command(bin, "configure", "list", "--profile", s.profile, "-o", "json")
				cmd.Env = []string{"HOME=" + home}
				out, err := cmd.Output()
				var list struct {
					Settings []struct{ Name, Value, Source string }
				}
				if err != nil || json.Unmarshal(out, &list) != nil {
					t.Fatalf("configure list: %v %s", err, out)
				}
				for _, row := range list.Settings {
					if row.Source != "" && row.Source != "default" {
						got[set{s.profile, row.Name}] = row.Value
					}
				}
			}
			for _, s := range sets {
				want++
				if got[s] != "" {
					found++
				} else {
					t.Errorf("%s round %d: %s of profile %s lost", name, round, s.key, s.profile)
				}
			}
		}
		t.Logf("%s: %d of %d keys found", name, found, want)
	}
}
