package cmd

import (
	"encoding/json"
	"fmt"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/pager"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// Security group commands, all API 3.0 (the legacy API documents none).
// Wire names and replies from the security-group pages of the manual
// (CreateSecurityGroup … ReplaceSecurityGroupPolicy) and the SecurityGroup,
// SecurityGroupPolicy and SecurityGroupPolicySet data structures.
var (
	sgArg     = &Param{Flag: "SECURITY_GROUP_ID", V3: "SecurityGroupId"}
	sgListArg = &Param{Flag: "SECURITY_GROUP_ID", V3: "SecurityGroupIds"}
)

var sgColumns = []output.Column{
	{Header: "ID", Path: "SecurityGroupId"},
	{Header: "NAME", Path: "SecurityGroupName"},
	{Header: "DESCRIPTION", Path: "SecurityGroupDesc"},
	{Header: "PROJECT", Path: "ProjectId"},
	{Header: "DEFAULT", Path: "IsDefault"},
	{Header: "CREATED", Path: "CreatedTime"},
}

func sgCommands() []Command {
	return []Command{
		{
			Path:    "sg list",
			Aliases: []string{"ls"},
			Short:   "List security groups",
			Long: `List security groups.

Filters (--filter NAME=VALUE[,VALUE…]): project-id, security-group-name;
--name and --project-id are shorthands for them. --security-group-id
cannot be combined with filters.`,
			Example: `  tcvpc sg list
  tcvpc sg list --project-id 0 --name TestGroup --limit 1
  tcvpc sg ls --security-group-id sg-05bb4upy,sg-ohuuioma -o json`,
			V3: "DescribeSecurityGroups",
			Params: []Param{
				{Flag: "security-group-id", V3: "SecurityGroupIds", Usage: "only these security groups (repeatable or comma-separated)"},
				{Flag: "name", V3Filter: "security-group-name", Usage: "only groups with this name (filter security-group-name)"},
				{Flag: "project-id", V3Filter: "project-id", Check: sgProjectCheck, Usage: "only groups of this project (filter project-id)"},
			},
			List:   &List{V3Rows: "SecurityGroupSet", V3Total: "TotalCount"},
			V3View: View{Rows: "SecurityGroupSet", Columns: sgColumns},
		},
		{
			Path:    "sg show",
			Short:   "Show a security group",
			Example: `  tcvpc sg show sg-05bb4upy`,
			V3:      "DescribeSecurityGroups",
			Arg:     sgListArg,
			Hide:    []string{"Filters", "Offset", "Limit"},
			Noun:    "security group",
			V3View:  View{Rows: "SecurityGroupSet", Single: true},
		},
		{
			Path:  "sg create",
			Short: "Create a security group",
			Long: `Create a security group (without rules; add them with 'tcvpc sg rule add')
and print it.`,
			Example: `  tcvpc sg create --name TestGroup --description test-group-desc
  tcvpc sg create --name web --description "web servers" --project-id 1079263 -o json`,
			V3: "CreateSecurityGroup",
			Params: []Param{
				{Flag: "name", V3: "GroupName", Usage: "name of the group (at most 60 characters)"},
				{Flag: "description", V3: "GroupDescription", Usage: "description of the group (at most 100 characters)"},
				{Flag: "project-id", V3: "ProjectId", Check: sgProjectCheck, Usage: "project ID (default 0, the default project)"},
			},
			V3View: View{Rows: "SecurityGroup", Columns: sgColumns},
		},
		{
			Path:    "sg modify",
			Short:   "Rename a security group or change its description",
			Example: `  tcvpc sg modify sg-33ocnj9n --name TestGroupNewName --description test-group-desc`,
			V3:      "ModifySecurityGroupAttribute",
			Arg:     sgArg,
			Params: []Param{
				{Flag: "name", V3: "GroupName", Usage: "new name (at most 60 characters)"},
				{Flag: "description", V3: "GroupDescription", Usage: "new description (at most 100 characters)"},
			},
			Noun: "security group", Done: "Modified",
			V3View: View{Quiet: true},
		},
		{
			Path:    "sg delete",
			Aliases: []string{"rm"},
			Short:   "Delete a security group",
			Long: `Delete a security group. The default group cannot be deleted, nor a group
still bound to instances or referenced by other groups' rules (see
'tcvpc sg stats').`,
			Example: `  tcvpc sg delete sg-kxxx1gb1
  tcvpc sg rm sg-kxxx1gb1 --yes`,
			V3:      "DeleteSecurityGroup",
			Arg:     sgArg,
			Confirm: "delete", Noun: "security group", Done: "Deleted",
			V3View: View{Quiet: true},
		},
		{
			Path:  "sg stats",
			Short: "Count the instances a security group is bound to",
			Long: `Count what uses a security group: CVM instances, database (CDB) instances,
network interfaces (ENI), load balancers (CLB) and other groups' rules
(SG).`,
			Example: `  tcvpc sg stats sg-ohuuioma`,
			V3:      "DescribeSecurityGroupAssociationStatistics",
			Arg:     sgListArg,
			V3View: View{Rows: "SecurityGroupAssociationStatisticsSet", Columns: []output.Column{
				{Header: "ID", Path: "SecurityGroupId"},
				{Header: "CVM", Path: "CVM"},
				{Header: "CDB", Path: "CDB"},
				{Header: "ENI", Path: "ENI"},
				{Header: "SG", Path: "SG"},
				{Header: "CLB", Path: "CLB"},
			}},
		},
		{
			Path:    "sg rule list",
			Aliases: []string{"ls"},
			Short:   "List the rules of a security group",
			Long: `List the ingress and egress rules of a security group with the version of
the rule set (give it to add, delete and replace as "Version" to fail
instead of overwriting a concurrent change). Each rule reads
INDEX:ACTION PROTOCOL:PORT PEER, where PEER is a CIDR block, a security
group or an address template; -o json shows every field.`,
			Example: `  tcvpc sg rule list sg-ohuuioma
  tcvpc sg rule ls sg-ohuuioma -o json`,
			V3:     "DescribeSecurityGroupPolicies",
			Arg:    sgArg,
			V3View: View{RowsFunc: sgRuleRows, Columns: sgRuleColumns},
		},
		{
			Path:  "sg rule add",
			Short: "Add rules to a security group",
			Long: `Add rules of one direction (Ingress or Egress) to a security group.

In a rule, Protocol is TCP, UDP, ICMP, GRE or ALL; Port (TCP and UDP
only) a port, a range 8000-8010 or ALL; the peer one of CidrBlock,
SecurityGroupId or AddressTemplate; Action ACCEPT or DROP. PolicyIndex, if
given, is where the rules are inserted (the same for every rule).`,
			Example: `  tcvpc sg rule add sg-ohuuioma --direction ingress --rule TCP:80 --cidr 10.0.0.0/8 --action ACCEPT --description web
  tcvpc sg rule add sg-ohuuioma --direction egress --protocol ALL --source-sg sg-05bb4upy --action DROP --index 0 --version 21
  tcvpc sg rule add sg-ohuuioma --policies-json @ingress.json`,
			V3:    "CreateSecurityGroupPolicies",
			Arg:   sgArg,
			Hide:  []string{"SecurityGroupPolicySet"},
			Extra: sgRules(sgAdd),
			Noun:  "security group", Done: "Added rules to",
			V3View: View{Quiet: true},
		},
		{
			Path:    "sg rule delete",
			Aliases: []string{"rm"},
			Short:   "Delete rules of a security group",
			Long: `Delete rules of one direction from a security group, either by index
({"Ingress":[{"PolicyIndex":0},{"PolicyIndex":1}]}) or by matching whole
rules, not both in one request.`,
			Example: `  tcvpc sg rule delete sg-ohuuioma --direction egress --index 0,1 --version 40
  tcvpc sg rule rm sg-ohuuioma --direction ingress --rule TCP:80 --cidr 10.0.0.0/8 --action ACCEPT --yes`,
			V3:      "DeleteSecurityGroupPolicies",
			Arg:     sgArg,
			Hide:    []string{"SecurityGroupPolicySet"},
			Extra:   sgRules(sgDelete),
			Confirm: "delete rules of", Noun: "security group", Done: "Deleted rules of",
			V3View: View{Quiet: true},
		},
		{
			Path:    "sg rule replace",
			Short:   "Replace one rule of a security group",
			Long:    `Replace the rule at PolicyIndex of one direction with a new rule.`,
			Example: `  tcvpc sg rule replace sg-ohuuioma --direction egress --index 2 --rule UDP:53 --cidr 10.0.0.2 --action ACCEPT --version 20`,
			V3:      "ReplaceSecurityGroupPolicy",
			Arg:     sgArg,
			Hide:    []string{"SecurityGroupPolicySet"},
			Extra:   sgRules(sgReplace),
			Noun:    "security group", Done: "Replaced a rule of",
			V3View: View{Quiet: true},
		},
		{
			Path:  "sg rule set",
			Short: "Replace every rule of a security group",
			Long: `Replace the whole rule set of a security group: every ingress and egress
rule is deleted, then the given ones are added in order. Give both
Ingress and Egress (an empty list removes all rules of that direction);
PolicyIndex is not accepted. "Version":"0" clears every rule.`,
			Example: `  tcvpc sg rule set sg-ohuuioma --policies-json @rules.yaml --yes
  tcvpc sg rule list sg-05bb4upy -o json --query SecurityGroupPolicySet | tcvpc sg rule set sg-ohuuioma --policies-json @- --yes`,
			V3:      "ModifySecurityGroupPolicies",
			Arg:     sgArg,
			Hide:    []string{"SecurityGroupPolicySet"},
			Extra:   sgRules(sgSet),
			Confirm: "replace every rule of", Noun: "security group", Done: "Replaced every rule of",
			V3View: View{Quiet: true},
		},
	}
}

// sgRuleColumns and sgRuleRows tabulate a DescribeSecurityGroupPolicies
// reply one rule per row, ingress first.
var sgRuleColumns = []output.Column{
	{Header: "DIRECTION", Path: "Direction"},
	{Header: "INDEX", Path: "Index"},
	{Header: "ACTION", Path: "Action"},
	{Header: "PROTOCOL:PORT", Path: "Service"},
	{Header: "PEER", Path: "Peer"},
	{Header: "DESCRIPTION", Path: "Description"},
}

func sgRuleRows(data map[string]any) []any {
	var rows []any
	for _, d := range []string{"Ingress", "Egress"} {
		list, _ := pager.Lookup(data, "SecurityGroupPolicySet."+d).([]any)
		for _, r := range list {
			m, _ := r.(map[string]any)
			rows = append(rows, sgRuleRow(m, strings.ToLower(d)))
		}
	}
	return rows
}

// sgRuleRow flattens one SecurityGroupPolicy: the service is
// PROTOCOL[:PORT] or a service template, the peer a CIDR block, a
// security group or an address template.
func sgRuleRow(m map[string]any, direction string) map[string]any {
	str := func(path string) string { return params.Scalar(pager.Lookup(m, path)) }
	service := strings.ToUpper(str("Protocol"))
	if p := str("Port"); p != "" && service != "" {
		service += ":" + strings.ToUpper(p)
	}
	if service == "" {
		service = sgFirstNonEmpty(str("ServiceTemplate.ServiceId"), str("ServiceTemplate.ServiceGroupId"))
	}
	peer := sgFirstNonEmpty(str("CidrBlock"), str("SecurityGroupId"), str("AddressTemplate.AddressId"), str("AddressTemplate.AddressGroupId"))
	row := map[string]any{
		"Index": str("PolicyIndex"), "Action": strings.ToUpper(str("Action")),
		"Service": service, "Peer": peer, "Description": str("PolicyDescription"),
	}
	if direction != "" {
		row["Direction"] = direction
	}
	return row
}

func sgFirstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// sgRules folds the rule flags of mode into SecurityGroupPolicySet.
func sgRules(mode sgRuleMode) func(fs *pflag.FlagSet) Fold {
	return func(fs *pflag.FlagSet) Fold {
		in := addSGRuleFlags(fs, mode)
		return func(cmdPath string, _ api.Style, t params.Tree, stdin io.Reader) error {
			set, err := in.policySet(cmdPath, stdin)
			if err != nil {
				return err
			}
			t["SecurityGroupPolicySet"] = set
			return nil
		}
	}
}

// sgRuleMode is what a rule command does with the SecurityGroupPolicySet.
type sgRuleMode uint8

const (
	sgAdd     sgRuleMode = iota + 1 // CreateSecurityGroupPolicies: rules of one direction
	sgDelete                        // DeleteSecurityGroupPolicies: one direction, by index or by rule
	sgReplace                       // ReplaceSecurityGroupPolicy: one rule at its index
	sgSet                           // ModifySecurityGroupPolicies: the whole set, both directions
)

// sgRuleInput is one security-group rule given with friendly flags, or a
// whole SecurityGroupPolicySet given with --policies-json JSON|@FILE.
type sgRuleInput struct {
	mode         sgRuleMode
	fs           *pflag.FlagSet
	direction    string
	rule         string
	protocol     string
	port         string
	cidr         string
	sourceSG     string
	action       string
	description  string
	version      string
	indexFlag    []string
	index        []int64
	policiesJSON string
}

// sgRuleFlagNames are the single-rule flags, in the order errors name them.
var sgRuleFlagNames = []string{"direction", "rule", "protocol", "port", "cidr", "source-sg", "action", "description", "index"}

// addSGRuleFlags registers the rule flags of mode on fs.
func addSGRuleFlags(fs *pflag.FlagSet, mode sgRuleMode) *sgRuleInput {
	in := &sgRuleInput{mode: mode, fs: fs}
	fs.StringVar(&in.policiesJSON, "policies-json", "", `the rule set (a SecurityGroupPolicySet) instead of the rule flags: inline JSON, @FILE (JSON or YAML) or @- for stdin`)
	if mode == sgSet {
		return in
	}
	fs.StringVar(&in.direction, "direction", "", "ingress or egress")
	fs.StringVar(&in.rule, "rule", "", "PROTOCOL[:PORT] shorthand: TCP:80, UDP:53-60, TCP:80,443, ICMP, ALL")
	fs.StringVar(&in.protocol, "protocol", "", "TCP, UDP, ICMP, GRE or ALL")
	fs.StringVar(&in.port, "port", "", "TCP/UDP port: 80, a range 8000-8010, a list 80,443 or ALL")
	fs.StringVar(&in.cidr, "cidr", "", "peer CIDR block or IP address: the source of ingress, the destination of egress")
	fs.StringVar(&in.sourceSG, "source-sg", "", "peer security group instead of --cidr (its instances' private IPs)")
	fs.StringVar(&in.action, "action", "", "ACCEPT or DROP")
	fs.StringVar(&in.description, "description", "", "description of the rule")
	fs.StringVar(&in.version, "version", "", "rule-set version from 'sg rule list'; the request fails if the rules changed since")
	usage := map[sgRuleMode]string{
		sgAdd:     "insert the rule at this index (default: at the end)",
		sgDelete:  "index of a rule to delete (repeatable or comma-separated), instead of the rule flags",
		sgReplace: "index of the rule to replace (see 'tcvpc sg rule list')",
	}[mode]
	fs.StringSliceVar(&in.indexFlag, "index", nil, usage)
	return in
}

func (in *sgRuleInput) changed(name string) bool {
	f := in.fs.Lookup(name)
	return f != nil && f.Changed
}

// policySet builds the SecurityGroupPolicySet the flags describe; cmdPath
// names the command in errors, stdin serves --policies-json -.
func (in *sgRuleInput) policySet(cmdPath string, stdin io.Reader) (map[string]any, error) {
	var ruleFlags []string
	for _, n := range append(sgRuleFlagNames, "version") {
		if in.changed(n) {
			ruleFlags = append(ruleFlags, "--"+n)
		}
	}
	if in.changed("policies-json") {
		if len(ruleFlags) > 0 {
			return nil, usagef("--policies-json cannot be combined with %s: give a whole rule set or one rule", strings.Join(ruleFlags, ", "))
		}
		set, err := sgReadPolicies(in.policiesJSON, stdin)
		if err != nil {
			return nil, err
		}
		if err := sgCheckPolicySet(set, in.mode); err != nil {
			return nil, err
		}
		return set, sgCheckRules("--policies-json", set)
	}
	if in.mode == sgSet {
		return nil, usagef(`%s needs --policies-json JSON|@FILE with the complete rule set: {"Ingress":[…],"Egress":[…]}`, cmdPath)
	}
	if len(ruleFlags) == 0 {
		return nil, usagef("%s needs a rule: --direction, --rule (or --protocol and --port), --cidr or --source-sg, --action; or --policies-json JSON|@FILE", cmdPath)
	}
	direction, err := sgDirection(cmdPath, in.direction, in.changed("direction"))
	if err != nil {
		return nil, err
	}
	in.index = nil
	for _, v := range in.indexFlag {
		i, err := strconv.ParseInt(v, 10, 64)
		if err != nil || i < 0 {
			return nil, usagef("invalid value %q for --index: expected a rule index (0, 1, …) as shown by 'tcvpc sg rule list'", v)
		}
		in.index = append(in.index, i)
	}
	set := map[string]any{}
	if in.changed("version") {
		if _, err := strconv.ParseUint(in.version, 10, 64); err != nil {
			return nil, usagef("invalid value %q for --version: expected the rule-set version shown by 'tcvpc sg rule list', e.g. 21", in.version)
		}
		set["Version"] = in.version
	}
	if in.mode == sgDelete && len(in.index) > 0 {
		var content []string
		for _, n := range sgRuleFlagNames[1:8] {
			if in.changed(n) {
				content = append(content, "--"+n)
			}
		}
		if len(content) > 0 {
			return nil, usagef("--index cannot be combined with %s: delete by index or by matching a rule, not both", strings.Join(content, ", "))
		}
		rules := make([]any, len(in.index))
		for i, n := range in.index {
			rules[i] = map[string]any{"PolicyIndex": json.Number(strconv.FormatInt(n, 10))}
		}
		set[direction] = rules
		return set, nil
	}
	rule, err := in.oneRule(cmdPath)
	if err != nil {
		return nil, err
	}
	switch {
	case in.mode == sgReplace && len(in.index) != 1:
		return nil, usagef("%s needs --index: the index of the rule to replace (see 'tcvpc sg rule list')", cmdPath)
	case len(in.index) > 1:
		return nil, usagef("--index given %d times: expected one index", len(in.index))
	case len(in.index) == 1:
		rule["PolicyIndex"] = json.Number(strconv.FormatInt(in.index[0], 10))
	}
	set[direction] = []any{rule}
	return set, nil
}

// oneRule checks and assembles the rule flags into one SecurityGroupPolicy.
func (in *sgRuleInput) oneRule(cmdPath string) (map[string]any, error) {
	protocol, port := in.protocol, in.port
	if in.changed("rule") {
		if in.changed("protocol") || in.changed("port") {
			return nil, usagef("--rule cannot be combined with --protocol or --port: it sets both")
		}
		var ok bool
		protocol, port, ok = strings.Cut(in.rule, ":")
		_, perr := sgProtocol("--rule", protocol)
		if perr != nil || ok && port == "" {
			return nil, usagef("invalid value %q for --rule: expected PROTOCOL[:PORT] (PROTOCOL one of TCP, UDP, ICMP, GRE, ALL), e.g. TCP:80, UDP:53-60, TCP:80,443, ICMP", in.rule)
		}
		if _, err := sgPort("--rule", port); port != "" && err != nil {
			return nil, usagef("invalid value %q for --rule: expected PROTOCOL[:PORT] with PORT a port (80), a range (8000-8010), a list (80,443) or ALL", in.rule)
		}
	}
	rule := map[string]any{}
	if protocol == "" {
		return nil, usagef("%s needs --protocol (TCP, UDP, ICMP, GRE or ALL) or --rule PROTOCOL[:PORT]", cmdPath)
	}
	p, err := sgProtocol("--protocol", protocol)
	if err != nil {
		return nil, err
	}
	rule["Protocol"] = p
	portFlag, portValue := "--port", port
	if in.changed("rule") {
		portFlag, portValue = "--rule", in.rule
	}
	switch {
	case port != "" && p != "TCP" && p != "UDP":
		return nil, usagef("invalid value %q for %s: only TCP and UDP rules take a port, not %s", portValue, portFlag, p)
	case port == "" && (p == "TCP" || p == "UDP"):
		return nil, usagef("%s rules need a port: --port 80, 8000-8010, 80,443 or ALL (or --rule %s:80)", p, p)
	case port != "":
		pv, err := sgPort(portFlag, port)
		if err != nil {
			return nil, err
		}
		rule["Port"] = pv
	}
	switch {
	case in.cidr != "" && in.sourceSG != "":
		return nil, usagef("--cidr and --source-sg cannot be combined: a rule has one peer")
	case in.cidr != "":
		if err := sgCIDRCheck("--cidr", in.cidr); err != nil {
			return nil, err
		}
		rule["CidrBlock"] = in.cidr
	case in.sourceSG != "":
		if err := checkShape("sg", "--source-sg", api.V3, in.sourceSG); err != nil {
			return nil, err
		}
		rule["SecurityGroupId"] = in.sourceSG
	default:
		return nil, usagef("%s needs --cidr (e.g. 10.0.0.0/8, 0.0.0.0/0) or --source-sg sg-xxxxxxxx", cmdPath)
	}
	switch a := strings.ToUpper(in.action); {
	case in.action == "":
		return nil, usagef("%s needs --action ACCEPT or DROP", cmdPath)
	case a != "ACCEPT" && a != "DROP":
		return nil, usagef("invalid value %q for --action: expected ACCEPT or DROP", in.action)
	default:
		rule["Action"] = a
	}
	if in.description != "" {
		rule["PolicyDescription"] = in.description
	}
	return rule, nil
}

func sgDirection(cmdPath, v string, given bool) (string, error) {
	switch strings.ToLower(v) {
	case "ingress", "in":
		return "Ingress", nil
	case "egress", "out":
		return "Egress", nil
	}
	if !given {
		return "", usagef("%s needs --direction ingress or egress", cmdPath)
	}
	return "", usagef("invalid value %q for --direction: expected ingress or egress", v)
}

// sgCIDRCheck: a rule's peer is a CIDR block or a single address (the
// model's form of SecurityGroupPolicy.CidrBlock).
var sgCIDRCheck = formatCheck(model.FormatIPv4OrCIDR)

// sgProjectCheck: ProjectId is documented as a String holding a number.
var sgProjectCheck = wholeNumberCheck(true, "a project ID such as 0 or 1079263")

func sgProtocol(flag, v string) (string, error) {
	p := strings.ToUpper(v)
	switch p {
	case "TCP", "UDP", "ICMP", "GRE", "ALL":
		return p, nil
	}
	return "", usagef("invalid value %q for %s: expected TCP, UDP, ICMP, GRE or ALL", v, flag)
}

// sgPort checks a Port value: ALL, a port, a range lo-hi, or a list of
// those separated by commas.
func sgPort(flag, v string) (string, error) {
	bad := usagef("invalid value %q for %s: expected a port (80), a range (8000-8010), a list (80,443) or ALL", v, flag)
	if strings.EqualFold(v, "ALL") {
		return "ALL", nil
	}
	num := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && n >= 1 && n <= 65535 && s == strconv.Itoa(n)
	}
	for _, part := range strings.Split(v, ",") {
		lo, hi, isRange := strings.Cut(part, "-")
		a, ok := num(lo)
		if !ok {
			return "", bad
		}
		if isRange {
			b, ok := num(hi)
			if !ok || b < a {
				return "", bad
			}
		}
	}
	return v, nil
}

