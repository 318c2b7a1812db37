package cmd

import "github.com/tcvpc/tcvpc/pkg/params"

// firstField is a column (with an empty Path) showing the first of a
// row's fields that has a value: for replies whose pages spell a field
// two ways, or carry an old and a unified ID (unVpcId, vpcId).
func firstField(fields ...string) func(any) string {
	return func(row any) string {
		m, _ := row.(map[string]any)
		for _, f := range fields {
			if s := params.Scalar(m[f]); s != "" {
				return s
			}
		}
		return ""
	}
}
