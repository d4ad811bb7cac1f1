package validate

import (
	"bytes"
	"encoding/json"
	"runtime"
	"slices"
	"unicode/utf8"
)

// The fast form of a schema, run on a document ParseJSONIndex indexed instead of on decoded Go
// values: a large valid document is then checked without ever being decoded into maps. Every
// answer is the one valid gives for the decoded document (a differential test and
// FuzzFastPathMatchesSchema hold the two, and jsonschema/v5, to the same answers).

// kindNames are the JSON Schema type names of the kinds.
var kindNames = [...]string{
	KindNone: "", KindNull: "null", KindBool: "boolean", KindNumber: "number",
	KindString: "string", KindArray: "array", KindObject: "object",
}

// validNode reports whether node n of document x satisfies s, as s.valid(x.value(n)).
func (s *fastSchema) validNode(x *jsonIndex, n int32) bool {
	if s.always != nil {
		return *s.always
	}
	off := x.nodes[n].off
	kind := kindAt(x.text, off)
	if ok, ifInteger := s.typeMatch(kindNames[kind]); !ok && !(ifInteger && isInteger(json.Number(numberText(x.text, off)))) {
		return false
	}
	if s.hasConst && !x.equals(n, s.constValue) {
		return false
	}
	if s.enum != nil && !x.inEnum(n, s) {
		return false
	}
	switch kind {
	case KindObject:
		if x.repeatsKeys(n) {
			// Repeated keys: the decoded object (the last of each key wins) is what counts.
			obj, _ := x.value(n).(map[string]any)
			if !s.validObject(obj) {
				return false
			}
		} else if !s.validObjectNode(x, n) {
			return false
		}
	case KindArray:
		if !s.validArrayNode(x, n) {
			return false
		}
	case KindString:
		if s.checksStrings() && !s.validString(jsonString(x.text, off)) {
			return false
		}
	case KindNumber:
		if s.checksNumbers() && !s.validNumber(json.Number(numberText(x.text, off))) {
			return false
		}
	}
	if s.ref != nil && !s.ref.validNode(x, n) { // the commonest applicator, followed without a closure
		return false
	}
	return !s.hasApplicators() || s.validApplicators(func(sub *fastSchema) bool { return sub.validNode(x, n) })
}

// equals is jsonEqual(x.value(n), v), without decoding n when v is a string.
func (x *jsonIndex) equals(n int32, v any) bool {
	if s, ok := v.(string); ok {
		return x.kind(n) == KindString && stringIs(x.text, x.nodes[n].off, s)
	}
	return jsonEqual(x.value(n), v)
}

// inEnum reports whether node n equals one of s.enum.
func (x *jsonIndex) inEnum(n int32, s *fastSchema) bool {
	if s.enumStrings == nil {
		return slices.ContainsFunc(s.enum, func(e any) bool { return x.equals(n, e) })
	}
	if x.kind(n) != KindString {
		return false
	}
	if raw, plain := rawString(x.text, x.nodes[n].off); plain && utf8.Valid(raw) {
		if s.enumFew != nil {
			for _, e := range s.enumFew {
				if string(raw) == e { // compared in place: no string is made
					return true
				}
			}
			return false
		}
		return s.enumStrings[string(raw)] // looked up in place: no string is made
	}
	return s.enumStrings[jsonString(x.text, x.nodes[n].off)]
}

// validObjectNode is validObject for object n, which has no repeated keys.
func (s *fastSchema) validObjectNode(x *jsonIndex, n int32) bool {
	node := &x.nodes[n]
	if !countOK(int(node.count), s.minProps, s.maxProps) {
		return false
	}
	for _, name := range s.required {
		if x.member(n, name) < 0 {
			return false
		}
	}
	if !s.checksMembers() {
		return true
	}
	// The member loop of validObject, on the index (kept as a copy: this runs for every member
	// of every object, and sharing it through a callback cost ~10% of the whole check).
	for val := n + 1; val < node.end; val = x.nodes[val].end {
		name := x.key(val)
		if s.propertyNames != nil && !s.propertyNames.valid(name) {
			return false
		}
		evaluated := false
		if sub, ok := s.property(name); ok {
			evaluated = true
			if !sub.validNode(x, val) {
				return false
			}
		}
		for k := range s.patterns {
			p := &s.patterns[k]
			if p.matches(name) {
				evaluated = true
				if !p.schema.validNode(x, val) {
					return false
				}
			}
		}
		if !evaluated && s.additional != nil && !s.additional.validNode(x, val) {
			return false
		}
	}
	return true
}

