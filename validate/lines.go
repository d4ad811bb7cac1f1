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
	col := utf8.RuneCount(l.data[starts[line]:off]) + 1
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

// LineText returns the text of 1-based line n without its line ending ("" when out of range).
func (l *Lines) LineText(n int) string {
	starts := l.lineStarts()
	if n < 1 || n > len(starts) {
		return ""
	}
	start, end := int(starts[n-1]), len(l.data)
	if n < len(starts) {
		end = int(starts[n])
	}
	for end > start && (l.data[end-1] == '\n' || l.data[end-1] == '\r') {
		end--
	}
	return string(l.data[start:end])
}

// At returns a diagnostic at byte offset off, with the source line attached for display.
func (l *Lines) At(off int, pointer string, sev Severity, rule, format string, args ...any) Diagnostic {
	d := At(l.Pos(off, pointer), sev, rule, format, args...)
	d.Snippet = l.LineText(d.Line)
	return d
}

// Attach fills in the snippet of a diagnostic that points into this file.
func (l *Lines) Attach(d Diagnostic) Diagnostic {
	if d.File == l.file && d.Snippet == "" {
		d.Snippet = l.LineText(d.Line)
	}
	return d
}
