package validate

import (
	"slices"
	"sort"
	"strconv"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// Deferred positions: a reader that makes very many values (a large amplify_outputs.json has
// ~190,000) records each one's place as a byte offset of the document's schema.Origin, and its
// line, column and JSON Pointer are worked out only if a finding needs them. The line and
// column come from the file's Lines, the pointer from the parse index.

// ResolveOffset returns the place of the value or key that starts at byte offset off of the
// file (see schema.PosResolver).
func (j *JSONFile) ResolveOffset(off int) schema.Place {
	return j.Lines.Place(off, j.pointerAt(off-j.base))
}

// pointerAt returns the JSON Pointer of the value or member key that starts at offset off of
// the text (that of the last value starting before off, when none starts there). The nodes are
// in document order, so their starts increase: the node is found by binary search and its
// pointer by walking up to the root (memberLinks), so that each of a document's findings,
// however many, costs O(log n + depth).
func (j *JSONFile) pointerAt(off int) string {
	x := j.index
	if x == nil {
		return "" // not indexed by ParseJSONIndex
	}
	n := int32(sort.Search(len(x.nodes), func(i int) bool { return x.start(int32(i)) > off }) - 1)
	if n <= rootNode {
		return ""
	}
	links := j.memberLinks()
	var toks []string
	for ; n != rootNode; n = links[n].parent {
		if x.kind(links[n].parent) == KindObject {
			toks = append(toks, x.key(n))
		} else {
			toks = append(toks, strconv.Itoa(int(links[n].ord)))
		}
	}
	slices.Reverse(toks)
	return JoinPointer(toks...)
}

// memberLink is where a node sits: its parent node and its place among the parent's members.
type memberLink struct{ parent, ord int32 }

// memberLinks returns the memberLink of every node, made in one pass over the index the first
// time a deferred position is resolved (safe for concurrent callers).
func (j *JSONFile) memberLinks() []memberLink {
	j.linksOnce.Do(func() {
		x := j.index
		links := make([]memberLink, len(x.nodes))
		for n := range int32(len(x.nodes)) {
			for k, ord := n+1, int32(0); k < x.nodes[n].end; k, ord = x.nodes[k].end, ord+1 {
				links[k] = memberLink{n, ord}
			}
		}
		j.links = links
	})
	return j.links
}

// start is where node n starts: its key when it is an object member, else its value.
func (x *jsonIndex) start(n int32) int {
	if x.nodes[n].keyOff >= 0 {
		return int(x.nodes[n].keyOff)
	}
	return int(x.nodes[n].off)
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
	return c.j.origin.Pos(c.j.base + c.j.index.start(c.n)), true
}
