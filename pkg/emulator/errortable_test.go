package emulator

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api/model"
)

// TestErrorTable is the table of the error codes each operation can
// answer, read from the package's source rather than from the requests
// the tests happen to send. An abstract interpreter runs every registered
// handler once per operation, with the request's style and Action known
// and its parameters and store unknown: it follows calls into the
// package's functions, methods (generic ones included), closures and
// method values, the descriptors' fields, and tables of codes, and
// collects the Code of every apiError built on the way. c.pick is
// answered as at run time: a code the page lists, or the last one.
//
// Each code must be the operation's own (its page's table, in the model),
// a common one, or a known deviation in offTable. With -v the test prints
// the table.
func TestErrorTable(t *testing.T) {
	tab, err := staticErrorTable()
	if err != nil {
		t.Fatal(err)
	}
	var bad, unresolved []string
	found := map[string]bool{}
	for _, row := range tab {
		more := ""
		if row.named {
			more = " (+ the page's code for a parameter, named at run time)"
		}
		t.Logf("%s %s: %s%s", row.style, row.action, strings.Join(row.codes, ", "), more)
		for _, code := range row.codes {
			key := fmt.Sprintf("%s %s %s", row.style, row.action, code)
			switch {
			case row.listed(code) || commonCodes[code]:
			case offTable[key] != "":
				found[key] = true
			default:
				bad = append(bad, key+"  ("+strings.Join(row.at[code], ", ")+")")
			}
		}
		for _, u := range row.unresolved {
			unresolved = append(unresolved, fmt.Sprintf("%s %s: %s", row.style, row.action, u))
		}
	}
	var stale []string
	for k := range offTable {
		if !found[k] {
			stale = append(stale, k)
		}
	}
	sort.Strings(bad)
	sort.Strings(stale)
	sort.Strings(unresolved)
	if len(bad) > 0 {
		t.Errorf("error codes outside the operation's page table and the common codes (fix the handler, or add to offTable with a reason):\n  %s", strings.Join(bad, "\n  "))
	}
	if len(stale) > 0 {
		t.Errorf("offTable entries no handler answers any more (remove them):\n  %s", strings.Join(stale, "\n  "))
	}
	if len(unresolved) > 0 {
		t.Errorf("error codes the table cannot follow (use literal codes, or teach errortable_test.go the construct):\n  %s", strings.Join(unresolved, "\n  "))
	}
	if len(tab) < 100 {
		t.Errorf("only %d operations found among the registered handlers", len(tab))
	}
}

// errorRow is one operation of the table.
type errorRow struct {
	style      model.Style
	action     string
	op         *model.Operation
	codes      []string            // sorted
	at         map[string][]string // code → where the source gives it
	unresolved []string            // positions of codes the analysis could not compute
	// named: besides codes, the operation may answer a code of its page
	// that c.pick is given as made at run time (legacy "Invalid" and a
	// parameter's name, for a value the model's rules refuse).
	named bool
}

func (r *errorRow) listed(code string) bool {
	for _, e := range r.op.Errors {
		if e.Code == code {
			return true
		}
	}
	return false
}

func (r *errorRow) has(code string) bool {
	i := sort.SearchStrings(r.codes, code)
	return i < len(r.codes) && r.codes[i] == code
}

var (
	errorTableOnce sync.Once
	errorTable     []*errorRow
	errorTableErr  error
)

// staticErrorTable is the table, sorted by style and Action, computed
// once for TestErrorTable and the check of the codes the tests saw.
func staticErrorTable() ([]*errorRow, error) {
	errorTableOnce.Do(func() { errorTable, errorTableErr = computeErrorTable(".") })
	return errorTable, errorTableErr
}

// computeErrorTable is the table of the package in dir.
func computeErrorTable(dir string) ([]*errorRow, error) {
	pk, err := loadPkg(dir)
	if err != nil {
		return nil, err
	}
	handlers, err := pk.registered()
	if err != nil {
		return nil, err
	}
	var rows []*errorRow
	for key, h := range handlers {
		styleName, action, _ := strings.Cut(key, "/")
		style := model.V3
		if styleName == model.Legacy.String() {
			style = model.Legacy
		}
		op, ok := model.Find(action, style)
		if !ok {
			return nil, fmt.Errorf("handler %q: no such operation in the model", key)
		}
		in := pk.newInterp(op, style, action)
		c, st := in.callValue(), unk()
		// The codes dispatch answers for a value the model's rules refuse.
		if fn := pk.funcs["validationError"]; fn != nil {
			in.invoke(&afunc{decl: fn}, []*aval{c, unk()}, false)
		}
		for _, f := range h.funcs {
			in.invoke(f, []*aval{c, st}, false)
		}
		row := &errorRow{style: style, action: action, op: op, unresolved: in.unresolved, at: map[string][]string{}, named: in.named}
		for code := range in.codes {
			row.codes = append(row.codes, code)
			for site := range in.at[code] {
				row.at[code] = append(row.at[code], site)
			}
			sort.Strings(row.at[code])
		}
		sort.Strings(row.codes)
		sort.Strings(row.unresolved)
		rows = append(rows, row)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].style != rows[j].style {
			return rows[i].style < rows[j].style
		}
		return rows[i].action < rows[j].action
	})
	return rows, nil
}

// ---- the package's source ----

type pkgSrc struct {
	fset    *token.FileSet
	funcs   map[string]*ast.FuncDecl
	methods map[string][]*ast.FuncDecl // by method name
	vars    map[string]ast.Expr        // package var and const initialisers
	consts  map[string]bool            // consts without an initialiser of their own (iota)
	structs map[string][]string        // struct type → field names in order
	fieldTy map[string]ast.Expr        // "type.field" → the field's type
	tparams map[string][]string        // generic type → its type parameters
	types   map[string]bool
	imports map[string]bool
	varVals map[string]*aval
	pick    *ast.FuncDecl // (*call).pick, answered as at run time
}

func loadPkg(dir string) (*pkgSrc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	pk := &pkgSrc{
		fset: token.NewFileSet(), funcs: map[string]*ast.FuncDecl{}, methods: map[string][]*ast.FuncDecl{},
		vars: map[string]ast.Expr{}, consts: map[string]bool{}, structs: map[string][]string{},
		fieldTy: map[string]ast.Expr{}, tparams: map[string][]string{}, types: map[string]bool{}, imports: map[string]bool{}, varVals: map[string]*aval{},
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(pk.fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			n := p[strings.LastIndex(p, "/")+1:]
			if im.Name != nil {
				n = im.Name.Name
			}
			pk.imports[n] = true
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					pk.funcs[d.Name.Name] = d
					continue
				}
				pk.methods[d.Name.Name] = append(pk.methods[d.Name.Name], d)
				if d.Name.Name == "pick" && recvType(d) == "call" {
					pk.pick = d
				}
			case *ast.GenDecl:
				pk.genDecl(d)
			}
		}
	}
	if pk.pick == nil {
		return nil, fmt.Errorf("no (*call).pick in the package")
	}
	return pk, nil
}

