package e2e

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/config"
)

// settingValue is a valid value of key, different for each round, so that a
// key left over from an earlier round does not pass for this one.
func settingValue(key string, round int) string {
	switch key {
	case config.KeyRegion:
		return []string{"ap-guangzhou", "ap-shanghai", "ap-beijing"}[round%3]
	case config.KeyOutput:
		return []string{"json", "yaml", "text", "table", "jsonl"}[round%5]
	case config.KeyEndpoint:
		return fmt.Sprintf("http://127.0.0.1:%d", 8000+round)
	case config.KeySite:
		return []string{"cn", "intl"}[round%2]
	case config.KeySignatureMethod:
		return []string{"TC3-HMAC-SHA256", "HmacSHA256", "HmacSHA1"}[round%3]
	case config.KeyLanguage:
		return []string{"zh-CN", "en-US"}[round%2]
	}
	return fmt.Sprintf("%s-value-%d", key, round)
}

// Parallel `configure set` processes each read, change and write the same
// two files; every one of their keys must be there at the end.
func TestParallelConfigureSetLosesNothing(t *testing.T) {
	home := t.TempDir()
	env := []string{"HOME=" + home, "PATH=/usr/bin:/bin"}
	const procs, rounds = 20, 10
	keys := config.Keys()
	type entry struct{ profile, key, value string }
	var want []entry
	run := func(batch []entry) {
		var wg sync.WaitGroup
		for _, e := range batch {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := exec.Command(bin, "configure", "set", "--profile", e.profile, e.key, e.value)
				cmd.Env = env
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Errorf("configure set --profile %s %s: %v\n%s", e.profile, e.key, err, out)
				}
			}()
		}
		wg.Wait()
	}
	for round := range rounds {
		// Distinct keys in a profile: the keys of three profiles, nine each.
		var sameProfile, manyProfiles []entry
		for i := range procs {
			key := keys[i%len(keys)]
			value := settingValue(key, round)
			if key == config.KeyCAFile { // it must be a readable PEM file
				value = filepath.Join(home, value+".pem")
				writeCA(t, value)
			}
			sameProfile = append(sameProfile, entry{fmt.Sprintf("keys-%d-%d", round, i/len(keys)), key, value})
			manyProfiles = append(manyProfiles, entry{fmt.Sprintf("region-%d-%d", round, i), config.KeyRegion, settingValue(config.KeyRegion, round+i)})
		}
		run(sameProfile)
		run(manyProfiles)
		want = append(append(want, sameProfile...), manyProfiles...)
	}
	lost := map[bool]int{} // by "in a profile of its own"
	var missing []string
	for _, e := range want {
		l := config.Loader{Home: home, Flags: map[string]string{config.FlagProfile: e.profile}}
		s, err := l.Load()
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Get(e.key); got != e.value {
			lost[strings.HasPrefix(e.profile, "region-")]++
			if len(missing) < 5 {
				missing = append(missing, fmt.Sprintf("%s %s=%q (want %q)", e.profile, e.key, got, e.value))
			}
		}
	}
	if n := lost[false] + lost[true]; n > 0 {
		t.Fatalf("%d of %d keys lost (%d of %d in shared profiles, %d of %d profiles), e.g. %s",
			n, len(want), lost[false], len(want)/2, lost[true], len(want)/2, strings.Join(missing, "; "))
	}
}
