package validate

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DuplicateKey is an object key that appears a second time in the same object.
type DuplicateKey struct {
	Pointer string // the member's JSON Pointer
	Key     string
	Offset  int // the file offset of the later key
}

// posNode is where one value of a parsed document sits: its offset and its key's (relative to
// the text), and, for a container, its members. Built once while parsing, never changed after.
// Scalars (most values) keep only the two offsets, so that a large document's index stays
// small.
type posNode struct {
	off, keyOff int32       // keyOff is -1 when the parent is not an object
	members     *posMembers // nil for scalars and empty arrays
}

// posMembers are the members of one object or array, in file order.
type posMembers struct {
	kids   []posNode
	keys   []string       // object keys, parallel to kids (nil for arrays)
	lastOf map[string]int // key -> index of its last appearance, for large objects only
	dups   bool           // some key appears more than once
}

// kids returns the node's members (nil for a scalar).
func (n *posNode) kids() []posNode {
	if n.members == nil {
		return nil
	}
	return n.members.kids
}

// keys returns an object's keys in file order (nil when n is not an object).
func (n *posNode) keys() []string {
	if n.members == nil {
		return nil
	}
	return n.members.keys
}

// dups reports whether some key of an object appears more than once.
func (n *posNode) dups() bool { return n.members != nil && n.members.dups }

// posIndexThreshold is the member count above which an object gets a key map; below it a
// backward scan is faster than hashing.
const posIndexThreshold = 16

// member returns the member called tok (the last one of that key), or nil.
func (n *posNode) member(tok string) *posNode {
	m := n.members
	if m == nil {
		return nil
	}
	if m.keys != nil {
		if m.lastOf != nil {
			if i, ok := m.lastOf[tok]; ok {
				return &m.kids[i]
			}
			return nil
		}
		for i := len(m.keys) - 1; i >= 0; i-- { // backwards: the last duplicate wins
			if m.keys[i] == tok {
				return &m.kids[i]
			}
		}
		return nil
	}
	i, ok := arrayIndex(tok)
	if !ok || i >= len(m.kids) {
		return nil
	}
	return &m.kids[i]
}