func (pk *pkgSrc) genDecl(d *ast.GenDecl) {
	for _, s := range d.Specs {
		switch s := s.(type) {
		case *ast.ValueSpec:
			if d.Tok == token.CONST && len(s.Values) == 0 {
				// An iota run: the values are symbols, compared by name.
				for _, n := range s.Names {
					pk.consts[n.Name] = true
				}
				continue
			}
			for i, n := range s.Names {
				if i < len(s.Values) && len(s.Values) == len(s.Names) {
					pk.vars[n.Name] = s.Values[i]
				} else {
					pk.consts[n.Name] = true
				}
			}
		case *ast.TypeSpec:
			pk.types[s.Name.Name] = true
			if s.TypeParams != nil {
				for _, f := range s.TypeParams.List {
					for _, n := range f.Names {
						pk.tparams[s.Name.Name] = append(pk.tparams[s.Name.Name], n.Name)
					}
				}
			}
			if st, ok := s.Type.(*ast.StructType); ok {
				var fields []string
				for _, f := range st.Fields.List {
					if len(f.Names) == 0 {
						fields = append(fields, atypeName(f.Type))
						pk.fieldTy[s.Name.Name+"."+atypeName(f.Type)] = f.Type
					}
					for _, n := range f.Names {
						fields = append(fields, n.Name)
						pk.fieldTy[s.Name.Name+"."+n.Name] = f.Type
					}
				}
				pk.structs[s.Name.Name] = fields
			}
		}
	}
}

// typeName is the name of a (pointer to a, generic) named type.
func atypeName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		case *ast.SelectorExpr:
			return x.Sel.Name
		default:
			return ""
		}
	}
}

func unstar(t ast.Expr) ast.Expr {
	if s, ok := t.(*ast.StarExpr); ok {
		return s.X
	}
	return t
}

func recvType(d *ast.FuncDecl) string { return atypeName(d.Recv.List[0].Type) }

// recvParams is the type parameters a generic receiver names: (k *kind[P]) → P.
func recvParams(t ast.Expr) []string {
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	var out []string
	switch x := t.(type) {
	case *ast.IndexExpr:
		out = append(out, atypeName(x.Index))
	case *ast.IndexListExpr:
		for _, i := range x.Indices {
			out = append(out, atypeName(i))
		}
	}
	return out
}

// registered runs every register function on a map that records what is
// stored in it: handler key → the handler values.
func (pk *pkgSrc) registered() (map[string]*aval, error) {
	in := pk.newInterp(nil, 0, "")
	sink := &aobj{typ: "handlers", fields: map[string]*aval{}}
	var names []string
	for name, d := range pk.funcs {
		ps := d.Type.Params.List
		if strings.HasPrefix(name, "register") && len(ps) == 1 && len(ps[0].Names) == 1 {
			if m, ok := ps[0].Type.(*ast.MapType); ok && atypeName(m.Value) == "handler" {
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	for _, name := range names {
		in.invoke(&afunc{decl: pk.funcs[name]}, []*aval{{objs: []*aobj{sink}}}, false)
	}
	if len(in.unresolved) > 0 {
		return nil, fmt.Errorf("handler keys the table cannot compute: %s", strings.Join(in.unresolved, "; "))
	}
	return sink.fields, nil
}

// ---- abstract values ----

type atomKind byte

const (
	aStr atomKind = iota
	aInt
	aBool
	aSym // a constant compared by name: V3, model.Legacy, iota values
	aNil
	aZero // the zero value of a field a literal leaves out
)

type aatom struct {
	k atomKind
	s string
}

// aval is what an expression may be: any of its atoms, objects (structs
// and pointers to them), lists, functions, or something not modelled.
type aval struct {
	atoms   map[aatom]bool
	unknown bool
	typ     string   // when unknown: the package type it has, if declared
	targs   []string // and that type's type arguments
	objs    []*aobj
	lists   []*alist
	funcs   []*afunc
}

type aobj struct {
	typ    string
	targs  []string // a generic type's arguments: kind[*VPC] → VPC
	fields map[string]*aval
}

// alist is a slice or array: its elements in order when exact, else any
// of them.
type alist struct {
	elems []*aval
	exact bool
}

// afunc is a function value: a declaration (with its receiver, for a method
// value) or a literal with the ascope it closes over.
type afunc struct {
	decl *ast.FuncDecl
	lit  *ast.FuncLit
	recv *aval
	env  *ascope
	tenv map[string]string // the type parameters a literal sees
}

func unk() *aval { return &aval{unknown: true} }

// typed is an unknown value of the declared type t, when t is one of
// the package's types: its methods and fields are then those of t.
func (pk *pkgSrc) typed(t ast.Expr, tenv map[string]string) *aval {
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
			continue
		case *ast.ParenExpr:
			t = x.X
			continue
		case *ast.ArrayType:
			// A slice of the type: ranging over it gives the type.
			return &aval{unknown: true, lists: []*alist{{elems: []*aval{pk.typed(x.Elt, tenv)}}}}
		case *ast.MapType:
			return &aval{unknown: true, objs: []*aobj{{typ: "map", fields: map[string]*aval{"*": pk.typed(x.Value, tenv)}}}}
		}
		break
	}
	n := pk.resolve(t, tenv)
	if !pk.types[n] {
		return unk()
	}
	return &aval{unknown: true, typ: n, targs: pk.targsOf(t, tenv)}
}

// resolve is the package type t names, its type parameters replaced.
func (pk *pkgSrc) resolve(t ast.Expr, tenv map[string]string) string {
	n := atypeName(t)
	if x, ok := tenv[n]; ok {
		return x
	}
	return n
}

// targsOf is the type arguments of t: table[*VPC] → VPC.
func (pk *pkgSrc) targsOf(t ast.Expr, tenv map[string]string) []string {
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
			continue
		case *ast.ParenExpr:
			t = x.X
			continue
		case *ast.IndexExpr:
			return []string{pk.resolve(x.Index, tenv)}
		case *ast.IndexListExpr:
			var out []string
			for _, i := range x.Indices {
				out = append(out, pk.resolve(i, tenv))
			}
			return out
		}
		return nil
	}
}

// typeEnv binds the type parameters of a generic type to args.
func (pk *pkgSrc) typeEnv(params []string, args []string) map[string]string {
	env := map[string]string{}
	for i, p := range params {
		env[p] = ""
		if i < len(args) {
			env[p] = args[i]
		}
	}
	return env
}

// pure reports whether v is only unknown, with no type.
func (v *aval) pure() bool {
	return v.unknown && v.typ == "" && len(v.atoms) == 0 && len(v.objs) == 0 && len(v.lists) == 0 && len(v.funcs) == 0
}

func atomVal(k atomKind, s string) *aval { return &aval{atoms: map[aatom]bool{{k, s}: true}} }

func astrVal(s string) *aval { return atomVal(aStr, s) }

func ajoin(vs ...*aval) *aval {
	out := &aval{}
	typ, first := "", true
	for _, v := range vs {
		if v == nil {
			continue
		}
		if v.unknown {
			if first {
				typ, first = v.typ, false
			} else if typ != v.typ {
				typ = ""
			}
		}
		out.unknown = out.unknown || v.unknown
		for a := range v.atoms {
			if out.atoms == nil {
				out.atoms = map[aatom]bool{}
			}
			out.atoms[a] = true
		}
		for _, o := range v.objs {
			if !containsPtr(out.objs, o) {
				out.objs = append(out.objs, o)
			}
		}
		for _, l := range v.lists {
			if !containsPtr(out.lists, l) {
				out.lists = append(out.lists, l)
			}
		}
		for _, f := range v.funcs {
			dup := false
			for _, g := range out.funcs {
				dup = dup || g.decl == f.decl && g.lit == f.lit && g.recv == f.recv && g.env == f.env
			}
			if !dup {
				out.funcs = append(out.funcs, f)
			}
		}
	}
	if out.unknown {
		out.typ = typ
	}
	return out
}

