package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/jmespath/go-jmespath"
)

// decode parses JSON the way the API client does.
func decode(t *testing.T, s string) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("decode %s: %v", s, err)
	}
	return v
}

const vpcReply = `{
  "TotalCount": 2,
  "VpcSet": [
    {"VpcId": "vpc-abc12345", "VpcName": "a", "CidrBlock": "10.0.0.0/16", "IsDefault": true,
     "TaskId": 12615, "Price": 1.50, "DnsServerSet": ["183.60.83.19", "183.60.82.98"],
     "TagSet": [{"Key": "env", "Value": "prod"}], "Ipv6CidrBlock": null},
    {"VpcId": "vpc-def67890", "VpcName": "默认", "CidrBlock": "172.16.0.0/12", "IsDefault": false,
     "TaskId": 7, "Price": 2, "DnsServerSet": [], "TagSet": [], "Ipv6CidrBlock": null}
  ],
  "RequestId": "6a2c1f3e-req"
}`

const legacyReply = `{"code": 0, "message": "", "totalCount": 1,
  "data": [{"unVpcId": "vpc-legacy1", "vpcName": "old <&> net", "subnetNum": 3}]}`

var vpcColumns = []Column{
	{Header: "ID", Path: "VpcId"},
	{Header: "Name", Path: "VpcName"},
	{Header: "CIDR", Path: "CidrBlock"},
	{Header: "Default", Path: "IsDefault"},
	{Header: "First tag", Path: "TagSet.0.Value"},
}

func mustQuery(t *testing.T, expr string) *Query {
	t.Helper()
	q, err := CompileQuery(expr)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func render(t *testing.T, data any, o Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, data, o); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b.String()
}

