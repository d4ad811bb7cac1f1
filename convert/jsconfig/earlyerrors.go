package jsconfig

import (
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// earlyError finds the top-level declaration errors JavaScript reports before running a script
// and goja's parser lets through: a `const` without an initializer, and a name declared twice
// when either declaration is `let`, `const` or `class` (`var` and function declarations may
// repeat), and an `export` that does not start a statement. Without this check the static reader would read a file that cannot run
// (FuzzStaticVsEval found `const a\nconst a`).
func earlyError(p *parsed) *EvalError {
	lexicalNames := map[string]bool{} // every declared name: whether it was let/const/class
	declare := func(id *ast.Identifier, lexical bool) *EvalError {
		name := id.Name.String()
		if name == syntheticDefault {
			// `export default` was rewritten in place to an assignment to this name; it is
			// declared only when the export followed a comma inside a declaration
			// (`const a = {}, export default a`), which is no statement start: a syntax error.
			return &EvalError{Rule: RuleSyntax, Offset: offset(id.Idx0()),
				Message: "JavaScript syntax error: unexpected \"export\" (an export must start a statement)"}
		}
		if wasLexical, ok := lexicalNames[name]; ok && (wasLexical || lexical) {
			return &EvalError{Rule: RuleSyntax, Offset: offset(id.Idx0()),
				Message: "JavaScript syntax error: identifier \"" + name + "\" has already been declared"}
		}
		lexicalNames[name] = lexicalNames[name] || lexical
		return nil
	}
	for _, st := range p.prog.Body {
		switch s := st.(type) {
		case *ast.LexicalDeclaration:
			for _, b := range s.List {
				id, ok := b.Target.(*ast.Identifier)
				if !ok {
					continue
				}
				if s.Token == token.CONST && b.Initializer == nil {
					return &EvalError{Rule: RuleSyntax, Offset: offset(id.Idx0()),
						Message: "JavaScript syntax error: missing initializer in const declaration of \"" + id.Name.String() + "\""}
				}
				if err := declare(id, true); err != nil {
					return err
				}
			}
		case *ast.VariableStatement:
			for _, b := range s.List {
				if id, ok := b.Target.(*ast.Identifier); ok {
					if err := declare(id, false); err != nil {
						return err
					}
				}
			}
		case *ast.FunctionDeclaration:
			if s.Function != nil && s.Function.Name != nil {
				if err := declare(s.Function.Name, false); err != nil {
					return err
				}
			}
		case *ast.ClassDeclaration:
			if s.Class != nil && s.Class.Name != nil {
				if err := declare(s.Class.Name, true); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
