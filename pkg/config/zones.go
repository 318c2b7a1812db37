package config

import (
	"sort"
	"strings"
)

// Zone is an availability zone: its API 3.0 name and the legacy API's
// numeric zoneId (100003 for ap-guangzhou-3).
type Zone struct {
	Name     string
	LegacyID int
}

// zones are the availability zones of the regions tcvpc knows, for
// completion and for the legacy numeric IDs.
var zones = []Zone{
	{"ap-guangzhou-1", 100001}, {"ap-guangzhou-2", 100002}, {"ap-guangzhou-3", 100003}, {"ap-guangzhou-4", 100004},
	{"ap-shanghai-1", 200001}, {"ap-shanghai-2", 200002}, {"ap-shanghai-3", 200003},
	{"ap-hongkong-1", 300001}, {"ap-hongkong-2", 300002},
	{"ap-beijing-1", 800001}, {"ap-beijing-2", 800002}, {"ap-beijing-3", 800003},
	{"ap-singapore-1", 900001}, {"na-siliconvalley-1", 150001}, {"ap-chengdu-1", 160001}, {"ap-chengdu-2", 160002},
}

// Zones returns the known zones of a region (API 3.0 or legacy short
// name); of every region when region is "".
func Zones(region string) []Zone {
	region = strings.ToLower(strings.TrimSpace(region))
	for long, short := range legacyRegions {
		if region == short {
			region = long
		}
	}
	var out []Zone
	for _, z := range zones {
		if region == "" || strings.HasPrefix(z.Name, region+"-") && !strings.Contains(z.Name[len(region)+1:], "-") {
			out = append(out, z)
		}
	}
	return out
}

// Regions returns the API 3.0 region names tcvpc knows, sorted.
func Regions() []string {
	out := make([]string, 0, len(legacyRegions))
	for r := range legacyRegions {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// ProfileRegions returns the regions set in tcvpc's profiles, sorted.
func (l *Loader) ProfileRegions() []string {
	if l.Home == "" {
		return nil
	}
	doc, _, err := l.readTOML(l.configPath())
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	for _, keys := range profiles(doc) {
		if r := keys[KeyRegion]; r != "" {
			seen[r] = true
		}
	}
	out := make([]string, 0, len(seen))
	for r := range seen {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}
