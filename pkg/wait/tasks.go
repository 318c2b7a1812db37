package wait

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// Doer sends one request; *api.Client is one.
type Doer interface {
	Do(ctx context.Context, req api.Request) (*api.Reply, error)
}

// Kind names a kind of asynchronous work the legacy API reports on.
type Kind string

const (
	VpcTask Kind = "vpc"  // data.taskId → DescribeVpcTaskResult
	NetTask Kind = "net"  // template data.taskId → DescribeNetTaskResult
	NatBill Kind = "bill" // billId → QueryNatGatewayProductionStatus
)

// poll describes how each kind is asked about: all three answer with
// data.status 0 success, 1 failure, 2 running.
var poll = map[Kind]struct{ action, param, noun string }{
	VpcTask: {"DescribeVpcTaskResult", "taskId", "task"},
	NetTask: {"DescribeNetTaskResult", "taskId", "task"},
	NatBill: {"QueryNatGatewayProductionStatus", "billId", "order"},
}

// ParseKind validates a --kind value.
func ParseKind(s string) (Kind, error) {
	switch Kind(s) {
	case VpcTask, NetTask, NatBill:
		return Kind(s), nil
	}
	return "", fmt.Errorf("invalid value %q for --kind: expected vpc, net or bill", s)
}

// Describe names the work for messages: "task 12615", "order 2160000000".
func Describe(kind Kind, id string) string { return poll[kind].noun + " " + id }

// TaskCheck polls a legacy task or NAT order.
func TaskCheck(c Doer, kind Kind, id string) Check {
	p := poll[kind]
	return func(ctx context.Context) (Observation, error) {
		reply, err := c.Do(ctx, api.Request{Action: p.action, Style: api.Legacy, Params: params.Tree{p.param: id}})
		if err != nil {
			return Observation{}, err
		}
		data, _ := reply.Data["data"].(map[string]any)
		obs := Observation{Data: reply.Data}
		switch params.Scalar(data["status"]) {
		case "0":
			obs.Outcome, obs.State = Succeeded, "succeeded"
		case "1":
			obs.Outcome, obs.State = Failed, "failed"
			obs.Detail = failureDetail(data)
		case "2":
			obs.Outcome, obs.State = Running, "running"
		default:
			return obs, fmt.Errorf("%s: unexpected status %v in reply", p.action, data["status"])
		}
		return obs, nil
	}
}

// failureDetail picks the service's own words about a failed task.
func failureDetail(data map[string]any) string {
	if out, ok := data["output"].(map[string]any); ok {
		if m := params.Scalar(out["message"]); m != "" {
			return m
		}
	}
	for _, k := range []string{"errorMsg", "message", "errorCode"} {
		if v, ok := data[k]; ok && params.Scalar(v) != "" && params.Scalar(v) != "0" {
			return params.Scalar(v)
		}
	}
	b, _ := json.Marshal(data)
	return string(b)
}
