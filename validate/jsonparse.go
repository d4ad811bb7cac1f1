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
// value as it goes. It is ParseJSONIndex with the document decoded into Go values: callers
// that can walk the index (JSONFile.Cursor) should use ParseJSONIndex and decode only what they
// need (JSONFile.Value).
func ParseJSON(lines *Lines, base int, text []byte) (v any, j *JSONFile, dups []DuplicateKey, ok bool) {
	j, dups, ok = ParseJSONIndex(lines, base, text)
	if !ok {
		return nil, nil, nil, false
	}
	return j.Value(), j, dups, true
}

// ParseJSONIndex checks that text (which starts at byte offset base of the file lines indexes)
// is exactly one JSON value that encoding/json accepts, and indexes the position of every value
// as it goes, so that one pass replaces the decoder, the gjson index and the duplicate-key walk.
// It builds no Go values: a large document's values are read from the index and the text when
// asked for (JSONFile.Cursor, JSONFile.Value), never held twice. It reports the duplicate keys.
// ok is false when text is not exactly one valid JSON value (or is nested deeper than
// encoding/json allows): then nothing else is returned, and the caller decodes with
// encoding/json to word the error.
func ParseJSONIndex(lines *Lines, base int, text []byte) (j *JSONFile, dups []DuplicateKey, ok bool) {
	if len(text) >= 1<<31-1 {
		return nil, nil, false // offsets are int32
	}
	p := &jsonParser{data: text}
	p.skipSpace()
	root, ok := p.value(-1, 0)
	if !ok {
		return nil, nil, false
	}
	p.skipSpace()
	if p.i != len(text) {
		return nil, nil, false
	}
	for i := range p.dups {
		p.dups[i].Offset += base
	}
	return newTreeJSON(lines, base, text, &root), p.dups, true
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

// value parses the value at p.i (whose key, if any, is at keyOff). Its kind is the byte at its
// offset; scalars are checked and skipped, and decoded only when read (see jsontree.go).
func (p *jsonParser) value(keyOff, depth int) (posNode, bool) {
	if p.i >= len(p.data) {
		return posNode{}, false
	}
	n := posNode{off: int32(p.i), keyOff: int32(keyOff)}
	var ok bool
	switch c := p.data[p.i]; {
	case c == '{':
		ok = p.object(&n, depth+1)
	case c == '[':
		ok = p.array(&n, depth+1)
	case c == '"':
		_, ok = p.str(false)
	case c == 't':
		ok = p.literal("true")
	case c == 'f':
		ok = p.literal("false")
	case c == 'n':
		ok = p.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		ok = p.number()
	}
	return n, ok
}

func (p *jsonParser) literal(word string) bool {
	if !bytes.HasPrefix(p.data[p.i:], []byte(word)) {
		return false
	}
	p.i += len(word)
	return true
}

// number scans -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?.
func (p *jsonParser) number() bool {
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
		return false
	}
	if p.i < len(p.data) && p.data[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return false
		}
	}
	if p.i < len(p.data) && (p.data[p.i] == 'e' || p.data[p.i] == 'E') {
		p.i++
		if p.i < len(p.data) && (p.data[p.i] == '+' || p.data[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return false
		}
	}
	return true
}

// str parses a string, and decodes it when keep is set (object keys). Plain strings (no escape,
// valid UTF-8) are copied as they are; any other is handed to encoding/json, so that escapes and
// bad bytes decode exactly as it decodes them. A string value is only checked: it is decoded
// when read (jsonString), by the same rule.
func (p *jsonParser) str(keep bool) (string, bool) {
	start := p.i
	p.i++
	plain := true
	for p.i < len(p.data) {
		c := p.data[p.i]
		switch {
		case c == '"':
			p.i++
			if plain && !keep {
				return "", true // any bytes are accepted (encoding/json makes bad ones U+FFFD)
			}
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

func (p *jsonParser) object(n *posNode, depth int) bool {
	if depth > maxJSONDepth {
		return false
	}
	p.i++ // {
	mark, keyMark := len(p.kids), len(p.keys)
	dups := false
	// lastOf indexes the keys once the object has more than posIndexThreshold of them; below
	// that, a backward scan finds a repeated key faster than hashing.
	var lastOf map[string]int
	defer func() { p.kids, p.keys = p.kids[:mark], p.keys[:keyMark] }()
	p.skipSpace()
	if p.i < len(p.data) && p.data[p.i] == '}' {
		p.i++
		n.members = &posMembers{keys: []string{}}
		return true
	}
	for {
		if p.i >= len(p.data) || p.data[p.i] != '"' {
			return false
		}
		keyOff := p.i
		key, ok := p.str(true)
		if !ok {
			return false
		}
		p.skipSpace()
		if p.i >= len(p.data) || p.data[p.i] != ':' {
			return false
		}
		p.i++
		p.skipSpace()
		if p.seen(key, keyMark, lastOf) {
			dups = true
			p.dups = append(p.dups, DuplicateKey{Pointer: pointerOf(append(p.toks, parseTok{key: key, isKey: true})), Key: key, Offset: keyOff})
		}
		p.toks = append(p.toks, parseTok{key: key, isKey: true})
		kid, ok := p.value(keyOff, depth)
		p.toks = p.toks[:len(p.toks)-1]
		if !ok {
			return false
		}
		p.keys = append(p.keys, key)
		p.kids = append(p.kids, kid)
		if count := len(p.keys) - keyMark; lastOf != nil {
			lastOf[key] = count - 1
		} else if count > posIndexThreshold {
			lastOf = make(map[string]int, 2*count)
			for i, k := range p.keys[keyMark:] {
				lastOf[k] = i
			}
		}
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
		return false
	}
	n.members = &posMembers{kids: slices.Clone(p.kids[mark:]), keys: slices.Clone(p.keys[keyMark:]), lastOf: lastOf, dups: dups}
	return true
}

// seen reports whether the object whose keys start at p.keys[keyMark] already has key.
func (p *jsonParser) seen(key string, keyMark int, lastOf map[string]int) bool {
	if lastOf != nil {
		_, ok := lastOf[key]
		return ok
	}
	return slices.Contains(p.keys[keyMark:], key)
}

func (p *jsonParser) array(n *posNode, depth int) bool {
	if depth > maxJSONDepth {
		return false
	}
	p.i++ // [
	mark := len(p.kids)
	defer func() { p.kids = p.kids[:mark] }()
	p.skipSpace()
	if p.i < len(p.data) && p.data[p.i] == ']' {
		p.i++
		return true
	}
	for {
		p.toks = append(p.toks, parseTok{index: len(p.kids) - mark})
		kid, ok := p.value(-1, depth)
		p.toks = p.toks[:len(p.toks)-1]
		if !ok {
			return false
		}
		p.kids = append(p.kids, kid)
		p.skipSpace()
		if p.i < len(p.data) && p.data[p.i] == ',' {
			p.i++
			p.skipSpace()
			continue
		}
		if p.i < len(p.data) && p.data[p.i] == ']' {
			p.i++
			n.members = &posMembers{kids: slices.Clone(p.kids[mark:])}
			return true
		}
		return false
	}
}
