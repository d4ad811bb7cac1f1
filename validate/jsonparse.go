package validate

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// DuplicateKey is an object key that appears a second time in the same object.
type DuplicateKey struct {
	Pointer string // the member's JSON Pointer
	Key     string
	Offset  int // the file offset of the later key
}

// ParseJSON decodes text (which starts at byte offset base of the file lines indexes) as one
// JSON value exactly as encoding/json does with UseNumber, and indexes the position of every
// value as it goes. It is ParseJSONIndex with the document decoded into Go values: callers
// that can walk the index (JSONFile.Cursor) should use ParseJSONIndex and decode only what they
// need (JSONFile.Value). Like ParseJSONIndex, it takes ownership of text: the decoded keys and
// strings may share its bytes.
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
// encoding/json to word the error. ParseJSONIndex takes ownership of text, as bytes.NewBuffer
// does of its slice: text must not be changed afterwards, since the index reads values from
// it and the strings it gives (keys, and plain string values) share its bytes.
func ParseJSONIndex(lines *Lines, base int, text []byte) (j *JSONFile, dups []DuplicateKey, ok bool) {
	if len(text) >= 1<<31-1 {
		return nil, nil, false // offsets are int32
	}
	// A pretty-printed configuration file has one value per ~30 bytes: the estimate makes the
	// node slice once for such a file; a denser one grows it (see value).
	p := &jsonParser{data: text, index: &jsonIndex{text: text, nodes: make([]posNode, 0, len(text)/24+8), asciiKeys: true}}
	p.skipSpace()
	if !p.value(-1, 0) {
		return nil, nil, false
	}
	p.skipSpace()
	if p.i != len(text) {
		return nil, nil, false
	}
	// An object reports its duplicates when it ends, after those of the objects inside it: put
	// them back in file order.
	slices.SortFunc(p.dups, func(a, b DuplicateKey) int { return cmp.Compare(a.Offset, b.Offset) })
	for i := range p.dups {
		p.dups[i].Offset += base
	}
	return newIndexedJSON(lines, base, p.index), p.dups, true
}

// jsonParser is one run of ParseJSONIndex.
type jsonParser struct {
	data  []byte
	i     int
	index *jsonIndex // being built
	toks  []parseTok // the path to the value being parsed, joined only for a duplicate key
	dups  []DuplicateKey
	// members stacks the members of the objects being parsed, for finding repeated keys and
	// building the tables of large objects when each ends.
	members []objectMember
}

