package params

import (
	"reflect"
	"strings"
	"testing"
)

// FuzzUnflatten: any set of NAME=VALUE lines either unflattens or is a
// clear error, never a panic; what unflattens flattens back to the same
// names and unflattens to the same tree.
func FuzzUnflatten(f *testing.F) {
	for _, seed := range []string{
		"Filters.0.Name=vpc-name\nFilters.0.Values.0=a\nFilters.0.Values.1=b",
		"subnetSet.0.cidrBlock=10.0.1.0/24\nsubnetSet.0.zoneId=100003",
		"a.1=x", "a=1\na.0=2", "a..b=1", ".=x", "a.b.c.d=1\na.b.e=2", "x.00=1",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, lines string) {
		flat := map[string]string{}
		for _, line := range strings.Split(lines, "\n") {
			k, v, _ := strings.Cut(line, "=")
			flat[k] = v
		}
		tree, err := Unflatten(flat)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		again, err := Unflatten(Flatten(tree))
		if err != nil {
			t.Fatalf("re-unflattening %v: %v", Flatten(tree), err)
		}
		if !reflect.DeepEqual(Flatten(again), Flatten(tree)) {
			t.Fatalf("round trip changed %v into %v", Flatten(tree), Flatten(again))
		}
	})
}
