package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// fastForm is the fast form of one of the project's JSON Schemas: it only answers "valid or
// not", without jsonschema/v5. It supports the keywords the project's schemas use, each with
// exactly jsonschema/v5's meaning (a differential test and a fuzz target hold it to that); a
// schema that uses any other keyword gets no fast form and is always checked by jsonschema/v5.
//
// The form is a table of schema nodes that refer to their subschemas by index, not by
// pointer: a table of plain values can be laid out by the linker (schema_fast_gen.go holds the
// embedded schemas' forms so, built by compileFast and written out by a test), recursive
// references included, and costs nothing to set up in a fresh process.
type fastForm struct {
	// nodes[0] is not a schema: index 0 means "none". It is the schema false, so that a
	// lookup that slipped and used index 0 fails closed (rejects) rather than accepting.
	nodes []fastSchema
	root  schemaIndex
}

// schemaIndex is the place of a schema node in its fastForm's nodes; 0 is no schema.
type schemaIndex int32

// fastSchema is one schema node of a fastForm: a schema object or a boolean schema.
type fastSchema struct {
	always   boolSchema // a boolean schema's answer; notBoolSchema for a schema object
	hasConst bool
	unique   bool // uniqueItems

	types      []string // "null", "boolean", "number", "integer", "string", "array", "object"
	constValue any
	enum       []any
	// enumStrings holds enum, sorted, when every entry is a string (lists of actions and
	// principals), so that the index is checked without decoding: in place, in order when
	// there are few (cheaper than searching, for the actions), else by binary search.
	enumStrings []string

	properties    []namedSchema // sorted by name
	patterns      []fastPattern
	additional    schemaIndex // 0: any other property is allowed
	required      []string
	propertyNames schemaIndex
	items         schemaIndex
	limits        *fastLimits // nil: no count or length bounds
	pattern       *lazyRegexp

	minimum *exactNumber
	maximum *exactNumber

	ref               schemaIndex
	not               schemaIndex
	allOf, anyOf      []schemaIndex
	oneOf             []schemaIndex
	ifS, thenS, elseS schemaIndex
}

// boolSchema tells a boolean schema (true or false) from a schema object.
type boolSchema uint8

// The answers of a fastSchema's always field.
const (
	notBoolSchema boolSchema = iota // a schema object: its keywords decide
	alwaysValid                     // the schema true
	neverValid                      // the schema false
)

// fastLimits holds a schema's count and length bounds; a negative bound is no bound. They are
// kept apart from fastSchema because few schemas have any.
type fastLimits struct {
	minProps, maxProps   int
	minItems, maxItems   int
	minLength, maxLength int
}

// fastPattern is one patternProperties entry.
type fastPattern struct {
	re       *lazyRegexp
	matchAll bool // the pattern matches every string (".*" or ""); re is then nil
	// prefix, for a pattern anchored at the start of the text with a literal after the
	// anchor ("^groups."), is that literal: a name without it cannot match, and most names
	// are turned down without running the regular expression.
	prefix string
	schema schemaIndex
}

// matches reports whether name matches the pattern.
func (p *fastPattern) matches(name string) bool {
	if p.matchAll {
		return true
	}
	return strings.HasPrefix(name, p.prefix) && p.re.MatchString(name)
}

// namedSchema is one entry of properties.
type namedSchema struct {
	name   string
	schema schemaIndex
}

// fewMax is the most properties or enum strings compared in order rather than by binary
// search: up to about this many, comparing for equality (lengths first) is as fast as the
// ordered comparisons of a binary search (the outputs schemas' objects have up to 14
// properties, their lists of attributes 18 names).
const fewMax = 16

// property returns the schema of property name, or 0 if the schema does not declare it.
func (s *fastSchema) property(name string) schemaIndex {
	props := s.properties
	if len(props) > fewMax {
		lo, hi := 0, len(props)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if props[m].name < name {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < len(props) && props[lo].name == name {
			return props[lo].schema
		}
		return 0
	}
	for i := range props {
		if props[i].name == name {
			return props[i].schema
		}
	}
	return 0
}

// hasEnumString reports whether raw, the bytes of a string, is one of enumStrings (compared
// in place: no string is made).
func (s *fastSchema) hasEnumString(raw []byte) bool {
	strs := s.enumStrings
	if len(strs) > fewMax {
		lo, hi := 0, len(strs)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if strs[m] < string(raw) {
				lo = m + 1
			} else {
				hi = m
			}
		}
		return lo < len(strs) && strs[lo] == string(raw)
	}
	for _, e := range strs {
		if string(raw) == e {
			return true
		}
	}
	return false
}

