package emulator

import (
	"fmt"
	"strconv"
	"strings"
)

// Populate fills the store with vpcs VPCs of subnetsPerVPC subnets each,
// straight into the store (no requests, no rate limit): VPC i is
// 10.i.0.0/16 named populate-i, its subnet j 10.i.j.0/24 named
// populate-i-j in the region's first zone. It is how a test or a
// benchmark gets thousands of resources in a moment. At most 256 of each.
func (s *Server) Populate(vpcs, subnetsPerVPC int) error {
	if vpcs < 0 || vpcs > 256 || subnetsPerVPC < 0 || subnetsPerVPC > 256 {
		return fmt.Errorf("populate %dx%d: want at most 256 VPCs of at most 256 subnets", vpcs, subnetsPerVPC)
	}
	c := &call{srv: s, style: V3, now: s.now(), delay: s.opts.TaskDelay}
	s.cloud.mu.Lock()
	defer s.cloud.mu.Unlock()
	st := s.cloud.store(DefaultRegion)
	for i := range vpcs {
		v, rt := st.createVpc(c, "populate-"+strconv.Itoa(i), fmt.Sprintf("10.%d.0.0/16", i))
		for j := range subnetsPerVPC {
			sub := &Subnet{
				base: st.newBase(c, "subnet-"), VpcID: v.ID, Name: fmt.Sprintf("populate-%d-%d", i, j),
				CIDR: fmt.Sprintf("10.%d.%d.0/24", i, j), Zone: "ap-guangzhou-3", RouteTableID: rt.ID,
			}
			st.Subnets.put(sub)
		}
	}
	return nil
}

// ParsePopulate reads the --populate form VPCSxSUBNETS ("200x100").
func ParsePopulate(spec string) (vpcs, subnets int, err error) {
	a, b, ok := strings.Cut(strings.ToLower(spec), "x")
	vpcs, err1 := strconv.Atoi(a)
	subnets, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || vpcs < 0 || vpcs > 256 || subnets < 0 || subnets > 256 {
		return 0, 0, fmt.Errorf("%q: want VPCSxSUBNETS with each from 0 to 256, e.g. 200x100", spec)
	}
	return vpcs, subnets, nil
}
