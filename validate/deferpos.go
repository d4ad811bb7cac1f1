package validate

import (
	"strconv"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// Deferred positions: a reader that makes very many values (a large amplify_outputs.json has
// ~190,000) records each one's place as a byte offset of the document's schema.Origin, and its
// line, column and JSON Pointer are worked out only if a finding needs them. The line and
// column come from the file's Lines, the pointer from the parse index: the value (or key)
// that starts at the offset is found by descending from the root.

// ResolveOffset returns the place of the value or key that starts at byte offset off of the
// file (see schema.PosResolver).
func (j *JSONFile) ResolveOffset(off int) schema.Place {
	return j.Lines.Place(off, j.pointerAt(off-j.base))
}

// pointerAt returns the JSON Pointer of the value or member key that starts at offset off of
// the text: at each level, the member whose key (or value, in an array) starts last at or
// before off holds it. An offset at no value's start gives the pointer of the deepest value
// that holds it.
func (j *JSONFile) pointerAt(off int) string {
	x := j.index
	if x == nil {
		return "" // not indexed by ParseJSONIndex
	}
	var b []byte
	for n := rootNode; int(x.nodes[n].off) != off; {
		// The members start in increasing order: walk them up to the last one not after off.
		holder, i := int32(-1), 0
		for k, ord := n+1, 0; k < x.nodes[n].end && x.start(k) <= off; k, ord = x.nodes[k].end, ord+1 {
			holder, i = k, ord
		}
		if holder < 0 {
			break
		}
		if x.kind(n) == KindObject {
			b = appendPointerToken(b, x.key(holder))
		} else {
			b = append(b, '/')
			b = strconv.AppendInt(b, int64(i), 10)
		}
		if int(x.nodes[holder].keyOff) == off {
			break
		}
		n = holder
	}
	return string(b)
}

// start is where member n starts: its key in an object, its value in an array.
func (x *jsonIndex) start(n int32) int {
	if x.nodes[n].keyOff >= 0 {
		return int(x.nodes[n].keyOff)
	}
	return int(x.nodes[n].off)
}

// appendPointerToken appends "/" and key escaped as a JSON Pointer token.
func appendPointerToken(b []byte, key string) []byte {
	b = append(b, '/')
	for i := 0; i < len(key); i++ {
		switch key[i] {
		case '~':
			b = append(b, '~', '0')
		case '/':
			b = append(b, '~', '1')
		default:
			b = append(b, key[i])
		}
	}
	return b
}

// Pointer returns the JSON Pointer of the value the cursor is on (of the deepest existing
// ancestor when it is not exact), worked out from the index: for messages about a document
// whose reader did not build its values' pointers.
func (c Cursor) Pointer() string { return c.j.pointerAt(int(c.node().off)) }

// DeferredPos is the position of the value, deferred: only its offset is recorded, and its
// line, column and pointer are worked out when the Pos is read. ok is false when the cursor is
// not exactly on its value (a missing member's ancestor): then the caller's pointer is needed
// (Pos).
func (c Cursor) DeferredPos() (pos schema.Pos, ok bool) {
	if !c.exact {
		return schema.Pos{}, false
	}
	return c.j.origin.Pos(c.j.base + int(c.node().off)), true
}

// DeferredKeyPos is KeyPos deferred (see DeferredPos).
func (c Cursor) DeferredKeyPos() (pos schema.Pos, ok bool) {
	if !c.exact {
		return schema.Pos{}, false
	}
	off := int(c.node().off)
	if c.node().keyOff >= 0 {
		off = int(c.node().keyOff)
	}
	return c.j.origin.Pos(c.j.base + off), true
}