// annotationKeywords are keywords that never affect validity.
var annotationKeywords = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "$comment": true, "title": true,
	"description": true, "default": true, "examples": true, "deprecated": true,
	"readOnly": true, "writeOnly": true,
}

// fastCompiler builds the fast form of an embedded schema document, resolving $ref inside a
// document and between documents (by "$id").
type fastCompiler struct {
	docs  map[string]any         // schema $id -> parsed document
	done  map[string]schemaIndex // absolute location -> compiled schema
	nodes []*fastSchema          // the form's nodes, made one table when complete
}

// compileFast builds the fast form of the embedded schema called name from its JSON. It is the
// only definition of the fast forms: the generated ones are its output, written out as Go.
func compileFast(name string) (*fastForm, error) { return newFastCompiler().compile(name) }

// newFastCompiler returns a compiler for one fast form.
func newFastCompiler() *fastCompiler {
	return &fastCompiler{docs: map[string]any{}, done: map[string]schemaIndex{}, nodes: []*fastSchema{nil}}
}

// compile builds the fast form of the embedded schema called name; c.done then tells where in
// the schema documents each node comes from.
func (c *fastCompiler) compile(name string) (*fastForm, error) {
	root, err := c.compileRef(schema.SchemaID(name), "")
	if err != nil {
		return nil, err
	}
	f := &fastForm{nodes: make([]fastSchema, len(c.nodes)), root: root}
	f.nodes[0] = fastSchema{always: neverValid}
	for i, s := range c.nodes[1:] {
		f.nodes[i+1] = *s
	}
	return f, nil
}

func (c *fastCompiler) doc(id string) (any, error) {
	if d, ok := c.docs[id]; ok {
		return d, nil
	}
	name, ok := strings.CutPrefix(id, schema.SchemaIDBase)
	if ok {
		name, ok = strings.CutSuffix(name, ".schema.json")
	}
	if !ok {
		return nil, fmt.Errorf("reference to %q: not an embedded schema", id)
	}
	src, ok := schema.Source(name)
	if !ok {
		return nil, fmt.Errorf("no embedded schema %q", name)
	}
	d, err := decodeSchemaJSON(src)
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	c.docs[id] = d
	return d, nil
}

