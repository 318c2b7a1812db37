package emulator

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api/model"
)

// commonCodes are the common error codes every API 3.0 operation may
// answer (the manual's common error code table, seeds/004 line 962).
var commonCodes = map[string]bool{
	"InvalidParameter": true, "InvalidParameterValue": true, "MissingParameter": true,
	"UnknownParameter": true, "AuthFailure": true, "InternalError": true, "InvalidAction": true,
	"UnauthorizedOperation": true, "RequestLimitExceeded": true, "NoSuchVersion": true,
	"UnsupportedRegion": true, "UnsupportedOperation": true, "ResourceNotFound": true,
	"LimitExceeded": true, "ResourceUnavailable": true, "ResourceInsufficient": true,
	"FailedOperation": true, "ResourceInUse": true, "DryRunOperation": true,
}

// offTable are the codes the emulator answers today that are neither the
// operation's own (its page's error table, in the model) nor common. Each
// is a deviation to remove: the test fails on a new one, and on an entry
// no test produces any more, so this list only shrinks.
var offTable = map[string]bool{
	"legacy AcceptVpcPeeringConnection UnsupportedOperation.InvalidState":   true,
	"legacy CreateVpn InvalidVpc.NotFound":                                  true,
	"legacy EnableVpcPeeringConnection UnsupportedOperation.InvalidState":   true,
	"legacy ModifyVpcPeeringConnectionEx UnsupportedOperation.InvalidState": true,
	"legacy RejectVpcPeeringConnection UnsupportedOperation.InvalidState":   true,
	"legacy RenewVpn InvalidVpc.NotFound":                                   true,
	"legacy ResetVpnConnSA InvalidVpnConnState":                             true,
	"legacy RunVpnGw InvalidVpc.NotFound":                                   true,
	"v3 CreateVpnConnection UnsupportedOperation.InvalidState":              true,
}

var (
	seenMu    sync.Mutex
	seenCodes = map[string]bool{} // "style Action code"
)

func TestMain(m *testing.M) {
	observeError = func(style Style, action, code string) {
		seenMu.Lock()
		seenCodes[fmt.Sprintf("%s %s %s", style, action, code)] = true
		seenMu.Unlock()
	}
	code := m.Run()
	if code == 0 && !testing.Short() && flagRunAll() {
		if msg := checkCodes(); msg != "" {
			fmt.Fprint(os.Stderr, msg)
			code = 1
		}
	}
	os.Exit(code)
}

// flagRunAll: the check needs every test to have run.
func flagRunAll() bool {
	for _, a := range os.Args[1:] {
		if strings.HasPrefix(a, "-test.run") || strings.HasPrefix(a, "-test.skip") {
			return false
		}
	}
	return true
}

func checkCodes() string {
	var bad, stale []string
	for k := range seenCodes {
		f := strings.Fields(k)
		st := V3
		if f[0] == Legacy.String() {
			st = Legacy
		}
		op, ok := model.Find(f[1], st)
		if !ok || commonCodes[f[2]] || offTable[k] {
			continue
		}
		own := false
		for _, e := range op.Errors {
			own = own || e.Code == f[2]
		}
		if !own {
			bad = append(bad, k)
		}
	}
	for k := range offTable {
		if !seenCodes[k] {
			stale = append(stale, k)
		}
	}
	sort.Strings(bad)
	sort.Strings(stale)
	msg := ""
	if len(bad) > 0 {
		msg += "error codes outside the operation's table and the common codes:\n  " + strings.Join(bad, "\n  ") + "\n"
	}
	if len(stale) > 0 {
		msg += "offTable entries no test produces any more (remove them):\n  " + strings.Join(stale, "\n  ") + "\n"
	}
	return msg
}
