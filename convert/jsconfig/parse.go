package jsconfig

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
)

// syntheticDefault is the variable `export default` is rewritten to assign, so that goja's
// script parser accepts ES module files. It must fit in the 14 bytes of "export default".
const syntheticDefault = "$__default"

// maxRewrites bounds the parse-rewrite-parse loop (one round per export or import statement).
const maxRewrites = 200

// parsed is a JavaScript file parsed by goja, after ES module syntax was rewritten in place.
type parsed struct {
	// src is the rewritten source: byte for byte as long as the input, so every offset goja
	// reports is an offset into the original file.
	src  []byte
	prog *ast.Program
	// defaultBinding is X of `export { X as default }` (a live binding: its final value is
	// exported), at offset defaultBindingOff.
	defaultBinding    string
	defaultBindingOff int
	// reexport is the offset of an `export ... from '...'` statement, or -1.
	reexport int
	// importOff is the offset of the first import statement, or -1.
	importOff int
	// parses counts goja's parses of the file (tests check that the generated file takes one).
	parses int
}

// parseSource parses a JavaScript file. Problems that stop reading (syntax errors, TypeScript,
// inputs too deep to parse safely) come back as an *EvalError with an offset into data.
func parseSource(name string, data []byte) (*parsed, *EvalError) {
	return parseSourceGuessing(name, data, true)
}

// parseSourceGuessing is parseSource, guessing line-start `export default` statements before
// the first parse when guessExports is set (see guessDefaultExports); tests compare both.
func parseSourceGuessing(name string, data []byte, guessExports bool) (*parsed, *EvalError) {
	if off, msg := checkComplexity(data); off >= 0 {
		return nil, &EvalError{Rule: RuleTooComplex, Message: msg, Offset: off}
	}
	if isDeclarationFile(name) {
		return nil, &EvalError{Rule: RuleTypeScript, Offset: skipSpace(data, 0), Message: "this is a TypeScript " +
			"declaration file (.d.ts): it declares types and holds no configuration; point the tool at the " +
			"JavaScript file it describes (aws-exports.js)"}
	}
	p := &parsed{src: bytes.Clone(data), reexport: -1, importOff: -1}
	if guessExports {
		guesses := p.guessDefaultExports()
		// More guesses than the loop allows rewrites would hide its "too complex" finding.
		if len(guesses) > 0 && len(guesses) <= maxRewrites {
			prog, err := parser.ParseFile(nil, name, string(p.src), 0, parser.WithDisableSourceMaps)
			p.parses++
			if err == nil && confirmDefaultExports(prog, guesses) {
				p.prog = prog
				return p, nil
			}
		}
		if len(guesses) > 0 { // a wrong guess: start again from the file
			p = &parsed{src: bytes.Clone(data), reexport: -1, importOff: -1, parses: p.parses}
		}
	}
	for round := 0; ; round++ {
		prog, err := parser.ParseFile(nil, name, string(p.src), 0, parser.WithDisableSourceMaps)
		p.parses++
		if err == nil {
			p.prog = prog
			return p, nil
		}
		off, msg := errorOffset(p.src, err)
		if msg == "Unexpected reserved word" && round < maxRewrites {
			var ferr *EvalError
			switch w, _ := word(p.src, off); w {
			case "export":
				ferr = p.rewriteExport(off)
			case "import":
				ferr = p.rewriteImport(off)
			default:
				ferr = p.syntaxError(name, off, msg)
			}
			if ferr != nil {
				return nil, ferr
			}
			continue
		}
		if round >= maxRewrites {
			return nil, &EvalError{Rule: RuleTooComplex, Offset: off,
				Message: fmt.Sprintf("more than %d export and import statements; no configuration file has that many", maxRewrites)}
		}
		return nil, p.syntaxError(name, off, msg)
	}
}

