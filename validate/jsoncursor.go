package validate

import "github.com/seed-258d3fb3/amplify-storage-config/schema"

// Cursor is one value of a document ParseJSON indexed, for walking the document alongside its
// decoded value without resolving a JSON Pointer from the root at every step. A cursor on a
// member that does not exist stays on its deepest existing ancestor (Exact reports false), so
// that its positions are those JSONFile.PosOf gives for the same pointer. The zero Cursor is
// not on any document.
type Cursor struct {
	j     *JSONFile
	n     *posNode
	exact bool
}

// Cursor returns a cursor on the root value, and false when j was not indexed by ParseJSON
// (then callers resolve pointers with PosOf).
func (j *JSONFile) Cursor() (Cursor, bool) {
	if j == nil || j.tree == nil {
		return Cursor{}, false
	}
	return Cursor{j: j, n: j.tree, exact: true}, true
}

// Valid reports whether the cursor is on a document.
func (c Cursor) Valid() bool { return c.n != nil }

// Exact reports whether the cursor is on the value it was moved to (not on an ancestor of a
// missing member).
func (c Cursor) Exact() bool { return c.exact }

// Member moves to the member key of an object (the last one when the key repeats, as in
// encoding/json).
func (c Cursor) Member(key string) Cursor {
	if !c.exact || (c.n.keys() == nil && c.n.kids() == nil) {
		return Cursor{j: c.j, n: c.n}
	}
	if next := c.n.member(key); next != nil { // as PosOf reads the token: an index into an array
		return Cursor{j: c.j, n: next, exact: true}
	}
	return Cursor{j: c.j, n: c.n}
}

// Index moves to element i of an array.
func (c Cursor) Index(i int) Cursor {
	if !c.exact || c.n.keys() != nil || i < 0 || i >= len(c.n.kids()) {
		return Cursor{j: c.j, n: c.n}
	}
	return Cursor{j: c.j, n: &c.n.members.kids[i], exact: true}
}

// Keys returns the member names of an object in file order, each once at its first
// appearance (nil when the cursor is not exactly on an object). The slice is shared with the
// index when no key repeats: callers must not change it.
func (c Cursor) Keys() []string {
	if !c.exact || c.n.keys() == nil {
		return nil
	}
	if !c.n.dups() {
		return c.n.keys()
	}
	return uniqueKeys(c.n.keys())
}

// Pos returns the position of the value, with pointer (the caller's name for it) attached.
func (c Cursor) Pos(pointer string) schema.Pos {
	return c.j.Lines.Pos(c.j.base+int(c.n.off), pointer)
}

// KeyPos returns the position of the value's key when its parent is an object (the value's
// own position otherwise), with pointer attached.
func (c Cursor) KeyPos(pointer string) schema.Pos {
	off := int(c.n.off)
	if c.exact && c.n.keyOff >= 0 {
		off = int(c.n.keyOff)
	}
	return c.j.Lines.Pos(c.j.base+off, pointer)
}
