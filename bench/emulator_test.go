package bench

import (
	"context"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/emulator"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// pageClient is an emulator populated with vpcs×100 subnets, and a
// client of it. The rate limit is off: the benchmark asks faster than
// 100/s on purpose, to see the cost of one page.
func pageClient(b *testing.B, vpcs int) *api.Client {
	srv, err := emulator.New(emulator.Options{RateLimit: -1, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	if err := srv.Populate(vpcs, 100); err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	b.Cleanup(ts.Close)
	return api.New(api.Config{SecretID: emulator.DemoSecretID, SecretKey: emulator.DemoSecretKey, Region: "ap-guangzhou", Endpoint: ts.URL, Rate: -1})
}

var pageReq = api.Request{Action: "DescribeSubnets", Style: api.V3, Params: params.Tree{"Offset": "200", "Limit": "100"}}

// BenchmarkEmulatorSubnetPage is one signed DescribeSubnets page of 100
// over loopback at 500 and at 20,000 subnets.
func BenchmarkEmulatorSubnetPage(b *testing.B) {
	for _, vpcs := range []int{5, 200} {
		b.Run(map[int]string{5: "subnets=500", 200: "subnets=20000"}[vpcs], func(b *testing.B) {
			c := pageClient(b, vpcs)
			for b.Loop() {
				if _, err := c.Do(context.Background(), pageReq); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEmulatorSubnetPageRatio measures the same page at 20,000 and at
// 500 subnets side by side, in alternating rounds, and reports the median
// of the per-round ratios (target: at most 1.5).
func BenchmarkEmulatorSubnetPageRatio(b *testing.B) {
	small, large := pageClient(b, 5), pageClient(b, 200)
	const perRound = 50
	timeIt := func(c *api.Client) time.Duration {
		t0 := time.Now()
		for range perRound {
			if _, err := c.Do(context.Background(), pageReq); err != nil {
				b.Fatal(err)
			}
		}
		return time.Since(t0)
	}
	var ratios []float64
	for b.Loop() {
		s := timeIt(small)
		l := timeIt(large)
		ratios = append(ratios, float64(l)/float64(s))
	}
	slices.Sort(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "median-20k/500")
}
