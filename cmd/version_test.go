package cmd

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestVersionFromBuildInfo(t *testing.T) {
	vcs := []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}}
	for _, tc := range []struct {
		name                  string
		version, commit, date string
		info                  *debug.BuildInfo
		want                  [3]string
	}{
		{"go install @version", "dev", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, [3]string{"1.4.0", "", ""}},
		{"build in a checkout", "dev", "", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs},
			[3]string{"dev-0123456789ab", "0123456789abcdef0123", "2026-12-01T10:00:00Z"}},
		{"modified checkout", "dev", "", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: append(vcs[:2:2], debug.BuildSetting{Key: "vcs.modified", Value: "true"})},
			[3]string{"dev-0123456789ab+dirty", "0123456789abcdef0123", "2026-12-01T10:00:00Z"}},
		{"linker flags win", "2.0.0", "fedcba", "2026-11-30", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}, Settings: vcs},
			[3]string{"2.0.0", "fedcba", "2026-11-30"}},
		{"nothing known", "dev", "", "", nil, [3]string{"dev", "", ""}},
	} {
		v, c, d := fromBuildInfo(tc.version, tc.commit, tc.date, tc.info)
		if [3]string{v, c, d} != tc.want {
			t.Errorf("%s: got %q %q %q, want %q", tc.name, v, c, d, tc.want)
		}
	}
}

func TestVersionJSON(t *testing.T) {
	run{}.exec(t, "version", "-o", "json").expect(t, 0,
		"{\n  \"version\": \"1.2.3\",\n  \"commit\": \"\",\n  \"date\": \"\",\n  \"go\": \""+runtime.Version()+"\"\n}\n", "")
	run{}.exec(t, "version", "-o", "text").expect(t, 0, "1.2.3\t\t\t"+runtime.Version()+"\n", "")
	run{env: map[string]string{"TCVPC_OUTPUT": "jsonl"}}.exec(t, "version").expect(t, 0,
		`{"version":"1.2.3","commit":"","date":"","go":"`+runtime.Version()+`"}`+"\n", "")
	run{}.exec(t, "version", "-o", "xml").expect(t, 2, "",
		"Error: invalid value \"xml\" for -o/--output: expected one of table, json, jsonl, yaml, text\n")
	run{}.exec(t, "version", "-o", "yaml").expect(t, 0,
		"version: 1.2.3\ncommit: \"\"\ndate: \"\"\ngo: "+runtime.Version()+"\n", "")
}
