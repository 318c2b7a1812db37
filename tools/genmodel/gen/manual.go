package gen

import (
	"fmt"
	"regexp"
	"strings"
)

// doc is a source file as lines: raw (glyph-repaired) and a simplified,
// trimmed key used to recognise structure.
type doc struct {
	file string // "004"
	raw  []string
	key  []string
}

func newDoc(file, text string) *doc {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	d := &doc{file: file, raw: make([]string, len(lines)), key: make([]string, len(lines))}
	for i, l := range lines {
		l = repairGlyphs(l)
		d.raw[i] = l
		d.key[i] = simplify(l)
	}
	return d
}

func (d *doc) where(i int) string { return fmt.Sprintf("%s:%d", d.file, i+1) }

// heading is a line's text without a "3. " style number.
func (d *doc) heading(i int) string {
	h := strings.TrimSpace(strings.TrimLeft(d.key[i], "#"))
	return reNumbered.ReplaceAllString(h, "")
}

// page is one operation page of the manual.
type page struct {
	doc     *doc
	title   int // line index of the page title
	head    int // the "接口描述" line
	end     int // exclusive
	section string
}

func (p *page) where() string { return p.doc.where(p.head) }

// Section headings of the manual and the CLI group each maps to. Both
// halves use the same headings for the same resources.
var sectionGroup = map[string]string{
	"私有网络相关接口":       "vpc",
	"子网相关接口":         "subnet",
	"路由表相关接口":        "route-table",
	"弹性公网IP相关接口":     "eip",
	"弹性网卡相关接口":       "eni",
	"VPN网关相关接口":      "vpn",
	"IPsec VPN相关接口":  "vpn",
	"对端网关相关接口":       "vpn",
	"VPN通道相关接口":      "vpn",
	"安全组相关接口":        "sg",
	"网络参数模板相关接口":     "template",
	"网络ACL相关接口":      "acl",
	"专线网关相关接口":       "dcg",
	"专线网关本端IP转换":     "dcg",
	"专线网关本端源IP端口转换":  "dcg",
	"专线网关本端目的IP端口转换": "dcg",
	"专线网关对端IP转换":     "dcg",
	"对等连接相关接口":       "peering",
	"NAT网关相关接口":      "nat",
	"流日志相关接口":        "flowlog",
}

// splitPages finds every operation page: a "接口描述" heading whose page
// title sits just above the page's "最近更新时间" stamp. A page runs to
// the next page title of any kind (operation or not).
func splitPages(d *doc) []*page {
	var stamps []int
	for i, k := range d.key {
		if strings.HasPrefix(k, "最近更新时间") {
			stamps = append(stamps, i)
		}
	}
	titleOf := func(stamp int) int {
		for j := stamp - 1; j >= 0; j-- {
			if d.key[j] != "" {
				return j
			}
		}
		return stamp
	}
	var pages []*page
	section, sectionLine := "", -1
	lastStyle := ""
	si := 0
	for i := range d.key {
		if _, ok := sectionGroup[d.key[i]]; ok && !strings.Contains(d.raw[i], "\t") {
			section, sectionLine = d.key[i], i
		}
		if d.heading(i) != "接口描述" {
			continue
		}
		for si+1 < len(stamps) && stamps[si+1] < i {
			si++
		}
		if si >= len(stamps) || stamps[si] > i {
			continue
		}
		p := &page{doc: d, title: titleOf(stamps[si]), head: i, end: len(d.key)}
		if si+1 < len(stamps) {
			p.end = titleOf(stamps[si+1])
		}
		// The legacy half starts its sections afresh: a heading seen
		// before the previous page belongs to the other half.
		st := pageStyle(d, p)
		if lastStyle != "" && st != lastStyle && sectionLine < pages[len(pages)-1].head {
			section = ""
		}
		lastStyle = st
		p.section = section
		pages = append(pages, p)
	}
	return pages
}

func pageStyle(d *doc, p *page) string {
	for i := p.head; i < p.end; i++ {
		switch {
		case strings.Contains(d.raw[i], "vpc.tencentcloudapi.com"):
			return styleV3
		case strings.Contains(d.raw[i], "vpc.api.qcloud.com"):
			return styleLegacy
		}
	}
	return ""
}

type sectionKind int