func containsPtr[T comparable](s []T, x T) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// single returns the one aatom v certainly is.
func (v *aval) single() (aatom, bool) {
	if v.unknown || len(v.objs) > 0 || len(v.lists) > 0 || len(v.funcs) > 0 || len(v.atoms) != 1 {
		return aatom{}, false
	}
	for a := range v.atoms {
		return a, true
	}
	return aatom{}, false
}

func (v *aval) strs() (out []string, complete bool) {
	for a := range v.atoms {
		switch a.k {
		case aStr:
			out = append(out, a.s)
		case aZero:
			out = append(out, "")
		}
	}
	sort.Strings(out)
	return out, !v.unknown
}

// truth is what v is as a condition: 1 true, 0 false, -1 either.
func (v *aval) truth() int {
	a, ok := v.single()
	if !ok || a.k != aBool {
		if ok && a.k == aZero {
			return 0
		}
		return -1
	}
	if a.s == "true" {
		return 1
	}
	return 0
}

func aboolVal(b bool) *aval { return atomVal(aBool, strconv.FormatBool(b)) }

// equal is 1 when a and b are certainly equal, 0 certainly not, -1 when
// it depends.
func aequal(a, b *aval) int {
	x, okx := a.single()
	y, oky := b.single()
	nonNil := func(v *aval) bool {
		return !v.unknown && len(v.atoms) == 0 && (len(v.objs) > 0 || len(v.funcs) > 0 || len(v.lists) > 0)
	}
	switch {
	case okx && oky:
		if x.k == aZero || y.k == aZero {
			if x.k == y.k {
				return 1
			}
			z := y
			if y.k == aZero {
				z = x
			}
			if z.k == aNil || z.k == aStr && z.s == "" || z.k == aInt && z.s == "0" || z.k == aBool && z.s == "false" {
				return 1
			}
			return 0
		}
		if x == y {
			return 1
		}
		if x.k == y.k || x.k == aNil || y.k == aNil {
			return 0
		}
	case okx && (x.k == aNil || x.k == aZero) && nonNil(b), oky && (y.k == aNil || y.k == aZero) && nonNil(a):
		return 0
	}
	return -1
}

// ---- the interpreter ----

type binding struct {
	v     *aval
	level int // the uncertainty level it was declared at
}

type ascope struct {
	vars   map[string]*binding
	parent *ascope
}

func (s *ascope) lookup(name string) *binding {
	for ; s != nil; s = s.parent {
		if b := s.vars[name]; b != nil {
			return b
		}
	}
	return nil
}

func (s *ascope) define(name string, v *aval, level int) {
	if name != "_" {
		s.vars[name] = &binding{v, level}
	}
}

type interp struct {
	pk         *pkgSrc
	op         *model.Operation
	style      model.Style
	action     string
	codes      map[string]bool
	unresolved []string
	level      int // how many uncertain branches enclose the statement
	memo       map[string][]*aval
	active     map[string]bool
	steps      int
	tenv       map[string]string          // type parameter → type, in the running function
	named      bool                       // c.pick was given a code made at run time
	stack      []string                   // the calls being run, for ERRTABLE_TRACE
	sites      []token.Pos                // where each of them was called
	site       token.Pos                  // the call about to be run
	at         map[string]map[string]bool // code → where it is given
}

func (pk *pkgSrc) newInterp(op *model.Operation, style model.Style, action string) *interp {
	return &interp{pk: pk, op: op, style: style, action: action, codes: map[string]bool{}, at: map[string]map[string]bool{},
		memo: map[string][]*aval{}, active: map[string]bool{}}
}

// callValue is the request: its style and Action are known.
func (in *interp) callValue() *aval {
	sym := "model.V3"
	if in.style == model.Legacy {
		sym = "model.Legacy"
	}
	return &aval{objs: []*aobj{{typ: "call", fields: map[string]*aval{
		"style": atomVal(aSym, sym), "action": astrVal(in.action),
	}}}}
}

