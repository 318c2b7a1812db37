package cmd

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tcvpc/tcvpc/pkg/output"
)

// VPC, subnet, classic link and account commands. Wire names and reply
// fields are from the API 3.0 pages (CreateVpc … DescribeSubnets) and the
// legacy pages (CreateVpc … CheckDefaultSubnet, DescribeAccountVpcAttributes)
// of the manual; where a legacy page's table and its example disagree on a
// reply field (unVpcId / uniqVpcId), the columns accept either.

var (
	vpcArg      = &Param{Flag: "VPC_ID", V3: "VpcId", Legacy: "vpcId"}
	subnetArg   = &Param{Flag: "SUBNET_ID", V3: "SubnetId", Legacy: "subnetId"}
	vpcIDFlag   = Param{Flag: "vpc-id", V3: "VpcId", Legacy: "vpcId", Usage: "ID of the VPC"}
	vpcOfSubnet = Param{Flag: "vpc-id", Legacy: "vpcId", Usage: "ID of the VPC of the subnet"}
	vpcNameFlag = Param{Flag: "name", V3: "VpcName", Legacy: "vpcName", Usage: "name of the VPC (up to 60 characters)"}

	vpcCIDRFlag = Param{Flag: "cidr-block", V3: "CidrBlock", Legacy: "cidrBlock",
		Usage: "IPv4 range of the VPC, inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, mask /16 to /28"}
	vpcMulticastFlag = Param{Flag: "enable-multicast", V3: "EnableMulticast", Usage: "true or false: multicast inside the VPC"}
	vpcDNSFlag       = Param{Flag: "dns-servers", V3: "DnsServers", Usage: "DNS server addresses, up to 4, the first is primary (repeatable or comma-separated)"}
	vpcDomainFlag    = Param{Flag: "domain-name", V3: "DomainName", Usage: "DNS domain name of the VPC"}
)

// legacySubnetsUsage describes the legacy subnetSet objects.
const legacySubnetsUsage = `subnets as JSON: [{"subnetName":"web","cidrBlock":"10.0.1.0/24","zoneId":"100003"}]`

func vpcCommands() []Command {
	var cmds []Command
	cmds = append(cmds, vpcOwnCommands()...)
	cmds = append(cmds, subnetCommands()...)
	cmds = append(cmds, classicLinkCommands()...)
	return append(cmds, accountCommands()...)
}

