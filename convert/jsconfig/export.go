package jsconfig

import (
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// siteKind says how a file exports its configuration object.
type siteKind int

const (
	// siteDefault: `export default X` (rewritten to an assignment to syntheticDefault).
	siteDefault siteKind = iota
	// siteBinding: `export { X as default }`: the final value of X.
	siteBinding
	// siteModule: `module.exports = X`, `module.exports = {default: X}`, `exports.default = X`.
	siteModule
	// siteDeclaration: a top-level `var`/`let`/`const awsmobile = {...}` with no export.
	siteDeclaration
)

// conventionalName is the variable the Amplify CLI (and Mobile Hub before it) declares.
const conventionalName = "awsmobile"

// site is where the exported configuration object comes from.
type site struct {
	kind siteKind
	// expr is the exported expression, evaluated at point at.
	expr ast.Expression
	at   point
	// off is the offset of the export statement (the fallback position).
	off int
	// access is a JavaScript expression that reads the exported value once the script ran.
	access string
}

// findExport picks the exported object: `export default` first, then CommonJS exports, then
// the conventional awsmobile variable. Among statements of one kind the last one wins, as it
// would at run time.
func findExport(g *program) (site, bool) {
	var best site
	found := false
	take := func(s site) {
		if !found || s.kind <= best.kind {
			best, found = s, true
		}
	}
	if g.defaultBinding != "" {
		id := &ast.Identifier{Name: unistringOf(g.defaultBinding), Idx: idx(g.defaultBindingOff)}
		take(site{kind: siteBinding, expr: id, at: g.end, off: g.defaultBindingOff, access: g.defaultBinding})
	}
	for i, st := range g.prog.Body {
		es, ok := st.(*ast.ExpressionStatement)
		if !ok {
			continue
		}
		a, ok := es.Expression.(*ast.AssignExpression)
		if !ok || a.Operator != token.ASSIGN {
			continue
		}
		off := offset(a.Idx0())
		at := point{stmt: i}
		base, path, _ := memberChain(a.Left)
		switch {
		case isIdent(a.Left, syntheticDefault):
			take(site{kind: siteDefault, expr: a.Right, at: at, off: off, access: syntheticDefault})
		case base == "module" && len(path) == 1 && path[0] == "exports":
			s := site{kind: siteModule, expr: a.Right, at: at, off: off, access: "module.exports"}
			if v, ok := propertyNamed(a.Right, "default"); ok {
				s.expr, s.access = v, "module.exports.default"
			}
			take(s)
		case base == "exports" && len(path) == 1 && path[0] == "default",
			base == "module" && len(path) == 2 && path[0] == "exports" && path[1] == "default":
			take(site{kind: siteModule, expr: a.Right, at: at, off: off, access: "module.exports.default"})
		}
	}
	if !found {
		if ds := g.decls[conventionalName]; len(ds) > 0 {
			d := ds[len(ds)-1]
			take(site{kind: siteDeclaration, expr: d.name, at: g.end, off: offset(d.name.Idx0()), access: conventionalName})
		}
	}
	return best, found
}

// propertyNamed returns the value of the (last) plain property called name of an object
// literal.
func propertyNamed(e ast.Expression, name string) (ast.Expression, bool) {
	obj, ok := e.(*ast.ObjectLiteral)
	if !ok {
		return nil, false
	}
	var v ast.Expression
	for _, p := range obj.Value {
		switch p := p.(type) {
		case *ast.PropertyKeyed:
			if k, ok := keyName(p); ok && k == name && p.Kind == ast.PropertyKindValue {
				v = p.Value
			}
		case *ast.PropertyShort:
			if p.Name.Name.String() == name {
				v = &p.Name
			}
		}
	}
	return v, v != nil
}

// isIdent reports whether e is the identifier name.
func isIdent(e ast.Expression, name string) bool {
	id, ok := e.(*ast.Identifier)
	return ok && id.Name.String() == name
}
