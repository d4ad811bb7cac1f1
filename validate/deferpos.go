package validate

import (
	"strconv"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// Deferred positions: a reader that makes very many values (a large amplify_outputs.json has
// ~190,000) records each one's place as a byte offset and leaves its line, column and JSON
// Pointer to be worked out only if a finding needs them (schema.Pos.Resolved). In a deferred
// Pos made here, Deferred is the file's *Lines, Column is the byte offset of the value (or
// key), Line is the index of the value in its array (-1 when Pointer is already the value's
// whole pointer) and Pointer is the pointer, or the array's pointer when Line is an index.

// ResolvePos fills in a deferred Pos made by a Cursor of this file (see Cursor.DeferredPos).
func (l *Lines) ResolvePos(p schema.Pos) schema.Pos {
	if p.Deferred == nil {
		return p
	}
	pointer := p.Pointer
	if p.Line >= 0 {
		pointer += "/" + strconv.Itoa(p.Line)
	}
	out := l.Pos(p.Column, pointer)
	out.File = p.File
	return out
}

// DeferredPos is Pos(pointer) deferred: nothing is worked out until Resolved is called.
func (c Cursor) DeferredPos(pointer string) schema.Pos {
	return c.deferred(int(c.n.off), pointer, -1)
}

// DeferredKeyPos is KeyPos(pointer) deferred.
func (c Cursor) DeferredKeyPos(pointer string) schema.Pos {
	off := int(c.n.off)
	if c.exact && c.n.keyOff >= 0 {
		off = int(c.n.keyOff)
	}
	return c.deferred(off, pointer, -1)
}

// DeferredElementPos is the deferred Pos of element i of the array the cursor is on, whose
// pointer is arrayPointer: that of Index(i).Pos(arrayPointer + "/" + i), without building
// the pointer. ok is false when the cursor is not exactly on an array with element i.
func (c Cursor) DeferredElementPos(arrayPointer string, i int) (pos schema.Pos, ok bool) {
	e := c.Index(i)
	if !e.exact {
		return schema.Pos{}, false
	}
	return e.deferred(int(e.n.off), arrayPointer, i), true
}

func (c Cursor) deferred(off int, pointer string, index int) schema.Pos {
	l := c.j.Lines
	return schema.Pos{File: l.file, Line: index, Column: c.j.base + off, Pointer: pointer, Deferred: l}
}
