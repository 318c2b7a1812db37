package cmd

import (
	"fmt"

	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// Direct connect gateway commands. The legacy API alone has them, so none
// needs --legacy. Wire names and replies from the manual's pages
// CreateDirectConnectGateway … DescribePeerIPTranslationNatRule.
//
// A NAT-type gateway translates addresses with four kinds of NAT rules
// and filters two of them with ACL rules; each kind has its own four
// operations with their own fields, so each kind is a subgroup with the
// same four verbs:
//
//	dcg nat-rule local-ip|peer-ip|local-source-port|local-destination-port list|create|modify|delete DCG_ID
//	dcg acl-rule local-ip|local-source-port                                list|create|modify|delete DCG_ID
//
// Rules have no IDs: they live on a gateway (the positional DCG_ID) and
// are named by their fields (modify takes the old values as --old-*).
// Create and delete take an array of rule objects, given as JSON in
// --rules until the builder can fold single-rule flags into it.
var (
	dcgArg     = &Param{Flag: "DCG_ID", Legacy: "directConnectGatewayId"}
	dcgVpcFlag = Param{Flag: "vpc-id", Legacy: "vpcId", Usage: "ID of the VPC of the direct connect gateway"}
	dcgNameUse = "name of the gateway: 1-25 Chinese or English letters, digits and underscores"
	// The rule lists page with offset/limit but report no total, so they
	// take --limit and --offset without --all.
	dcgRuleLimit  = Param{Flag: "limit", Legacy: "limit", Usage: "number of rules to return (service default 20)"}
	dcgRuleOffset = Param{Flag: "offset", Legacy: "offset", Usage: "rules to skip"}
	dcgDescFilter = Param{Flag: "description", Legacy: "description", Usage: "only rules whose description contains this"}
)

// dcgIPFlag declares a flag holding one IP address of a rule.
func dcgIPFlag(flag, wire, usage string) Param {
	return Param{Flag: flag, Legacy: wire, Usage: usage}
}

var dcgColumns = []output.Column{
	{Header: "ID", Path: "directConnectGatewayId"},
	{Header: "NAME", Path: "directConnectGatewayName"},
	{Header: "VPC", Format: firstField("unVpcId", "vpcId")},
	{Header: "TYPE", Path: "type", Format: dcgType},
	{Header: "IP", Path: "directConnectGatewayIp"},
	{Header: "CREATED", Path: "createTime"},
}

var (
	dcgIPRuleColumns = []output.Column{
		{Header: "ORIGINAL IP", Path: "originalIP"},
		{Header: "TRANSLATED IP", Path: "translationIP"},
		{Header: "DESCRIPTION", Path: "description"},
	}
	dcgSourcePortRuleColumns = []output.Column{
		{Header: "IP POOL", Path: "translationIPPool"},
		{Header: "DESCRIPTION", Path: "description"},
	}
	dcgDestinationPortRuleColumns = []output.Column{
		{Header: "PROTOCOL", Path: "proto"},
		{Header: "ORIGINAL IP", Path: "originalIP"},
		{Header: "ORIGINAL PORT", Path: "originalPort"},
		{Header: "TRANSLATED IP", Path: "translationIP"},
		{Header: "TRANSLATED PORT", Path: "translationPort"},
		{Header: "DESCRIPTION", Path: "description"},
	}
	dcgLocalIPAclColumns = []output.Column{
		{Header: "ID", Path: "aclRuleId"},
		{Header: "PROTOCOL", Path: "protocol"},
		{Header: "SOURCE PORT", Path: "sourcePort"},
		{Header: "DESTINATION", Path: "destinationCidr"},
		{Header: "DESTINATION PORT", Path: "destinationPort"},
	}
	dcgSourcePortAclColumns = []output.Column{
		{Header: "ID", Path: "aclRuleId"},
		{Header: "PROTOCOL", Path: "protocol"},
		{Header: "SOURCE", Path: "sourceCidr"},
		{Header: "SOURCE PORT", Path: "sourcePort"},
		{Header: "DESTINATION", Path: "destinationCidr"},
		{Header: "DESTINATION PORT", Path: "destinationPort"},
	}
	dcgRuleTaskColumns = []output.Column{{Header: "TASK ID", Path: "data.taskId"}}
	// DeleteDirectConnectGateway and ModifyDirectConnectGateway reply
	// with a top-level taskId.
	dcgTaskColumns = []output.Column{{Header: "TASK ID", Path: "taskId"}}
)

// Long descriptions of the rule kinds, from the pages' notes.
const (
	dcgLocalIPLong = `Local IP translation: an IP address of the VPC (the original IP) is seen
by the peer across the direct connect as another address (the translated
IP). The original IP must be in the VPC's CIDR block, the translated IP
outside it; on one gateway neither may repeat. NAT-type gateways only.`
	dcgPeerIPLong = `Peer IP translation: an IP address on the peer side of the direct connect
(the original IP) is seen inside the VPC as another address (the
translated IP), which must be outside the VPC's CIDR block; on one gateway
neither may repeat. NAT-type gateways only.`
	dcgSourcePortLong = `Local source IP port translation: traffic from the VPC reaches the peer
from a random IP address and port of an IP pool. The pool is one IP
address, a range such as 183.63.0.1-183.63.0.10 or a CIDR block, outside
the VPC's CIDR block. NAT-type gateways only.`
	dcgDestinationPortLong = `Local destination IP port translation: the peer reaches a port of an IP
address in the VPC (original IP and port) through another address and
port (translated IP and port); replies are not affected. NAT-type
gateways only.`
	dcgAclLong = `ACL rules limit the traffic one %s rule lets through; the rule is named
by %s. A rule's protocol is TCP, UDP or ALL, its ports a port or a range
such as 80-90 (0, 0-0 or empty for any) and its addresses an IP address or
CIDR block (empty for any).`
	dcgAsyncLong = `

The change finishes asynchronously: the command prints the task ID, and
--wait polls DescribeVpcTaskResult until it has succeeded or failed
(later: 'tcvpc task wait TASK_ID').`
)

// Usage of --rules: the fields of each rule object.
const (
	dcgIPRulesUse                    = "JSON|@FILE: [{originalIP,translationIP,description}]"
	dcgIPRulesDeleteUse              = "JSON|@FILE: [{originalIP,translationIP}]"
	dcgSourcePortRulesUse            = "JSON|@FILE: [{translationIPPool,description}]"
	dcgSourcePortRulesDeleteUse      = "JSON|@FILE: [{translationIPPool}]"
	dcgDestinationPortRulesUse       = "JSON|@FILE: [{proto,originalIP,originalPort,translationIP,translationPort,description}]"
	dcgDestinationPortRulesDeleteUse = "JSON|@FILE: [{proto,originalIP,originalPort,translationIP,translationPort}]"
	dcgLocalIPAclRulesUse            = "JSON|@FILE: [{protocol,sourcePort,destinationCidr,destinationPort}]"
	dcgLocalIPAclModifyUse           = "JSON|@FILE: [{aclRuleId,protocol,sourcePort,destinationCidr,destinationPort}]"
	dcgSourcePortAclRulesUse         = "JSON|@FILE: [{protocol,sourceCidr,sourcePort,destinationCidr,destinationPort}]"
	dcgSourcePortAclModifyUse        = "JSON|@FILE: [{aclRuleId,protocol,sourceCidr,sourcePort,destinationCidr,destinationPort}]"
)

func dcgCommands() []Command {
	cmds := []Command{
		{
			Path:    "dcg list",
			Aliases: []string{"ls"},
			Short:   "List direct connect gateways",
			Long: `List direct connect gateways, optionally of one VPC or by name.

TYPE is NAT for gateways that translate addresses (see 'tcvpc dcg
nat-rule'), standard otherwise; 'tcvpc dcg show' also counts their rules.`,
			Example: `  tcvpc dcg list
  tcvpc dcg list --vpc-id vpc-csnmo39l --all
  tcvpc dcg ls --name office -o json`,
			Legacy: "DescribeDirectConnectGateway",
			Params: []Param{
				{Flag: "vpc-id", Legacy: "vpcId", Usage: "only the gateways of this VPC"},
				{Flag: "name", Legacy: "directConnectGatewayName", Usage: "only gateways whose name contains this"},
			},
			Hide:       []string{"directConnectGatewayId"},
			List:       &List{LegacyRows: "data", LegacyTotal: "totalCount", MaxLimit: 50},
			LegacyView: View{Rows: "data", Columns: dcgColumns},
		},
		{
			Path:       "dcg show",
			Short:      "Show a direct connect gateway and its rule counts",
			Example:    `  tcvpc dcg show dcg-46i442a7`,
			Legacy:     "DescribeDirectConnectGateway",
			Arg:        dcgArg,
			Hide:       []string{"vpcId", "directConnectGatewayName", "orderField", "orderDirection", "offset", "limit"},
			Noun:       "direct connect gateway",
			LegacyView: View{Rows: "data", Single: true},
		},
		{
			Path:  "dcg create",
			Short: "Create a direct connect gateway",
			Long: `Create a direct connect gateway, which connects a VPC to your physical
direct connect lines, and print its ID.

--type 1 makes a NAT gateway, which can translate addresses ('tcvpc dcg
nat-rule'); the type cannot be changed later. A VPC can have one NAT and
one standard direct connect gateway.`,
			Example: `  tcvpc dcg create --vpc-id vpc-csnmo39l --name office
  tcvpc dcg create --vpc-id vpc-csnmo39l --name office_nat --type 1 -o text`,
			Legacy: "CreateDirectConnectGateway",
			Params: []Param{
				dcgVpcFlag,
				{Flag: "name", Legacy: "directConnectGatewayName", Usage: dcgNameUse},
				{Flag: "type", Legacy: "type", Usage: "1 for a NAT gateway, 0 for a standard one (default 0)"},
			},
			LegacyView: View{Columns: []output.Column{{Header: "ID", Path: "data.directConnectGatewayId"}}},
		},
		{
			Path:  "dcg modify",
			Short: "Rename a direct connect gateway",
			Long: `Rename a direct connect gateway (the name is the only attribute that can
change).` + dcgAsyncLong,
			Example: `  tcvpc dcg modify dcg-mm01ughx --vpc-id vpc-csnmo39l --name office2`,
			Legacy:  "ModifyDirectConnectGateway",
			Arg:     dcgArg,
			Params: []Param{
				dcgVpcFlag,
				{Flag: "name", Legacy: "directConnectGatewayName", Usage: "new " + dcgNameUse},
			},
			Noun: "direct connect gateway", Done: "Modified", Doing: "Modifying",
			LegacyView: View{Columns: dcgTaskColumns},
		},
		{
			Path:    "dcg delete",
			Aliases: []string{"rm"},
			Short:   "Delete a direct connect gateway",
			Long: `Delete a direct connect gateway. The NAT and ACL rules of a NAT gateway
go with it, and routes to the gateway are removed from route tables.` + dcgAsyncLong,
			Example: `  tcvpc dcg delete dcg-mm01ughx --vpc-id vpc-csnmo39l
  tcvpc dcg rm dcg-mm01ughx --vpc-id vpc-csnmo39l --yes`,
			Legacy:  "DeleteDirectConnectGateway",
			Arg:     dcgArg,
			Params:  []Param{dcgVpcFlag},
			Confirm: "delete", Noun: "direct connect gateway", Done: "Deleted", Doing: "Deleting",
			LegacyView: View{Columns: dcgTaskColumns},
		},
	}
	cmds = append(cmds, dcgLocalIPRuleCommands()...)
	cmds = append(cmds, dcgPeerIPRuleCommands()...)
	cmds = append(cmds, dcgSourcePortRuleCommands()...)
	cmds = append(cmds, dcgDestinationPortRuleCommands()...)
	cmds = append(cmds, dcgLocalIPAclCommands()...)
	return append(cmds, dcgSourcePortAclCommands()...)
}

func dcgLocalIPRuleCommands() []Command {
	noun := "local IP translation rules on"
	return []Command{
		{
			Path:    "dcg nat-rule local-ip list",
			Aliases: []string{"ls"},
			Short:   "List the local IP translations of a direct connect gateway",
			Long:    dcgLocalIPLong,
			Example: `  tcvpc dcg nat-rule local-ip list dcg-mm01ughx --vpc-id vpc-csnmo39l
  tcvpc dcg nat-rule local-ip ls dcg-mm01ughx --vpc-id vpc-csnmo39l --original-ip 10.0.0.5 -o json`,
			Legacy: "DescribeLocalIPTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{
				dcgVpcFlag,
				dcgIPFlag("original-ip", "originalIP", "only the rule of this original IP"),
				dcgIPFlag("translation-ip", "translationIP", "only the rule of this translated IP"),
				dcgDescFilter, dcgRuleLimit, dcgRuleOffset,
			},
			LegacyView: View{Rows: "data", Columns: dcgIPRuleColumns},
		},
		{
			Path:  "dcg nat-rule local-ip create",
			Short: "Add local IP translations to a direct connect gateway",
			Long:  dcgLocalIPLong + dcgAsyncLong,
			Example: `  tcvpc dcg nat-rule local-ip create dcg-mm01ughx --vpc-id vpc-csnmo39l \
    --rules '[{"originalIP":"10.100.10.2","translationIP":"183.0.0.1","description":"web"}]'`,
			Legacy: "CreateLocalIPTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{dcgVpcFlag, {Flag: "rules", Legacy: "localIPTranslation", Usage: dcgIPRulesUse}},
			Noun:   noun, Done: "Added", Doing: "Adding",
			LegacyView: View{Columns: dcgRuleTaskColumns},
		},
		{
			Path:  "dcg nat-rule local-ip modify",
			Short: "Change a local IP translation of a direct connect gateway",
			Long: `Change a local IP translation, named by its current --old-original-ip and
--old-translation-ip, to the given new values.

` + dcgLocalIPLong + dcgAsyncLong,
			Example: `  tcvpc dcg nat-rule local-ip modify dcg-mm01ughx --vpc-id vpc-csnmo39l \
    --old-original-ip 10.0.0.1 --old-translation-ip 138.0.0.1 --translation-ip 138.0.0.11`,
			Legacy: "ModifyLocalIPTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{
				dcgVpcFlag,
				dcgIPFlag("old-original-ip", "oldOriginalIP", "original IP of the rule to change"),
				dcgIPFlag("old-translation-ip", "oldTranslationIP", "translated IP of the rule to change"),
				dcgIPFlag("original-ip", "originalIP", "new original IP (in the VPC's CIDR block)"),
				dcgIPFlag("translation-ip", "translationIP", "new translated IP (outside the VPC's CIDR block)"),
				{Flag: "description", Legacy: "description", Usage: "new description"},
			},
			Noun: noun, Done: "Modified", Doing: "Modifying",
			LegacyView: View{Columns: dcgRuleTaskColumns},
		},
		{
			Path:    "dcg nat-rule local-ip delete",
			Aliases: []string{"rm"},
			Short:   "Delete local IP translations of a direct connect gateway",
			Long: `Delete local IP translations, each named by its original and translated IP.
Deleting a rule that does not exist is an error.` + dcgAsyncLong,
			Example: `  tcvpc dcg nat-rule local-ip delete dcg-mm01ughx --vpc-id vpc-csnmo39l \
    --rules '[{"originalIP":"10.100.10.2","translationIP":"183.0.0.1"}]' --yes`,
			Legacy: "DeleteLocalIPTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{dcgVpcFlag, {Flag: "rules", Legacy: "localIPTranslation",
				Usage: dcgIPRulesDeleteUse,
			}},
			Confirm: "delete", Noun: noun, Done: "Deleted", Doing: "Deleting",
			LegacyView: View{Columns: dcgRuleTaskColumns},
		},
	}
}

