package emulator

import (
	"encoding/binary"
	"github.com/tcvpc/tcvpc/pkg/config"
	"net/netip"
	"strconv"
	"strings"
)

// privateRanges are where a VPC's CIDR may lie (the manual: 10.0.0.0/8,
// 172.16.0.0/12 and 192.168.0.0/16 and what they contain).
var privateRanges = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"),
}

// parseCIDR reads an IPv4 CIDR whose address is its network address.
func parseCIDR(s string) (netip.Prefix, bool) {
	p, err := netip.ParsePrefix(s)
	if err != nil || !p.Addr().Is4() || p.Masked() != p {
		return netip.Prefix{}, false
	}
	return p, true
}

// within reports whether inner lies entirely inside outer.
func within(inner, outer netip.Prefix) bool {
	return inner.Bits() >= outer.Bits() && outer.Contains(inner.Addr())
}

func overlaps(a, b netip.Prefix) bool { return a.Overlaps(b) }

// vpcCIDROK is the manual's rule: a private range, mask 16 to 28.
func vpcCIDROK(p netip.Prefix) bool {
	if p.Bits() < 16 || p.Bits() > 28 {
		return false
	}
	for _, r := range privateRanges {
		if within(p, r) {
			return true
		}
	}
	return false
}

// hostCount is the usable addresses of a subnet: the service reserves the
// network address, the gateway (.1) and the broadcast address.
func hostCount(p netip.Prefix) int {
	n := 1 << (32 - p.Bits())
	if n < 4 {
		return 0
	}
	return n - 3
}

func ipToUint(a netip.Addr) uint32 {
	b := a.As4()
	return binary.BigEndian.Uint32(b[:])
}

func uintToIP(u uint32) netip.Addr {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], u)
	return netip.AddrFrom4(b)
}

// freeIP returns the lowest usable address of p not in used.
func freeIP(p netip.Prefix, used map[string]bool) (string, bool) {
	first := ipToUint(p.Addr())
	size := uint32(1) << (32 - p.Bits())
	for off := uint32(2); off+1 < size; off++ {
		ip := uintToIP(first + off).String()
		if !used[ip] {
			return ip, true
		}
	}
	return "", false
}

// hostIn reports whether ip is a usable address of p.
func hostIn(p netip.Prefix, ip string) bool {
	a, err := netip.ParseAddr(ip)
	if err != nil || !a.Is4() || !p.Contains(a) {
		return false
	}
	off := ipToUint(a) - ipToUint(p.Addr())
	size := uint32(1) << (32 - p.Bits())
	return off >= 2 && off+1 < size
}

func isPublicIPv4(s string) bool {
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is4() {
		return false
	}
	return !(a.IsPrivate() || a.IsLoopback() || a.IsMulticast() || a.IsUnspecified() || a.IsLinkLocalUnicast() || a == netip.AddrFrom4([4]byte{255, 255, 255, 255}))
}

// The zones with a legacy numeric zoneId are pkg/config's (one table for
// the emulator and completion); other API 3.0 zones are accepted and have
// no legacy number.

// regionOfZone is the region a zone name belongs to: the name without its
// last "-N".
func regionOfZone(zone string) string {
	i := strings.LastIndexByte(zone, '-')
	if i < 0 {
		return ""
	}
	if _, err := strconv.Atoi(zone[i+1:]); err != nil {
		return ""
	}
	return zone[:i]
}

// zoneOK reports whether zone is one of region's zones: for the regions the
// zone table knows, one of those; for the other known regions, REGION-1
// to REGION-9 (the emulator has no list of their zones).
func zoneOK(region, zone string) bool {
	if regionOfZone(zone) != region {
		return false
	}
	listed := false
	for _, z := range config.Zones("") {
		if z.Name == zone {
			return true
		}
		listed = listed || regionOfZone(z.Name) == region
	}
	n, _ := strconv.Atoi(zone[len(region)+1:])
	return !listed && n >= 1 && n <= 9
}

// defaultZone is the zone a default subnet of region goes to.
func defaultZone(region string) string {
	if region == DefaultRegion {
		return "ap-guangzhou-3"
	}
	for _, z := range config.Zones("") {
		if regionOfZone(z.Name) == region {
			return z.Name
		}
	}
	return region + "-1"
}

func zoneIDOf(name string) int {
	for _, z := range config.Zones("") {
		if z.Name == name {
			return z.LegacyID
		}
	}
	return 0
}

// zoneFromLegacy turns a legacy zoneId ("800001") into the zone name.
func zoneFromLegacy(id string) (string, bool) {
	n, err := strconv.Atoi(id)
	if err != nil {
		return "", false
	}
	for _, z := range config.Zones("") {
		if z.LegacyID == n {
			return z.Name, true
		}
	}
	return "", false
}

// legacyZone reads a legacy numeric zoneId of region, as zoneOK reads a
// name: for a region the zone table knows, the number of one of its zones
// (with the zone's name); for another known region, where zoneOK takes
// REGION-1 to REGION-9, a number RRR00N with N from 1 to 9 whose RRR is
// no listed region's (it has no name here).
func legacyZone(region, id string) (name string, n int, ok bool) {
	if z, known := zoneFromLegacy(id); known {
		return z, 0, regionOfZone(z) == region
	}
	n, err := strconv.Atoi(id)
	if err != nil || n < 100001 || n > 999999 || n%1000 < 1 || n%1000 > 9 {
		return "", 0, false
	}
	for _, z := range config.Zones("") {
		if regionOfZone(z.Name) == region || z.LegacyID/1000 == n/1000 {
			return "", 0, false
		}
	}
	return "", n, true
}

// idOK reports whether id has the documented form: prefix ("vpc-") and 8
// lower-case letters or digits.
func idOK(id, prefix string) bool {
	rest, ok := strings.CutPrefix(id, prefix)
	if !ok || len(rest) != 8 {
		return false
	}
	for _, r := range rest {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}