// objectMember is one member of an object being parsed: its key, decoded, and its node.
type objectMember struct {
	key  string
	node int32
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

// value parses the value at p.i (whose key, if any, is at keyOff) and appends its node, and its
// members' after it. Its kind is the byte at its offset; scalars are checked and skipped, and
// decoded only when read (see jsonvalues.go).
func (p *jsonParser) value(keyOff, depth int) bool {
	if p.i >= len(p.data) {
		return false
	}
	x := p.index
	if len(x.nodes) == cap(x.nodes) {
		x.nodes = slices.Grow(x.nodes, len(x.nodes)) // doubled: append grows a large slice by a quarter, copying more in all
	}
	n := int32(len(x.nodes))
	x.nodes = append(x.nodes, posNode{off: int32(p.i), keyOff: int32(keyOff)})
	var ok bool
	switch c := p.data[p.i]; {
	case c == '{':
		ok = p.object(n, depth+1)
	case c == '[':
		ok = p.array(n, depth+1)
	case c == '"':
		ok = p.str()
	case c == 't':
		ok = p.literal("true")
	case c == 'f':
		ok = p.literal("false")
	case c == 'n':
		ok = p.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		ok = p.number()
	}
	x.nodes[n].end = int32(len(x.nodes))
	return ok
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

// str checks the string at p.i and moves past it. A plain string (no escape) is accepted as it
// is (encoding/json makes bad bytes U+FFFD); any other is checked by encoding/json, so that
// escapes are accepted exactly as it accepts them. Strings are decoded only when read
// (jsonString, keyString), by the same rule.
func (p *jsonParser) str() bool {
	start := p.i
	p.i++
	plain := true
	for p.i < len(p.data) {
		c := p.data[p.i]
		switch {
		case c == '"':
			p.i++
			return plain || json.Valid(p.data[start:p.i])
		case c == '\\':
			plain = false
			p.i += 2 // the escaped character cannot end the string; encoding/json checks the rest
		case c < 0x20:
			return false
		default:
			p.i++
		}
	}
	return false
}

// key decodes the key that starts at keyOff and ends at p.i, and notes when it is not ASCII
// without escapes (see jsonIndex.asciiKeys).
func (p *jsonParser) key(keyOff int) string {
	if raw := p.data[keyOff+1 : p.i-1]; bytes.IndexByte(raw, '\\') < 0 && isASCII(raw) {
		return textString(raw) // shares the text's bytes, as jsonIndex.key does
	}
	p.index.asciiKeys = false
	return keyString(p.data, int32(keyOff))
}

// object parses the object at p.i, whose node is n.
func (p *jsonParser) object(n int32, depth int) bool {
	if depth > maxJSONDepth {
		return false
	}
	p.i++ // {
	p.skipSpace()
	if p.i < len(p.data) && p.data[p.i] == '}' {
		p.i++
		return true
	}
	mark := len(p.members)
	for {
		if p.i >= len(p.data) || p.data[p.i] != '"' {
			return false
		}
		keyOff := p.i
		if !p.str() {
			return false
		}
		key := p.key(keyOff)
		p.skipSpace()
		if p.i >= len(p.data) || p.data[p.i] != ':' {
			return false
		}
		p.i++
		p.skipSpace()
		kid := int32(len(p.index.nodes))
		p.toks = append(p.toks, parseTok{key: key, isKey: true})
		ok := p.value(keyOff, depth)
		p.toks = p.toks[:len(p.toks)-1]
		if !ok {
			return false
		}
		p.members = append(p.members, objectMember{key: key, node: kid})
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
	p.index.nodes[n].count = int32(len(p.members) - mark)
	p.endObject(n, p.members[mark:])
	p.members = p.members[:mark]
	return true
}

// endObject reports the repeated keys of object n, whose members (in file order) are members,
// and gives the object a table when it is large (see jsonIndex.tables). It reorders members.
func (p *jsonParser) endObject(n int32, members []objectMember) {
	if len(members) <= smallContainer {
		for i := 1; i < len(members); i++ {
			for _, earlier := range members[:i] {
				if earlier.key == members[i].key {
					p.duplicate(n, members[i])
					break
				}
			}
		}
		return
	}
	// Sorted by key, then file order: each repeat of a key follows its first appearance.
	slices.SortFunc(members, func(a, b objectMember) int {
		return cmp.Or(strings.Compare(a.key, b.key), cmp.Compare(a.node, b.node))
	})
	p.startTable(n)
	x := p.index
	for i, m := range members {
		if i > 0 && members[i-1].key == m.key {
			p.duplicate(n, m)
		}
		x.tables = append(x.tables, m.node)
	}
}

// duplicate reports member m of object n, whose key an earlier member has.
func (p *jsonParser) duplicate(n int32, m objectMember) {
	x := p.index
	if x.dupObjects == nil {
		x.dupObjects = make(map[int32]bool)
	}
	x.dupObjects[n] = true
	p.dups = append(p.dups, DuplicateKey{
		Pointer: pointerOf(append(p.toks, parseTok{key: m.key, isKey: true})), // p.toks is the path to n
		Key:     m.key,
		Offset:  int(x.nodes[m.node].keyOff),
	})
}

// startTable starts the table of container n at the end of the tables (see jsonIndex.tables).
func (p *jsonParser) startTable(n int32) {
	x := p.index
	if x.tableAt == nil {
		x.tableAt = make(map[int32]int32)
	}
	x.tableAt[n] = int32(len(x.tables))
}

// array parses the array at p.i, whose node is n.
func (p *jsonParser) array(n int32, depth int) bool {
	if depth > maxJSONDepth {
		return false
	}
	p.i++ // [
	p.skipSpace()
	if p.i < len(p.data) && p.data[p.i] == ']' {
		p.i++
		return true
	}
	x := p.index
	for i := 0; ; i++ {
		p.toks = append(p.toks, parseTok{index: i})
		ok := p.value(-1, depth)
		p.toks = p.toks[:len(p.toks)-1]
		if !ok {
			return false
		}
		p.skipSpace()
		if p.i < len(p.data) && p.data[p.i] == ',' {
			p.i++
			p.skipSpace()
			continue
		}
		if p.i < len(p.data) && p.data[p.i] == ']' {
			p.i++
			x.nodes[n].count = int32(i + 1)
			break
		}
		return false
	}
	// A large array of containers gets a table of its elements; in any other, element i is
	// found by arithmetic (every element one node) or by a short walk.
	x.nodes[n].end = int32(len(x.nodes)) // as value sets it: flat needs it now
	if x.nodes[n].count > smallContainer && !x.flat(n) {
		p.startTable(n)
		for k := n + 1; k < x.nodes[n].end; k = x.nodes[k].end {
			x.tables = append(x.tables, k)
		}
	}
	return true
}
