package jsconfig

import "unicode/utf8"

// This file holds the few lexing helpers the export/import rewriting needs. They work on the
// bytes right after a token goja's parser reported, so they never see strings or comments
// that precede it.

// skipSpace returns the index of the first byte at or after i that is not white space or part
// of a comment.
func skipSpace(src []byte, i int) int {
	for i < len(src) {
		switch c := src[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			j := i + 2
			for j+1 < len(src) && (src[j] != '*' || src[j+1] != '/') {
				j++
			}
			i = min(j+2, len(src))
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(src[i:])
			if r != '\u00a0' && r != '\ufeff' && r != '\u2028' && r != '\u2029' && r != '\u3000' {
				return i
			}
			i += n
		default:
			return i
		}
	}
	return i
}

// isIdentByte reports whether c can be part of an identifier (non-ASCII bytes count, which
// is lenient but enough here).
func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf
}

// word returns the identifier starting at i and the index after it ("" when there is none).
func word(src []byte, i int) (string, int) {
	j := i
	for j < len(src) && isIdentByte(src[j]) {
		j++
	}
	return string(src[i:j]), j
}

// skipString returns the index after the string literal opening at src[i], or -1 when src[i]
// does not open one or it is not closed.
func skipString(src []byte, i int) int {
	if i >= len(src) || src[i] != '"' && src[i] != '\'' {
		return -1
	}
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case q:
			return j + 1
		case '\n', '\r':
			return -1
		}
	}
	return -1
}

// prevWord returns the identifier that ends right before i (skipping white space, but not
// comments), and its start.
func prevWord(src []byte, i int) (string, int) {
	j := i
	for j > 0 && (src[j-1] == ' ' || src[j-1] == '\t' || src[j-1] == '\n' || src[j-1] == '\r') {
		j--
	}
	k := j
	for k > 0 && isIdentByte(src[k-1]) {
		k--
	}
	return string(src[k:j]), k
}

// prevByte returns the last non-space byte before i (0 when none).
func prevByte(src []byte, i int) byte {
	for j := i - 1; j >= 0; j-- {
		switch src[j] {
		case ' ', '\t', '\n', '\r':
		default:
			return src[j]
		}
	}
	return 0
}

// blank overwrites src[from:to] with spaces, keeping line breaks so that line numbers and
// automatic semicolon insertion stay as they were.
func blank(src []byte, from, to int) {
	for i := from; i < to && i < len(src); i++ {
		if src[i] != '\n' && src[i] != '\r' {
			src[i] = ' '
		}
	}
}
