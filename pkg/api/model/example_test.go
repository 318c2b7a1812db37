package model

import (
	"maps"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/params"
)

// noExample lists the operations whose page shows no example request.
var noExample = map[string]string{
	"v3/DeleteVpnGateway":             "004:4275: the page's example heading is followed by nothing",
	"v3/ModifyVpnConnectionAttribute": "004:5002: the page's example heading is followed by nothing",
}

func TestExamplesValidate(t *testing.T) {
	for _, op := range All() {
		key := op.Style.String() + "/" + op.Action
		t.Run(key, func(t *testing.T) {
			if reason, ok := noExample[key]; ok {
				if len(op.Example) != 0 {
					t.Fatalf("listed as having no example (%s) but has %v", reason, op.Example)
				}
				t.Skip(reason)
			}
			flat := map[string]string{}
			for _, kv := range op.Example {
				if _, dup := flat[kv.Key]; dup {
					t.Fatalf("example repeats %s", kv.Key)
				}
				flat[kv.Key] = kv.Value
			}
			tree, err := params.Unflatten(flat)
			if err != nil {
				t.Fatalf("%s: Unflatten: %v", op.Source, err)
			}
			typed, err := op.Coerce(tree)
			if err != nil {
				t.Fatalf("%s: example does not validate: %v", op.Source, err)
			}
			if err := op.Validate(typed); err != nil {
				t.Fatalf("%s: coerced example does not validate: %v", op.Source, err)
			}
			if got := params.Flatten(tree); !maps.Equal(got, flat) {
				t.Fatalf("Flatten(Unflatten(example)) = %v, want %v", got, flat)
			}
			if got := params.Flatten(typed); !maps.Equal(got, flat) {
				t.Fatalf("Flatten(Coerce(example)) = %v, want %v", got, flat)
			}
		})
	}
}
