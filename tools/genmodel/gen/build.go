package gen

import (
	"fmt"
	"regexp"
	"strings"
)

// resolveAction picks a page's Action from everything that names it: the
// description ("本接口(X)"), the parameter note ("Action字段为 X"), the
// API 3.0 Action row, "接口名：X" and the example request. The page and
// its example win over any single stray mention: the name stated most
// often is taken, the example breaking ties.
func resolveAction(pp *parsedPage) (string, []diag) {
	count := map[string]int{}
	var order []string
	note := func(a string) {
		if count[a] == 0 {
			order = append(order, a)
		}
		count[a]++
	}
	for _, c := range pp.claims {
		note(c)
	}
	exAct := ""
	if len(pp.examples) > 0 {
		exAct = pp.examples[0].action
		note(exAct)
	}
	if len(order) == 0 {
		return "", []diag{{pp.p.where(), "no Action named on the page"}}
	}
	best := order[0]
	for _, a := range order[1:] {
		if count[a] > count[best] || count[a] == count[best] && a == exAct {
			best = a
		}
	}
	var ds []diag
	if len(order) > 1 {
		ds = append(ds, diag{pp.p.where(), fmt.Sprintf("page names several Actions %v; took %s", order, best)})
	}
	return best, ds
}

// foldParams turns table rows with dotted names into a tree:
// "subnetSet.n" + "subnetSet.n.cidrBlock" is an array of objects,
// "address" (Array) + "address.n" (String) an array of strings, and
// "IKESet.localAddress" an object even where the page types IKESet as
// Array or lists it as "IKESet.n", since its members are addressed
// without an index (and the replies show an object).
func foldParams(rows []rawRow, structs map[string]*structDef, where func(int) string) ([]*Param, []diag) {
	var top []*Param
	var ds []diag
	parents := map[string]bool{}
	for _, r := range rows {
		n := strings.ReplaceAll(strings.ReplaceAll(r.name, ".n.", "."), ".N.", ".")
		for i := strings.LastIndex(n, "."); i > 0; i = strings.LastIndex(n, ".") {
			n = n[:i]
			parents[n] = true
		}
	}
	find := func(list *[]*Param, name string) *Param {
		for _, p := range *list {
			if p.Name == name {
				return p
			}
		}
		return nil
	}
	for _, r := range rows {
		type part struct {
			name  string
			array bool
		}
		var parts []part
		for _, s := range strings.Split(r.name, ".") {
			if (s == "n" || s == "N") && len(parts) > 0 {
				parts[len(parts)-1].array = true
				continue
			}
			parts = append(parts, part{name: s})
		}
		list := &top
		for i, pt := range parts {
			last := i == len(parts)-1
			p := find(list, pt.name)
			existed := p != nil
			if p == nil {
				p = &Param{Name: pt.name, Type: tObject, Array: pt.array}
				*list = append(*list, p)
			}
			if !last {
				if p.Type != tObject {
					p.Type = tObject
				}
				if pt.array && !p.Array {
					p.Array = true
				}
				if !pt.array && p.Array {
					ds = append(ds, diag{where(r.line), fmt.Sprintf("%s: members are addressed without an index; an object, not an array", p.Name)})
					p.Array = false
				}
				list = &p.Fields
				continue
			}
			if existed && pt.array && p.Array && len(p.Fields) == 0 && elementRow(r.name) {
				// "address" (Array) then "address.n" (String): the
				// second row only tells the element type.
				if typ, _, ok := normType(r.typ); ok && typ != tObject {
					p.Type = typ
				}
				continue
			}
			typ, arr, ok := normType(r.typ)
			if !ok {
				st := strings.TrimPrefix(strings.TrimSpace(r.typ), "Array of ")
				if def := structs[st]; def != nil {
					typ = tObject
					p.Fields = structFields(def, structs, map[string]bool{})
				} else if parents[strings.TrimSuffix(strings.TrimSuffix(r.name, ".n"), ".N")] {
					typ = tObject // members follow in their own rows
				} else {
					ds = append(ds, diag{where(r.line), fmt.Sprintf("%s: unknown type %q, taken as String", r.name, r.typ)})
					typ = tString
				}
			}
			if len(p.Fields) > 0 {
				typ = tObject
			}
			p.Type = typ
			p.Array = p.Array || pt.array || arr
			p.Required = r.required
			p.Description = oneLine(r.desc)
			p.Enum = enumFrom(r.desc, typ)
			readRules(p, r.desc)
		}
	}
	return top, ds
}

