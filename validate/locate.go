package validate

import (
	"strconv"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/tidwall/gjson"
)

// JSONFile is a JSON document indexed for positions: it turns a JSON Pointer into the
// file:line:column of the value (or its key). It does not validate: decode the data with
// encoding/json first. With duplicate keys the last one wins, as in encoding/json.
type JSONFile struct {
	*Lines
	// base is the byte offset of the JSON text inside the file (non-zero for JSON embedded in
	// another file, such as a Dart string).
	base int
	root gjson.Result
}

// NewJSONFile indexes a whole-file JSON document.
func NewJSONFile(file string, data []byte) *JSONFile {
	return &JSONFile{Lines: NewLines(file, data), root: gjson.ParseBytes(data)}
}

// NewEmbeddedJSON indexes JSON text that starts at byte offset base inside the file lines
// describes, so positions point into that file.
func NewEmbeddedJSON(lines *Lines, base int, text []byte) *JSONFile {
	return &JSONFile{Lines: lines, base: base, root: gjson.ParseBytes(text)}
}

// Root returns the parsed root value, for walking with gjson.
func (j *JSONFile) Root() gjson.Result { return j.root }

// Offset returns the byte offset (in the file) of the value at pointer, and of its key when the
// parent is an object (-1 otherwise). When the pointer does not resolve, it returns the offset
// of the deepest ancestor that does, and ok false.
func (j *JSONFile) Offset(pointer string) (valueOff, keyOff int, ok bool) {
	cur := j.root
	valueOff, keyOff = cur.Index, -1
	if pointer == "" {
		return j.base + valueOff, -1, cur.Exists()
	}
	for _, tok := range SplitPointer(pointer) {
		var next, nextKey gjson.Result
		found := false
		switch {
		case cur.IsObject():
			cur.ForEach(func(k, v gjson.Result) bool {
				if k.Str == tok {
					next, nextKey, found = v, k, true // keep going: the last duplicate wins
				}
				return true
			})
		case cur.IsArray():
			n, err := strconv.Atoi(tok)
			if err == nil && n >= 0 {
				i := 0
				cur.ForEach(func(_, v gjson.Result) bool {
					if i == n {
						next, found = v, true
						return false
					}
					i++
					return true
				})
			}
		}
		if !found {
			return j.base + valueOff, keyOffOrNone(j.base, keyOff), false
		}
		cur = next
		valueOff, keyOff = next.Index, -1
		if nextKey.Exists() {
			keyOff = nextKey.Index
		}
	}
	return j.base + valueOff, keyOffOrNone(j.base, keyOff), true
}

func keyOffOrNone(base, off int) int {
	if off < 0 {
		return -1
	}
	return base + off
}

// Pos returns the position of the value at pointer (or of its deepest existing ancestor).
func (j *JSONFile) PosOf(pointer string) schema.Pos {
	off, _, _ := j.Offset(pointer)
	return j.Lines.Pos(off, pointer)
}

// KeyPos returns the position of the key of the member at pointer, falling back to the value.
func (j *JSONFile) KeyPos(pointer string) schema.Pos {
	off, key, ok := j.Offset(pointer)
	if ok && key >= 0 {
		off = key
	}
	return j.Lines.Pos(off, pointer)
}

// DiagAt returns a diagnostic at the value at pointer, with the source line attached.
func (j *JSONFile) DiagAt(pointer string, sev Severity, rule, format string, args ...any) Diagnostic {
	off, _, _ := j.Offset(pointer)
	return j.Lines.At(off, pointer, sev, rule, format, args...)
}

// DiagAtKey returns a diagnostic at the key of the member at pointer (the value when none).
func (j *JSONFile) DiagAtKey(pointer string, sev Severity, rule, format string, args ...any) Diagnostic {
	off, key, ok := j.Offset(pointer)
	if ok && key >= 0 {
		off = key
	}
	return j.Lines.At(off, pointer, sev, rule, format, args...)
}

// SplitPointer splits a JSON Pointer ("/a/b~1c") into unescaped tokens (["a", "b/c"]).
func SplitPointer(pointer string) []string {
	if pointer == "" {
		return nil
	}
	toks := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	for i, t := range toks {
		if strings.Contains(t, "~") {
			toks[i] = strings.NewReplacer("~1", "/", "~0", "~").Replace(t)
		}
	}
	return toks
}

// JoinPointer builds a JSON Pointer from raw tokens, escaping "~" and "/".
func JoinPointer(tokens ...string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		if strings.ContainsAny(t, "~/") {
			t = strings.NewReplacer("~", "~0", "/", "~1").Replace(t)
		}
		b.WriteString(t)
	}
	return b.String()
}