func dcgPeerIPRuleCommands() []Command {
	noun := "peer IP translation rules on"
	return []Command{
		{
			Path:    "dcg nat-rule peer-ip list",
			Aliases: []string{"ls"},
			Short:   "List the peer IP translations of a direct connect gateway",
			Long:    dcgPeerIPLong,
			Example: `  tcvpc dcg nat-rule peer-ip list dcg-mm01ughx --vpc-id vpc-csnmo39l`,
			Legacy:  "DescribePeerIPTranslationNatRule",
			Arg:     dcgArg,
			Params: []Param{
				dcgVpcFlag,
				dcgIPFlag("original-ip", "originalIP", "only the rule of this original (peer) IP"),
				dcgIPFlag("translation-ip", "translationIP", "only the rule of this translated IP"),
				dcgDescFilter, dcgRuleLimit, dcgRuleOffset,
			},
			LegacyView: View{Rows: "data", Columns: dcgIPRuleColumns},
		},
		{
			Path:  "dcg nat-rule peer-ip create",
			Short: "Add peer IP translations to a direct connect gateway",
			Long:  dcgPeerIPLong,
			Example: `  tcvpc dcg nat-rule peer-ip create dcg-mm01ughx --vpc-id vpc-csnmo39l \
    --rules '[{"originalIP":"10.100.10.3","translationIP":"183.0.0.1","description":"office"}]'`,
			Legacy: "CreatePeerIPTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{dcgVpcFlag, {Flag: "rules", Legacy: "peerIPTranslation", Usage: dcgIPRulesUse}},
			Noun:   noun, Done: "Added",
			LegacyView: View{Quiet: true},
		},
		{
			Path:  "dcg nat-rule peer-ip modify",
			Short: "Change a peer IP translation of a direct connect gateway",
			Long: `Change a peer IP translation, named by its current --old-original-ip and
--old-translation-ip, to the given new values.

` + dcgPeerIPLong,
			Example: `  tcvpc dcg nat-rule peer-ip modify dcg-mm01ughx --vpc-id vpc-csnmo39l \
    --old-original-ip 10.0.0.1 --old-translation-ip 138.0.0.1 --original-ip 10.0.0.5 --translation-ip 138.0.0.11`,
			Legacy: "ModifyPeerIPTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{
				dcgVpcFlag,
				dcgIPFlag("old-original-ip", "oldOriginalIP", "original (peer) IP of the rule to change"),
				dcgIPFlag("old-translation-ip", "oldTranslationIP", "translated IP of the rule to change"),
				dcgIPFlag("original-ip", "originalIP", "new original (peer) IP"),
				dcgIPFlag("translation-ip", "translationIP", "new translated IP (outside the VPC's CIDR block)"),
				{Flag: "description", Legacy: "description", Usage: "new description"},
			},
			Noun: noun, Done: "Modified",
			LegacyView: View{Quiet: true},
		},
		{
			Path:    "dcg nat-rule peer-ip delete",
			Aliases: []string{"rm"},
			Short:   "Delete peer IP translations of a direct connect gateway",
			Long:    `Delete peer IP translations, each named by its original and translated IP.`,
			Example: `  tcvpc dcg nat-rule peer-ip delete dcg-mm01ughx --vpc-id vpc-csnmo39l \
    --rules '[{"originalIP":"10.100.10.3","translationIP":"183.0.0.1"}]' --yes`,
			Legacy: "DeletePeerIPTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{dcgVpcFlag, {Flag: "rules", Legacy: "peerIPTranslation",
				Usage: dcgIPRulesDeleteUse,
			}},
			Confirm: "delete", Noun: noun, Done: "Deleted",
			LegacyView: View{Quiet: true},
		},
	}
}

