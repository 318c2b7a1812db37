// Package gen turns the VPC API manual and its companion pages into the Go
// source of package model. It is kept apart from model so that a broken
// generated file never stops the generator from building.
package gen

import (
	"fmt"
	"sort"
	"strings"
)

// Style names, as the overrides file and the emitted code spell them.
const (
	styleV3     = "v3"
	styleLegacy = "legacy"
)

// Async kinds.
const (
	asyncSync    = "sync"
	asyncVpcTask = "vpc-task"
	asyncNetTask = "net-task"
	asyncNatBill = "nat-bill"
)

// Scalar type names.
const (
	tString  = "String"
	tInteger = "Integer"
	tBoolean = "Boolean"
	tFloat   = "Float"
	tObject  = "Object"
)

// Op is one documented operation while it is being assembled.
type Op struct {
	Action      string
	Title       string
	Description string
	Style       string
	Group       string
	Domain      string
	Params      []*Param
	Outputs     []Field
	Errors      []ErrorCode
	Async       string
	Example     []KV
	Sources     []string // "004:998", "001"
}

// Param is an input parameter.
type Param struct {
	Name        string
	Type        string
	Array       bool
	Required    bool
	Enum        []string
	Description string
	Fields      []*Param
	Rules       // value rules (rules.go)

	filterValuesMax int // a Filters row's "Filter.Values" bound, for its Values member
}

// Field is an output field.
type Field struct{ Name, Type, Description string }

// ErrorCode is a documented business error.
type ErrorCode struct{ Code, Description string }

// KV is one flat wire parameter of an example request.
type KV struct{ Key, Value string }

func (o *Op) key() string { return o.Style + "/" + o.Action }

// Source is the page reference humans read.
func (o *Op) Source() string { return strings.Join(o.Sources, " ") }

// lookupPath finds a parameter by dotted path of names ("Filters.Values").
func lookupPath(ps []*Param, path string) (*Param, []*Param, int) {
	segs := strings.Split(path, ".")
	list := ps
	for i, s := range segs {
		idx := -1
		for j, p := range list {
			if p.Name == s {
				idx = j
				break
			}
		}
		if idx < 0 {
			return nil, list, -1
		}
		if i == len(segs)-1 {
			return list[idx], list, idx
		}
		list = list[idx].Fields
	}
	return nil, nil, -1
}

func sortOps(ops []*Op) {
	sort.Slice(ops, func(i, j int) bool {
		if ops[i].Action != ops[j].Action {
			return ops[i].Action < ops[j].Action
		}
		return styleRank(ops[i].Style) < styleRank(ops[j].Style)
	})
}

func styleRank(s string) int {
	if s == styleV3 {
		return 1
	}
	return 2
}

type diag struct {
	where string
	msg   string
}

func (d diag) String() string { return fmt.Sprintf("%s: %s", d.where, d.msg) }
