package cmd

import (
	"io"
	"net/netip"

	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// Elastic network interface commands. API 3.0 pages (AssignPrivateIpAddresses
// … UnassignPrivateIpAddresses) and their legacy twins, which need the VPC
// (vpcId) and finish asynchronously (data.taskId); ModifyNetworkInterface
// (legacy) is the twin of ModifyNetworkInterfaceAttribute (API 3.0), and
// ModifyPrivateIpAddressesAttribute has no legacy twin.
var (
	eniArg         = &Param{Flag: "ENI_ID", V3: "NetworkInterfaceId", Legacy: "networkInterfaceId"}
	eniLegacyVpcID = Param{Flag: "vpc-id", Legacy: "vpcId", Usage: "ID of the VPC of the network interface"}
	eniInstance    = Param{Flag: "instance-id", V3: "InstanceId", Legacy: "instanceId", Shape: "ins", Usage: "ID of the CVM instance"}
	eniIPCount     = Param{Flag: "count", V3: "SecondaryPrivateIpAddressCount", Legacy: "secondaryPrivateIpAddressCount",
		Usage: "number of secondary private IPs the service picks"}
)

var eniColumns = []output.Column{
	{Header: "ID", Path: "NetworkInterfaceId"},
	{Header: "NAME", Path: "NetworkInterfaceName"},
	{Header: "VPC", Path: "VpcId"},
	{Header: "SUBNET", Path: "SubnetId"},
	{Header: "PRIVATE IP", Path: "PrivateIpAddressSet.0.PrivateIpAddress"},
	{Header: "INSTANCE", Path: "Attachment.InstanceId"},
	{Header: "STATE", Path: "State"},
}

var eniLegacyColumns = []output.Column{
	{Header: "ID", Path: "networkInterfaceId"},
	{Header: "NAME", Path: "eniName"},
	{Header: "VPC", Path: "vpcId"},
	{Header: "SUBNET", Path: "subnetId"},
	{Header: "PRIVATE IP", Path: "privateIpAddressesSet.0.privateIpAddress"},
	{Header: "INSTANCE", Path: "instanceSet.instanceId"},
	{Header: "CREATED", Path: "createTime"},
}

var eniIPColumns = []output.Column{
	{Header: "PRIVATE IP", Path: "PrivateIpAddress"},
	{Header: "PRIMARY", Path: "Primary"},
	{Header: "PUBLIC IP", Path: "PublicIpAddress"},
	{Header: "DESCRIPTION", Path: "Description"},
}

// eniState follows an interface through PENDING, ATTACHING and DETACHING.
func eniState(idPath string, gone bool) *StateWait {
	return &StateWait{
		Describe: "DescribeNetworkInterfaces", IDParam: "NetworkInterfaceIds", IDPath: idPath,
		Rows: "NetworkInterfaceSet", Field: "State", Ready: []string{"AVAILABLE"}, Gone: gone,
	}
}

func eniCommands() []Command {
	return []Command{
		{
			Path:    "eni list",
			Aliases: []string{"ls"},
			Short:   "List elastic network interfaces",
			Long: `List elastic network interfaces.

API 3.0 filters (--filter NAME=VALUE[,VALUE…]): vpc-id, subnet-id,
network-interface-id, attachment.instance-id, groups.security-group-id,
network-interface-name, network-interface-description. --vpc-id,
--subnet-id, --instance-id, --security-group-id, --name and --description
are shorthands for them; with --legacy, --vpc-id, --instance-id, --name
and --description (both matching part of the text) and --order-* are the
legacy API's own parameters. At most 50 interfaces per request.`,
			Example: `  tcvpc eni list
  tcvpc eni list --vpc-id vpc-mrzkofih --instance-id ins-7s7zjczq
  tcvpc eni list --filter groups.security-group-id=sg-f9ekbxeg --all
  tcvpc eni ls --legacy --vpc-id vpc-fyc4pilj --order-field eniName --order-direction asc -o text`,
			V3: "DescribeNetworkInterfaces", Legacy: "DescribeNetworkInterfaces",
			Params: []Param{
				{Flag: "network-interface-id", V3: "NetworkInterfaceIds", Legacy: "networkInterfaceId", Usage: "only this network interface"},
				{Flag: "vpc-id", Legacy: "vpcId", V3Filter: "vpc-id", Usage: "only interfaces of this VPC"},
				{Flag: "subnet-id", V3Filter: "subnet-id", Usage: "only interfaces of this subnet"},
				{Flag: "instance-id", Legacy: "instanceId", V3Filter: "attachment.instance-id", Shape: "ins", Usage: "only interfaces bound to this CVM instance"},
				{Flag: "security-group-id", V3Filter: "groups.security-group-id", Usage: "only interfaces bound to this security group"},
				{Flag: "name", Legacy: "eniName", V3Filter: "network-interface-name", Usage: "only interfaces with this name (legacy: whose name contains it)"},
				{Flag: "description", Legacy: "eniDescription", V3Filter: "network-interface-description", Usage: "only interfaces with this description (legacy: containing it)"},
			},
			List: &List{
				V3Rows: "NetworkInterfaceSet", V3Total: "TotalCount",
				LegacyRows: "data.data", LegacyTotal: "data.totalNum",
				// The legacy page's maximum; API 3.0 would take 100.
				MaxLimit: 50,
			},
			V3View:     View{Rows: "NetworkInterfaceSet", Columns: eniColumns},
			LegacyView: View{Rows: "data.data", Columns: eniLegacyColumns},
		},
		{
			Path:    "eni show",
			Short:   "Show an elastic network interface",
			Example: "  tcvpc eni show eni-f1xjkw1b\n  tcvpc eni show eni-d6m4m0iy --legacy -o json",
			V3:      "DescribeNetworkInterfaces", Legacy: "DescribeNetworkInterfaces",
			Arg: &Param{Flag: "ENI_ID", V3: "NetworkInterfaceIds", Legacy: "networkInterfaceId"},
			Hide: []string{"Filters", "Offset", "Limit", "vpcId", "eniName", "eniDescription", "instanceId",
				"offset", "limit", "orderField", "orderDirection"},
			Noun:       "network interface",
			V3View:     View{Rows: "NetworkInterfaceSet", Single: true},
			LegacyView: View{Rows: "data.data", Single: true},
		},
		{
			Path:  "eni create",
			Short: "Create an elastic network interface",
			Long: `Create an elastic network interface in a subnet of a VPC.

Private IPs: --primary-ip picks the primary IP, --ip (repeatable) adds
secondary IPs, --count asks the service for that many more. The API 3.0 reply is the
new interface (state PENDING; --wait follows it until AVAILABLE). With
--legacy the creation is asynchronous: the command prints the task ID and
--wait polls it.`,
			Example: `  tcvpc eni create --vpc-id vpc-0akbol5v --subnet-id subnet-76r802pg --name TestNIC \
    --description TestDesc --security-group-ids sg-05bb4upy --count 1
  tcvpc eni create --vpc-id vpc-0akbol5v --subnet-id subnet-76r802pg --name TestNIC \
    --primary-ip 172.16.64.13 --ip 172.16.64.14 --wait
  tcvpc eni create --legacy --vpc-id vpc-7t9nf3pu --subnet-id subnet-0ap8nwca --name eni --count 1 --wait`,
			V3: "CreateNetworkInterface", Legacy: "CreateNetworkInterface",
			Params: []Param{
				{Flag: "vpc-id", V3: "VpcId", Legacy: "vpcId", Usage: "ID of the VPC"},
				{Flag: "subnet-id", V3: "SubnetId", Legacy: "subnetId", Usage: "ID of the subnet the interface is created in"},
				{Flag: "name", V3: "NetworkInterfaceName", Legacy: "eniName", Usage: "name of the interface (at most 60 characters)"},
				{Flag: "description", V3: "NetworkInterfaceDescription", Legacy: "eniDescription", Usage: "description (at most 60 characters)"},
				{Flag: "security-group-ids", V3: "SecurityGroupIds", Legacy: "sgIds", Usage: "security groups to bind (repeatable or comma-separated)"},
				eniIPCount,
			},
			Hide:  []string{"PrivateIpAddresses", "privateIpAddressSet"},
			Extra: eniIPs("PrivateIpAddresses", "privateIpAddressSet", true, false, ""),
			Noun:  "network interface", Done: "Created", Doing: "Creating",
			State:      eniState("NetworkInterface.NetworkInterfaceId", false),
			V3View:     View{Rows: "NetworkInterface", Columns: eniColumns},
			LegacyView: View{Columns: taskColumns},
		},
		{
			Path:  "eni modify",
			Short: "Rename an elastic network interface or change its description or security groups",
			Long: `Change the name, description or (API 3.0) security groups of an elastic
network interface. --security-group-ids replaces the bound groups.`,
			Example: `  tcvpc eni modify eni-afo43z61 --name NewName
  tcvpc eni modify eni-afo43z61 --security-group-ids sg-05bb4upy,sg-c2r7lnxh
  tcvpc eni modify eni-m6dyj72l --legacy --vpc-id vpc-7t9nf3pu --name barrytest`,
			V3: "ModifyNetworkInterfaceAttribute", Legacy: "ModifyNetworkInterface",
			Arg: eniArg,
			Params: []Param{
				{Flag: "name", V3: "NetworkInterfaceName", Legacy: "eniName", Usage: "new name (at most 60 characters)"},
				{Flag: "description", V3: "NetworkInterfaceDescription", Legacy: "eniDescription", Usage: "new description (at most 60 characters)"},
				{Flag: "security-group-ids", V3: "SecurityGroupIds", Usage: "security groups to bind instead of the current ones (repeatable or comma-separated)"},
				eniLegacyVpcID,
			},
			Noun: "network interface", Done: "Modified",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:    "eni delete",
			Aliases: []string{"rm"},
			Short:   "Delete an elastic network interface",
			Long: `Delete an elastic network interface. It must not be bound to an instance.

--wait follows the deletion until the interface is gone (API 3.0) or the
task has finished (--legacy, which also needs --vpc-id).`,
			Example: `  tcvpc eni delete eni-m6dyj72l
  tcvpc eni rm eni-m6dyj72l --legacy --vpc-id vpc-7t9nf3pu --wait -y`,
			V3: "DeleteNetworkInterface", Legacy: "DeleteNetworkInterface",
			Arg:     eniArg,
			Params:  []Param{eniLegacyVpcID},
			Confirm: "delete", Noun: "network interface", Done: "Deleted", Doing: "Deleting",
			State:      eniState("", true),
			V3View:     View{Quiet: true},
			LegacyView: View{Columns: taskColumns},
		},
		{
			Path:  "eni attach",
			Short: "Bind an elastic network interface to a CVM instance",
			Example: `  tcvpc eni attach eni-afo43z61 --instance-id ins-r8hr2upy --wait
  tcvpc eni attach eni-m6dyj72l --instance-id ins-xx44545f --legacy --vpc-id vpc-xx44545f`,
			V3: "AttachNetworkInterface", Legacy: "AttachNetworkInterface",
			Arg:    eniArg,
			Params: []Param{eniInstance, eniLegacyVpcID},
			Noun:   "network interface", Done: "Attached", Doing: "Attaching",
			State:      eniState("", false),
			V3View:     View{Quiet: true, Columns: eniColumns},
			LegacyView: View{Columns: taskColumns},
		},
		{
			Path:  "eni detach",
			Short: "Unbind an elastic network interface from its CVM instance",
			Example: `  tcvpc eni detach eni-af043z61 --instance-id ins-r8hr2upy
  tcvpc eni detach eni-m6dyj72l --instance-id ins-xx44545f --legacy --vpc-id vpc-7t9nf3pu --wait -y`,
			V3: "DetachNetworkInterface", Legacy: "DetachNetworkInterface",
			Arg:     eniArg,
			Params:  []Param{eniInstance, eniLegacyVpcID},
			Confirm: "detach", Noun: "network interface", Done: "Detached", Doing: "Detaching",
			State:      eniState("", false),
			V3View:     View{Quiet: true, Columns: eniColumns},
			LegacyView: View{Columns: taskColumns},
		},
		{
			Path:  "eni migrate",
			Short: "Move an elastic network interface to another CVM instance",
			Long: `Move an elastic network interface from the instance it is bound to
(--from) to another instance (--to).`,
			Example: `  tcvpc eni migrate eni-afo43z61 --from ins-r8hr2upy --to ins-s2hr8upy
  tcvpc eni migrate eni-m6dyj72l --from ins-xx44545f --to ins-cdddu74a --legacy --vpc-id vpc-xx44545f --wait`,
			V3: "MigrateNetworkInterface", Legacy: "MigrateNetworkInterface",
			Arg: eniArg,
			Params: []Param{
				{Flag: "from", V3: "SourceInstanceId", Legacy: "oldInstanceId", Shape: "ins", Usage: "ID of the CVM instance the interface is bound to now"},
				{Flag: "to", V3: "DestinationInstanceId", Legacy: "newInstanceId", Shape: "ins", Usage: "ID of the CVM instance to move it to"},
				eniLegacyVpcID,
			},
			Noun: "network interface", Done: "Migrated", Doing: "Migrating",
			State:      eniState("", false),
			V3View:     View{Quiet: true, Columns: eniColumns},
			LegacyView: View{Columns: taskColumns},
		},
		{
			Path:  "eni ip assign",
			Short: "Add private IPs to an elastic network interface",
			Long: `Add secondary private IPs to an elastic network interface: --count of them
chosen by the service, or the ones given with --ip (repeatable).`,
			Example: `  tcvpc eni ip assign eni-af043z61 --count 2
  tcvpc eni ip assign eni-af043z61 --ip 172.16.32.20 --ip 172.16.32.21 --description db
  tcvpc eni ip assign eni-m6dyj72l --count 1 --legacy --vpc-id vpc-7t9nf3pu --wait`,
			V3: "AssignPrivateIpAddresses", Legacy: "AssignPrivateIpAddresses",
			Arg:    eniArg,
			Params: []Param{eniIPCount, eniLegacyVpcID},
			Hide:   []string{"PrivateIpAddresses", "privateIpAddressSet"},
			Extra:  eniIPs("PrivateIpAddresses", "privateIpAddressSet", false, true, "--count N or --ip ADDRESS"),
			Noun:   "private IPs of network interface", Done: "Assigned", Doing: "Assigning",
			V3View:     View{Rows: "PrivateIpAddressSet", Columns: eniIPColumns},
			LegacyView: View{Columns: taskColumns},
		},
		{
			Path:  "eni ip unassign",
			Short: "Remove secondary private IPs from an elastic network interface",
			Example: `  tcvpc eni ip unassign eni-afo43z61 --ip 172.16.32.111
  tcvpc eni ip unassign eni-m6dyj72l --ip 10.0.0.2 --legacy --vpc-id vpc-7t9nf3pu --yes`,
			V3: "UnassignPrivateIpAddresses", Legacy: "UnassignPrivateIpAddresses",
			Arg: eniArg,
			Params: []Param{
				eniLegacyVpcID,
			},
			Hide:    []string{"PrivateIpAddresses", "privateIpAddress"},
			Extra:   eniIPs("PrivateIpAddresses", "privateIpAddress", false, false, "--ip ADDRESS"),
			Confirm: "unassign", Noun: "private IPs of network interface", Done: "Unassigned", Doing: "Unassigning",
			V3View:     View{Quiet: true},
			LegacyView: View{Columns: taskColumns},
		},
		{
			Path:  "eni ip migrate",
			Short: "Move a private IP to another elastic network interface",
			Example: `  tcvpc eni ip migrate eni-afo43z61 --ip 172.16.33.109 --to eni-g0n2axhd
  tcvpc eni ip migrate eni-m6dyj72l --ip 10.0.0.6 --to eni-dfddf454 --legacy --vpc-id vpc-7t9nf3pu --wait`,
			V3: "MigratePrivateIpAddress", Legacy: "MigratePrivateIpAddress",
			Arg: &Param{Flag: "ENI_ID", V3: "SourceNetworkInterfaceId", Legacy: "oldNetworkInterfaceId", Shape: "eni"},
			Params: []Param{
				{Flag: "ip", V3: "PrivateIpAddress", Legacy: "privateIpAddress", Usage: "the private IP to move"},
				{Flag: "to", V3: "DestinationNetworkInterfaceId", Legacy: "newNetworkInterfaceId", Shape: "eni", Usage: "ID of the network interface to move it to"},
				eniLegacyVpcID,
			},
			Noun: "private IP of network interface", Done: "Migrated", Doing: "Migrating",
			V3View:     View{Quiet: true},
			LegacyView: View{Columns: taskColumns},
		},
		{
			Path:    "eni ip modify",
			Short:   "Change the description of private IPs of an elastic network interface",
			Example: `  tcvpc eni ip modify eni-af043z61 --ip 172.16.32.111 --description new-pip-name`,
			V3:      "ModifyPrivateIpAddressesAttribute",
			Arg:     eniArg,
			Hide:    []string{"PrivateIpAddresses"},
			Extra:   eniIPs("PrivateIpAddresses", "", false, true, "--ip ADDRESS"),
			Noun:    "private IPs of network interface", Done: "Modified",
			V3View: View{Quiet: true},
		},
	}
}

// eniIPs folds --ip (with --primary-ip and --description where given)
// into the private-IP parameter each style documents; need says what the
// command needs when no IP is given ("" for nothing).
func eniIPs(v3, legacy string, primary, description bool, need string) func(fs *pflag.FlagSet) Fold {
	return func(fs *pflag.FlagSet) Fold {
		in := addENIIPFlags(fs, primary, description)
		return func(cmdPath string, style api.Style, t params.Tree, _ io.Reader) error {
			wire := v3
			if style == api.Legacy {
				wire = legacy
			}
			v, err := in.value(style, wire)
			if err != nil {
				return err
			}
			if v == nil {
				_, v3Count := t["SecondaryPrivateIpAddressCount"]
				_, legacyCount := t["secondaryPrivateIpAddressCount"]
				if need != "" && !v3Count && !legacyCount {
					return usagef("%s needs %s", cmdPath, need)
				}
				return nil
			}
			t[wire] = v
			return nil
		}
	}
}

// eniIPInput is a list of private IPs given as repeatable --ip flags (and,
// for create, --primary-ip).
type eniIPInput struct {
	fs          *pflag.FlagSet
	ips         []string
	primary     string
	description string
}

// addENIIPFlags registers --ip, and --primary-ip and --description when
// the operation takes them, on fs.
func addENIIPFlags(fs *pflag.FlagSet, primary, description bool) *eniIPInput {
	in := &eniIPInput{fs: fs}
	fs.StringSliceVar(&in.ips, "ip", nil, "private IP address (repeatable or comma-separated)")
	if primary {
		fs.StringVar(&in.primary, "primary-ip", "", "primary private IP address (default: picked by the service)")
	}
	if description {
		fs.StringVar(&in.description, "description", "", "description of each --ip")
	}
	return in
}

// value checks the IPs and returns them as wire parameter wire of style
// wants them: API 3.0 PrivateIpAddresses objects, legacy
// privateIpAddressSet objects (primary is required there) or legacy
// privateIpAddress strings. nil when no IP was given.
func (in *eniIPInput) value(style api.Style, wire string) (any, error) {
	type entry struct {
		ip      string
		primary bool
	}
	var all []entry
	seen := map[string]bool{}
	add := func(flag, ip string, primary bool) error {
		a, err := netip.ParseAddr(ip)
		if err != nil || !a.Is4() {
			return usagef("invalid value %q for %s: expected an IPv4 address such as 10.0.0.5", ip, flag)
		}
		if seen[ip] {
			return usagef("invalid value %q for %s: the address is given twice", ip, flag)
		}
		seen[ip] = true
		all = append(all, entry{ip, primary})
		return nil
	}
	if in.primary != "" {
		if err := add("--primary-ip", in.primary, true); err != nil {
			return nil, err
		}
	}
	for _, ip := range in.ips {
		if err := add("--ip", ip, false); err != nil {
			return nil, err
		}
	}
	if in.description != "" && style == api.Legacy {
		return nil, usagef("--description is not used by the legacy API (--legacy)")
	}
	if in.description != "" && len(all) == 0 {
		return nil, usagef("--description needs the private IPs it describes: --ip ADDRESS")
	}
	if len(all) == 0 {
		return nil, nil
	}
	list := make([]any, len(all))
	for i, e := range all {
		switch {
		case style == api.Legacy && wire == "privateIpAddress":
			list[i] = e.ip
		case style == api.Legacy:
			list[i] = map[string]any{"privateIpAddress": e.ip, "primary": e.primary}
		default:
			m := map[string]any{"PrivateIpAddress": e.ip}
			if e.primary {
				m["Primary"] = true
			}
			if in.description != "" {
				m["Description"] = in.description
			}
			list[i] = m
		}
	}
	return list, nil
}
