package hostingenv

import (
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Entry is one variable's value as read, with where it was read: for a dotenv file the
// position of the value in the file; for the process environment the file is `$NAME`.
type Entry struct {
	Value string
	Pos   schema.Pos

	lines *validate.Lines // the text positions refer to
	offs  []int           // offs[i]: byte offset in lines of Value[i]; nil: Value is lines' text
}

// PosAt returns the position of byte i of Value (len(Value) means just after the value),
// following quotes and escapes back to the source text. For the process environment it is a
// position in the value itself, in a file named `$NAME`.
func (e Entry) PosAt(i int) schema.Pos {
	if e.lines == nil {
		return e.Pos
	}
	return e.lines.Pos(e.offset(i), "")
}

// offset maps byte i of Value to a byte offset in e.lines.
func (e Entry) offset(i int) int {
	i = max(i, 0)
	if e.offs == nil {
		return i
	}
	return e.offs[min(i, len(e.offs)-1)]
}

// diagAt returns a diagnostic at byte i of Value, with the source line attached.
func (e Entry) diagAt(i int, sev validate.Severity, rule, format string, args ...any) validate.Diagnostic {
	if e.lines == nil {
		return validate.At(e.Pos, sev, rule, format, args...)
	}
	return e.lines.At(e.offset(i), "", sev, rule, format, args...)
}

// FromEnviron reads variables from an environment list of NAME=value strings (os.Environ's
// form). Entries without `=` are ignored; for a name listed twice the first wins, as in
// os.Getenv. Each Entry's position is in a file named `$NAME`, line and column counted inside
// the value.
func FromEnviron(environ []string) map[string]Entry {
	out := make(map[string]Entry, len(environ))
	for _, kv := range environ {
		name, value, ok := strings.Cut(kv, "=")
		if !ok || name == "" {
			continue
		}
		if _, seen := out[name]; seen {
			continue
		}
		file := "$" + name
		out[name] = Entry{Value: value, Pos: schema.At(schema.Place{File: file, Line: 1, Column: 1}),
			lines: validate.NewLines(file, []byte(value))}
	}
	return out
}
