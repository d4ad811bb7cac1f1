package validate

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// keyLocator is implemented by locators that can point at an object member's key (JSONFile).
type keyLocator interface {
	KeyPos(pointer string) schema.Pos
}

// snippeter is implemented by locators that can show a source line (JSONFile).
type snippeter interface {
	Snippet(n, col int) (string, int)
}

// patternLabels names the patternProperties patterns of the project's schemas in messages.
var patternLabels = map[string]string{
	"^groups.": "groups<Name>",
	"^entity.": "entity<id>",
}

// schemaExplainer turns jsonschema/v5 findings into diagnostics.
type schemaExplainer struct {
	value any
	file  string
	loc   Locator
	out   []Diagnostic
}

// explainValidationError walks a jsonschema/v5 error tree to its leaves and returns one
// diagnostic per finding, in plain words.
func explainValidationError(ve *jsonschema.ValidationError, value any, file string, loc Locator) []Diagnostic {
	x := &schemaExplainer{value: value, file: file, loc: loc}
	x.walk(ve)
	return x.out
}

func (x *schemaExplainer) walk(e *jsonschema.ValidationError) {
	kw := lastToken(e.KeywordLocation)
	if (kw == "anyOf" || kw == "oneOf") && len(e.Causes) > 0 {
		x.alternatives(kw, e)
		return
	}
	if len(e.Causes) == 0 {
		x.leaf(kw, e)
		return
	}
	for _, c := range e.Causes {
		x.walk(c)
	}
}

// alternatives reports a failed anyOf/oneOf once, listing what each allowed form lacks.
func (x *schemaExplainer) alternatives(kw string, e *jsonschema.ValidationError) {
	var forms []string
	for _, c := range e.Causes {
		sub := &schemaExplainer{value: x.value, file: x.file}
		sub.walk(c)
		var msgs []string
		for _, d := range sub.out {
			msgs = append(msgs, d.Message)
		}
		slices.Sort(msgs)
		forms = append(forms, strings.Join(slices.Compact(msgs), "; "))
	}
	ptr := x.instance(e.InstanceLocation)
	msg := fmt.Sprintf("%s does not match any allowed form: %s", x.where(ptr), strings.Join(forms, "; or "))
	x.add(ptr, false, kw, msg)
}

// leaf reports one failed keyword.
func (x *schemaExplainer) leaf(kw string, e *jsonschema.ValidationError) {
	ptr := x.instance(e.InstanceLocation)
	inst, _ := valueAt(x.value, ptr)
	node := schemaNodeAt(parentLocation(e.AbsoluteKeywordLocation))
	where := x.where(ptr)
	switch kw {
	case "required":
		obj, _ := inst.(map[string]any)
		for _, req := range stringList(node["required"]) {
			if _, ok := obj[req]; !ok {
				x.add(ptr, false, kw, fmt.Sprintf("missing required key %q %s", req, inWhere(where, ptr)))
			}
		}
		return
	case "additionalProperties":
		obj, _ := inst.(map[string]any)
		allowed := allowedKeys(node)
		var extra []string
		for k := range obj {
			if !keyDeclared(node, k) {
				extra = append(extra, k)
			}
		}
		slices.Sort(extra)
		for _, k := range extra {
			msg := fmt.Sprintf("unknown key %q %s: allowed keys are %s", k, inWhere(where, ptr), strings.Join(allowed, ", "))
			if len(allowed) == 0 {
				msg = fmt.Sprintf("unknown key %q %s: no keys are allowed there", k, inWhere(where, ptr))
			}
			x.add(ptr+JoinPointer(k), true, kw, msg)
		}
		return
	case "type":
		var types []string
		switch t := node["type"].(type) {
		case string:
			types = []string{t}
		default:
			types = stringList(t)
		}
		for i, t := range types {
			types[i] = typeName(t)
		}
		x.add(ptr, false, kw, fmt.Sprintf("%s must be %s, found %s", where, strings.Join(types, " or "), describeValue(inst)))
	case "enum":
		var choices []string
		for _, c := range anyList(node["enum"]) {
			choices = append(choices, choiceText(c))
		}
		slices.Sort(choices)
		noun, _ := node["title"].(string)
		if noun == "" {
			noun = "value of " + where
		}
		x.add(ptr, false, kw, fmt.Sprintf("%s %s is not one of %s", noun, valueText(inst), strings.Join(choices, ", ")))
	case "const":
		x.add(ptr, false, kw, fmt.Sprintf("%s must be %s, found %s", where, valueText(node["const"]), valueText(inst)))
	case "pattern":
		x.add(ptr, false, kw, fmt.Sprintf("%s %s does not match the pattern %s", where, valueText(inst), node["pattern"]))
	case "minItems", "maxItems", "minLength", "maxLength", "minProperties", "maxProperties":
		x.add(ptr, false, kw, boundMessage(kw, where, node[kw], inst))
	case "minimum", "maximum":
		word := map[string]string{"minimum": "at least", "maximum": "at most"}[kw]
		x.add(ptr, false, kw, fmt.Sprintf("%s must be %s %v, found %s", where, word, node[kw], valueText(inst)))
	case "uniqueItems":
		arr, _ := inst.([]any)
		i, j := firstDuplicate(arr)
		x.add(ptr, false, kw, fmt.Sprintf("%s lists the same item twice (items %d and %d): list each once", where, i, j))
	default:
		msg := e.Message
		if msg == "not allowed" {
			msg = "not allowed here"
		}
		x.add(ptr, false, kw, fmt.Sprintf("%s: %s", where, msg))
	}
}