func dcgSourcePortRuleCommands() []Command {
	noun := "local source IP port translation rules on"
	return []Command{
		{
			Path:       "dcg nat-rule local-source-port list",
			Aliases:    []string{"ls"},
			Short:      "List the local source IP port translations of a direct connect gateway",
			Long:       dcgSourcePortLong,
			Example:    `  tcvpc dcg nat-rule local-source-port list dcg-mm01ughx --vpc-id vpc-csnmo39l`,
			Legacy:     "DescribeLocalSourceIPPortTranslationNatRule",
			Arg:        dcgArg,
			Params:     []Param{dcgVpcFlag, dcgDescFilter, dcgRuleLimit, dcgRuleOffset},
			LegacyView: View{Rows: "data", Columns: dcgSourcePortRuleColumns},
		},
		{
			Path:  "dcg nat-rule local-source-port create",
			Short: "Add local source IP port translations to a direct connect gateway",
			Long:  dcgSourcePortLong + dcgAsyncLong,
			Example: `  tcvpc dcg nat-rule local-source-port create dcg-mm01ughx --vpc-id vpc-csnmo39l \
    --rules '[{"translationIPPool":"183.12.63.0-183.12.63.20","description":"egress"}]' --wait`,
			Legacy: "CreateLocalSourceIPPortTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{dcgVpcFlag, {Flag: "rules", Legacy: "localSourceIPPortTranslation", Usage: dcgSourcePortRulesUse}},
			Noun:   noun, Done: "Added", Doing: "Adding",
			LegacyView: View{Columns: dcgRuleTaskColumns},
		},
		{
			Path:  "dcg nat-rule local-source-port modify",
			Short: "Change a local source IP port translation of a direct connect gateway",
			Long: `Change the IP pool or description of a local source IP port translation,
named by its current pool (--old-translation-ip-pool).

` + dcgSourcePortLong + dcgAsyncLong,
			Example: `  tcvpc dcg nat-rule local-source-port modify dcg-mm01ughx --vpc-id vpc-csnmo39l \
    --old-translation-ip-pool 138.0.0.11-138.0.0.19 --translation-ip-pool 138.0.0.11-138.0.0.25`,
			Legacy: "ModifyLocalSourceIPPortTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{
				dcgVpcFlag,
				{Flag: "old-translation-ip-pool", Legacy: "oldTranslationIPPool", Usage: "IP pool of the rule to change"},
				{Flag: "translation-ip-pool", Legacy: "translationIPPool", Usage: "new IP pool: an IP address, a range such as 183.63.0.1-183.63.0.10 or a CIDR block"},
				{Flag: "description", Legacy: "description", Usage: "new description"},
			},
			Noun: noun, Done: "Modified", Doing: "Modifying",
			LegacyView: View{Columns: dcgRuleTaskColumns},
		},
		{
			Path:    "dcg nat-rule local-source-port delete",
			Aliases: []string{"rm"},
			Short:   "Delete local source IP port translations of a direct connect gateway",
			Long: `Delete local source IP port translations, each named by its IP pool.
Deleting a rule that does not exist is an error.` + dcgAsyncLong,
			Example: `  tcvpc dcg nat-rule local-source-port delete dcg-mm01ughx --vpc-id vpc-csnmo39l \
    --rules '[{"translationIPPool":"183.12.63.0-183.12.63.20"}]' --yes`,
			Legacy: "DeleteLocalSourceIPPortTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{dcgVpcFlag, {Flag: "rules", Legacy: "localSourceIPPortTranslation",
				Usage: dcgSourcePortRulesDeleteUse,
			}},
			Confirm: "delete", Noun: noun, Done: "Deleted", Doing: "Deleting",
			LegacyView: View{Columns: dcgRuleTaskColumns},
		},
	}
}

