package config

import "strings"

// legacyRegions maps API 3.0 region names to the legacy API's short names.
//
// The VPC manual (seeds/004_cb4c1ebc4616f197.txt) has no table of short
// names; it shows two on resources whose names say where they are:
// ap-guangzhou → gz (line 643, and lines 16704–16707: a group in region "gz"
// whose name is "Guangzhou security group"; the legacy examples send
// Region=gz, lines 7880, 7986) and ap-shanghai → sh (line 644; lines
// 16698–16701, a group named for Shanghai).
//
// The others follow the region list the official SDK documents for the
// legacy short names (tencentcloud-sdk-go dayu/v20180709 models.go, the
// Region field: "ca" is Toronto, "usw" Silicon Valley, "use" Ashburn).
// Unknown names pass through unchanged, as the manual's own legacy
// common-parameter example sends Region=ap-guangzhou (lines 7794–7797).
var legacyRegions = map[string]string{
	"ap-guangzhou":     "gz",
	"ap-shanghai":      "sh",
	"ap-beijing":       "bj",
	"ap-chengdu":       "cd",
	"ap-chongqing":     "cq",
	"ap-hongkong":      "hk",
	"ap-singapore":     "sg",
	"ap-seoul":         "kr",
	"ap-mumbai":        "in",
	"ap-bangkok":       "th",
	"ap-tokyo":         "jp",
	"eu-frankfurt":     "de",
	"eu-moscow":        "ru",
	"na-siliconvalley": "usw",
	"na-ashburn":       "use",
	"na-toronto":       "ca",
	"ap-shanghai-fsi":  "shjr",
	"ap-shenzhen-fsi":  "szjr",
}

// LegacyRegion maps an API 3.0 region name to the short name the legacy API
// uses where the manual supports one. Short names and unknown names pass
// through unchanged.
func LegacyRegion(region string) string {
	if short, ok := legacyRegions[strings.ToLower(strings.TrimSpace(region))]; ok {
		return short
	}
	return region
}

// RegionOf maps a region named either way (ap-guangzhou or gz) to its API
// 3.0 name, reporting whether the name is one of the known regions.
func RegionOf(name string) (string, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	if _, ok := legacyRegions[name]; ok {
		return name, true
	}
	for long, short := range legacyRegions {
		if short == name {
			return long, true
		}
	}
	return "", false
}

// ValidRegion reports whether s has the shape of a region name:
// lowercase letters, digits and single hyphens, starting with a letter,
// at most 40 characters (ap-guangzhou, ap-shanghai-fsi, gz).
func ValidRegion(s string) bool {
	if len(s) < 2 || len(s) > 40 || s[0] < 'a' || s[0] > 'z' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// RegionForm is the expected form of a region, for messages.
const RegionForm = "a region name such as ap-guangzhou (lowercase letters, digits and hyphens)"
