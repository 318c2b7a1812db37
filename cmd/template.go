package cmd

import (
	"fmt"
	"strings"

	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// Parameter templates: IP address templates (ipm-), their groups (ipmg-),
// protocol/port templates (ppm-) and their groups (ppmg-). API 3.0 pages
// on network parameter templates (CreateAddressTemplate … ModifyServiceTemplateGroupAttribute)
// pair with the legacy pages CreateAddress … ModifyServiceAttribute:
//
//   - the legacy Modify*Attribute operations change only the name and
//     Modify{Address,AddressGroup,Service,ServiceGroup} replace the entries,
//     while API 3.0 Modify*TemplateAttribute does either: `modify` pairs it
//     with the former, `set-addresses`/`set-services`/`set-members` with the
//     latter;
//   - API 3.0 Describe*Templates take the ID only as a filter, so `show` runs
//     the legacy Describe* (its ID parameter matches by substring, so a full
//     ID, which the shape check demands, finds only itself) and
//     `list --filter address-template-id=…` is its API 3.0 form;
//   - legacy Delete*, Modify{Address,…} (entries) and Describe*Instances are
//     asynchronous (DescribeNetTaskResult): the builder adds --wait.
//
// The group operations name their groups inconsistently: API 3.0 service
// template groups take ServiceTemplateName, legacy service groups
// serviceName, and the manual's example replies use AddressTemplateName and
// CreateTime where the data structures say AddressTemplateGroupName and
// CreatedTime; the columns below read either spelling.

// Positional IDs. The legacy names do not tell the shape (addressId would
// read as an EIP), so every shape is given.
var (
	templateAddressArg      = &Param{Flag: "ADDRESS_TEMPLATE_ID", V3: "AddressTemplateId", Legacy: "addressId", Shape: "ipm"}
	templateAddressGroupArg = &Param{Flag: "ADDRESS_GROUP_ID", V3: "AddressTemplateGroupId", Legacy: "addressGroupId", Shape: "ipmg"}
	templateServiceArg      = &Param{Flag: "SERVICE_TEMPLATE_ID", V3: "ServiceTemplateId", Legacy: "serviceId", Shape: "ppm"}
	templateServiceGroupArg = &Param{Flag: "SERVICE_GROUP_ID", V3: "ServiceTemplateGroupId", Legacy: "serviceGroupId", Shape: "ppmg"}
)

// Flags shared by the commands of one noun.
var (
	templateAddressesFlag = Param{Flag: "addresses", V3: "Addresses", Legacy: "address", Check: checkTemplateAddress,
		Usage: "IP addresses, CIDR blocks or IP ranges such as 10.0.0.1-10.0.0.20 (repeatable)"}
	templateServicesFlag = Param{Flag: "services", V3: "Services", Legacy: "service", Check: checkTemplateService,
		Usage: "entries such as tcp:80, tcp:3306-20000, udp:all, icmp, gre (repeatable)"}
	templateAddressIDsFlag = Param{Flag: "address-ids", V3: "AddressTemplateIds", Legacy: "addressGroup", Shape: "ipm",
		Usage: "IDs of the IP address templates (ipm-…) in the group (repeatable)"}
	templateServiceIDsFlag = Param{Flag: "service-ids", V3: "ServiceTemplateIds", Legacy: "serviceGroup", Shape: "ppm",
		Usage: "IDs of the protocol/port templates (ppm-…) in the group (repeatable)"}
)

// templateTaskColumns show the task a legacy asynchronous call started.
var templateTaskColumns = []output.Column{{Header: "TASK ID", Path: "data.taskId"}}

// Table columns, API 3.0 then legacy (rows of data.data).
var (
	templateAddressColumns = []output.Column{
		{Header: "ID", Path: "AddressTemplateId"},
		{Header: "NAME", Path: "AddressTemplateName"},
		{Header: "ADDRESSES", Path: "AddressSet"},
		{Header: "CREATED", Path: "CreatedTime"},
	}
	templateLegacyAddressColumns = []output.Column{
		{Header: "ID", Path: "addressId"},
		{Header: "NAME", Path: "addressName"},
		{Header: "ADDRESSES", Path: "address"},
		{Header: "CREATED", Path: "createTime"},
	}
	templateAddressGroupColumns = []output.Column{
		{Header: "ID", Path: "AddressTemplateGroupId"},
		{Header: "NAME", Format: firstField("AddressTemplateGroupName", "AddressTemplateName")},
		{Header: "TEMPLATES", Path: "AddressTemplateIdSet"},
		{Header: "CREATED", Format: firstField("CreatedTime", "CreateTime")},
	}
	templateLegacyAddressGroupColumns = []output.Column{
		{Header: "ID", Path: "addressGroupId"},
		{Header: "NAME", Path: "addressGroupName"},
		{Header: "TEMPLATES", Path: "addressGroup", Format: templateMemberIDs("addressId")},
		{Header: "CREATED", Path: "createTime"},
	}
	templateServiceColumns = []output.Column{
		{Header: "ID", Path: "ServiceTemplateId"},
		{Header: "NAME", Path: "ServiceTemplateName"},
		{Header: "SERVICES", Path: "ServiceSet"},
		{Header: "CREATED", Path: "CreatedTime"},
	}
	templateLegacyServiceColumns = []output.Column{
		{Header: "ID", Path: "serviceId"},
		{Header: "NAME", Path: "serviceName"},
		{Header: "SERVICES", Path: "service"},
		{Header: "CREATED", Path: "createTime"},
	}
	templateServiceGroupColumns = []output.Column{
		{Header: "ID", Path: "ServiceTemplateGroupId"},
		{Header: "NAME", Format: firstField("ServiceTemplateGroupName", "ServiceTemplateName")},
		{Header: "TEMPLATES", Path: "ServiceTemplateIdSet"},
		{Header: "CREATED", Format: firstField("CreatedTime", "CreateTime")},
	}
	templateLegacyServiceGroupColumns = []output.Column{
		{Header: "ID", Path: "serviceGroupId"},
		{Header: "NAME", Path: "serviceGroupName"},
		{Header: "TEMPLATES", Path: "serviceGroup", Format: templateMemberIDs("serviceId")},
		{Header: "CREATED", Path: "createTime"},
	}
)

const templateInstancesLong = `List the cloud resources (security groups, template groups …) that use
%s.

Only the legacy API answers this, and asynchronously: the command prints the
task ID, which 'tcvpc task show TASK_ID --kind net -o json' reads. With
--wait it polls DescribeNetTaskResult until the answer is ready; add -o json
or --query 'data.data.detail' to print the resources found.`

const templateShowLong = `Show one %s. API 3.0 takes the ID as a filter (%[4]s);
with --legacy the command reads %[2]s.`

func templateCommands() []Command {
	return []Command{
		// IP address templates.
		{
			Path:    "template address list",
			Aliases: []string{"ls"},
			Short:   "List IP address templates",
			Long: `List IP address templates.

API 3.0 filters: address-template-name, address-template-id. With --legacy,
--name and --address-id narrow the list instead (the legacy API matches
names by substring).`,
			Example: `  tcvpc template address list
  tcvpc template address list --filter address-template-name=office --all
  tcvpc template address list --legacy --name office`,
			V3: "DescribeAddressTemplates", Legacy: "DescribeAddress",
			Params: []Param{
				{Flag: "name", Legacy: "addressName", Usage: "only templates whose name contains this"},
				{Flag: "address-id", Legacy: "addressId", Shape: "ipm", Usage: "only the template with this ID"},
			},
			List:       &List{V3Rows: "AddressTemplateSet", LegacyRows: "data.data", V3Total: "TotalCount", LegacyTotal: "data.totalCount"},
			V3View:     View{Rows: "AddressTemplateSet", Columns: templateAddressColumns},
			LegacyView: View{Rows: "data.data", Columns: templateLegacyAddressColumns},
		},
		{
			Path:       "template address show",
			Short:      "Show an IP address template",
			Long:       fmt.Sprintf(templateShowLong, "IP address template", "DescribeAddress", "address", "address-template-id"),
			Example:    `  tcvpc template address show ipm-ka2qtxxx`,
			Legacy:     "DescribeAddress",
			Arg:        &Param{Flag: "ADDRESS_TEMPLATE_ID", Legacy: "addressId", V3Filter: "address-template-id", Shape: "ipm"},
			Hide:       []string{"Offset", "Limit", "Filters", "addressName", "offset", "limit"},
			Noun:       "IP address template",
			V3:         "DescribeAddressTemplates",
			V3View:     View{Rows: "AddressTemplateSet", Single: true},
			LegacyView: View{Rows: "data.data", Single: true},
		},
		{
			Path:  "template address create",
			Short: "Create an IP address template",
			Long: `Create an IP address template: a named list of IP addresses, CIDR blocks
and IP ranges that security group rules can refer to.`,
			Example: `  tcvpc template address create --name office --addresses 192.168.1.0/24,192.168.2.0/24
  tcvpc template address create --name lab --addresses 10.0.0.6 --addresses 10.0.0.1-10.0.0.20 --legacy`,
			V3: "CreateAddressTemplate", Legacy: "CreateAddress",
			Params: []Param{
				{Flag: "name", V3: "AddressTemplateName", Legacy: "addressName", Usage: "name of the template"},
				templateAddressesFlag,
			},
			V3View:     View{Rows: "AddressTemplate", Columns: templateAddressColumns},
			LegacyView: View{Columns: []output.Column{{Header: "ID", Path: "data.addressId"}}},
		},
		{
			Path:  "template address modify",
			Short: "Rename an IP address template (API 3.0: also replace its entries)",
			Long: `Rename an IP address template. With API 3.0, --addresses replaces its entries
in the same call; with --legacy use 'tcvpc template address set-addresses'.`,
			Example: `  tcvpc template address modify ipm-mdunqeb6 --name office
  tcvpc template address modify ipm-mdunqeb6 --name office --addresses 192.168.1.0/24
  tcvpc template address modify ipm-52ut9sxk --name office --legacy`,
			V3: "ModifyAddressTemplateAttribute", Legacy: "ModifyAddressAttribute",
			Arg: templateAddressArg,
			Params: []Param{
				{Flag: "name", V3: "AddressTemplateName", Legacy: "addressName", Usage: "new name of the template"},
				{Flag: "addresses", V3: "Addresses", Check: checkTemplateAddress, Usage: "new entries, replacing all: IP addresses, CIDR blocks or IP ranges"},
			},
			Noun: "IP address template", Done: "Modified",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:  "template address set-addresses",
			Short: "Replace the entries of an IP address template",
			Long: `Replace the entries of an IP address template with the given list.

With --legacy the change finishes asynchronously: the command prints the task
ID, and --wait polls DescribeNetTaskResult until it has succeeded or failed.`,
			Example: `  tcvpc template address set-addresses ipm-mdunqeb6 --addresses 192.168.1.1,172.66.0.0/16
  tcvpc template address set-addresses ipm-52ut9887 --addresses 10.53.0.1-10.53.0.66 --legacy --wait`,
			V3: "ModifyAddressTemplateAttribute", Legacy: "ModifyAddress",
			Arg:    templateAddressArg,
			Params: []Param{templateAddressesFlag},
			Hide:   []string{"AddressTemplateName"},
			Noun:   "IP address template", Done: "Updated", Doing: "Updating",
			V3View: View{Quiet: true}, LegacyView: View{Columns: templateTaskColumns},
		},
		{
			Path:    "template address delete",
			Aliases: []string{"rm"},
			Short:   "Delete an IP address template",
			Long: `Delete an IP address template.

With --legacy the deletion finishes asynchronously: the command prints the
task ID, and --wait polls DescribeNetTaskResult until it has succeeded or
failed.`,
			Example: `  tcvpc template address delete ipm-mdunqeb6
  tcvpc template address rm ipm-f5n688da --legacy --wait --yes`,
			V3: "DeleteAddressTemplate", Legacy: "DeleteAddress",
			Arg:     templateAddressArg,
			Confirm: "delete", Noun: "IP address template", Done: "Deleted", Doing: "Deleting",
			V3View: View{Quiet: true}, LegacyView: View{Columns: templateTaskColumns},
		},
		{
			Path:    "template address instances",
			Short:   "List the resources that use an IP address template",
			Long:    fmt.Sprintf(templateInstancesLong, "an IP address template"),
			Example: `  tcvpc template address instances ipm-i0836656 --wait -o json`,
			Legacy:  "DescribeAddressInstances",
			Arg:     templateAddressArg,
			Noun:    "IP address template", Done: "Found the resources using", Doing: "Finding the resources using",
			LegacyView: View{Columns: templateTaskColumns},
		},

		// IP address template groups.
		{
			Path:    "template address-group list",
			Aliases: []string{"ls"},
			Short:   "List IP address template groups",
			Long: `List IP address template groups.

API 3.0 filters: address-template-group-name, address-template-group-id.
With --legacy, --name and --address-group-id narrow the list instead (the
legacy API matches names by substring).`,
			Example: `  tcvpc template address-group list
  tcvpc template address-group list --filter address-template-group-name=office
  tcvpc template address-group list --legacy --name office`,
			V3: "DescribeAddressTemplateGroups", Legacy: "DescribeAddressGroups",
			Params: []Param{
				{Flag: "name", Legacy: "addressGroupName", Usage: "only groups whose name contains this"},
				{Flag: "address-group-id", Legacy: "addressGroupId", Shape: "ipmg", Usage: "only the group with this ID"},
			},
			List:       &List{V3Rows: "AddressTemplateGroupSet", LegacyRows: "data.data", V3Total: "TotalCount", LegacyTotal: "data.totalCount"},
			V3View:     View{Rows: "AddressTemplateGroupSet", Columns: templateAddressGroupColumns},
			LegacyView: View{Rows: "data.data", Columns: templateLegacyAddressGroupColumns},
		},
		{
			Path:       "template address-group show",
			Short:      "Show an IP address template group",
			Long:       fmt.Sprintf(templateShowLong, "IP address template group", "DescribeAddressGroups", "address-group", "address-template-group-id"),
			Example:    `  tcvpc template address-group show ipmg-8sasuc8q`,
			Legacy:     "DescribeAddressGroups",
			Arg:        &Param{Flag: "ADDRESS_GROUP_ID", Legacy: "addressGroupId", V3Filter: "address-template-group-id", Shape: "ipmg"},
			Hide:       []string{"Offset", "Limit", "Filters", "addressGroupName", "offset", "limit"},
			Noun:       "IP address template group",
			V3:         "DescribeAddressTemplateGroups",
			V3View:     View{Rows: "AddressTemplateGroupSet", Single: true},
			LegacyView: View{Rows: "data.data", Single: true},
		},
		{
			Path:  "template address-group create",
			Short: "Create an IP address template group",
			Example: `  tcvpc template address-group create --name offices --address-ids ipm-88t6207k,ipm-mdunqeb6
  tcvpc template address-group create --name offices --address-ids ipm-f5n688da --legacy`,
			V3: "CreateAddressTemplateGroup", Legacy: "CreateAddressGroup",
			Params: []Param{
				{Flag: "name", V3: "AddressTemplateGroupName", Legacy: "addressGroupName", Usage: "name of the group"},
				templateAddressIDsFlag,
			},
			V3View:     View{Rows: "AddressTemplateGroup", Columns: templateAddressGroupColumns},
			LegacyView: View{Columns: []output.Column{{Header: "ID", Path: "data.addressGroupId"}}},
		},
		{
			Path:  "template address-group modify",
			Short: "Rename an IP address template group (API 3.0: also replace its templates)",
			Long: `Rename an IP address template group. With API 3.0, --address-ids replaces its
templates in the same call; with --legacy use 'tcvpc template address-group set-members'.`,
			Example: `  tcvpc template address-group modify ipmg-2uw6ujo6 --name offices
  tcvpc template address-group modify ipmg-52ut9sxx --name offices --legacy`,
			V3: "ModifyAddressTemplateGroupAttribute", Legacy: "ModifyAddressGroupAttribute",
			Arg: templateAddressGroupArg,
			Params: []Param{
				{Flag: "name", V3: "AddressTemplateGroupName", Legacy: "addressGroupName", Usage: "new name of the group"},
				{Flag: "address-ids", V3: "AddressTemplateIds", Shape: "ipm", Usage: "IDs of the IP address templates (ipm-…), replacing all"},
			},
			Noun: "IP address template group", Done: "Modified",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:  "template address-group set-members",
			Short: "Replace the templates of an IP address template group",
			Long: `Replace the IP address templates of a group with the given list.

With --legacy the change finishes asynchronously: the command prints the task
ID, and --wait polls DescribeNetTaskResult until it has succeeded or failed.`,
			Example: `  tcvpc template address-group set-members ipmg-2uw6ujo6 --address-ids ipm-mdunqeb6,ipm-88t6207k
  tcvpc template address-group set-members ipmg-a8ky2366 --address-ids ipm-52ut9s88 --legacy --wait`,
			V3: "ModifyAddressTemplateGroupAttribute", Legacy: "ModifyAddressGroup",
			Arg:    templateAddressGroupArg,
			Params: []Param{templateAddressIDsFlag},
			Hide:   []string{"AddressTemplateGroupName"},
			Noun:   "IP address template group", Done: "Updated", Doing: "Updating",
			V3View: View{Quiet: true}, LegacyView: View{Columns: templateTaskColumns},
		},
		{
			Path:    "template address-group delete",
			Aliases: []string{"rm"},
			Short:   "Delete an IP address template group",
			Long: `Delete an IP address template group (its templates remain).

With --legacy the deletion finishes asynchronously: the command prints the
task ID, and --wait polls DescribeNetTaskResult until it has succeeded or
failed.`,
			Example: `  tcvpc template address-group delete ipmg-2uw6ujo6
  tcvpc template address-group rm ipmg-f5n688da --legacy --wait --yes`,
			V3: "DeleteAddressTemplateGroup", Legacy: "DeleteAddressGroup",
			Arg:     templateAddressGroupArg,
			Confirm: "delete", Noun: "IP address template group", Done: "Deleted", Doing: "Deleting",
			V3View: View{Quiet: true}, LegacyView: View{Columns: templateTaskColumns},
		},
		{
			Path:    "template address-group instances",
			Short:   "List the resources that use an IP address template group",
			Long:    fmt.Sprintf(templateInstancesLong, "an IP address template group"),
			Example: `  tcvpc template address-group instances ipmg-8sasuc8q --wait -o json`,
			Legacy:  "DescribeAddressGroupInstances",
			Arg:     templateAddressGroupArg,
			Noun:    "IP address template group", Done: "Found the resources using", Doing: "Finding the resources using",
			LegacyView: View{Columns: templateTaskColumns},
		},

		// Protocol/port templates.
		{
			Path:    "template service list",
			Aliases: []string{"ls"},
			Short:   "List protocol/port templates",
			Long: `List protocol/port templates.

API 3.0 filters: service-template-name, service-template-id. With --legacy,
--name and --service-id narrow the list instead (the legacy API matches
names by substring).`,
			Example: `  tcvpc template service list
  tcvpc template service list --filter service-template-name=web --limit 2
  tcvpc template service list --legacy --name web`,
			V3: "DescribeServiceTemplates", Legacy: "DescribeService",
			Params: []Param{
				{Flag: "name", Legacy: "serviceName", Usage: "only templates whose name contains this"},
				{Flag: "service-id", Legacy: "serviceId", Shape: "ppm", Usage: "only the template with this ID"},
			},
			List:       &List{V3Rows: "ServiceTemplateSet", LegacyRows: "data.data", V3Total: "TotalCount", LegacyTotal: "data.totalCount"},
			V3View:     View{Rows: "ServiceTemplateSet", Columns: templateServiceColumns},
			LegacyView: View{Rows: "data.data", Columns: templateLegacyServiceColumns},
		},
		{
			Path:       "template service show",
			Short:      "Show a protocol/port template",
			Long:       fmt.Sprintf(templateShowLong, "protocol/port template", "DescribeService", "service", "service-template-id"),
			Example:    `  tcvpc template service show ppm-faxxv5v5`,
			Legacy:     "DescribeService",
			Arg:        &Param{Flag: "SERVICE_TEMPLATE_ID", Legacy: "serviceId", V3Filter: "service-template-id", Shape: "ppm"},
			Hide:       []string{"Offset", "Limit", "Filters", "serviceName", "offset", "limit"},
			Noun:       "protocol/port template",
			V3:         "DescribeServiceTemplates",
			V3View:     View{Rows: "ServiceTemplateSet", Single: true},
			LegacyView: View{Rows: "data.data", Single: true},
		},
		{
			Path:  "template service create",
			Short: "Create a protocol/port template",
			Long: `Create a protocol/port template: a named list of protocols and ports that
security group rules can refer to.

Entries: tcp or udp with one port (tcp:80), a port list (tcp:80,443), a
range (tcp:3306-20000) or all ports (udp:all); icmp and gre take no port.
The flag splits its value on commas, so quote a port list ('"tcp:80,443"')
or give one entry per port.`,
			Example: `  tcvpc template service create --name web --services tcp:80 --services tcp:443-446
  tcvpc template service create --name dns --services udp:53,tcp:53,icmp --legacy`,
			V3: "CreateServiceTemplate", Legacy: "CreateService",
			Params: []Param{
				{Flag: "name", V3: "ServiceTemplateName", Legacy: "serviceName", Usage: "name of the template"},
				templateServicesFlag,
			},
			V3View:     View{Rows: "ServiceTemplate", Columns: templateServiceColumns},
			LegacyView: View{Columns: []output.Column{{Header: "ID", Path: "data.serviceId"}}},
		},
		{
			Path:  "template service modify",
			Short: "Rename a protocol/port template (API 3.0: also replace its entries)",
			Long: `Rename a protocol/port template. With API 3.0, --services replaces its
entries in the same call; with --legacy use 'tcvpc template service set-services'.`,
			Example: `  tcvpc template service modify ppm-529nwwj8 --name web
  tcvpc template service modify ppm-529nwwj8 --services tcp:8080
  tcvpc template service modify ppm-52ut9sxx --name web --legacy`,
			V3: "ModifyServiceTemplateAttribute", Legacy: "ModifyServiceAttribute",
			Arg: templateServiceArg,
			Params: []Param{
				{Flag: "name", V3: "ServiceTemplateName", Legacy: "serviceName", Usage: "new name of the template"},
				{Flag: "services", V3: "Services", Check: checkTemplateService, Usage: "new entries, replacing all: tcp:80, tcp:3306-20000, udp:all, icmp, gre"},
			},
			Noun: "protocol/port template", Done: "Modified",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:  "template service set-services",
			Short: "Replace the entries of a protocol/port template",
			Long: `Replace the entries of a protocol/port template with the given list.

With --legacy the change finishes asynchronously: the command prints the task
ID, and --wait polls DescribeNetTaskResult until it has succeeded or failed.`,
			Example: `  tcvpc template service set-services ppm-529nwwj8 --services tcp:80,tcp:443
  tcvpc template service set-services ppm-i0836666 --services tcp:80 --services tcp:443-446 --legacy --wait`,
			V3: "ModifyServiceTemplateAttribute", Legacy: "ModifyService",
			Arg:    templateServiceArg,
			Params: []Param{templateServicesFlag},
			Hide:   []string{"ServiceTemplateName"},
			Noun:   "protocol/port template", Done: "Updated", Doing: "Updating",
			V3View: View{Quiet: true}, LegacyView: View{Columns: templateTaskColumns},
		},
		{
			Path:    "template service delete",
			Aliases: []string{"rm"},
			Short:   "Delete a protocol/port template",
			Long: `Delete a protocol/port template.

With --legacy the deletion finishes asynchronously: the command prints the
task ID, and --wait polls DescribeNetTaskResult until it has succeeded or
failed.`,
			Example: `  tcvpc template service delete ppm-529nwwj8
  tcvpc template service rm ppm-f5n688da --legacy --wait --yes`,
			V3: "DeleteServiceTemplate", Legacy: "DeleteService",
			Arg:     templateServiceArg,
			Confirm: "delete", Noun: "protocol/port template", Done: "Deleted", Doing: "Deleting",
			V3View: View{Quiet: true}, LegacyView: View{Columns: templateTaskColumns},
		},
		{
			Path:    "template service instances",
			Short:   "List the resources that use a protocol/port template",
			Long:    fmt.Sprintf(templateInstancesLong, "a protocol/port template"),
			Example: `  tcvpc template service instances ppm-i0836656 --wait -o json`,
			Legacy:  "DescribeServiceInstances",
			Arg:     templateServiceArg,
			Noun:    "protocol/port template", Done: "Found the resources using", Doing: "Finding the resources using",
			LegacyView: View{Columns: templateTaskColumns},
		},

		// Protocol/port template groups.
		{
			Path:    "template service-group list",
			Aliases: []string{"ls"},
			Short:   "List protocol/port template groups",
			Long: `List protocol/port template groups.

API 3.0 filters: service-template-group-name, service-template-group-id.
With --legacy, --name and --service-group-id narrow the list instead (the
legacy API matches names by substring).`,
			Example: `  tcvpc template service-group list
  tcvpc template service-group list --filter service-template-group-name=web
  tcvpc template service-group list --legacy --name web`,
			V3: "DescribeServiceTemplateGroups", Legacy: "DescribeServiceGroups",
			Params: []Param{
				{Flag: "name", Legacy: "serviceName", Usage: "only groups whose name contains this"},
				{Flag: "service-group-id", Legacy: "serviceGroupId", Shape: "ppmg", Usage: "only the group with this ID"},
			},
			List:       &List{V3Rows: "ServiceTemplateGroupSet", LegacyRows: "data.data", V3Total: "TotalCount", LegacyTotal: "data.totalCount"},
			V3View:     View{Rows: "ServiceTemplateGroupSet", Columns: templateServiceGroupColumns},
			LegacyView: View{Rows: "data.data", Columns: templateLegacyServiceGroupColumns},
		},
		{
			Path:       "template service-group show",
			Short:      "Show a protocol/port template group",
			Long:       fmt.Sprintf(templateShowLong, "protocol/port template group", "DescribeServiceGroups", "service-group", "service-template-group-id"),
			Example:    `  tcvpc template service-group show ppmg-6piqsucc`,
			Legacy:     "DescribeServiceGroups",
			Arg:        &Param{Flag: "SERVICE_GROUP_ID", Legacy: "serviceGroupId", V3Filter: "service-template-group-id", Shape: "ppmg"},
			Hide:       []string{"Offset", "Limit", "Filters", "serviceName", "offset", "limit"},
			Noun:       "protocol/port template group",
			V3:         "DescribeServiceTemplateGroups",
			V3View:     View{Rows: "ServiceTemplateGroupSet", Single: true},
			LegacyView: View{Rows: "data.data", Single: true},
		},
		{
			Path:  "template service-group create",
			Short: "Create a protocol/port template group",
			Example: `  tcvpc template service-group create --name web --service-ids ppm-529nwwj8,ppm-4dw6agho
  tcvpc template service-group create --name web --service-ids ppm-f5n688da --legacy`,
			V3: "CreateServiceTemplateGroup", Legacy: "CreateServiceGroup",
			Params: []Param{
				{Flag: "name", V3: "ServiceTemplateName", Legacy: "serviceName", Usage: "name of the group"},
				templateServiceIDsFlag,
			},
			V3View:     View{Rows: "ServiceTemplateGroup", Columns: templateServiceGroupColumns},
			LegacyView: View{Columns: []output.Column{{Header: "ID", Path: "data.serviceGroupId"}}},
		},
		{
			Path:  "template service-group modify",
			Short: "Rename a protocol/port template group (API 3.0: also replace its templates)",
			Long: `Rename a protocol/port template group. With API 3.0, --service-ids replaces
its templates in the same call; with --legacy use 'tcvpc template service-group set-members'.`,
			Example: `  tcvpc template service-group modify ppmg-ei8hfd9a --name web
  tcvpc template service-group modify ppmg-52ut9sxx --name web --legacy`,
			V3: "ModifyServiceTemplateGroupAttribute", Legacy: "ModifyServiceGroupAttribute",
			Arg: templateServiceGroupArg,
			Params: []Param{
				{Flag: "name", V3: "ServiceTemplateName", Legacy: "serviceName", Usage: "new name of the group"},
				{Flag: "service-ids", V3: "ServiceTemplateIds", Shape: "ppm", Usage: "IDs of the protocol/port templates (ppm-…), replacing all"},
			},
			Noun: "protocol/port template group", Done: "Modified",
			V3View: View{Quiet: true}, LegacyView: View{Quiet: true},
		},
		{
			Path:  "template service-group set-members",
			Short: "Replace the templates of a protocol/port template group",
			Long: `Replace the protocol/port templates of a group with the given list.

With --legacy the change finishes asynchronously: the command prints the task
ID, and --wait polls DescribeNetTaskResult until it has succeeded or failed.`,
			Example: `  tcvpc template service-group set-members ppmg-ei8hfd9a --service-ids ppm-4dw6agho
  tcvpc template service-group set-members ppmg-a8ky2366 --service-ids ppm-52ut9s88 --legacy --wait`,
			V3: "ModifyServiceTemplateGroupAttribute", Legacy: "ModifyServiceGroup",
			Arg:    templateServiceGroupArg,
			Params: []Param{templateServiceIDsFlag},
			Hide:   []string{"ServiceTemplateName"},
			Noun:   "protocol/port template group", Done: "Updated", Doing: "Updating",
			V3View: View{Quiet: true}, LegacyView: View{Columns: templateTaskColumns},
		},
		{
			Path:    "template service-group delete",
			Aliases: []string{"rm"},
			Short:   "Delete a protocol/port template group",
			Long: `Delete a protocol/port template group (its templates remain).

With --legacy the deletion finishes asynchronously: the command prints the
task ID, and --wait polls DescribeNetTaskResult until it has succeeded or
failed.`,
			Example: `  tcvpc template service-group delete ppmg-ei8hfd9a
  tcvpc template service-group rm ppmg-f5n688da --legacy --wait --yes`,
			V3: "DeleteServiceTemplateGroup", Legacy: "DeleteServiceGroup",
			Arg:     templateServiceGroupArg,
			Confirm: "delete", Noun: "protocol/port template group", Done: "Deleted", Doing: "Deleting",
			V3View: View{Quiet: true}, LegacyView: View{Columns: templateTaskColumns},
		},
		{
			Path:    "template service-group instances",
			Short:   "List the resources that use a protocol/port template group",
			Long:    fmt.Sprintf(templateInstancesLong, "a protocol/port template group"),
			Example: `  tcvpc template service-group instances ppmg-6piqsucc --wait -o json`,
			Legacy:  "DescribeServiceGroupInstances",
			Arg:     templateServiceGroupArg,
			Noun:    "protocol/port template group", Done: "Found the resources using", Doing: "Finding the resources using",
			LegacyView: View{Columns: templateTaskColumns},
		},
	}
}

// templateMemberIDs formats the members of a legacy group: objects carrying key
// (the manual's example replies) or plain IDs (its field tables).
func templateMemberIDs(key string) func(any) string {
	return func(v any) string {
		list, _ := v.([]any)
		if len(list) == 0 {
			return ""
		}
		ids := make([]string, 0, len(list))
		for _, m := range list {
			if obj, ok := m.(map[string]any); ok {
				ids = append(ids, params.Scalar(obj[key]))
			} else {
				ids = append(ids, params.Scalar(m))
			}
		}
		return strings.Join(ids, ",")
	}
}