// isDeclarationFile reports whether name is a TypeScript declaration file.
func isDeclarationFile(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".d.ts") || strings.HasSuffix(n, ".d.mts") || strings.HasSuffix(n, ".d.cts")
}

// isTypeScriptName reports whether name has a TypeScript extension.
func isTypeScriptName(name string) bool {
	n := strings.ToLower(name)
	for _, ext := range []string{".ts", ".mts", ".cts", ".tsx"} {
		if strings.HasSuffix(n, ext) {
			return true
		}
	}
	return false
}

// errorOffset returns the byte offset and message of goja's first parse error.
func errorOffset(src []byte, err error) (int, string) {
	var list parser.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return offsetOf(src, list[0].Position.Line, list[0].Position.Column), list[0].Message
	}
	var one *parser.Error
	if errors.As(err, &one) {
		return offsetOf(src, one.Position.Line, one.Position.Column), one.Message
	}
	return 0, err.Error()
}

// offsetOf converts goja's 1-based line and byte column into a byte offset. goja ends lines
// at "\n", "\r\n", "\r", U+2028 and U+2029.
func offsetOf(src []byte, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		next := nextLineStart(src[off:])
		if next < 0 {
			return len(src)
		}
		off += next
	}
	return min(max(off+col-1, 0), len(src))
}

// nextLineStart mirrors goja's file.findNextLineStart.
func nextLineStart(s []byte) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				return i + 2
			}
			return i + 1
		case '\n':
			return i + 1
		case 0xE2: // U+2028 and U+2029 are E2 80 A8 and E2 80 A9
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				return i + 3
			}
		}
	}
	return -1
}

// rewriteExport rewrites the export statement at off into plain script syntax, keeping every
// byte position.
func (p *parsed) rewriteExport(off int) *EvalError {
	src := p.src
	i := skipSpace(src, off+len("export"))
	w, end := word(src, i)
	switch w {
	case "default":
		blank(src, off, end)
		copy(src[off:], syntheticDefault+"=")
		return nil
	case "const", "let", "var", "function", "class", "async":
		blank(src, off, off+len("export"))
		return nil
	case "type", "interface", "declare", "enum", "namespace", "abstract":
		return typeScriptError(i, fmt.Sprintf("an exported %q declaration", w))
	case "":
		if i < len(src) && src[i] == '{' {
			return p.rewriteExportClause(off, i)
		}
		if i < len(src) && src[i] == '*' {
			if end := skipFrom(src, i+1); end > 0 {
				blank(src, off, end)
				p.reexport = off
				return nil
			}
		}
	}
	return &EvalError{Rule: RuleSyntax, Offset: i, Message: "JavaScript syntax error: unexpected token after \"export\""}
}

// rewriteExportClause handles `export { a, b as default } [from '...']`, whose brace opens at
// brace.
func (p *parsed) rewriteExportClause(off, brace int) *EvalError {
	src := p.src
	bad := &EvalError{Rule: RuleSyntax, Offset: brace, Message: "JavaScript syntax error: malformed export list"}
	binding, bindingOff := "", -1
	j := brace + 1
	for {
		j = skipSpace(src, j)
		if j < len(src) && src[j] == '}' {
			j++
			break
		}
		local, e := word(src, j)
		if local == "" {
			return bad
		}
		localOff := j
		exported := local
		j = skipSpace(src, e)
		if w, e2 := word(src, j); w == "as" {
			j = skipSpace(src, e2)
			if exported, e = word(src, j); exported == "" {
				return bad
			}
			j = skipSpace(src, e)
		}
		if exported == "default" {
			binding, bindingOff = local, localOff
		}
		if j < len(src) && src[j] == ',' {
			j++
			continue
		}
		if j < len(src) && src[j] == '}' {
			j++
			break
		}
		return bad
	}
	if end := skipFrom(src, j); end > 0 {
		blank(src, off, end)
		p.reexport = off
		return nil
	}
	blank(src, off, j)
	if binding != "" && binding != "default" {
		p.defaultBinding, p.defaultBindingOff = binding, bindingOff
	}
	return nil
}

