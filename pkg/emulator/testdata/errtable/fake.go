// Package fake is a small handler package for TestErrorTableAnalysis: each
// construct the error table must follow, with the codes it must find.
package fake

import "github.com/tcvpc/tcvpc/pkg/api/model"

const (
	V3     = model.V3
	Legacy = model.Legacy
)

type apiError struct {
	Code    string
	Message string
	Public  int
}

type Store struct{ VPCs table[*VPC] }

type call struct {
	style model.Style
	op    *model.Operation
}

type handler func(c *call, st *Store) (map[string]any, *apiError)

func (c *call) pick(codes ...string) string { return codes[len(codes)-1] }

func errf(code, format string, args ...any) *apiError { return &apiError{Code: code} }

func lerrf(public int, code, format string, args ...any) *apiError {
	return &apiError{Code: code, Public: public}
}

type table[P any] struct{ byID map[string]P }

func (t *table[P]) get(id string) P { return t.byID[id] }

// kind is a generic descriptor whose methods build the codes from its
// fields.
type kind[P any] struct {
	code      string
	rows      func(*Store) *table[P]
	legacyErr func(suffix string) *apiError
}

func (k *kind[P]) find(c *call, st *Store) (P, *apiError) {
	v := k.rows(st).get("x")
	var zero P
	if v != zero {
		return v, nil
	}
	if c.style == Legacy && k.legacyErr != nil {
		return zero, k.legacyErr("NotFound")
	}
	return zero, errf(c.pick(k.code+".NotFound", "ResourceNotFound"), "")
}

var vpcs = &kind[*VPC]{code: "InvalidVpcId", rows: func(s *Store) *table[*VPC] { return &s.VPCs }}

type VPC struct{ busy bool }

// check is found through find's type argument, not by its name.
func (v *VPC) check(c *call) *apiError {
	if v.busy {
		return errf("VpcCheck", "")
	}
	return nil
}

type Other struct{ busy bool }

func (o *Other) check(c *call) *apiError {
	if o.busy {
		return errf("OtherCheck", "")
	}
	return nil
}

func registerFake(h map[string]handler) {
	for _, style := range []string{"v3/", "legacy/"} {
		h[style+"DeleteVpc"] = deleteVpc
	}
	h["v3/CreateVpc"] = withCode("FromParameter")
	for _, x := range []struct{ action, code string }{{"ModifyVpcAttribute", "FromList"}} {
		h["v3/"+x.action] = withCode(x.code)
	}
}

func deleteVpc(c *call, st *Store) (map[string]any, *apiError) {
	v, err := vpcs.find(c, st)
	if err != nil {
		return nil, err
	}
	if err := v.check(c); err != nil {
		return nil, err
	}
	if c.style == V3 {
		// NotListedAnywhere is on no page: never answered.
		return nil, errf(c.pick("NotListedAnywhere", "InvalidParameter"), "")
	}
	return nil, lerrf(4000, "LegacyOnly", "")
}

func withCode(code string) handler {
	return func(c *call, st *Store) (map[string]any, *apiError) { return nil, errf(code, "") }
}
