package jsconfig

import (
	"strconv"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// locator finds the position of a JSON Pointer into the exported value by walking the same
// path through the AST. A pointer that does not fully resolve gives the position of its
// deepest ancestor that does.
type locator struct {
	st *static
}

// locator returns the Locator for the read value.
func (s *static) locator() validate.Locator { return &locator{st: s} }

// PosOf returns the position of the value at pointer.
func (l *locator) PosOf(pointer string) schema.Pos {
	st := l.st
	e, at := st.site.expr, st.site.at
	toks := validate.SplitPointer(pointer)
	// Start from the longest member assignment that covers the pointer.
	start := 0
	for i := len(toks); i > 0; i-- {
		if o, ok := st.overrides[validate.JoinPointer(toks[:i]...)]; ok {
			e, at, start = o.expr, o.at, i
			break
		}
	}
	e, at = l.deref(e, at)
	for _, tok := range toks[start:] {
		next, nextAt := l.child(e, at, tok, 0)
		if next == nil {
			break
		}
		e, at = l.deref(next, nextAt)
	}
	off := st.site.off
	if e != nil {
		off = offset(e.Idx0())
	}
	return st.r.lines.Pos(off, pointer)
}

// deref follows identifiers to the literal they were declared with.
func (l *locator) deref(e ast.Expression, at point) (ast.Expression, point) {
	for range MaxNesting {
		id, ok := e.(*ast.Identifier)
		if !ok {
			break
		}
		d, ok := l.st.g.lookup(id.Name.String(), at)
		if !ok || d.init == nil || d.code {
			break
		}
		e, at = d.init, d.at
	}
	return e, at
}

// child returns the expression of member tok of an object or array literal (and the scope it
// is read in), or nil. In an object, the last member named tok wins, whether written in the
// literal or brought in by a spread of another literal (`{...base, x: 1}`).
func (l *locator) child(e ast.Expression, at point, tok string, spreads int) (ast.Expression, point) {
	if spreads > MaxNesting { // `const a = {...a}` spreads itself
		return nil, at
	}
	switch x := e.(type) {
	case *ast.ObjectLiteral:
		var found ast.Expression
		foundAt := at
		for _, prop := range x.Value {
			switch p := prop.(type) {
			case *ast.SpreadElement:
				src, srcAt := l.deref(p.Expression, at)
				if v, vAt := l.child(src, srcAt, tok, spreads+1); v != nil {
					found, foundAt = v, vAt
				}
				continue
			case *ast.PropertyKeyed:
				if k, ok := keyName(p); ok && k == tok {
					found, foundAt = p.Value, at
					if p.Kind != ast.PropertyKindValue {
						found = p
					}
				}
			case *ast.PropertyShort:
				if p.Name.Name.String() == tok {
					found, foundAt = &p.Name, at
				}
			}
		}
		return found, foundAt
	case *ast.ArrayLiteral:
		n, err := strconv.Atoi(tok)
		if err != nil || n < 0 || n >= len(x.Value) || strings.HasPrefix(tok, "+") {
			return nil, at
		}
		for _, el := range x.Value[:n+1] {
			if _, spread := el.(*ast.SpreadElement); spread {
				return nil, at
			}
		}
		if x.Value[n] == nil {
			return nil, at
		}
		return x.Value[n], at
	}
	return nil, at
}
