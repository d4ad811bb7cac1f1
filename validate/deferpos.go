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
	var b []byte
	n := j.tree
	for n != nil && int(n.off) != off {
		kids := n.kids()
		i := len(kids) - 1
		for i >= 0 && start(&kids[i]) > off {
			i--
		}
		if i < 0 {
			break
		}
		if keys := n.keys(); keys != nil {
			b = appendPointerToken(b, keys[i])
		} else {
			b = append(b, '/')
			b = strconv.AppendInt(b, int64(i), 10)
		}
		if int(kids[i].keyOff) == off {
			break
		}
		n = &kids[i]
	}
	return string(b)
}

// start is where a member starts: its key in an object, its value in an array.
func start(n *posNode) int {
	if n.keyOff >= 0 {
		return int(n.keyOff)
	}
	return int(n.off)
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

// DeferredPos is Pos(pointer) deferred: only the value's offset is recorded, and its line,
// column and pointer are worked out when the Pos is read. A cursor not exactly on its value
// (a missing member's ancestor) gives Pos(pointer) itself, since the offset names the ancestor.
func (c Cursor) DeferredPos(pointer string) schema.Pos {
	if !c.exact {
		return c.Pos(pointer)
	}
	return c.j.origin.Pos(c.j.base + int(c.n.off))
}

// DeferredKeyPos is KeyPos(pointer) deferred (see DeferredPos).
func (c Cursor) DeferredKeyPos(pointer string) schema.Pos {
	if !c.exact {
		return c.KeyPos(pointer)
	}
	off := int(c.n.off)
	if c.n.keyOff >= 0 {
		off = int(c.n.keyOff)
	}
	return c.j.origin.Pos(c.j.base + off)
}

// DeferredElementPos is the deferred Pos of element i of the array the cursor is on. ok is
// false when the cursor is not exactly on an array with element i.
func (c Cursor) DeferredElementPos(i int) (pos schema.Pos, ok bool) {
	e := c.Index(i)
	if !e.exact {
		return schema.Pos{}, false
	}
	return e.j.origin.Pos(e.j.base + int(e.n.off)), true
}
