package cmd

import (
	"encoding/json"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// Network ACL commands: the legacy network ACL pages (CreateNetworkAcl
// … DeleteSubnetAclRule, DescribeAcl). API 3.0 has no ACL operations in the
// manual.
//
//   - DescribeNetworkAcl and DescribeAcl both list ACLs. The first (rows in
//     data, totalCount at the top, filters vpcId and networkAclId) is
//     `list` and, by ID, `show`; the second filters by name (rows in
//     data.aclSet, data.totalCount) and is `search`. Its table names the
//     fields networkAclId/networkAclName and its example aclId/aclName:
//     the columns read either.
//   - CreateSubnetAclRule and DeleteSubnetAclRule do not create rules: they
//     bind subnets to an ACL and unbind them (`associate`, `disassociate`).
//   - ModifyNetworkAclEntry replaces the rules of one direction (`rule set`).
//     Its table says action 0 allows and 1 denies; DescribeNetworkAcl's
//     table, its example (the allow-all default rule shows 1) and
//     DescribeAcl say 1 allows. The number is sent as given.
var (
	aclArg     = &Param{Flag: "ACL_ID", Legacy: "networkAclId"}
	aclVpcID   = Param{Flag: "vpc-id", Legacy: "vpcId", Usage: "ID of the VPC of the network ACL"}
	aclName    = Param{Flag: "name", Legacy: "networkAclName", Usage: "name of the network ACL (up to 60 characters)"}
	aclSubnets = Param{Flag: "subnet-ids", Legacy: "subnetIds",
		Usage: "IDs of subnets of the VPC (repeatable or comma-separated)"}
)

var (
	aclColumns = []output.Column{
		{Header: "ID", Path: "networkAclId"},
		{Header: "NAME", Path: "networkAclName"},
		{Header: "VPC", Format: firstField("unVpcId", "vpcId")},
		{Header: "SUBNETS", Path: "subnetNum"},
		{Header: "INGRESS", Path: "networkAclEntrySet.ingress", Format: aclCount},
		{Header: "EGRESS", Path: "networkAclEntrySet.egress", Format: aclCount},
		{Header: "CREATED", Path: "createTime"},
	}
	aclSearchColumns = []output.Column{
		{Header: "ID", Format: firstField("networkAclId", "aclId")},
		{Header: "NAME", Format: firstField("networkAclName", "aclName")},
		{Header: "VPC", Format: firstField("unVpcId", "vpcId")},
		{Header: "VPC CIDR", Path: "vpcCidrBlock"},
		{Header: "SUBNETS", Path: "subnetNum"},
		{Header: "CREATED", Path: "createTime"},
	}
)

// aclRulesUsage is the flag's usage (the description spells out the fields).
const aclRulesUsage = "the rules as a JSON list of {desc, ipProtocol, cidrIp, portRange, action}"

func aclCommands() []Command {
	return []Command{
		{
			Path:    "acl list",
			Aliases: []string{"ls"},
			Short:   "List network ACLs",
			Long: `List the network ACLs of the region, or of one VPC. INGRESS and EGRESS count
the rules of each direction; 'tcvpc acl show' prints them.`,
			Example: `  tcvpc acl list
  tcvpc acl list --vpc-id vpc-erxok83l --order-field networkAclName --order-direction asc
  tcvpc acl list --all -o json`,
			Legacy: "DescribeNetworkAcl",
			Params: []Param{
				{Flag: "vpc-id", Legacy: "vpcId", Usage: "only network ACLs of this VPC"},
			},
			Hide:       []string{"networkAclId"},
			List:       &List{LegacyRows: "data", LegacyTotal: "totalCount"},
			LegacyView: View{Rows: "data", Columns: aclColumns},
		},
		{
			Path:  "acl show",
			Short: "Show a network ACL and its rules",
			Example: `  tcvpc acl show acl-jk7weyp2
  tcvpc acl show acl-jk7weyp2 --query 'data[0].networkAclEntrySet.ingress' -o json`,
			Legacy:     "DescribeNetworkAcl",
			Arg:        aclArg,
			Params:     []Param{{Flag: "vpc-id", Legacy: "vpcId", Usage: "ID of the VPC of the network ACL (optional)"}},
			Hide:       []string{"offset", "limit", "orderField", "orderDirection"},
			Noun:       "network ACL",
			LegacyView: View{Rows: "data", Single: true},
		},
		{
			Path:  "acl search",
			Short: "Find network ACLs by name",
			Long: `Find the network ACLs whose name matches --name, in the region or in one
VPC (DescribeAcl).`,
			Example: `  tcvpc acl search --name web
  tcvpc acl search --vpc-id vpc-7izaqk5h -o json`,
			Legacy: "DescribeAcl",
			Params: []Param{
				{Flag: "name", Legacy: "name", Usage: "name of the network ACLs"},
				{Flag: "vpc-id", Legacy: "vpcId", Usage: "only network ACLs of this VPC"},
			},
			List:       &List{LegacyRows: "data.aclSet", LegacyTotal: "data.totalCount"},
			LegacyView: View{Rows: "data.aclSet", Columns: aclSearchColumns},
		},
		{
			Path:  "acl create",
			Short: "Create a network ACL",
			Long: `Create a network ACL in a VPC. It starts with one rule allowing all traffic in
each direction; change them with 'tcvpc acl rule set' and bind subnets with
'tcvpc acl associate'. Network ACLs are stateless: replies need rules too.`,
			Example:    `  tcvpc acl create --vpc-id vpc-4n9efgju --name web-tier`,
			Legacy:     "CreateNetworkAcl",
			Params:     []Param{aclVpcID, aclName},
			LegacyView: View{Columns: []output.Column{{Header: "ID", Path: "data.networkAclId"}}},
		},
		{
			Path:       "acl modify",
			Short:      "Rename a network ACL",
			Example:    `  tcvpc acl modify acl-cva92t60 --vpc-id vpc-ktom9wg5 --name barrytt`,
			Legacy:     "ModifyNetworkAcl",
			Arg:        aclArg,
			Params:     []Param{aclVpcID, aclName},
			Noun:       "network ACL",
			Done:       "Modified",
			LegacyView: View{Quiet: true},
		},
		{
			Path:    "acl delete",
			Aliases: []string{"rm"},
			Short:   "Delete a network ACL",
			Long: `Delete a network ACL. An ACL bound to subnets cannot be deleted: unbind them
first with 'tcvpc acl disassociate'.`,
			Example: `  tcvpc acl delete acl-jk7weyp2 --vpc-id vpc-erxok83l`,
			Legacy:  "DeleteNetworkAcl",
			Arg:     aclArg,
			Params:  []Param{aclVpcID},
			Confirm: "delete", Noun: "network ACL", Done: "Deleted",
			LegacyView: View{Quiet: true},
		},
		{
			Path:  "acl associate",
			Short: "Bind subnets to a network ACL",
			Long: `Bind subnets of the VPC to a network ACL (CreateSubnetAclRule); its rules then
filter their traffic. A subnet has at most one network ACL.`,
			Example:    `  tcvpc acl associate acl-e9dbyl8s --vpc-id vpc-erxok83l --subnet-ids subnet-i6mdq6ra`,
			Legacy:     "CreateSubnetAclRule",
			Arg:        aclArg,
			Params:     []Param{aclVpcID, aclSubnets},
			Noun:       "network ACL",
			Done:       "Associated subnets with",
			LegacyView: View{Quiet: true},
		},
		{
			Path:  "acl disassociate",
			Short: "Unbind subnets from a network ACL",
			Long: `Unbind subnets from a network ACL (DeleteSubnetAclRule); their traffic is no
longer filtered by it.`,
			Example: `  tcvpc acl disassociate acl-e9dbyl8s --vpc-id vpc-erxok83l --subnet-ids subnet-i6mdq6ra`,
			Legacy:  "DeleteSubnetAclRule",
			Arg:     aclArg,
			Params:  []Param{aclVpcID, aclSubnets},
			Confirm: "disassociate subnets from", Noun: "network ACL", Done: "Disassociated subnets from",
			LegacyView: View{Quiet: true},
		},
		{
			Path:  "acl rule set",
			Short: "Replace the inbound or outbound rules of a network ACL",
			Long: `Replace every rule of one direction of a network ACL: --direction 1 for
inbound (ingress) rules, 0 for outbound (egress) rules. Rules are matched in
order. Each rule is an object:

  desc        remark (up to 60 characters; may be "")
  ipProtocol  tcp, udp, icmp, gre or all
  cidrIp      IPv4 address or CIDR block of the other side, e.g. 10.0.0.0/8
  portRange   ALL, a port such as 80 or a range such as 8000-8080
  action      1 or 0: DescribeNetworkAcl shows 1 for allow, 0 for deny (the
              ModifyNetworkAclEntry page says the reverse); check the result
              with 'tcvpc acl show'`,
			Example: `  tcvpc acl rule set acl-jk7weyp2 --vpc-id vpc-erxok83l --direction 1 \
    --rules-json '[{"desc":"test","ipProtocol":"all","cidrIp":"0.0.0.0/0","portRange":"ALL","action":1}]'
  tcvpc acl rule set acl-jk7weyp2 --vpc-id vpc-erxok83l --direction 0 --rules-json "$(cat egress.json)" --yes`,
			Legacy: "ModifyNetworkAclEntry",
			Arg:    aclArg,
			Params: []Param{aclVpcID,
				{Flag: "direction", Legacy: "ruleDirection", Usage: "1 for inbound (ingress) rules, 0 for outbound (egress) rules"},
				// The builder does not pass JSON values through Check yet:
				// until it does, the model checks the rules' fields and types.
				{Flag: "rules-json", Legacy: "networkAclEntrySet", Check: aclCheckRulesJSON, Usage: aclRulesUsage},
			},
			Confirm: "replace the rules of", Noun: "network ACL", Done: "Replaced the rules of",
			LegacyView: View{Quiet: true},
		},
	}
}

// aclCount shows how many rules a direction has.
func aclCount(v any) string {
	list, ok := v.([]any)
	if !ok {
		return ""
	}
	return strconv.Itoa(len(list))
}

// aclCheckRulesJSON validates a rule set given as JSON text.
func aclCheckRulesJSON(flag, text string) error {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return usagef("invalid value for %s: expected JSON (%v)", flag, err)
	}
	return aclCheckRules(flag, v)
}

