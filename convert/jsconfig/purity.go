package jsconfig

import "github.com/dop251/goja/ast"

// literalOnly reports whether a program only declares variables with literal initializers,
// assigns literals to its export and holds empty statements or directives: nothing else runs,
// so its static reading is exactly what evaluating it gives.
func literalOnly(st *static) bool {
	g := st.g
	r := newReader(g, st.r.lines)
	for i, stmt := range g.prog.Body {
		at := point{stmt: i}
		switch s := stmt.(type) {
		case *ast.EmptyStatement:
		case *ast.VariableStatement:
			if !literalBindings(r, s.List, i) {
				return false
			}
		case *ast.LexicalDeclaration:
			if !literalBindings(r, s.List, i) {
				return false
			}
		case *ast.ExpressionStatement:
			switch e := s.Expression.(type) {
			case *ast.StringLiteral: // "use strict"
			case *ast.AssignExpression:
				if !isIdent(e.Left, syntheticDefault) {
					if base, path, _ := memberChain(e.Left); base != "module" && base != "exports" || len(path) == 0 {
						return false
					}
				}
				if r.read(e.Right, "", at, 0); len(r.nonLiteral) > 0 || r.failure != nil {
					return false
				}
			default:
				return false
			}
		default:
			return false
		}
	}
	return true
}

// literalBindings reports whether every binding of a declaration has a literal initializer
// (or none) and a plain identifier target.
func literalBindings(r *reader, list []*ast.Binding, stmt int) bool {
	for j, b := range list {
		if _, ok := b.Target.(*ast.Identifier); !ok {
			return false
		}
		if b.Initializer != nil {
			if r.read(b.Initializer, "", point{stmt, j}, 0); len(r.nonLiteral) > 0 || r.failure != nil {
				return false
			}
		}
	}
	return true
}