// add appends a diagnostic for the value at ptr (or its key, when atKey).
func (x *schemaExplainer) add(ptr string, atKey bool, keyword, msg string) {
	pos := schema.At(schema.Place{File: x.file, Pointer: ptr})
	if x.loc != nil {
		if kl, ok := x.loc.(keyLocator); ok && atKey {
			pos = kl.KeyPos(ptr)
		} else {
			pos = x.loc.PosOf(ptr)
		}
	}
	pl := pos.Place()
	if pl.File == "" {
		pl.File = x.file
	}
	pl.Pointer = ptr
	d := At(schema.At(pl), Error, "schema/"+kebab(keyword), "%s", msg)
	if sn, ok := x.loc.(snippeter); ok && d.Line > 0 {
		d.Snippet, d.SnippetColumn = sn.Snippet(d.Line, d.Column)
	}
	x.out = append(x.out, d)
}

// where names the value at ptr for a message: `storage.buckets[0].paths["public/*"]`.
func (x *schemaExplainer) where(ptr string) string {
	if ptr == "" {
		return "the document"
	}
	var b strings.Builder
	cur := x.value
	for _, tok := range SplitPointer(ptr) {
		if arr, ok := cur.([]any); ok {
			b.WriteString("[" + tok + "]")
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(arr) {
				cur = arr[i]
			} else {
				cur = nil
			}
			continue
		}
		if obj, ok := cur.(map[string]any); ok {
			cur = obj[tok]
		} else {
			cur = nil
		}
		if isIdentifier(tok) {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(tok)
		} else {
			b.WriteString("[" + strconv.Quote(tok) + "]")
		}
	}
	return b.String()
}

// inWhere says where a key is missing or unknown: "at the top level" or "in storage".
func inWhere(where, ptr string) string {
	if ptr == "" {
		return "at the top level"
	}
	return "in " + where
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r == '$' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return true
}

// lastToken returns the last "/"-separated token of a keyword location.
func lastToken(loc string) string {
	return loc[strings.LastIndexByte(loc, '/')+1:]
}

// parentLocation drops the keyword from an absolute keyword location, leaving its schema.
func parentLocation(loc string) string {
	return loc[:max(strings.LastIndexByte(loc, '/'), 0)]
}

// unescapeToken undoes jsonschema/v5's escaping of one location token (percent-encoding, then
// the JSON Pointer "~1" and "~0" escapes).
func unescapeToken(tok string) string {
	if t, err := url.PathUnescape(tok); err == nil {
		tok = t
	}
	if strings.Contains(tok, "~") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
	}
	return tok
}

// instance returns the JSON Pointer of the value a jsonschema/v5 instance location names.
// jsonschema/v5 drops the token of an empty key ({"": ...}) when it joins a location (its
// joinPtr skips an empty part), so "/paths//guest/0" arrives as "/paths/guest/0": where a
// token is missing from an object that has the empty key, and the empty key's value has it,
// the empty token is put back. (An object holding both "guest" and "" with its own "guest"
// stays ambiguous; the direct key is taken. A dropped token at the end of a location cannot
// be told from a finding about the object itself, and is left out.)
func (x *schemaExplainer) instance(loc string) string {
	return restoreEmptyKeys(x.value, instancePointer(loc))
}

// restoreEmptyKeys puts back the empty-key tokens jsonschema/v5 dropped from ptr (see
// instance), or returns ptr when it resolves in v as it is or cannot be repaired.
func restoreEmptyKeys(v any, ptr string) string {
	toks := SplitPointer(ptr)
	var out []string
	for i := 0; i < len(toks); {
		switch node := v.(type) {
		case map[string]any:
			if next, ok := node[toks[i]]; ok {
				v, out, i = next, append(out, toks[i]), i+1
			} else if empty, ok := node[""]; ok {
				v, out = empty, append(out, "") // the dropped token; toks[i] is tried again below it
			} else {
				return ptr
			}
		case []any:
			n, err := strconv.Atoi(toks[i])
			if err != nil || n < 0 || n >= len(node) {
				return ptr
			}
			v, out, i = node[n], append(out, toks[i]), i+1
		default:
			return ptr
		}
	}
	return JoinPointer(out...)
}