func (in *interp) where(n ast.Node) string {
	p := in.pk.fset.Position(n.Pos())
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// emit records the codes an apiError literal is built with.
func (in *interp) emit(v *aval, at ast.Node) {
	if v == nil {
		in.unresolved = append(in.unresolved, in.where(at)+" (no Code)")
		return
	}
	codes, complete := v.strs()
	// An empty code is a zero value on a path the analysis cannot rule
	// out (a table's miss): not a code.
	codes = slices.DeleteFunc(codes, func(c string) bool { return c == "" })
	// Where the code is given: the call of the function building the
	// error (errf's caller), or the literal itself in a handler.
	site := in.where(at)
	if n := len(in.sites); n > 1 && in.sites[n-1].IsValid() {
		p := in.pk.fset.Position(in.sites[n-1])
		site = fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
	}
	for _, c := range codes {
		in.codes[c] = true
		if in.at[c] == nil {
			in.at[c] = map[string]bool{}
		}
		in.at[c][site] = true
		// ERRTABLE_TRACE=Code prints the calls that reach the code.
		if c != "" && os.Getenv("ERRTABLE_TRACE") == c {
			fmt.Printf("%s %s %s: %s in %s\n", in.style, in.action, c, in.where(at), strings.Join(in.stack, " > "))
		}
	}
	if !complete || len(codes) == 0 {
		in.unresolved = append(in.unresolved, in.where(at))
		if os.Getenv("ERRTABLE_TRACE") == "?" {
			fmt.Printf("%s %s ?: %s in %s\n", in.style, in.action, in.where(at), strings.Join(in.stack, " > "))
		}
	}
}

type astatus int

const (
	goesOn astatus = iota
	jumps          // break, continue, goto
	returns
)

// aframe is one function being run.
type aframe struct {
	results []*aval
	named   []string
}

// invoke runs f on args (the last one spread when spread is set).
func (in *interp) invoke(f *afunc, args []*aval, spread bool) []*aval {
	if f.decl == in.pk.pick {
		return []*aval{in.pickCodes(args, spread)}
	}
	var ft *ast.FuncType
	var body *ast.BlockStmt
	var node ast.Node
	parent := f.env
	if f.decl != nil {
		ft, body, node = f.decl.Type, f.decl.Body, f.decl
	} else {
		ft, body, node = f.lit.Type, f.lit.Body, f.lit
	}
	if body == nil {
		return nil
	}
	key := fmt.Sprintf("%p|%p|%s", node, parent, fingerprint(f.recv))
	for _, a := range args {
		key += "|" + fingerprint(a)
	}
	if spread {
		key += "..."
	}
	if r, ok := in.memo[key]; ok {
		return r
	}
	if in.active[key] || in.steps > 2_000_000 {
		return in.pk.unknownResults(ft, nil)
	}
	in.active[key] = true
	in.stack = append(in.stack, in.where(node))
	in.sites = append(in.sites, in.site)
	in.site = token.NoPos
	defer func() {
		delete(in.active, key)
		in.stack = in.stack[:len(in.stack)-1]
		in.sites = in.sites[:len(in.sites)-1]
	}()

	sc := &ascope{vars: map[string]*binding{}, parent: parent}
	savedEnv := in.tenv
	defer func() { in.tenv = savedEnv }()
	in.tenv = f.tenv
	if f.decl != nil {
		in.tenv = map[string]string{}
		if f.decl.Type.TypeParams != nil {
			for _, p := range f.decl.Type.TypeParams.List {
				for _, n := range p.Names {
					in.tenv[n.Name] = "" // inferred: not followed
				}
			}
		}
	}
	if f.decl != nil && f.decl.Recv != nil {
		rt := f.decl.Recv.List[0].Type
		r := f.recv
		if r == nil || r.pure() {
			r = in.pk.typed(rt, nil)
		}
		// The receiver's type arguments, when it is certainly one
		// instance of a generic type.
		var targs []string
		if len(r.objs) == 1 && !r.unknown {
			targs = r.objs[0].targs
		} else if len(r.objs) == 0 && r.unknown {
			targs = r.targs
		}
		for k, v := range in.pk.typeEnv(recvParams(rt), targs) {
			in.tenv[k] = v
		}
		for _, n := range f.decl.Recv.List[0].Names {
			sc.define(n.Name, r, in.level)
		}
	}
	var names []string
	var types []ast.Expr
	variadic := false
	for _, p := range ft.Params.List {
		_, variadic = p.Type.(*ast.Ellipsis)
		if len(p.Names) == 0 {
			names = append(names, "_")
			types = append(types, p.Type)
		}
		for _, n := range p.Names {
			names = append(names, n.Name)
			types = append(types, p.Type)
		}
	}
	for i, n := range names {
		var v *aval
		switch {
		case variadic && i == len(names)-1 && !spread:
			l := &alist{exact: true}
			if i < len(args) {
				l.elems = args[i:]
			}
			v = &aval{lists: []*alist{l}}
		case i < len(args):
			v = withType(args[i], in.pk.typed(types[i], in.tenv))
		default:
			v = in.pk.typed(types[i], in.tenv)
		}
		sc.define(n, v, in.level)
	}
	fr := &aframe{}
	if ft.Results != nil {
		for _, r := range ft.Results.List {
			for _, n := range r.Names {
				fr.named = append(fr.named, n.Name)
				sc.define(n.Name, aZeroOf(r.Type), in.level)
			}
		}
	}
	in.block(body.List, sc, fr)
	declared := in.pk.unknownResults(ft, in.tenv)
	if fr.results == nil {
		fr.results = declared
	}
	// What the function returns has the type it declares.
	for i, r := range fr.results {
		if i < len(declared) {
			fr.results[i] = withType(r, declared[i])
		}
	}
	in.memo[key] = fr.results
	return fr.results
}

// withType is v, its unknown part of the type declared has (an unknown
// value of a declared type) when v does not say.
func withType(v, declared *aval) *aval {
	if !v.unknown || v.typ != "" || declared.typ == "" && len(declared.lists) == 0 && len(declared.objs) == 0 {
		return v
	}
	if v.pure() {
		return declared
	}
	c := *v
	c.typ, c.targs = declared.typ, declared.targs
	return &c
}

func aZeroOf(t ast.Expr) *aval {
	switch atypeName(t) {
	case "string":
		return astrVal("")
	}
	return atomVal(aZero, "")
}

func (pk *pkgSrc) unknownResults(ft *ast.FuncType, tenv map[string]string) []*aval {
	var out []*aval
	if ft.Results != nil {
		for _, r := range ft.Results.List {
			n := len(r.Names)
			if n == 0 {
				n = 1
			}
			for i := 0; i < n; i++ {
				out = append(out, pk.typed(r.Type, tenv))
			}
		}
	}
	return out
}

// fingerprint identifies a value for the memo.
func fingerprint(v *aval) string {
	if v == nil {
		return "-"
	}
	var b strings.Builder
	var atoms []string
	for a := range v.atoms {
		atoms = append(atoms, fmt.Sprintf("%d:%s", a.k, a.s))
	}
	sort.Strings(atoms)
	b.WriteString(strings.Join(atoms, ","))
	if v.unknown {
		b.WriteString("?" + v.typ + strings.Join(v.targs, ","))
	}
	for _, o := range v.objs {
		fmt.Fprintf(&b, "o%p", o)
	}
	for _, l := range v.lists {
		fmt.Fprintf(&b, "l%p", l)
	}
	for _, f := range v.funcs {
		fmt.Fprintf(&b, "f%p%p%p%p", f.decl, f.lit, f.env, f.recv)
	}
	return b.String()
}

// pickCodes is c.pick: the first of the codes the page lists, else the
// last. A code computed at run time can only be answered when listed, so
// it is left out.
func (in *interp) pickCodes(args []*aval, spread bool) *aval {
	var cands []*aval
	if spread && len(args) == 1 {
		for _, l := range args[0].lists {
			if !l.exact {
				return unk()
			}
		}
		if len(args[0].lists) != 1 {
			return unk()
		}
		cands = args[0].lists[0].elems
	} else {
		cands = args
	}
	out := &aval{}
	for i, c := range cands {
		codes, complete := c.strs()
		if i == len(cands)-1 {
			return ajoin(out, c)
		}
		certain := complete && len(codes) == 1
		in.named = in.named || !complete
		for _, code := range codes {
			if in.op != nil && listedIn(in.op, code) {
				out = ajoin(out, astrVal(code))
			} else {
				certain = false
			}
		}
		if certain {
			return out
		}
	}
	return out
}

func listedIn(op *model.Operation, code string) bool {
	for _, e := range op.Errors {
		if e.Code == code {
			return true
		}
	}
	return false
}

func (in *interp) block(list []ast.Stmt, sc *ascope, fr *aframe) astatus {
	for _, s := range list {
		if st := in.stmt(s, sc, fr); st != goesOn {
			return st
		}
	}
	return goesOn
}

// uncertain runs f as a branch that may or may not be taken.
func (in *interp) uncertain(f func() astatus) astatus {
	in.level++
	defer func() { in.level-- }()
	return f()
}

func aboth(a, b astatus) astatus {
	if a < b {
		return a
	}
	return b
}

func (in *interp) stmt(s ast.Stmt, sc *ascope, fr *aframe) astatus {
	in.steps++
	switch s := s.(type) {
	case *ast.ExprStmt:
		in.expr(s.X, sc)
	case *ast.AssignStmt:
		in.assign(s, sc)
	case *ast.DeclStmt:
		if g, ok := s.Decl.(*ast.GenDecl); ok {
			for _, sp := range g.Specs {
				vs, ok := sp.(*ast.ValueSpec)
				if !ok {
					continue
				}
				vals := in.values(vs.Values, len(vs.Names), sc)
				for i, n := range vs.Names {
					v := aZeroOf(vs.Type)
					if st, ok := vs.Type.(*ast.StarExpr); ok && len(vs.Values) == 0 {
						v = ajoin(atomVal(aNil, ""), in.pk.typed(st, in.tenv))
					}
					if i < len(vals) {
						v = vals[i]
					}
					sc.define(n.Name, v, in.level)
				}
			}
		}
	case *ast.ReturnStmt:
		var vals []*aval
		if len(s.Results) == 0 {
			for _, n := range fr.named {
				vals = append(vals, sc.lookup(n).v)
			}
		} else {
			vals = in.values(s.Results, -1, sc)
		}
		if fr.results == nil {
			fr.results = vals
		} else {
			for i := range fr.results {
				if i < len(vals) {
					fr.results[i] = ajoin(fr.results[i], vals[i])
				}
			}
		}
		return returns
	case *ast.BlockStmt:
		return in.block(s.List, &ascope{vars: map[string]*binding{}, parent: sc}, fr)
	case *ast.IfStmt:
		sc = &ascope{vars: map[string]*binding{}, parent: sc}
		if s.Init != nil {
			in.stmt(s.Init, sc, fr)
		}
		cond := in.expr(s.Cond, sc).truth()
		body := func() astatus { return in.block(s.Body.List, &ascope{vars: map[string]*binding{}, parent: sc}, fr) }
		other := func() astatus {
			if s.Else == nil {
				return goesOn
			}
			return in.stmt(s.Else, sc, fr)
		}
		switch cond {
		case 1:
			return body()
		case 0:
			return other()
		}
		return aboth(in.uncertain(body), in.uncertain(other))
	case *ast.ForStmt:
		sc = &ascope{vars: map[string]*binding{}, parent: sc}
		if s.Init != nil {
			in.stmt(s.Init, sc, fr)
		}
		in.uncertain(func() astatus {
			for i := 0; i < 2; i++ {
				if s.Cond != nil {
					in.expr(s.Cond, sc)
				}
				in.block(s.Body.List, &ascope{vars: map[string]*binding{}, parent: sc}, fr)
				if s.Post != nil {
					in.stmt(s.Post, sc, fr)
				}
			}
			return goesOn
		})
	case *ast.RangeStmt:
		return in.rangeStmt(s, sc, fr)
	case *ast.SwitchStmt:
		return in.switchStmt(s, sc, fr)
	case *ast.TypeSwitchStmt:
		sc = &ascope{vars: map[string]*binding{}, parent: sc}
		if s.Init != nil {
			in.stmt(s.Init, sc, fr)
		}
		var x *aval
		name := ""
		switch a := s.Assign.(type) {
		case *ast.AssignStmt:
			name = a.Lhs[0].(*ast.Ident).Name
			x = in.expr(a.Rhs[0].(*ast.TypeAssertExpr).X, sc)
		case *ast.ExprStmt:
			x = in.expr(a.X.(*ast.TypeAssertExpr).X, sc)
		}
		all := returns
		hasDefault := false
		for _, cl := range s.Body.List {
			cc := cl.(*ast.CaseClause)
			hasDefault = hasDefault || cc.List == nil
			cs := &ascope{vars: map[string]*binding{}, parent: sc}
			if name != "" {
				cs.define(name, ajoin(x, unk()), in.level+1)
			}
			all = aboth(all, in.uncertain(func() astatus { return in.block(cc.Body, cs, fr) }))
		}
		if hasDefault {
			return all
		}
	case *ast.IncDecStmt:
		in.expr(s.X, sc)
	case *ast.DeferStmt:
		in.expr(s.Call, sc)
	case *ast.GoStmt:
		in.expr(s.Call, sc)
	case *ast.LabeledStmt:
		return in.stmt(s.Stmt, sc, fr)
	case *ast.BranchStmt:
		if s.Tok == token.FALLTHROUGH {
			return goesOn
		}
		return jumps
	case *ast.SendStmt:
		in.expr(s.Value, sc)
	case *ast.SelectStmt:
		for _, cl := range s.Body.List {
			cc := cl.(*ast.CommClause)
			in.uncertain(func() astatus { return in.block(cc.Body, &ascope{vars: map[string]*binding{}, parent: sc}, fr) })
		}
	}
	return goesOn
}

func (in *interp) rangeStmt(s *ast.RangeStmt, sc *ascope, fr *aframe) astatus {
	x := in.expr(s.X, sc)
	bind := func(is *ascope, k, v *aval, level int) {
		if id, ok := s.Key.(*ast.Ident); ok {
			if s.Tok == token.DEFINE {
				is.define(id.Name, k, level)
			} else {
				in.store(s.Key, k, is)
			}
		}
		if id, ok := s.Value.(*ast.Ident); ok {
			if s.Tok == token.DEFINE {
				is.define(id.Name, v, level)
			} else {
				in.store(s.Value, v, is)
			}
		}
	}
	// A literal list is run element by element, in order.
	if len(x.lists) == 1 && x.lists[0].exact && !x.unknown && len(x.objs) == 0 && len(x.lists[0].elems) <= 64 {
		for i, e := range x.lists[0].elems {
			is := &ascope{vars: map[string]*binding{}, parent: sc}
			bind(is, atomVal(aInt, strconv.Itoa(i)), e, in.level)
			if st := in.block(s.Body.List, is, fr); st == returns {
				return returns
			}
		}
		return goesOn
	}
	elem := &aval{}
	for _, l := range x.lists {
		elem = ajoin(append([]*aval{elem}, l.elems...)...)
	}
	if len(x.lists) == 0 || len(x.objs) > 0 || len(elem.atoms)+len(elem.objs)+len(elem.lists)+len(elem.funcs) == 0 && !elem.unknown {
		elem = ajoin(elem, unk())
	}
	for _, o := range x.objs {
		if o.typ == "map" {
			for _, v := range o.fields {
				elem = ajoin(elem, v)
			}
		}
	}
	in.uncertain(func() astatus {
		for i := 0; i < 2; i++ {
			is := &ascope{vars: map[string]*binding{}, parent: sc}
			bind(is, unk(), elem, in.level)
			in.block(s.Body.List, is, fr)
		}
		return goesOn
	})
	return goesOn
}

func (in *interp) switchStmt(s *ast.SwitchStmt, sc *ascope, fr *aframe) astatus {
	sc = &ascope{vars: map[string]*binding{}, parent: sc}
	if s.Init != nil {
		in.stmt(s.Init, sc, fr)
	}
	var tag *aval
	if s.Tag != nil {
		tag = in.expr(s.Tag, sc)
	}
	all := returns
	certain := true // every case so far certainly did not match
	var deflt *ast.CaseClause
	for _, cl := range s.Body.List {
		cc := cl.(*ast.CaseClause)
		if cc.List == nil {
			deflt = cc
			continue
		}
		match := 0
		for _, e := range cc.List {
			v := in.expr(e, sc)
			m := v.truth()
			if tag != nil {
				m = aequal(tag, v)
			}
			if m == 1 {
				match = 1
				break
			}
			if m == -1 {
				match = -1
			}
		}
		run := func() astatus { return in.block(cc.Body, &ascope{vars: map[string]*binding{}, parent: sc}, fr) }
		switch {
		case match == 1 && certain:
			return run()
		case match == 1:
			return aboth(all, in.uncertain(run))
		case match == -1:
			all = aboth(all, in.uncertain(run))
			certain = false
		}
	}
	if deflt == nil {
		return goesOn
	}
	run := func() astatus { return in.block(deflt.Body, &ascope{vars: map[string]*binding{}, parent: sc}, fr) }
	if certain {
		return run()
	}
	return aboth(all, in.uncertain(run))
}

func (in *interp) values(es []ast.Expr, want int, sc *ascope) []*aval {
	if len(es) == 1 && want != 1 {
		if call, ok := es[0].(*ast.CallExpr); ok {
			return in.call(call, sc)
		}
		if want == 2 {
			// v, ok := m[k] / x.(T) / <-ch
			return []*aval{in.expr(es[0], sc), unk()}
		}
	}
	var out []*aval
	for _, e := range es {
		out = append(out, in.expr(e, sc))
	}
	return out
}

func (in *interp) assign(s *ast.AssignStmt, sc *ascope) {
	if s.Tok != token.ASSIGN && s.Tok != token.DEFINE {
		v := in.expr(s.Rhs[0], sc)
		if s.Tok == token.ADD_ASSIGN {
			v = aconcat(in.expr(s.Lhs[0], sc), v)
		} else {
			v = unk()
		}
		in.store(s.Lhs[0], v, sc)
		return
	}
	vals := in.values(s.Rhs, len(s.Lhs), sc)
	for i, l := range s.Lhs {
		v := unk()
		if i < len(vals) {
			v = vals[i]
		}
		if id, ok := l.(*ast.Ident); ok && s.Tok == token.DEFINE {
			if b := sc.vars[id.Name]; b == nil {
				sc.define(id.Name, v, in.level)
				continue
			}
		}
		in.store(l, v, sc)
	}
}

// store assigns v to an lvalue: certainly when the variable was declared
// at the present level of uncertainty, else as one more possibility.
func (in *interp) store(l ast.Expr, v *aval, sc *ascope) {
	switch l := l.(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return
		}
		if b := sc.lookup(l.Name); b != nil {
			if b.level == in.level {
				b.v = v
			} else {
				b.v = ajoin(b.v, v)
			}
		}
	case *ast.SelectorExpr:
		x := in.expr(l.X, sc)
		for _, o := range x.objs {
			if o.typ == "call" {
				continue
			}
			if len(x.objs) == 1 && in.level == 0 {
				o.fields[l.Sel.Name] = v
			} else {
				o.fields[l.Sel.Name] = ajoin(o.fields[l.Sel.Name], v)
			}
		}
	case *ast.IndexExpr:
		x := in.expr(l.X, sc)
		for _, o := range x.objs {
			if o.typ == "map" {
				// A map's values, whatever their keys.
				o.fields["*"] = ajoin(o.fields["*"], v)
			}
			if o.typ == "handlers" {
				keys, complete := in.expr(l.Index, sc).strs()
				if !complete {
					in.unresolved = append(in.unresolved, in.where(l))
				}
				for _, k := range keys {
					o.fields[k] = ajoin(o.fields[k], v)
				}
			}
		}
		for _, li := range x.lists {
			li.elems = append(li.elems, v)
			li.exact = false
		}
	case *ast.StarExpr:
		in.store(l.X, v, sc)
	case *ast.ParenExpr:
		in.store(l.X, v, sc)
	}
}

