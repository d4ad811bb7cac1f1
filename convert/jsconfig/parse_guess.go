package jsconfig

import (
	"bytes"

	"github.com/dop251/goja/ast"
)

// guessDefaultExports rewrites, before the first parse, every `export default` that starts a
// line (after indentation), as parseSource would once goja stopped at it, and returns their
// offsets. The Amplify CLI's file ends in `export default awsmobile;`, and goja reports the
// reserved word only after parsing everything before it: without the guess, that file is
// parsed twice. A guess is only a guess: confirmDefaultExports decides whether it stands.
func (p *parsed) guessDefaultExports() []int {
	var offs []int
	src := p.src
	for from := 0; ; {
		i := bytes.Index(src[from:], []byte("export"))
		if i < 0 {
			return offs
		}
		off := from + i
		from = off + len("export")
		if !atLineStart(src, off) || from >= len(src) || (src[from] != ' ' && src[from] != '\t') {
			continue
		}
		if w, _ := word(src, skipSpace(src, from)); w != "default" {
			continue
		}
		if p.rewriteExport(off) != nil { // cannot happen for "default"; never guess on doubt
			continue
		}
		offs = append(offs, off)
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
