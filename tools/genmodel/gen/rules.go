package gen

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Value rules: what a parameter's value may be beyond its type. They are
// read from the statements the pages make about a parameter (a range, a
// maximum length, a maximum count, the shape of an ID it gives as an
// example), inferred from names where the whole manual is uniform (every
// address it documents is IPv4), and otherwise declared in overrides.yaml.

// Format names, as the overrides file and the emitted code spell them.
const (
	fmtIPv4       = "ipv4"
	fmtIPv4CIDR   = "ipv4-cidr"
	fmtIPv4OrCIDR = "ipv4-or-cidr"
	fmtID         = "id"
	fmtUUID       = "uuid"
	fmtPorts      = "ports"
	fmtIPv4Range  = "ipv4-range"
	fmtNone       = "none" // overrides only: drop an inferred format
)

var formatConst = map[string]string{
	fmtIPv4:       "FormatIPv4",
	fmtIPv4CIDR:   "FormatIPv4CIDR",
	fmtIPv4OrCIDR: "FormatIPv4OrCIDR",
	fmtID:         "FormatID",
	fmtUUID:       "FormatUUID",
	fmtPorts:      "FormatPorts",
	fmtIPv4Range:  "FormatIPv4Range",
}

// Rules are the value rules of one parameter.
type Rules struct {
	Range          *[2]int64
	MinLen, MaxLen int
	LenBytes       bool
	MaxItems       int
	Format         string
	IDPrefix       string
	Text           bool
	Secret         bool
	EnumFold       bool

	formatFixed bool // an override set the format; inference leaves it
}

// The statements, as the manual words them (simplified characters).
var (
	// "不得超过60个字符", "最大长度不能超过60个字节", "长度上限为20个字符",
	// "最多100个字符", "支持60内个字符", "25个字符以内".
	reMaxLen = regexp.MustCompile(`(?:不得超过|不能超过|长度上限为|最多|支持)\s*(\d+)\s*内?\s*个\s*(字符|字节)|(\d+)\s*个\s*(字符|字节)以内`)
	// "取值范围: 60-604800", "取值范围[0, 3]".
	reRange = regexp.MustCompile(`取值范围\s*[:：]?\s*[\[［]?\s*(\d+)\s*(?:-|~|,|，)\s*(\d+)\s*[\]］]?`)
	// "取值范围: 1, 2, 3, …", "只支持：5、10、20", "目前支持10,20,50",
	// "可选值为：1000000（小型）、…" (three or more integers): an
	// enumeration.
	reIntList = regexp.MustCompile(`(?:取值范围|只支持|目前支持|可选值为|可选带宽规格)\s*[:：]?\s*((?:\d+\s*[,，、]\s*){2,}\d+)`)
	reParens  = regexp.MustCompile(`[(（][^)）]*[)）]`)
	// "0：非NAT网关；1：NAT网关", "1:允许，0:拒绝": the keys of a coded
	// integer.
	reIntKeys = regexp.MustCompile(`(?:^|[，,；;。\s])(\d)\s*[:：]`)
	// "最大为 100", "最多支持50" about an integer.
	reIntMax = regexp.MustCompile(`(?:最大为|最大值为|最多支持|最大支持)\s*(\d+)`)
	// "最多支持4个", "上限为100" about a list.
	reMaxItems = regexp.MustCompile(`(?:最多支持|最多|上限为)\s*(\d+)\s*个?`)
	// "Filter.Values 的上限为5": the elements of a filter's value list.
	reFilterValues = regexp.MustCompile(`Filter\.Values\s*的上限为\s*(\d+)`)
	// "Filters 的上限为10".
	reFiltersMax = regexp.MustCompile(`Filters\s*的上限为\s*(\d+)`)
	// "形如：vpc-f49l6u0z", "例如：subnet-3x5lf5q0".
	reIDExample = regexp.MustCompile(`(?:形如|例如|示例)\s*[:：]?\s*([a-z]+)-[0-9a-z]{8}\b`)
	// "例如 vpc-puz6fg，subnet-5o8ycyt，eni-08dhim": IDs of several kinds.
	reIDKinds = regexp.MustCompile(`(?:形如|例如|示例)\s*[:：]?\s*((?:[a-z]+-[0-9a-z]+\s*[,，、]\s*)+[a-z]+-[0-9a-z]+)`)
	reIDKind  = regexp.MustCompile(`([a-z]+)-[0-9a-z]+`)
	// "例如 d44e4cf0-c3e2-48d9-bb64-c5f0337ef2b0".
	reUUIDExample = regexp.MustCompile(`(?:形如|例如|示例)\s*[:：]?\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`)
	// "升序 (asc) 还是降序 (desc)".
	reOrderDirection = regexp.MustCompile(`升序\s*[(（]\s*asc\s*[)）].*降序\s*[(（]\s*desc\s*[)）]`)
	// The field names after "支持" in an orderField row.
	reFieldName = regexp.MustCompile(`[a-z][A-Za-z]+`)
	// "…类型，VPC，SUBNET，NETWORKINTERFACE。": upper-case words closing
	// the sentence are its values.
	reUpperList = regexp.MustCompile(`[，,:：]\s*([A-Z][A-Z_]+(?:\s*(?:[，,、]|或者|\bor\b)\s*[A-Z][A-Z_]+)+)\s*[。.]?\s*$`)
	reListSep   = regexp.MustCompile(`\s*(?:[，,、]|或者|\bor\b)\s*`)
	// "PREPAID：预付费，POSTPAID_BY_HOUR：按小时后付费": the keys of coded
	// values; "只支持：POSTPAID_BY_HOUR": one value.
	reUpperKeys = regexp.MustCompile(`(?:^|[，,。；;:：\s])([A-Z][A-Z_]{2,})\s*[:：]`)
	reTrueFalse = regexp.MustCompile(`^[^:：]*\btrue\s*[:：][^:：]*\bfalse\s*[:：]`)
	reOnlyUpper = regexp.MustCompile(`只支持\s*[:：]\s*([A-Z][A-Z_]+)\s*[。.]?\s*$`)
)