// aclCheckRules validates every rule of a decoded rule set: the fields the
// page documents, each of the form it describes.
func aclCheckRules(flag string, v any) error {
	rules, ok := v.([]any)
	if !ok {
		return usagef(`invalid value for %s: expected a JSON list of rules such as [{"desc":"web","ipProtocol":"tcp","cidrIp":"0.0.0.0/0","portRange":"80","action":1}]`, flag)
	}
	for i, r := range rules {
		m, ok := r.(map[string]any)
		if !ok {
			return usagef("invalid rule %d in %s: expected an object with desc, ipProtocol, cidrIp, portRange and action", i+1, flag)
		}
		for k := range m {
			switch k {
			case "desc", "ipProtocol", "cidrIp", "portRange", "action":
			default:
				return usagef("invalid rule %d in %s: unknown field %q (expected desc, ipProtocol, cidrIp, portRange, action)", i+1, flag, k)
			}
		}
		field := func(name string) (string, error) {
			x, ok := m[name]
			if !ok {
				return "", usagef("invalid rule %d in %s: %s is missing", i+1, flag, name)
			}
			switch x.(type) {
			case string, json.Number:
				return params.Scalar(x), nil
			}
			return "", usagef("invalid rule %d in %s: %s must be a string or number", i+1, flag, name)
		}
		bad := func(name, value, want string) error {
			return usagef("invalid rule %d in %s: %s %q: expected %s", i+1, flag, name, value, want)
		}
		desc, err := field("desc")
		if err != nil {
			return err
		}
		if utf8.RuneCountInString(desc) > 60 {
			return bad("desc", desc, "at most 60 characters")
		}
		proto, err := field("ipProtocol")
		if err != nil {
			return err
		}
		switch strings.ToLower(proto) {
		case "tcp", "udp", "icmp", "gre", "all":
		default:
			return bad("ipProtocol", proto, "tcp, udp, icmp, gre or all")
		}
		cidr, err := field("cidrIp")
		if err != nil {
			return err
		}
		if !model.FormatIPv4OrCIDR.Match(cidr, "", model.Legacy) {
			return bad("cidrIp", cidr, "an IPv4 address or CIDR block such as 10.0.0.0/8")
		}
		ports, err := field("portRange")
		if err != nil {
			return err
		}
		if !model.FormatPorts.Match(ports, "", model.Legacy) {
			return bad("portRange", ports, "ALL, a port such as 80 or a range such as 8000-8080")
		}
		action, err := field("action")
		if err != nil {
			return err
		}
		if action != "0" && action != "1" {
			return bad("action", action, "1 or 0")
		}
	}
	return nil
}