func dcgDestinationPortRuleCommands() []Command {
	noun := "local destination IP port translation rules on"
	return []Command{
		{
			Path:    "dcg nat-rule local-destination-port list",
			Aliases: []string{"ls"},
			Short:   "List the local destination IP port translations of a direct connect gateway",
			Long:    dcgDestinationPortLong,
			Example: `  tcvpc dcg nat-rule local-destination-port list dcg-mm01ughx --vpc-id vpc-csnmo39l
  tcvpc dcg nat-rule local-destination-port ls dcg-mm01ughx --vpc-id vpc-csnmo39l --protocol udp`,
			Legacy: "DescribeLocalDestinationIPPortTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{
				dcgVpcFlag,
				{Flag: "protocol", Legacy: "proto", Usage: "only rules of this protocol: tcp or udp"},
				dcgIPFlag("original-ip", "originalIP", "only rules of this original IP"),
				{Flag: "original-port", Legacy: "originalPort", Usage: "only rules of this original port or range"},
				dcgIPFlag("translation-ip", "translationIP", "only rules of this translated IP"),
				{Flag: "translation-port", Legacy: "translationPort", Usage: "only rules of this translated port or range"},
				dcgDescFilter, dcgRuleLimit, dcgRuleOffset,
			},
			LegacyView: View{Rows: "data", Columns: dcgDestinationPortRuleColumns},
		},
		{
			Path:  "dcg nat-rule local-destination-port create",
			Short: "Add local destination IP port translations to a direct connect gateway",
			Long: dcgDestinationPortLong + `

In a rule, proto is tcp or udp and each port a port or a range such as
80-90.`,
			Example: `  tcvpc dcg nat-rule local-destination-port create dcg-mm01ughx --vpc-id vpc-csnmo39l \
    --rules '[{"originalIP":"10.100.10.3","originalPort":"80","translationIP":"183.0.0.1","translationPort":"90","proto":"tcp"}]'`,
			Legacy: "CreateLocalDestinationIPPortTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{dcgVpcFlag, {Flag: "rules", Legacy: "localDestinationIPPortTranslation", Usage: dcgDestinationPortRulesUse}},
			Noun:   noun, Done: "Added",
			LegacyView: View{Quiet: true},
		},
		{
			Path:  "dcg nat-rule local-destination-port modify",
			Short: "Change a local destination IP port translation of a direct connect gateway",
			Long: `Change a local destination IP port translation, named by all five of its
current values (--old-protocol, --old-original-ip, --old-original-port,
--old-translation-ip, --old-translation-port), to the given new values.

` + dcgDestinationPortLong,
			Example: `  tcvpc dcg nat-rule local-destination-port modify dcg-mm01ughx --vpc-id vpc-csnmo39l \
    --old-protocol tcp --old-original-ip 10.0.0.1 --old-original-port 80 \
    --old-translation-ip 138.0.0.1 --old-translation-port 90 --translation-port 8080`,
			Legacy: "ModifyLocalDestinationIPPortTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{
				dcgVpcFlag,
				{Flag: "old-protocol", Legacy: "oldProto", Usage: "protocol of the rule to change: tcp or udp"},
				dcgIPFlag("old-original-ip", "oldOriginalIP", "original IP of the rule to change"),
				{Flag: "old-original-port", Legacy: "oldOriginalPort", Usage: "original port (or range) of the rule to change"},
				dcgIPFlag("old-translation-ip", "oldTranslationIP", "translated IP of the rule to change"),
				{Flag: "old-translation-port", Legacy: "oldTranslationPort", Usage: "translated port (or range) of the rule to change"},
				{Flag: "protocol", Legacy: "proto", Usage: "new protocol: tcp or udp"},
				dcgIPFlag("original-ip", "originalIP", "new original IP"),
				{Flag: "original-port", Legacy: "originalPort", Usage: "new original port or range such as 80-90"},
				dcgIPFlag("translation-ip", "translationIP", "new translated IP"),
				{Flag: "translation-port", Legacy: "translationPort", Usage: "new translated port or range such as 8080-8090"},
				{Flag: "description", Legacy: "description", Usage: "new description"},
			},
			Noun: noun, Done: "Modified",
			LegacyView: View{Quiet: true},
		},
		{
			Path:    "dcg nat-rule local-destination-port delete",
			Aliases: []string{"rm"},
			Short:   "Delete local destination IP port translations of a direct connect gateway",
			Long:    `Delete local destination IP port translations, each named by all five of its values.`,
			Example: `  tcvpc dcg nat-rule local-destination-port delete dcg-mm01ughx --vpc-id vpc-csnmo39l \
    --rules '[{"originalIP":"10.100.10.3","originalPort":"80","translationIP":"183.0.0.1","translationPort":"90","proto":"tcp"}]' --yes`,
			Legacy: "DeleteLocalDestinationIPPortTranslationNatRule",
			Arg:    dcgArg,
			Params: []Param{dcgVpcFlag, {Flag: "rules", Legacy: "localDestinationIPPortTranslation",
				Usage: dcgDestinationPortRulesDeleteUse,
			}},
			Confirm: "delete", Noun: noun, Done: "Deleted",
			LegacyView: View{Quiet: true},
		},
	}
}