func vpcOwnCommands() []Command {
	return []Command{
		{
			Path:    "vpc list",
			Aliases: []string{"ls"},
			Short:   "List VPCs",
			Long: `List the VPCs of the region.

API 3.0 filters (--filter NAME=VALUE[,VALUE…], repeatable): vpc-id, vpc-name,
cidr-block, is-default (true or false). The legacy API filters with its own
flags instead: --vpc-id, --vpc-name, --order-field, --order-direction.`,
			Example: `  tcvpc vpc list
  tcvpc vpc list --filter vpc-name=prod --filter is-default=false -o json
  tcvpc vpc ls --all -o text
  tcvpc vpc list --legacy --vpc-name prod --order-field vpcName`,
			V3: "DescribeVpcs", Legacy: "DescribeVpcEx",
			Params: []Param{
				{Flag: "vpc-id", V3: "VpcIds", Legacy: "vpcId", Usage: "only this VPC"},
				{Flag: "vpc-name", Legacy: "vpcName", V3Filter: "vpc-name", Usage: "VPCs whose name contains this text"},
			},
			List: &List{V3Rows: "VpcSet", LegacyRows: "data", V3Total: "TotalCount", LegacyTotal: "totalCount"},
			V3View: View{Rows: "VpcSet", Columns: []output.Column{
				{Header: "ID", Path: "VpcId"}, {Header: "NAME", Path: "VpcName"}, {Header: "CIDR", Path: "CidrBlock"},
				{Header: "DEFAULT", Path: "IsDefault"}, {Header: "CREATED", Path: "CreatedTime"},
			}},
			LegacyView: View{Rows: "data", Columns: []output.Column{
				{Header: "ID", Path: "unVpcId"}, {Header: "NAME", Path: "vpcName"}, {Header: "CIDR", Path: "cidrBlock"},
				{Header: "SUBNETS", Path: "subnetNum"}, {Header: "DEFAULT", Path: "isDefault"}, {Header: "CREATED", Path: "createTime"},
			}},
		},
		{
			Path:  "vpc show",
			Short: "Show one VPC",
			Example: `  tcvpc vpc show vpc-2at5y1pn
  tcvpc vpc show vpc-2at5y1pn -o json --query 'VpcSet[0].CidrBlock'
  tcvpc vpc show vpc-2ari9m7h --legacy`,
			V3: "DescribeVpcs", Legacy: "DescribeVpcEx",
			Arg:        &Param{Flag: "VPC_ID", V3: "VpcIds", Legacy: "vpcId"},
			Hide:       []string{"Filters", "Offset", "Limit", "vpcName", "offset", "limit", "orderField", "orderDirection"},
			Noun:       "VPC",
			V3View:     View{Rows: "VpcSet", Single: true},
			LegacyView: View{Rows: "data", Single: true},
		},
		{
			Path:  "vpc create",
			Short: "Create a VPC",
			Long: `Create a VPC and print it.

The legacy API can create subnets in the same call (--subnets); their zoneId
is the numeric zone ID (100003 for ap-guangzhou-3). A VPC with subnets also
gets a default route table, which the subnets are associated with.

The new VPC is printed as a table, or as the API's reply with -o json|yaml;
--query picks one field, e.g. the ID for a script.`,
			Example: `  tcvpc vpc create --name prod --cidr-block 10.0.0.0/16
  tcvpc vpc create --name prod --cidr-block 10.0.0.0/16 --dns-servers 10.0.0.2,183.60.83.19 --domain-name prod.internal
  tcvpc vpc create --name prod --cidr-block 10.0.0.0/16 -o json --query Vpc.VpcId
  VPC=$(tcvpc vpc create --name prod --cidr-block 10.0.0.0/16 -o text --query Vpc.VpcId)
  tcvpc vpc create --legacy --name prod --cidr-block 192.168.0.0/16 \
      --subnets '[{"subnetName":"web","cidrBlock":"192.168.1.0/24","zoneId":"100003"}]'`,
			V3: "CreateVpc", Legacy: "CreateVpc",
			Params: []Param{
				vpcNameFlag, vpcCIDRFlag, vpcMulticastFlag, vpcDNSFlag, vpcDomainFlag,
				{Flag: "subnets", Legacy: "subnetSet", Usage: legacySubnetsUsage},
			},
			V3View: View{Rows: "Vpc", Columns: []output.Column{
				{Header: "ID", Path: "VpcId"}, {Header: "NAME", Path: "VpcName"}, {Header: "CIDR", Path: "CidrBlock"},
				{Header: "MULTICAST", Path: "EnableMulticast"},
			}},
			LegacyView: View{Columns: []output.Column{
				{Header: "ID", Format: firstField("unVpcId", "uniqVpcId")},
				{Header: "SUBNETS", Format: vpcPluck("subnetSet", "unSubnetId")},
				{Header: "CREATED", Path: "vpcCreateTime"},
			}},
		},
		{
			Path:  "vpc create-default",
			Short: "Create the default VPC and its default subnet",
			Long: `Create the default VPC and a default subnet in it.

Whether a default VPC is made depends on the account's network platforms
(tcvpc account attributes): an account that also supports the classic network
gets VPC and subnet ID 0 unless --force is given.`,
			Example: `  tcvpc vpc create-default
  tcvpc vpc create-default --zone ap-guangzhou-3 --force -o json --query Vpc.VpcId`,
			V3: "CreateDefaultVpc",
			Params: []Param{
				{Flag: "zone", V3: "Zone", Usage: "availability zone of the default subnet, e.g. ap-guangzhou-3 (random if omitted)"},
				{Flag: "force", V3: "Force", Usage: "create the default VPC even if the account also supports the classic network"},
			},
			V3View: View{Rows: "Vpc", Columns: []output.Column{{Header: "VPC", Path: "VpcId"}, {Header: "SUBNET", Path: "SubnetId"}}},
		},
		{
			Path:  "vpc modify",
			Short: "Rename a VPC or change its multicast and DNS settings",
			Long: `Change the attributes of a VPC. The legacy API can only rename it (--name is
then required).`,
			Example: `  tcvpc vpc modify vpc-m7sr81gh --name prod --enable-multicast true
  tcvpc vpc modify vpc-m7sr81gh --dns-servers 10.0.0.2,10.0.0.3 --domain-name prod.internal
  tcvpc vpc modify vpc-2ari9m7h --name prod --legacy`,
			V3: "ModifyVpcAttribute", Legacy: "ModifyVpcAttribute",
			Arg:    vpcArg,
			Params: []Param{vpcNameFlag, vpcMulticastFlag, vpcDNSFlag, vpcDomainFlag},
			Noun:   "VPC", Done: "Modified",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:    "vpc delete",
			Aliases: []string{"rm"},
			Short:   "Delete a VPC",
			Long: `Delete a VPC. It must be empty: no instances, databases, VPN or Direct
Connect gateways, load balancers, peering connections or classic links.
Deletion cannot be undone.`,
			Example: `  tcvpc vpc delete vpc-g69ed0kj
  tcvpc vpc rm vpc-2ari9m7h --legacy --yes`,
			V3: "DeleteVpc", Legacy: "DeleteVpc",
			Arg:     vpcArg,
			Confirm: "delete", Noun: "VPC", Done: "Deleted", Doing: "Deleting",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:  "vpc limits",
			Short: "Show VPC resource limits of the account",
			Long: `Show the account's VPC resource limits (legacy API; needs no --legacy).
The limits print as TYPE=LIMIT pairs; -o json shows the reply, and
--query data.limit shows one type per line.

Types:
   0  VPCs per account                  20  active peering connections per VPC
   1  subnets per VPC                   22  classic links per VPC
   2  route tables per VPC              32  SNAT rules per Direct Connect gateway
   3  routes per route table            34  DNAT rules per Direct Connect gateway
   4  VPN gateways per VPC              36  DNAPT rules per Direct Connect gateway
   5  customer gateways per account     38  SNAPT rules per Direct Connect gateway
   7  VPN tunnels per customer gateway  44  address pool size of an SSL VPN
   8  VPN tunnels per VPN gateway       51  SSL VPNs per VPC
  15  network ACLs per VPC              55  NAT gateways per VPC
  17  inbound rules per network ACL     56  public IPs per NAT gateway
  18  outbound rules per network ACL    57  network interfaces per VPC`,
			Example: `  tcvpc vpc limits --type 0,1,2
  tcvpc vpc limits --type 55 --type 56 --query data.limit`,
			Legacy:     "DescribeVpcLimit",
			Params:     []Param{{Flag: "type", Legacy: "type", Usage: "limit types to show, see above (repeatable or comma-separated)"}},
			LegacyView: View{Columns: []output.Column{{Header: "LIMITS", Path: "data.limit", Format: vpcLimitPairs}}},
		},
		{
			// The VIP is what the operation acts on, so it is the noun and
			// the positional ID; it is not an ENI's (the VIP binds to a CVM
			// instance's private IP), so it is a group of its own.
			Path:  "vip associate",
			Short: "Bind a VIP to a CVM instance of a VPC (deprecated: use ENI private IPs)",
			Long: `Bind a pre-allocated private virtual IP (VIP) to the CVM instance with the
given private IP, for active/standby pairs (legacy API; needs no --legacy).

VIPs are allocated by Tencent Cloud support, which gives their numeric IDs.
Network interfaces have replaced this operation: prefer moving a secondary
private IP between ENIs ('tcvpc eni ip migrate').`,
			Example: `  tcvpc vip associate 1 --vpc-id vpc-2ari9m7h --lan-ip 10.0.0.2`,
			Legacy:  "AssociateVip",
			Arg:     &Param{Flag: "VIP_ID", Legacy: "vipId"},
			Params: []Param{
				{Flag: "vpc-id", Legacy: "vpcId", Usage: "ID of the VPC of the VIP"},
				{Flag: "lan-ip", Legacy: "lanIp", Usage: "private IP of the CVM instance that takes the VIP"},
			},
			Noun: "VIP", Done: "Associated",
			LegacyView: View{Quiet: true},
		},
	}
}

