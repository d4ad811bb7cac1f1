package validate

import (
	"bytes"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// Lines maps byte offsets in one file to 1-based line and column numbers. Columns count
// Unicode characters (runes); a line ends at "\n", "\r\n" or a lone "\r".
type Lines struct {
	file string
	data []byte
	// starts holds the byte offset where each line starts. It is built on first use: most
	// files checked have no finding, and their positions are never worked out.
	starts     []int32
	startsOnce sync.Once
	// lastLine (1-based; 0 for none) and lastASCII remember whether the last long line asked
	// about is ASCII (asciiLine).
	asciiMu   sync.Mutex
	lastLine  int
	lastASCII bool
}

// NewLines indexes data, the contents of file (offsets past 2 GiB are not supported; inputs
// are capped far below that).
func NewLines(file string, data []byte) *Lines {
	return &Lines{file: file, data: data}
}

// lineStarts returns the offset where each line starts, building the index on first use.
func (l *Lines) lineStarts() []int32 {
	l.startsOnce.Do(func() {
		data := l.data
		// Sized from a count of line-end bytes (an upper bound: "\r\n" counts twice) so that
		// a large file's index is allocated once, not grown by doubling.
		starts := make([]int32, 1, 1+bytes.Count(data, []byte{'\n'})+bytes.Count(data, []byte{'\r'}))
		for i := 0; i < len(data); i++ {
			switch data[i] {
			case '\n':
				starts = append(starts, int32(i+1))
			case '\r':
				if i+1 < len(data) && data[i+1] == '\n' {
					i++
				}
				starts = append(starts, int32(i+1))
			}
		}
		l.starts = starts
	})
	return l.starts
}

// File returns the file name the index was built for.
func (l *Lines) File() string { return l.file }

// Data returns the indexed bytes.
func (l *Lines) Data() []byte { return l.data }

// Pos returns the position of byte offset off (clamped to the file), with pointer attached.
func (l *Lines) Pos(off int, pointer string) schema.Pos { return schema.At(l.Place(off, pointer)) }

// Place is Pos as a Place.
func (l *Lines) Place(off int, pointer string) schema.Place {
	off = min(max(off, 0), len(l.data))
	if off > 0 && off < len(l.data) && l.data[off] == '\n' && l.data[off-1] == '\r' {
		off-- // the "\n" of a "\r\n" ends the same line as its "\r": the column just past the text
	}
	off = runeStartOf(l.data, off)
	starts := l.lineStarts()
	line := sort.Search(len(starts), func(i int) bool { return int(starts[i]) > off }) - 1
	var col int
	if lineStart := int(starts[line]); off-lineStart > snippetMaxBytes && l.asciiLine(line+1) {
		col = off - lineStart + 1 // a long ASCII line (a minified file): no counting
	} else {
		col = utf8.RuneCount(l.data[lineStart:off]) + 1
	}
	return schema.Place{File: l.file, Line: line + 1, Column: col, Pointer: pointer}
}

// runeStartOf returns the offset of the character that holds byte offset off (off itself
// unless it falls inside a multi-byte UTF-8 character).
func runeStartOf(data []byte, off int) int {
	if off >= len(data) || utf8.RuneStart(data[off]) {
		return off
	}
	for i := off - 1; i >= 0 && i >= off-3; i-- {
		if utf8.RuneStart(data[i]) {
			if r, n := utf8.DecodeRune(data[i:]); (r != utf8.RuneError || n > 1) && i+n > off {
				return i
			}
			break
		}
	}
	return off
}

// line returns 1-based line n without its line ending, and false when the file has no line n.
func (l *Lines) line(n int) ([]byte, bool) {
	starts := l.lineStarts()
	if n < 1 || n > len(starts) {
		return nil, false
	}
	start, end := int(starts[n-1]), len(l.data)
	if n < len(starts) {
		end = int(starts[n])
	}
	for end > start && (l.data[end-1] == '\n' || l.data[end-1] == '\r') {
		end--
	}
	return l.data[start:end], true
}

// LineText returns the text of 1-based line n without its line ending ("" when out of range).
func (l *Lines) LineText(n int) string {
	line, _ := l.line(n)
	return string(line)
}

// At returns a diagnostic at byte offset off, with the source line attached for display.
func (l *Lines) At(off int, pointer string, sev Severity, rule, format string, args ...any) Diagnostic {
	d := At(l.Pos(off, pointer), sev, rule, format, args...)
	d.Snippet, d.SnippetColumn = l.Snippet(d.Line, d.Column)
	return d
}

// Attach fills in the snippet of a diagnostic that points into this file.
func (l *Lines) Attach(d Diagnostic) Diagnostic {
	if d.File == l.file && d.Snippet == "" {
		d.Snippet, d.SnippetColumn = l.Snippet(d.Line, d.Column)
	}
	return d
}

// snippetMaxBytes is the longest line a snippet shows whole. A longer one (a minified file is
// one line of megabytes) is cut to about snippetMaxBytes around the finding's column: a
// copy of the whole line in each of thousands of findings exhausted memory.
const snippetMaxBytes = 160

// Snippet returns the text of 1-based line n to show under a finding at rune column col, and
// the caret's column within that text: the line itself when it is short, else the part of it
// around col, with "…" where it was cut. It returns "", 0 for a line the file does not have.
func (l *Lines) Snippet(n, col int) (text string, caretCol int) {
	line, ok := l.line(n)
	if !ok {
		return "", 0
	}
	if len(line) <= snippetMaxBytes {
		return string(line), col
	}
	at := l.runeOffset(n, line, max(col, 1)-1)
	from := runeStartOf(line, max(0, at-snippetMaxBytes/2))
	to := runeStartOf(line, min(len(line), at+snippetMaxBytes/2))
	text, caretCol = string(line[from:to]), utf8.RuneCount(line[from:at])+1
	if from > 0 {
		text, caretCol = "…"+text, caretCol+1
	}
	if to < len(line) {
		text += "…"
	}
	return text, caretCol
}

// runeOffset returns the byte offset in line (1-based line n) of its rune index k (len(line)
// past the end): k itself on an ASCII line.
func (l *Lines) runeOffset(n int, line []byte, k int) int {
	if l.asciiLine(n) {
		return min(k, len(line))
	}
	off := 0
	for i := 0; i < k && off < len(line); i++ {
		_, size := utf8.DecodeRune(line[off:])
		off += size
	}
	return off
}

// asciiLine reports whether 1-based line n is all ASCII, so that its rune columns are byte
// columns. It is asked only about long lines, and remembers the last answer: a minified file
// is one line that every finding asks about, and counting its runes up to each finding's
// column took seconds for thousands of findings.
func (l *Lines) asciiLine(n int) bool {
	l.asciiMu.Lock()
	defer l.asciiMu.Unlock()
	if l.lastLine != n {
		line, _ := l.line(n)
		l.lastLine, l.lastASCII = n, isASCII(line)
	}
	return l.lastASCII
}
