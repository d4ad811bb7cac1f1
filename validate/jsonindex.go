package validate

import (
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// The index ParseJSONIndex builds: one node per value, all in one slice in document order
// (pre-order: a container, then each member with its subtree), so that the whole index is a
// few allocations that hold no pointers and the garbage collector never scans. A container's
// members are the nodes from its own index + 1 up to its end, each found by jumping over the
// previous one's subtree. Object keys are not stored: they are read from the text.

// posNode is one value of an indexed document. Node indexes are int32, as offsets are.
type posNode struct {
	off    int32 // the value's offset in the text
	keyOff int32 // its key's offset when the parent is an object, -1 otherwise
	end    int32 // the index just past the node's subtree (its own index + 1 for a scalar)
	count  int32 // the number of members of an object or array (0 for a scalar)
}

// rootNode is the index of a document's root value.
const rootNode int32 = 0

// smallContainer is the member count up to which an object is searched by a scan of its
// members; a larger one gets a table (see jsonIndex.tables), so that no lookup is linear in a
// hostile document's huge object.
const smallContainer = 16

// jsonIndex is a parsed document: its text and the node of every value. Built once by
// ParseJSONIndex and never changed after, so it is safe for concurrent readers.
type jsonIndex struct {
	// text is the document. It is never modified after parsing: keys read from it are strings
	// that share its bytes (textString) instead of copies.
	text  []byte
	nodes []posNode // nodes[rootNode] is the root
	// tables holds, back to back, a list of member nodes for each container with more than
	// smallContainer members whose members cannot be found by arithmetic: an object's sorted by
	// key (then file order), for lookups by key in log time; an array's in order, for Index in
	// constant time. tableAt maps such a container's node to the start of its list.
	tables  []int32
	tableAt map[int32]int32
	// dupObjects are the objects in which some key appears more than once (nil when none).
	dupObjects map[int32]bool
	// asciiKeys is set when every key is ASCII without escapes (as in nearly every real
	// document): then a key is its bytes between the quotes, read without decoding.
	asciiKeys bool
}

// kind returns the JSON type of node n.
func (x *jsonIndex) kind(n int32) Kind { return kindAt(x.text, x.nodes[n].off) }

// key returns the key of member n of an object, decoded as encoding/json decodes it.
func (x *jsonIndex) key(n int32) string {
	node := &x.nodes[n]
	if !x.asciiKeys {
		return keyString(x.text, node.keyOff)
	}
	// Only spaces and the colon lie between the key's closing quote and the value: the key is
	// found from both ends without being scanned.
	end := node.off - 1
	for x.text[end] != '"' {
		end--
	}
	return textString(x.text[node.keyOff+1 : end])
}

// repeatsKeys reports whether some key of object n appears more than once.
func (x *jsonIndex) repeatsKeys(n int32) bool { return len(x.dupObjects) > 0 && x.dupObjects[n] }

// keyString decodes the string starting at text[off]. A plain one (no escape, valid UTF-8) is
// returned without a copy: it shares the text's bytes.
func keyString(text []byte, off int32) string {
	if raw, plain := rawString(text, off); plain && utf8.Valid(raw) {
		return textString(raw)
	}
	return jsonString(text, off)
}

// isASCII reports whether every byte of b is below utf8.RuneSelf.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// textString returns b as a string that shares its bytes: only for the bytes of a document's
// text, which are never modified after parsing (so the string never changes). Such a string
// keeps the whole text alive.
func textString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// flat reports whether every member of container n is a single node (a scalar or an empty
// container), so that member i is node n+1+i.
func (x *jsonIndex) flat(n int32) bool {
	return x.nodes[n].end-n-1 == x.nodes[n].count
}

// table returns the member list of container n when it has one (see jsonIndex.tables).
func (x *jsonIndex) table(n int32) ([]int32, bool) {
	count := x.nodes[n].count
	if count <= smallContainer {
		return nil, false
	}
	start, ok := x.tableAt[n]
	if !ok {
		return nil, false
	}
	return x.tables[start : start+count], true
}

// element returns the node of element i of array n, or -1 when there is none.
func (x *jsonIndex) element(n int32, i int) int32 {
	if i < 0 || i >= int(x.nodes[n].count) {
		return -1
	}
	if x.flat(n) {
		return n + 1 + int32(i)
	}
	if table, ok := x.table(n); ok {
		return table[i]
	}
	k := n + 1
	for ; i > 0; i-- {
		k = x.nodes[k].end
	}
	return k
}

// member returns the node of member key of object n (the last one when the key repeats, as in
// encoding/json), or -1 when there is none.
func (x *jsonIndex) member(n int32, key string) int32 {
	if table, ok := x.table(n); ok {
		// table is sorted by key, then file order: the wanted node is the last one not after key.
		i := sort.Search(len(table), func(i int) bool { return x.key(table[i]) > key })
		if i > 0 && x.key(table[i-1]) == key {
			return table[i-1]
		}
		return -1
	}
	found := int32(-1)
	nodes, text := x.nodes, x.text
	for k, end := n+1, nodes[n].end; k < end; k = nodes[k].end {
		// When every key is ASCII without escapes, a key that is key has its closing quote just
		// after key's bytes: that one byte rules out most members without reading their keys.
		if at := int(nodes[k].keyOff) + 1 + len(key); x.asciiKeys && (at >= len(text) || text[at] != '"') {
			continue
		}
		if x.key(k) == key {
			found = k // no early return: a later duplicate wins
		}
	}
	return found
}

// child returns the member of container n that pointer token tok names (an object key, or an
// array index read as strconv.Atoi reads it), or -1.
func (x *jsonIndex) child(n int32, tok string) int32 {
	switch x.kind(n) {
	case KindObject:
		return x.member(n, tok)
	case KindArray:
		if i, ok := arrayIndex(tok); ok {
			return x.element(n, i)
		}
	}
	return -1
}

// keys returns the keys of object n in file order, each once at its first appearance.
func (x *jsonIndex) keys(n int32) []string {
	keys := make([]string, 0, x.nodes[n].count)
	for k := n + 1; k < x.nodes[n].end; k = x.nodes[k].end {
		keys = append(keys, x.key(k))
	}
	if x.repeatsKeys(n) {
		return uniqueKeys(keys)
	}
	return keys
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