// validArrayNode is validArray for array n.
func (s *fastSchema) validArrayNode(x *jsonIndex, n int32) bool {
	node := &x.nodes[n]
	if !countOK(int(node.count), s.minItems, s.maxItems) {
		return false
	}
	if s.unique && !x.uniqueItems(n) {
		return false
	}
	if s.items == nil {
		return true
	}
	if parts := min(runtime.GOMAXPROCS(0), int(node.count)); parts > 1 && node.end-n > parallelSchemaNodes {
		return s.itemsValidInParts(x, n, parts)
	}
	return s.itemsValid(x, n+1, node.end)
}

// itemsValid checks the array elements from node first up to (not including) node end.
func (s *fastSchema) itemsValid(x *jsonIndex, first, end int32) bool {
	for k := first; k < end; k = x.nodes[k].end {
		if !s.items.validNode(x, k) {
			return false
		}
	}
	return true
}

// parallelSchemaNodes is the subtree size (in values) from which an array's elements are
// checked by several cores: storage.buckets[] of a large outputs file (the bench file's has
// ~260,000 values), never a real small one.
const parallelSchemaNodes = 1 << 15

// itemsValidInParts checks the elements of array n in parts, one per core, each a run of
// about the same number of elements; the array is valid when every part is.
func (s *fastSchema) itemsValidInParts(x *jsonIndex, n int32, parts int) bool {
	node := &x.nodes[n]
	bounds := make([]int32, 0, parts+1) // the first node of each part, then the array's end
	k, i := n+1, 0
	for p := range parts {
		for ; i < p*int(node.count)/parts; i++ {
			k = x.nodes[k].end
		}
		bounds = append(bounds, k)
	}
	bounds = append(bounds, node.end)
	valid := make([]bool, parts)
	inParallel(parts, func(p int) { valid[p] = s.itemsValid(x, bounds[p], bounds[p+1]) })
	return !slices.Contains(valid, false)
}

// uniqueItems reports whether no two elements of array n are equal (as firstDuplicate
// decides). Arrays of plain strings (the usual case: lists of actions) are compared as bytes;
// two plain strings are equal exactly when their bytes are, once invalid UTF-8 (which decodes
// to U+FFFD) is ruled out. Any other array is decoded and compared by firstDuplicate.
func (x *jsonIndex) uniqueItems(n int32) bool {
	raws, ok := x.plainStrings(n)
	if !ok {
		arr, _ := x.value(n).([]any)
		first, _ := firstDuplicate(arr)
		return first < 0
	}
	if len(raws) <= 20 {
		for a := 1; a < len(raws); a++ {
			for b := 0; b < a; b++ {
				if bytes.Equal(raws[a], raws[b]) {
					return false
				}
			}
		}
		return true
	}
	seen := make(map[string]bool, len(raws))
	for _, r := range raws {
		if seen[string(r)] {
			return false
		}
		seen[string(r)] = true
	}
	return true
}

// plainStrings returns the bytes of each element of array n when every one is a string
// without escapes or invalid UTF-8 (ok false otherwise).
func (x *jsonIndex) plainStrings(n int32) (raws [][]byte, ok bool) {
	raws = make([][]byte, 0, x.nodes[n].count)
	for k := n + 1; k < x.nodes[n].end; k = x.nodes[k].end {
		if x.kind(k) != KindString {
			return nil, false
		}
		raw, plain := rawString(x.text, x.nodes[k].off)
		if !plain || !utf8.Valid(raw) {
			return nil, false
		}
		raws = append(raws, raw)
	}
	return raws, true
}