const (
	secNone sectionKind = iota
	secDesc
	secInput
	secOutput
	secTaskOutput
	secErrors
	secExample
)

var reExampleN = regexp.MustCompile(`^示例\d`)

// classify tells which part of an operation page a heading line opens.
func classify(h string, cur sectionKind) (sectionKind, bool) {
	switch h {
	case "接口描述":
		return secDesc, true
	case "输入参数", "请求参数":
		if cur == secExample {
			return cur, false // API 3.0: the example's own sub-heading
		}
		return secInput, true
	case "输出参数", "响应参数", "返回参数":
		if cur == secExample {
			return cur, false
		}
		return secOutput, true
	case "任务查询输出参数":
		return secTaskOutput, true
	case "错误码", "错误码表":
		return secErrors, true
	case "示例", "代码示例":
		return secExample, true
	}
	if reExampleN.MatchString(h) {
		return secExample, true
	}
	return cur, false
}

// tableHeader maps the columns of a table header row.
type tableHeader struct {
	kind           string // "param", "error"
	name, req, typ int
	desc           int
}

func parseHeader(cs []string) *tableHeader {
	if len(cs) < 2 {
		return nil
	}
	first := simplify(cs[0])
	h := &tableHeader{name: 0, req: -1, typ: -1, desc: -1}
	switch first {
	case "参数名称", "参数", "名称", "属性", "参数名":
		h.kind = "param"
	case "错误码", "错误代码", "错误码数值":
		h.kind = "error"
	case "Parameter Name":
		h.kind = "param"
	default:
		return nil
	}
	for i, c := range cs {
		c = simplify(c)
		switch {
		case i == 0:
		case strings.Contains(c, "必选") || c == "Required":
			h.req = i
		case c == "类型" || c == "Type":
			h.typ = i
		case c == "描述" || c == "说明" || c == "原因" || c == "错误描述" || c == "Description":
			h.desc = i
		}
	}
	if h.kind == "param" && h.typ < 0 {
		return nil
	}
	if h.kind == "error" && h.desc < 0 {
		h.desc = len(cs) - 1
	}
	return h
}

func cell(cs []string, i int) string {
	if i < 0 || i >= len(cs) {
		return ""
	}
	return cs[i]
}

// rawRow is an input table row before it is folded into a tree.
type rawRow struct {
	name, typ, desc string
	required        bool
	line            int
}

var (
	reActionPara  = regexp.MustCompile(`本接口\s*[(（]\s*([A-Za-z]+)\s*[)）]`)
	reActionField = regexp.MustCompile(`Action\s*字段为\s*([A-Za-z]+)`)
	reActionValue = regexp.MustCompile(`本接口取值[:：]\s*([A-Za-z]+)`)
	reActionName  = regexp.MustCompile("接口名[:：]\\s*`?([A-Za-z]+)")
	// "?ActionDescribeAcl": one page lost its "=" signs in the export.
	reURLAction = regexp.MustCompile(`https?://[A-Za-z0-9.\-]+/(?:v2/index\.php)?\?\s*Action=?([A-Z][A-Za-z]+)(.*)$`)
)

// exampleReq is one example request of a page.
type exampleReq struct {
	action string
	kvs    []KV
	line   int
}

// parsedPage is what one page says, before overrides and merging.
type parsedPage struct {
	p           *page
	style       string
	title       string
	description string
	claims      []string     // Action names the page's prose and tables state
	examples    []exampleReq // every request URL of the examples, in order
	rows        []rawRow
	outputs     []Field
	errors      []ErrorCode
	text        string // the page text, for async hints
	outText     string // reply tables and examples
	taskOutput  bool
	diags       []diag
}