// decodeSchemaJSON decodes a schema document with numbers kept exact (json.Number), as
// encoding/json does with UseNumber; ParseJSON does that in about half the time, which counts
// in a short run (the schema is decoded once per process). encoding/json is kept for what
// ParseJSON refuses, to report the error.
func decodeSchemaJSON(src []byte) (any, error) {
	if v, _, _, ok := ParseJSON(NewLines("schema", src), 0, src); ok {
		return v, nil
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// compileRef compiles the schema at fragment pointer ptr inside document id and returns its
// index.
func (c *fastCompiler) compileRef(id, ptr string) (schemaIndex, error) {
	key := id + "#" + ptr
	if i, ok := c.done[key]; ok {
		return i, nil
	}
	d, err := c.doc(id)
	if err != nil {
		return 0, err
	}
	node, ok := valueAt(d, ptr)
	if !ok {
		return 0, fmt.Errorf("%s: cannot resolve", key)
	}
	i, s := schemaIndex(len(c.nodes)), &fastSchema{}
	c.nodes = append(c.nodes, s)
	c.done[key] = i // before compiling, so that recursive references terminate
	if err := c.fill(s, id, ptr, node); err != nil {
		return 0, err
	}
	return i, nil
}

func (c *fastCompiler) sub(id, ptr string, toks ...string) (schemaIndex, error) {
	return c.compileRef(id, ptr+JoinPointer(toks...))
}

func (c *fastCompiler) subs(id, ptr, kw string, v any) ([]schemaIndex, error) {
	arr, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: not an array", kw)
	}
	out := make([]schemaIndex, len(arr))
	for i := range arr {
		s, err := c.sub(id, ptr, kw, strconv.Itoa(i))
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

func schemaInt(v any) (int, error) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, fmt.Errorf("not a number")
	}
	i, err := strconv.Atoi(n.String())
	return i, err
}

// schemaNumber returns the bound v (a JSON number), checked to be exact now and made exact on
// first use.
func schemaNumber(v any) (*exactNumber, error) {
	n, ok := v.(json.Number)
	if !ok {
		return nil, fmt.Errorf("not a number")
	}
	if _, ok := new(big.Rat).SetString(n.String()); !ok {
		return nil, fmt.Errorf("bad number %s", n)
	}
	return &exactNumber{text: n.String()}, nil
}

// bounds returns s.limits, first made without bounds if s has none yet.
func (s *fastSchema) bounds() *fastLimits {
	if s.limits == nil {
		s.limits = &fastLimits{-1, -1, -1, -1, -1, -1}
	}
	return s.limits
}

// fill compiles node (found at id#ptr) into s.
func (c *fastCompiler) fill(s *fastSchema, id, ptr string, node any) error {
	if b, ok := node.(bool); ok {
		s.always = neverValid
		if b {
			s.always = alwaysValid
		}
		return nil
	}
	m, ok := node.(map[string]any)
	if !ok {
		return fmt.Errorf("%s#%s: a schema must be an object or a boolean", id, ptr)
	}
	var err error
	for _, kw := range slices.Sorted(maps.Keys(m)) { // sorted: deterministic errors and tables
		v := m[kw]
		switch kw {
		case "type":
			switch t := v.(type) {
			case string:
				s.types = []string{t}
			case []any:
				for _, x := range t {
					str, ok := x.(string)
					if !ok {
						return fmt.Errorf("%s#%s: bad type", id, ptr)
					}
					s.types = append(s.types, str)
				}
			default:
				return fmt.Errorf("%s#%s: bad type", id, ptr)
			}
		case "const":
			s.hasConst, s.constValue = true, v
		case "enum":
			arr, ok := v.([]any)
			if !ok || len(arr) == 0 {
				return fmt.Errorf("%s#%s: bad enum", id, ptr)
			}
			s.enum = arr
			s.enumStrings = sortedStrings(arr)
		case "properties":
			pm, ok := v.(map[string]any)
			if !ok {
				return fmt.Errorf("%s#%s: bad properties", id, ptr)
			}
			s.properties = make([]namedSchema, 0, len(pm))
			for _, name := range slices.Sorted(maps.Keys(pm)) {
				sub, err := c.sub(id, ptr, kw, name)
				if err != nil {
					return err
				}
				s.properties = append(s.properties, namedSchema{name, sub})
			}
		case "patternProperties":
			pm, ok := v.(map[string]any)
			if !ok {
				return fmt.Errorf("%s#%s: bad patternProperties", id, ptr)
			}
			for _, p := range slices.Sorted(maps.Keys(pm)) {
				sub, err := c.sub(id, ptr, kw, p)
				if err != nil {
					return err
				}
				if p == "" || p == ".*" {
					s.patterns = append(s.patterns, fastPattern{matchAll: true, schema: sub})
					continue
				}
				re, prefix, err := newLazyRegexp(p)
				if err != nil {
					return err
				}
				s.patterns = append(s.patterns, fastPattern{re: re, prefix: prefix, schema: sub})
			}
		case "additionalProperties":
			s.additional, err = c.sub(id, ptr, kw)
		case "propertyNames":
			s.propertyNames, err = c.sub(id, ptr, kw)
		case "required":
			arr, ok := v.([]any)
			if !ok {
				return fmt.Errorf("%s#%s: bad required", id, ptr)
			}
			for _, x := range arr {
				str, ok := x.(string)
				if !ok {
					return fmt.Errorf("%s#%s: bad required", id, ptr)
				}
				s.required = append(s.required, str)
			}
		case "minProperties":
			s.bounds().minProps, err = schemaInt(v)
		case "maxProperties":
			s.bounds().maxProps, err = schemaInt(v)
		case "items":
			s.items, err = c.sub(id, ptr, kw)
		case "minItems":
			s.bounds().minItems, err = schemaInt(v)
		case "maxItems":
			s.bounds().maxItems, err = schemaInt(v)
		case "uniqueItems":
			b, ok := v.(bool)
			if !ok {
				return fmt.Errorf("%s#%s: bad uniqueItems", id, ptr)
			}
			s.unique = b
		case "minLength":
			s.bounds().minLength, err = schemaInt(v)
		case "maxLength":
			s.bounds().maxLength, err = schemaInt(v)
		case "pattern":
			str, ok := v.(string)
			if !ok {
				return fmt.Errorf("%s#%s: bad pattern", id, ptr)
			}
			s.pattern, _, err = newLazyRegexp(str)
		case "minimum":
			s.minimum, err = schemaNumber(v)
		case "maximum":
			s.maximum, err = schemaNumber(v)
		case "$ref":
			ref, ok := v.(string)
			if !ok {
				return fmt.Errorf("%s#%s: bad $ref", id, ptr)
			}
			target, frag, _ := strings.Cut(ref, "#")
			targetID := id
			if target != "" {
				targetID = schema.SchemaIDBase + target
				if strings.Contains(target, ":") {
					targetID = target
				}
			}
			s.ref, err = c.compileRef(targetID, frag)
		case "not":
			s.not, err = c.sub(id, ptr, kw)
		case "allOf":
			s.allOf, err = c.subs(id, ptr, kw, v)
		case "anyOf":
			s.anyOf, err = c.subs(id, ptr, kw, v)
		case "oneOf":
			s.oneOf, err = c.subs(id, ptr, kw, v)
		case "if":
			s.ifS, err = c.sub(id, ptr, kw)
		case "then":
			s.thenS, err = c.sub(id, ptr, kw)
		case "else":
			s.elseS, err = c.sub(id, ptr, kw)
		default:
			if !annotationKeywords[kw] {
				return fmt.Errorf("%s#%s: keyword %q has no fast form", id, ptr, kw)
			}
		}
		if err != nil {
			return fmt.Errorf("%s#%s/%s: %w", id, ptr, kw, err)
		}
	}
	return nil
}

// sortedStrings returns the entries of arr sorted, or nil when some entry is not a string.
func sortedStrings(arr []any) []string {
	strs := make([]string, 0, len(arr))
	for _, e := range arr {
		s, ok := e.(string)
		if !ok {
			return nil
		}
		strs = append(strs, s)
	}
	slices.Sort(strs)
	return strs
}

// jsonKind returns the JSON type of a decoded value as jsonschema/v5 names it, or "" for a Go
// value that is not JSON (jsonschema/v5 rejects those).
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number, float32, float64, int, int8, int32, int64, uint, uint8, uint32, uint64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return ""
}

