package jsconfig

import (
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// point is where in the top-level program an expression is evaluated: statement index, then
// binding index inside a declaration list. Identifiers resolve only to declarations made
// before the point that uses them, as when the script runs.
type point struct{ stmt, bind int }

// before reports whether p comes strictly before q.
func (p point) before(q point) bool { return p.stmt < q.stmt || p.stmt == q.stmt && p.bind < q.bind }

// declaration is one top-level variable binding with a plain identifier target.
type declaration struct {
	at   point
	name *ast.Identifier
	// init is the initializer (nil for `let x;`); code is true for function and class
	// declarations, whose value is never a literal.
	init ast.Expression
	code bool
}

// mutation is a top-level `X.a.b = value` statement.
type mutation struct {
	at    point
	base  string
	path  []string // nil when the member chain is not static
	value ast.Expression
	stmt  ast.Expression
}

// program indexes the top-level declarations and assignments of a parsed file.
type program struct {
	*parsed
	decls     map[string][]declaration
	assigned  map[string]bool // identifiers assigned (=, +=, ++) anywhere in top-level statements
	mutations []mutation
	end       point
}

// indexProgram collects declarations, reassignments and member mutations.
func indexProgram(p *parsed) *program {
	g := &program{parsed: p, decls: map[string][]declaration{}, assigned: map[string]bool{},
		end: point{stmt: len(p.prog.Body)}}
	for i, st := range p.prog.Body {
		var list []*ast.Binding
		switch s := st.(type) {
		case *ast.VariableStatement:
			list = s.List
		case *ast.LexicalDeclaration:
			list = s.List
		case *ast.FunctionDeclaration:
			if s.Function != nil && s.Function.Name != nil {
				g.decls[s.Function.Name.Name.String()] = append(g.decls[s.Function.Name.Name.String()],
					declaration{at: point{i, 0}, name: s.Function.Name, code: true})
			}
		case *ast.ClassDeclaration:
			if s.Class != nil && s.Class.Name != nil {
				g.decls[s.Class.Name.Name.String()] = append(g.decls[s.Class.Name.Name.String()],
					declaration{at: point{i, 0}, name: s.Class.Name, code: true})
			}
		case *ast.ExpressionStatement:
			if a, ok := s.Expression.(*ast.AssignExpression); ok && a.Operator == token.ASSIGN {
				if base, path, ok := memberChain(a.Left); ok && base != "" {
					g.mutations = append(g.mutations, mutation{at: point{i, 0}, base: base, path: path, value: a.Right, stmt: a})
				}
			}
		}
		for j, b := range list {
			if id, ok := b.Target.(*ast.Identifier); ok {
				name := id.Name.String()
				g.decls[name] = append(g.decls[name], declaration{at: point{i, j}, name: id, init: b.Initializer})
			}
		}
		g.scanAssignments(st, 0)
	}
	return g
}

// memberChain splits `X.a["b"].c` into X and [a b c]; ok is false when left is not a member
// expression. path is nil when a member is computed from a non-literal.
func memberChain(left ast.Expression) (base string, path []string, ok bool) {
	static := true
	for {
		switch e := left.(type) {
		case *ast.DotExpression:
			path = append([]string{e.Identifier.Name.String()}, path...)
			left, ok = e.Left, true
		case *ast.BracketExpression:
			if s, isStr := e.Member.(*ast.StringLiteral); isStr {
				path = append([]string{s.Value.String()}, path...)
			} else if n, isNum := e.Member.(*ast.NumberLiteral); isNum {
				path = append([]string{numberText(n)}, path...)
			} else {
				static = false
			}
			left, ok = e.Left, true
		case *ast.Identifier:
			if !static {
				path = nil
			}
			return e.Name.String(), path, ok
		default:
			return "", nil, false
		}
	}
}

// scanAssignments records identifiers assigned in statement st (bounded recursion into
// blocks and control flow; expressions are only looked at in statement position).
func (g *program) scanAssignments(st ast.Statement, depth int) {
	if st == nil || depth > MaxNesting {
		return
	}
	switch s := st.(type) {
	case *ast.ExpressionStatement:
		g.scanExpression(s.Expression)
	case *ast.BlockStatement:
		for _, b := range s.List {
			g.scanAssignments(b, depth+1)
		}
	case *ast.IfStatement:
		g.scanAssignments(s.Consequent, depth+1)
		g.scanAssignments(s.Alternate, depth+1)
	case *ast.TryStatement:
		if s.Body != nil {
			g.scanAssignments(s.Body, depth+1)
		}
		if s.Catch != nil && s.Catch.Body != nil {
			g.scanAssignments(s.Catch.Body, depth+1)
		}
		if s.Finally != nil {
			g.scanAssignments(s.Finally, depth+1)
		}
	case *ast.ForStatement:
		g.scanAssignments(s.Body, depth+1)
	case *ast.ForInStatement:
		g.scanAssignments(s.Body, depth+1)
	case *ast.ForOfStatement:
		g.scanAssignments(s.Body, depth+1)
	case *ast.WhileStatement:
		g.scanAssignments(s.Body, depth+1)
	case *ast.DoWhileStatement:
		g.scanAssignments(s.Body, depth+1)
	case *ast.LabelledStatement:
		g.scanAssignments(s.Statement, depth+1)
	case *ast.SwitchStatement:
		for _, c := range s.Body {
			for _, b := range c.Consequent {
				g.scanAssignments(b, depth+1)
			}
		}
	}
}

// scanExpression records the identifiers an expression statement assigns.
func (g *program) scanExpression(e ast.Expression) {
	switch x := e.(type) {
	case *ast.AssignExpression:
		if id, ok := x.Left.(*ast.Identifier); ok {
			g.assigned[id.Name.String()] = true
		}
		g.scanExpression(x.Right)
	case *ast.UnaryExpression:
		if id, ok := x.Operand.(*ast.Identifier); ok && (x.Operator == token.INCREMENT || x.Operator == token.DECREMENT) {
			g.assigned[id.Name.String()] = true
		}
	case *ast.SequenceExpression:
		for _, s := range x.Sequence {
			g.scanExpression(s)
		}
	}
}

// lookup returns the last declaration of name made before at.
func (g *program) lookup(name string, at point) (declaration, bool) {
	var found declaration
	ok := false
	for _, d := range g.decls[name] {
		if d.at.before(at) {
			found, ok = d, true
		}
	}
	return found, ok
}