// instancePointer turns a jsonschema/v5 InstanceLocation into a plain JSON Pointer.
func instancePointer(loc string) string {
	if loc == "" {
		return ""
	}
	toks := strings.Split(strings.TrimPrefix(loc, "/"), "/")
	for i, t := range toks {
		toks[i] = unescapeToken(t)
	}
	return JoinPointer(toks...)
}

// valueAt returns the value at ptr inside v.
func valueAt(v any, ptr string) (any, bool) {
	for _, tok := range SplitPointer(ptr) {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// schemaNodeAt returns the schema object at an absolute location ("<$id>#<pointer>").
func schemaNodeAt(loc string) map[string]any {
	id, frag, _ := strings.Cut(loc, "#")
	name, ok := strings.CutPrefix(id, schema.SchemaIDBase)
	if !ok {
		return nil
	}
	name = strings.TrimSuffix(name, ".schema.json")
	cs, ok := compiledSchemas()[name]
	if !ok {
		return nil
	}
	node, err := cs.raw()
	if err != nil {
		return nil
	}
	node, _ = valueAt(node, instancePointer(frag))
	obj, _ := node.(map[string]any)
	return obj
}

// keyDeclared reports whether the schema node names key in properties or patternProperties.
func keyDeclared(node map[string]any, key string) bool {
	if props, ok := node["properties"].(map[string]any); ok {
		if _, ok := props[key]; ok {
			return true
		}
	}
	pats, _ := node["patternProperties"].(map[string]any)
	for p := range pats {
		if re, err := regexp.Compile(p); err == nil && re.MatchString(key) {
			return true
		}
	}
	return false
}

// allowedKeys lists the keys a schema node declares: its properties, sorted, then its patterns.
func allowedKeys(node map[string]any) []string {
	var keys []string
	props, _ := node["properties"].(map[string]any)
	for k := range props {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	pats, _ := node["patternProperties"].(map[string]any)
	var labels []string
	for p := range pats {
		label, ok := patternLabels[p]
		if !ok {
			label = "keys matching " + p
		}
		labels = append(labels, label)
	}
	slices.Sort(labels)
	return append(keys, labels...)
}

func stringList(v any) []string {
	var out []string
	for _, x := range anyList(v) {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func anyList(v any) []any {
	arr, _ := v.([]any)
	return arr
}

// typeName words a JSON Schema type name for a message.
func typeName(t string) string {
	switch t {
	case "array", "object", "integer":
		return "an " + t
	case "null":
		return "null"
	default:
		return "a " + t
	}
}

// describeValue words a value's type (and the value itself, when short) for a message.
func describeValue(v any) string {
	switch jsonKind(v) {
	case "null":
		return "null"
	case "array":
		return "an array"
	case "object":
		return "an object"
	case "":
		return fmt.Sprintf("a %T", v)
	default:
		return jsonKind(v) + " " + valueText(v)
	}
}

// valueText shows a scalar value as JSON, shortened when long.
func valueText(v any) string {
	switch v.(type) {
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	s := string(b)
	if r := []rune(s); len(r) > 80 {
		s = string(r[:77]) + "..."
	}
	return s
}

// choiceText shows one allowed enum value: bare when it is a plain word, else as JSON.
func choiceText(v any) string {
	if s, ok := v.(string); ok && s != "" && !strings.ContainsAny(s, " ,\"\\") {
		return s
	}
	return valueText(v)
}

// boundMessage words a failed size keyword.
func boundMessage(kw, where string, bound, inst any) string {
	n := 0
	unit := "items"
	switch x := inst.(type) {
	case []any:
		n = len(x)
	case map[string]any:
		n, unit = len(x), "keys"
	case string:
		n, unit = len([]rune(x)), "characters"
	}
	if kw == "minLength" && fmt.Sprint(bound) == "1" {
		return where + " must not be empty"
	}
	word := "at least"
	if strings.HasPrefix(kw, "max") {
		word = "at most"
	}
	if fmt.Sprint(bound) == "1" {
		unit = strings.TrimSuffix(unit, "s")
	}
	return fmt.Sprintf("%s must have %s %v %s, found %d", where, word, bound, unit, n)
}

// kebab turns a keyword such as additionalProperties into additional-properties.
func kebab(kw string) string {
	var b strings.Builder
	for _, r := range kw {
		if unicode.IsUpper(r) {
			b.WriteByte('-')
			r = unicode.ToLower(r)
		}
		if r == '$' {
			continue
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "invalid"
	}
	return b.String()
}
