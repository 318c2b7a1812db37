package cmd

import (
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/pager"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// Flow log commands: the legacy flow log pages (CreateFlowLog,
// ModifyFlowLogAttribute, DeleteFlowLog, DescribeFlowLog, DescribeFlowLogs).
// API 3.0 has no flow log operations in the manual.
//
// The pages' field tables and their example replies disagree on where the
// data is: the tables put the fields at the top of the reply (flowLogId,
// totalCount, data.n.*), the examples nest them (data.flowLogId,
// data.data.flowLogId, data.totalNum with the rows in data.data). The list
// follows the examples, which agree with one another and spell totalNum
// where the table says totalCount; the one-row views read either shape.
var (
	flowLogArg   = &Param{Flag: "FLOW_LOG_ID", Legacy: "flowLogId"}
	flowLogVpcID = Param{Flag: "vpc-id", Legacy: "vpcId", Usage: "ID of the VPC of the flow log"}
	flowLogName  = Param{Flag: "name", Legacy: "flowLogName", Usage: "name of the flow log (up to 60 characters)"}
	flowLogDesc  = Param{Flag: "description", Legacy: "flowLogDescription", Usage: "description of the flow log"}

	flowLogResourceType = Param{Flag: "resource-type", Legacy: "resourceType",
		Usage: "kind of resource whose traffic is logged: VPC, SUBNET or NETWORKINTERFACE"}
	flowLogResourceID  = Param{Flag: "resource-id", Legacy: "resourceId", Usage: "ID of the VPC, subnet or network interface (vpc-…, subnet-…, eni-…)"}
	flowLogTrafficType = Param{Flag: "traffic-type", Legacy: "trafficType",
		Usage: "traffic logged: ACCEPT, REJECT or ALL"}
	flowLogCloudLogID = Param{Flag: "cloud-log-id", Legacy: "cloudLogId", Usage: "ID of the Cloud Log Service topic the records go to (a UUID)"}
)

// flowLogColumns read a flow log at the top of the reply (the field tables)
// or under data / data.data (the examples).
func flowLogColumns(fields ...[2]string) []output.Column {
	cols := make([]output.Column, 0, len(fields))
	for _, f := range fields {
		cols = append(cols, output.Column{Header: f[0], Format: flowLogField(f[1])})
	}
	return cols
}

var (
	flowLogListColumns = []output.Column{
		{Header: "ID", Path: "flowLogId"},
		{Header: "NAME", Path: "flowLogName"},
		{Header: "VPC", Path: "vpcId"},
		{Header: "RESOURCE TYPE", Path: "resourceType"},
		{Header: "RESOURCE", Path: "resourceId"},
		{Header: "TRAFFIC", Path: "trafficType"},
		{Header: "LOG STATE", Path: "cloudLogState"},
		{Header: "CREATED", Path: "createdTime"},
	}
	flowLogShowColumns = flowLogColumns(
		[2]string{"ID", "flowLogId"}, [2]string{"NAME", "flowLogName"}, [2]string{"VPC", "vpcId"},
		[2]string{"RESOURCE TYPE", "resourceType"}, [2]string{"RESOURCE", "resourceId"},
		[2]string{"TRAFFIC", "trafficType"}, [2]string{"CLOUD LOG", "cloudLogId"},
		[2]string{"LOG STATE", "cloudLogState"}, [2]string{"DESCRIPTION", "flowLogDescription"},
		[2]string{"CREATED", "createdTime"},
	)
	flowLogCreateColumns = flowLogColumns(
		[2]string{"ID", "flowLogId"}, [2]string{"NAME", "flowLogName"},
		[2]string{"RESOURCE TYPE", "resourceType"}, [2]string{"RESOURCE", "resourceId"},
		[2]string{"TRAFFIC", "trafficType"}, [2]string{"CLOUD LOG", "cloudLogId"},
	)
)

func flowlogCommands() []Command {
	return []Command{
		{
			Path:    "flowlog list",
			Aliases: []string{"ls"},
			Short:   "List flow logs",
			Long: `List the flow logs of the region, optionally only those of one VPC, resource,
traffic type or Cloud Log Service topic. --name matches part of the name.`,
			Example: `  tcvpc flowlog list
  tcvpc flowlog list --vpc-id vpc-iqg1prjj --traffic-type ACCEPT
  tcvpc flowlog list --resource-type NETWORKINTERFACE --all -o json`,
			Legacy: "DescribeFlowLogs",
			Params: []Param{
				{Flag: "vpc-id", Legacy: "vpcId", Usage: "only flow logs of this VPC"},
				{Flag: "flow-log-id", Legacy: "flowLogId", Usage: "only flow logs whose ID contains this"},
				{Flag: "name", Legacy: "flowLogName", Usage: "only flow logs whose name contains this"},
				{Flag: "resource-type", Legacy: "resourceType", Usage: "only flow logs of VPC, SUBNET or NETWORKINTERFACE resources"},
				{Flag: "resource-id", Legacy: "resourceId", Usage: "only flow logs of this VPC, subnet or network interface"},
				{Flag: "traffic-type", Legacy: "trafficType", Usage: "only flow logs of ACCEPT, REJECT or ALL traffic"},
				{Flag: "cloud-log-id", Legacy: "cloudLogId", Usage: "only flow logs writing to this Cloud Log Service topic"},
				{Flag: "cloud-log-state", Legacy: "cloudLogState", Usage: "only flow logs whose topic is in this state, e.g. SUCCESS"},
			},
			List:       &List{LegacyRows: "data.data", LegacyTotal: "data.totalNum"},
			LegacyView: View{Rows: "data.data", Columns: flowLogListColumns},
		},
		{
			Path:       "flowlog show",
			Short:      "Show a flow log",
			Example:    `  tcvpc flowlog show fl-1pqsg9x1 --vpc-id vpc-iqg1pssj`,
			Legacy:     "DescribeFlowLog",
			Arg:        flowLogArg,
			Params:     []Param{flowLogVpcID},
			LegacyView: View{Columns: flowLogShowColumns},
		},
		{
			Path:  "flowlog create",
			Short: "Create a flow log",
			Long: `Create a flow log recording the traffic of a VPC, a subnet or a network
interface into a Cloud Log Service topic. Each resource can have at most two
flow logs; deleting a network interface deletes its flow logs.`,
			Example: `  tcvpc flowlog create --vpc-id vpc-iqg1sdjj --name test_flowlog --resource-type VPC \
    --resource-id vpc-iqg1prdj --traffic-type ALL --cloud-log-id b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34`,
			Legacy: "CreateFlowLog",
			Params: []Param{
				{Flag: "vpc-id", Legacy: "vpcId", Usage: "ID of the VPC the resource is in"},
				flowLogName, flowLogDesc, flowLogResourceType, flowLogResourceID, flowLogTrafficType, flowLogCloudLogID,
			},
			LegacyView: View{Columns: flowLogCreateColumns},
		},
		{
			Path:    "flowlog modify",
			Short:   "Rename a flow log or change its description",
			Example: `  tcvpc flowlog modify fl-cfw0nti2 --vpc-id vpc-2ari9m7h --name test`,
			Legacy:  "ModifyFlowLogAttribute",
			Arg:     flowLogArg,
			Params:  []Param{flowLogVpcID, flowLogName, flowLogDesc},
			Noun:    "flow log", Done: "Modified",
			LegacyView: View{Quiet: true},
		},
		{
			Path:    "flowlog delete",
			Aliases: []string{"rm"},
			Short:   "Delete a flow log",
			Example: `  tcvpc flowlog delete fl-q1b26f9p --vpc-id vpc-iqg1prjj`,
			Legacy:  "DeleteFlowLog",
			Arg:     flowLogArg,
			Params:  []Param{flowLogVpcID},
			Confirm: "delete", Noun: "flow log", Done: "Deleted",
			LegacyView: View{Quiet: true},
		},
	}
}

// flowLogField formats a field found at the top of a reply, under data or
// under data.data (a column with an empty Path receives the whole reply).
func flowLogField(name string) func(any) string {
	alt := map[string]string{"trafficType": "TrafficType", "cloudLogId": "CloudLogId", "createdTime": "createTime"}[name]
	return func(row any) string {
		m, _ := row.(map[string]any)
		for _, prefix := range []string{"data.data.", "data.", ""} {
			for _, n := range []string{name, alt} {
				if n == "" {
					continue
				}
				if v := pager.Lookup(m, prefix+n); v != nil {
					if _, nested := v.(map[string]any); !nested {
						return params.Scalar(v)
					}
				}
			}
		}
		return ""
	}
}