func aconcat(a, b *aval) *aval {
	as, ac := a.strs()
	bs, bc := b.strs()
	out := &aval{unknown: !ac || !bc || len(as)*len(bs) > 256}
	if out.unknown {
		return out
	}
	for _, x := range as {
		for _, y := range bs {
			out = ajoin(out, astrVal(x+y))
		}
	}
	return out
}

func (in *interp) expr(e ast.Expr, sc *ascope) *aval {
	in.steps++
	switch e := e.(type) {
	case *ast.BasicLit:
		switch e.Kind {
		case token.STRING:
			s, err := strconv.Unquote(e.Value)
			if err == nil {
				return astrVal(s)
			}
		case token.INT:
			return atomVal(aInt, e.Value)
		}
		return unk()
	case *ast.Ident:
		return in.ident(e.Name, sc)
	case *ast.ParenExpr:
		return in.expr(e.X, sc)
	case *ast.BinaryExpr:
		return in.binary(e, sc)
	case *ast.UnaryExpr:
		x := in.expr(e.X, sc)
		switch e.Op {
		case token.AND:
			return x
		case token.NOT:
			switch x.truth() {
			case 1:
				return aboolVal(false)
			case 0:
				return aboolVal(true)
			}
		}
		return unk()
	case *ast.StarExpr:
		// A copy of the struct: a change to the copy stays in it.
		x := in.expr(e.X, sc)
		out := &aval{unknown: x.unknown, atoms: x.atoms, lists: x.lists, funcs: x.funcs}
		for _, o := range x.objs {
			c := &aobj{typ: o.typ, fields: map[string]*aval{}}
			for k, v := range o.fields {
				c.fields[k] = v
			}
			out.objs = append(out.objs, c)
		}
		return out
	case *ast.CallExpr:
		r := in.call(e, sc)
		if len(r) == 0 {
			return unk()
		}
		return r[0]
	case *ast.SelectorExpr:
		return in.selector(e, sc)
	case *ast.CompositeLit:
		return in.composite(e, nil, sc)
	case *ast.FuncLit:
		return &aval{funcs: []*afunc{{lit: e, env: sc, tenv: in.tenv}}}
	case *ast.IndexExpr:
		x := in.expr(e.X, sc)
		if len(x.funcs) > 0 {
			return x // a generic function's instance
		}
		idx := in.expr(e.Index, sc)
		return aindex(x, idx)
	case *ast.IndexListExpr:
		return in.expr(e.X, sc)
	case *ast.SliceExpr:
		x := in.expr(e.X, sc)
		if len(x.lists) > 0 {
			out := &aval{unknown: x.unknown}
			for _, l := range x.lists {
				out.lists = append(out.lists, &alist{elems: l.elems})
			}
			return out
		}
		ss, complete := x.strs()
		if !complete || e.Max != nil {
			return unk()
		}
		lo, hi := -1, -1
		if e.Low != nil {
			lo = aintOf(in.expr(e.Low, sc))
		} else {
			lo = 0
		}
		if e.High != nil {
			hi = aintOf(in.expr(e.High, sc))
		}
		out := &aval{}
		for _, s := range ss {
			h := hi
			if e.High == nil {
				h = len(s)
			}
			if lo < 0 || h < lo || h > len(s) {
				return unk()
			}
			out = ajoin(out, astrVal(s[lo:h]))
		}
		return out
	case *ast.TypeAssertExpr:
		return ajoin(in.expr(e.X, sc), unk())
	case *ast.KeyValueExpr:
		return in.expr(e.Value, sc)
	}
	return unk()
}

