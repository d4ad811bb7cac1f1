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

// value decodes node n into Go values as encoding/json does with UseNumber (map[string]any,
// []any, string, json.Number, bool, nil; the last of repeated keys wins).
func (x *jsonIndex) value(n int32) any {
	node := &x.nodes[n]
	switch kindAt(x.text, node.off) {
	case KindObject:
		m := make(map[string]any, node.count)
		for k := n + 1; k < node.end; k = x.nodes[k].end {
			m[x.key(k)] = x.value(k)
		}
		return m
	case KindArray:
		a := make([]any, 0, node.count)
		for k := n + 1; k < node.end; k = x.nodes[k].end {
			a = append(a, x.value(k))
		}
		return a
	case KindString:
		return jsonString(x.text, node.off)
	case KindBool:
		return x.text[node.off] == 't'
	case KindNull:
		return nil
	}
	return json.Number(numberText(x.text, node.off))
}

// Value returns the whole document decoded into Go values (see jsonIndex.value), or nil when j
// was not indexed by ParseJSONIndex. It is decoded on the first call and kept: readers and
// checks that walk the index (Cursor) never pay for it.
func (j *JSONFile) Value() any {
	if !j.Indexed() {
		return nil
	}
	j.valueOnce.Do(func() { j.value = j.index.value(rootNode) })
	return j.value
}

// Indexed reports whether j was made by ParseJSONIndex (so that Cursor and Value work).
func (j *JSONFile) Indexed() bool { return j != nil && j.index != nil }

// Kind returns the JSON type of the value the cursor is on (KindNone when it is not exactly on
// one: a missing member).
func (c Cursor) Kind() Kind {
	if !c.exact {
		return KindNone
	}
	return c.j.index.kind(c.n)
}

// Str returns the value when it is a string.
func (c Cursor) Str() (string, bool) {
	if c.Kind() != KindString {
		return "", false
	}
	return jsonString(c.j.index.text, c.node().off), true
}

// Bool returns the value when it is true or false.
func (c Cursor) Bool() (value, ok bool) {
	if c.Kind() != KindBool {
		return false, false
	}
	return c.j.index.text[c.node().off] == 't', true
}

// Len returns the number of elements of an array (0 for any other value).
func (c Cursor) Len() int {
	if c.Kind() != KindArray {
		return 0
	}
	return int(c.node().count)
}

// MemberCount returns the number of members of an object, a repeated key counted each time (0
// for any other value): room enough for what Members yields.
func (c Cursor) MemberCount() int {
	if c.Kind() != KindObject {
		return 0
	}
	return int(c.node().count)
}

// Value returns the value decoded into Go values as encoding/json decodes it (nil when the
// cursor is not exactly on a value).
func (c Cursor) Value() any {
	if !c.exact {
		return nil
	}
	return c.j.index.value(c.n)
}

// Absent returns a cursor on a member that is not there, positioned at the cursor's value (as
// Member gives for a key the value does not have).
func (c Cursor) Absent() Cursor { return Cursor{j: c.j, n: c.n} }