// arrayIndex reads a pointer token as an array index the way strconv.Atoi does (non-negative).
func arrayIndex(tok string) (int, bool) {
	s := strings.TrimPrefix(tok, "+")
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// ParseJSON decodes text (which starts at byte offset base of the file lines indexes) as one
// JSON value exactly as encoding/json does with UseNumber, and indexes the position of every
// value as it goes, so that one pass replaces the decoder, the gjson index and the
// duplicate-key walk. It reports the duplicate keys. ok is false when text is not exactly one
// valid JSON value (or is nested deeper than encoding/json allows): then nothing else is
// returned, and the caller decodes with encoding/json to word the error.
func ParseJSON(lines *Lines, base int, text []byte) (v any, j *JSONFile, dups []DuplicateKey, ok bool) {
	if len(text) >= 1<<31-1 {
		return nil, nil, nil, false // offsets are int32
	}
	p := &jsonParser{data: text}
	p.skipSpace()
	v, root, ok := p.value(-1, 0)
	if !ok {
		return nil, nil, nil, false
	}
	p.skipSpace()
	if p.i != len(text) {
		return nil, nil, nil, false
	}
	for i := range p.dups {
		p.dups[i].Offset += base
	}
	return v, newTreeJSON(lines, base, text, &root), p.dups, true
}

// jsonParser is one run of ParseJSON.
type jsonParser struct {
	data []byte
	i    int
	toks []parseTok // the path to the value being parsed, joined only for a duplicate key
	dups []DuplicateKey
	// kids and keys stack the members of the containers being parsed; each container copies
	// its own out once complete, so that it costs one allocation instead of one per doubling.
	kids []posNode
	keys []string
	// strs holds the short strings seen so far: keys and values such as "get" repeat
	// thousands of times in a large document, and each copy cost an allocation.
	strs map[string]string
}

// Interning limits: only short strings, and at most this many distinct ones.
const (
	internMaxLen   = 32
	internMaxCount = 4096
)

// internMapMinSize is the smallest document that gets its own table of strings seen: in a
// small one, few strings repeat that commonString does not know, and the table costs more
// than it saves.
const internMapMinSize = 16 << 10

// intern returns raw as a string, shared with an earlier equal one when it is short.
func (p *jsonParser) intern(raw []byte) string {
	if s, ok := commonString(raw); ok {
		return s
	}
	if len(raw) > internMaxLen {
		return string(raw)
	}
	if s, ok := p.strs[string(raw)]; ok {
		return s
	}
	s := string(raw)
	if p.strs == nil {
		if len(p.data) < internMapMinSize {
			return s
		}
		p.strs = make(map[string]string)
	}
	if len(p.strs) < internMaxCount {
		p.strs[s] = s
	}
	return s
}

// parseTok is one step of the path being parsed: an object key, or an array index when key is
// unset. Indexes stay ints, since formatting one per array element cost more than the parse.
type parseTok struct {
	key   string
	index int
	isKey bool
}

// pointerOf returns the JSON Pointer of the path toks.
func pointerOf(toks []parseTok) string {
	var b strings.Builder
	for _, t := range toks {
		if t.isKey {
			b.WriteString(JoinPointer(t.key))
		} else {
			b.WriteByte('/')
			b.WriteString(strconv.Itoa(t.index))
		}
	}
	return b.String()
}

// maxJSONDepth is encoding/json's nesting limit; deeper input is left to it to report.
const maxJSONDepth = 10000

func (p *jsonParser) skipSpace() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// value parses the value at p.i (whose key, if any, is at keyOff).
func (p *jsonParser) value(keyOff, depth int) (any, posNode, bool) {
	if p.i >= len(p.data) {
		return nil, posNode{}, false
	}
	n := posNode{off: int32(p.i), keyOff: int32(keyOff)}
	var v any
	var ok bool
	switch c := p.data[p.i]; {
	case c == '{':
		v, ok = p.object(&n, depth+1)
	case c == '[':
		v, ok = p.array(&n, depth+1)
	case c == '"':
		v, ok = p.str()
	case c == 't':
		v, ok = true, p.literal("true")
	case c == 'f':
		v, ok = false, p.literal("false")
	case c == 'n':
		v, ok = nil, p.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		v, ok = p.number()
	}
	return v, n, ok
}

func (p *jsonParser) literal(word string) bool {
	if !bytes.HasPrefix(p.data[p.i:], []byte(word)) {
		return false
	}
	p.i += len(word)
	return true
}

// number scans -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? and keeps its text.
func (p *jsonParser) number() (any, bool) {
	start := p.i
	if p.data[p.i] == '-' {
		p.i++
	}
	digits := func() int {
		n := 0
		for p.i < len(p.data) && p.data[p.i] >= '0' && p.data[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	if p.i < len(p.data) && p.data[p.i] == '0' {
		p.i++
	} else if digits() == 0 {
		return nil, false
	}
	if p.i < len(p.data) && p.data[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return nil, false
		}
	}
	if p.i < len(p.data) && (p.data[p.i] == 'e' || p.data[p.i] == 'E') {
		p.i++
		if p.i < len(p.data) && (p.data[p.i] == '+' || p.data[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return nil, false
		}
	}
	return json.Number(p.data[start:p.i]), true
}

// str parses a string. Plain strings (no escape, valid UTF-8) are copied as they are; any other
// is handed to encoding/json, so that escapes and bad bytes decode exactly as it decodes them.
func (p *jsonParser) str() (string, bool) {
	start := p.i
	p.i++
	plain := true
	for p.i < len(p.data) {
		c := p.data[p.i]
		switch {
		case c == '"':
			p.i++
			raw := p.data[start+1 : p.i-1]
			if plain && utf8.Valid(raw) {
				return p.intern(raw), true
			}
			var s string
			if err := json.Unmarshal(p.data[start:p.i], &s); err != nil {
				return "", false
			}
			return s, true
		case c == '\\':
			plain = false
			p.i += 2 // the escaped character cannot end the string; encoding/json checks the rest
		case c < 0x20:
			return "", false
		default:
			p.i++
		}
	}
	return "", false
}

func (p *jsonParser) object(n *posNode, depth int) (any, bool) {
	if depth > maxJSONDepth {
		return nil, false
	}
	p.i++ // {
	m := map[string]any{}
	mark, keyMark := len(p.kids), len(p.keys)
	dups := false
	defer func() { p.kids, p.keys = p.kids[:mark], p.keys[:keyMark] }()
	p.skipSpace()
	if p.i < len(p.data) && p.data[p.i] == '}' {
		p.i++
		n.members = &posMembers{keys: []string{}}
		return m, true
	}
	for {
		if p.i >= len(p.data) || p.data[p.i] != '"' {
			return nil, false
		}
		keyOff := p.i
		key, ok := p.str()
		if !ok {
			return nil, false
		}
		p.skipSpace()
		if p.i >= len(p.data) || p.data[p.i] != ':' {
			return nil, false
		}
		p.i++
		p.skipSpace()
		if _, seen := m[key]; seen {
			dups = true
			p.dups = append(p.dups, DuplicateKey{Pointer: pointerOf(append(p.toks, parseTok{key: key, isKey: true})), Key: key, Offset: keyOff})
		}
		p.toks = append(p.toks, parseTok{key: key, isKey: true})
		v, kid, ok := p.value(keyOff, depth)
		p.toks = p.toks[:len(p.toks)-1]
		if !ok {
			return nil, false
		}
		p.keys = append(p.keys, key)
		p.kids = append(p.kids, kid)
		m[key] = v
		p.skipSpace()
		if p.i < len(p.data) && p.data[p.i] == ',' {
			p.i++
			p.skipSpace()
			continue
		}
		if p.i < len(p.data) && p.data[p.i] == '}' {
			p.i++
			break
		}
		return nil, false
	}
	members := &posMembers{kids: slices.Clone(p.kids[mark:]), keys: slices.Clone(p.keys[keyMark:]), dups: dups}
	if len(members.keys) > posIndexThreshold {
		members.lastOf = make(map[string]int, len(m))
		for i, k := range members.keys {
			members.lastOf[k] = i
		}
	}
	n.members = members
	return m, true
}

func (p *jsonParser) array(n *posNode, depth int) (any, bool) {
	if depth > maxJSONDepth {
		return nil, false
	}
	p.i++ // [
	a := []any{}
	mark := len(p.kids)
	defer func() { p.kids = p.kids[:mark] }()
	p.skipSpace()
	if p.i < len(p.data) && p.data[p.i] == ']' {
		p.i++
		return a, true
	}
	for {
		p.toks = append(p.toks, parseTok{index: len(a)})
		v, kid, ok := p.value(-1, depth)
		p.toks = p.toks[:len(p.toks)-1]
		if !ok {
			return nil, false
		}
		p.kids = append(p.kids, kid)
		a = append(a, v)
		p.skipSpace()
		if p.i < len(p.data) && p.data[p.i] == ',' {
			p.i++
			p.skipSpace()
			continue
		}
		if p.i < len(p.data) && p.data[p.i] == ']' {
			p.i++
			n.members = &posMembers{kids: slices.Clone(p.kids[mark:])}
			return a, true
		}
		return nil, false
	}
}
