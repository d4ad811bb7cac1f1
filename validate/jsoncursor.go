package validate

import "github.com/seed-258d3fb3/amplify-storage-config/schema"

// Cursor is one value of a document ParseJSON indexed, for walking the document alongside its
// decoded value without resolving a JSON Pointer from the root at every step. A cursor on a
// member that does not exist stays on its deepest existing ancestor (Exact reports false), so
// that its positions are those JSONFile.PosOf gives for the same pointer. The zero Cursor is
// not on any document.
type Cursor struct {
	j     *JSONFile
	n     int32 // the node the cursor is on
	exact bool
}

// Cursor returns a cursor on the root value, and false when j was not indexed by ParseJSON
// (then callers resolve pointers with PosOf).
func (j *JSONFile) Cursor() (Cursor, bool) {
	if !j.Indexed() {
		return Cursor{}, false
	}
	return Cursor{j: j, n: rootNode, exact: true}, true
}

// node returns the node the cursor is on.
func (c Cursor) node() *posNode { return &c.j.index.nodes[c.n] }

// Valid reports whether the cursor is on a document.
func (c Cursor) Valid() bool { return c.j != nil }

// Exact reports whether the cursor is on the value it was moved to (not on an ancestor of a
// missing member).
func (c Cursor) Exact() bool { return c.exact }

// Member moves to the member key of an object (the last one when the key repeats, as in
// encoding/json).
func (c Cursor) Member(key string) Cursor {
	if c.exact {
		if m := c.j.index.child(c.n, key); m >= 0 { // as PosOf reads the token: an index into an array
			return Cursor{j: c.j, n: m, exact: true}
		}
	}
	return c.Absent()
}

// Index moves to element i of an array.
func (c Cursor) Index(i int) Cursor {
	if c.Kind() == KindArray {
		if e := c.j.index.element(c.n, i); e >= 0 {
			return Cursor{j: c.j, n: e, exact: true}
		}
	}
	return c.Absent()
}

// Keys returns the member names of an object in file order, each once at its first
// appearance (nil when the cursor is not exactly on an object). Each call makes a new slice.
func (c Cursor) Keys() []string {
	if c.Kind() != KindObject {
		return nil
	}
	return c.j.index.keys(c.n)
}

// Members walks the members of an object as Keys and Member give them: each key once, at its
// first appearance, with the value of its last (nothing when the cursor is not exactly on an
// object). Unlike Keys then Member, it makes nothing and looks nothing up when no key repeats,
// as in nearly every document. (An iterator struct rather than an iter.Seq2: the closures of
// range-over-func cost an allocation per object walked, ~60,000 in the 6 MB bench file.)
func (c Cursor) Members() MemberIter {
	switch {
	case c.Kind() != KindObject:
		return MemberIter{}
	case c.j.index.repeatsKeys(c.n):
		return MemberIter{obj: c, next: -1, keys: c.j.index.keys(c.n)}
	}
	return MemberIter{obj: c, next: c.n + 1}
}

// MemberIter walks an object's members (Cursor.Members).
type MemberIter struct {
	obj  Cursor
	next int32    // the next member's node; -1 when keys repeat and keys is walked instead
	keys []string // the keys not yet walked, when some repeat
}

// Next returns the next member's key and value, and false after the last.
func (it *MemberIter) Next() (key string, value Cursor, ok bool) {
	switch {
	case it.obj.j == nil:
		return "", Cursor{}, false
	case it.next < 0:
		if len(it.keys) == 0 {
			return "", Cursor{}, false
		}
		key, it.keys = it.keys[0], it.keys[1:]
		return key, it.obj.Member(key), true
	}
	x := it.obj.j.index
	if it.next >= x.nodes[it.obj.n].end {
		return "", Cursor{}, false
	}
	n := it.next
	it.next = x.nodes[n].end
	return x.key(n), Cursor{j: it.obj.j, n: n, exact: true}, true
}

// Pos returns the position of the value, with pointer (the caller's name for it) attached.
func (c Cursor) Pos(pointer string) schema.Pos {
	return c.j.Lines.Pos(c.j.base+int(c.node().off), pointer)
}

// KeyPos returns the position of the value's key when its parent is an object (the value's
// own position otherwise), with pointer attached.
func (c Cursor) KeyPos(pointer string) schema.Pos {
	off := int(c.node().off)
	if c.exact {
		off = c.j.index.start(c.n)
	}
	return c.j.Lines.Pos(c.j.base+off, pointer)
}
