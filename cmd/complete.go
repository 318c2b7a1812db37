package cmd

import (
	"context"
	"time"

	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/pager"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// describer says how to list the IDs of one kind of resource.
type describer struct{ action, rows, id, name string }

// describers by ID prefix (API 3.0 Describe operations).
var describers = map[string]describer{
	"vpc":    {"DescribeVpcs", "VpcSet", "VpcId", "VpcName"},
	"subnet": {"DescribeSubnets", "SubnetSet", "SubnetId", "SubnetName"},
	"rtb":    {"DescribeRouteTables", "RouteTableSet", "RouteTableId", "RouteTableName"},
	"sg":     {"DescribeSecurityGroups", "SecurityGroupSet", "SecurityGroupId", "SecurityGroupName"},
	"eni":    {"DescribeNetworkInterfaces", "NetworkInterfaceSet", "NetworkInterfaceId", "NetworkInterfaceName"},
	"eip":    {"DescribeAddresses", "AddressSet", "AddressId", "AddressName"},
	"vpngw":  {"DescribeVpnGateways", "VpnGatewaySet", "VpnGatewayId", "VpnGatewayName"},
	"vpnx":   {"DescribeVpnConnections", "VpnConnectionSet", "VpnConnectionId", "VpnConnectionName"},
	"cgw":    {"DescribeCustomerGateways", "CustomerGatewaySet", "CustomerGatewayId", "CustomerGatewayName"},
	"ipm":    {"DescribeAddressTemplates", "AddressTemplateSet", "AddressTemplateId", "AddressTemplateName"},
	"ipmg":   {"DescribeAddressTemplateGroups", "AddressTemplateGroupSet", "AddressTemplateGroupId", "AddressTemplateGroupName"},
	"ppm":    {"DescribeServiceTemplates", "ServiceTemplateSet", "ServiceTemplateId", "ServiceTemplateName"},
	"ppmg":   {"DescribeServiceTemplateGroups", "ServiceTemplateGroupSet", "ServiceTemplateGroupId", "ServiceTemplateName"},
}

// completionBudget bounds a live completion: a TAB must answer fast.
const completionBudget = time.Second

// addCompletion completes the positional ID and ID-valued flags from the
// live API, every page it can read within its budget; when it cannot
// answer in time it offers what it has, silently.
func (a *app) addCompletion(cmd *cobra.Command, b *built) {
	if b.arg != nil {
		if d, ok := describers[b.arg.shape]; ok {
			cmd.ValidArgsFunction = func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return a.completeIDs(cmd, d), cobra.ShellCompDirectiveNoFileComp
			}
		}
	}
	for _, f := range b.flags {
		if d, ok := describers[f.shape]; ok {
			_ = cmd.RegisterFlagCompletionFunc(f.name, func(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
				return a.completeIDs(cmd, d), cobra.ShellCompDirectiveNoFileComp
			})
		}
	}
}

func (a *app) completeIDs(cmd *cobra.Command, d describer) []string {
	a.g.maxRetries = 0
	a.g.timeout = completionBudget
	s, err := a.newSession(cmd, api.V3, true)
	if err != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), completionBudget)
	defer cancel()
	sp := pager.Spec{
		Request: api.Request{Action: d.action, Style: api.V3, Params: params.Tree{}},
		Rows:    d.rows, Total: "TotalCount", OffsetParam: "Offset", LimitParam: "Limit", PageSize: pageSize,
	}
	if op, ok := model.Find(d.action, model.V3); ok {
		sp.Type = op.Coerce
	}
	// Every page that arrives within the budget; a slow account offers
	// the IDs seen so far.
	var rows []any
	_ = pager.Run(ctx, s.client, sp, func(p pager.Page) error {
		rows = append(rows, p.Rows...)
		return nil
	})
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		m, _ := r.(map[string]any)
		id := params.Scalar(m[d.id])
		if id == "" {
			continue
		}
		if name := params.Scalar(m[d.name]); name != "" {
			id += "\t" + name
		}
		out = append(out, id)
	}
	return out
}
