package emulator

import (
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/config"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// commonV3 are the API 3.0 common error codes (manual 004, ~line 912);
// a code whose first segment is one of them is a documented family.
var commonV3 = []string{
	"InvalidParameter", "InvalidParameterValue", "MissingParameter", "UnknownParameter",
	"AuthFailure", "InternalError", "UnauthorizedOperation", "RequestLimitExceeded",
	"UnsupportedOperation", "ResourceNotFound", "LimitExceeded", "ResourceUnavailable",
	"ResourceInsufficient", "FailedOperation", "ResourceInUse",
}

// commonLegacy are the legacy public codes (manual 004, ~line 7990).
var commonLegacy = map[string]bool{"4000": true, "4100": true, "4200": true, "4300": true, "4400": true, "4500": true,
	"5000": true, "5100": true, "5200": true, "5300": true, "5400": true, "6000": true}

func documented(op *model.Operation, code string) bool {
	// The legacy VPC error page (004, ~line 8480) makes this one common.
	if op.Style == model.Legacy && code == "InvalidVpc.NotFound" {
		return true
	}
	for _, e := range op.Errors {
		if e.Code == code {
			return true
		}
	}
	head, _, _ := strings.Cut(code, ".")
	for _, c := range commonV3 {
		if head == c || code == c {
			return true
		}
	}
	return false
}

// TestEveryOperationAnswers sends each operation's documented example
// and checks the reply is a well-formed envelope: a success, or an error
// whose code the page or the common tables document. Never InvalidAction,
// never a server failure.
func TestEveryOperationAnswers(t *testing.T) {
	e := start(t, Options{RateLimit: -1})
	ops := model.All()
	if len(ops) < 200 {
		t.Fatalf("only %d operations in the model", len(ops))
	}
	for i := range ops {
		op := &ops[i]
		style := api.V3
		if op.Style == model.Legacy {
			style = api.Legacy
		}
		flat := map[string]string{}
		for _, kv := range op.Example {
			flat[kv.Key] = kv.Value
		}
		tree, err := params.Unflatten(flat)
		if err != nil {
			t.Fatalf("%s: %v", op.Action, err)
		}
		method := "" // TC3 for API 3.0, HmacSHA256 for the legacy API
		if i%3 == 1 {
			method = "HmacSHA1" // exercise the query-signed API 3.0 form too
		}
		// An example naming a zone is sent to that zone's region.
		cfg := api.Config{SecretID: DemoSecretID, SecretKey: DemoSecretKey, Region: "ap-guangzhou", LegacyRegion: "gz", Endpoint: e.ts.URL, SignatureMethod: method}
		for k, v := range flat {
			if z, ok := zoneFromLegacy(v); ok && strings.HasSuffix(k, "zoneId") {
				cfg.Region = regionOfZone(z)
				cfg.LegacyRegion = config.LegacyRegion(cfg.Region)
			}
		}
		reply, err := api.New(cfg).Do(t.Context(), api.Request{Action: op.Action, Style: style, Params: tree})
		if err == nil {
			if style == api.V3 && !requestRE.MatchString(reply.RequestID) {
				t.Errorf("%s %s: RequestId %q", style, op.Action, reply.RequestID)
			}
			continue
		}
		ae, ok := err.(*api.Error)
		if !ok || ae.HTTPStatus != 200 {
			t.Errorf("%s %s: not an envelope: %v", style, op.Action, err)
			continue
		}
		switch {
		case ae.Code == "InvalidAction" || ae.CodeDesc == "InvalidAction":
			t.Errorf("%s %s: InvalidAction", style, op.Action)
		case ae.Code == "InternalError" || ae.Code == "6000":
			t.Errorf("%s %s: %v", style, op.Action, err)
		case style == api.Legacy && (!commonLegacy[ae.Code] || !documented(op, ae.CodeDesc)):
			t.Errorf("%s %s: undocumented code %s/%s: %v", style, op.Action, ae.Code, ae.CodeDesc, err)
		case style == api.V3 && !documented(op, ae.Code):
			t.Errorf("%s %s: undocumented code %s: %v", style, op.Action, ae.Code, err)
		}
	}
}
