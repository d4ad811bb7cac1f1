// Package validate checks storage configuration: against the project's JSON Schemas, against
// the rules Amplify and AWS enforce, and across the sources of one project. Every finding is a
// Diagnostic with an exact file:line:column.
package validate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// Severity ranks a Diagnostic.
type Severity int

// Severities, most severe first.
const (
	Error Severity = iota
	Warning
	Info
)

// String returns "error", "warning" or "info".
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "info"
	}
}

// MarshalText writes the severity as its name, so JSON output says "error", not 0.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = Error
	case "warning":
		*s = Warning
	case "info":
		*s = Info
	default:
		return fmt.Errorf("unknown severity %q (want error, warning or info)", b)
	}
	return nil
}

// Diagnostic is one finding: where, how bad, which rule, and what to do about it.
// Line and Column are 1-based; Column counts characters (runes). Line 0 means the finding is
// about the file as a whole.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	// Pointer is the JSON Pointer of the value concerned, where there is one.
	Pointer string `json:"pointer,omitempty"`
	// Snippet is the source line the position is on, for the caret display (for a very long
	// line, the part around the position: see Lines.Snippet).
	Snippet string `json:"-"`
	// SnippetColumn is the caret's 1-based rune column in Snippet (0: Column).
	SnippetColumn int `json:"-"`
}

// At returns a diagnostic at pos.
func At(pos schema.Pos, sev Severity, rule, format string, args ...any) Diagnostic {
	pl := pos.Place()
	return Diagnostic{File: pl.File, Line: pl.Line, Column: pl.Column, Pointer: pl.Pointer,
		Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)}
}

// Pos returns the diagnostic's position.
func (d Diagnostic) Pos() schema.Pos {
	return schema.At(schema.Place{File: d.File, Line: d.Line, Column: d.Column, Pointer: d.Pointer})
}

// String formats the diagnostic as `file:line:col: severity: message [rule]`.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", d.Line, max(d.Column, 1))
	}
	fmt.Fprintf(&b, ": %s: %s [%s]", d.Severity, d.Message, d.Rule)
	return b.String()
}

// Compare orders diagnostics by file, line, column, severity, rule, message and pointer. The
// order is total (short of the snippet, which follows from the position), so that findings
// made in any order, such as concurrently or from a map, always print the same.
func Compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Pointer, b.Pointer),
	)
}

// Sort orders diagnostics (see Compare) and drops exact repeats.
func Sort(ds []Diagnostic) []Diagnostic {
	slices.SortStableFunc(ds, Compare)
	return slices.CompactFunc(ds, func(a, b Diagnostic) bool { return Compare(a, b) == 0 })
}

// Counts returns how many diagnostics have each severity.
func Counts(ds []Diagnostic) (errors, warnings, infos int) {
	for _, d := range ds {
		switch d.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		default:
			infos++
		}
	}
	return
}

// HasErrors reports whether any diagnostic is an error (or, when strict, a warning).
func HasErrors(ds []Diagnostic, strict bool) bool {
	for _, d := range ds {
		if d.Severity == Error || (strict && d.Severity == Warning) {
			return true
		}
	}
	return false
}
