// Package model describes every documented VPC operation of both API
// styles: parameters, outputs, error codes, how the operation completes and
// the documented example request. The data is generated Go (see
// generate.go), a constant array the linker lays out, so looking an
// operation up costs nothing at start-up.
package model

import (
	"slices"
	"sort"
	"strings"
)

// Style is which of the two VPC APIs an operation belongs to.
type Style uint8

const (
	V3     Style = iota + 1 // API 3.0, vpc.tencentcloudapi.com
	Legacy                  // the v2 API, vpc.api.qcloud.com/v2/index.php
)

func (s Style) String() string {
	switch s {
	case V3:
		return "v3"
	case Legacy:
		return "legacy"
	}
	return "unknown"
}

// Async is how an operation reports completion.
type Async uint8

const (
	Sync    Async = iota // done when the reply arrives
	VpcTask              // legacy: data.taskId, polled with DescribeVpcTaskResult
	NetTask              // parameter templates: taskId, polled with DescribeNetTaskResult
	NatBill              // NAT gateway orders: billId, polled with QueryNatGatewayProductionStatus
)

func (a Async) String() string {
	switch a {
	case Sync:
		return "sync"
	case VpcTask:
		return "vpc-task"
	case NetTask:
		return "net-task"
	case NatBill:
		return "nat-bill"
	}
	return "unknown"
}

// Type is a parameter's scalar type; Object has Fields.
type Type uint8

const (
	String Type = iota + 1
	Integer
	Boolean
	Float
	Object
)

func (t Type) String() string {
	switch t {
	case String:
		return "String"
	case Integer:
		return "Integer"
	case Boolean:
		return "Boolean"
	case Float:
		return "Float"
	case Object:
		return "Object"
	}
	return "unknown"
}

// Param is an input parameter. Arrays are sent as Name.0, Name.1, …;
// objects as Name.Field.
type Param struct {
	Name        string   // wire name without the ".n" array suffix: "InstanceIds", "subnetSet"
	Type        Type     // of the value, or of each element when Array
	Array       bool     // documented as name.n / "Array of …"
	Required    bool     // the page marks it required
	Enum        []string // allowed values, where the page lists them
	Description string   // short, one line
	Fields      []Param  // members of an Object (or of each element of an array of objects)
}

// Field is a documented output field; nested ones keep their dotted name
// ("data.taskId", "subnetSet.n.subnetId").
type Field struct{ Name, Type, Description string }

// ErrorCode is a business error code the page documents.
type ErrorCode struct{ Code, Description string }

// KV is one flat wire parameter of an example request.
type KV struct{ Key, Value string }

// Operation is one documented API operation.
type Operation struct {
	Action      string
	Title       string // the page title, in Chinese
	Description string // one line
	Style       Style
	Group       string // the CLI group: vpc, subnet, route-table, acl, eip, eni, sg, …
	Domain      string // vpc.tencentcloudapi.com or vpc.api.qcloud.com
	Params      []Param
	Outputs     []Field
	Errors      []ErrorCode
	Async       Async
	Example     []KV   // the documented example request's own parameters, in page order
	Source      string // file:line of the page in the source documents, for humans
}

// Param finds a top-level parameter by its exact wire name.
func (op *Operation) Param(name string) (*Param, bool) {
	for i := range op.Params {
		if op.Params[i].Name == name {
			return &op.Params[i], true
		}
	}
	return nil, false
}

// All returns every operation, sorted by (Action, Style). The slice is a
// copy; the Params and other slices inside are shared and must not be
// modified.
func All() []Operation { return slices.Clone(operations[:]) }

// Find returns the operation of the given Action and style.
func Find(action string, style Style) (*Operation, bool) {
	i := sort.Search(len(operations), func(i int) bool {
		o := &operations[i]
		if o.Action != action {
			return o.Action >= action
		}
		return o.Style >= style
	})
	if i < len(operations) && operations[i].Action == action && operations[i].Style == style {
		return &operations[i], true
	}
	return nil, false
}

// Lookup returns the operations of an Action in every style that has it,
// API 3.0 first.
func Lookup(action string) []*Operation {
	i := sort.Search(len(operations), func(i int) bool { return operations[i].Action >= action })
	var out []*Operation
	for ; i < len(operations) && operations[i].Action == action; i++ {
		out = append(out, &operations[i])
	}
	return out
}

// LookupFold is Lookup ignoring letter case, for suggesting what a user
// meant.
func LookupFold(action string) []*Operation {
	var out []*Operation
	for i := range operations {
		if strings.EqualFold(operations[i].Action, action) {
			out = append(out, &operations[i])
		}
	}
	return out
}

// Groups returns the groups in use, sorted.
func Groups() []string {
	var gs []string
	for i := range operations {
		gs = append(gs, operations[i].Group)
	}
	slices.Sort(gs)
	return slices.Compact(gs)
}

// InGroup returns the operations of a group, sorted by (Action, Style).
func InGroup(group string) []*Operation {
	var out []*Operation
	for i := range operations {
		if operations[i].Group == group {
			out = append(out, &operations[i])
		}
	}
	return out
}