func parsePage(p *page) *parsedPage {
	d := p.doc
	pp := &parsedPage{p: p, style: pageStyle(d, p), title: strings.TrimSpace(d.raw[p.title])}
	var text, outText strings.Builder
	sec := secNone
	var hdr *tableHeader
	// A legacy parameter typed with an object name ("chargePrepaid
	// ChargePrepaidObject") is spelled out in a later table captioned
	// with that name; its rows are the parameter's members.
	objectParams := map[string]string{} // type name -> parameter
	prefix, outPrefix := "", ""
	for i := p.head; i < p.end; i++ {
		raw, key := d.raw[i], d.key[i]
		text.WriteString(raw)
		text.WriteByte('\n')
		if ns, ok := classify(d.heading(i), sec); ok {
			sec, hdr, prefix, outPrefix = ns, nil, "", ""
			continue
		}
		if sec == secOutput || sec == secExample {
			outText.WriteString(raw)
			outText.WriteByte('\n')
		}
		if sec != secExample {
			for _, re := range []*regexp.Regexp{reActionPara, reActionField, reActionValue, reActionName} {
				if m := re.FindStringSubmatch(raw); m != nil {
					pp.claims = append(pp.claims, m[1])
				}
			}
		}
		switch sec {
		case secDesc:
			if pp.description == "" && key != "" && !isDomainLine(key) {
				pp.description = cleanDescription(raw)
			}
		case secInput, secOutput, secErrors, secTaskOutput:
			cs := cells(raw)
			if cs == nil {
				// "data.output 结构": the next table lists data.output's
				// members by their short names.
				if m := reStructCaption.FindStringSubmatch(key); m != nil && sec == secOutput {
					outPrefix = m[1] + "."
				}
				if sec == secInput && pp.style == styleLegacy {
					for typ, name := range objectParams {
						if strings.Contains(raw, typ) {
							prefix = name + "."
						}
					}
				}
				continue
			}
			if h := parseHeader(cs); h != nil {
				hdr = h
				continue
			}
			if hdr == nil {
				continue
			}
			if sec == secInput && prefix != "" && len(cs) > 0 {
				cs[0] = prefix + cs[0]
			}
			if sec == secOutput && outPrefix != "" && len(cs) > 0 && !strings.HasPrefix(strings.ToLower(cs[0]), strings.ToLower(outPrefix)) {
				cs[0] = outPrefix + cs[0]
			}
			pp.tableRow(sec, hdr, cs, i)
			if sec == secInput && hdr.kind == "param" && pp.style == styleLegacy {
				if t := cell(cs, hdr.typ); reObjectType.MatchString(t) {
					if _, _, ok := normType(t); !ok {
						objectParams[t] = cs[0]
					}
				}
			}
		case secExample:
			if m := reURLAction.FindStringSubmatch(raw); m != nil {
				var kvs []KV
				start := i
				kvs, i = collectQuery(d, i, m[2])
				pp.examples = append(pp.examples, exampleReq{action: m[1], kvs: kvs, line: start})
			}
		}
	}
	pp.text = text.String()
	pp.outText = outText.String()
	return pp
}

func isDomainLine(k string) bool {
	return strings.Contains(k, "域名") || strings.HasPrefix(k, "接口名")
}

var reLeadAction = regexp.MustCompile(`^本接口\s*[(（]\s*[A-Za-z]+\s*[)）]\s*(用于|用於)?\s*`)

func cleanDescription(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "- ")
	s = reLeadAction.ReplaceAllString(s, "")
	s = strings.TrimPrefix(s, "用于")
	s = oneLine(s)
	s = strings.TrimRight(s, "。.")
	return s
}

func (pp *parsedPage) tableRow(sec sectionKind, h *tableHeader, cs []string, line int) {
	name := cell(cs, h.name)
	switch sec {
	case secErrors:
		if h.kind != "error" {
			return
		}
		if name == "" || strings.ContainsAny(name, " \u3000") {
			return // prose that lost its table
		}
		pp.errors = append(pp.errors, ErrorCode{Code: name, Description: oneLine(cell(cs, h.desc))})
	case secOutput, secTaskOutput:
		if h.kind != "param" || !reIdent.MatchString(name) {
			return
		}
		if sec == secTaskOutput {
			pp.taskOutput = true
			return
		}
		for _, f := range pp.outputs {
			if f.Name == name {
				return // a table repeated across a page break
			}
		}
		pp.outputs = append(pp.outputs, Field{Name: name, Type: outType(cell(cs, h.typ)), Description: oneLine(cell(cs, h.desc))})
	case secInput:
		if h.kind != "param" || !reIdent.MatchString(name) {
			return
		}
		if pp.style == styleV3 && (name == "Action" || name == "Version" || name == "Region") {
			return
		}
		req := simplify(cell(cs, h.req))
		r := rawRow{name: name, typ: cell(cs, h.typ), desc: cell(cs, h.desc), line: line}
		switch req {
		case "是", "Yes", "yes":
			r.required = true
		case "否", "No", "no":
		default:
			pp.diags = append(pp.diags, diag{pp.p.doc.where(line), fmt.Sprintf("row %s: required column %q", name, req)})
		}
		pp.rows = append(pp.rows, r)
	}
}