func aintOf(v *aval) int {
	a, ok := v.single()
	if !ok || a.k != aInt {
		return -1
	}
	n, err := strconv.Atoi(a.s)
	if err != nil {
		return -1
	}
	return n
}

func aindex(x, idx *aval) *aval {
	out := &aval{unknown: x.unknown && len(x.lists) == 0 && len(x.objs) == 0}
	n := aintOf(idx)
	for _, l := range x.lists {
		if l.exact && n >= 0 && n < len(l.elems) {
			out = ajoin(out, l.elems[n])
			continue
		}
		out = ajoin(append([]*aval{out}, l.elems...)...)
		if !l.exact || n < 0 {
			out.unknown = out.unknown || len(l.elems) == 0
		}
	}
	for _, o := range x.objs {
		if o.typ == "map" {
			for _, v := range o.fields {
				out = ajoin(out, v)
			}
			out = ajoin(out, atomVal(aZero, ""))
		} else {
			out.unknown = true
		}
	}
	if len(x.atoms) > 0 {
		out.unknown = true
	}
	return out
}

func (in *interp) ident(name string, sc *ascope) *aval {
	if b := sc.lookup(name); b != nil {
		return b.v
	}
	switch name {
	case "true", "false":
		return aboolVal(name == "true")
	case "nil":
		return atomVal(aNil, "")
	}
	if v, ok := in.pk.varVals[name]; ok {
		return v
	}
	if e, ok := in.pk.vars[name]; ok {
		in.pk.varVals[name] = unk() // against cycles
		quiet := in.pk.newInterp(nil, 0, "")
		v := quiet.expr(e, &ascope{vars: map[string]*binding{}})
		in.pk.varVals[name] = v
		return v
	}
	if in.pk.consts[name] {
		return atomVal(aSym, name)
	}
	if d := in.pk.funcs[name]; d != nil {
		return &aval{funcs: []*afunc{{decl: d}}}
	}
	return unk()
}

