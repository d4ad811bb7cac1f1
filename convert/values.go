package convert

import (
	"encoding/json"
	"strconv"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// RuleType is the rule for a configuration value of the wrong JSON type.
const RuleType = "config/type"

// node is a value of a decoded document and the JSON Pointer it sits at. A missing member
// is a node with a nil value. When the document was indexed by validate.ParseJSON, c walks
// its index alongside (so that a position costs no lookup from the root) and ptrs builds the
// pointers of its members; both are zero for other documents.
type node struct {
	v    any
	ptr  string
	c    validate.Cursor
	ptrs *pointerBuilder
}

// treeRoot returns the root node of v, walking j's index alongside when it has one.
func treeRoot(v any, j *validate.JSONFile) node {
	root := node{v: v}
	if c, ok := j.Cursor(); ok {
		root.c, root.ptrs = c, &pointerBuilder{}
	}
	return root
}

// get returns the member key of an object node (nil value when absent or not an object).
func (n node) get(key string) node {
	child := node{ptr: n.ptrs.member(n.ptr, key), ptrs: n.ptrs}
	if n.c.Valid() {
		child.c = n.c.Member(key)
	}
	if m, ok := n.v.(map[string]any); ok {
		child.v = m[key]
	}
	return child
}

// at follows a path of member keys.
func (n node) at(keys ...string) node {
	for _, k := range keys {
		n = n.get(k)
	}
	return n
}

// exists reports whether the node holds a value (JSON null counts as absent).
func (n node) exists() bool { return n.v != nil }

// object returns the node's object, if it is one.
func (n node) object() (map[string]any, bool) {
	m, ok := n.v.(map[string]any)
	return m, ok
}

// items returns the elements of an array node as nodes.
func (n node) items() []node {
	a, _ := n.v.([]any)
	out := make([]node, len(a))
	for i, v := range a {
		out[i] = node{v: v, ptr: n.ptrs.element(n.ptr, i), ptrs: n.ptrs}
		if n.c.Valid() {
			out[i].c = n.c.Index(i)
		}
	}
	return out
}

// len returns the number of elements of an array node (0 for any other).
func (n node) len() int {
	a, _ := n.v.([]any)
	return len(a)
}

// item returns element i of an array node (see items), without making the others.
func (n node) item(i int) node {
	a, _ := n.v.([]any)
	out := node{v: a[i], ptr: n.ptrs.element(n.ptr, i), ptrs: n.ptrs}
	if n.c.Valid() {
		out.c = n.c.Index(i)
	}
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
			return n.c.DeferredPos(n.ptr)
		}
		return n.c.Pos(n.ptr)
	}
	return m.loc.PosOf(n.ptr)
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
	switch v := n.v.(type) {
	case nil:
		return schema.String{}
	case string:
		return schema.Str(v, m.posOf(n))
	default:
		m.diagAt(n, validate.Error, RuleType, "%q must be a string, not %s", lastToken(n.ptr), kindOf(v))
		return schema.String{}
	}
}

// boolean reads a true/false node: unset when absent or null, an error when of another type.
func (m *mapper) boolean(n node) schema.Bool {
	switch v := n.v.(type) {
	case nil:
		return schema.Bool{}
	case bool:
		return schema.Bool{Value: v, Set: true, Pos: m.posOf(n)}
	default:
		m.diagAt(n, validate.Error, RuleType, "%q must be true or false, not %s", lastToken(n.ptr), kindOf(v))
		return schema.Bool{}
	}
}

// object reads an object node: false when absent or null, an error when of another type.
func (m *mapper) object(n node) bool {
	switch n.v.(type) {
	case nil:
		return false
	case map[string]any:
		return true
	default:
		m.diagAt(n, validate.Error, RuleType, "%q must be an object, not %s", lastToken(n.ptr), kindOf(n.v))
		return false
	}
}

// array reads an array node: false when absent or null, an error when of another type.
func (m *mapper) array(n node) bool {
	switch n.v.(type) {
	case nil:
		return false
	case []any:
		return true
	default:
		m.diagAt(n, validate.Error, RuleType, "%q must be an array, not %s", lastToken(n.ptr), kindOf(n.v))
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

// kindOf names a decoded JSON value's type for messages.
func kindOf(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number, float64, int:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	default:
		_ = v
		return "an unknown value"
	}
}

// orderedKeys returns the member names of the object at pointer in file order (each once, at
// its first appearance), read from the raw JSON because decoded Go maps forget the order.
func orderedKeys(j *validate.JSONFile, pointer string) []string { return j.Keys(pointer) }
