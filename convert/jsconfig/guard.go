package jsconfig

import (
	"bytes"
	"fmt"
)

// maxNesting bounds bracket, brace and parenthesis nesting (the same default as the convert
// package's pre-scan): goja's parser recurses once per level and a deep enough input overflows
// the Go stack, which is fatal.
const maxNesting = 500

// maxArrows bounds the number of "=>" tokens: goja's parser takes cubic time on a chain of
// arrow functions (10,000 of them, a 30 kB file, take seconds), and no configuration has many.
const maxArrows = 1000

// checkComplexity is a cheap, lenient pre-scan that refuses inputs goja's parser cannot handle
// safely. It skips strings, template literals and comments. It returns the offset of the
// problem and a message, or -1.
func checkComplexity(data []byte) (int, string) {
	depth, arrows := 0, 0
	var templates []int // depth at which each open template substitution ("${") started
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '{', '[', '(':
			depth++
			if depth > maxNesting {
				return i, fmt.Sprintf("nesting is deeper than %d levels; no real configuration is", maxNesting)
			}
		case '}', ']', ')':
			if depth > 0 {
				depth--
			}
			if c == '}' && len(templates) > 0 && templates[len(templates)-1] == depth {
				templates = templates[:len(templates)-1]
				i = scanTemplate(data, i+1)
				if i < len(data) && data[i] == '{' {
					if depth++; depth > maxNesting {
						return i, fmt.Sprintf("nesting is deeper than %d levels; no real configuration is", maxNesting)
					}
					templates = append(templates, depth-1)
				}
			}
		case '=':
			if i+1 < len(data) && data[i+1] == '>' {
				arrows++
				if arrows > maxArrows {
					return i, fmt.Sprintf("more than %d arrow functions; no real configuration has that many", maxArrows)
				}
			}
		case '"', '\'':
			i = skipQuoted(data, i, c)
		case '`':
			i = scanTemplate(data, i+1)
			if i < len(data) && data[i] == '{' { // a substitution: scan it as code
				if depth++; depth > maxNesting {
					return i, fmt.Sprintf("nesting is deeper than %d levels; no real configuration is", maxNesting)
				}
				templates = append(templates, depth-1)
			}
		case '/':
			if i+1 < len(data) && data[i+1] == '/' {
				for i < len(data) && data[i] != '\n' {
					i++
				}
			} else if i+1 < len(data) && data[i+1] == '*' {
				end := bytes.Index(data[i+2:], []byte("*/"))
				if end < 0 {
					return -1, ""
				}
				i += end + 3
			}
		}
	}
	return -1, ""
}

// scanTemplate scans template literal text from data[i]: it returns the index of the closing
// backquote, of the "{" of a "${" substitution, or len(data).
func scanTemplate(data []byte, i int) int {
	for ; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '`':
			return i
		case '$':
			if i+1 < len(data) && data[i+1] == '{' {
				return i + 1
			}
		}
	}
	return len(data)
}

// skipQuoted returns the index of the quote closing the string that opens at data[i]. A newline
// ends a '...' or "..." string early; template literals may span lines.
func skipQuoted(data []byte, i int, quote byte) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case quote:
			return j
		case '\n':
			if quote != '`' {
				return j
			}
		}
	}
	return len(data)
}