func (in *interp) binary(e *ast.BinaryExpr, sc *ascope) *aval {
	x := in.expr(e.X, sc)
	switch e.Op {
	case token.LAND:
		if x.truth() == 0 {
			return aboolVal(false)
		}
		y := in.expr(e.Y, sc)
		if x.truth() == 1 {
			return y
		}
		if y.truth() == 0 {
			return aboolVal(false)
		}
		return unk()
	case token.LOR:
		if x.truth() == 1 {
			return aboolVal(true)
		}
		y := in.expr(e.Y, sc)
		if x.truth() == 0 {
			return y
		}
		if y.truth() == 1 {
			return aboolVal(true)
		}
		return unk()
	}
	y := in.expr(e.Y, sc)
	switch e.Op {
	case token.ADD:
		if len(x.atoms) > 0 {
			for a := range x.atoms {
				if a.k == aStr {
					return aconcat(x, y)
				}
			}
		}
	case token.EQL, token.NEQ:
		m := aequal(x, y)
		if m == -1 {
			return unk()
		}
		return aboolVal((m == 1) == (e.Op == token.EQL))
	}
	return unk()
}

func (in *interp) selector(e *ast.SelectorExpr, sc *ascope) *aval {
	if id, ok := e.X.(*ast.Ident); ok && sc.lookup(id.Name) == nil && in.pk.imports[id.Name] && in.pk.vars[id.Name] == nil {
		return atomVal(aSym, id.Name+"."+e.Sel.Name)
	}
	x := in.expr(e.X, sc)
	return in.member(x, e.Sel.Name)
}

// member is x.name: a field, or a method value.
func (in *interp) member(x *aval, name string) *aval {
	out := &aval{}
	for _, o := range x.objs {
		if v, ok := o.fields[name]; ok {
			out = ajoin(out, v)
			continue
		}
		if m := in.method(o.typ, name); m != nil {
			out = ajoin(out, &aval{funcs: []*afunc{{decl: m, recv: &aval{objs: []*aobj{o}}}}})
			continue
		}
		if o.typ == "call" {
			out.unknown = true
			continue
		}
		if v := in.promoted(o, name); v != nil {
			out = ajoin(out, v)
			continue
		}
		if containsStr(in.pk.structs[o.typ], name) {
			out = ajoin(out, atomVal(aZero, ""))
		} else {
			out.unknown = true
		}
	}
	nonNil := false
	for a := range x.atoms {
		nonNil = nonNil || a.k != aNil && a.k != aZero
	}
	if x.unknown && x.typ != "" {
		// A value of a declared type: its own method or field.
		switch m := in.method(x.typ, name); {
		case m != nil:
			recv := &aval{unknown: true, typ: x.typ, targs: x.targs}
			if recvType(m) != x.typ {
				recv = unk() // promoted from an embedded type
			}
			out = ajoin(out, &aval{funcs: []*afunc{{decl: m, recv: recv}}})
		case in.pk.fieldTy[x.typ+"."+name] != nil:
			out = ajoin(out, in.pk.typed(in.pk.fieldTy[x.typ+"."+name], in.pk.typeEnv(in.pk.tparams[x.typ], x.targs)))
		default:
			out = ajoin(out, unk())
		}
		return out
	}
	if x.unknown || nonNil {
		// A method of a value of a type the analysis does not know: any
		// method of that name.
		out.unknown = x.unknown
		for _, m := range in.pk.methods[name] {
			out = ajoin(out, &aval{funcs: []*afunc{{decl: m, recv: unk()}}})
		}
		if os.Getenv("ERRTABLE_TRACE") == "names" && len(in.pk.methods[name]) > 1 {
			fmt.Printf("by name: %s %s\n", name, in.stack[len(in.stack)-1])
		}
		if len(in.pk.methods[name]) == 0 {
			out.unknown = true
		}
	}
	return out
}

// promoted is the field or method name of a struct o embeds.
func (in *interp) promoted(o *aobj, name string) *aval {
	for _, f := range in.pk.structs[o.typ] {
		t, ok := in.pk.fieldTy[o.typ+"."+f]
		if v := o.fields[f]; ok && v != nil && atypeName(t) == f {
			if m := in.member(v, name); !m.pure() {
				return m
			}
		}
	}
	return nil
}

func containsStr(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// method is the method of the type, or of a type it embeds.
func (in *interp) method(typ, name string) *ast.FuncDecl {
	for _, m := range in.pk.methods[name] {
		if recvType(m) == typ {
			return m
		}
	}
	for _, f := range in.pk.structs[typ] {
		if t, ok := in.pk.fieldTy[typ+"."+f]; ok && atypeName(t) == f && f != typ {
			if m := in.method(f, name); m != nil {
				return m
			}
		}
	}
	return nil
}

// composite is a composite literal; elem is its type when the literal
// leaves it out (an element of a slice or map literal).
func (in *interp) composite(e *ast.CompositeLit, elem ast.Expr, sc *ascope) *aval {
	t := e.Type
	if t == nil {
		t = elem
	}
	typ := atypeName(t)
	var elemType ast.Expr
	var fields []string
	isStruct := false
	switch tt := unstar(t).(type) {
	case *ast.ArrayType:
		elemType = tt.Elt
		typ = ""
	case *ast.MapType:
		elemType = tt.Value
		typ = "map"
	case *ast.StructType:
		isStruct = true
		for _, f := range tt.Fields.List {
			for _, n := range f.Names {
				fields = append(fields, n.Name)
			}
		}
	}
	val := func(x ast.Expr) *aval {
		if cl, ok := x.(*ast.CompositeLit); ok && cl.Type == nil {
			return in.composite(cl, elemType, sc)
		}
		if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if cl, ok := u.X.(*ast.CompositeLit); ok && cl.Type == nil {
				return in.composite(cl, elemType, sc)
			}
		}
		return in.expr(x, sc)
	}
	if typ == "map" {
		o := &aobj{typ: "map", fields: map[string]*aval{}}
		for i, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				o.fields[strconv.Itoa(i)] = val(kv.Value)
			}
		}
		return &aval{objs: []*aobj{o}}
	}
	if !isStruct {
		fields, isStruct = in.pk.structs[typ]
	}
	if !isStruct {
		l := &alist{exact: true}
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if n := aintOf(in.expr(kv.Key, sc)); n >= 0 && n == len(l.elems) {
					l.elems = append(l.elems, val(kv.Value))
					continue
				}
				l.exact = false
				l.elems = append(l.elems, val(kv.Value))
				continue
			}
			l.elems = append(l.elems, val(el))
		}
		return &aval{lists: []*alist{l}}
	}
	o := &aobj{typ: typ, fields: map[string]*aval{}}
	if t != nil {
		o.targs = in.pk.targsOf(t, in.tenv)
	}
	for i, el := range e.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				o.fields[id.Name] = in.expr(kv.Value, sc)
			}
			continue
		}
		if i < len(fields) {
			o.fields[fields[i]] = in.expr(el, sc)
		}
	}
	if typ == "apiError" {
		in.emit(o.fields["Code"], e)
	}
	return &aval{objs: []*aobj{o}}
}