// skipFrom returns the index after `from 'module'` when it starts (after space) at i, or -1.
func skipFrom(src []byte, i int) int {
	i = skipSpace(src, i)
	if w, e := word(src, i); w == "as" { // export * as ns from '...'
		_, e = word(src, skipSpace(src, e))
		i = skipSpace(src, e)
	}
	if w, e := word(src, i); w == "from" {
		return skipString(src, skipSpace(src, e))
	}
	return -1
}

// rewriteImport blanks the import statement at off; the names it imports stay undeclared.
func (p *parsed) rewriteImport(off int) *EvalError {
	src := p.src
	j := skipSpace(src, off+len("import"))
	for j < len(src) {
		if end := skipString(src, j); end > 0 {
			blank(src, off, end)
			if p.importOff < 0 {
				p.importOff = off
			}
			return nil
		}
		if w, e := word(src, j); w != "" {
			j = skipSpace(src, e)
			continue
		}
		switch src[j] {
		case '{', '}', ',', '*':
			j = skipSpace(src, j+1)
			continue
		}
		break
	}
	return &EvalError{Rule: RuleSyntax, Offset: off, Message: "JavaScript syntax error: malformed import statement"}
}

// typeScriptError is the finding for TypeScript syntax at off.
func typeScriptError(off int, what string) *EvalError {
	return &EvalError{Rule: RuleTypeScript, Offset: off, Message: fmt.Sprintf("TypeScript syntax is not JavaScript "+
		"(%s); remove the type annotations (for example write `const awsmobile = {...}`), or point the tool "+
		"at the JavaScript aws-exports.js the Amplify CLI generates", what)}
}

// syntaxError turns goja's parse error at off into a finding, recognising TypeScript syntax.
func (p *parsed) syntaxError(name string, off int, msg string) *EvalError {
	if what := typeScriptAt(p.src, off); what != "" {
		return typeScriptError(off, what)
	}
	if isTypeScriptName(name) {
		return typeScriptError(off, "the parser stopped here: "+lowerFirst(msg))
	}
	return &EvalError{Rule: RuleSyntax, Offset: off, Message: "JavaScript syntax error: " + lowerFirst(msg)}
}

// typeScriptAt describes the TypeScript construct goja's parser stopped at, or returns "".
func typeScriptAt(src []byte, off int) string {
	if off >= len(src) {
		return ""
	}
	if src[off] == ':' {
		pw, start := prevWord(src, off)
		if pw != "" {
			switch ppw, _ := prevWord(src, start); ppw {
			case "let", "const", "var":
				return fmt.Sprintf("a type annotation on %q", pw)
			}
			if b := prevByte(src, start); b == '(' || b == ',' && strings.Contains(string(src[max(0, start-200):start]), "function") {
				return fmt.Sprintf("a type annotation on parameter %q", pw)
			}
		}
		if prevByte(src, off) == ')' {
			return "a return type annotation"
		}
		return ""
	}
	w, _ := word(src, off)
	pw, _ := prevWord(src, off)
	switch pw {
	case "declare", "interface", "type", "enum", "namespace", "abstract":
		return fmt.Sprintf("a %q declaration", pw)
	}
	switch w {
	case "as", "satisfies":
		if b := prevByte(src, off); b == '}' || b == ')' || b == ']' || b == '"' || b == '\'' || isIdentByte(b) {
			return fmt.Sprintf("an %q type assertion", w)
		}
	case "interface", "declare", "enum":
		return fmt.Sprintf("a %q declaration", w)
	}
	return ""
}

// lowerFirst lowercases the first letter of goja's messages ("Unexpected token" ->
// "unexpected token"), to fit the diagnostic style.
func lowerFirst(s string) string {
	if s != "" && s[0] >= 'A' && s[0] <= 'Z' {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}
