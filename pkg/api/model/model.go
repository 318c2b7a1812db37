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
//
// The value rules (Enum, Range, MinLen/MaxLen, MaxItems, Format, Text) are
// data: generated from the pages' own statements or declared in
// tools/genmodel/overrides.yaml citing the page. A zero value means the
// page states no such rule. Validate enforces every one of them; the
// command line, `tcvpc api`, the emulator and completion read them from
// here.
type Param struct {
	Name     string // wire name without the ".n" array suffix: "InstanceIds", "subnetSet"
	Type     Type   // of the value, or of each element when Array
	Array    bool   // documented as name.n / "Array of …"
	Required bool   // the page marks it required
	// Enum lists the allowed values, as they travel on the wire ("MAIN",
	// "12"), where the page lists them; for an Array, of each element.
	Enum []string
	// EnumFold compares with Enum ignoring letter case, where the pages
	// list upper-case values and send lower-case ones ("TCP", "tcp").
	EnumFold bool
	// Range bounds an Integer value (each element of an Array), inclusive.
	Range *Range
	// MinLen and MaxLen bound a String value's length in characters
	// (bytes when LenBytes, as pages that count bytes say); 0 is no bound.
	MinLen, MaxLen int
	LenBytes       bool
	// MaxItems is the most elements an Array may have; 0 is no bound.
	MaxItems int
	// Format is the shape a String value must have; IDPrefix goes with
	// FormatID ("vpc" for vpc-f49l6u0z; "vpc|subnet|eni" where IDs of
	// several kinds are taken).
	Format   Format
	IDPrefix string
	// Text marks free text (a name, a description): control characters
	// are refused.
	Text bool
	// Secret marks a value that must never be shown (a pre-shared key):
	// output, logs and dry runs mask it.
	Secret      bool
	Description string  // short, one line
	Fields      []Param // members of an Object (or of each element of an array of objects)
}

// Range is an inclusive integer interval.
type Range struct{ Min, Max int64 }

// Format is the documented shape of a String value.
type Format uint8

const (
	FormatNone       Format = iota
	FormatIPv4              // a dotted IPv4 address: 10.0.0.5
	FormatIPv4CIDR          // an IPv4 network in CIDR notation: 10.0.0.0/16 (host bits zero)
	FormatIPv4OrCIDR        // an IPv4 address or network: 10.0.0.5, 10.0.0.0/24
	FormatID                // a resource ID: IDPrefix, "-", 8 lower-case letters or digits
	FormatUUID              // a UUID: b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34
	FormatPorts             // a port 0-65535 or a range lo-hi (80, 90-100), or ALL
	FormatIPv4Range         // an IPv4 address, range lo-hi or block (111.0.0.2-111.0.0.100)
)

func (f Format) String() string {
	switch f {
	case FormatIPv4:
		return "IPv4"
	case FormatIPv4CIDR:
		return "IPv4CIDR"
	case FormatIPv4OrCIDR:
		return "IPv4OrCIDR"
	case FormatID:
		return "ID"
	case FormatUUID:
		return "UUID"
	case FormatPorts:
		return "Ports"
	case FormatIPv4Range:
		return "IPv4Range"
	}
	return ""
}

// HasRule reports whether the page states any value rule for p beyond its
// type.
func (p *Param) HasRule() bool {
	return len(p.Enum) > 0 || p.Range != nil || p.MinLen > 0 || p.MaxLen > 0 ||
		p.MaxItems > 0 || p.Format != FormatNone || p.Text
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
	Title       string // short English title
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
