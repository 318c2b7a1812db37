package emulator

import (
	"strconv"
	"strings"

	"github.com/tcvpc/tcvpc/pkg/api/model"
)

// genericHandler answers an operation whose state the emulator does not
// keep: a success shaped by the documented outputs, with empty lists, zero
// counts and empty strings. Asynchronous operations still get a real task
// (taskId or billId) that runs for the task delay, so pollers can be
// exercised against them.
func genericHandler(op *model.Operation) handler {
	return func(c *call, st *Store) (map[string]any, *apiError) {
		out := map[string]any{}
		for _, f := range op.Outputs {
			if c.style == V3 && f.Name == "RequestId" {
				continue
			}
			if c.style == Legacy && (f.Name == "code" || f.Name == "message" || f.Name == "codeDesc") {
				continue
			}
			setZero(out, strings.Split(f.Name, "."), f.Type)
		}
		switch op.Async {
		case model.VpcTask, model.NetTask:
			kind := "vpc"
			if op.Async == model.NetTask {
				kind = "net"
			}
			t := st.newTask(c, kind, "")
			if !setDeep(out, "taskId", t.ID) {
				data, _ := out["data"].(map[string]any)
				if data == nil {
					data = map[string]any{}
					out["data"] = data
				}
				data["taskId"] = t.ID
			}
		case model.NatBill:
			t := st.newTask(c, "nat", "")
			if !setDeep(out, "billId", strconv.FormatInt(t.ID, 10)) {
				out["billId"] = strconv.FormatInt(t.ID, 10)
			}
		}
		return out, nil
	}
}

// setZero places the zero value of a documented field at its dotted path;
// an "n" segment makes the enclosing list, which stays empty.
func setZero(m map[string]any, path []string, typ string) {
	for i, seg := range path {
		last := i == len(path)-1
		if !last && (path[i+1] == "n" || path[i+1] == "N") {
			if _, ok := m[seg]; !ok {
				m[seg] = []any{}
			}
			return
		}
		if last {
			if _, ok := m[seg]; !ok {
				m[seg] = zeroOf(typ)
			}
			return
		}
		next, ok := m[seg].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[seg] = next
		}
		m = next
	}
}

func zeroOf(typ string) any {
	switch {
	case typ == "Integer" || typ == "Int" || typ == "Float":
		return 0
	case typ == "Boolean" || typ == "Bool":
		return false
	case typ == "String":
		return ""
	case typ == "Array" || strings.HasPrefix(typ, "Array of"):
		return []any{}
	}
	return map[string]any{}
}

// setDeep sets key wherever it already sits in the tree (at the top or in
// an object below), reporting whether it found it.
func setDeep(m map[string]any, key string, v any) bool {
	if _, ok := m[key]; ok {
		m[key] = v
		return true
	}
	for _, x := range m {
		if sub, ok := x.(map[string]any); ok && setDeep(sub, key, v) {
			return true
		}
	}
	return false
}