// ratOf returns the exact value of a number as jsonschema/v5 computes it, or nil.
func ratOf(v any) *big.Rat {
	if n, ok := v.(json.Number); ok {
		if hugeExponent(string(n)) {
			return nil // too costly to make exact; SchemaCheck reports it instead
		}
		if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
			return new(big.Rat).SetInt64(i)
		}
	}
	r, ok := new(big.Rat).SetString(fmt.Sprint(v))
	if !ok {
		return nil
	}
	return r
}

// maxExponent bounds the decimal exponent of a number that is checked exactly. Beyond it, making
// the number exact costs seconds (jsonschema/v5 would), and JavaScript reads it as Infinity or 0.
const maxExponent = 1000

// hugeExponent reports whether the JSON number text n has an exponent beyond ±maxExponent.
func hugeExponent(n string) bool {
	i := strings.IndexAny(n, "eE")
	if i < 0 {
		return false
	}
	e, err := strconv.Atoi(strings.TrimPrefix(n[i+1:], "+"))
	return err != nil || e > maxExponent || e < -maxExponent
}

// hugeNumbers returns the pointers of the numbers in v with an exponent beyond ±maxExponent.
func hugeNumbers(v any, ptr string, out []string) []string {
	switch x := v.(type) {
	case json.Number:
		if hugeExponent(string(x)) {
			out = append(out, ptr)
		}
	case map[string]any:
		for k, e := range x {
			out = hugeNumbers(e, ptr+JoinPointer(k), out)
		}
	case []any:
		for i, e := range x {
			out = hugeNumbers(e, ptr+"/"+strconv.Itoa(i), out)
		}
	}
	return out
}

// isInteger reports whether the number v has no fractional part.
func isInteger(v any) bool {
	if n, ok := v.(json.Number); ok && !strings.ContainsAny(string(n), ".eE") && len(n) < 400 {
		_, ok := new(big.Int).SetString(string(n), 10)
		return ok
	}
	r := ratOf(v)
	return r != nil && r.IsInt()
}

