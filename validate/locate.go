package validate

import (
	"strconv"
	"strings"
	"sync"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/tidwall/gjson"
)

// JSONFile is a JSON document indexed for positions: it turns a JSON Pointer into the
// file:line:column of the value (or its key). It does not validate: decode the data with
// encoding/json first. With duplicate keys the last one wins, as in encoding/json.
//
// Readers ask for the position of every value they map, in file order; resolving each pointer
// from the root would make that quadratic in the document size. So the JSONFile remembers the
// containers along the last pointer it resolved, each with an index of its members: a lookup
// only indexes the containers where its pointer leaves the previous one. It is safe for
// concurrent use.
type JSONFile struct {
	*Lines
	// base is the byte offset of the JSON text inside the file (non-zero for JSON embedded in
	// another file, such as a Dart string).
	base int
	root gjson.Result

	// index, when set, holds every value's position, recorded by ParseJSONIndex; then root is
	// parsed only if a caller asks for it (rootOnce).
	index  *jsonIndex
	origin schema.Origin // resolves the deferred positions made from index (deferpos.go)
	// links is where each node of index sits, made on first use (memberLinks).
	links     []memberLink
	linksOnce sync.Once
	rootOnce  sync.Once
	// value is the document decoded into Go values, made on first use (Value).
	value     any
	valueOnce sync.Once

	mu   sync.Mutex
	path []pathStep // path[0] is the root; path[i+1] is a member of path[i]
}

// pathStep is one container (or leaf) along the last pointer resolved.
type pathStep struct {
	ptr     string       // the pointer of this step ("" for the root)
	val     gjson.Result // the value
	key     gjson.Result // its key when the parent is an object
	members *memberIndex // the value's members, built on first lookup inside it
}

// memberIndex lists the members of one object or array in file order.
type memberIndex struct {
	keys   []gjson.Result // object keys (nil for an array)
	vals   []gjson.Result
	lastOf map[string]int // key -> index of its last appearance (objects only)
}

func indexMembers(r gjson.Result) *memberIndex {
	m := &memberIndex{}
	isObject := r.IsObject()
	if isObject {
		m.lastOf = map[string]int{}
	}
	r.ForEach(func(k, v gjson.Result) bool {
		if isObject {
			m.lastOf[k.Str] = len(m.vals) // later duplicates overwrite: the last one wins
			m.keys = append(m.keys, k)
		}
		m.vals = append(m.vals, v)
		return true
	})
	return m
}

// member returns the member called tok (an object key, or an array index).
func (m *memberIndex) member(tok string) (key, val gjson.Result, ok bool) {
	if m.lastOf != nil {
		i, found := m.lastOf[tok]
		if !found {
			return key, val, false
		}
		return m.keys[i], m.vals[i], true
	}
	n, err := strconv.Atoi(tok)
	if err != nil || n < 0 || n >= len(m.vals) {
		return key, val, false
	}
	return key, m.vals[n], true
}

// NewJSONFile indexes a whole-file JSON document.
func NewJSONFile(file string, data []byte) *JSONFile {
	return NewEmbeddedJSON(NewLines(file, data), 0, data)
}

// NewEmbeddedJSON indexes JSON text that starts at byte offset base inside the file lines
// describes, so positions point into that file.
func NewEmbeddedJSON(lines *Lines, base int, text []byte) *JSONFile {
	root := gjson.ParseBytes(text)
	return &JSONFile{Lines: lines, base: base, root: root, path: []pathStep{{val: root}}}
}

// newIndexedJSON makes the JSONFile of a document ParseJSONIndex indexed.
func newIndexedJSON(lines *Lines, base int, index *jsonIndex) *JSONFile {
	j := &JSONFile{Lines: lines, base: base, index: index}
	j.origin = schema.NewOrigin(lines.File(), j)
	return j
}

// Root returns the parsed root value, for walking with gjson.
func (j *JSONFile) Root() gjson.Result {
	if j.index != nil {
		j.rootOnce.Do(func() { j.root = gjson.ParseBytes(j.index.text) }) // only readers that walk gjson pay for it
	}
	return j.root
}

// treeNode returns the deepest node of j.index along pointer, and whether it is the whole
// pointer.
func (j *JSONFile) treeNode(pointer string) (int32, bool) {
	n := rootNode
	if pointer != "" && pointer[0] != '/' {
		pointer = "/" + pointer // read as SplitPointer reads it
	}
	// Tokens are cut out of pointer in place: splitting it into a slice cost more than the walk.
	for pointer != "" {
		end := strings.IndexByte(pointer[1:], '/') + 1
		if end == 0 {
			end = len(pointer)
		}
		tok := unescapePointerToken(pointer[1:end])
		pointer = pointer[end:]
		next := j.index.child(n, tok)
		if next < 0 {
			return n, false
		}
		n = next
	}
	return n, true
}

// resolve walks pointer from the root, reusing the steps it shares with the last pointer
// resolved (compared as text, so that the shared part is not even split). It returns the
// deepest step that resolves and whether that is the whole pointer. The caller holds j.mu.
func (j *JSONFile) resolve(pointer string) (pathStep, bool) {
	if pointer != "" && pointer[0] != '/' {
		pointer = "/" + pointer // read as SplitPointer reads it
	}
	i := len(j.path) - 1
	for ; i > 0; i-- {
		p := j.path[i].ptr
		if strings.HasPrefix(pointer, p) && (len(pointer) == len(p) || pointer[len(p)] == '/') {
			break
		}
	}
	j.path = j.path[:i+1]
	for rest := pointer[len(j.path[i].ptr):]; rest != ""; {
		end := strings.IndexByte(rest[1:], '/') + 1
		if end == 0 {
			end = len(rest)
		}
		tok := unescapePointerToken(rest[1:end])
		rest = rest[end:]
		parent := &j.path[len(j.path)-1]
		if !parent.val.IsObject() && !parent.val.IsArray() {
			return *parent, false
		}
		if parent.members == nil {
			parent.members = indexMembers(parent.val)
		}
		key, val, ok := parent.members.member(tok)
		if !ok {
			return *parent, false
		}
		j.path = append(j.path, pathStep{ptr: pointer[:len(pointer)-len(rest)], val: val, key: key})
	}
	return j.path[len(j.path)-1], true
}

