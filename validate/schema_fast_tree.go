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
	if len(s.types) > 0 {
		matched := false
		for _, t := range s.types {
			if t == kindNames[kind] || (t == "integer" && kind == KindNumber && isInteger(json.Number(numberText(j.text, n.off)))) {
				matched = true
				break
			}
		}
		if !matched {
			return false
		}
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
		if s.minLength >= 0 || s.maxLength >= 0 || s.pattern != nil {
			x := jsonString(j.text, n.off)
			if s.minLength >= 0 || s.maxLength >= 0 {
				c := utf8.RuneCountInString(x)
				if (s.minLength >= 0 && c < s.minLength) || (s.maxLength >= 0 && c > s.maxLength) {
					return false
				}
			}
			if s.pattern != nil && !s.pattern.MatchString(x) {
				return false
			}
		}
	case KindNumber:
		if s.minimum != nil || s.maximum != nil {
			r := ratOf(json.Number(numberText(j.text, n.off)))
			if r == nil || (s.minimum != nil && r.Cmp(s.minimum) < 0) || (s.maximum != nil && r.Cmp(s.maximum) > 0) {
				return false
			}
		}
	}
	if s.ref != nil && !s.ref.validNode(j, n) {
		return false
	}
	if s.not != nil && s.not.validNode(j, n) {
		return false
	}
	for _, sub := range s.allOf {
		if !sub.validNode(j, n) {
			return false
		}
	}
	if s.anyOf != nil && !slices.ContainsFunc(s.anyOf, func(sub *fastSchema) bool { return sub.validNode(j, n) }) {
		return false
	}
	if s.oneOf != nil {
		matches := 0
		for _, sub := range s.oneOf {
			if sub.validNode(j, n) {
				matches++
			}
		}
		if matches != 1 {
			return false
		}
	}
	if s.ifS != nil {
		if s.ifS.validNode(j, n) {
			if s.thenS != nil && !s.thenS.validNode(j, n) {
				return false
			}
		} else if s.elseS != nil && !s.elseS.validNode(j, n) {
			return false
		}
	}
	return true
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
	if (s.minProps >= 0 && len(keys) < s.minProps) || (s.maxProps >= 0 && len(keys) > s.maxProps) {
		return false
	}
	for _, name := range s.required {
		if n.member(name) == nil {
			return false
		}
	}
	if s.properties == nil && s.patterns == nil && s.additional == nil && s.propertyNames == nil {
		return true
	}
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
	if (s.minItems >= 0 && len(kids) < s.minItems) || (s.maxItems >= 0 && len(kids) > s.maxItems) {
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
	raws := make([][]byte, 0, min(len(kids), 20))
	for i := range kids {
		if kindAt(j.text, kids[i].off) != KindString {
			raws = nil
			break
		}
		raw, plain := rawString(j.text, kids[i].off)
		if !plain || !utf8.Valid(raw) {
			raws = nil
			break
		}
		raws = append(raws, raw)
	}
	if raws == nil && len(kids) > 0 {
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
