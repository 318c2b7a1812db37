package cmd

import "testing"

// Did you mean: subcommands at every depth, and flags.
func TestDidYouMean(t *testing.T) {
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"vpc", "delet", "vpc-2ari9m7h"}, `unknown command "delet" for "tcvpc vpc" (did you mean delete?); see 'tcvpc vpc --help'`},
		{[]string{"vpn", "con", "list"}, `unknown command "con" for "tcvpc vpn" (did you mean conn?); see 'tcvpc vpn --help'`},
		{[]string{"vpn", "conn", "rest", "vpnx-f29e6u0z"}, `unknown command "rest" for "tcvpc vpn conn" (did you mean reset?); see 'tcvpc vpn conn --help'`},
		{[]string{"vpc", "create", "--nme", "a"}, "unknown flag: --nme (did you mean --name?)"},
		{[]string{"vpc", "list", "--regoin", "ap-guangzhou"}, "unknown flag: --regoin (did you mean --region?)"},
		{[]string{"vpn", "conn", "frobnicate"}, `unknown command "frobnicate" for "tcvpc vpn conn"; see 'tcvpc vpn conn --help'`},
	} {
		run{}.exec(t, tc.args...).expect(t, 2, "", "Error: "+tc.msg+"\n")
	}
}
