package emulator

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
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

// offTable are the codes a handler can answer (TestErrorTable's static
// table) that are neither the operation's own (its page's error table, in
// the model) nor common, each with the reason it is kept. Each is a
// deviation to remove: TestErrorTable fails on a new one, and on an entry
// no handler answers any more, so this list only shrinks.
var offTable = map[string]string{}

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

// checkCodes checks the codes the tests saw against the static table:
// a code a handler answered that the table does not hold is a construct
// the table's analysis misses.
func checkCodes() string {
	tab, err := staticErrorTable()
	if err != nil {
		return err.Error() + "\n"
	}
	rows := map[string]*errorRow{}
	for _, r := range tab {
		rows[r.style.String()+" "+r.action] = r
	}
	var missed []string
	for k := range seenCodes {
		f := strings.Fields(k)
		r := rows[f[0]+" "+f[1]]
		if r != nil && !r.has(f[2]) {
			missed = append(missed, k)
		}
	}
	sort.Strings(missed)
	if len(missed) == 0 {
		return ""
	}
	return "error codes the tests saw that TestErrorTable's table lacks (teach its analysis the construct):\n  " + strings.Join(missed, "\n  ") + "\n"
}
