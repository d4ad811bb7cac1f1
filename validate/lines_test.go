package validate

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLinesPos(t *testing.T) {
	data := []byte("ab\r\nçd\n\nx\ry")
	l := NewLines("f", data)
	cases := []struct{ off, line, col int }{
		{-5, 1, 1}, {0, 1, 1}, {1, 1, 2}, {2, 1, 3}, {3, 1, 3}, // the "\n" of "\r\n" ends line 1 too
		{4, 2, 1}, {5, 2, 1} /* inside ç: ç */, {6, 2, 2}, {7, 2, 3},
		{8, 3, 1}, {9, 4, 1}, {10, 4, 2}, {11, 5, 1}, {12, 5, 2}, {99, 5, 2},
	}
	for _, c := range cases {
		if p := l.Pos(c.off, "/p"); p.Line() != c.line || p.Column() != c.col || p.File() != "f" || p.Pointer() != "/p" {
			t.Errorf("Pos(%d) = %d:%d, want %d:%d", c.off, p.Line(), p.Column(), c.line, c.col)
		}
	}
	for n, want := range map[int]string{0: "", 1: "ab", 2: "çd", 3: "", 4: "x", 5: "y", 6: ""} {
		if got := l.LineText(n); got != want {
			t.Errorf("LineText(%d) = %q, want %q", n, got, want)
		}
	}
	d := l.At(7, "", Warning, "r/x", "at %s", "d")
	if d.Line != 2 || d.Column != 3 || d.Snippet != "çd" || d.Message != "at d" || d.Rule != "r/x" || d.Severity != Warning {
		t.Errorf("At = %+v", d)
	}
	if empty := NewLines("e", nil); empty.Pos(3, "").Line() != 1 || empty.Pos(3, "").Column() != 1 || empty.LineText(1) != "" {
		t.Errorf("empty file: %+v", empty.Pos(3, ""))
	}
	if got := l.Attach(Diagnostic{File: "f", Line: 2}); got.Snippet != "çd" {
		t.Errorf("Attach = %+v", got)
	}
	if got := l.Attach(Diagnostic{File: "other", Line: 2}); got.Snippet != "" {
		t.Errorf("Attach to another file's diagnostic = %+v", got)
	}
}

// FuzzLines: Pos is monotonic in the offset, stays inside the file (the column at most one
// past the line's last character), and agrees with LineText: the character at a position is
// the one at that offset.
func FuzzLines(f *testing.F) {
	for _, seed := range jsonSeeds(f) {
		f.Add(seed)
	}
	f.Add([]byte("a\r\nb\rc\n\xff\xc3\n\r\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<14 {
			data = data[:1<<14]
		}
		l := NewLines("f", data)
		nLines := l.Pos(len(data), "").Line()
		runeStart := make([]bool, len(data)+1) // as utf8.DecodeRune (and LineText's []rune) split the text
		for i := 0; i < len(data); {
			runeStart[i] = true
			_, n := utf8.DecodeRune(data[i:])
			i += n
		}
		prevLine, prevCol := 1, 1
		for off := 0; off <= len(data); off++ {
			p := l.Pos(off, "")
			if p.Line() < prevLine || p.Line() == prevLine && p.Column() < prevCol {
				t.Fatalf("Pos(%d) = %d:%d goes back from %d:%d", off, p.Line(), p.Column(), prevLine, prevCol)
			}
			prevLine, prevCol = p.Line(), p.Column()
			text := []rune(l.LineText(p.Line()))
			if p.Line() < 1 || p.Line() > nLines || p.Column() < 1 || p.Column() > len(text)+1 {
				t.Fatalf("Pos(%d) = %d:%d outside the file (%d lines, line %d has %d characters)", off, p.Line(), p.Column(), nLines, p.Line(), len(text))
			}
			if off == len(data) || !runeStart[off] {
				continue
			}
			if c := data[off]; c == '\n' || c == '\r' {
				if p.Column() != len(text)+1 {
					t.Fatalf("Pos(%d) of a line end = %d:%d, want column %d", off, p.Line(), p.Column(), len(text)+1)
				}
				continue
			}
			r, _ := utf8.DecodeRune(data[off:])
			if p.Column() > len(text) || text[p.Column()-1] != r {
				t.Fatalf("Pos(%d) = %d:%d, but the character there is %q and LineText is %q", off, p.Line(), p.Column(), r, string(text))
			}
		}
	})
}

// TestSnippetCutsLongLines: a short line is its own snippet; a long one (ASCII or not) is cut
// around the column, and the caret column points at the same character in the cut text.
func TestSnippetCutsLongLines(t *testing.T) {
	long := strings.Repeat("abcdefghij", 100)
	wide := strings.Repeat("aé—𝄞b", 200)
	data := "short line\n" + long + "\r\n" + wide + "\n"
	l := NewLines("f", []byte(data))
	if text, col := l.Snippet(1, 3); text != "short line" || col != 3 {
		t.Errorf("Snippet(1, 3) = %q, %d", text, col)
	}
	if text, col := l.Snippet(9, 1); text != "" || col != 0 {
		t.Errorf("Snippet of a missing line = %q, %d", text, col)
	}
	for n, line := range map[int][]rune{2: []rune(long), 3: []rune(wide)} {
		for _, col := range []int{1, 2, 50, 81, 300, len(line) - 1, len(line), len(line) + 1} {
			text, caret := l.Snippet(n, col)
			runes := []rune(text)
			if len(text) > snippetMaxBytes+2*len("…")+4 {
				t.Errorf("line %d col %d: snippet of %d bytes", n, col, len(text))
			}
			switch {
			case col > len(line):
				if caret != len(runes)+1 {
					t.Errorf("line %d col %d (past the end): caret %d in %q", n, col, caret, text)
				}
			case caret < 1 || caret > len(runes) || runes[caret-1] != line[col-1]:
				t.Errorf("line %d col %d: caret %d in %q is not at %q", n, col, caret, text, line[col-1])
			}
			if strings.HasPrefix(text, "…") != (col-1 > snippetMaxBytes/2) && n == 2 {
				t.Errorf("line %d col %d: %q", n, col, text)
			}
		}
	}
}