func TestRenderJSON(t *testing.T) {
	data := decode(t, vpcReply)
	tests := []struct {
		name  string
		data  any
		query string
		want  string
	}{
		{
			name: "whole reply, numbers as received",
			data: data,
			want: `{
  "RequestId": "6a2c1f3e-req",
  "TotalCount": 2,
  "VpcSet": [
    {
      "CidrBlock": "10.0.0.0/16",
      "DnsServerSet": [
        "183.60.83.19",
        "183.60.82.98"
      ],
      "Ipv6CidrBlock": null,
      "IsDefault": true,
      "Price": 1.50,
      "TagSet": [
        {
          "Key": "env",
          "Value": "prod"
        }
      ],
      "TaskId": 12615,
      "VpcId": "vpc-abc12345",
      "VpcName": "a"
    },
    {
      "CidrBlock": "172.16.0.0/12",
      "DnsServerSet": [],
      "Ipv6CidrBlock": null,
      "IsDefault": false,
      "Price": 2,
      "TagSet": [],
      "TaskId": 7,
      "VpcId": "vpc-def67890",
      "VpcName": "默认"
    }
  ]
}
`,
		},
		{
			name: "no HTML escaping",
			data: decode(t, legacyReply),
			want: `{
  "code": 0,
  "data": [
    {
      "subnetNum": 3,
      "unVpcId": "vpc-legacy1",
      "vpcName": "old <&> net"
    }
  ],
  "message": "",
  "totalCount": 1
}
`,
		},
		{name: "query scalar string", data: data, query: "VpcSet[0].VpcId", want: "\"vpc-abc12345\"\n"},
		{name: "query keeps number spelling", data: data, query: "VpcSet[].[TaskId, Price]", want: "[\n  [\n    12615,\n    1.50\n  ],\n  [\n    7,\n    2\n  ]\n]\n"},
		{name: "query computed number", data: data, query: "sum(VpcSet[].Price)", want: "3.5\n"},
		{name: "query null", data: data, query: "Missing", want: "null\n"},
		{
			name:  "query object",
			data:  data,
			query: "VpcSet[?TaskId > `100`] | [0].{ID: VpcId, Price: Price}",
			want:  "{\n  \"ID\": \"vpc-abc12345\",\n  \"Price\": 1.50\n}\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Options{Format: JSON, Rows: "VpcSet", Columns: vpcColumns}
			if tt.query != "" {
				o.Query = mustQuery(t, tt.query)
			}
			if got := render(t, tt.data, o); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestRenderYAML(t *testing.T) {
	data := decode(t, vpcReply)
	tests := []struct {
		name  string
		data  any
		query string
		want  string
	}{
		{
			name: "whole reply",
			data: data,
			want: `RequestId: 6a2c1f3e-req
TotalCount: 2
VpcSet:
  - CidrBlock: 10.0.0.0/16
    DnsServerSet:
      - 183.60.83.19
      - 183.60.82.98
    Ipv6CidrBlock: null
    IsDefault: true
    Price: 1.50
    TagSet:
      - Key: env
        Value: prod
    TaskId: 12615
    VpcId: vpc-abc12345
    VpcName: a
  - CidrBlock: 172.16.0.0/12
    DnsServerSet: []
    Ipv6CidrBlock: null
    IsDefault: false
    Price: 2
    TagSet: []
    TaskId: 7
    VpcId: vpc-def67890
    VpcName: 默认
`,
		},
		{
			name: "strings that read as other types are quoted",
			data: decode(t, `{"n": 12615, "s": "12615", "f": "1.50", "b": "true", "z": "null", "e": "", "t": true, "x": "a: b", "m": "l1\nl2"}`),
			want: `b: "true"
e: ""
f: "1.50"
m: |-
  l1
  l2
n: 12615
s: "12615"
t: true
x: 'a: b'
z: "null"
`,
		},
		{name: "query list of scalars", data: data, query: "VpcSet[].VpcId", want: "- vpc-abc12345\n- vpc-def67890\n"},
		{name: "query number", data: data, query: "VpcSet[0].Price", want: "1.50\n"},
		{name: "query object", data: data, query: "VpcSet[1].{n: VpcName, p: Price}", want: "n: 默认\np: 2\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Options{Format: YAML}
			if tt.query != "" {
				o.Query = mustQuery(t, tt.query)
			}
			if got := render(t, tt.data, o); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestRenderTableAndText(t *testing.T) {
	data := decode(t, vpcReply)
	legacy := decode(t, legacyReply)
	tests := []struct {
		name       string
		data       any
		o          Options
		query      string
		table      string
		text       string
		noHeader   string // table with NoHeader when column widths change without the header
		headerless bool   // table has no header row, so NoHeader changes nothing
	}{
		{
			name:  "object as key/value",
			data:  decode(t, `{"TotalCount": 1, "Vpc": {"VpcId": "vpc-1", "Tags": ["a", "b"]}, "Ids": ["x", "y"], "Empty": null, "RequestId": "r-1"}`),
			table: "KEY          VALUE\nEmpty        -\nIds          x,y\nRequestId    r-1\nTotalCount   1\nVpc          {\"Tags\":[\"a\",\"b\"],\"VpcId\":\"vpc-1\"}\n",
			text:  "Empty\t\nIds\tx,y\nRequestId\tr-1\nTotalCount\t1\nVpc\t{\"Tags\":[\"a\",\"b\"],\"VpcId\":\"vpc-1\"}\n",
		},
		{
			name: "rows with columns",
			data: data,
			o:    Options{Rows: "VpcSet", Columns: vpcColumns},
			table: "ID             NAME   CIDR            DEFAULT   FIRST TAG\n" +
				"vpc-abc12345   a      10.0.0.0/16     true      prod\n" +
				"vpc-def67890   默认   172.16.0.0/12   false     -\n",
			text: "vpc-abc12345\ta\t10.0.0.0/16\ttrue\tprod\n" +
				"vpc-def67890\t默认\t172.16.0.0/12\tfalse\t\n",
			noHeader: "vpc-abc12345   a      10.0.0.0/16     true    prod\n" +
				"vpc-def67890   默认   172.16.0.0/12   false   -\n",
		},
		{
			name: "derived columns, sorted, nested and nil values",
			data: data,
			o:    Options{Rows: "VpcSet"},
			table: "CIDRBLOCK       DNSSERVERSET                IPV6CIDRBLOCK   ISDEFAULT   PRICE   TAGSET                           TASKID   VPCID          VPCNAME\n" +
				"10.0.0.0/16     183.60.83.19,183.60.82.98   -               true        1.50    [{\"Key\":\"env\",\"Value\":\"prod\"}]   12615    vpc-abc12345   a\n" +
				"172.16.0.0/12                               -               false       2                                        7        vpc-def67890   默认\n",
			text: "10.0.0.0/16\t183.60.83.19,183.60.82.98\t\ttrue\t1.50\t[{\"Key\":\"env\",\"Value\":\"prod\"}]\t12615\tvpc-abc12345\ta\n" +
				"172.16.0.0/12\t\t\tfalse\t2\t\t7\tvpc-def67890\t默认\n",
			noHeader: "10.0.0.0/16     183.60.83.19,183.60.82.98   -   true    1.50   [{\"Key\":\"env\",\"Value\":\"prod\"}]   12615   vpc-abc12345   a\n" +
				"172.16.0.0/12                               -   false   2                                       7       vpc-def67890   默认\n",
		},
		{
			name:  "legacy rows, no HTML escaping",
			data:  legacy,
			o:     Options{Rows: "data", Columns: []Column{{Header: "ID", Path: "unVpcId"}, {Header: "NAME", Path: "vpcName"}, {Header: "SUBNETS", Path: "subnetNum"}}},
			table: "ID            NAME          SUBNETS\nvpc-legacy1   old <&> net   3\n",
			text:  "vpc-legacy1\told <&> net\t3\n",
		},
		{
			name:  "empty list prints the header only",
			data:  decode(t, `{"TotalCount": 0, "VpcSet": [], "RequestId": "r"}`),
			o:     Options{Rows: "VpcSet", Columns: vpcColumns},
			table: "ID   NAME   CIDR   DEFAULT   FIRST TAG\n",
			text:  "",
		},
		{
			name:  "missing list is empty",
			data:  decode(t, `{"RequestId": "r"}`),
			o:     Options{Rows: "VpcSet", Columns: vpcColumns[:2]},
			table: "ID   NAME\n",
			text:  "",
		},
		{
			name:  "empty list without columns prints nothing",
			data:  decode(t, `{"VpcSet": []}`),
			o:     Options{Rows: "VpcSet"},
			table: "",
			text:  "",
		},
		{
			name:  "object at Rows is one row",
			data:  decode(t, `{"Vpc": {"VpcId": "vpc-1", "VpcName": "n"}}`),
			o:     Options{Rows: "Vpc", Columns: vpcColumns[:2]},
			table: "ID      NAME\nvpc-1   n\n",
			text:  "vpc-1\tn\n",
		},
		{
			name:     "no Rows with columns is one row of the object",
			data:     decode(t, `{"code": 0, "data": {"status": 0, "taskId": 12615}}`),
			o:        Options{Columns: []Column{{Header: "TASK ID", Path: "data.taskId"}, {Header: "STATUS", Path: "data.status"}}},
			table:    "TASK ID   STATUS\n12615     0\n",
			text:     "12615\t0\n",
			noHeader: "12615   0\n",
		},
		{
			name: "custom cell format",
			data: data,
			o: Options{Rows: "VpcSet", Columns: []Column{
				{Header: "ID", Path: "VpcId"},
				{Header: "IPV6", Path: "Ipv6CidrBlock", Format: func(v any) string {
					if v == nil {
						return "none"
					}
					return formatValue(v)
				}},
			}},
			table: "ID             IPV6\nvpc-abc12345   none\nvpc-def67890   none\n",
			text:  "vpc-abc12345\tnone\nvpc-def67890\tnone\n",
		},
		{
			name:     "tabs and newlines in cells become spaces",
			data:     decode(t, `{"Set": [{"Id": "a", "Desc": "x\ty\nz\r\n"}, {"Id": "b", "Desc": "ok"}]}`),
			o:        Options{Rows: "Set", Columns: []Column{{Header: "ID", Path: "Id"}, {Header: "DESC", Path: "Desc"}}},
			table:    "ID   DESC\na    x y z\nb    ok\n",
			text:     "a\tx y z  \nb\tok\n",
			noHeader: "a   x y z\nb   ok\n",
		},
		{
			name:       "query scalar string is unquoted",
			data:       data,
			query:      "VpcSet[1].VpcName",
			table:      "默认\n",
			text:       "默认\n",
			headerless: true,
		},
		{
			name:       "query number keeps its spelling",
			data:       data,
			query:      "VpcSet[0].Price",
			table:      "1.50\n",
			text:       "1.50\n",
			headerless: true,
		},
		{
			name:       "query computed number",
			data:       data,
			query:      "length(VpcSet)",
			table:      "2\n",
			text:       "2\n",
			headerless: true,
		},
		{
			name:       "query null prints nothing",
			data:       data,
			query:      "VpcSet[0].Ipv6CidrBlock",
			table:      "",
			text:       "",
			headerless: true,
		},
		{
			name:       "query list of scalars",
			data:       data,
			query:      "VpcSet[].VpcId",
			table:      "vpc-abc12345\nvpc-def67890\n",
			text:       "vpc-abc12345\nvpc-def67890\n",
			headerless: true,
		},
		{
			name:       "query filter on a number",
			data:       data,
			query:      "VpcSet[?TaskId > `100`].VpcId",
			table:      "vpc-abc12345\n",
			text:       "vpc-abc12345\n",
			headerless: true,
		},
		{
			name:     "query list of objects keeps the hash's key order",
			data:     data,
			o:        Options{Rows: "ignored", Columns: vpcColumns},
			query:    "VpcSet[].{Name: VpcName, ID: VpcId, Price: Price, Tags: TagSet[].Value}",
			table:    "NAME   ID             PRICE   TAGS\na      vpc-abc12345   1.50    prod\n默认   vpc-def67890   2\n",
			text:     "a\tvpc-abc12345\t1.50\tprod\n默认\tvpc-def67890\t2\t\n",
			noHeader: "a      vpc-abc12345   1.50   prod\n默认   vpc-def67890   2\n",
		},
		{
			name:  "query list of objects without a hash sorts keys",
			data:  data,
			query: "VpcSet[].TagSet[]",
			table: "KEY   VALUE\nenv   prod\n",
			text:  "env\tprod\n",
		},
		{
			name:       "query list of lists has no header",
			data:       data,
			query:      "VpcSet[].[VpcId, TaskId, Ipv6CidrBlock]",
			table:      "vpc-abc12345   12615   -\nvpc-def67890   7       -\n",
			text:       "vpc-abc12345\t12615\t\nvpc-def67890\t7\t\n",
			headerless: true,
		},
		{
			name:  "query object as key/value",
			data:  data,
			query: "VpcSet[0].{VpcId: VpcId, Dns: DnsServerSet, Tags: TagSet}",
			table: "KEY     VALUE\nVpcId   vpc-abc12345\nDns     183.60.83.19,183.60.82.98\nTags    [{\"Key\":\"env\",\"Value\":\"prod\"}]\n",
			text:  "VpcId\tvpc-abc12345\nDns\t183.60.83.19,183.60.82.98\nTags\t[{\"Key\":\"env\",\"Value\":\"prod\"}]\n",
		},
		{
			name:       "query empty list prints nothing",
			data:       data,
			query:      "VpcSet[?TaskId > `99999`]",
			table:      "",
			text:       "",
			headerless: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.o
			if tt.query != "" {
				o.Query = mustQuery(t, tt.query)
			}
			for _, c := range []struct {
				format   string
				noHeader bool
				want     string
			}{
				{Table, false, tt.table},
				{"", false, tt.table},
				{Text, false, tt.text},
				{Text, true, tt.text},
				{Table, true, noHeader(tt.table, tt.noHeader, tt.headerless)},
			} {
				o.Format, o.NoHeader = c.format, c.noHeader
				if got := render(t, tt.data, o); got != c.want {
					t.Errorf("format %q, NoHeader %v: got:\n%s\nwant:\n%s", c.format, c.noHeader, got, c.want)
				}
			}
		})
	}
}

// noHeader is the table expected with NoHeader.
func noHeader(table, explicit string, headerless bool) string {
	switch {
	case explicit != "":
		return explicit
	case headerless:
		return table
	}
	_, rest, _ := strings.Cut(table, "\n")
	return rest
}

func TestTableColor(t *testing.T) {
	data := decode(t, vpcReply)
	o := Options{Rows: "VpcSet", Columns: vpcColumns[:2], Color: true}
	want := "\x1b[1mID             NAME\x1b[0m\nvpc-abc12345   a\nvpc-def67890   默认\n"
	if got := render(t, data, o); got != want {
		t.Errorf("color on: got %q, want %q", got, want)
	}

	o.NoHeader = true
	if got := render(t, data, o); strings.Contains(got, "\x1b") {
		t.Errorf("color without a header has escape codes: %q", got)
	}

	o = Options{Format: Text, Rows: "VpcSet", Columns: vpcColumns, Color: true}
	if got := render(t, data, o); strings.Contains(got, "\x1b") {
		t.Errorf("text has escape codes: %q", got)
	}

	// Without Color no output of any shape carries an escape code.
	for _, q := range []string{"", "VpcSet", "VpcSet[0]", "VpcSet[].[VpcId]", "VpcSet[].VpcId"} {
		for _, rows := range []string{"", "VpcSet"} {
			o := Options{Rows: rows}
			if q != "" {
				o.Query = mustQuery(t, q)
			}
			if got := render(t, data, o); strings.Contains(got, "\x1b") {
				t.Errorf("query %q rows %q: escape codes without Color: %q", q, rows, got)
			}
		}
	}
}

func TestTableLongCellsAreNotWrapped(t *testing.T) {
	long := strings.Repeat("word ", 60) + "end"
	data := map[string]any{"Set": []any{map[string]any{"Id": "a", "Desc": long}}}
	got := render(t, data, Options{Rows: "Set", Columns: []Column{{Header: "ID", Path: "Id"}, {Header: "DESC", Path: "Desc"}}})
	want := "ID   DESC\na    " + long + "\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestRenderDoesNotChangeData(t *testing.T) {
	data := decode(t, vpcReply)
	q := mustQuery(t, "VpcSet[0]")
	for _, f := range []string{Table, Text, JSON, YAML} {
		render(t, data, Options{Format: f, Query: q})
	}
	vpc := data.(map[string]any)["VpcSet"].([]any)[0].(map[string]any)
	if p, ok := vpc["Price"].(json.Number); !ok || p != "1.50" {
		t.Errorf("Price is now %#v", vpc["Price"])
	}
}

func TestRenderErrors(t *testing.T) {
	data := decode(t, `{"a": [1, 2]}`)
	var b bytes.Buffer
	if err := Render(&b, data, Options{Format: "xml"}); err == nil || err.Error() != `invalid value "xml" for -o/--output: expected one of table, json, jsonl, yaml, text` {
		t.Errorf("unknown format: %v", err)
	}
	for _, expr := range []string{"abs(a)", "merge(a)"} {
		err := Render(&b, data, Options{Query: mustQuery(t, expr)})
		if err == nil || !strings.HasPrefix(err.Error(), `--query "`+expr+`": `) {
			t.Errorf("%s: got %v", expr, err)
		}
	}
	if b.Len() != 0 {
		t.Errorf("failed renders wrote %q", b.String())
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]string{"table": Table, "JSON": JSON, "Yaml": YAML, "text": Text} {
		got, err := ParseFormat(in)
		if err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"xml":   `invalid value "xml" for -o/--output: expected one of table, json, jsonl, yaml, text`,
		"":      `invalid value "" for -o/--output: expected one of table, json, jsonl, yaml, text`,
		" json": `invalid value " json" for -o/--output: expected one of table, json, jsonl, yaml, text`,
	} {
		if _, err := ParseFormat(in); err == nil || err.Error() != want {
			t.Errorf("ParseFormat(%q) error = %v; want %s", in, err, want)
		}
	}
}

func TestCompileQuery(t *testing.T) {
	q, err := CompileQuery("")
	if q != nil || err != nil {
		t.Errorf(`CompileQuery("") = %v, %v`, q, err)
	}

	tests := []struct {
		expr, want string
		syntax     bool
	}{
		{"VpcSet[", `invalid --query expression "VpcSet[": SyntaxError: Expected tStar, received: tEOF`, true},
		{"VpcSet[?VpcId == 'x]", `invalid --query expression "VpcSet[?VpcId == 'x]": SyntaxError: Unclosed delimiter: '`, true},
		{"lenght(VpcSet)", `invalid --query expression "lenght(VpcSet)": unknown function lenght()`, false},
		{"VpcSet[].{n: sort_by (TagSet, &Key), m: nope(@)}", `invalid --query expression "VpcSet[].{n: sort_by (TagSet, &Key), m: nope(@)}": unknown function nope()`, false},
	}
	for _, tt := range tests {
		_, err := CompileQuery(tt.expr)
		if err == nil || err.Error() != tt.want {
			t.Errorf("CompileQuery(%q) error = %v; want %s", tt.expr, err, tt.want)
			continue
		}
		var se jmespath.SyntaxError
		if errors.As(err, &se) != tt.syntax {
			t.Errorf("CompileQuery(%q): errors.As SyntaxError = %v", tt.expr, !tt.syntax)
		}
	}

	// Function-looking text inside literals and quoted keys is not a call.
	for _, expr := range []string{
		"VpcSet[?VpcName == 'x(y)']",
		"VpcSet[?Tag == `\"f(x)\"`]",
		`VpcSet[?VpcName == 'it\'s(x)'].VpcId`,
		`{"a b": length(VpcSet), c: map(&VpcId, VpcSet)}`,
	} {
		if _, err := CompileQuery(expr); err != nil {
			t.Errorf("CompileQuery(%q): %v", expr, err)
		}
	}
}

func TestScanQueryHashKeys(t *testing.T) {
	hashes, funcs := scanQuery(`VpcSet[?contains(VpcName, '{x: y}')].{Id: VpcId, "Full name": join(', ', [VpcName, 'z']), Sub: {b: b, a: a}, Id: x}`)
	want := [][]string{{"b", "a"}, {"Id", "Full name", "Sub"}}
	if len(hashes) != len(want) {
		t.Fatalf("hashes = %q; want %q", hashes, want)
	}
	for i := range want {
		if strings.Join(hashes[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("hash %d = %q; want %q", i, hashes[i], want[i])
		}
	}
	if strings.Join(funcs, ",") != "contains,join" {
		t.Errorf("funcs = %q", funcs)
	}
}