func dcgLocalIPAclCommands() []Command {
	noun := "local IP translation ACL rules on"
	long := fmt.Sprintf(dcgAclLong, "local IP translation", "--original-ip and --translation-ip")
	natRule := []Param{
		dcgVpcFlag,
		dcgIPFlag("original-ip", "originalIP", "original IP of the local IP translation"),
		dcgIPFlag("translation-ip", "translationIP", "translated IP of the local IP translation"),
	}
	return []Command{
		{
			Path:    "dcg acl-rule local-ip list",
			Aliases: []string{"ls"},
			Short:   "List the ACL rules of a local IP translation",
			Long:    long,
			Example: `  tcvpc dcg acl-rule local-ip list dcg-mm01ughx --vpc-id vpc-csnmo39l --original-ip 10.0.0.5 --translation-ip 138.0.0.11`,
			Legacy:  "DescribeLocalIPTranslationAclRule",
			Arg:     dcgArg,
			Params: dcgWith(natRule,
				Param{Flag: "rule-id", Legacy: "aclRules", Usage: "only these ACL rules (IDs such as 25; repeatable)"}),
			LegacyView: View{Rows: "data", Columns: dcgLocalIPAclColumns},
		},
		{
			Path:  "dcg acl-rule local-ip create",
			Short: "Add ACL rules to a local IP translation",
			Long:  long,
			Example: `  tcvpc dcg acl-rule local-ip create dcg-mm01ughx --vpc-id vpc-csnmo39l --original-ip 10.0.0.5 --translation-ip 138.0.0.11 \
    --rules '[{"protocol":"TCP","sourcePort":"80","destinationCidr":"10.0.0.0/18","destinationPort":"90"}]'`,
			Legacy: "CreateLocalIPTranslationAclRule",
			Arg:    dcgArg,
			Params: dcgWith(natRule,
				Param{Flag: "rules", Legacy: "aclRules", Usage: dcgLocalIPAclRulesUse}),
			Noun: noun, Done: "Added",
			LegacyView: View{Quiet: true},
		},
		{
			Path:  "dcg acl-rule local-ip modify",
			Short: "Change ACL rules of a local IP translation",
			Long:  long + "\n\nEach rule in --rules names the ACL rule it replaces by its aclRuleId.",
			Example: `  tcvpc dcg acl-rule local-ip modify dcg-mm01ughx --vpc-id vpc-csnmo39l --original-ip 10.0.0.5 --translation-ip 138.0.0.11 \
    --rules '[{"aclRuleId":27,"protocol":"TCP","sourcePort":"80","destinationCidr":"10.0.0.0/18","destinationPort":"90"}]'`,
			Legacy: "ModifyLocalIPTranslationAclRule",
			Arg:    dcgArg,
			Params: dcgWith(natRule,
				Param{Flag: "rules", Legacy: "aclRules", Usage: dcgLocalIPAclModifyUse}),
			Noun: noun, Done: "Modified",
			LegacyView: View{Quiet: true},
		},
		{
			Path:    "dcg acl-rule local-ip delete",
			Aliases: []string{"rm"},
			Short:   "Delete ACL rules of a local IP translation",
			Example: `  tcvpc dcg acl-rule local-ip delete dcg-mm01ughx --vpc-id vpc-csnmo39l --original-ip 10.0.0.5 --translation-ip 138.0.0.11 --rule-id 25 --yes`,
			Legacy:  "DeleteLocalIPTranslationAclRule",
			Arg:     dcgArg,
			Params: dcgWith(natRule,
				Param{Flag: "rule-id", Legacy: "aclRules", Usage: "IDs of the ACL rules to delete, such as 25 (repeatable)"}),
			Confirm: "delete", Noun: noun, Done: "Deleted",
			LegacyView: View{Quiet: true},
		},
	}
}

