package cmd

import (
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// NAT gateway commands. The legacy API alone has them, so none needs
// --legacy. Wire names and replies from the manual's pages InquiryNatPrice
// … EipUnBindNatGateway.
//
// CreateNatGateway and UpgradeNatGateway are orders: they reply with a
// billId that QueryNatGatewayProductionStatus follows, which --wait does
// (and 'tcvpc task show|wait BILL_ID --kind bill' later). Delete and the
// EIP operations reply with a top-level taskId for DescribeVpcTaskResult.
var (
	natArg              = &Param{Flag: "NAT_ID", Legacy: "natId"}
	natVpcFlag          = Param{Flag: "vpc-id", Legacy: "vpcId", Usage: "ID of the VPC of the NAT gateway"}
	natEIPs             = Param{Flag: "eips", Legacy: "assignedEipSet", Usage: "public IP addresses of existing EIPs, such as 183.60.249.122 (repeatable)"}
	natMaxConcurrentUse = "concurrent connections: 1000000 (small), 3000000 (medium) or 10000000 (large)"
)

var natColumns = []output.Column{
	{Header: "ID", Path: "natId"},
	{Header: "NAME", Path: "natName"},
	{Header: "VPC", Path: "vpcId"},
	{Header: "STATE", Path: "state", Format: natState},
	{Header: "MAX CONNECTIONS", Path: "maxConcurrent"},
	{Header: "BANDWIDTH", Path: "bandwidth"},
	{Header: "EIPS", Path: "eipSet"},
	{Header: "CREATED", Path: "createTime"},
}

var (
	natBillColumns = []output.Column{{Header: "BILL ID", Path: "billId"}}
	natTaskColumns = []output.Column{{Header: "TASK ID", Path: "taskId"}}
)

const natTaskLong = `

The change finishes asynchronously: the command prints the task ID, and
--wait polls DescribeVpcTaskResult until it has succeeded or failed
(later: 'tcvpc task wait TASK_ID').`

func natCommands() []Command {
	return []Command{
		{
			Path:    "nat list",
			Aliases: []string{"ls"},
			Short:   "List NAT gateways",
			Long: `List NAT gateways, optionally of one VPC or by name.

STATE is running, unavailable or suspended (overdue payment); BANDWIDTH is
the maximum outbound bandwidth in Mbps.`,
			Example: `  tcvpc nat list
  tcvpc nat list --vpc-id vpc-8e0ypm3z --all
  tcvpc nat ls --name web -o json`,
			Legacy: "DescribeNatGateway",
			Params: []Param{
				{Flag: "vpc-id", Legacy: "vpcId", Usage: "only the NAT gateways of this VPC"},
				{Flag: "name", Legacy: "natName", Usage: "only NAT gateways whose name contains this"},
			},
			Hide:       []string{"natId"},
			List:       &List{LegacyRows: "data", LegacyTotal: "totalCount", MaxLimit: 50},
			LegacyView: View{Rows: "data", Columns: natColumns},
		},
		{
			Path:       "nat show",
			Short:      "Show a NAT gateway",
			Example:    `  tcvpc nat show nat-dhfpwhtm`,
			Legacy:     "DescribeNatGateway",
			Arg:        natArg,
			Hide:       []string{"natName", "vpcId", "orderField", "orderDirection", "offset", "limit"},
			Noun:       "NAT gateway",
			LegacyView: View{Rows: "data", Single: true},
		},
		{
			Path:  "nat create",
			Short: "Create a NAT gateway",
			Long: `Create (order) a NAT gateway in a VPC. Give --eips, --new-eips or
both: the gateway needs at least one elastic public IP.

The command prints the order's bill ID; --wait polls
QueryNatGatewayProductionStatus until the gateway is ready (later:
'tcvpc task wait BILL_ID --kind bill'). To send traffic through it, add a
route to it in the subnets' route table.`,
			Example: `  tcvpc nat create --vpc-id vpc-8e0ypm3z --name web --max-concurrent 1000000 --new-eips 1 --wait
  tcvpc nat create --vpc-id vpc-8e0ypm3z --name web --max-concurrent 3000000 --bandwidth 200 --eips 183.60.249.11`,
			Legacy: "CreateNatGateway",
			Params: []Param{
				natVpcFlag,
				{Flag: "name", Legacy: "natName", Usage: "name: 1-25 Chinese or English letters, digits and underscores"},
				{Flag: "max-concurrent", Legacy: "maxConcurrent", Usage: natMaxConcurrentUse},
				{Flag: "bandwidth", Legacy: "bandwidth", Usage: "maximum outbound bandwidth in Mbps (default 100)"},
				natEIPs,
				{Flag: "new-eips", Legacy: "autoAllocEipNum", Usage: "number of new EIPs to allocate for the gateway"},
			},
			Noun: "NAT gateway", Done: "Created", Doing: "Creating",
			LegacyView: View{Columns: natBillColumns},
		},
		{
			Path:  "nat modify",
			Short: "Rename a NAT gateway or change its bandwidth",
			Example: `  tcvpc nat modify nat-jngbqyfs --vpc-id vpc-x7d44dxx --name cici
  tcvpc nat modify nat-jngbqyfs --vpc-id vpc-x7d44dxx --bandwidth 200`,
			Legacy: "ModifyNatGateway",
			Arg:    natArg,
			Params: []Param{
				natVpcFlag,
				{Flag: "name", Legacy: "natName", Usage: "new name: 1-25 Chinese or English letters, digits and underscores"},
				{Flag: "bandwidth", Legacy: "bandwidth", Usage: "new maximum outbound bandwidth in Mbps"},
			},
			Noun: "NAT gateway", Done: "Modified",
			LegacyView: View{Quiet: true},
		},
		{
			Path:    "nat delete",
			Aliases: []string{"rm"},
			Short:   "Delete a NAT gateway",
			Long:    `Delete a NAT gateway; routes to it are removed from route tables.` + natTaskLong,
			Example: `  tcvpc nat delete nat-7t9nf3pu --vpc-id vpc-xfd55dfx
  tcvpc nat rm nat-7t9nf3pu --vpc-id vpc-xfd55dfx --yes`,
			Legacy:  "DeleteNatGateway",
			Arg:     natArg,
			Params:  []Param{natVpcFlag},
			Confirm: "delete", Noun: "NAT gateway", Done: "Deleted", Doing: "Deleting",
			LegacyView: View{Columns: natTaskColumns},
		},
		{
			Path:  "nat upgrade",
			Short: "Change the size (maximum connections) of a NAT gateway",
			Long: `Change the size of a NAT gateway: its maximum number of concurrent
connections.

The command prints the order's bill ID; --wait polls
QueryNatGatewayProductionStatus until the change is done (later:
'tcvpc task wait BILL_ID --kind bill').`,
			Example: `  tcvpc nat upgrade nat-et8e970y --vpc-id vpc-xdf54dxx --max-concurrent 3000000 --wait`,
			Legacy:  "UpgradeNatGateway",
			Arg:     natArg,
			Params: []Param{
				natVpcFlag,
				{Flag: "max-concurrent", Legacy: "maxConcurrent", Usage: "new size in " + natMaxConcurrentUse},
			},
			Noun: "NAT gateway", Done: "Upgraded", Doing: "Upgrading",
			LegacyView: View{Columns: natBillColumns},
		},
		{
			Path:  "nat price",
			Short: "Show the price of a NAT gateway size",
			Long: `Show what a NAT gateway of the given size costs, as the service
quotes it (the manual documents no units).`,
			Example: `  tcvpc nat price --max-concurrent 1000000
  tcvpc nat price --max-concurrent 3000000 -o json`,
			Legacy: "InquiryNatPrice",
			Params: []Param{{Flag: "max-concurrent", Legacy: "maxConcurrent", Usage: natMaxConcurrentUse}},
			LegacyView: View{Rows: "data", Columns: []output.Column{
				{Header: "PRICE", Path: "price"},
				{Header: "UNIT PRICE", Path: "unitPrice"},
				{Header: "TOTAL", Path: "totalCost"},
				{Header: "REAL TOTAL", Path: "realTotalCost"},
				{Header: "PERIOD", Format: natPeriod},
				{Header: "POLICY", Path: "policy"},
			}},
		},
		{
			Path:  "nat eip bind",
			Short: "Bind elastic public IPs to a NAT gateway",
			Long: `Bind existing elastic public IPs (--eips) or new ones (--new-eips,
at most 3) to a NAT gateway.` + natTaskLong,
			Example: `  tcvpc nat eip bind nat-8pbrkzh6 --vpc-id vpc-dfd5dfgd --new-eips 1
  tcvpc nat eip bind nat-8pbrkzh6 --vpc-id vpc-dfd5dfgd --eips 183.60.249.122,183.60.249.123`,
			Legacy: "EipBindNatGateway",
			Arg:    natArg,
			Params: []Param{
				natVpcFlag, natEIPs,
				{Flag: "new-eips", Legacy: "autoAllocEipNum", Usage: "number of new EIPs to allocate and bind (0 to 3)"},
			},
			Noun: "NAT gateway", Done: "Bound EIPs to", Doing: "Binding EIPs to",
			LegacyView: View{Columns: natTaskColumns},
		},
		{
			Path:  "nat eip unbind",
			Short: "Unbind elastic public IPs from a NAT gateway",
			Long: `Unbind elastic public IPs from a NAT gateway. A NAT gateway keeps at least
one EIP: the last one cannot be unbound.` + natTaskLong,
			Example: `  tcvpc nat eip unbind nat-8pbrkzh6 --vpc-id vpc-ddf411xx --eips 183.60.249.122
  tcvpc nat eip unbind nat-8pbrkzh6 --vpc-id vpc-ddf411xx --eips 183.60.249.122 --yes`,
			Legacy:  "EipUnBindNatGateway",
			Arg:     natArg,
			Params:  []Param{natVpcFlag, natEIPs},
			Confirm: "unbind EIPs from", Noun: "NAT gateway", Done: "Unbound EIPs from", Doing: "Unbinding EIPs from",
			LegacyView: View{Columns: natTaskColumns},
		},
	}
}

// natState names a NAT gateway's documented states in tables.
func natState(v any) string {
	switch params.Scalar(v) {
	case "0":
		return "running"
	case "1":
		return "unavailable"
	case "2":
		return "suspended"
	}
	return params.Scalar(v)
}

// natPeriod joins a price row's timeSpan and timeUnit: "1h".
func natPeriod(row any) string {
	m, _ := row.(map[string]any)
	return params.Scalar(m["timeSpan"]) + params.Scalar(m["timeUnit"])
}