// rulesFrom reads the rules a parameter's own description states.
func rulesFrom(name, typ string, array bool, desc string) Rules {
	var r Rules
	d := simplify(desc)
	switch {
	case typ == tString && !array || typ == tString && array && !listWords(d):
		if m := reMaxLen.FindStringSubmatch(d); m != nil {
			n, unit := m[1], m[2]
			if n == "" {
				n, unit = m[3], m[4]
			}
			r.MaxLen, _ = strconv.Atoi(n)
			r.LenBytes = unit == "字节"
		}
	case typ == tInteger:
		if m := reRange.FindStringSubmatch(d); m != nil && !reIntList.MatchString(d) {
			lo, _ := strconv.ParseInt(m[1], 10, 64)
			hi, _ := strconv.ParseInt(m[2], 10, 64)
			if lo <= hi {
				r.Range = &[2]int64{lo, hi}
			}
		} else if m := reIntMax.FindStringSubmatch(d); m != nil && !array {
			hi, _ := strconv.ParseInt(m[1], 10, 64)
			r.Range = &[2]int64{0, hi}
		}
	}
	if array {
		if m := reFiltersMax.FindStringSubmatch(d); m != nil {
			r.MaxItems, _ = strconv.Atoi(m[1])
		} else if m := reMaxItems.FindStringSubmatch(d); m != nil && !strings.Contains(d[strings.Index(d, m[0]):], "字符") {
			r.MaxItems, _ = strconv.Atoi(m[1])
		}
	}
	if typ == tString && idName(name) && strings.Contains(d, "模糊") {
		// "支持模糊查询": part of an ID is a valid query.
		r.formatFixed = true
	} else if typ == tString && idName(name) {
		if m := reIDExample.FindStringSubmatch(d); m != nil {
			r.Format, r.IDPrefix = fmtID, m[1]
		} else if m := reIDKinds.FindStringSubmatch(d); m != nil {
			var kinds []string
			for _, k := range reIDKind.FindAllStringSubmatch(m[1], -1) {
				kinds = append(kinds, k[1])
			}
			r.Format, r.IDPrefix = fmtID, strings.Join(kinds, "|")
		} else if reUUIDExample.MatchString(d) {
			r.Format = fmtUUID
		}
	}
	return r
}

