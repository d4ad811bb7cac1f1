package hostingenv

import (
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// ParseDotenv reads a dotenv file (name is used in positions). It accepts what shells and
// dotenv tools agree on:
//   - blank lines and `#` comments; an optional `export ` before the name;
//   - NAME=value with a shell name; spaces around `=` are allowed;
//   - an unquoted value runs to the end of the line or to a ` #` comment, trailing blanks
//     trimmed, taken literally;
//   - a value starting with a quote is read as one shell word: '...' is literal and may span
//     lines; "..." understands \n \r \t \\ \" \$ \` and a backslash-newline continuation
//     (other backslashes stay); quoted and unquoted pieces run together, so a single quote
//     inside single quotes is written quote, backslash, quote, quote; only a comment may
//     follow the word.
//
// Nothing is expanded: a `$NAME` is kept literally and reported (RuleDotenvExpansion), since
// shells and some dotenv tools would expand it. A name given twice keeps the last value
// (RuleDotenvDuplicate). Lines that are not assignments are reported (RuleDotenvSyntax) and
// skipped.
func ParseDotenv(name string, data []byte) (map[string]Entry, []validate.Diagnostic) {
	p := &dotenvParser{lines: validate.NewLines(name, data), data: data, out: map[string]Entry{}}
	for p.i < len(p.data) {
		p.line()
	}
	return p.out, validate.Sort(p.diags)
}

type dotenvParser struct {
	lines *validate.Lines
	data  []byte
	i     int
	out   map[string]Entry
	diags []validate.Diagnostic
}

func (p *dotenvParser) peek() byte {
	if p.i < len(p.data) {
		return p.data[p.i]
	}
	return 0
}

func (p *dotenvParser) atEOL() bool {
	return p.i >= len(p.data) || p.data[p.i] == '\n' || p.data[p.i] == '\r'
}

func (p *dotenvParser) skipBlanks() {
	for p.i < len(p.data) && (p.data[p.i] == ' ' || p.data[p.i] == '\t') {
		p.i++
	}
}

// skipLine moves past the rest of the line and its line break.
func (p *dotenvParser) skipLine() {
	for !p.atEOL() {
		p.i++
	}
	p.eol()
}

// eol consumes one line break ("\n", "\r\n" or "\r").
func (p *dotenvParser) eol() {
	if p.peek() == '\r' {
		p.i++
	}
	if p.peek() == '\n' {
		p.i++
	}
}

func (p *dotenvParser) errorf(off int, rule, format string, args ...any) {
	p.diags = append(p.diags, p.lines.At(off, "", validate.Error, rule, format, args...))
}

func isNameStart(c byte) bool { return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }
func isNameByte(c byte) bool  { return isNameStart(c) || c >= '0' && c <= '9' }

// line parses one logical line (a quoted value may extend it over several).
func (p *dotenvParser) line() {
	p.skipBlanks()
	if p.atEOL() || p.peek() == '#' {
		p.skipLine()
		return
	}
	if p.hasWord("export") {
		p.i += len("export")
		p.skipBlanks()
	}
	start := p.i
	if !isNameStart(p.peek()) {
		p.errorf(start, RuleDotenvSyntax, "expected a variable name (letters, digits and _, not starting with a digit) followed by =; fix or remove the line")
		p.skipLine()
		return
	}
	for p.i < len(p.data) && isNameByte(p.data[p.i]) {
		p.i++
	}
	name := string(p.data[start:p.i])
	p.skipBlanks()
	if p.atEOL() || p.peek() == '#' {
		p.skipLine() // `export NAME` marks a variable for export and assigns nothing
		return
	}
	if p.peek() != '=' {
		p.errorf(p.i, RuleDotenvSyntax, "expected = after %q; write %s=value", name, name)
		p.skipLine()
		return
	}
	p.i++
	p.skipBlanks()
	e, ok := p.value(name)
	if !ok {
		return
	}
	if prev, dup := p.out[name]; dup {
		p.diags = append(p.diags, p.lines.At(start, "", validate.Warning, RuleDotenvDuplicate,
			"%s is set again (first at line %d); the last value wins: remove one", name, prev.Pos.Line()))
	}
	p.out[name] = e
}

// hasWord reports whether the input continues with word followed by a blank.
func (p *dotenvParser) hasWord(word string) bool {
	end := p.i + len(word)
	return end < len(p.data) && string(p.data[p.i:end]) == word && (p.data[end] == ' ' || p.data[end] == '\t')
}

// value parses the value at p.i; it reports false when the line was malformed.
func (p *dotenvParser) value(name string) (Entry, bool) {
	start := p.i
	e := Entry{Pos: p.lines.Pos(start, ""), lines: p.lines}
	var val []byte
	var offs []int
	add := func(c byte, off int) { val = append(val, c); offs = append(offs, off) }
	expandWarned := false
	checkExpansion := func(off int) {
		if expandWarned || off+1 >= len(p.data) {
			return
		}
		if c := p.data[off+1]; isNameStart(c) || c == '{' || c == '(' {
			expandWarned = true
			p.diags = append(p.diags, p.lines.At(off, "", validate.Warning, RuleDotenvExpansion,
				"%s holds %q, which shells and some dotenv tools expand; it is kept literally here: put the value in single quotes, or escape the $ inside double quotes", name, "$"+string(c)))
		}
	}

	if c := p.peek(); c != '\'' && c != '"' {
		// Unquoted: literal to the end of the line or a comment.
		end := p.i
		for p.i < len(p.data) && !p.atEOL() {
			if p.data[p.i] == '#' && (p.i == start || p.data[p.i-1] == ' ' || p.data[p.i-1] == '\t') {
				break
			}
			p.i++
		}
		end = p.i
		for end > start && (p.data[end-1] == ' ' || p.data[end-1] == '\t') {
			end--
		}
		for j := start; j < end; j++ {
			add(p.data[j], j)
			if p.data[j] == '$' {
				checkExpansion(j)
			}
		}
		p.skipLine()
		e.Value, e.offs = string(val), append(offs, end)
		return e, true
	}

	// Quoted: one shell word.
word:
	for p.i < len(p.data) {
		switch c := p.data[p.i]; c {
		case ' ', '\t', '\n', '\r':
			break word
		case '\'':
			open := p.i
			p.i++
			for p.i < len(p.data) && p.data[p.i] != '\'' {
				add(p.data[p.i], p.i)
				p.i++
			}
			if p.i >= len(p.data) {
				p.errorf(open, RuleDotenvSyntax, "the single quote that starts here is never closed; add the closing ' (a single quote inside a single-quoted value is written '\\'')")
				return Entry{}, false
			}
			p.i++
		case '"':
			open := p.i
			p.i++
			for p.i < len(p.data) && p.data[p.i] != '"' {
				d := p.data[p.i]
				if d == '$' {
					checkExpansion(p.i)
				}
				if d != '\\' || p.i+1 >= len(p.data) {
					add(d, p.i)
					p.i++
					continue
				}
				at := p.i
				p.i += 2
				switch esc := p.data[at+1]; esc {
				case 'n':
					add('\n', at)
				case 'r':
					add('\r', at)
				case 't':
					add('\t', at)
				case '\\', '"', '$', '`':
					add(esc, at)
				case '\n':
					// line continuation
				case '\r':
					if p.peek() == '\n' {
						p.i++
					}
				default:
					add('\\', at)
					add(esc, at+1)
				}
			}
			if p.i >= len(p.data) {
				p.errorf(open, RuleDotenvSyntax, "the double quote that starts here is never closed; add the closing \"")
				return Entry{}, false
			}
			p.i++
		case '\\':
			if p.i+1 >= len(p.data) {
				p.i++
				break
			}
			switch next := p.data[p.i+1]; next {
			case '\n':
				p.i += 2
			case '\r':
				p.i += 2
				if p.peek() == '\n' {
					p.i++
				}
			default:
				add(next, p.i)
				p.i += 2
			}
		default:
			if c == '$' {
				checkExpansion(p.i)
			}
			add(c, p.i)
			p.i++
		}
	}
	end := p.i
	p.skipBlanks()
	if !p.atEOL() && p.peek() != '#' {
		p.errorf(p.i, RuleDotenvSyntax, "unexpected text after the value of %s (a shell would run it as a command); quote the whole value", name)
		p.skipLine()
		return Entry{}, false
	}
	p.skipLine()
	e.Value, e.offs = string(val), append(offs, end)
	return e, true
}
