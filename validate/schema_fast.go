package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/big"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// fastSchema is a compiled form of one of the project's JSON Schemas that only answers "valid
// or not", without jsonschema/v5. It supports the keywords the project's schemas use, each with
// exactly jsonschema/v5's meaning (a differential test and a fuzz target hold it to that); a
// schema that uses any other keyword gets no fast form and is always checked by jsonschema/v5.
type fastSchema struct {
	always *bool // boolean schema (true or false)

	types      []string // "null", "boolean", "number", "integer", "string", "array", "object"
	hasConst   bool
	constValue any
	enum       []any
	// enumStrings holds enum as a set when every entry is a string (lists of actions and
	// principals), so that the index is checked without decoding or comparing one by one;
	// enumFew lists a small one, compared in order (cheaper than hashing, for the actions).
	enumStrings map[string]bool
	enumFew     []string

	properties    map[string]*fastSchema
	propertyFew   []namedSchema // properties when there are few: scanned, not hashed (property)
	patterns      []fastPattern
	additional    *fastSchema // nil: any other property is allowed
	required      []string
	propertyNames *fastSchema
	minProps      int
	maxProps      int

	items    *fastSchema
	minItems int
	maxItems int
	unique   bool

	minLength int
	maxLength int
	pattern   *lazyRegexp

	minimum *big.Rat
	maximum *big.Rat

	ref               *fastSchema
	not               *fastSchema
	allOf, anyOf      []*fastSchema
	oneOf             []*fastSchema
	ifS, thenS, elseS *fastSchema
}

// fastPattern is one patternProperties entry.
type fastPattern struct {
	re       *lazyRegexp
	matchAll bool // the pattern matches every string (".*" or ""); re is then nil
	// prefix, for a pattern anchored at the start of the text with a literal after the
	// anchor ("^groups."), is that literal: a name without it cannot match, and most names
	// are turned down without running the regular expression.
	prefix string
	schema *fastSchema
}

// matches reports whether name matches the pattern.
func (p *fastPattern) matches(name string) bool {
	if p.matchAll {
		return true
	}
	return strings.HasPrefix(name, p.prefix) && p.re.MatchString(name)
}

// lazyRegexp is a regular expression checked when the schema is compiled and compiled only
// when first matched: a run that checks one small document needs few of a schema's patterns
// (often none: "^groups." runs only on a groups principal), and compiling them all took about
// a third of convert's time beyond start-up. Safe for concurrent use.
type lazyRegexp struct {
	compiled func() *regexp.Regexp
}

// newLazyRegexp checks expr's syntax now and compiles it on first use. prefix is the literal
// every match starts with when expr is anchored at the start of the text (see
// anchoredPrefix), found from the same parse.
func newLazyRegexp(expr string) (r *lazyRegexp, prefix string, err error) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, "", err
	}
	return &lazyRegexp{compiled: sync.OnceValue(func() *regexp.Regexp {
		// Parse accepted it; Compile may still refuse an expression too large to run
		// (over 1,000 repetitions), which no embedded schema holds: TestEverySchemaCompiles
		// compiles every pattern with jsonschema/v5.
		return regexp.MustCompile(expr)
	})}, anchoredPrefix(re), nil
}

// MatchString reports whether s contains a match of the expression.
func (r *lazyRegexp) MatchString(s string) bool { return r.compiled().MatchString(s) }

// anchoredPrefix returns the literal that every match of the parsed pattern re starts with when
// it is anchored at the start of the text ("^" without (?m)), else "".
func anchoredPrefix(re *syntax.Regexp) string {
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 || re.Sub[0].Op != syntax.OpBeginText {
		return ""
	}
	if lit := re.Sub[1]; lit.Op == syntax.OpLiteral && lit.Flags&syntax.FoldCase == 0 {
		return string(lit.Rune)
	}
	return ""
}

// namedSchema is one entry of properties.
type namedSchema struct {
	name   string
	schema *fastSchema
}

// fewMax is the most properties or enum strings compared in order rather than hashed.
const fewMax = 8

// property returns the schema of property name, if the schema declares it.
func (s *fastSchema) property(name string) (*fastSchema, bool) {
	if len(s.properties) > fewMax {
		sub, ok := s.properties[name]
		return sub, ok
	}
	for i := range s.propertyFew {
		if s.propertyFew[i].name == name {
			return s.propertyFew[i].schema, true
		}
	}
	return nil, false
}

