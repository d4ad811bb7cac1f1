package convert

import (
	"bytes"
	"unicode/utf8"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/internal/nesting"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Source is one input: a name to report (a path, or what --stdin-filename says) and its bytes.
type Source struct {
	Name string
	// Data is the input. Read takes ownership of it: it must not be changed afterwards (see
	// Read).
	Data []byte
	// Size is the whole input's size when Data holds only its start: a file over the size
	// cap need not be loaded to be refused (see ReadFile). 0 means len(Data).
	Size int64
}

// DefaultMaxSize is the input size cap: far above any real configuration file (the largest
// amplify_outputs.json seen in public repositories is under 200 KB) and low enough that a
// hostile input cannot make the tool use much memory.
const DefaultMaxSize = 16 << 20

// DefaultMaxDepth bounds the nesting of brackets, braces and parentheses in any input. goja's
// parser and encoding/json recurse once per level; a deep enough input would overflow the Go
// stack, which is fatal and cannot be recovered, so every input is pre-scanned (ScanDepth).
const DefaultMaxDepth = 500

// Rule IDs for problems found before any format is parsed.
const (
	RuleTooLarge      = "input/too-large"
	RuleEmpty         = "input/empty"
	RuleUTF16         = "input/utf16"
	RuleEncoding      = "input/encoding"
	RuleBinary        = "input/binary"
	RuleLFSPointer    = "input/lfs-pointer"
	RuleMergeConflict = "input/merge-conflict"
	RuleTooDeep       = "input/too-deep"
)

// Ingested is a source ready for a reader: the UTF-8 text without BOM, and its line index.
type Ingested struct {
	Name  string
	Data  []byte
	Lines *validate.Lines
}

// Ingest checks src before any parser sees it: size, encoding (UTF-16 and invalid UTF-8 are
// refused; a UTF-8 BOM is dropped), binary content, Git LFS pointers, merge-conflict markers,
// and nesting depth. It returns the ingested text and, when the input must not be parsed, a
// non-empty list of error diagnostics. maxSize and maxDepth <= 0 mean the defaults.
func Ingest(src Source, maxSize, maxDepth int) (Ingested, []validate.Diagnostic) {
	in, diags := ingestHead(src, maxSize)
	if len(diags) > 0 {
		return in, diags
	}
	return in, scanIngested(in, maxDepth)
}

// ingestHead is the first part of Ingest, the checks that need not read the whole text: size,
// UTF-16, the BOM and emptiness. Ingest's other checks are scanIngested.
func ingestHead(src Source, maxSize int) (Ingested, []validate.Diagnostic) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	data := src.Data
	whole := func(rule, format string, args ...any) []validate.Diagnostic {
		// At 1:1: a finding about the whole file still gets a file:line:column (editors, SARIF
		// regions and CI annotations need one).
		return []validate.Diagnostic{validate.At(schema.At(schema.Place{File: src.Name, Line: 1, Column: 1}), validate.Error, rule, format, args...)}
	}
	if size := max(int64(len(data)), src.Size); size > int64(maxSize) {
		return Ingested{Name: src.Name}, whole(RuleTooLarge,
			"file is %s, over the %s limit for a configuration file", humanSize(int(min(size, 1<<62))), humanSize(maxSize))
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || looksUTF16(data) {
		return Ingested{Name: src.Name}, whole(RuleUTF16, "file is UTF-16 encoded; save it as UTF-8")
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	in := Ingested{Name: src.Name, Data: data, Lines: validate.NewLines(src.Name, data)}
	if len(bytes.TrimSpace(data)) == 0 {
		return in, whole(RuleEmpty, "file is empty")
	}
	return in, nil
}

// scanIngested is the rest of Ingest: the passes over the whole text that look for binary
// content, a Git LFS pointer, merge-conflict markers, invalid UTF-8 and too deep nesting.
func scanIngested(in Ingested, maxDepth int) []validate.Diagnostic {
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
	}
	data := in.Data
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return []validate.Diagnostic{in.Lines.At(i, "", validate.Error, RuleBinary,
			"file holds a NUL byte; it is binary, not a configuration file")}
	}
	if bytes.HasPrefix(data, []byte("version https://git-lfs.github.com/spec/")) {
		return []validate.Diagnostic{in.Lines.At(0, "", validate.Error, RuleLFSPointer,
			"file is a Git LFS pointer, not the configuration; run `git lfs pull` to fetch the real file")}
	}
	if off, ok := findConflictMarker(data); ok {
		return []validate.Diagnostic{in.Lines.At(off, "", validate.Error, RuleMergeConflict,
			"unresolved git merge-conflict marker; resolve the conflict and remove the markers")}
	}
	if !utf8.Valid(data) {
		off := firstInvalidUTF8(data)
		return []validate.Diagnostic{in.Lines.At(off, "", validate.Error, RuleEncoding,
			"invalid UTF-8 byte 0x%02X; save the file as UTF-8", data[off])}
	}
	if off, depth := ScanDepth(data, maxDepth); off >= 0 {
		return []validate.Diagnostic{in.Lines.At(off, "", validate.Error, RuleTooDeep,
			"nesting is deeper than %d levels (reached %d here); no real configuration is", maxDepth, depth)}
	}
	return nil
}

// looksUTF16 catches BOM-less UTF-16: ASCII text with every other byte NUL in its first bytes.
func looksUTF16(data []byte) bool {
	n := min(len(data), 64) &^ 1
	if n < 4 {
		return false
	}
	evenNUL, oddNUL := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			evenNUL++
		}
		if data[i+1] == 0 {
			oddNUL++
		}
	}
	half := n / 2
	return (oddNUL == half && evenNUL == 0) || (evenNUL == half && oddNUL == 0)
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

// findConflictMarker returns the offset of a line that starts a git merge conflict
// ("<<<<<<< ", "=======" alone, or ">>>>>>> ").
func findConflictMarker(data []byte) (int, bool) {
	// Every marker line holds one of these runs: three fast searches spare most files the
	// line-by-line scan.
	if !bytes.Contains(data, []byte("<<<<<<<")) && !bytes.Contains(data, []byte(">>>>>>>")) &&
		!bytes.Contains(data, []byte("=======")) {
		return 0, false
	}
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data) - off
		}
		line := bytes.TrimRight(data[off:off+end], "\r")
		if bytes.HasPrefix(line, []byte("<<<<<<< ")) || bytes.Equal(line, []byte("<<<<<<<")) ||
			bytes.HasPrefix(line, []byte(">>>>>>> ")) || bytes.Equal(line, []byte("=======")) {
			return off, true
		}
		off += end + 1
	}
	return 0, false
}

// ScanDepth finds the first place where brackets, braces and parentheses nest deeper than max
// (see nesting.Scan: strings, comments, regular expressions and template text are skipped). It
// returns -1 when the input stays within max.
func ScanDepth(data []byte, max int) (offset, depth int) { return nesting.Scan(data, max) }

// MaxJSBrackets bounds how many opening brackets, braces and parentheses a JavaScript source
// may hold, counted everywhere (in strings and comments too). ScanDepth lexes heuristically (a
// regular expression right after ")" or "}" can still hide brackets from it), so this cruder
// count is what guarantees goja's recursive parser a bounded stack: 10,000 levels cost it
// about 50 MB; some 220,000 overflow it, which is fatal. No real aws-exports.js comes near.
const MaxJSBrackets = 10_000

// countOpeners returns the offset of the opening bracket, brace or parenthesis that takes the
// count over limit, or -1.
func countOpeners(data []byte, limit int) int { return nesting.CountOpeners(data, limit) }
