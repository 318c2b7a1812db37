package cmd

import (
	"github.com/tcvpc/tcvpc/pkg/api/model"

	"github.com/tcvpc/tcvpc/pkg/output"
)

// Elastic public IP commands, all API 3.0 (the legacy API has no EIP
// operations; its ModifyAddressAttribute edits IP address templates and
// belongs to the template group). Wire names and replies from the EIP pages
// of the manual (AllocateAddresses … TransformAddress, DescribeAddressQuota)
// and its Address and Quota data structures.
var (
	eipArg     = &Param{Flag: "EIP_ID", V3: "AddressId"}
	eipListArg = &Param{Flag: "EIP_ID", V3: "AddressIds"}
	// Instance IDs (ins-…) are not VPC resources, so flags.go does not
	// infer their shape.
	eipInstanceFlag = Param{Flag: "instance-id", V3: "InstanceId", Shape: "ins", Usage: "ID of the CVM instance to bind the EIP to (its primary private IP)"}
)

var eipColumns = []output.Column{
	{Header: "ID", Path: "AddressId"},
	{Header: "NAME", Path: "AddressName"},
	{Header: "IP", Path: "AddressIp"},
	{Header: "STATUS", Path: "AddressStatus"},
	{Header: "INSTANCE", Path: "InstanceId"},
	{Header: "ENI", Path: "NetworkInterfaceId"},
	{Header: "PRIVATE IP", Path: "PrivateAddressIp"},
	{Header: "CREATED", Path: "CreatedTime"},
}