// sgReadPolicies reads --policies-json: inline JSON, @FILE (JSON or YAML)
// or @- (stdin), as the builder reads JSON flags.
func sgReadPolicies(v string, stdin io.Reader) (map[string]any, error) {
	set, err := readJSONArg(stdin, "--policies-json", v)
	if err != nil {
		return nil, err
	}
	m, ok := set.(map[string]any)
	if !ok {
		return nil, usagef(`invalid value for --policies-json: expected an object {"Ingress":[…],"Egress":[…]}`)
	}
	return m, nil
}

// sgCheckRules checks the values of every rule of a set the way the
// single-rule flags are checked, naming the rule's place in the set.
func sgCheckRules(flag string, set map[string]any) error {
	for _, d := range []string{"Ingress", "Egress"} {
		raw, ok := set[d]
		if !ok {
			continue
		}
		list, ok := raw.([]any)
		if !ok {
			return usagef("invalid value for %s: %s must be a list of rules", flag, d)
		}
		for i, r := range list {
			rule, ok := r.(map[string]any)
			at := fmt.Sprintf("%s %s.%d", flag, d, i)
			if !ok {
				return usagef("invalid value for %s: expected a rule object", at)
			}
			str := func(k string) string { return params.Scalar(rule[k]) }
			protocol := ""
			if v, ok := rule["Protocol"]; ok {
				p, err := sgProtocol(at+".Protocol", params.Scalar(v))
				if err != nil {
					return err
				}
				protocol = p
			}
			if _, ok := rule["Port"]; ok {
				if protocol != "TCP" && protocol != "UDP" {
					return usagef("invalid value %q for %s.Port: only TCP and UDP rules take a port", str("Port"), at)
				}
				if _, err := sgPort(at+".Port", str("Port")); err != nil {
					return err
				}
			}
			if protocol != "" && rule["ServiceTemplate"] != nil {
				return usagef("invalid value for %s: Protocol and ServiceTemplate cannot be combined", at)
			}
			peers := 0
			for _, k := range []string{"CidrBlock", "SecurityGroupId", "AddressTemplate"} {
				if rule[k] != nil {
					peers++
				}
			}
			if peers > 1 {
				return usagef("invalid value for %s: CidrBlock, SecurityGroupId and AddressTemplate cannot be combined", at)
			}
			if _, ok := rule["CidrBlock"]; ok {
				if err := sgCIDRCheck(at+".CidrBlock", str("CidrBlock")); err != nil {
					return err
				}
			}
			if _, ok := rule["SecurityGroupId"]; ok {
				if err := checkShape("sg", at+".SecurityGroupId", api.V3, str("SecurityGroupId")); err != nil {
					return err
				}
			}
			if a, ok := rule["Action"]; ok {
				if v := strings.ToUpper(params.Scalar(a)); v != "ACCEPT" && v != "DROP" {
					return usagef("invalid value %q for %s.Action: expected ACCEPT or DROP", params.Scalar(a), at)
				}
			}
			if n, ok := rule["PolicyIndex"]; ok {
				if i, err := strconv.ParseInt(params.Scalar(n), 10, 64); err != nil || i < 0 {
					return usagef("invalid value %q for %s.PolicyIndex: expected a rule index (0, 1, …) as shown by 'tcvpc sg rule list'", params.Scalar(n), at)
				}
			}
		}
	}
	return nil
}