var builtinTypes = map[string]bool{
	"string": true, "int": true, "int64": true, "uint8": true, "byte": true, "rune": true,
	"bool": true, "float64": true, "any": true, "uint32": true, "int32": true, "uint64": true,
}

func (in *interp) call(e *ast.CallExpr, sc *ascope) []*aval {
	// Conversions.
	switch f := e.Fun.(type) {
	case *ast.Ident:
		if sc.lookup(f.Name) == nil && (builtinTypes[f.Name] || in.pk.types[f.Name]) && len(e.Args) == 1 {
			return []*aval{in.expr(e.Args[0], sc)}
		}
		if sc.lookup(f.Name) == nil {
			switch f.Name {
			case "append":
				return []*aval{in.appendCall(e, sc)}
			case "len", "cap", "make", "new", "copy", "delete", "panic", "recover", "min", "max", "clear", "print", "println":
				for _, a := range e.Args {
					in.expr(a, sc)
				}
				if f.Name == "make" || f.Name == "new" {
					return []*aval{{objs: []*aobj{{typ: "map", fields: map[string]*aval{"*": unk()}}}, lists: []*alist{{elems: []*aval{unk()}}}}}
				}
				return []*aval{unk()}
			}
		}
	case *ast.ArrayType, *ast.MapType, *ast.InterfaceType, *ast.FuncType, *ast.ChanType:
		if len(e.Args) == 1 {
			return []*aval{in.expr(e.Args[0], sc)}
		}
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok && sc.lookup(id.Name) == nil && in.pk.imports[id.Name] && in.pk.vars[id.Name] == nil {
			return []*aval{in.stdlib(id.Name+"."+f.Sel.Name, e, sc)}
		}
	case *ast.ParenExpr:
		if _, ok := f.X.(*ast.StarExpr); ok && len(e.Args) == 1 {
			return []*aval{in.expr(e.Args[0], sc)}
		}
	}
	fn := in.expr(e.Fun, sc)
	args := make([]*aval, len(e.Args))
	for i, a := range e.Args {
		args[i] = in.expr(a, sc)
	}
	var out []*aval
	for _, f := range fn.funcs {
		in.site = e.Pos()
		r := in.invoke(f, args, e.Ellipsis.IsValid())
		for i, v := range r {
			if i < len(out) {
				out[i] = ajoin(out[i], v)
			} else {
				out = append(out, v)
			}
		}
	}
	if fn.unknown || len(fn.funcs) == 0 {
		for i := range out {
			out[i] = ajoin(out[i], unk())
		}
		if len(out) == 0 {
			out = []*aval{unk(), unk(), unk(), unk()}
		}
	}
	return out
}

func (in *interp) appendCall(e *ast.CallExpr, sc *ascope) *aval {
	base := in.expr(e.Args[0], sc)
	var extra []*aval
	exact := true
	for i, a := range e.Args[1:] {
		v := in.expr(a, sc)
		if e.Ellipsis.IsValid() && i == len(e.Args)-2 {
			if len(v.lists) == 1 && v.lists[0].exact && !v.unknown {
				extra = append(extra, v.lists[0].elems...)
			} else {
				exact = false
				for _, l := range v.lists {
					extra = append(extra, l.elems...)
				}
				if v.unknown {
					extra = append(extra, unk())
				}
			}
			continue
		}
		extra = append(extra, v)
	}
	out := &aval{}
	if base.unknown && len(base.lists) == 0 {
		return &aval{lists: []*alist{{elems: append([]*aval{unk()}, extra...)}}}
	}
	if z, ok := base.single(); ok && (z.k == aNil || z.k == aZero) {
		return &aval{lists: []*alist{{elems: extra, exact: exact}}}
	}
	for _, l := range base.lists {
		elems := append(append([]*aval(nil), l.elems...), extra...)
		out.lists = append(out.lists, &alist{elems: elems, exact: exact && l.exact && !base.unknown})
	}
	if len(base.atoms) > 0 {
		out.lists = append(out.lists, &alist{elems: extra, exact: false})
	}
	return out
}

// stdlib answers the few library functions codes are built with.
func (in *interp) stdlib(name string, e *ast.CallExpr, sc *ascope) *aval {
	args := make([]*aval, len(e.Args))
	for i, a := range e.Args {
		args[i] = in.expr(a, sc)
	}
	str1 := func(f func(string) string) *aval {
		ss, complete := args[0].strs()
		if !complete {
			return unk()
		}
		out := &aval{}
		for _, s := range ss {
			out = ajoin(out, astrVal(f(s)))
		}
		return out
	}
	switch name {
	case "strings.ToUpper":
		return str1(strings.ToUpper)
	case "strings.ToLower":
		return str1(strings.ToLower)
	case "strings.TrimSpace":
		return str1(strings.TrimSpace)
	case "strconv.Itoa":
		a, ok := args[0].single()
		if ok && a.k == aInt {
			return astrVal(a.s)
		}
		return unk()
	case "strings.Split":
		a, ok := args[0].single()
		b, okb := args[1].single()
		if ok && okb && (a.k == aStr || a.k == aZero) && b.k == aStr {
			if a.s == "" {
				return &aval{lists: []*alist{{elems: []*aval{astrVal("")}, exact: true}}}
			}
			l := &alist{exact: true}
			for _, p := range strings.Split(a.s, b.s) {
				l.elems = append(l.elems, astrVal(p))
			}
			return &aval{lists: []*alist{l}}
		}
		return &aval{lists: []*alist{{elems: []*aval{unk()}}}}
	}
	// Functions given to the library run, and may build errors.
	for _, a := range args {
		for _, f := range a.funcs {
			in.uncertain(func() astatus { in.invoke(f, nil, false); return goesOn })
		}
	}
	return unk()
}

// TestErrorTableAnalysis runs the analysis on a small package of the
// constructs it must follow (testdata/errtable) and checks the table.
func TestErrorTableAnalysis(t *testing.T) {
	tab, err := computeErrorTable(filepath.Join("testdata", "errtable"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range tab {
		got = append(got, fmt.Sprintf("%s %s: %s", r.style, r.action, strings.Join(r.codes, ", ")))
		if len(r.unresolved) > 0 {
			t.Errorf("%s %s: unresolved %v", r.style, r.action, r.unresolved)
		}
	}
	want := []string{
		"v3 CreateVpc: FromParameter",
		"v3 DeleteVpc: InvalidParameter, ResourceNotFound, VpcCheck",
		"v3 ModifyVpcAttribute: FromList",
		"legacy DeleteVpc: LegacyOnly, ResourceNotFound, VpcCheck",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("table:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