// annotationKeywords are keywords that never affect validity.
var annotationKeywords = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "$comment": true, "title": true,
	"description": true, "default": true, "examples": true, "deprecated": true,
	"readOnly": true, "writeOnly": true,
}

// fastCompiler builds fastSchemas for the embedded schema documents, resolving $ref inside a
// document and between documents (by "$id").
type fastCompiler struct {
	docs map[string]any         // schema $id -> parsed document
	done map[string]*fastSchema // absolute location -> compiled schema
}

// compileFast builds the fast form of the embedded schema called name.
func compileFast(name string) (*fastSchema, error) {
	c := &fastCompiler{docs: map[string]any{}, done: map[string]*fastSchema{}}
	return c.compileRef(schema.SchemaID(name), "")
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

// compileRef compiles the schema at fragment pointer ptr inside document id.
func (c *fastCompiler) compileRef(id, ptr string) (*fastSchema, error) {
	key := id + "#" + ptr
	if s, ok := c.done[key]; ok {
		return s, nil
	}
	d, err := c.doc(id)
	if err != nil {
		return nil, err
	}
	node, ok := valueAt(d, ptr)
	if !ok {
		return nil, fmt.Errorf("%s: cannot resolve", key)
	}
	s := &fastSchema{}
	c.done[key] = s // before compiling, so that recursive references terminate
	if err := c.fill(s, id, ptr, node); err != nil {
		return nil, err
	}
	return s, nil
}

func (c *fastCompiler) sub(id, ptr string, toks ...string) (*fastSchema, error) {
	return c.compileRef(id, ptr+JoinPointer(toks...))
}

func (c *fastCompiler) subs(id, ptr, kw string, v any) ([]*fastSchema, error) {
	arr, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: not an array", kw)
	}
	out := make([]*fastSchema, len(arr))
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

func schemaRat(v any) (*big.Rat, error) {
	n, ok := v.(json.Number)
	if !ok {
		return nil, fmt.Errorf("not a number")
	}
	r, ok := new(big.Rat).SetString(n.String())
	if !ok {
		return nil, fmt.Errorf("bad number %s", n)
	}
	return r, nil
}

// fill compiles node (found at id#ptr) into s.
func (c *fastCompiler) fill(s *fastSchema, id, ptr string, node any) error {
	s.minProps, s.maxProps, s.minItems, s.maxItems, s.minLength, s.maxLength = -1, -1, -1, -1, -1, -1
	if b, ok := node.(bool); ok {
		s.always = &b
		return nil
	}
	m, ok := node.(map[string]any)
	if !ok {
		return fmt.Errorf("%s#%s: a schema must be an object or a boolean", id, ptr)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys) // deterministic errors
	var err error
	for _, kw := range keys {
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
			s.enumStrings = stringSet(arr)
			if s.enumStrings != nil && len(arr) <= fewMax {
				for _, e := range arr {
					s.enumFew = append(s.enumFew, e.(string))
				}
			}
		case "properties":
			pm, ok := v.(map[string]any)
			if !ok {
				return fmt.Errorf("%s#%s: bad properties", id, ptr)
			}
			s.properties = make(map[string]*fastSchema, len(pm))
			for name := range pm {
				if s.properties[name], err = c.sub(id, ptr, kw, name); err != nil {
					return err
				}
			}
			if len(pm) <= fewMax {
				for _, name := range slices.Sorted(maps.Keys(s.properties)) {
					s.propertyFew = append(s.propertyFew, namedSchema{name, s.properties[name]})
				}
			}
		case "patternProperties":
			pm, ok := v.(map[string]any)
			if !ok {
				return fmt.Errorf("%s#%s: bad patternProperties", id, ptr)
			}
			pats := make([]string, 0, len(pm))
			for p := range pm {
				pats = append(pats, p)
			}
			slices.Sort(pats)
			for _, p := range pats {
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
			if s.additional, err = c.sub(id, ptr, kw); err != nil {
				return err
			}
		case "propertyNames":
			if s.propertyNames, err = c.sub(id, ptr, kw); err != nil {
				return err
			}
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
			s.minProps, err = schemaInt(v)
		case "maxProperties":
			s.maxProps, err = schemaInt(v)
		case "items":
			s.items, err = c.sub(id, ptr, kw)
		case "minItems":
			s.minItems, err = schemaInt(v)
		case "maxItems":
			s.maxItems, err = schemaInt(v)
		case "uniqueItems":
			b, ok := v.(bool)
			if !ok {
				return fmt.Errorf("%s#%s: bad uniqueItems", id, ptr)
			}
			s.unique = b
		case "minLength":
			s.minLength, err = schemaInt(v)
		case "maxLength":
			s.maxLength, err = schemaInt(v)
		case "pattern":
			str, ok := v.(string)
			if !ok {
				return fmt.Errorf("%s#%s: bad pattern", id, ptr)
			}
			s.pattern, _, err = newLazyRegexp(str)
		case "minimum":
			s.minimum, err = schemaRat(v)
		case "maximum":
			s.maximum, err = schemaRat(v)
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

// stringSet returns the entries of arr as a set, or nil when some entry is not a string.
func stringSet(arr []any) map[string]bool {
	set := make(map[string]bool, len(arr))
	for _, e := range arr {
		s, ok := e.(string)
		if !ok {
			return nil
		}
		set[s] = true
	}
	return set
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

// valid reports whether v satisfies s.
func (s *fastSchema) valid(v any) bool {
	if s.always != nil {
		return *s.always
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
		if !s.validObject(x) {
			return false
		}
	case []any:
		if !s.validArray(x) {
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
	if s.ref != nil && !s.ref.valid(v) { // the commonest applicator, followed without a closure
		return false
	}
	return !s.hasApplicators() || s.validApplicators(func(sub *fastSchema) bool { return sub.valid(v) })
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
	return s.minLength >= 0 || s.maxLength >= 0 || s.pattern != nil
}

// validString checks minLength, maxLength and pattern.
func (s *fastSchema) validString(x string) bool {
	if s.minLength >= 0 || s.maxLength >= 0 {
		n := utf8.RuneCountInString(x)
		if (s.minLength >= 0 && n < s.minLength) || (s.maxLength >= 0 && n > s.maxLength) {
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
	return r != nil && (s.minimum == nil || r.Cmp(s.minimum) >= 0) && (s.maximum == nil || r.Cmp(s.maximum) <= 0)
}

// hasApplicators reports whether s has a keyword validApplicators applies (most subschemas
// have none: asking first spares the hot path a closure per value).
func (s *fastSchema) hasApplicators() bool {
	return s.not != nil || s.allOf != nil || s.anyOf != nil || s.oneOf != nil || s.ifS != nil
}

// validApplicators applies not, allOf, anyOf, oneOf and if/then/else ($ref is followed by the
// walkers themselves); valid answers whether the value satisfies one subschema.
func (s *fastSchema) validApplicators(valid func(*fastSchema) bool) bool {
	if s.not != nil && valid(s.not) {
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
	if s.ifS != nil {
		if valid(s.ifS) {
			if s.thenS != nil && !valid(s.thenS) {
				return false
			}
		} else if s.elseS != nil && !valid(s.elseS) {
			return false
		}
	}
	return true
}

// countOK reports whether n is within [lo, hi] (a negative bound is no bound).
func countOK(n, lo, hi int) bool {
	return (lo < 0 || n >= lo) && (hi < 0 || n <= hi)
}

// checksMembers reports whether s has a keyword that reads an object's members one by one.
func (s *fastSchema) checksMembers() bool {
	return s.properties != nil || s.patterns != nil || s.additional != nil || s.propertyNames != nil
}

func (s *fastSchema) validObject(obj map[string]any) bool {
	if !countOK(len(obj), s.minProps, s.maxProps) {
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
		if s.propertyNames != nil && !s.propertyNames.valid(name) {
			return false
		}
		evaluated := false
		if sub, ok := s.property(name); ok {
			evaluated = true
			if !sub.valid(val) {
				return false
			}
		}
		for i := range s.patterns {
			p := &s.patterns[i]
			if p.matches(name) {
				evaluated = true
				if !p.schema.valid(val) {
					return false
				}
			}
		}
		if !evaluated && s.additional != nil && !s.additional.valid(val) {
			return false
		}
	}
	return true
}

func (s *fastSchema) validArray(arr []any) bool {
	if !countOK(len(arr), s.minItems, s.maxItems) {
		return false
	}
	if s.unique {
		if j, _ := firstDuplicate(arr); j >= 0 {
			return false
		}
	}
	if s.items != nil {
		for _, e := range arr {
			if !s.items.valid(e) {
				return false
			}
		}
	}
	return true
}
