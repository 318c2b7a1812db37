package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// enTree writes an English text tree: path -> content.
func enTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, c := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func sampleOps() []*Op {
	return []*Op{{
		Action: "CreateThing", Style: styleV3, Group: "thing",
		Title: "创建", Description: "创建",
		Params: []*Param{
			{Name: "VpcId", Description: "私有网络"},
			{Name: "Spec", Type: tObject, Description: "规格", Fields: []*Param{{Name: "Size", Description: "大小"}}},
		},
		Outputs: []Field{{"RequestId", "String", "请求"}, {"data.n.id", "String", "编号"}},
		Errors:  []ErrorCode{{"Bad", "坏"}, {"Bad", "坏了"}},
		Example: []KV{{"VpcId", "vpc-1"}, {"Spec.Size", "大"}},
	}}
}

const sampleErrors = "Bad: Something is bad.\n"

const sampleCommon = `params:
  VpcId: ID of the VPC.
outputs:
  RequestId: ID of the request.
`

const sampleGroup = `CreateThing:
  title: Create a thing
  description: Creates a thing.
  params:
    Spec: Size of the thing.
    Spec.Size: Size in GB, 1 to 10; default 1.
  outputs:
    data.n.id: ID of the thing.
  example:
    Spec.Size: "2"
`

func TestApplyEnglish(t *testing.T) {
	dir := enTree(t, map[string]string{
		"errors.yaml":     sampleErrors,
		"v3/_common.yaml": sampleCommon,
		"v3/thing.yaml":   sampleGroup,
	})
	ops := sampleOps()
	if err := applyEnglish(ops, dir); err != nil {
		t.Fatal(err)
	}
	op := ops[0]
	if op.Title != "Create a thing" || op.Description != "Creates a thing." {
		t.Errorf("title %q, description %q", op.Title, op.Description)
	}
	if op.Params[0].Description != "ID of the VPC." || op.Params[1].Fields[0].Description != "Size in GB, 1 to 10; default 1." {
		t.Errorf("params %q %q", op.Params[0].Description, op.Params[1].Fields[0].Description)
	}
	if op.Outputs[0].Description != "ID of the request." || op.Outputs[1].Description != "ID of the thing." {
		t.Errorf("outputs %+v", op.Outputs)
	}
	if len(op.Errors) != 1 || op.Errors[0] != (ErrorCode{"Bad", "Something is bad."}) {
		t.Errorf("errors %+v", op.Errors)
	}
	if op.Example[1] != (KV{"Spec.Size", "2"}) {
		t.Errorf("example %+v", op.Example)
	}
}

func TestApplyEnglishFails(t *testing.T) {
	for name, tc := range map[string]struct {
		group, errors, want string
	}{
		"missing nested param": {
			strings.Replace(sampleGroup, "    Spec.Size: Size in GB, 1 to 10; default 1.\n", "", 1), sampleErrors,
			"v3 CreateThing (en/v3/thing.yaml): no text for param Spec.Size",
		},
		"missing output": {
			strings.Replace(sampleGroup, "    data.n.id: ID of the thing.\n", "", 1), sampleErrors,
			"v3 CreateThing (en/v3/thing.yaml): no text for output data.n.id",
		},
		"missing title": {
			strings.Replace(sampleGroup, "  title: Create a thing\n", "", 1), sampleErrors,
			"v3 CreateThing (en/v3/thing.yaml): no title",
		},
		"missing error": {sampleGroup, "Other: x\n", "no text for error Bad in en/errors.yaml"},
		"Chinese text": {
			strings.Replace(sampleGroup, "Creates a thing.", "创建一个", 1), sampleErrors,
			`v3 CreateThing (en/v3/thing.yaml): description is not English: "创建一个"`,
		},
		"Chinese example left": {
			strings.Replace(sampleGroup, "  example:\n    Spec.Size: \"2\"\n", "", 1), sampleErrors,
			`v3 CreateThing (en/v3/thing.yaml): example Spec.Size is not English: "大"`,
		},
		"full-width punctuation": {
			strings.Replace(sampleGroup, "Creates a thing.", "Creates a thing（VPC）", 1), sampleErrors,
			"description is not English",
		},
		"unknown param": {sampleGroup + "    Nope: x\n", sampleErrors, "example.Nope matches no key of the example request"},
		"unknown op":    {sampleGroup + "DeleteThing:\n  title: x\n", sampleErrors, "en/v3/thing.yaml: DeleteThing is no operation of that style and group"},
		"unknown field": {sampleGroup + "  summary: x\n", sampleErrors, "field summary not found"},
		"unused error":  {sampleGroup, sampleErrors + "Gone: Gone.\n", "en/errors.yaml: Gone is documented by no operation"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := enTree(t, map[string]string{"errors.yaml": tc.errors, "v3/_common.yaml": sampleCommon, "v3/thing.yaml": tc.group})
			err := applyEnglish(sampleOps(), dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestApplyEnglishNeedsEveryGroupAndUsesEveryCommonText(t *testing.T) {
	dir := enTree(t, map[string]string{"errors.yaml": sampleErrors, "v3/_common.yaml": sampleCommon, "v3/other.yaml": ""})
	err := applyEnglish(sampleOps(), dir)
	if err == nil || !strings.Contains(err.Error(), "v3 CreateThing: no en/v3/thing.yaml for its style and group") {
		t.Fatalf("error %v", err)
	}
	dir = enTree(t, map[string]string{
		"errors.yaml":     sampleErrors,
		"v3/_common.yaml": sampleCommon + "  Unused: Used by nothing.\n",
		"v3/thing.yaml":   sampleGroup,
	})
	err = applyEnglish(sampleOps(), dir)
	if err == nil || !strings.Contains(err.Error(), "en/v3/_common.yaml: outputs.Unused is used by no operation") {
		t.Fatalf("error %v", err)
	}
}

func TestHasCJK(t *testing.T) {
	for s, want := range map[string]bool{
		"ID of the VPC, e.g. vpc-f49l6u0z.": false,
		"é, ü, —, …, ×":                     false,
		"私有网络":                              true,
		"a，b":                               true, // full-width comma
		"a。":                                true,
		"テスト":                               true,
		"테스트":                               true,
	} {
		if got := hasCJK(s); got != want {
			t.Errorf("hasCJK(%q) = %v", s, got)
		}
	}
}
