package emulator

// FlowLog records the traffic of a VPC, a subnet or an ENI (legacy API).
type FlowLog struct {
	base
	VpcID        string `json:"vpcId"`
	Name         string `json:"name"`
	Desc         string `json:"desc,omitempty"`
	ResourceType string `json:"resourceType"`
	ResourceID   string `json:"resourceId"`
	TrafficType  string `json:"trafficType"`
	CloudLogID   string `json:"cloudLogId"`
}

// flowLogs is the flow log kind. Its pages' code for an unknown log,
// FlowLogIDNotFound, is not of the Stem.NotFound form.
//
// The flow log pages' tables put the fields at the top of the reply;
// their example replies, followed here, put them under data (a single
// log under data.data, a list as data.totalNum and data.data).
var flowLogs = &kind[*FlowLog]{
	noun: "flow log", prefix: "fl-", rows: func(s *Store) *table[*FlowLog] { return &s.FlowLogs },
	vpcParam:  "vpcId",
	legacyErr: func(public int, suffix, msg string) *apiError { return lerrf(public, "FlowLogID"+suffix, "%s", msg) },
	legacy: &legacyList[*FlowLog]{
		max: 100, size: 10, orderBy: []string{"flowLogName"}, parent: "vpcId", strict: true,
		exact: []attr[*FlowLog]{
			{"resourceType", func(f *FlowLog) string { return f.ResourceType }},
			{"resourceId", func(f *FlowLog) string { return f.ResourceID }},
			{"trafficType", func(f *FlowLog) string { return f.TrafficType }},
			{"cloudLogId", func(f *FlowLog) string { return f.CloudLogID }},
			{"cloudLogState", func(*FlowLog) string { return "SUCCESS" }},
		},
		substr: []attr[*FlowLog]{
			{"flowLogId", func(f *FlowLog) string { return f.ID }},
			{"flowLogName", func(f *FlowLog) string { return f.Name }},
		},
		reply: func(total int, rows []any) map[string]any {
			return map[string]any{"data": map[string]any{"totalNum": total, "data": rows}}
		},
		row: func(_ *Store, f *FlowLog) map[string]any { return legacyFlowLogRow(f) },
	},
}

func registerFlowLog(h map[string]handler) {
	h["legacy/CreateFlowLog"] = legacyCreateFlowLog
	h["legacy/DescribeFlowLog"] = legacyDescribeFlowLog
	h["legacy/DescribeFlowLogs"] = flowLogs.describeLegacy
	h["legacy/ModifyFlowLogAttribute"] = legacyModifyFlowLogAttribute
	h["legacy/DeleteFlowLog"] = flowLogs.deleter("flowLogId")
}

func legacyFlowLogRow(f *FlowLog) map[string]any {
	return map[string]any{
		"vpcId": f.VpcID, "flowLogId": f.ID, "flowLogName": f.Name, "resourceType": f.ResourceType,
		"resourceId": f.ResourceID, "trafficType": f.TrafficType, "cloudLogId": f.CloudLogID,
		"cloudLogState": "SUCCESS", "flowLogDescription": f.Desc, "createdTime": f.created(),
	}
}

// flowLogName reads flowLogName for f (nil: a log about to be created in
// vpcID): the model holds its longest, not that it is given or that the
// VPC's other logs have other names.
func (st *Store) flowLogName(c *call, vpcID string, f *FlowLog) (string, *apiError) {
	name := c.str("flowLogName")
	if name == "" {
		return "", c.invalid("flowLogName", "a name is 1 to 60 characters")
	}
	for _, x := range st.FlowLogs.under(vpcID) {
		if x.Name == name && x != f {
			return "", lerrf(5100, "FlowLogNameDuplicate", "VPC %s has a flow log named %q already.", vpcID, name)
		}
	}
	return name, nil
}

// legacyCreateFlowLog makes a log of a resource of the VPC. The model has
// checked the resource type, the traffic type and the IDs' shapes.
func legacyCreateFlowLog(c *call, st *Store) (map[string]any, *apiError) {
	v, err := vpcs.find(c, st, "vpcId")
	if err != nil {
		return nil, err
	}
	name, err := st.flowLogName(c, v.ID, nil)
	if err != nil {
		return nil, err
	}
	typ, res := c.str("resourceType"), c.str("resourceId")
	switch typ {
	case "VPC":
		if res != v.ID {
			return nil, lerrf(5000, "InvalidVpc.NotFound", "The resource VPC %s is not the VPC %s.", res, v.ID)
		}
	case "SUBNET":
		_, err = subnets.findIn(c, st, "resourceId", v.ID)
	default:
		_, err = enis.findIn(c, st, "resourceId", v.ID)
	}
	if err != nil {
		return nil, err
	}
	desc := c.str("flowLogDescription")
	if !descOK(desc) {
		return nil, c.invalid("flowLogDescription", "must be at most 60 characters")
	}
	f := &FlowLog{base: st.newBase(c, "fl-"), VpcID: v.ID, Name: name, Desc: desc, ResourceType: typ, ResourceID: res, TrafficType: c.str("trafficType"), CloudLogID: c.str("cloudLogId")}
	st.FlowLogs.put(f)
	return map[string]any{"data": map[string]any{
		"flowLogId": f.ID, "flowLogName": f.Name, "resourceType": f.ResourceType, "resourceId": f.ResourceID,
		"trafficType": f.TrafficType, "cloudLogId": f.CloudLogID, "createdTime": f.created(),
	}}, nil
}

func legacyDescribeFlowLog(c *call, st *Store) (map[string]any, *apiError) {
	f, err := flowLogs.find(c, st, "flowLogId")
	if err != nil {
		return nil, err
	}
	return map[string]any{"data": map[string]any{"data": legacyFlowLogRow(f)}}, nil
}

func legacyModifyFlowLogAttribute(c *call, st *Store) (map[string]any, *apiError) {
	f, err := flowLogs.find(c, st, "flowLogId")
	if err != nil {
		return nil, err
	}
	name := f.Name
	if c.has("flowLogName") {
		if name, err = st.flowLogName(c, f.VpcID, f); err != nil {
			return nil, err
		}
	}
	if !descOK(c.str("flowLogDescription")) {
		return nil, c.invalid("flowLogDescription", "must be at most 60 characters")
	}
	f.Name = name
	if _, ok := c.raw("flowLogDescription"); ok {
		f.Desc = c.str("flowLogDescription")
	}
	st.dirty = true
	return nil, nil
}