// sgCheckPolicySet enforces what each operation's page says about the
// set; field names and types are left to the model's validation.
func sgCheckPolicySet(set map[string]any, mode sgRuleMode) error {
	count := func(d string) int {
		l, _ := set[d].([]any)
		return len(l)
	}
	in, eg := count("Ingress"), count("Egress")
	switch mode {
	case sgSet:
		_, hasIn := set["Ingress"]
		_, hasEg := set["Egress"]
		if !hasIn || !hasEg {
			if v := params.Scalar(set["Version"]); v == "0" {
				return nil // documented: Version 0 clears every rule
			}
			return usagef(`invalid value for --policies-json: a complete rule set needs both "Ingress" and "Egress" (an empty list for none)`)
		}
		for _, d := range []string{"Ingress", "Egress"} {
			l, _ := set[d].([]any)
			for _, r := range l {
				if m, ok := r.(map[string]any); ok && m["PolicyIndex"] != nil {
					return usagef("invalid value for --policies-json: PolicyIndex is not accepted when replacing every rule")
				}
			}
		}
	default:
		if (in == 0) == (eg == 0) {
			return usagef(`invalid value for --policies-json: expected rules of one direction, "Ingress" or "Egress"`)
		}
		if mode == sgReplace {
			l, _ := set[map[bool]string{true: "Ingress", false: "Egress"}[in > 0]].([]any)
			m, _ := l[0].(map[string]any)
			if len(l) != 1 || m["PolicyIndex"] == nil {
				return usagef("invalid value for --policies-json: expected one rule with its PolicyIndex")
			}
		}
	}
	return nil
}
