package wait

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

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

// State describes how to read an API 3.0 resource's state.
type State struct {
	Describe api.Request // a Describe call that returns the resource
	Rows     string      // the list in the reply, e.g. "VpnGatewaySet"
	Field    string      // the state field of a row, e.g. "State"
	Ready    []string    // states that end the wait successfully
	Failed   []string    // states that end it in failure
	// Gone, when set, makes an empty list success (waiting for a delete).
	Gone bool
}

// StateCheck polls a resource until its state is one of Ready or Failed.
func StateCheck(c Doer, s State) Check {
	return func(ctx context.Context) (Observation, error) {
		reply, err := c.Do(ctx, s.Describe)
		var apiErr *api.Error
		if s.Gone && errors.As(err, &apiErr) && strings.Contains(apiErr.Code, "NotFound") {
			// Some Describe operations answer a vanished ID with an error.
			return Observation{Outcome: Succeeded, State: "deleted"}, nil
		}
		if err != nil {
			return Observation{}, err
		}
		obs := Observation{Data: reply.Data, Outcome: Running}
		rows, _ := reply.Data[s.Rows].([]any)
		if len(rows) == 0 {
			if s.Gone {
				obs.Outcome, obs.State = Succeeded, "deleted"
				return obs, nil
			}
			obs.State = "not visible yet"
			return obs, nil
		}
		row, _ := rows[0].(map[string]any)
		obs.State = params.Scalar(row[s.Field])
		switch {
		case contains(s.Ready, obs.State) && !s.Gone:
			obs.Outcome = Succeeded
		case contains(s.Failed, obs.State):
			obs.Outcome, obs.Detail = Failed, "state "+obs.State
		}
		return obs, nil
	}
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
