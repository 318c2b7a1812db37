package emulator

import (
	"errors"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// TestFaultsAfterTheWork checks that each -after kind carries the create
// out and fails its reply, and that each kind before the work creates
// nothing, in both styles.
func TestFaultsAfterTheWork(t *testing.T) {
	type want struct {
		created bool
		check   func(error) bool
	}
	isCode := func(code string) func(error) bool {
		return func(err error) bool {
			var ae *api.Error
			return errors.As(err, &ae) && ae.Code == code
		}
	}
	isStatus := func(err error) bool {
		var ae *api.Error
		return errors.As(err, &ae) && ae.HTTPStatus >= 500
	}
	isNetwork := func(err error) bool {
		var ae *api.Error
		return err != nil && !errors.As(err, &ae)
	}
	for _, tc := range []struct {
		spec  string
		style api.Style
		want
	}{
		{"5xx-after=1", api.V3, want{true, isStatus}},
		{"5xx-after=1", api.Legacy, want{true, isStatus}},
		{"internal-after=1", api.V3, want{true, isCode("InternalError")}},
		{"internal-after=1", api.Legacy, want{true, isCode("6000")}},
		{"drop-after=1", api.V3, want{true, isNetwork}},
		{"drop-after=1", api.Legacy, want{true, isNetwork}},
		{"5xx=1", api.V3, want{false, isStatus}},
		{"internal=1", api.Legacy, want{false, isCode("6000")}},
		{"drop=1", api.V3, want{false, isNetwork}},
	} {
		t.Run(tc.spec+"/"+tc.style.String(), func(t *testing.T) {
			e := start(t, Options{Faults: tc.spec})
			p := params.Tree{"VpcName": "maybe", "CidrBlock": "10.0.0.0/16"}
			if tc.style == api.Legacy {
				p = params.Tree{"vpcName": "maybe", "cidrBlock": "10.0.0.0/16"}
			}
			_, err := e.do(tc.style, "CreateVpc", p)
			if !tc.check(err) {
				t.Fatalf("reply: %T %v", err, err)
			}
			n := e.srv.Store().VPCs.len()
			if created := n == 1; created != tc.created || n > 1 {
				t.Fatalf("%d VPCs in the store, want created=%v", n, tc.created)
			}
		})
	}
}

func TestParseFaultsAfter(t *testing.T) {
	f, err := ParseFaults("5xx-after=0.25,internal-after=0.25,drop-after=0.25,internal=0.25")
	if err != nil {
		t.Fatal(err)
	}
	if f.p[fault5xxAfter] != 0.25 || f.p[faultInternalAfter] != 0.25 || f.p[faultDropAfter] != 0.25 || f.p[faultInternal] != 0.25 {
		t.Fatalf("parsed %v", f.p)
	}
	if _, err := ParseFaults("drop-after=0.6,drop=0.6"); err == nil {
		t.Fatal("probabilities above 1 in all accepted")
	}
	if _, err := ParseFaults("late-5xx=0.1"); err == nil {
		t.Fatal("unknown kind accepted")
	}
}