// jsonEqual is JSON equality as jsonschema/v5 defines it (numbers compared by value).
func jsonEqual(a, b any) bool {
	ka := jsonKind(a)
	if ka != jsonKind(b) {
		return false
	}
	switch ka {
	case "string":
		return a.(string) == b.(string)
	case "boolean":
		return a.(bool) == b.(bool)
	case "null":
		return true
	case "number":
		if x, ok := a.(json.Number); ok {
			if y, ok := b.(json.Number); ok && x == y {
				return true
			}
		}
		ra, rb := ratOf(a), ratOf(b)
		return ra != nil && rb != nil && ra.Cmp(rb) == 0
	case "array":
		x, y := a.([]any), b.([]any)
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case "object":
		x, y := a.(map[string]any), b.(map[string]any)
		if len(x) != len(y) {
			return false
		}
		for k, xv := range x {
			yv, ok := y[k]
			if !ok || !jsonEqual(xv, yv) {
				return false
			}
		}
		return true
	}
	return false
}

// canonicalJSON writes a string that two values share exactly when jsonEqual says they are equal.
func canonicalJSON(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case string:
		b.WriteString(strconv.Quote(x))
	case []any:
		b.WriteByte('[')
		for _, e := range x {
			canonicalJSON(b, e)
			b.WriteByte(',')
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteByte('{')
		for _, k := range keys {
			b.WriteString(strconv.Quote(k))
			b.WriteByte(':')
			canonicalJSON(b, x[k])
			b.WriteByte(',')
		}
		b.WriteByte('}')
	default:
		if r := ratOf(x); r != nil {
			b.WriteString("#" + r.RatString())
		} else {
			fmt.Fprintf(b, "?%v", x)
		}
	}
}

// firstDuplicate returns the indexes of the first pair of equal items (j < i), or -1, -1.
func firstDuplicate(arr []any) (int, int) {
	if len(arr) <= 20 {
		for i := 1; i < len(arr); i++ {
			for j := 0; j < i; j++ {
				if jsonEqual(arr[i], arr[j]) {
					return j, i
				}
			}
		}
		return -1, -1
	}
	seen := make(map[string]int, len(arr))
	var b strings.Builder
	for i, e := range arr {
		b.Reset()
		canonicalJSON(&b, e)
		if j, ok := seen[b.String()]; ok {
			return j, i
		}
		seen[b.String()] = i
	}
	return -1, -1
}

// valid reports whether v satisfies the schema.
func (f *fastForm) valid(v any) bool { return f.validAt(f.root, v) }

// validAt reports whether v satisfies schema node i.
func (f *fastForm) validAt(i schemaIndex, v any) bool {
	s := &f.nodes[i]
	if s.always != notBoolSchema {
		return s.always == alwaysValid
	}
	kind := jsonKind(v)
	if kind == "" {
		return false
	}
	if ok, ifInteger := s.typeMatch(kind); !ok && !(ifInteger && isInteger(v)) {
		return false
	}
	if s.hasConst && !jsonEqual(v, s.constValue) {
		return false
	}
	if s.enum != nil && !slices.ContainsFunc(s.enum, func(e any) bool { return jsonEqual(v, e) }) {
		return false
	}
	switch x := v.(type) {
	case map[string]any:
		if !f.validObject(s, x) {
			return false
		}
	case []any:
		if !f.validArray(s, x) {
			return false
		}
	case string:
		if !s.validString(x) {
			return false
		}
	default:
		if kind == "number" && !s.validNumber(v) {
			return false
		}
	}
	if s.ref != 0 && !f.validAt(s.ref, v) { // the commonest applicator, followed without a closure
		return false
	}
	return !s.hasApplicators() || s.validApplicators(func(sub schemaIndex) bool { return f.validAt(sub, v) })
}

// The keyword checks below are shared by valid (decoded values) and validNode (a document's
// parse index): each walker reads a value its own way and hands them what they check.

// typeMatch reports whether a value of JSON type kind satisfies "type" (ok), and, when it does
// not, whether it would if it were an integer (a number that "integer" may match: the caller
// then checks the number, only then).
func (s *fastSchema) typeMatch(kind string) (ok, ifInteger bool) {
	if len(s.types) == 0 {
		return true, false
	}
	for _, t := range s.types {
		if t == kind {
			return true, false
		}
		if t == "integer" && kind == "number" {
			ifInteger = true
		}
	}
	return false, ifInteger
}

// checksStrings reports whether s has a keyword that reads a string's text.
func (s *fastSchema) checksStrings() bool {
	return s.pattern != nil || (s.limits != nil && (s.limits.minLength >= 0 || s.limits.maxLength >= 0))
}

