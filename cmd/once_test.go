package cmd

import (
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// override returns base with each flag of extra (given as --flag VALUE,
// or a lone switch) replacing the same flag's value in base, or added.
func override(base []string, extra ...string) []string {
	out := append([]string{}, base...)
	for i := 0; i < len(extra); i++ {
		flag := extra[i]
		hasValue := i+1 < len(extra) && !strings.HasPrefix(extra[i+1], "-")
		replaced := false
		for j := range out {
			if out[j] == flag || (flag == "-o" && out[j] == "--output") {
				if hasValue && j+1 < len(out) {
					out[j+1] = extra[i+1]
				}
				replaced = true
				break
			}
		}
		if !replaced {
			out = append(out, flag)
			if hasValue {
				out = append(out, extra[i+1])
			}
		}
		if hasValue {
			i++
		}
	}
	return out
}

// A scalar flag given twice with different values is refused, naming it,
// before anything is sent; lists stay repeatable and a switch may repeat.
func TestScalarFlagGivenTwice(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(`"Vpc":{"VpcId":"vpc-2ari9m7h"}`), testserver.V3OK(`"TotalCount":0,"VpcSet":[]`))
	r := run{env: envFor(srv)}
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"vpc", "create", "--name", "a", "--name", "b", "--cidr-block", "10.0.0.0/16"}, "--name given more than once with different values; a flag takes one value"},
		{[]string{"vpc", "list", "-o", "text", "--output", "table"}, "--output given more than once with different values; a flag takes one value"},
		{[]string{"vpc", "list", "--region", "ap-guangzhou", "--region", "ap-beijing"}, "--region given more than once with different values; a flag takes one value"},
		{[]string{"api", "DescribeVpcs", "--Limit", "1", "--Limit", "2"}, "--Limit given more than once with different values; a flag takes one value"},
		{[]string{"api", "DescribeVpcs", "--Filters.0.Name", "vpc-name", "--Filters.0.Name", "vpc-id"}, "parameter Filters.0.Name given more than once; pass it once"},
	} {
		r.exec(t, tc.args...).expect(t, 2, "", "Error: "+tc.msg+"\n")
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent", n)
	}
	r.exec(t, "vpc", "create", "--name", "a", "--name", "a", "--cidr-block", "10.0.0.0/16", "-q", "-o", "text", "--query", "Vpc.VpcId").expect(t, 0, "vpc-2ari9m7h\n", "")
	r.exec(t, "vpc", "list", "--filter", "vpc-name=a", "--filter", "vpc-name=b", "-o", "text").expect(t, 0, "", "")
}
