package jsconfig

import (
	"bytes"

	"github.com/dop251/goja/ast"
)

// guessDefaultExports rewrites, before the first parse, every `export default` that starts a
// line (after indentation), as parseSource would once goja stopped at it, and returns their
// offsets. The Amplify CLI's file ends in `export default awsmobile;`, and goja reports the
// reserved word only after parsing everything before it: without the guess, that file is
// parsed twice. A guess is only a guess: confirmDefaultExports decides whether it stands. A
// file with any other line-start import or export gets no guesses (nil, nothing rewritten):
// the loop has to stop at those anyway, and a guessed parse would only add one.
func (p *parsed) guessDefaultExports() []int {
	src := p.src
	if len(lineStartWords(src, "import")) > 0 {
		return nil
	}
	offs := lineStartWords(src, "export")
	for _, off := range offs {
		if w, _ := word(src, skipSpace(src, off+len("export"))); w != "default" {
			return nil
		}
	}
	for _, off := range offs {
		// Rewriting `export default` cannot fail; were it to, the guessed parse would stop
		// there, and the file be parsed again from its original text.
		_ = p.rewriteExport(off)
	}
	return offs
}

// lineStartWords returns the offsets of w where it starts a line (after spaces and tabs) and
// is followed by a space or a tab.
func lineStartWords(src []byte, w string) []int {
	var offs []int
	for from := 0; ; {
		i := bytes.Index(src[from:], []byte(w))
		if i < 0 {
			return offs
		}
		off := from + i
		from = off + len(w)
		if atLineStart(src, off) && from < len(src) && (src[from] == ' ' || src[from] == '\t') {
			offs = append(offs, off)
		}
	}
}

// atLineStart reports whether only spaces and tabs come between the start of src's line and
// off.
func atLineStart(src []byte, off int) bool {
	for i := off - 1; i >= 0; i-- {
		switch src[i] {
		case ' ', '\t':
		case '\n', '\r':
			return true
		default:
			return false
		}
	}
	return true
}

// confirmDefaultExports reports whether every guessed rewrite at offs became a top-level
// statement assigning syntheticDefault that starts exactly at its offset. Then the text before
// each was code in the original too (the rewrites keep every byte position, and only replace
// code with code), so goja would have stopped at each in turn and parseSource would have made
// the same rewrites. A guess inside a comment, string or template literal leaves no such
// statement, and the file is parsed again from the original text.
func confirmDefaultExports(prog *ast.Program, offs []int) bool {
	found := 0
	for _, st := range prog.Body {
		es, ok := st.(*ast.ExpressionStatement)
		if !ok {
			continue
		}
		a, ok := es.Expression.(*ast.AssignExpression)
		if !ok || !isIdent(a.Left, syntheticDefault) {
			continue
		}
		for _, off := range offs {
			if a.Left.Idx0() == idx(off) {
				found++
				break
			}
		}
	}
	return found == len(offs)
}
