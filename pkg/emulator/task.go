package emulator

import "strconv"

func registerTask(h map[string]handler) {
	h["legacy/DescribeVpcTaskResult"] = taskResult("vpc", "taskId")
	h["legacy/DescribeNetTaskResult"] = taskResult("net", "taskId")
	h["legacy/QueryNatGatewayProductionStatus"] = taskResult("nat", "billId")
}

// taskStatus is data.status: 0 succeeded, 1 failed, 2 running.
func taskStatus(t *Task, c *call) int {
	switch {
	case t.running(c.now):
		return 2
	case t.Failed:
		return 1
	}
	return 0
}

// taskResult answers a poll for one kind of task. Template tasks and
// task results are numbered apart on the service; here all kinds share
// one numbering, and a poll for another kind's ID is not found.
func taskResult(kind, param string) handler {
	return func(c *call, st *Store) (map[string]any, *apiError) {
		raw := c.str(param)
		id, err := strconv.ParseInt(raw, 10, 64)
		t := st.Tasks[id]
		if err != nil || t == nil || t.Kind != kind {
			return nil, lerrf(5000, "ResourceNotFound", "The %s %s does not exist.", param, raw)
		}
		data := map[string]any{"status": taskStatus(t, c)}
		running := t.running(c.now)
		switch kind {
		case "net":
			out := map[string]any{"code": 0, "message": "OK"}
			switch {
			case running:
				out["message"] = "running"
			case t.Failed:
				out["code"], out["message"] = t.Code, t.Message
			case t.Result != nil:
				data["data"] = t.Result
			}
			data["output"] = out
		case "nat":
			data["errorCode"] = 0
			if t.Failed && !running {
				data["errorCode"] = t.Code
			}
		default:
			// The page documents data.status alone; a failure also says why.
			if t.Failed && !running {
				data["output"] = map[string]any{"code": t.Code, "message": t.Message}
			}
		}
		return map[string]any{"data": data}, nil
	}
}
