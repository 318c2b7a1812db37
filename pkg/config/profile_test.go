package config

import "testing"

func TestCheckProfile(t *testing.T) {
	for name, ok := range map[string]bool{
		"default": true, "prod-2": true, "a.b_c": true, "9": true, "X": true,
		"": false, "../x": false, "-a": false, ".hidden": false, "_a": false, "a b": false, "a/b": false, "é": false, "a\n": false,
	} {
		if err := CheckProfile(name); (err == nil) != ok {
			t.Errorf("%q: got %v, want ok=%v", name, err, ok)
		}
	}
}
