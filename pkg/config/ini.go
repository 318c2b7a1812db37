package config

import (
	"fmt"
	"strings"
)

// parseINI reads the SDKs' credentials file format: [section] headers,
// key = value lines, and whole-line comments starting with # or ;. Keys are
// normalized (secret_id → secret-id); lines before the first section and
// lines without '=' are skipped, as the SDKs skip them.
func parseINI(data string) (map[string]map[string]string, error) {
	sections := map[string]map[string]string{}
	var cur map[string]string
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if i == 0 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if line[0] == '[' {
			if !strings.HasSuffix(line, "]") || strings.TrimSpace(line[1:len(line)-1]) == "" {
				return nil, fmt.Errorf("line %d: invalid section header %q", i+1, line)
			}
			name := strings.TrimSpace(line[1 : len(line)-1])
			if sections[name] == nil {
				sections[name] = map[string]string{}
			}
			cur = sections[name]
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok || cur == nil {
			continue
		}
		cur[normalizeKey(k)] = strings.TrimSpace(v)
	}
	return sections, nil
}
