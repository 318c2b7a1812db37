package gen

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The export renders a few pages in traditional characters; structure is
// recognised on a simplified key so those pages parse like the others.
// Only characters that occur in headings and table headers are mapped.
var tradToSimp = strings.NewReplacer(
	"參", "参", "數", "数", "輸", "输", "錯", "错", "誤", "误", "碼", "码",
	"稱", "称", "類", "类", "選", "选", "時", "时", "間", "间", "請", "请",
	"說", "说", "範", "范", "應", "应",
	"（", "(", "）", ")", "：", ":",
)

func simplify(s string) string { return tradToSimp.Replace(strings.TrimSpace(s)) }

// The PDF font renders "Id" after "Vpc" and "zone" as "lId"/"lid"
// ("vpclId", "unVpclid", "zonelids"), "Id" as "ld" ("appld") and once as
// "ed" ("subnetSet.n.zoned"). Real names never contain these sequences,
// so they are repaired everywhere before parsing.
var (
	reVpclId = regexp.MustCompile(`([Vv]pc|[Zz]one)l[Ii]d`)
	reLd     = regexp.MustCompile(`\b(app|service)ld\b`)
	reZoned  = regexp.MustCompile(`\.zoned\b`)
)

func repairGlyphs(s string) string {
	s = reVpclId.ReplaceAllString(s, "${1}Id")
	s = reLd.ReplaceAllString(s, "${1}Id")
	s = reZoned.ReplaceAllString(s, ".zoneId")
	return s
}

var (
	reMdLink   = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	reHTMLTag  = regexp.MustCompile(`<[^>]+>`)
	reSpaces   = regexp.MustCompile(`\s+`)
	reNumbered = regexp.MustCompile(`^\d+\s*[.、]\s*`)
)

// oneLine reduces a description cell to its first sentence, without
// markup, on one line, so help text stays short.
func oneLine(s string) string {
	s = reMdLink.ReplaceAllString(s, "$1")
	s = reHTMLTag.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "&nbsp;", " ")
	s = reSpaces.ReplaceAllString(strings.TrimSpace(s), " ")
	// Long cells keep their first sentence (past a few words, so that
	// "错误码。0：成功…" is not cut to a bare "错误码。").
	const short, max = 80, 160
	if r := []rune(s); len(r) > short {
		for i := 10; i < len(r)-1; i++ {
			if r[i] == '。' {
				s = string(r[:i+1])
				break
			}
		}
	}
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:max])) + "…"
	}
	return s
}

// cells splits a table row: tab-separated (the export's usual form) or
// markdown pipes (a few pages kept their source markup).
func cells(s string) []string {
	t := strings.TrimSpace(s)
	var parts []string
	switch {
	case strings.Contains(t, "\t"):
		parts = strings.Split(t, "\t")
	case strings.HasPrefix(t, "|"):
		t = strings.TrimPrefix(t, "|")
		t = strings.TrimSuffix(t, "|")
		parts = strings.Split(t, "|")
	default:
		return nil
	}
	out := make([]string, 0, len(parts))
	dashes := true
	for _, p := range parts {
		p = strings.TrimSpace(p)
		out = append(out, p)
		if strings.Trim(p, "-: ") != "" {
			dashes = false
		}
	}
	if dashes {
		return nil
	}
	return out
}

var reIdent = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$`)

// normType maps the many spellings of a column type to a model type;
// ok is false for struct names and other words.
func normType(t string) (typ string, array bool, ok bool) {
	t = strings.TrimSpace(t)
	if rest, found := strings.CutPrefix(t, "Array of "); found {
		typ, _, ok = normType(rest)
		if !ok {
			return "", true, false
		}
		return typ, true, true
	}
	switch strings.ToLower(t) {
	case "string", "timestamp", "str":
		return tString, false, true
	case "int", "integer", "uint", "int64", "uint64", "long":
		return tInteger, false, true
	case "bool", "boolean":
		return tBoolean, false, true
	case "float", "double", "number":
		return tFloat, false, true
	case "array":
		return tString, true, true
	case "object", "json":
		return tObject, false, true
	}
	return "", false, false
}

// outType spells an output column type the way the model shows it.
func outType(t string) string {
	t = strings.TrimSpace(t)
	if rest, ok := strings.CutPrefix(t, "Array of "); ok {
		return "Array of " + outType(rest)
	}
	switch strings.ToLower(t) {
	case "string":
		return "String"
	case "int", "integer", "uint":
		return "Integer"
	case "bool", "boolean":
		return "Boolean"
	case "float":
		return "Float"
	case "array":
		return "Array"
	case "object":
		return "Object"
	}
	return t
}
