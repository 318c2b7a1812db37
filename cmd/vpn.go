package cmd

import "github.com/tcvpc/tcvpc/pkg/output"

// VPN tunnel (connection) commands. Wire names from the seed pages:
// 000 ResetVpnConnSA and 002 DeleteVpnConn (legacy: vpcId, vpnGwId,
// vpnConnId), 001 ResetVpnConnection and 003 DeleteVpnConnection (API 3.0:
// VpnGatewayId, VpnConnectionId).
var (
	vpnConnArg  = &Param{Flag: "VPN_CONNECTION_ID", V3: "VpnConnectionId", Legacy: "vpnConnId"}
	vpnGwFlag   = Param{Flag: "vpn-gateway-id", V3: "VpnGatewayId", Legacy: "vpnGwId", Usage: "ID of the VPN gateway the tunnel belongs to"}
	legacyVpcID = Param{Flag: "vpc-id", Legacy: "vpcId", Usage: "ID of the VPC of the gateway"}
)

var taskColumns = []output.Column{{Header: "TASK ID", Path: "data.taskId"}}

func vpnCommands() []Command {
	return []Command{
		{
			Path:  "vpn conn reset",
			Short: "Reset a VPN tunnel (renegotiate its IPsec security associations)",
			Long: `Reset a VPN tunnel: its IPsec security associations are cleared and renegotiated.
Traffic through the tunnel stops until negotiation succeeds. The legacy API
also needs --vpc-id.`,
			Example: `  tcvpc vpn conn reset vpnx-f29e6u0z --vpn-gateway-id vpngw-kjllnkew
  tcvpc vpn conn reset vpnx-ol6bcqp0 --vpn-gateway-id vpngw-kfldykuz --vpc-id vpc-03vihbk9 --legacy --yes`,
			V3: "ResetVpnConnection", Legacy: "ResetVpnConnSA",
			Arg:     vpnConnArg,
			Params:  []Param{vpnGwFlag, legacyVpcID},
			Confirm: "reset", Noun: "VPN connection", Done: "Reset",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:    "vpn conn delete",
			Aliases: []string{"rm"},
			Short:   "Delete a VPN tunnel",
			Long: `Delete a VPN tunnel.

With --legacy (which also needs --vpc-id) the deletion finishes
asynchronously: the command prints the task ID, and --wait polls
DescribeVpcTaskResult until the task has succeeded or failed.`,
			Example: `  tcvpc vpn conn delete vpnx-p0j11j28 --vpn-gateway-id vpngw-7lcl5331
  tcvpc vpn conn delete vpnx-ol6bcqp0 --vpn-gateway-id vpngw-kfldykuz --vpc-id vpc-03vihbk9 --legacy --wait -y`,
			V3: "DeleteVpnConnection", Legacy: "DeleteVpnConn",
			Arg:     vpnConnArg,
			Params:  []Param{vpnGwFlag, legacyVpcID},
			Confirm: "delete", Noun: "VPN connection", Done: "Deleted", Doing: "Deleting",
			RegionOptional: true,
			V3View:         View{Quiet: true},
			LegacyView:     View{Columns: taskColumns},
		},
	}
}
