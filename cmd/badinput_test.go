package cmd

import (
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// Bad input of every kind: exit 2, nothing on stdout, the message names
// the flag (or argument), and the service sees nothing.
func TestBadInputIsRefusedBeforeSending(t *testing.T) {
	srv := testserver.New(t)
	long := strings.Repeat("x", 61)
	create := []string{"vpc", "create", "--name", "a", "--cidr-block", "10.0.0.0/16"}
	vpn := []string{"vpn", "conn", "create", "--vpc-id", "vpc-amhnao5x", "--vpn-gateway-id", "vpngw-dystbrkv",
		"--customer-gateway-id", "cgw-e098slul", "--name", "t", "--pre-shared-key", "k"}
	cases := []struct {
		names string // what the message must mention
		args  []string
		stdin string
	}{
		{"--name", override(create, "--name", "a\x01\nb"), ""},
		{"--name", override(create, "--name", "x\x7f"), ""},
		{"--name", override(create, "--name", long), ""},
		{"--name", append(create[:4:4], "--name", "b", "--cidr-block", "10.0.0.0/16"), ""},
		{"--dns-servers", append(create, "--dns-servers", "::1"), ""},
		{"--dns-servers", append(create, "--dns-servers", "1.1.1.1,2.2.2.2,3.3.3.3,4.4.4.4,5.5.5.5"), ""},
		{"--dns-servers", append(create, "--dns-servers", "999.1.1.1"), ""},
		{"--cidr-block", override(create, "--cidr-block", "10.0.0.0/33"), ""},
		{"--cidr-block", override(create, "--cidr-block", "fd00::/8"), ""},
		{"--cidr-block", override(create, "--cidr-block", "ten"), ""},
		{"--limit", []string{"vpc", "list", "--limit", "99999999999999999999"}, ""},
		{"--limit", []string{"vpc", "list", "--limit", "-1"}, ""},
		{"--limit", []string{"vpc", "list", "--limit", "many"}, ""},
		{"--offset", []string{"vpc", "list", "--offset", "-5"}, ""},
		{"--filter", []string{"vpc", "list", "--filter", "novalue"}, ""},
		{"--timeout", []string{"vpc", "list", "--timeout", "0s"}, ""},
		{"--timeout", []string{"vpc", "list", "--timeout", "soon"}, ""},
		{"--max-retries", []string{"vpc", "list", "--max-retries", "99"}, ""},
		{"--output", []string{"vpc", "list", "-o", "xml"}, ""},
		{"--output", []string{"vpc", "list", "-o", "text", "--output", "table"}, ""},
		{"--query", []string{"vpc", "list", "--query", "[", "-o", "text"}, ""},
		{"--endpoint", []string{"vpc", "list", "--endpoint", "ftp://x"}, ""},
		{"--endpoint", []string{"vpc", "list", "--endpoint", "localhost:80"}, ""},
		{"--signature-method", []string{"vpc", "list", "--signature-method", "md5"}, ""},
		{"--site", []string{"vpc", "list", "--site", "mars"}, ""},
		{"--language", []string{"vpc", "list", "--language", "fr"}, ""},
		{"--region", []string{"vpc", "list", "--region", "ap-guangzhou;x"}, ""},
		{"--region", []string{"vpc", "list", "--region", "ap-guangzhou", "--region", "ap-beijing"}, ""},
		{"--region", []string{"vpc", "list", "--region", "AP GUANGZHOU"}, ""},
		{"--profile", []string{"vpc", "list", "--profile", "../x"}, ""},
		{"VPC_ID", []string{"vpc", "show", "VPC-2ARI9M7H"}, ""},
		{"VPC_ID", []string{"vpc", "show", "vpc-2ari"}, ""},
		{"VPC_ID", []string{"vpc", "show", "subnet-2ari9m7h"}, ""},
		{"--vpc-id", []string{"subnet", "list", "--vpc-id", "vpc_bad"}, ""},
		{"--subnets", []string{"subnet", "create", "--legacy", "--vpc-id", "vpc-kd7d06of", "--subnets", "@/dev/zero"}, ""},
		{"--subnets", []string{"subnet", "create", "--legacy", "--vpc-id", "vpc-kd7d06of", "--subnets", `[{"subnetName":"a"}] junk`}, ""},
		{"--policies-json", []string{"sg", "rule", "set", "sg-ohuuioma", "--policies-json", "@-", "-y"}, `{"Ingress":[]} {"Egress":[]}`},
		{"--policies-json", []string{"sg", "rule", "set", "sg-ohuuioma", "--policies-json", "@/nonexistent.json", "-y"}, ""},
		{"--spd", append(vpn[:len(vpn):len(vpn)], "--spd", "10.0.0.0/16"), ""},
		{"--spd", append(vpn[:len(vpn):len(vpn)], "--spd", "@-"), "[1,"},
		{"--bandwidth", []string{"vpn", "gw", "create", "--vpc-id", "vpc-ngenl4az", "--name", "x", "--bandwidth", "lots"}, ""},
		{"--Limit", []string{"api", "DescribeVpcs", "--Limit", "1", "--Limit", "2"}, ""},
		{"--Filters", []string{"api", "DescribeVpcs", "--Filters", "@/missing.json"}, ""},
		{"--Filters", []string{"api", "DescribeVpcs", "--Filters", "@/dev/zero"}, ""},
		{"Filters", []string{"api", "DescribeVpcs", "--Filters", `[{"Name":"vpc-name","Values":"a"}]`}, ""},
		{"Filters.0.Name", []string{"api", "DescribeVpcs", "--Filters.0.Name", "a", "--Filters.0.Name", "b"}, ""},
		{"--param", []string{"api", "DescribeVpcs", "--param", "noequals"}, ""},
		{"--cli-input-json", []string{"api", "CreateVpc", "--cli-input-json", `{"VpcName":"a","CidrBlock":"10.0.0.0/16"} junk`}, ""},
		{"--cli-input-json", []string{"api", "CreateVpc", "--cli-input-json", "/dev/zero"}, ""},
		{"--cli-input-json", []string{"api", "CreateVpc", "--cli-input-json", "/missing.json"}, ""},
		{"--cli-input-json", []string{"api", "CreateVpc", "--cli-input-json", "-"}, "a: 1\n---\nb: 2\n"},
		{"--cli-input-json", []string{"api", "CreateVpc", "--cli-input-json", "-"}, "[1, 2]"},
	}
	r := run{env: envFor(srv)}
	for _, tc := range cases {
		r.stdin = tc.stdin
		res := r.exec(t, tc.args...)
		if res.code != 2 || res.stdout != "" || !strings.HasPrefix(res.err, "Error: ") || !strings.Contains(res.err, tc.names) {
			t.Errorf("tcvpc %q: exit %d, stdout %q, stderr %q; want exit 2 naming %s", tc.args, res.code, res.stdout, res.err, tc.names)
		}
	}
	if len(cases) < 50 {
		t.Fatalf("%d cases", len(cases))
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent for bad input", n)
	}
}