func subnetCommands() []Command {
	legacyList := []output.Column{
		{Header: "ID", Path: "unSubnetId"}, {Header: "NAME", Path: "subnetName"}, {Header: "VPC", Path: "unVpcId"},
		{Header: "CIDR", Path: "cidrBlock"}, {Header: "ZONE", Path: "zone"}, {Header: "FREE IPS", Path: "availableIPNum"},
		{Header: "CREATED", Path: "subnetCreateTime"},
	}
	return []Command{
		{
			Path:    "subnet list",
			Aliases: []string{"ls"},
			Short:   "List subnets",
			Long: `List the subnets of the region.

API 3.0 filters (--filter NAME=VALUE[,VALUE…], repeatable): vpc-id, subnet-id,
subnet-name, cidr-block, is-default (true or false), zone. The legacy API
filters with its own flags instead (--vpc-id, --subnet-name, --zone-ids, …).`,
			Example: `  tcvpc subnet list --filter vpc-id=vpc-2at5y1pn
  tcvpc subnet ls --filter zone=ap-guangzhou-3 --all -o text
  tcvpc subnet list --legacy --vpc-id vpc-kd7d06of --subnet-name web`,
			V3: "DescribeSubnets", Legacy: "DescribeSubnetEx",
			Params: []Param{
				{Flag: "subnet-id", V3: "SubnetIds", Legacy: "subnetId", Usage: "only this subnet"},
				{Flag: "vpc-id", Legacy: "vpcId", V3Filter: "vpc-id", Usage: "only subnets of this VPC"},
				{Flag: "subnet-name", Legacy: "subnetName", V3Filter: "subnet-name", Usage: "subnets whose name contains this text"},
				{Flag: "zone-ids", Legacy: "zoneIds", Usage: "only these numeric zone IDs, e.g. 100003 (repeatable or comma-separated)"},
				{Flag: "get-acl-id", Legacy: "getAclIdFlag", Usage: "1: include each subnet's network ACL (networkAclId)"},
			},
			List: &List{V3Rows: "SubnetSet", LegacyRows: "data", V3Total: "TotalCount", LegacyTotal: "totalCount"},
			V3View: View{Rows: "SubnetSet", Columns: []output.Column{
				{Header: "ID", Path: "SubnetId"}, {Header: "NAME", Path: "SubnetName"}, {Header: "VPC", Path: "VpcId"},
				{Header: "CIDR", Path: "CidrBlock"}, {Header: "ZONE", Path: "Zone"}, {Header: "FREE IPS", Path: "AvailableIpAddressCount"},
				{Header: "CREATED", Path: "CreatedTime"},
			}},
			LegacyView: View{Rows: "data", Columns: legacyList},
		},
		{
			Path:  "subnet show",
			Short: "Show one subnet",
			Long: `Show one subnet. The legacy API (DescribeSubnet) also needs --vpc-id and
prints the subnet as one table row.`,
			Example: `  tcvpc subnet show subnet-otu92seu
  tcvpc subnet show subnet-piztzbpy --vpc-id vpc-piztzbpy --legacy`,
			V3: "DescribeSubnets", Legacy: "DescribeSubnet",
			Arg:    &Param{Flag: "SUBNET_ID", V3: "SubnetIds", Legacy: "subnetId"},
			Params: []Param{vpcOfSubnet},
			Hide:   []string{"Filters", "Offset", "Limit"},
			Noun:   "subnet",
			V3View: View{Rows: "SubnetSet", Single: true},
			LegacyView: View{Columns: []output.Column{
				{Header: "ID", Path: "subnetId"}, {Header: "NAME", Path: "subnetName"}, {Header: "CIDR", Path: "cidrBlock"},
				{Header: "ZONE", Path: "zoneId"}, {Header: "ROUTE TABLE", Path: "routeTableId"},
				{Header: "FREE IPS", Path: "availableIPNum"}, {Header: "TOTAL IPS", Path: "totalIPNum"},
				{Header: "CREATED", Path: "subnetCreateTime"},
			}},
		},
		{
			Path:  "subnet create",
			Short: "Create a subnet in a VPC",
			Long: `Create a subnet and print it. Its CIDR block must lie inside the VPC's and
not overlap another subnet of the VPC.

The legacy API creates one or more subnets given as JSON (--subnets), each
with a numeric zoneId (100003 for ap-guangzhou-3).`,
			Example: `  tcvpc subnet create --vpc-id vpc-m3ul053f --name web --cidr-block 10.8.1.0/24 --zone ap-guangzhou-3
  tcvpc subnet create --vpc-id vpc-m3ul053f --name web --cidr-block 10.8.1.0/24 --zone ap-guangzhou-3 -o json --query Subnet.SubnetId
  tcvpc subnet create --legacy --vpc-id vpc-kd7d06of \
      --subnets '[{"subnetName":"web","cidrBlock":"10.0.200.0/24","zoneId":"100003"}]'`,
			V3: "CreateSubnet", Legacy: "CreateSubnet",
			Params: []Param{
				vpcIDFlag,
				{Flag: "name", V3: "SubnetName", Usage: "name of the subnet (up to 60 characters)"},
				{Flag: "cidr-block", V3: "CidrBlock", Usage: "IPv4 range of the subnet, inside the VPC's"},
				{Flag: "zone", V3: "Zone", Usage: "availability zone, e.g. ap-guangzhou-3"},
				{Flag: "subnets", Legacy: "subnetSet", Usage: legacySubnetsUsage},
			},
			V3View: View{Rows: "Subnet", Columns: []output.Column{
				{Header: "ID", Path: "SubnetId"}, {Header: "NAME", Path: "SubnetName"}, {Header: "VPC", Path: "VpcId"},
				{Header: "CIDR", Path: "CidrBlock"}, {Header: "ZONE", Path: "Zone"}, {Header: "FREE IPS", Path: "AvailableIpAddressCount"},
			}},
			LegacyView: View{Rows: "subnetSet", Columns: []output.Column{
				{Header: "ID", Path: "unSubnetId"}, {Header: "NAME", Path: "subnetName"}, {Header: "CIDR", Path: "cidrBlock"},
				{Header: "ZONE", Path: "zoneId"}, {Header: "ROUTE TABLE", Path: "routeTableId"},
			}},
		},
		{
			Path:  "subnet modify",
			Short: "Rename a subnet or switch its broadcast",
			Long: `Change the attributes of a subnet. The legacy API can only rename it and
needs --vpc-id and --name.`,
			Example: `  tcvpc subnet modify subnet-pxir56ns --name web --enable-broadcast true
  tcvpc subnet modify subnet-5gu2jxf4 --vpc-id vpc-2ari9m7h --name web --legacy`,
			V3: "ModifySubnetAttribute", Legacy: "ModifySubnetAttribute",
			Arg: subnetArg,
			Params: []Param{
				{Flag: "name", V3: "SubnetName", Legacy: "subnetName", Usage: "new name of the subnet (up to 60 characters)"},
				{Flag: "enable-broadcast", V3: "EnableBroadcast", Usage: "true or false: broadcast inside the subnet"},
				vpcOfSubnet,
			},
			Noun: "subnet", Done: "Modified",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:    "subnet delete",
			Aliases: []string{"rm"},
			Short:   "Delete a subnet",
			Long: `Delete a subnet. It must be empty: no instances, load balancers, databases
or network interfaces. The legacy API also needs --vpc-id.`,
			Example: `  tcvpc subnet delete subnet-pxir56ns
  tcvpc subnet rm subnet-k20jbhp0 --vpc-id vpc-kd7d06of --legacy -y`,
			V3: "DeleteSubnet", Legacy: "DeleteSubnet",
			Arg:     subnetArg,
			Params:  []Param{vpcOfSubnet},
			Confirm: "delete", Noun: "subnet", Done: "Deleted", Doing: "Deleting",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:  "subnet check-default",
			Short: "Check whether a default subnet can be created in a zone",
			Long: `Check whether the zone has room for a default subnet (legacy API; needs no
--legacy). Prints true or false.`,
			Example: `  tcvpc subnet check-default --zone-id 100003
  tcvpc subnet check-default --zone-id 100003 -o text`,
			Legacy:     "CheckDefaultSubnet",
			Params:     []Param{{Flag: "zone-id", Legacy: "zoneId", Usage: "numeric zone ID, e.g. 100003 for ap-guangzhou-3"}},
			LegacyView: View{Columns: []output.Column{{Header: "CREATABLE", Path: "data.checkResult"}}},
		},
	}
}

