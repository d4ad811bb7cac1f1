package convert

import (
	"strconv"
	"unicode/utf8"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// mappedText is text taken out of a string literal (a Dart ”'...”' string, a JavaScript or
// JSON string holding JSON), with the file offset of every byte, so that a position in the
// text maps back into the file.
type mappedText struct {
	text []byte
	// offs[i] is the file offset of text[i]; offs[len(text)] is the offset just past it.
	offs []int
}

// identity reports whether text is a plain slice of the file (no escapes were decoded), and
// returns its base offset.
func (m mappedText) identity() (base int, ok bool) {
	if len(m.offs) == 0 {
		return 0, false
	}
	base = m.offs[0]
	for i, off := range m.offs {
		if off != base+i {
			return 0, false
		}
	}
	return base, true
}

// unescapeLiteral decodes the body data[start:end] of a string literal. Backslash escapes
// (\n, \t, \r, \b, \f, \v, \0, \xHH, \uXXXX, \u{X...}, and \c for any other c, as JavaScript,
// JSON and Dart read them) become the bytes they stand for; every output byte keeps the offset
// of the escape it came from. raw bodies are taken as they are. It returns the offsets of any
// unescaped `$` that starts an interpolation (`$name` or `${`) when dollars is set (Dart).
func unescapeLiteral(data []byte, start, end int, raw, dollars bool) (mappedText, []int) {
	var m mappedText
	var interpolations []int
	emit := func(b []byte, off int) {
		for _, c := range b {
			m.text = append(m.text, c)
			m.offs = append(m.offs, off)
		}
	}
	for i := start; i < end; {
		c := data[i]
		if raw || (c != '\\' && !(dollars && c == '$')) {
			emit(data[i:i+1], i)
			i++
			continue
		}
		if c == '$' {
			if i+1 < end && (data[i+1] == '{' || data[i+1] == '_' || isLetter(data[i+1])) {
				interpolations = append(interpolations, i)
			}
			emit(data[i:i+1], i)
			i++
			continue
		}
		if i+1 >= end {
			emit(data[i:i+1], i)
			i++
			continue
		}
		esc, n := data[i+1], 2
		var out []byte
		switch esc {
		case 'n':
			out = []byte{'\n'}
		case 't':
			out = []byte{'\t'}
		case 'r':
			out = []byte{'\r'}
		case 'b':
			out = []byte{'\b'}
		case 'f':
			out = []byte{'\f'}
		case 'v':
			out = []byte{'\v'}
		case '0':
			out = []byte{0}
		case 'x':
			if r, ok := hexRune(data, i+2, min(i+4, end)); ok && i+4 <= end {
				out, n = utf8.AppendRune(nil, r), 4
			}
		case 'u':
			if i+2 < end && data[i+2] == '{' {
				close := i + 3
				for close < end && data[close] != '}' {
					close++
				}
				if r, ok := hexRune(data, i+3, close); ok && close < end {
					out, n = utf8.AppendRune(nil, r), close+1-i
				}
			} else if r, ok := hexRune(data, i+2, min(i+6, end)); ok && i+6 <= end {
				out, n = utf8.AppendRune(nil, r), 6
				// a UTF-16 surrogate pair \uD83D\uDE00 is one character
				if utf16Surrogate(r) && i+12 <= end && data[i+6] == '\\' && data[i+7] == 'u' {
					if lo, ok := hexRune(data, i+8, i+12); ok {
						out, n = utf8.AppendRune(nil, combineSurrogates(r, lo)), 12
					}
				}
			}
		case '\r', '\n': // line continuation
			out, n = nil, 2
			if esc == '\r' && i+2 < end && data[i+2] == '\n' {
				n = 3
			}
		}
		if out == nil && n == 2 && esc != '\r' && esc != '\n' {
			_, size := utf8.DecodeRune(data[i+1 : end])
			out, n = data[i+1:i+1+size], 1+size
		}
		emit(out, i)
		i += n
	}
	m.offs = append(m.offs, end)
	return m, interpolations
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func hexRune(data []byte, from, to int) (rune, bool) {
	if from >= to || to > len(data) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(data[from:to]), 16, 32)
	if err != nil || v > utf8.MaxRune {
		return 0, false
	}
	return rune(v), true
}

func utf16Surrogate(r rune) bool { return r >= 0xD800 && r < 0xDC00 }

func combineSurrogates(hi, lo rune) rune {
	if lo < 0xDC00 || lo > 0xDFFF {
		return utf8.RuneError
	}
	return (hi-0xD800)<<10 | (lo - 0xDC00) + 0x10000
}

// decodeMappedJSON parses m.text as JSON, with positions (of values and of diagnostics)
// pointing into the file lines indexes. The *validate.JSONFile walks the text in order; use
// the returned Locator, not the JSONFile, for positions.
func decodeMappedJSON(lines *validate.Lines, m mappedText) (any, *validate.JSONFile, validate.Locator, []validate.Diagnostic) {
	if base, ok := m.identity(); ok {
		v, j, diags := decodeJSON(lines, base, m.text)
		if j == nil {
			return nil, nil, nil, diags
		}
		return v, j, j, diags
	}
	textLines := validate.NewLines(lines.File(), m.text)
	v, j, diags := decodeJSON(textLines, 0, m.text)
	for i, d := range diags {
		off := m.offs[min(offsetOf(textLines, d.Line, d.Column), len(m.offs)-1)]
		diags[i] = lines.At(off, d.Pointer, d.Severity, d.Rule, "%s", d.Message)
	}
	if j == nil {
		return nil, nil, nil, diags
	}
	return v, j, mappedLocator{j: j, offs: m.offs, lines: lines}, diags
}

// mappedLocator gives positions in the file for pointers into JSON decoded from a literal.
type mappedLocator struct {
	j     *validate.JSONFile
	offs  []int
	lines *validate.Lines
}

// PosOf returns the file position of the value at pointer.
func (l mappedLocator) PosOf(pointer string) schema.Pos {
	off, _, _ := l.j.Offset(pointer)
	return l.lines.Pos(l.offs[min(max(off, 0), len(l.offs)-1)], pointer)
}

// offsetOf returns the byte offset of 1-based line and rune column col in the file lines
// indexes (clamped to the file).
func offsetOf(lines *validate.Lines, line, col int) int {
	data := lines.Data()
	off := 0
	for l := 1; l < line && off < len(data); off++ {
		switch data[off] {
		case '\n':
			l++
		case '\r':
			if off+1 < len(data) && data[off+1] == '\n' {
				off++
			}
			l++
		}
	}
	for c := 1; c < col && off < len(data); c++ {
		_, size := utf8.DecodeRune(data[off:])
		off += size
	}
	return off
}

// KeyPos returns the file position of the key of the member at pointer (its value when none).
func (l mappedLocator) KeyPos(pointer string) schema.Pos {
	off, key, ok := l.j.Offset(pointer)
	if ok && key >= 0 {
		off = key
	}
	return l.lines.Pos(l.offs[min(max(off, 0), len(l.offs)-1)], pointer)
}