// Offset returns the byte offset (in the file) of the value at pointer, and of its key when the
// parent is an object (-1 otherwise). When the pointer does not resolve, it returns the offset
// of the deepest ancestor that does, and ok false.
func (j *JSONFile) Offset(pointer string) (valueOff, keyOff int, ok bool) {
	if j.index != nil {
		n, ok := j.treeNode(pointer)
		node := &j.index.nodes[n]
		return j.base + int(node.off), keyOffOrNone(j.base, int(node.keyOff)), ok
	}
	if pointer == "" {
		return j.base + j.root.Index, -1, j.root.Exists()
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	step, ok := j.resolve(pointer)
	keyOff = -1
	if step.key.Exists() {
		keyOff = step.key.Index
	}
	return j.base + step.val.Index, keyOffOrNone(j.base, keyOff), ok
}

// Keys returns the member names of the object at pointer in file order, each once at its
// first appearance (nil when pointer does not name an object).
func (j *JSONFile) Keys(pointer string) []string {
	if j.index != nil {
		n, ok := j.treeNode(pointer)
		if !ok || j.index.kind(n) != KindObject {
			return nil
		}
		return j.index.keys(n)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, ok := j.resolve(pointer); !ok {
		return nil
	}
	step := &j.path[len(j.path)-1]
	if !step.val.IsObject() {
		return nil
	}
	if step.members == nil {
		step.members = indexMembers(step.val)
	}
	m := step.members
	keys := make([]string, 0, len(m.lastOf))
	var seen map[string]bool
	if len(m.lastOf) < len(m.keys) {
		seen = make(map[string]bool, len(m.lastOf)) // only when some key repeats
	}
	for _, k := range m.keys {
		if seen != nil {
			if seen[k.Str] {
				continue
			}
			seen[k.Str] = true
		}
		keys = append(keys, k.Str)
	}
	return keys
}

// uniqueKeys returns keys without repeats, each at its first appearance.
func uniqueKeys(keys []string) []string {
	seen := make(map[string]bool, len(keys))
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

func keyOffOrNone(base, off int) int {
	if off < 0 {
		return -1
	}
	return base + off
}

// Pos returns the position of the value at pointer (or of its deepest existing ancestor).
func (j *JSONFile) PosOf(pointer string) schema.Pos {
	off, _, _ := j.Offset(pointer)
	return j.Lines.Pos(off, pointer)
}

// KeyPos returns the position of the key of the member at pointer, falling back to the value.
func (j *JSONFile) KeyPos(pointer string) schema.Pos {
	off, key, ok := j.Offset(pointer)
	if ok && key >= 0 {
		off = key
	}
	return j.Lines.Pos(off, pointer)
}

// DiagAt returns a diagnostic at the value at pointer, with the source line attached.
func (j *JSONFile) DiagAt(pointer string, sev Severity, rule, format string, args ...any) Diagnostic {
	off, _, _ := j.Offset(pointer)
	return j.Lines.At(off, pointer, sev, rule, format, args...)
}

// DiagAtKey returns a diagnostic at the key of the member at pointer (the value when none).
func (j *JSONFile) DiagAtKey(pointer string, sev Severity, rule, format string, args ...any) Diagnostic {
	off, key, ok := j.Offset(pointer)
	if ok && key >= 0 {
		off = key
	}
	return j.Lines.At(off, pointer, sev, rule, format, args...)
}

// SplitPointer splits a JSON Pointer ("/a/b~1c") into unescaped tokens (["a", "b/c"]).
func SplitPointer(pointer string) []string {
	if pointer == "" {
		return nil
	}
	toks := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	for i, t := range toks {
		toks[i] = unescapePointerToken(t)
	}
	return toks
}

// JoinPointer builds a JSON Pointer from raw tokens, escaping "~" and "/".
func JoinPointer(tokens ...string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		if !strings.ContainsAny(t, "~/") {
			b.WriteString(t)
			continue
		}
		for i := 0; i < len(t); i++ { // escaped by hand: a Replacer costs more for these short keys
			switch t[i] {
			case '~':
				b.WriteString("~0")
			case '/':
				b.WriteString("~1")
			default:
				b.WriteByte(t[i])
			}
		}
	}
	return b.String()
}

// unescapePointerToken undoes JoinPointer's escapes in one token ("~1" is "/", "~0" is "~"). It is
// written out by hand: a strings.Replacer per call cost more than the lookups it served.
func unescapePointerToken(t string) string {
	i := strings.IndexByte(t, '~')
	if i < 0 {
		return t
	}
	b := make([]byte, 0, len(t))
	b = append(b, t[:i]...)
	for ; i < len(t); i++ {
		if t[i] == '~' && i+1 < len(t) && (t[i+1] == '0' || t[i+1] == '1') {
			b = append(b, "~/"[t[i+1]-'0'])
			i++
			continue
		}
		b = append(b, t[i])
	}
	return string(b)
}
