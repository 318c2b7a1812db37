package emulator

import (
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// wantErr checks that err is the API error code: the Code of an API 3.0
// error, the module code (CodeDesc) of a legacy one, whose public code
// must be public.
func wantErr(t *testing.T, err error, code string, public ...string) {
	t.Helper()
	ae, ok := err.(*api.Error)
	if !ok {
		t.Fatalf("want %s, got %T %v", code, err, err)
	}
	got := ae.Code
	if ae.Style == api.Legacy {
		got = ae.CodeDesc
		if len(public) > 0 && ae.Code != public[0] {
			t.Fatalf("want public code %s for %s, got %v", public[0], code, err)
		}
	}
	if got != code {
		t.Fatalf("want %s, got %v", code, err)
	}
}

// network makes a VPC and one subnet in it through API 3.0.
func (e *env) network(vpcCIDR, subnetCIDR string) (vpcID, subnetID string) {
	e.t.Helper()
	vpcID = str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "net", "CidrBlock": vpcCIDR}), "Vpc", "VpcId"))
	subnetID = str(dig(e.must(api.V3, "CreateSubnet", params.Tree{"VpcId": vpcID, "SubnetName": "sub", "CidrBlock": subnetCIDR, "Zone": "ap-guangzhou-3"}), "Subnet", "SubnetId"))
	return vpcID, subnetID
}

// taskStatus polls a legacy task: "0" done, "1" failed, "2" running.
func (e *env) taskStatus(action string, task any) string {
	e.t.Helper()
	return str(dig(e.must(api.Legacy, action, params.Tree{"taskId": str(task)}), "data", "status"))
}

// settle moves the clock past the task delay used by the state tests.
func (e *env) settle() { e.clock.Advance(2 * time.Second) }

func rows(v any) []any { l, _ := v.([]any); return l }

// crash lets go of the state as a killed process would: the journal and
// the lock are closed, nothing is compacted.
func (s *Server) crash() {
	s.cloud.mu.Lock()
	defer s.cloud.mu.Unlock()
	if s.journal != nil {
		s.journal.f.Close()
		s.journal = nil
	}
	if s.stateLock != nil {
		s.stateLock.Close()
	}
}

func TestIDForm(t *testing.T) {
	for id, want := range map[string]bool{
		"vpc-12ab34cd": true, "vpc-12ab34c": false, "vpc-12ab34cde": false, "vpc-12AB34CD": false,
		"vpc-x-12ab34c": false, "subnet-12ab34cd": false, "vpc12ab34cd": false, "": false,
	} {
		if got := idOK(id, "vpc-"); got != want {
			t.Errorf("idOK(%q, vpc-) = %v", id, got)
		}
	}
}