func classicLinkCommands() []Command {
	instances := Param{Flag: "instance-ids", V3: "InstanceIds", Legacy: "instanceIds", Shape: "ins",
		Usage: "classic-network CVM instances, e.g. ins-0x5msjda (repeatable or comma-separated)"}
	return []Command{
		{
			Path:    "classiclink list",
			Aliases: []string{"ls"},
			Short:   "List classic-network instances linked to VPCs",
			Long: `List the classic-network CVM instances linked to VPCs.

API 3.0 filters (--filter NAME=VALUE[,VALUE…], repeatable): vpc-id, vm-ip.
The legacy API filters with its own flags instead (--vpc-id, --lan-ip, …).`,
			Example: `  tcvpc classiclink list --filter vpc-id=vpc-gjui0b5t
  tcvpc classiclink list --legacy --vpc-id vpc-2ari9m7h -o text`,
			V3: "DescribeClassicLinkInstances", Legacy: "DescribeVpcClassicLink",
			Params: []Param{
				{Flag: "vpc-id", Legacy: "vpcId", Usage: "only links of this VPC"},
				{Flag: "classic-link-id", Legacy: "classicLinkId", Shape: "vcx", Usage: "only this link, e.g. vcx-opgnzgo9"},
				{Flag: "lan-ip", Legacy: "lanIp", Usage: "only the instance with this private IP"},
			},
			List: &List{V3Rows: "ClassicLinkInstanceSet", LegacyRows: "data", V3Total: "TotalCount", LegacyTotal: "totalCount"},
			V3View: View{Rows: "ClassicLinkInstanceSet", Columns: []output.Column{
				{Header: "INSTANCE", Path: "InstanceId"}, {Header: "VPC", Path: "VpcId"},
			}},
			LegacyView: View{Rows: "data", Columns: []output.Column{
				{Header: "ID", Path: "classicLinkId"}, {Header: "INSTANCE", Path: "instanceId"}, {Header: "NAME", Path: "instanceName"},
				{Header: "LAN IP", Path: "lanIp"}, {Header: "VPC", Format: firstField("unVpcId", "uniqVpcId")},
				{Header: "CREATED", Path: "createTime"},
			}},
		},
		{
			Path:  "classiclink attach",
			Short: "Link classic-network instances to a VPC",
			Long: `Let classic-network CVM instances reach a VPC of the same region.

With --legacy the link is made asynchronously: the command prints the task
ID; follow it with 'tcvpc task wait TASK_ID'.`,
			Example: `  tcvpc classiclink attach vpc-gjui0b5t --instance-ids ins-0x5msjda
  tcvpc classiclink attach vpc-2ari9m7h --instance-ids ins-5d8a23rs,ins-df454d1e --legacy`,
			V3: "AttachClassicLinkVpc", Legacy: "AttachClassicLinkVpc",
			Arg:    vpcArg,
			Params: []Param{instances},
			Noun:   "VPC", Done: "Attached instances to", Doing: "Attaching instances to",
			V3View:     View{Quiet: true},
			LegacyView: View{Columns: []output.Column{{Header: "TASK ID", Path: "taskId"}}},
		},
		{
			Path:  "classiclink detach",
			Short: "Unlink classic-network instances from a VPC",
			Long: `Remove the link between classic-network CVM instances and a VPC.

With --legacy the link is removed asynchronously: the command prints the task
ID; follow it with 'tcvpc task wait TASK_ID'.`,
			Example: `  tcvpc classiclink detach vpc-gjui0b5t --instance-ids ins-0x5msjda
  tcvpc classiclink detach vpc-2ari9m7h --instance-ids ins-df454d1e --legacy -y`,
			V3: "DetachClassicLinkVpc", Legacy: "DetachClassicLinkVpc",
			Arg:     vpcArg,
			Params:  []Param{instances},
			Confirm: "detach instances from", Noun: "VPC", Done: "Detached instances from", Doing: "Detaching instances from",
			V3View:     View{Quiet: true},
			LegacyView: View{Columns: []output.Column{{Header: "TASK ID", Path: "taskId"}}},
		},
	}
}

