package convert

import (
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
	"strconv"
	"strings"
)

// pointerBuilder builds the JSON Pointers of a document's values into shared chunks of text, so
// that the ~200,000 pointers of a large document cost a few dozen allocations (of memory the
// garbage collector need not scan) instead of two each. Every pointer is a substring of a chunk:
// a chunk is only appended to, so earlier pointers never change. A nil builder concatenates.
type pointerBuilder struct {
	chunk *strings.Builder
}

// pointerChunkMax caps a chunk; chunks start small so that a small document stays small.
const pointerChunkMax = 64 << 10

// room makes sure the current chunk can take n more bytes without moving.
func (p *pointerBuilder) room(n int) {
	if p.chunk != nil && p.chunk.Cap()-p.chunk.Len() >= n {
		return
	}
	size := 512
	if p.chunk != nil {
		size = min(2*p.chunk.Cap(), pointerChunkMax)
	}
	p.chunk = new(strings.Builder)
	p.chunk.Grow(max(size, n))
}

// member returns the pointer of member key of the value at parent.
func (p *pointerBuilder) member(parent, key string) string {
	if p == nil {
		return parent + validate.JoinPointer(key)
	}
	p.room(len(parent) + 1 + 2*len(key))
	start := p.chunk.Len()
	p.chunk.WriteString(parent)
	p.chunk.WriteByte('/')
	for i := 0; i < len(key); i++ {
		switch key[i] {
		case '~':
			p.chunk.WriteString("~0")
		case '/':
			p.chunk.WriteString("~1")
		default:
			p.chunk.WriteByte(key[i])
		}
	}
	return p.chunk.String()[start:]
}

// element returns the pointer of element i of the array at parent.
func (p *pointerBuilder) element(parent string, i int) string {
	if p == nil {
		return parent + "/" + itoa(i)
	}
	p.room(len(parent) + 1 + 20)
	start := p.chunk.Len()
	p.chunk.WriteString(parent)
	p.chunk.WriteByte('/')
	var digits [20]byte
	p.chunk.Write(strconv.AppendInt(digits[:0], int64(i), 10))
	return p.chunk.String()[start:]
}
