// Package params converts between the parameter tree a command builds
// (map[string]any with []any, map[string]any, string, json.Number, bool
// leaves) and the flat wire form the query-signed APIs use
// ("subnetSet.0.cidrBlock", "Filters.0.Values.1").
package params

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Tree is a request's parameters as the API documents them.
type Tree = map[string]any

// Flatten turns a tree into dotted wire names. Arrays are indexed from 0,
// objects join their keys with '.'. Empty arrays and objects send nothing,
// as the services read a missing array as an empty one.
func Flatten(t Tree) map[string]string {
	out := make(map[string]string, len(t))
	for k, v := range t {
		flattenInto(out, k, v)
	}
	return out
}

func flattenInto(out map[string]string, prefix string, v any) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			flattenInto(out, prefix+"."+k, c)
		}
	case []any:
		for i, c := range x {
			flattenInto(out, prefix+"."+strconv.Itoa(i), c)
		}
	case []string:
		for i, c := range x {
			out[prefix+"."+strconv.Itoa(i)] = c
		}
	default:
		out[prefix] = Scalar(x)
	}
}

// Scalar formats a leaf value the way it travels in a query string.
func Scalar(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "true"
		}
		return "false"
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return fmt.Sprint(x)
	}
}

// Unflatten rebuilds a tree from dotted names. A numeric segment makes an
// array; indexes must be dense from 0 so nothing a user typed is lost or
// reordered silently.
func Unflatten(flat map[string]string) (Tree, error) {
	keys := make([]string, 0, len(flat))
	for k := range flat {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	root := node{}
	for _, k := range keys {
		if err := root.set(strings.Split(k, "."), flat[k], k); err != nil {
			return nil, err
		}
	}
	v, err := root.build("")
	if err != nil {
		return nil, err
	}
	return v.(map[string]any), nil
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// node is a build-time trie; leaves hold a value, inner nodes children.
type node struct {
	leaf     *string
	children map[string]*node
}

func (n *node) set(segs []string, value, full string) error {
	if len(segs) == 0 {
		if n.children != nil {
			return fmt.Errorf("parameter %q is both a value and a list or object", full)
		}
		n.leaf = &value
		return nil
	}
	if n.leaf != nil {
		return fmt.Errorf("parameter %q is both a value and a list or object", full)
	}
	if segs[0] == "" {
		return fmt.Errorf("parameter %q: empty name segment", full)
	}
	if n.children == nil {
		n.children = map[string]*node{}
	}
	c := n.children[segs[0]]
	if c == nil {
		c = &node{}
		n.children[segs[0]] = c
	}
	return c.set(segs[1:], value, full)
}

func (n *node) build(path string) (any, error) {
	if n.leaf != nil {
		return *n.leaf, nil
	}
	allIdx := len(n.children) > 0
	for k := range n.children {
		if !isIndex(k) {
			allIdx = false
			break
		}
	}
	join := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	if allIdx && path != "" {
		arr := make([]any, len(n.children))
		for k, c := range n.children {
			i, _ := strconv.Atoi(k)
			if i >= len(arr) || strconv.Itoa(i) != k {
				return nil, fmt.Errorf("parameter %s: indexes must run 0..%d without gaps (got %s)", join("n"), len(arr)-1, join(k))
			}
			v, err := c.build(join(k))
			if err != nil {
				return nil, err
			}
			arr[i] = v
		}
		return arr, nil
	}
	obj := make(map[string]any, len(n.children))
	for k, c := range n.children {
		v, err := c.build(join(k))
		if err != nil {
			return nil, err
		}
		obj[k] = v
	}
	return obj, nil
}