func eipCommands() []Command {
	return []Command{
		{
			Path:    "eip list",
			Aliases: []string{"ls"},
			Short:   "List elastic public IPs",
			Long: `List elastic public IPs (EIPs) of the region.

Filters (--filter NAME=VALUE[,VALUE…], at most 10, each with at most 5
values): address-id, address-name, address-ip, address-status,
instance-id, private-ip-address, network-interface-id, is-arrears
(TRUE or FALSE); --name, --status, --instance-id and --ip are shorthands
for some of them. --address-id cannot be combined with filters.`,
			Example: `  tcvpc eip list
  tcvpc eip list --status UNBIND --all
  tcvpc eip list --filter is-arrears=TRUE
  tcvpc eip ls --address-id eip-hxlqja90,eip-m44ku5d2 -o json`,
			V3: "DescribeAddresses",
			Params: []Param{
				{Flag: "address-id", V3: "AddressIds", Usage: "only these EIPs (repeatable or comma-separated)"},
				{Flag: "name", V3Filter: "address-name", Usage: "only EIPs with this name (filter address-name)"},
				{Flag: "status", V3Filter: "address-status", Usage: "only EIPs in this state, e.g. UNBIND (filter address-status)"},
				{Flag: "instance-id", V3Filter: "instance-id", Shape: "ins", Usage: "only the EIP bound to this CVM instance (filter instance-id)"},
				{Flag: "ip", V3Filter: "address-ip", Format: model.FormatIPv4, Usage: "only the EIP with this public IP (filter address-ip)"},
			},
			List:   &List{V3Rows: "AddressSet", V3Total: "TotalCount"},
			V3View: View{Rows: "AddressSet", Columns: eipColumns},
		},
		{
			Path:    "eip show",
			Short:   "Show an elastic public IP",
			Example: `  tcvpc eip show eip-hxlqja90`,
			V3:      "DescribeAddresses",
			Arg:     eipListArg,
			Hide:    []string{"Filters", "Offset", "Limit"},
			Noun:    "EIP",
			V3View:  View{Rows: "AddressSet", Single: true},
		},
		{
			Path:  "eip allocate",
			Short: "Allocate elastic public IPs",
			Long: `Allocate one or more elastic public IPs and print their IDs.

Each account may hold a limited number of EIPs per region and allocate a
limited number per day; see 'tcvpc eip quota'.`,
			Example: `  tcvpc eip allocate
  tcvpc eip allocate --count 3 -o json`,
			V3: "AllocateAddresses",
			Params: []Param{
				{Flag: "count", V3: "AddressCount", Usage: "number of EIPs to allocate (default 1)"},
			},
			V3View: View{Rows: "AddressSet", Columns: []output.Column{{Header: "ID", Path: ""}}},
		},
		{
			Path:  "eip associate",
			Short: "Bind an elastic public IP to an instance or a network interface",
			Long: `Bind an elastic public IP to a CVM instance (its primary network interface's
primary private IP) or to a private IP of an elastic network interface.

Give either --instance-id, or --network-interface-id with --private-ip.
Only an EIP in state UNBIND can be bound; binding to a primary private IP
releases the ordinary public IP that was there.`,
			Example: `  tcvpc eip associate eip-ek0cdz1g --instance-id ins-1bmpb9tu
  tcvpc eip associate eip-ek0cdz1g --network-interface-id eni-m6dyj72l --private-ip 10.0.0.5`,
			V3:  "AssociateAddress",
			Arg: eipArg,
			Params: []Param{
				eipInstanceFlag,
				{Flag: "network-interface-id", V3: "NetworkInterfaceId", Usage: "ID of the elastic network interface to bind the EIP to (with --private-ip)"},
				{Flag: "private-ip", V3: "PrivateIpAddress", Usage: "private IP of --network-interface-id to bind the EIP to"},
			},
			Noun: "EIP", Done: "Associated",
			V3View: View{Quiet: true},
		},
		{
			Path:  "eip disassociate",
			Short: "Unbind an elastic public IP",
			Long: `Unbind an elastic public IP from its instance or network interface.
Only an EIP in state BIND or BIND_ENI can be unbound.`,
			Example: `  tcvpc eip disassociate eip-ek0cdz1g
  tcvpc eip disassociate eip-ek0cdz1g --reallocate-public-ip --yes`,
			V3:  "DisassociateAddress",
			Arg: eipArg,
			Params: []Param{
				{Flag: "reallocate-public-ip", V3: "ReallocateNormalPublicIp", Usage: "give the instance an ordinary public IP afterwards (only for the primary private IP of the primary interface)"},
			},
			Confirm: "disassociate", Noun: "EIP", Done: "Disassociated",
			V3View: View{Quiet: true},
		},
		{
			Path:    "eip modify",
			Short:   "Rename an elastic public IP",
			Example: `  tcvpc eip modify eip-p2x6wxc0 --name test_eip`,
			V3:      "ModifyAddressAttribute",
			Arg:     eipArg,
			Params: []Param{
				{Flag: "name", V3: "AddressName", Usage: "new name of the EIP (at most 20 characters)"},
			},
			Noun: "EIP", Done: "Modified",
			V3View: View{Quiet: true},
		},
		{
			Path:  "eip release",
			Short: "Release an elastic public IP",
			Long: `Release an elastic public IP. This cannot be undone: the address no longer
belongs to the account. Only an EIP in state UNBIND can be released.`,
			Example: `  tcvpc eip release eip-gzc5rgr2
  tcvpc eip release eip-gzc5rgr2 --yes`,
			V3:      "ReleaseAddresses",
			Arg:     eipListArg,
			Confirm: "release", Noun: "EIP", Done: "Released",
			V3View: View{Quiet: true},
		},
		{
			Path:  "eip transform",
			Short: "Turn an instance's ordinary public IP into an elastic public IP",
			Long: `Turn the ordinary public IP of a CVM instance into an elastic public IP that
stays with the account. Counts against the EIP quota; see 'tcvpc eip quota'.`,
			Example: `  tcvpc eip transform ins-3ea0qeu6`,
			V3:      "TransformAddress",
			Arg:     &Param{Flag: "INSTANCE_ID", V3: "InstanceId", Shape: "ins"},
			Noun:    "the public IP of instance", Done: "Converted",
			V3View: View{Quiet: true},
		},
		{
			Path:  "eip quota",
			Short: "Show the elastic public IP quotas of the region",
			Long: `Show the account's elastic public IP quotas in the region: EIPs held
(TOTAL_EIP_QUOTA), allocations today (DAILY_EIP_APPLY) and ordinary public
IPs reassigned today (DAILY_PUBLIC_IP_ASSIGN).`,
			Example: `  tcvpc eip quota
  tcvpc eip quota -o json`,
			V3: "DescribeAddressQuota",
			V3View: View{Rows: "QuotaSet", Columns: []output.Column{
				{Header: "QUOTA", Path: "QuotaId"},
				{Header: "USED", Path: "QuotaCurrent"},
				{Header: "LIMIT", Path: "QuotaLimit"},
			}},
		},
	}
}
