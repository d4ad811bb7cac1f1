package jsconfig

import (
	"github.com/dop251/goja/ast"
)

// Script is a JavaScript config file prepared for evaluation: parsed (ES module syntax
// rewritten to what the prelude declares) and with its export found. It is what an evaluator
// that runs JavaScript (package sandbox) needs from this package, so that an evaluation reads
// the same export as the static reader, and points its failures at the same places.
type Script struct {
	p     *parsed
	site  site
	found bool
}

// prelude declares what CommonJS and rewritten ES module files assign to.
const prelude = `var module = { exports: {} }; var exports = module.exports; var ` + syntheticDefault + `;`

// PrepareScript parses the file name with source src for evaluation. A file that cannot be
// evaluated (a syntax error, TypeScript, nesting too deep to parse safely) is an *EvalError.
func PrepareScript(name string, src []byte) (*Script, error) {
	p, ferr := parseSource(name, src)
	if ferr != nil {
		return nil, ferr
	}
	s, found := findExport(indexProgram(p))
	return &Script{p: p, site: s, found: found}, nil
}

// Program is the parsed program, to compile and run after Prelude.
func (s *Script) Program() *ast.Program { return s.p.prog }

// Name is the file name the program was parsed under (stack frames carry it).
func (s *Script) Name() string { return s.p.prog.File.Name() }

// Prelude is JavaScript to run before the program: it declares module, exports and the
// variable a rewritten `export default` assigns.
func (s *Script) Prelude() string { return prelude }

// ExportExpression is a JavaScript expression that, run after the program, reads the exported
// value: the export the static reader recognised, else whatever the script exported.
func (s *Script) ExportExpression() string {
	if s.found {
		return s.site.access
	}
	return "(" + syntheticDefault + " !== undefined ? " + syntheticDefault + " : module.exports)"
}

// ExportOffset is the byte offset of the export statement, where failures about the exported
// value point.
func (s *Script) ExportOffset() int { return s.site.off }

// CheckExported returns the finding (an *EvalError) for an exported value whose JSON text is
// json, or nil: a script with no export the static reader recognises whose module.exports
// stayed `{}` exports nothing.
func (s *Script) CheckExported(json string) error {
	if !s.found && json == "{}" {
		return noExport(s.p)
	}
	return nil
}

// ThrowOffset returns the byte offset of a 1-based line and column of the program (a stack
// frame's position), moved from a call's "(" back to the start of the callee:
// `process.exit(1)` points at `process`.
func (s *Script) ThrowOffset(line, column int) int {
	src := s.p.src
	off := offsetOf(src, line, column)
	if off < len(src) && src[off] == '(' {
		j := off
		for j > 0 && (src[j-1] == ' ' || src[j-1] == '\t') {
			j--
		}
		k := j
		for k > 0 && (isIdentByte(src[k-1]) || src[k-1] == '.') {
			k--
		}
		if k < j {
			off = k
		}
	}
	return off
}
