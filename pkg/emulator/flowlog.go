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

func registerFlowLog(h map[string]handler) {
	h["legacy/CreateFlowLog"] = legacyCreateFlowLog
	h["legacy/DescribeFlowLog"] = legacyDescribeFlowLog
	h["legacy/DescribeFlowLogs"] = legacyDescribeFlowLogs
	h["legacy/ModifyFlowLogAttribute"] = legacyModifyFlowLogAttribute
	h["legacy/DeleteFlowLog"] = legacyDeleteFlowLog
}

// The flow log pages' tables put the fields at the top of the reply;
// their example replies, followed here, put them under data (a single
// log under data.data, a list as data.totalNum and data.data).

func legacyFlowLogRow(f *FlowLog) map[string]any {
	return map[string]any{
		"vpcId": f.VpcID, "flowLogId": f.ID, "flowLogName": f.Name, "resourceType": f.ResourceType,
		"resourceId": f.ResourceID, "trafficType": f.TrafficType, "cloudLogId": f.CloudLogID,
		"cloudLogState": "SUCCESS", "flowLogDescription": f.Desc, "createdTime": f.created(),
	}
}

func (st *Store) flowLogNameTaken(vpcID, name, except string) bool {
	for _, f := range st.FlowLogs.byID {
		if f.VpcID == vpcID && f.Name == name && f.ID != except {
			return true
		}
	}
	return false
}

func legacyCreateFlowLog(c *call, st *Store) (map[string]any, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, err
	}
	name := c.str("flowLogName")
	if !nameOK(name) {
		return nil, lerrf(4000, "InvalidFlowLogName", "The flow log name must be 1 to 60 characters.")
	}
	if st.flowLogNameTaken(v.ID, name, "") {
		return nil, lerrf(5100, "FlowLogNameDuplicate", "VPC %s has a flow log named %q already.", v.ID, name)
	}
	typ, res := c.str("resourceType"), c.str("resourceId")
	switch typ {
	case "VPC":
		if res != v.ID {
			return nil, lerrf(5000, "InvalidVpc.NotFound", "The resource VPC %s is not the VPC %s.", res, v.ID)
		}
	case "SUBNET":
		if s := st.Subnets.get(res); s == nil || s.VpcID != v.ID {
			return nil, lerrf(5000, "InvalidSubnet.NotFound", "The subnet %s does not exist in VPC %s.", res, v.ID)
		}
	case "NETWORKINTERFACE":
		if e := st.ENIs.get(res); e == nil || e.VpcID != v.ID {
			return nil, lerrf(5000, "InvalidNetworkInterface.NotFound", "The network interface %s does not exist in VPC %s.", res, v.ID)
		}
	default:
		return nil, c.invalid("resourceType", "%q is not VPC, SUBNET or NETWORKINTERFACE", typ)
	}
	traffic := c.str("trafficType")
	if traffic != "ACCEPT" && traffic != "REJECT" && traffic != "ALL" {
		return nil, c.invalid("trafficType", "%q is not ACCEPT, REJECT or ALL", traffic)
	}
	desc := c.str("flowLogDescription")
	if !descOK(desc) {
		return nil, c.invalid("flowLogDescription", "must be at most 60 characters")
	}
	f := &FlowLog{base: st.newBase(c, "fl-"), VpcID: v.ID, Name: name, Desc: desc, ResourceType: typ, ResourceID: res, TrafficType: traffic, CloudLogID: c.str("cloudLogId")}
	st.FlowLogs.put(f)
	return map[string]any{"data": map[string]any{
		"flowLogId": f.ID, "flowLogName": f.Name, "resourceType": f.ResourceType, "resourceId": f.ResourceID,
		"trafficType": f.TrafficType, "cloudLogId": f.CloudLogID, "createdTime": f.created(),
	}}, nil
}

func legacyFlowLogOf(c *call, st *Store) (*FlowLog, *apiError) {
	v, err := legacyVpcOf(c, st)
	if err != nil {
		return nil, err
	}
	id := c.str("flowLogId")
	f := st.FlowLogs.get(id)
	if f == nil || f.VpcID != v.ID {
		return nil, lerrf(5000, "FlowLogIDNotFound", "The flow log %s does not exist in VPC %s.", id, v.ID)
	}
	return f, nil
}

func legacyDescribeFlowLog(c *call, st *Store) (map[string]any, *apiError) {
	f, err := legacyFlowLogOf(c, st)
	if err != nil {
		return nil, err
	}
	return map[string]any{"data": map[string]any{"data": legacyFlowLogRow(f)}}, nil
}

func legacyDescribeFlowLogs(c *call, st *Store) (map[string]any, *apiError) {
	q, err := c.legacyPage(100, "flowLogName")
	if err != nil {
		return nil, err
	}
	if !c.has("limit") {
		q.limit = 10 // this page's default
	}
	vpcID := c.str("vpcId")
	if vpcID != "" && st.VPCs.get(vpcID) == nil {
		return nil, lerrf(5000, "InvalidVpc.NotFound", "The VPC %s does not exist.", vpcID)
	}
	want := func(param, have string) bool { return c.str(param) == "" || c.str(param) == have }
	var rows []map[string]any
	for _, f := range st.FlowLogs.all() {
		if want("vpcId", f.VpcID) && fuzzy(f.ID, c.str("flowLogId")) && fuzzy(f.Name, c.str("flowLogName")) &&
			want("resourceType", f.ResourceType) && want("resourceId", f.ResourceID) && want("trafficType", f.TrafficType) &&
			want("cloudLogId", f.CloudLogID) && want("cloudLogState", "SUCCESS") {
			row := legacyFlowLogRow(f)
			row["createTime"] = row["createdTime"]
			rows = append(rows, row)
		}
	}
	page := q.apply(rows)
	for _, r := range page {
		delete(r, "createTime")
	}
	return map[string]any{"data": map[string]any{"totalNum": len(rows), "data": rowsAny(page)}}, nil
}

func legacyModifyFlowLogAttribute(c *call, st *Store) (map[string]any, *apiError) {
	f, err := legacyFlowLogOf(c, st)
	if err != nil {
		return nil, err
	}
	name := c.str("flowLogName")
	if c.has("flowLogName") {
		if !nameOK(name) {
			return nil, lerrf(4000, "InvalidFlowLogName", "The flow log name must be 1 to 60 characters.")
		}
		if st.flowLogNameTaken(f.VpcID, name, f.ID) {
			return nil, lerrf(5100, "FlowLogNameDuplicate", "VPC %s has a flow log named %q already.", f.VpcID, name)
		}
	}
	if !descOK(c.str("flowLogDescription")) {
		return nil, c.invalid("flowLogDescription", "must be at most 60 characters")
	}
	if c.has("flowLogName") {
		f.Name = name
	}
	if _, ok := c.raw("flowLogDescription"); ok {
		f.Desc = c.str("flowLogDescription")
	}
	st.dirty = true
	return nil, nil
}

func legacyDeleteFlowLog(c *call, st *Store) (map[string]any, *apiError) {
	f, err := legacyFlowLogOf(c, st)
	if err != nil {
		return nil, err
	}
	st.FlowLogs.del(f.ID)
	st.dirty = true
	return nil, nil
}
