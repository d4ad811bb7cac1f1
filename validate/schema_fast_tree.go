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

// validNode reports whether node n of document x satisfies the schema, as valid(x.value(n)).
func (f *fastForm) validNode(x *jsonIndex, n int32) bool { return f.validNodeAt(f.root, x, n) }

// validNodeAt reports whether node n of document x satisfies schema node i, as
// validAt(i, x.value(n)).
func (f *fastForm) validNodeAt(i schemaIndex, x *jsonIndex, n int32) bool {
	s := &f.nodes[i]
	if s.always != notBoolSchema {
		return s.always == alwaysValid
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
			if !f.validObject(s, obj) {
				return false
			}
		} else if !f.validObjectNode(s, x, n) {
			return false
		}
	case KindArray:
		if !f.validArrayNode(s, x, n) {
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
	if s.ref != 0 && !f.validNodeAt(s.ref, x, n) { // the commonest applicator, followed without a closure
		return false
	}
	return !s.hasApplicators() || s.validApplicators(func(sub schemaIndex) bool { return f.validNodeAt(sub, x, n) })
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
		return s.hasEnumString(raw)
	}
	return s.hasEnumString([]byte(jsonString(x.text, x.nodes[n].off)))
}

// validObjectNode checks the object keywords of s on object n, which has no repeated keys
// (validObject on the index).
func (f *fastForm) validObjectNode(s *fastSchema, x *jsonIndex, n int32) bool {
	node := &x.nodes[n]
	if !s.propsOK(int(node.count)) {
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
		if s.propertyNames != 0 && !f.validAt(s.propertyNames, name) {
			return false
		}
		evaluated := false
		if sub := s.property(name); sub != 0 {
			evaluated = true
			if !f.validNodeAt(sub, x, val) {
				return false
			}
		}
		for k := range s.patterns {
			p := &s.patterns[k]
			if p.matches(name) {
				evaluated = true
				if !f.validNodeAt(p.schema, x, val) {
					return false
				}
			}
		}
		if !evaluated && s.additional != 0 && !f.validNodeAt(s.additional, x, val) {
			return false
		}
	}
	return true
}

// validArrayNode checks the array keywords of s on array n (validArray on the index).
func (f *fastForm) validArrayNode(s *fastSchema, x *jsonIndex, n int32) bool {
	node := &x.nodes[n]
	if !s.itemsOK(int(node.count)) {
		return false
	}
	if s.unique && !x.uniqueItems(n) {
		return false
	}
	if s.items == 0 {
		return true
	}
	if parts := min(runtime.GOMAXPROCS(0), int(node.count)); parts > 1 && node.end-n > parallelSchemaNodes {
		return f.itemsValidInParts(s.items, x, n, parts)
	}
	return f.itemsValid(s.items, x, n+1, node.end)
}

// itemsValid checks the array elements from node first up to (not including) node end against
// schema node items.
func (f *fastForm) itemsValid(items schemaIndex, x *jsonIndex, first, end int32) bool {
	for k := first; k < end; k = x.nodes[k].end {
		if !f.validNodeAt(items, x, k) {
			return false
		}
	}
	return true
}

// parallelSchemaNodes is the subtree size (in values) from which an array's elements are
// checked by several cores: storage.buckets[] of a large outputs file (the bench file's has
// ~260,000 values), never a real small one.
const parallelSchemaNodes = 1 << 15

// itemsValidInParts checks the elements of array n against schema node items in parts, one per
// core, each a run of about the same number of elements; the array is valid when every part is.
func (f *fastForm) itemsValidInParts(items schemaIndex, x *jsonIndex, n int32, parts int) bool {
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
	inParallel(parts, func(p int) { valid[p] = f.itemsValid(items, x, bounds[p], bounds[p+1]) })
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