func dcgSourcePortAclCommands() []Command {
	noun := "local source IP port translation ACL rules on"
	long := fmt.Sprintf(dcgAclLong, "local source IP port translation", "its IP pool (--translation-ip-pool)")
	pool := Param{Flag: "translation-ip-pool", Legacy: "translationIPPool", Usage: "IP pool of the local source IP port translation, such as 11.1.1.1-11.1.1.10"}
	return []Command{
		{
			Path:    "dcg acl-rule local-source-port list",
			Aliases: []string{"ls"},
			Short:   "List the ACL rules of a local source IP port translation",
			Long:    long,
			Example: `  tcvpc dcg acl-rule local-source-port list dcg-mm01ughx --vpc-id vpc-csnmo39l --translation-ip-pool 11.1.1.1-11.1.1.10`,
			Legacy:  "DescribeLocalSourceIPPortTranslationAclRule",
			Arg:     dcgArg,
			Params: []Param{dcgVpcFlag, pool,
				{Flag: "rule-id", Legacy: "aclRules", Usage: "only these ACL rules (IDs such as 25; repeatable)"}},
			LegacyView: View{Rows: "data", Columns: dcgSourcePortAclColumns},
		},
		{
			Path:  "dcg acl-rule local-source-port create",
			Short: "Add ACL rules to a local source IP port translation",
			Long: long + `

The ACL rules of different local source IP port translations of one
gateway must not overlap.`,
			Example: `  tcvpc dcg acl-rule local-source-port create dcg-mm01ughx --vpc-id vpc-csnmo39l --translation-ip-pool 138.0.0.11-138.0.0.111 \
    --rules '[{"protocol":"TCP","sourceCidr":"10.0.0.0/18","sourcePort":"80","destinationCidr":"192.168.0.0/18","destinationPort":"90"}]'`,
			Legacy: "CreateLocalSourceIPPortTranslationAclRule",
			Arg:    dcgArg,
			Params: []Param{dcgVpcFlag, pool,
				{Flag: "rules", Legacy: "aclRules", Usage: dcgSourcePortAclRulesUse}},
			Noun: noun, Done: "Added",
			LegacyView: View{Quiet: true},
		},
		{
			Path:  "dcg acl-rule local-source-port modify",
			Short: "Change ACL rules of a local source IP port translation",
			Long:  long + "\n\nEach rule in --rules names the ACL rule it replaces by its aclRuleId.",
			Example: `  tcvpc dcg acl-rule local-source-port modify dcg-mm01ughx --vpc-id vpc-csnmo39l --translation-ip-pool 138.0.0.11-138.0.0.111 \
    --rules '[{"aclRuleId":26,"protocol":"TCP","sourceCidr":"10.0.0.0/18","sourcePort":"80","destinationCidr":"192.168.0.0/18","destinationPort":"90"}]'`,
			Legacy: "ModifyLocalSourceIPPortTranslationAclRule",
			Arg:    dcgArg,
			Params: []Param{dcgVpcFlag, pool,
				{Flag: "rules", Legacy: "aclRules", Usage: dcgSourcePortAclModifyUse}},
			Noun: noun, Done: "Modified",
			LegacyView: View{Quiet: true},
		},
		{
			Path:    "dcg acl-rule local-source-port delete",
			Aliases: []string{"rm"},
			Short:   "Delete ACL rules of a local source IP port translation",
			Example: `  tcvpc dcg acl-rule local-source-port delete dcg-mm01ughx --vpc-id vpc-csnmo39l --translation-ip-pool 11.1.1.1-11.1.1.10 --rule-id 25 --yes`,
			Legacy:  "DeleteLocalSourceIPPortTranslationAclRule",
			Arg:     dcgArg,
			Params: []Param{dcgVpcFlag, pool,
				{Flag: "rule-id", Legacy: "aclRules", Usage: "IDs of the ACL rules to delete, such as 25 (repeatable)"}},
			Confirm: "delete", Noun: noun, Done: "Deleted",
			LegacyView: View{Quiet: true},
		},
	}
}

// dcgType names a gateway's type in tables.
func dcgType(v any) string {
	switch params.Scalar(v) {
	case "0":
		return "standard"
	case "1":
		return "NAT"
	}
	return params.Scalar(v)
}

// dcgWith returns base followed by more, in a new slice.
func dcgWith(base []Param, more ...Param) []Param {
	return append(append([]Param(nil), base...), more...)
}
