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
		next := child(e, tok)
		if next == nil {
			break
		}
		e, at = l.deref(next, at)
	}
	off := st.site.off
	if e != nil {
		off = offset(e.Idx0())
	}
	return st.r.lines.Pos(off, pointer)
}

// deref follows identifiers to the literal they were declared with.
func (l *locator) deref(e ast.Expression, at point) (ast.Expression, point) {
	for range maxNesting {
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

// child returns the expression of member tok of an object or array literal, or nil.
func child(e ast.Expression, tok string) ast.Expression {
	switch x := e.(type) {
	case *ast.ObjectLiteral:
		var found ast.Expression
		for _, prop := range x.Value {
			switch p := prop.(type) {
			case *ast.PropertyKeyed:
				if k, ok := keyName(p); ok && k == tok {
					found = p.Value
					if p.Kind != ast.PropertyKindValue {
						found = p
					}
				}
			case *ast.PropertyShort:
				if p.Name.Name.String() == tok {
					found = &p.Name
				}
			}
		}
		return found
	case *ast.ArrayLiteral:
		n, err := strconv.Atoi(tok)
		if err != nil || n < 0 || n >= len(x.Value) || strings.HasPrefix(tok, "+") {
			return nil
		}
		for _, el := range x.Value[:n+1] {
			if _, spread := el.(*ast.SpreadElement); spread {
				return nil
			}
		}
		if x.Value[n] == nil {
			return nil
		}
		return x.Value[n]
	}
	return nil
}