// validString checks minLength, maxLength and pattern.
func (s *fastSchema) validString(x string) bool {
	if l := s.limits; l != nil && (l.minLength >= 0 || l.maxLength >= 0) {
		if !countOK(utf8.RuneCountInString(x), l.minLength, l.maxLength) {
			return false
		}
	}
	return s.pattern == nil || s.pattern.MatchString(x)
}

// checksNumbers reports whether s has a keyword that reads a number's value.
func (s *fastSchema) checksNumbers() bool { return s.minimum != nil || s.maximum != nil }

// validNumber checks minimum and maximum on the number n.
func (s *fastSchema) validNumber(n any) bool {
	if !s.checksNumbers() {
		return true
	}
	r := ratOf(n)
	return r != nil && (s.minimum == nil || r.Cmp(s.minimum.rat()) >= 0) && (s.maximum == nil || r.Cmp(s.maximum.rat()) <= 0)
}

// hasApplicators reports whether s has a keyword validApplicators applies (most subschemas
// have none: asking first spares the hot path a closure per value).
func (s *fastSchema) hasApplicators() bool {
	return s.not != 0 || s.allOf != nil || s.anyOf != nil || s.oneOf != nil || s.ifS != 0
}

// validApplicators applies not, allOf, anyOf, oneOf and if/then/else ($ref is followed by the
// walkers themselves); valid answers whether the value satisfies one subschema.
func (s *fastSchema) validApplicators(valid func(schemaIndex) bool) bool {
	if s.not != 0 && valid(s.not) {
		return false
	}
	for _, sub := range s.allOf {
		if !valid(sub) {
			return false
		}
	}
	if s.anyOf != nil && !slices.ContainsFunc(s.anyOf, valid) {
		return false
	}
	if s.oneOf != nil {
		n := 0
		for _, sub := range s.oneOf {
			if valid(sub) {
				n++
			}
		}
		if n != 1 {
			return false
		}
	}
	if s.ifS != 0 {
		if valid(s.ifS) {
			if s.thenS != 0 && !valid(s.thenS) {
				return false
			}
		} else if s.elseS != 0 && !valid(s.elseS) {
			return false
		}
	}
	return true
}

// countOK reports whether n is within [lo, hi] (a negative bound is no bound).
func countOK(n, lo, hi int) bool {
	return (lo < 0 || n >= lo) && (hi < 0 || n <= hi)
}

// propsOK reports whether an object with n members has as many as s allows.
func (s *fastSchema) propsOK(n int) bool {
	return s.limits == nil || countOK(n, s.limits.minProps, s.limits.maxProps)
}

// itemsOK reports whether an array with n elements has as many as s allows.
func (s *fastSchema) itemsOK(n int) bool {
	return s.limits == nil || countOK(n, s.limits.minItems, s.limits.maxItems)
}

// checksMembers reports whether s has a keyword that reads an object's members one by one.
func (s *fastSchema) checksMembers() bool {
	return s.properties != nil || s.patterns != nil || s.additional != 0 || s.propertyNames != 0
}

// validObject checks the object keywords of s on obj.
func (f *fastForm) validObject(s *fastSchema, obj map[string]any) bool {
	if !s.propsOK(len(obj)) {
		return false
	}
	for _, name := range s.required {
		if _, ok := obj[name]; !ok {
			return false
		}
	}
	if !s.checksMembers() {
		return true
	}
	for name, val := range obj {
		if s.propertyNames != 0 && !f.validAt(s.propertyNames, name) {
			return false
		}
		evaluated := false
		if sub := s.property(name); sub != 0 {
			evaluated = true
			if !f.validAt(sub, val) {
				return false
			}
		}
		for i := range s.patterns {
			p := &s.patterns[i]
			if p.matches(name) {
				evaluated = true
				if !f.validAt(p.schema, val) {
					return false
				}
			}
		}
		if !evaluated && s.additional != 0 && !f.validAt(s.additional, val) {
			return false
		}
	}
	return true
}

// validArray checks the array keywords of s on arr.
func (f *fastForm) validArray(s *fastSchema, arr []any) bool {
	if !s.itemsOK(len(arr)) {
		return false
	}
	if s.unique {
		if j, _ := firstDuplicate(arr); j >= 0 {
			return false
		}
	}
	if s.items != 0 {
		for _, e := range arr {
			if !f.validAt(s.items, e) {
				return false
			}
		}
	}
	return true
}