// stringEnumFrom reads the values of a String the pages list in prose
// rather than quoted: a sort order, the fields a listing sorts on, a
// closing list of upper-case words.
func stringEnumFrom(name, desc string) []string {
	d := simplify(desc)
	switch {
	case name == "orderDirection" && reOrderDirection.MatchString(d):
		return []string{"asc", "desc"}
	case name == "orderField":
		_, rest, ok := strings.Cut(d, "支持")
		if !ok {
			return nil
		}
		var out []string
		for _, f := range reFieldName.FindAllString(rest, -1) {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
		return out
	}
	if m := reUpperList.FindStringSubmatch(d); m != nil {
		return reListSep.Split(m[1], -1)
	}
	if m := reOnlyUpper.FindStringSubmatch(d); m != nil {
		return []string{m[1]}
	}
	if keys := codedKeys(reUpperKeys, d); len(keys) >= 2 {
		return keys
	}
	if reTrueFalse.MatchString(d) {
		// "true: 开启, false: 不开启" of a String flag
		return []string{"true", "false"}
	}
	return nil
}

// codedKeys are the distinct keys re finds in d ("0：…；1：…").
func codedKeys(re *regexp.Regexp, d string) []string {
	var keys []string
	for _, m := range re.FindAllStringSubmatch(d, -1) {
		if !slices.Contains(keys, m[1]) {
			keys = append(keys, m[1])
		}
	}
	return keys
}

// listWords tells a description about a list's length ("最多支持4个")
// from one about each element's length.
func listWords(d string) bool {
	return !strings.Contains(d, "字符") && !strings.Contains(d, "字节")
}

// intEnumFrom reads "取值范围：1、2、3、…、36" of an Integer.
func intEnumFrom(desc, typ string) []string {
	if typ != tInteger {
		return nil
	}
	d := reParens.ReplaceAllString(simplify(desc), "")
	if m := reIntList.FindStringSubmatch(d); m != nil {
		return strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' })
	}
	if keys := codedKeys(reIntKeys, d); len(keys) >= 2 {
		return keys
	}
	return nil
}

// readRules sets the rules a parameter's description states; it is
// called for each parameter as its row is read.
func readRules(p *Param, desc string) {
	p.Rules = rulesFrom(p.Name, p.Type, p.Array, desc)
	if len(p.Enum) == 0 {
		p.Enum = intEnumFrom(desc, p.Type)
	}
	if len(p.Enum) == 0 && p.Type == tString {
		p.Enum = stringEnumFrom(p.Name, desc)
	}
	if m := reFilterValues.FindStringSubmatch(simplify(desc)); m != nil {
		p.filterValuesMax, _ = strconv.Atoi(m[1])
	}
}

func idName(name string) bool {
	l := strings.ToLower(name)
	return strings.HasSuffix(l, "id") || strings.HasSuffix(l, "ids")
}

// inferRules completes the rules by name, after the overrides have fixed
// the names: address formats (the manual documents IPv4 only; it never
// mentions IPv6), secrets, free text, and the ID shape of parameters whose
// page gives no example but whose name other pages of the same style do
// document with one shape. It returns what it inferred, for -notes.
func inferRules(ops []*Op) []string {
	type key struct{ style, path string }
	// VpnGatewayIds and VpnGatewayId hold the same IDs; a member of an
	// object is matched by its whole path (AddressTemplate.AddressId is
	// no EIP).
	keyOf := func(op *Op, path string) key { return key{op.Style, strings.TrimSuffix(path, "s")} }
	prefixes := map[key]map[string]bool{}
	walkParams(ops, func(op *Op, path string, p *Param) {
		if p.Format == fmtID {
			k := keyOf(op, path)
			if prefixes[k] == nil {
				prefixes[k] = map[string]bool{}
			}
			prefixes[k][p.IDPrefix] = true
		}
	})
	var notes []string
	// A value the example sends in another letter case than the page
	// lists ("tcp" for TCP) says the service ignores case.
	examples := map[*Op]map[string][]string{}
	for _, op := range ops {
		m := map[string][]string{}
		for _, kv := range op.Example {
			var segs []string
			for _, s := range strings.Split(kv.Key, ".") {
				if s != "" && (s[0] < '0' || s[0] > '9') {
					segs = append(segs, s)
				}
			}
			k := strings.Join(segs, ".")
			m[k] = append(m[k], kv.Value)
		}
		examples[op] = m
	}
	walkParams(ops, func(op *Op, path string, p *Param) {
		for _, v := range examples[op][path] {
			if len(p.Enum) > 0 && !slices.Contains(p.Enum, v) && slices.ContainsFunc(p.Enum, func(e string) bool { return strings.EqualFold(e, v) }) {
				p.EnumFold = true
			}
		}
		if p.filterValuesMax > 0 {
			for _, f := range p.Fields {
				if f.Name == "Values" && f.MaxItems == 0 {
					f.MaxItems = p.filterValuesMax
				}
			}
		}
		l := strings.ToLower(p.Name)
		if p.Type == tInteger && p.Range == nil && len(p.Enum) == 0 && countName(l) {
			// a count or a page position is never negative
			p.Range = &[2]int64{0, math.MaxInt64}
		}
		if p.Type != tString {
			return
		}
		if p.Format == "" && !p.formatFixed {
			p.Format = addressFormat(l)
			if p.Format == fmtIPv4CIDR && strings.HasPrefix(path, "SecurityGroupPolicySet.") {
				// A security group rule's source or destination takes
				// any CIDR-form string, a single address among them
				// (004:5341, 004:5963).
				p.Format = fmtIPv4OrCIDR
			}
		}
		if p.Format == "" && !p.formatFixed && idName(p.Name) {
			if set := prefixes[keyOf(op, path)]; len(set) == 1 {
				for pre := range set {
					p.Format, p.IDPrefix = fmtID, pre
				}
				notes = append(notes, fmt.Sprintf("%s: %s %s %s: ID shape %s-… from other pages", op.Source(), op.Style, op.Action, path, p.IDPrefix))
			}
		}
		if strings.Contains(l, "presharedkey") || strings.Contains(l, "presharekey") {
			p.Secret = true
		}
		if textName(l) && len(p.Enum) == 0 {
			p.Text = true
		}
	})
	return notes
}

// addressFormat is the IPv4 form a parameter's name tells.
func addressFormat(l string) string {
	switch {
	case strings.HasSuffix(l, "port") && l != "port" || l == "portrange":
		// a port or a range lo-hi (the pages: "80或者90-100", "支持xx-xx范围")
		return fmtPorts
	case strings.HasSuffix(l, "ippool"):
		// an address, a range lo-hi or a block ("111.0.0.2-111.0.0.100")
		return fmtIPv4Range
	case l == "cidrip" || l == "destinationcidr" || l == "sourcecidr":
		// ACL entries: an address or a block
		return fmtIPv4OrCIDR
	case strings.HasSuffix(l, "cidrblock"):
		return fmtIPv4CIDR
	case strings.HasSuffix(l, "ipaddress") || strings.HasSuffix(l, "ipaddresses") ||
		l == "originalip" || l == "translationip" || l == "oldoriginalip" || l == "oldtranslationip" ||
		l == "lanip" || l == "usergwaddr" || l == "dnsservers" ||
		l == "localaddress" || l == "remoteaddress": // IKE identities: the gateways' public IPs
		return fmtIPv4
	}
	return ""
}

// countName tells a number of things, or a place in a list, by name.
func countName(l string) bool {
	// (limit is left alone: its documented maximum is the page size)
	return l == "offset" || strings.HasSuffix(l, "count") || strings.HasSuffix(l, "num")
}

// textName tells a name or a description by its parameter's name.
func textName(l string) bool {
	for _, s := range []string{"name", "description", "desc", "remark"} {
		if strings.HasSuffix(l, s) {
			return true
		}
	}
	return false
}

// walkParams visits every parameter of every operation, depth first.
func walkParams(ops []*Op, fn func(op *Op, path string, p *Param)) {
	var walk func(op *Op, prefix string, ps []*Param)
	walk = func(op *Op, prefix string, ps []*Param) {
		for _, p := range ps {
			path := join(prefix, p.Name)
			fn(op, path, p)
			walk(op, path, p.Fields)
		}
	}
	for _, op := range ops {
		walk(op, "", op.Params)
	}
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// rulePatch is the rule part of an overrides params entry.
type rulePatch struct {
	Range    []int64 `yaml:"range"` // [min, max]
	MinLen   *int    `yaml:"min_len"`
	MaxLen   *int    `yaml:"max_len"`
	LenBytes *bool   `yaml:"len_bytes"`
	MaxItems *int    `yaml:"max_items"`
	Format   string  `yaml:"format"` // ipv4 | ipv4-cidr | ipv4-or-cidr | id | none
	IDPrefix string  `yaml:"id_prefix"`
	Text     *bool   `yaml:"text"`
	Secret   *bool   `yaml:"secret"`
	EnumFold *bool   `yaml:"enum_fold"` // with the entry's enum
}

func (r *rulePatch) empty() bool {
	return r.Range == nil && r.MinLen == nil && r.MaxLen == nil && r.LenBytes == nil && r.MaxItems == nil &&
		r.Format == "" && r.IDPrefix == "" && r.Text == nil && r.Secret == nil && r.EnumFold == nil
}

// applyRuleOverrides sets the rules overrides declare, before inference:
// a corrected ID shape then spreads to same-named parameters, and an
// entry's format (or "none") is never replaced by an inferred one.
func applyRuleOverrides(ovs []*override, byKey map[string]*Op) error {
	for _, o := range ovs {
		for _, pp := range o.Params {
			if pp.rulePatch.empty() {
				continue
			}
			if o.Op == "" {
				return fmt.Errorf("override %s (%s): value rules go on op entries, not on data structures", o.Page, o.Struct)
			}
			op := byKey[opKey(o.Op)]
			p, _, _ := lookupPath(op.Params, pp.Path)
			if p == nil {
				return fmt.Errorf("override %s (%s): no parameter %s", o.Page, o.Op, pp.Path)
			}
			if err := pp.rulePatch.apply(p); err != nil {
				return fmt.Errorf("override %s (%s) %s: %v", o.Page, o.Op, pp.Path, err)
			}
		}
	}
	return nil
}

func (r *rulePatch) apply(p *Param) error {
	if r.Range != nil {
		if len(r.Range) != 2 || r.Range[0] > r.Range[1] {
			return fmt.Errorf("range wants [min, max]")
		}
		if p.Type != tInteger {
			return fmt.Errorf("range on a %s", p.Type)
		}
		p.Range = &[2]int64{r.Range[0], r.Range[1]}
	}
	if r.MinLen != nil {
		p.MinLen = *r.MinLen
	}
	if r.MaxLen != nil {
		p.MaxLen = *r.MaxLen
	}
	if r.LenBytes != nil {
		p.LenBytes = *r.LenBytes
	}
	if r.MaxItems != nil {
		if !p.Array {
			return fmt.Errorf("max_items on a parameter that is not a list")
		}
		p.MaxItems = *r.MaxItems
	}
	p.formatFixed = p.formatFixed || r.Format != ""
	switch r.Format {
	case "":
	case fmtNone:
		p.Format, p.IDPrefix = "", ""
	case fmtIPv4, fmtIPv4CIDR, fmtIPv4OrCIDR, fmtUUID, fmtPorts, fmtIPv4Range:
		p.Format, p.IDPrefix = r.Format, ""
	case fmtID:
		if r.IDPrefix == "" {
			return fmt.Errorf("format id wants id_prefix")
		}
		p.Format, p.IDPrefix = fmtID, r.IDPrefix
	default:
		return fmt.Errorf("unknown format %q", r.Format)
	}
	if r.Text != nil {
		p.Text = *r.Text
	}
	if r.Secret != nil {
		p.Secret = *r.Secret
	}
	if r.EnumFold != nil {
		p.EnumFold = *r.EnumFold
	}
	return nil
}

// emitRules writes the rule fields of a Param literal.
func emitRules(b *bytes.Buffer, p *Param) {
	if p.Range != nil {
		fmt.Fprintf(b, ", Range: &Range{%d, %d}", p.Range[0], p.Range[1])
	}
	if p.MinLen > 0 {
		fmt.Fprintf(b, ", MinLen: %d", p.MinLen)
	}
	if p.MaxLen > 0 {
		fmt.Fprintf(b, ", MaxLen: %d", p.MaxLen)
	}
	if p.LenBytes {
		b.WriteString(", LenBytes: true")
	}
	if p.MaxItems > 0 {
		fmt.Fprintf(b, ", MaxItems: %d", p.MaxItems)
	}
	if p.Format != "" {
		fmt.Fprintf(b, ", Format: %s", formatConst[p.Format])
	}
	if p.IDPrefix != "" {
		fmt.Fprintf(b, ", IDPrefix: %q", p.IDPrefix)
	}
	if p.EnumFold {
		b.WriteString(", EnumFold: true")
	}
	if p.Text {
		b.WriteString(", Text: true")
	}
	if p.Secret {
		b.WriteString(", Secret: true")
	}
}

// ruleSummary is the terse form of a parameter's rules for -summary.
func ruleSummary(p *Param) string {
	var parts []string
	if p.Range != nil {
		parts = append(parts, fmt.Sprintf("range=%d..%d", p.Range[0], p.Range[1]))
	}
	if p.MinLen > 0 || p.MaxLen > 0 {
		u := "chars"
		if p.LenBytes {
			u = "bytes"
		}
		parts = append(parts, fmt.Sprintf("len=%d..%d%s", p.MinLen, p.MaxLen, u))
	}
	if p.MaxItems > 0 {
		parts = append(parts, fmt.Sprintf("items<=%d", p.MaxItems))
	}
	if p.Format != "" {
		parts = append(parts, "format="+p.Format+p.IDPrefix)
	}
	if p.Text {
		parts = append(parts, "text")
	}
	if p.Secret {
		parts = append(parts, "secret")
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, " ")
}
