package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// textRenderer prints `file:line:col: severity: message [rule]`, then the source line with a
// caret under the column unless oneline is set.
type textRenderer struct {
	color   bool
	oneline bool
}

// ANSI styles used by the text renderer.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
	ansiGreen  = "\x1b[1;32m"
)

func (r textRenderer) render(w io.Writer, f findings) error {
	var b strings.Builder
	for _, d := range f.Diagnostics {
		r.writeOne(&b, d)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r textRenderer) paint(style, s string) string {
	if !r.color {
		return s
	}
	return style + s + ansiReset
}

func (r textRenderer) writeOne(b *strings.Builder, d validate.Diagnostic) {
	loc := d.File
	if d.Line > 0 {
		loc += fmt.Sprintf(":%d:%d", d.Line, max(d.Column, 1))
	}
	sevStyle := map[validate.Severity]string{validate.Error: ansiRed, validate.Warning: ansiYellow}[d.Severity]
	if sevStyle == "" {
		sevStyle = ansiCyan
	}
	if loc != "" {
		b.WriteString(r.paint(ansiBold, loc) + ": ")
	}
	fmt.Fprintf(b, "%s: %s %s\n", r.paint(sevStyle, d.Severity.String()), d.Message, r.paint(ansiDim, "["+d.Rule+"]"))
	if r.oneline || d.Line <= 0 || d.Snippet == "" {
		return
	}
	snippet, col := strings.TrimRight(d.Snippet, "\r\n"), d.Column
	if d.SnippetColumn > 0 {
		col = d.SnippetColumn // the snippet is part of a long line
	}
	fmt.Fprintf(b, "  %s\n  %s%s\n", snippet, caretIndent(snippet, col), r.paint(ansiGreen, "^"))
}

// caretIndent returns the whitespace that puts a caret under 1-based rune column col of line,
// keeping the line's tabs so that the caret lines up however tabs are displayed.
func caretIndent(line string, col int) string {
	var b strings.Builder
	i := 1
	for _, r := range line {
		if i >= col {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		i++
	}
	return b.String()
}
