package validate

import (
	"bytes"
	"encoding/json"
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

// validNode reports whether the value n of document j satisfies s, as s.valid(j.nodeValue(n)).
func (s *fastSchema) validNode(j *JSONFile, n *posNode) bool {
	if s.always != nil {
		return *s.always
	}
	kind := kindAt(j.text, n.off)
	if ok, ifInteger := s.typeMatch(kindNames[kind]); !ok && !(ifInteger && isInteger(json.Number(numberText(j.text, n.off)))) {
		return false
	}
	if s.hasConst && !j.equals(n, s.constValue) {
		return false
	}
	if s.enum != nil && !j.inEnum(n, s) {
		return false
	}
	switch kind {
	case KindObject:
		if n.dups() {
			// Repeated keys: the decoded object (the last of each key wins) is what counts.
			obj, _ := j.nodeValue(n).(map[string]any)
			if !s.validObject(obj) {
				return false
			}
		} else if !s.validObjectNode(j, n) {
			return false
		}
	case KindArray:
		if !s.validArrayNode(j, n) {
			return false
		}
	case KindString:
		if s.checksStrings() && !s.validString(jsonString(j.text, n.off)) {
			return false
		}
	case KindNumber:
		if s.checksNumbers() && !s.validNumber(json.Number(numberText(j.text, n.off))) {
			return false
		}
	}
	if s.ref != nil && !s.ref.validNode(j, n) { // the commonest applicator, followed without a closure
		return false
	}
	return !s.hasApplicators() || s.validApplicators(func(sub *fastSchema) bool { return sub.validNode(j, n) })
}

// equals is jsonEqual(j.nodeValue(n), v), without decoding n when v is a string.
func (j *JSONFile) equals(n *posNode, v any) bool {
	if s, ok := v.(string); ok {
		return kindAt(j.text, n.off) == KindString && stringIs(j.text, n.off, s)
	}
	return jsonEqual(j.nodeValue(n), v)
}

// inEnum reports whether the value n equals one of s.enum.
func (j *JSONFile) inEnum(n *posNode, s *fastSchema) bool {
	if s.enumStrings == nil {
		return slices.ContainsFunc(s.enum, func(e any) bool { return j.equals(n, e) })
	}
	if kindAt(j.text, n.off) != KindString {
		return false
	}
	if raw, plain := rawString(j.text, n.off); plain && utf8.Valid(raw) {
		return s.enumStrings[string(raw)] // looked up in place: no string is made
	}
	return s.enumStrings[jsonString(j.text, n.off)]
}

// validObjectNode is validObject for an object without repeated keys.
func (s *fastSchema) validObjectNode(j *JSONFile, n *posNode) bool {
	keys, kids := n.keys(), n.kids()
	if !countOK(len(keys), s.minProps, s.maxProps) {
		return false
	}
	for _, name := range s.required {
		if n.member(name) == nil {
			return false
		}
	}
	if !s.checksMembers() {
		return true
	}
	// The member loop of validObject, on the index (kept as a copy: this runs for every member
	// of every object, and sharing it through a callback cost ~10% of the whole check).
	for i, name := range keys {
		val := &kids[i]
		if s.propertyNames != nil && !s.propertyNames.valid(name) {
			return false
		}
		evaluated := false
		if sub, ok := s.properties[name]; ok {
			evaluated = true
			if !sub.validNode(j, val) {
				return false
			}
		}
		for k := range s.patterns {
			p := &s.patterns[k]
			if p.matchAll || p.re.MatchString(name) {
				evaluated = true
				if !p.schema.validNode(j, val) {
					return false
				}
			}
		}
		if !evaluated && s.additional != nil && !s.additional.validNode(j, val) {
			return false
		}
	}
	return true
}

// validArrayNode is validArray on the index.
func (s *fastSchema) validArrayNode(j *JSONFile, n *posNode) bool {
	kids := n.kids()
	if !countOK(len(kids), s.minItems, s.maxItems) {
		return false
	}
	if s.unique && !j.uniqueItems(kids) {
		return false
	}
	if s.items != nil {
		for i := range kids {
			if !s.items.validNode(j, &kids[i]) {
				return false
			}
		}
	}
	return true
}

// uniqueItems reports whether no two of kids are equal (as firstDuplicate decides). Arrays of
// plain strings (the usual case: lists of actions) are compared as bytes; two plain strings
// are equal exactly when their bytes are, once invalid UTF-8 (which decodes to U+FFFD) is ruled
// out. Any other array is decoded and compared by firstDuplicate.
func (j *JSONFile) uniqueItems(kids []posNode) bool {
	raws, ok := j.plainStrings(kids)
	if !ok {
		arr := make([]any, len(kids))
		for i := range kids {
			arr[i] = j.nodeValue(&kids[i])
		}
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

// plainStrings returns the bytes of each of kids when every one is a string without escapes
// or invalid UTF-8 (ok false otherwise).
func (j *JSONFile) plainStrings(kids []posNode) (raws [][]byte, ok bool) {
	raws = make([][]byte, len(kids))
	for i := range kids {
		if kindAt(j.text, kids[i].off) != KindString {
			return nil, false
		}
		raw, plain := rawString(j.text, kids[i].off)
		if !plain || !utf8.Valid(raw) {
			return nil, false
		}
		raws[i] = raw
	}
	return raws, true
}
