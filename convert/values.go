package convert

import (
	"encoding/json"
	"strconv"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// RuleType is the rule for a configuration value of the wrong JSON type.
const RuleType = "config/type"

// node is a value of a document and the JSON Pointer it sits at. A missing member is a node
// with no value. A document indexed by validate.ParseJSONIndex is read through its index: c is
// on the value (its scalars are decoded from the text only when read) and ptrs builds the
// pointers of its members. Any other document is a decoded Go value v (c is then zero).
//
// A reader whose positions are deferred (ReadOptions.DeferPositions) need not build pointers
// at all: with lazyPtr, a node on an existing value leaves ptr empty, and pointer() works it
// out from the index when a message needs it; only a missing member's pointer is built.
type node struct {
	v       any
	ptr     string
	c       validate.Cursor
	ptrs    *pointerBuilder
	lazyPtr bool
}

// pointer returns the JSON Pointer of the node.
func (n node) pointer() string {
	if n.lazyPtr && n.c.Exact() {
		return n.c.Pointer()
	}
	return n.ptr
}

// withLazyPointers returns n (the root of an indexed document) with its members' pointers
// worked out only when asked for (see node).
func (n node) withLazyPointers() node {
	if n.indexed() && n.c.Exact() {
		n.ptrs, n.lazyPtr = nil, true
	}
	return n
}

// indexRoot returns the root node of a document: read through j's index when it has one, else
// the decoded value v.
func indexRoot(v any, j *validate.JSONFile) node {
	if c, ok := j.Cursor(); ok {
		return node{c: c, ptrs: &pointerBuilder{}}
	}
	return node{v: v}
}

// indexed reports whether the node is read through a document index.
func (n node) indexed() bool { return n.c.Valid() }

// get returns the member key of an object node (no value when absent or not an object).
func (n node) get(key string) node {
	var child node
	switch {
	case n.indexed() && n.c.Kind() == validate.KindObject:
		child.c = n.c.Member(key)
	case n.indexed():
		child.c = n.c.Absent() // not an object: a missing member, positioned at n
	default:
		m, _ := n.v.(map[string]any)
		child.v = m[key]
	}
	return n.memberPointer(child, key)
}

// memberPointer gives child, member key of n, its pointer: none with lazy pointers when it
// exists (pointer() finds it), else n's pointer and the key.
func (n node) memberPointer(child node, key string) node {
	if n.lazyPtr {
		child.lazyPtr = true
		if !child.c.Exact() {
			child.ptr = n.pointer() + validate.JoinPointer(key)
		}
		return child
	}
	child.ptr, child.ptrs = n.ptrs.member(n.ptr, key), n.ptrs
	return child
}

// at follows a path of member keys.
func (n node) at(keys ...string) node {
	for _, k := range keys {
		n = n.get(k)
	}
	return n
}

// kind returns the JSON type of the node's value (KindNone when missing).
func (n node) kind() validate.Kind {
	if n.indexed() {
		return n.c.Kind()
	}
	switch n.v.(type) {
	case nil:
		return validate.KindNone // a decoded null and a missing member look the same
	case string:
		return validate.KindString
	case bool:
		return validate.KindBool
	case json.Number, float64, int:
		return validate.KindNumber
	case []any:
		return validate.KindArray
	case map[string]any:
		return validate.KindObject
	}
	return validate.KindNone
}

// exists reports whether the node holds a value (JSON null counts as absent).
func (n node) exists() bool {
	k := n.kind()
	return k != validate.KindNone && k != validate.KindNull
}

// text returns the node's value when it is a string.
func (n node) text() (string, bool) {
	if n.indexed() {
		return n.c.Str()
	}
	s, ok := n.v.(string)
	return s, ok
}

// items returns the elements of an array node as nodes.
func (n node) items() []node {
	out := make([]node, n.len())
	for i := range out {
		out[i] = n.item(i)
	}
	return out
}

// members walks the members of an object node in file order, each key once with its last
// value (as get gives them); count is at most how many there are, to size what the caller
// builds. An indexed object is walked in place; j gives a decoded one's key order.
func (n node) members(j *validate.JSONFile) (it memberIter, count int) {
	if n.indexed() {
		return memberIter{parent: n, c: n.c.Members()}, n.c.MemberCount()
	}
	keys := orderedKeys(j, n.pointer())
	return memberIter{parent: n, keys: keys}, len(keys)
}

// memberIter walks an object node's members (node.members).
type memberIter struct {
	parent node
	c      validate.MemberIter // an indexed object's members
	keys   []string            // a decoded object's keys not yet walked
}

// next returns the next member's key and node, and false after the last.
func (it *memberIter) next() (key string, child node, ok bool) {
	p := it.parent
	if !p.indexed() {
		if len(it.keys) == 0 {
			return "", node{}, false
		}
		key, it.keys = it.keys[0], it.keys[1:]
		return key, p.get(key), true
	}
	key, c, ok := it.c.Next()
	if !ok {
		return "", node{}, false
	}
	return key, p.memberPointer(node{c: c}, key), true
}

// len returns the number of elements of an array node (0 for any other).
func (n node) len() int {
	if n.indexed() {
		return n.c.Len()
	}
	a, _ := n.v.([]any)
	return len(a)
}

// item returns element i of an array node (see items), without making the others.
func (n node) item(i int) node {
	var out node
	if n.indexed() {
		out.c = n.c.Index(i)
	} else {
		a, _ := n.v.([]any)
		out.v = a[i]
	}
	if n.lazyPtr { // as memberPointer, for an element
		out.lazyPtr = true
		if !out.c.Exact() {
			out.ptr = n.pointer() + "/" + strconv.Itoa(i)
		}
		return out
	}
	out.ptr, out.ptrs = n.ptrs.element(n.ptr, i), n.ptrs
	return out
}

// mapper turns nodes into model values with positions, and records type problems.
type mapper struct {
	doc *Document
	loc validate.Locator
	// deferPos makes the positions of indexed nodes deferred (ReadOptions.DeferPositions).
	deferPos bool
}

// pos returns the position of the value at pointer.
func (m *mapper) pos(ptr string) schema.Pos { return m.loc.PosOf(ptr) }

// posOf returns the position of node n's value (of its deepest existing ancestor when missing).
func (m *mapper) posOf(n node) schema.Pos {
	if n.c.Valid() {
		if m.deferPos {
			if pos, ok := n.c.DeferredPos(); ok {
				return pos
			}
		}
		return n.c.Pos(n.pointer())
	}
	return m.loc.PosOf(n.pointer())
}

// diag records a diagnostic at the value at pointer.
func (m *mapper) diag(ptr string, sev validate.Severity, rule, format string, args ...any) {
	m.doc.Diagnostics = append(m.doc.Diagnostics, validate.At(m.pos(ptr), sev, rule, format, args...))
}

// diagAt records a diagnostic at node n's value.
func (m *mapper) diagAt(n node, sev validate.Severity, rule, format string, args ...any) {
	m.doc.Diagnostics = append(m.doc.Diagnostics, validate.At(m.posOf(n), sev, rule, format, args...))
}

// str reads a string node: unset when absent or null, an error when of another type.
func (m *mapper) str(n node) schema.String {
	switch k := n.kind(); k {
	case validate.KindNone, validate.KindNull:
		return schema.String{}
	case validate.KindString:
		s, _ := n.text()
		return schema.Str(s, m.posOf(n))
	default:
		m.diagAt(n, validate.Error, RuleType, "%q must be a string, not %s", lastToken(n.pointer()), kindPhrase(k))
		return schema.String{}
	}
}

// boolean reads a true/false node: unset when absent or null, an error when of another type.
func (m *mapper) boolean(n node) schema.Bool {
	switch k := n.kind(); k {
	case validate.KindNone, validate.KindNull:
		return schema.Bool{}
	case validate.KindBool:
		v, _ := n.v.(bool)
		if n.indexed() {
			v, _ = n.c.Bool()
		}
		return schema.Bool{Value: v, Set: true, Pos: m.posOf(n)}
	default:
		m.diagAt(n, validate.Error, RuleType, "%q must be true or false, not %s", lastToken(n.pointer()), kindPhrase(k))
		return schema.Bool{}
	}
}

// object reads an object node: false when absent or null, an error when of another type.
func (m *mapper) object(n node) bool {
	switch k := n.kind(); k {
	case validate.KindNone, validate.KindNull:
		return false
	case validate.KindObject:
		return true
	default:
		m.diagAt(n, validate.Error, RuleType, "%q must be an object, not %s", lastToken(n.pointer()), kindPhrase(k))
		return false
	}
}

// array reads an array node: false when absent or null, an error when of another type.
func (m *mapper) array(n node) bool {
	switch k := n.kind(); k {
	case validate.KindNone, validate.KindNull:
		return false
	case validate.KindArray:
		return true
	default:
		m.diagAt(n, validate.Error, RuleType, "%q must be an array, not %s", lastToken(n.pointer()), kindPhrase(k))
		return false
	}
}

// key reads the two parts of a DynamoDB key from name and type nodes (nil when no name).
func (m *mapper) key(name, typ node) *schema.Key {
	k := schema.Key{Name: m.str(name), Type: m.str(typ)}
	if !k.Name.Set {
		return nil
	}
	return &k
}

// lastToken names the member at ptr for messages: its key, or parent[i] for an array element.
func lastToken(ptr string) string {
	toks := validate.SplitPointer(ptr)
	if len(toks) == 0 {
		return "(root)"
	}
	last := toks[len(toks)-1]
	if _, err := strconv.Atoi(last); err == nil && len(toks) > 1 {
		return toks[len(toks)-2] + "[" + last + "]"
	}
	return last
}

// kindPhrase names a JSON type for messages.
func kindPhrase(k validate.Kind) string {
	switch k {
	case validate.KindNull:
		return "null"
	case validate.KindString:
		return "a string"
	case validate.KindBool:
		return "a boolean"
	case validate.KindNumber:
		return "a number"
	case validate.KindArray:
		return "an array"
	case validate.KindObject:
		return "an object"
	}
	return "an unknown value"
}

// orderedKeys returns the member names of the object at pointer in file order (each once, at
// its first appearance), read from the raw JSON because decoded Go maps forget the order.
func orderedKeys(j *validate.JSONFile, pointer string) []string { return j.Keys(pointer) }