// elementRow tells an "x.n" row, which describes the elements of x.
func elementRow(name string) bool {
	return strings.HasSuffix(name, ".n") || strings.HasSuffix(name, ".N")
}

func structFields(def *structDef, structs map[string]*structDef, seen map[string]bool) []*Param {
	if seen[def.name] {
		return nil
	}
	seen[def.name] = true
	defer delete(seen, def.name)
	var out []*Param
	for _, f := range def.fields {
		p := &Param{Name: f.name, Required: f.required, Description: oneLine(f.desc)}
		typ, arr, ok := normType(f.typ)
		if !ok {
			st := strings.TrimPrefix(strings.TrimSpace(f.typ), "Array of ")
			p.Array = strings.HasPrefix(strings.TrimSpace(f.typ), "Array of ")
			if sub := structs[st]; sub != nil {
				p.Type = tObject
				p.Fields = structFields(sub, structs, seen)
			} else {
				p.Type = tString
			}
		} else {
			p.Type, p.Array = typ, arr
		}
		p.Enum = enumFrom(f.desc, p.Type)
		readRules(p, f.desc)
		if f.enum != nil {
			p.Enum = f.enum
		}
		out = append(out, p)
	}
	return out
}

// enumFrom reads allowed values where a description lists them as quoted
// words after "可选值"/"取值" ("可选值：'main','aggressive'").
var reEnumList = regexp.MustCompile(`(?:可选值|取值)\s*[:：]\s*((?:'[^']+'\s*[,，、]?\s*)+)`)
var reQuoted = regexp.MustCompile(`'([^']+)'`)

func enumFrom(desc, typ string) []string {
	if typ != tString {
		return nil
	}
	m := reEnumList.FindStringSubmatch(desc)
	if m == nil {
		return nil
	}
	var out []string
	for _, q := range reQuoted.FindAllStringSubmatch(m[1], -1) {
		out = append(out, strings.TrimSpace(q[1]))
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// Groups that cut across the manual's sections: the CLI puts these
// operations together whichever section documents them.
func refineGroup(action, group string) string {
	switch {
	case strings.Contains(action, "ClassicLink"):
		return "classiclink"
	case strings.HasSuffix(action, "TaskResult"):
		return "task"
	case strings.HasPrefix(action, "DescribeAccount"):
		return "account"
	case action == "DescribeVpcLimit" || strings.HasSuffix(action, "Quota"):
		return "quota"
	}
	return group
}

// taskPollers are the operations that report on other operations' work;
// they are never asynchronous themselves.
var taskPollers = map[string]bool{
	"DescribeVpcTaskResult":           true,
	"DescribeNetTaskResult":           true,
	"QueryNatGatewayProductionStatus": true,
}

var (
	reTaskID = regexp.MustCompile(`\btaskId\b`)
	reBillID = regexp.MustCompile(`\bbillId\b`)
)

// detectAsync reads how an operation finishes from what its reply carries
// and which poller the page sends the reader to.
func detectAsync(op *Op, pp *parsedPage, outText string) (string, []diag) {
	if op.Style != styleLegacy || taskPollers[op.Action] {
		return asyncSync, nil
	}
	task := reTaskID.MatchString(outText)
	bill := reBillID.MatchString(outText)
	text := pp.text
	switch {
	case bill:
		// Only NAT gateway orders return a bill id; the pages point to
		// QueryNatGatewayProductionStatus by its title or its name.
		return asyncNatBill, nil
	case task && (strings.Contains(text, "DescribeNetTaskResult") || pp.taskOutput):
		return asyncNetTask, nil
	case task && (strings.Contains(text, "DescribeVpcTaskResult") || strings.Contains(text, "查询任务执行结果")):
		return asyncVpcTask, nil
	case task || bill:
		return asyncSync, []diag{{pp.p.where(), op.Action + ": reply carries a task or bill id but the page names no poller"}}
	}
	return asyncSync, nil
}