func accountCommands() []Command {
	return []Command{
		{
			Path:  "account attributes",
			Short: "Show the account's network platforms (VPC only, or VPC and classic)",
			Long: `Show the account's network attributes: supported-platforms says whether the
account has the classic network besides VPC (which decides what
'tcvpc vpc create-default' does). The legacy API answers only-vpc or classic.`,
			Example: `  tcvpc account attributes
  tcvpc account attributes --legacy -o json`,
			V3: "DescribeAccountAttributes", Legacy: "DescribeAccountVpcAttributes",
			V3View: View{Rows: "AccountAttributeSet", Columns: []output.Column{
				{Header: "NAME", Path: "AttributeName"}, {Header: "VALUES", Path: "AttributeValues"},
			}},
			LegacyView: View{Columns: []output.Column{
				{Header: "NAME", Format: func(any) string { return "supported-platforms" }},
				{Header: "VALUES", Path: "data.supportedPlatforms"},
			}},
		},
	}
}

// vpcPluck is a column (with an empty Path) joining one field of each
// object of a list: the subnet IDs of a legacy CreateVpc reply.
func vpcPluck(list, field string) func(any) string {
	return func(row any) string {
		m, _ := row.(map[string]any)
		items, _ := m[list].([]any)
		var out []string
		for _, it := range items {
			if o, ok := it.(map[string]any); ok && o[field] != nil {
				out = append(out, vpcScalar(o[field]))
			}
		}
		return strings.Join(out, ",")
	}
}

// vpcCount is a column (with an empty Path) counting the elements of the
// first list present among fields.
func vpcCount(fields ...string) func(any) string {
	return func(row any) string {
		m, _ := row.(map[string]any)
		for _, f := range fields {
			if l, ok := m[f].([]any); ok {
				return strconv.Itoa(len(l))
			}
		}
		return "0"
	}
}

// vpcLimitPairs renders DescribeVpcLimit's {"1":10,"2":10} as "1=10 2=10",
// types in numeric order.
func vpcLimitPairs(v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return vpcScalar(v)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, errA := strconv.Atoi(keys[i])
		b, errB := strconv.Atoi(keys[j])
		if errA != nil || errB != nil {
			return keys[i] < keys[j]
		}
		return a < b
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + vpcScalar(m[k])
	}
	return strings.Join(parts, " ")
}

// vpcScalar prints a reply value: strings bare, anything else as JSON.
func vpcScalar(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
