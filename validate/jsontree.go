package validate

import (
	"encoding/json"
	"unicode/utf8"
)

// Reading values out of a document ParseJSONIndex indexed. The index keeps only offsets: a
// value's kind is the byte it starts with, and a scalar is decoded from the text when read,
// exactly as encoding/json (with UseNumber) decodes it.

// Kind is the JSON type of a value in an indexed document.
type Kind uint8

// The JSON kinds. KindNone is a value that is not there (a missing member).
const (
	KindNone Kind = iota
	KindNull
	KindBool
	KindNumber
	KindString
	KindArray
	KindObject
)

// kindAt returns the kind of the value starting at text[off] (ParseJSONIndex has checked it).
func kindAt(text []byte, off int32) Kind {
	switch c := text[off]; c {
	case '{':
		return KindObject
	case '[':
		return KindArray
	case '"':
		return KindString
	case 't', 'f':
		return KindBool
	case 'n':
		return KindNull
	}
	return KindNumber
}

// rawString returns the bytes between the quotes of the string starting at text[off], and
// whether they hold no escape (then they are the string, once checked for UTF-8).
func rawString(text []byte, off int32) (raw []byte, plain bool) {
	plain = true
	i := int(off) + 1
	for {
		switch text[i] {
		case '"':
			return text[off+1 : i], plain
		case '\\':
			plain = false
			i += 2
		default:
			i++
		}
	}
}

// jsonString decodes the string starting at text[off].
func jsonString(text []byte, off int32) string {
	raw, plain := rawString(text, off)
	if plain && utf8.Valid(raw) {
		if s, ok := commonString(raw); ok {
			return s
		}
		return string(raw)
	}
	var s string
	_ = json.Unmarshal(text[off:int(off)+len(raw)+2], &s) // checked by ParseJSONIndex
	return s
}

// stringIs reports whether the string starting at text[off] decodes to s, without decoding it
// when it is plain.
func stringIs(text []byte, off int32, s string) bool {
	raw, plain := rawString(text, off)
	if plain && utf8.Valid(raw) {
		return string(raw) == s // compared in place: no string is made
	}
	return jsonString(text, off) == s
}

// numberText returns the text of the number starting at text[off].
func numberText(text []byte, off int32) string {
	i := int(off)
	for i < len(text) && isNumberByte(text[i]) {
		i++
	}
	return string(text[off:i])
}

// isNumberByte reports whether c can be part of a JSON number.
func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

// nodeValue decodes the value n of j into Go values as encoding/json does with UseNumber
// (map[string]any, []any, string, json.Number, bool, nil; the last of repeated keys wins).
func (j *JSONFile) nodeValue(n *posNode) any {
	switch kindAt(j.text, n.off) {
	case KindObject:
		keys, kids := n.keys(), n.kids()
		m := make(map[string]any, len(keys))
		for i, k := range keys {
			m[k] = j.nodeValue(&kids[i])
		}
		return m
	case KindArray:
		kids := n.kids()
		a := make([]any, len(kids))
		for i := range kids {
			a[i] = j.nodeValue(&kids[i])
		}
		return a
	case KindString:
		return jsonString(j.text, n.off)
	case KindBool:
		return j.text[n.off] == 't'
	case KindNull:
		return nil
	}
	return json.Number(numberText(j.text, n.off))
}

// Value returns the whole document decoded into Go values (see nodeValue), or nil when j was
// not indexed by ParseJSONIndex. It is decoded on the first call and kept: readers and checks
// that walk the index (Cursor) never pay for it.
func (j *JSONFile) Value() any {
	if j == nil || j.tree == nil {
		return nil
	}
	j.valueOnce.Do(func() { j.value = j.nodeValue(j.tree) })
	return j.value
}

// Indexed reports whether j was made by ParseJSONIndex (so that Cursor and Value work).
func (j *JSONFile) Indexed() bool { return j != nil && j.tree != nil }

// Kind returns the JSON type of the value the cursor is on (KindNone when it is not exactly on
// one: a missing member).
func (c Cursor) Kind() Kind {
	if !c.exact {
		return KindNone
	}
	return kindAt(c.j.text, c.n.off)
}

// Str returns the value when it is a string.
func (c Cursor) Str() (string, bool) {
	if c.Kind() != KindString {
		return "", false
	}
	return jsonString(c.j.text, c.n.off), true
}

// Bool returns the value when it is true or false.
func (c Cursor) Bool() (value, ok bool) {
	if c.Kind() != KindBool {
		return false, false
	}
	return c.j.text[c.n.off] == 't', true
}

// Len returns the number of elements of an array (0 for any other value).
func (c Cursor) Len() int {
	if c.Kind() != KindArray {
		return 0
	}
	return len(c.n.kids())
}

// Value returns the value decoded into Go values as encoding/json decodes it (nil when the
// cursor is not exactly on a value).
func (c Cursor) Value() any {
	if !c.exact {
		return nil
	}
	return c.j.nodeValue(c.n)
}

// Absent returns a cursor on a member that is not there, positioned at the cursor's value (as
// Member gives for a key the value does not have).
func (c Cursor) Absent() Cursor { return Cursor{j: c.j, n: c.n} }