// commonParams are the request parameters every call carries; examples
// show them but they are not the operation's own.
var commonParams = map[string]bool{
	"Action": true, "Version": true, "Region": true, "Timestamp": true, "Nonce": true,
	"SecretId": true, "Signature": true, "SignatureMethod": true, "Token": true,
}

var reStructCaption = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_.]*)\s*(?:数组)?结构$`)

var reObjectType = regexp.MustCompile(`^[A-Z][A-Za-z]+$`)

var reKV = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.]*=`)

// bareValue marks an example piece that lost its "=" in the export
// ("vpcIdvpc-7izaqk5h"); toOp splits it once the parameter names are known.
const bareValue = "\x00"

// collectQuery reads an example request URL: the rest of its first line,
// then continuation lines ("&name=value", possibly several per line),
// skipping code fences, blank lines and the common-parameter placeholder
// wherever a page break put them.
func collectQuery(d *doc, start int, rest string) ([]KV, int) {
	var kvs []KV
	add := func(s string) {
		for _, part := range strings.Split(s, "&") {
			part = strings.Trim(strings.TrimSpace(part), "<>")
			if part == "" || strings.Contains(part, "公共请求参数") {
				continue
			}
			k, v, ok := strings.Cut(part, "=")
			// Keys never hold spaces; the export breaks long words
			// ("peer ingConnect ionId").
			k = strings.Join(strings.Fields(k), "")
			if !ok {
				kvs = append(kvs, KV{k, bareValue})
				continue
			}
			// No example value in the manual holds a space; the export
			// breaks long words ("vpc-2ar i9m7h").
			v = strings.Join(strings.Fields(v), "")
			if commonParams[k] {
				continue
			}
			kvs = append(kvs, KV{k, v})
		}
	}
	add(rest)
	i := start + 1
	for ; i < len(d.raw); i++ {
		t := strings.TrimSpace(d.raw[i])
		switch {
		case t == "" || strings.HasPrefix(t, "```") || strings.Contains(t, "公共请求参数"):
			continue
		case strings.HasPrefix(t, "&") || reKV.MatchString(t):
			add(t)
			continue
		}
		break
	}
	return kvs, i - 1
}

// ---- API 3.0 data structures ----

// structDef is a type from the manual's "数据结构" page.
type structDef struct {
	name   string
	fields []structField
}

type structField struct {
	name, typ, desc string
	required        bool
	enum            []string // set by an override; else read from desc
}

// parseStructs reads the data-structure page: a type name line, its
// caption, then a "名称 类型 [必选] 描述" table that may be split by a
// page break (a repeated header).
func parseStructs(d *doc) map[string]*structDef {
	start := -1
	for i, k := range d.key {
		if k == "数据结构" && i+2 < len(d.key) && strings.HasPrefix(d.key[i+2], "最近更新时间") {
			start = i
			break
		}
	}
	defs := map[string]*structDef{}
	if start < 0 {
		return defs
	}
	reName := regexp.MustCompile(`^[A-Z][A-Za-z0-9]+$`)
	var cur *structDef
	var hdr *tableHeader
	for i := start + 1; i < len(d.key); i++ {
		k := d.key[i]
		if strings.HasPrefix(k, "私有网络 API 2017") {
			break
		}
		if reName.MatchString(k) && !strings.Contains(d.raw[i], "\t") {
			cur = &structDef{name: k}
			defs[k] = cur
			hdr = nil
			continue
		}
		cs := cells(d.raw[i])
		if cs == nil || cur == nil {
			continue
		}
		if h := parseHeader(cs); h != nil {
			hdr = h
			continue
		}
		if hdr == nil || !reIdent.MatchString(cs[0]) {
			continue
		}
		f := structField{name: cs[0], typ: cell(cs, hdr.typ), desc: cell(cs, hdr.desc)}
		f.required = simplify(cell(cs, hdr.req)) == "是"
		cur.fields = append(cur.fields, f)
	}
	return defs
}
