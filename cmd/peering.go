package cmd

import (
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// VPC peering commands: the legacy peering connection pages. Every operation
// but DescribeVpcPeeringConnections comes twice: for a connection inside
// one region (CreateVpcPeeringConnection …, synchronous) and across regions
// (CreateVpcPeeringConnectionEx …, asynchronous: the reply carries a
// taskId at its top level, polled with DescribeVpcTaskResult).
//
// A declaration runs one legacy operation, so each verb exists twice: the
// same-region one as `peering VERB` and the cross-region one as
// `peering cross-region VERB`, declared side by side by peeringPair.
var (
	peeringArg = &Param{Flag: "PEERING_CONNECTION_ID", Legacy: "peeringConnectionId"}

	peeringName    = Param{Flag: "name", Legacy: "peeringConnectionName", Usage: "name of the peering connection (up to 60 characters)"}
	peeringVpcID   = Param{Flag: "vpc-id", Legacy: "vpcId", Usage: "ID of the requester's VPC"}
	peeringPeerVpc = Param{Flag: "peer-vpc-id", Legacy: "peerVpcId", Shape: "vpc", Usage: "ID of the accepter's VPC"}
	peeringPeerUin = Param{Flag: "peer-uin", Legacy: "peerUin", Check: wholeNumberCheck(false, "an account ID (UIN) such as 2407912486"),
		Usage: "account ID (UIN) of the accepter; your own UIN for a connection between your VPCs"}
)

// peeringTaskColumns show the task a cross-region operation started.
var peeringTaskColumns = []output.Column{{Header: "TASK ID", Path: "taskId"}}

var peeringColumns = []output.Column{
	{Header: "ID", Path: "peeringConnectionId"},
	{Header: "NAME", Path: "peeringConnectionName"},
	{Header: "VPC", Format: firstField("unVpcId", "vpcId")},
	{Header: "PEER VPC", Format: firstField("unPeerVpcId", "peerVpcId")},
	{Header: "PEER UIN", Path: "peerUin"},
	{Header: "STATE", Path: "state", Format: peeringState},
	{Header: "CREATED", Path: "createTime"},
}

const peeringStatesUsage = "0 pending, 1 active, 2 expired, 3 rejected by the accepter, 4 deleted by the accepter"

func peeringCommands() []Command {
	cmds := []Command{
		{
			Path:    "peering list",
			Aliases: []string{"ls"},
			Short:   "List VPC peering connections",
			Long: `List the VPC peering connections of the region, same-region and cross-region
alike. STATE is one of pending, active, expired, rejected and deleted (by the
accepter); -o json shows the API's number (` + peeringStatesUsage + `).`,
			Example: `  tcvpc peering list
  tcvpc peering list --vpc-id vpc-8e0ypm3z --state 1
  tcvpc peering list --all -o json`,
			Legacy: "DescribeVpcPeeringConnections",
			Params: []Param{
				{Flag: "vpc-id", Legacy: "vpcId", Usage: "only connections requested from this VPC"},
				{Flag: "name", Legacy: "peeringConnectionName", Usage: "only connections with this name"},
				{Flag: "state", Legacy: "state", Usage: "only connections in this state: " + peeringStatesUsage},
			},
			Hide:       []string{"peeringConnectionId"},
			List:       &List{LegacyRows: "data", LegacyTotal: "totalCount"},
			LegacyView: View{Rows: "data", Columns: peeringColumns},
		},
		{
			Path:    "peering show",
			Short:   "Show a VPC peering connection",
			Example: `  tcvpc peering show pcx-dt8c7fa0`,
			Legacy:  "DescribeVpcPeeringConnections",
			Arg:     peeringArg,
			Noun:    "peering connection",
			Hide: []string{"vpcId", "peeringConnectionName", "state", "offset", "limit",
				"orderField", "orderDirection"},
			LegacyView: View{Rows: "data", Single: true},
		},
	}
	cmds = append(cmds,
		Command{
			Path:  "peering create",
			Short: "Request a peering connection between two VPCs of one region",
			Long: `Request a peering connection between two VPCs of the region; their CIDR
blocks must not overlap. A connection to another account's VPC takes effect
once the accepter runs 'tcvpc peering accept'; one between your own VPCs at
once. Same-region peering is free and has no bandwidth limit.

For VPCs in two regions use 'tcvpc peering cross-region create'.`,
			Example:    `  tcvpc peering create --vpc-id vpc-erxok83l --peer-vpc-id vpc-kx49lmyv --peer-uin 2407912486 --name tses`,
			Legacy:     "CreateVpcPeeringConnection",
			Params:     []Param{peeringVpcID, peeringPeerVpc, peeringPeerUin, peeringName},
			LegacyView: View{Columns: []output.Column{{Header: "ID", Path: "peeringConnectionId"}}},
		},
		Command{
			Path:  "peering cross-region create",
			Short: "Request a peering connection between VPCs of two regions",
			Long: `Request a peering connection between a VPC of the region and one of
--peer-region; their CIDR blocks must not overlap. A connection to another
account's VPC takes effect once the accepter runs
'tcvpc peering cross-region accept'. Cross-region peering is billed by
bandwidth.

The operation finishes asynchronously: the command prints the task ID
(follow it with 'tcvpc task wait TASK_ID'), and 'tcvpc peering list' shows
the new connection once the task has succeeded.`,
			Example: `  tcvpc peering cross-region create --vpc-id vpc-erxok83l --peer-vpc-id vpc-kx49lmyv \
    --peer-uin 2407912486 --peer-region sh --bandwidth 20 --name tses`,
			Legacy: "CreateVpcPeeringConnectionEx",
			Params: []Param{peeringVpcID, peeringPeerVpc, peeringPeerUin, peeringName,
				{Flag: "peer-region", Legacy: "peerRegion", Check: legacyRegionCheck,
					Usage: "region of the accepter's VPC, as the legacy API names it: gz, sh, bj, cd, hk …"},
				{Flag: "bandwidth", Legacy: "bandwidth", Check: wholeNumberCheck(false, "a whole number of Mbit/s such as 20"),
					Usage: "bandwidth limit in Mbit/s, e.g. 10, 20, 50, 100, 200, 500 or 1000"},
				{Flag: "type", Legacy: "type", Usage: "1 between VPCs (default), 2 between a VPC and a bare metal network"},
			},
			Noun: "peering connection", Doing: "Creating",
			LegacyView: View{Columns: peeringTaskColumns},
		},
	)
	cmds = append(cmds, peeringPair(
		Command{
			Path:  "peering accept",
			Short: "Accept a peering connection another account requested",
			Long: `Accept a same-region peering connection another account requested from one
of your VPCs; it takes effect at once. Route traffic through it with a route
whose next hop is the connection.`,
			Example: `  tcvpc peering accept pcx-6gw5wvmk`,
			Legacy:  "AcceptVpcPeeringConnection",
		},
		Command{
			Path:  "peering cross-region accept",
			Short: "Accept a cross-region peering connection another account requested",
			Example: `  tcvpc peering cross-region accept pcx-6gw5wvmk
  tcvpc peering cross-region accept pcx-6gw5wvmk --wait`,
			Legacy: "AcceptVpcPeeringConnectionEx",
		},
		"", "Accepted", "Accepting",
	)...)
	cmds = append(cmds, peeringPair(
		Command{
			Path:    "peering reject",
			Short:   "Reject a peering connection another account requested",
			Example: `  tcvpc peering reject pcx-8g675gr8 --yes`,
			Legacy:  "RejectVpcPeeringConnection",
		},
		Command{
			Path:    "peering cross-region reject",
			Short:   "Reject a cross-region peering connection another account requested",
			Example: `  tcvpc peering cross-region reject pcx-8g675gr8 --yes`,
			Legacy:  "RejectVpcPeeringConnectionEx",
		},
		"reject", "Rejected", "Rejecting",
	)...)
	cmds = append(cmds, peeringPair(
		Command{
			Path:  "peering enable",
			Short: "Renew an expired peering connection request",
			Long: `Renew a peering connection request the accepter left unanswered for 7 days:
it becomes pending again and the accepter is notified.`,
			Example: `  tcvpc peering enable pcx-6gw5wvmk`,
			Legacy:  "EnableVpcPeeringConnection",
		},
		Command{
			Path:    "peering cross-region enable",
			Short:   "Renew an expired cross-region peering connection request",
			Example: `  tcvpc peering cross-region enable pcx-6gw5wvmk`,
			Legacy:  "EnableVpcPeeringConnectionEx",
		},
		"", "Enabled", "Enabling",
	)...)
	cmds = append(cmds, peeringPair(
		Command{
			Path:    "peering modify",
			Short:   "Rename a peering connection",
			Example: `  tcvpc peering modify pcx-krmzap90 --name uuuuuuu`,
			Legacy:  "ModifyVpcPeeringConnection",
			Params:  []Param{peeringName},
		},
		Command{
			Path:    "peering cross-region modify",
			Short:   "Rename a cross-region peering connection or change its bandwidth",
			Example: `  tcvpc peering cross-region modify pcx-krmzap90 --bandwidth 50`,
			Legacy:  "ModifyVpcPeeringConnectionEx",
			Params: []Param{peeringName,
				{Flag: "bandwidth", Legacy: "bandwidth", Usage: "bandwidth limit in Mbit/s: 10, 20, 50, 100, 200, 500 or 1000"}},
		},
		"", "Modified", "Modifying",
	)...)
	cmds = append(cmds, peeringPair(
		Command{
			Path:    "peering delete",
			Aliases: []string{"rm"},
			Short:   "Delete a peering connection",
			Long: `Delete a peering connection; either side can. It stops at once, and the
routes through it are deleted from the route tables.`,
			Example: `  tcvpc peering delete pcx-0jtgah4s`,
			Legacy:  "DeleteVpcPeeringConnection",
		},
		Command{
			Path:    "peering cross-region delete",
			Aliases: []string{"rm"},
			Short:   "Delete a cross-region peering connection",
			Example: `  tcvpc peering cross-region delete pcx-0jtgah4s --yes`,
			Legacy:  "DeleteVpcPeeringConnectionEx",
		},
		"delete", "Deleted", "Deleting",
	)...)
	return cmds
}

// peeringPair completes the same-region and cross-region forms of a verb
// acting on one connection: they take its ID, confirm when confirm is set,
// and show a success line (same region) or the task ID (cross region).
func peeringPair(same, cross Command, confirm, done, doing string) []Command {
	for i, c := range []*Command{&same, &cross} {
		c.Arg = peeringArg
		c.Noun, c.Done, c.Doing, c.Confirm = "peering connection", done, doing, confirm
		if i == 0 {
			c.LegacyView = View{Quiet: true}
		} else {
			c.LegacyView = View{Columns: peeringTaskColumns}
			if c.Long == "" {
				c.Long = c.Short + `.

The operation finishes asynchronously: the command prints the task ID, and
--wait polls DescribeVpcTaskResult until the task has succeeded or failed
(or follow it later with 'tcvpc task wait TASK_ID').`
			}
		}
	}
	return []Command{same, cross}
}

// peeringState names the documented states; others show as received.
func peeringState(v any) string {
	s := params.Scalar(v)
	if name, ok := map[string]string{"0": "pending", "1": "active", "2": "expired", "3": "rejected", "4": "deleted"}[s]; ok {
		return name
	}
	return s
}
