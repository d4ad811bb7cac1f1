package convert

import (
	"bytes"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/internal/nesting"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Rule IDs of the Dart reader.
const (
	RuleDartUnsupported   = "dart/unsupported"
	RuleDartUnterminated  = "dart/unterminated-string"
	RuleDartInterpolation = "dart/interpolation"
	RuleDartMultiple      = "dart/multiple-strings"
)

// dartExpected describes the one Dart shape the reader understands.
const dartExpected = "the expected shape is `const amplifyconfig = '''{...JSON...}''';` (or r'''...''') as the Amplify CLI writes it"

// dartLiteral is a triple-quoted Dart string found in a file.
type dartLiteral struct {
	open       int // offset of the r prefix or first quote
	start, end int // the body, data[start:end]
	raw        bool
	assigned   bool // `= '''` (a variable's value), not `return '''` or an argument
}

// readDart reads amplifyconfiguration.dart / amplify_outputs.dart: the JSON inside the
// triple-quoted string assigned to a constant, with positions in the .dart file. The JSON is
// then read as a native configuration or as Gen 2 outputs, by what it holds.
func readDart(doc *Document, data []byte) {
	lits, unterminated := scanDartStrings(data)
	var chosen *dartLiteral
	for i := range lits {
		if lits[i].assigned {
			if chosen == nil {
				chosen = &lits[i]
			} else {
				doc.Diagnostics = append(doc.Diagnostics, doc.Lines.At(lits[i].open, "", validate.Warning, RuleDartMultiple,
					"a second configuration string; only the first one (line %d) is read", doc.Lines.Pos(chosen.open, "").Line()))
			}
		}
	}
	if chosen == nil {
		off, what := dartShape(data, lits, unterminated)
		doc.Diagnostics = append(doc.Diagnostics, doc.Lines.At(off, "", validate.Error, RuleDartUnsupported,
			"%s; %s", what, dartExpected))
		return
	}
	if unterminated >= 0 && unterminated < chosen.open {
		unterminated = -1
	}
	if chosen.end < 0 {
		doc.Diagnostics = append(doc.Diagnostics, doc.Lines.At(chosen.open, "", validate.Error, RuleDartUnterminated,
			"the triple-quoted string that starts here is never closed; end it with the same quotes"))
		return
	}
	mt, interps := unescapeLiteral(data, chosen.start, chosen.end, chosen.raw, true)
	for _, off := range interps {
		doc.Diagnostics = append(doc.Diagnostics, doc.Lines.At(off, "", validate.Error, RuleDartInterpolation,
			"`$` starts a Dart interpolation in a non-raw string, so the text is not what it looks like; make the string raw (r''') or write \\$"))
	}
	v, j, loc, diags := decodeMappedJSON(doc.Lines, mt)
	doc.Diagnostics = append(doc.Diagnostics, diags...)
	if j == nil {
		return
	}
	doc.value, doc.Locate = v, loc
	inner := detectJSON(bytes.TrimSpace(mt.text))
	switch {
	case inner == schema.AmplifyOutputs:
		doc.Format = schema.AmplifyOutputsDart
	case inner != schema.FormatUnknown:
		doc.Format = schema.AmplifyConfigDart
	}
	if doc.Format == schema.AmplifyOutputsDart {
		mapOutputs(doc, v, j, loc)
		return
	}
	mapNative(doc, v, loc)
}

// dartShape says why a Dart file holds no readable config string, and where.
func dartShape(data []byte, lits []dartLiteral, unterminated int) (int, string) {
	if len(lits) > 0 {
		return lits[0].open, "the configuration string is returned from a function, not assigned to a constant"
	}
	if unterminated >= 0 {
		return unterminated, "a string that is never closed"
	}
	if i := indexCode(data, []byte("{")); i >= 0 {
		return i, "the configuration is written as Dart code (a map literal or a function), not as a JSON string"
	}
	return 0, "no triple-quoted configuration string found"
}

// findDartString returns the body of the first triple-quoted string assigned to a variable
// (start, end offsets), whether it is raw, and its quote ("”'" or `"""`); start is -1 when
// there is none.
func findDartString(data []byte) (start, end int, raw bool, quote string) {
	lits, _ := scanDartStrings(data)
	for _, l := range lits {
		if l.assigned && l.end >= 0 {
			return l.start, l.end, l.raw, string(data[l.start-3 : l.start])
		}
	}
	return -1, -1, false, ""
}

// scanDartStrings finds the triple-quoted string literals of a Dart file, skipping comments
// and other strings. unterminated is the offset of a single-line string that never closes
// before the end of its line (-1 when none).
func scanDartStrings(data []byte) (lits []dartLiteral, unterminated int) {
	unterminated = -1
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '/' && i+1 < len(data) && data[i+1] == '/':
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(data) && data[i+1] == '*':
			end := bytes.Index(data[i+2:], []byte("*/"))
			if end < 0 {
				return lits, unterminated
			}
			i += end + 3
		case c == '\'' || c == '"':
			open, raw := i, i > 0 && data[i-1] == 'r' && (i < 2 || !isIdentByte(data[i-2]))
			if raw {
				open = i - 1
			}
			if i+2 < len(data) && data[i+1] == c && data[i+2] == c {
				quote := data[i : i+3]
				lit := dartLiteral{open: open, start: i + 3, end: -1, raw: raw, assigned: precededByAssign(data, open)}
				for j := i + 3; j < len(data); j++ {
					if !raw && data[j] == '\\' {
						j++
						continue
					}
					if bytes.HasPrefix(data[j:], quote) {
						lit.end = j
						break
					}
				}
				lits = append(lits, lit)
				if lit.end < 0 {
					return lits, unterminated
				}
				i = lit.end + 2
				continue
			}
			j := i + 1
			for ; j < len(data) && data[j] != c && data[j] != '\n'; j++ {
				if !raw && data[j] == '\\' {
					j++
				}
			}
			if j >= len(data) || data[j] == '\n' {
				if unterminated < 0 {
					unterminated = open
				}
			}
			i = j
		}
	}
	return lits, unterminated
}

func isIdentByte(c byte) bool { return c == '_' || c == '$' || isLetter(c) || c >= '0' && c <= '9' }

// precededByAssign reports whether the code before off (skipping spaces) is `=`.
func precededByAssign(data []byte, off int) bool {
	i := off - 1
	for i >= 0 && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i--
	}
	return i >= 0 && data[i] == '=' && (i == 0 || (data[i-1] != '=' && data[i-1] != '!' && data[i-1] != '<' && data[i-1] != '>'))
}

// indexCode returns the offset of the first sep outside comments and strings, or -1.
func indexCode(data, sep []byte) int {
	for i := 0; i < len(data); i++ {
		switch {
		case data[i] == '/' && i+1 < len(data) && data[i+1] == '/':
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case data[i] == '/' && i+1 < len(data) && data[i+1] == '*':
			end := bytes.Index(data[i+2:], []byte("*/"))
			if end < 0 {
				return -1
			}
			i += end + 3
		case data[i] == '\'' || data[i] == '"':
			i = nesting.SkipString(data, i, data[i])
		case bytes.HasPrefix(data[i:], sep):
			return i
		}
	}
	return -1
}
