// Package nesting bounds how deeply an input nests before a recursive parser sees it. goja's
// parser and encoding/json recurse once per bracket; a deep enough input overflows the Go stack,
// which is fatal and cannot be recovered. Both the convert package's input checks and the
// JavaScript reader use these scans.
package nesting

import "bytes"

// Scan finds the first place where brackets, braces and parentheses nest deeper than max,
// skipping JSON/JS strings, comments, regular expression literals and the text of template
// literals (their ${...} substitutions are code and are scanned). The body of a Dart
// triple-quoted string is scanned too: it holds the JSON configuration. It returns -1 when the input
// stays within max. It is deliberately lenient: it never fails on syntax, it only bounds
// recursion for the parsers that run after it.
func Scan(data []byte, max int) (offset, depth int) {
	d := 0
	var templates []int         // the depth at which each open template substitution ("${") started
	noRegexBefore := 0          // a "/" before this offset is not tried as a regular expression
	enter := func(i int) bool { // one more level at data[i]; false when it goes over max
		d++
		return d <= max
	}
	for i := 0; i < len(data); i++ {
		// Most bytes are none of the ones below: skip them in a tight loop first (this halves
		// the time of the scan, which reads every input once).
		for i < len(data) && !scanStops[data[i]] {
			i++
		}
		if i == len(data) {
			break
		}
		switch c := data[i]; c {
		case '{', '[', '(':
			if !enter(i) {
				return i, d
			}
		case '}', ']', ')':
			if d > 0 {
				d--
			}
			if c == '}' && len(templates) > 0 && templates[len(templates)-1] == d {
				templates = templates[:len(templates)-1]
				if i = skipTemplate(data, i+1); i < len(data) && data[i] == '{' {
					if !enter(i) {
						return i, d
					}
					templates = append(templates, d-1)
				}
			}
		case '"', '\'':
			if i+2 < len(data) && data[i+1] == c && data[i+2] == c {
				i += 2 // a Dart triple-quoted string: its body is the JSON configuration, scanned as code
				continue
			}
			i = SkipString(data, i, c)
		case '`':
			if i = skipTemplate(data, i+1); i < len(data) && data[i] == '{' {
				if !enter(i) {
					return i, d
				}
				templates = append(templates, d-1)
			}
		case '/':
			if i+1 < len(data) && data[i+1] == '/' {
				for i < len(data) && data[i] != '\n' {
					i++
				}
			} else if i+1 < len(data) && data[i+1] == '*' {
				end := bytes.Index(data[i+2:], []byte("*/"))
				if end < 0 {
					return -1, 0
				}
				i += end + 3
			} else if i >= noRegexBefore && regexMayStart(data, i) {
				if end := skipRegex(data, i); end > i {
					i = end
				} else {
					// Not a regular expression: none is tried again on this line, so that a line of
					// unclosed "/[" cannot make the scan quadratic.
					noRegexBefore = i + 1 + lineEnd(data[i+1:])
				}
			}
		}
	}
	return -1, 0
}

// scanStops marks the bytes Scan acts on. Read only.
var scanStops = [256]bool{'{': true, '[': true, '(': true, '}': true, ']': true, ')': true,
	'"': true, '\'': true, '`': true, '/': true}

// stringStops marks the bytes SkipString acts on in a '...' or "..." string (the quote itself
// is checked apart). Read only.
var stringStops = [256]bool{'\\': true, '\n': true, '"': true, '\'': true, '`': true}

// skipTemplate scans template literal text from data[i]: it returns the index of the closing
// backquote, of the "{" of a "${" substitution, or len(data).
func skipTemplate(data []byte, i int) int {
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

// regexMayStart reports whether the "/" at data[i] starts a JavaScript regular expression
// literal rather than a division: it does after an operator, an opening bracket, a comma, a
// semicolon, a keyword such as return, or at the start of the file. After ")", "]", "}", a
// name or a number it is taken as a division (CountOpeners is the backstop for the rare regex there).
func regexMayStart(data []byte, i int) bool {
	j := i - 1
	for j >= 0 && (data[j] == ' ' || data[j] == '\t' || data[j] == '\n' || data[j] == '\r') {
		j--
	}
	if j < 0 {
		return true
	}
	c := data[j]
	if bytes.IndexByte([]byte("(,=:[!&|?{};+-*%<>~^/"), c) >= 0 {
		return true
	}
	end := j + 1
	for j >= 0 && (c >= 'a' && c <= 'z') {
		j--
		if j >= 0 {
			c = data[j]
		}
	}
	switch string(data[j+1 : end]) {
	case "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await", "default":
		return true
	}
	return false
}

// skipRegex returns the index of the "/" closing the regular expression literal that opens at
// data[i] (a "/" inside a [...] class does not close it). A literal must close on its line: when
// it does not, the "/" was not one, and i is returned so that the rest is scanned as code.
func skipRegex(data []byte, i int) int {
	inClass := false
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '/':
			if !inClass {
				return j
			}
		case '\n', '\r':
			return i
		}
	}
	return i
}

// lineEnd returns the index of the first line break in data, or len(data).
func lineEnd(data []byte) int {
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		return i
	}
	return len(data)
}

// CountOpeners returns the offset of the opening bracket, brace or parenthesis that takes the
// count over limit, or -1. It counts everywhere, strings and comments
// included: a crude bound that no lexing heuristic can get around, for recursive parsers.
func CountOpeners(data []byte, limit int) int {
	n := 0
	for i, c := range data {
		if c == '{' || c == '[' || c == '(' {
			if n++; n > limit {
				return i
			}
		}
	}
	return -1
}

// SkipString returns the index of the quote closing the string that opens at data[i]. A newline
// ends a '...' or "..." string early (so a stray quote in a comment-less file does not swallow
// the rest); template literals may span lines.
func SkipString(data []byte, i int, quote byte) int {
	for j := i + 1; j < len(data); j++ {
		for j < len(data) && !stringStops[data[j]] { // most string bytes: skipped in a tight loop
			j++
		}
		if j == len(data) {
			break
		}
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
