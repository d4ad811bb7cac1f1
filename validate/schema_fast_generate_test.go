package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	goparser "go/parser"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// fastGenFile is the file the generated fast forms are written to.
const fastGenFile = "schema_fast_gen.go"

// regenerateFastForms is the command that rewrites fastGenFile.
const regenerateFastForms = "go test ./validate -run TestGeneratedFastFormsAreCurrent -update"

// TestGeneratedFastFormsAreCurrent generates the fast forms of the embedded schemas from their
// JSON (compileFast) and checks that schema_fast_gen.go holds exactly that; with -update it
// rewrites the file.
func TestGeneratedFastFormsAreCurrent(t *testing.T) {
	src, skipped, err := generateFastForms()
	if err != nil {
		t.Fatal(err)
	}
	for name, why := range skipped {
		t.Logf("%s: no generated fast form: %v", name, why)
	}
	if *update {
		if err := os.WriteFile(fastGenFile, src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(fastGenFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(old, src) {
		t.Errorf("%s is not what the embedded JSON Schemas give (first difference at line %d); regenerate it: %s",
			fastGenFile, firstDifferentLine(old, src), regenerateFastForms)
	}
}

// firstDifferentLine returns the number of the first line where a and b differ.
func firstDifferentLine(a, b []byte) int {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(la), len(lb)) {
		if !bytes.Equal(la[i], lb[i]) {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}

// genNode is one node of the fast forms being generated: a node of one schema's compiled form.
type genNode struct {
	form  *fastForm
	index schemaIndex
	where string // the location of the schema in its document, for a comment
}

// fastFormGenerator gathers the compiled forms of the embedded schemas into one table, each
// set of identical nodes (the same keywords and identical subschemas, recursion included) made
// one, and writes it out as Go.
type fastFormGenerator struct {
	nodes []genNode
	first map[*fastForm]int // the place in nodes of a form's node 1 (its node i is at first+i-1)
	roots []generatedRoot   // with indexes into nodes, 1-based
	class []int             // class[k]: which set of identical nodes nodes[k] belongs to
	out   []int             // out[c]: the index class c is given in fastGenNodes, 0 if none yet
	order []int             // the classes in the order of their indexes in fastGenNodes
	res   []string          // the regular expressions, in the order of fastGenRegexps
	json  bool              // the output names json.Number
}

// generateFastForms returns the text of schema_fast_gen.go for the embedded schemas, and why
// each schema without a generated form has none.
func generateFastForms() (src []byte, skipped map[string]error, err error) {
	g := &fastFormGenerator{first: map[*fastForm]int{}}
	skipped = map[string]error{}
	for _, name := range schema.Names() {
		c := newFastCompiler()
		f, err := c.compile(name)
		if err == nil {
			err = staticValues(f)
		}
		if err != nil {
			skipped[name] = err
			continue
		}
		where := make([]string, len(f.nodes))
		for loc, i := range c.done {
			if w := strings.TrimPrefix(loc, schema.SchemaIDBase); where[i] == "" || w < where[i] {
				where[i] = w
			}
		}
		g.first[f] = len(g.nodes)
		for i := 1; i < len(f.nodes); i++ {
			g.nodes = append(g.nodes, genNode{form: f, index: schemaIndex(i), where: where[i]})
		}
		g.roots = append(g.roots, generatedRoot{name: name, root: schemaIndex(g.nodeOf(f, f.root) + 1)})
	}
	g.partition()
	g.number()
	src, err = format.Source(g.write())
	return src, skipped, err
}

// staticValues checks that every const and enum value of f can be written as a Go constant
// (a map or slice value could not be laid out by the linker).
func staticValues(f *fastForm) error {
	for i := range f.nodes {
		s := &f.nodes[i]
		if _, err := goValue(s.constValue); s.hasConst && err != nil {
			return fmt.Errorf("const: %w", err)
		}
		for _, e := range s.enum {
			if _, err := goValue(e); err != nil {
				return fmt.Errorf("enum: %w", err)
			}
		}
	}
	return nil
}

// goValue returns v, a decoded JSON value, as a Go constant expression, or an error for an
// object or array.
func goValue(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "nil", nil
	case bool:
		return strconv.FormatBool(x), nil
	case string:
		return strconv.Quote(x), nil
	case json.Number:
		return "json.Number(" + strconv.Quote(string(x)) + ")", nil
	}
	return "", fmt.Errorf("%s value has no constant form", jsonKind(v))
}

// nodeOf returns the place in g.nodes of node i of form f (-1 for 0, no schema).
func (g *fastFormGenerator) nodeOf(f *fastForm, i schemaIndex) int {
	if i == 0 {
		return -1
	}
	return g.first[f] + int(i) - 1
}

// partition sorts g.nodes into classes of identical nodes: starting from one class, each round
// splits the nodes of a class that differ in their own keywords or in the classes of their
// subschemas, until no round splits any (the coarsest partition, as minimizing an automaton).
func (g *fastFormGenerator) partition() {
	g.class = make([]int, len(g.nodes))
	for classes := 1; ; {
		ids := map[string]int{}
		next := make([]int, len(g.nodes))
		for k, n := range g.nodes {
			key := strconv.Itoa(g.class[k]) + " " + g.literal(n, func(i schemaIndex) string {
				if i == 0 {
					return "none"
				}
				return "c" + strconv.Itoa(g.class[g.nodeOf(n.form, i)])
			}, strconv.Quote)
			id, ok := ids[key]
			if !ok {
				id = len(ids)
				ids[key] = id
			}
			next[k] = id
		}
		g.class = next
		if len(ids) == classes {
			return
		}
		classes = len(ids)
	}
}

// number gives the classes their indexes in fastGenNodes: in depth-first order from each root,
// the schemas in name order, so that a schema's subschemas follow it (and share its pages).
func (g *fastFormGenerator) number() {
	g.out = make([]int, len(g.nodes))
	var visit func(k int)
	visit = func(k int) {
		c := g.class[k]
		if g.out[c] != 0 {
			return
		}
		g.order = append(g.order, c)
		g.out[c] = len(g.order)
		n := g.nodes[k]
		for _, sub := range subschemas(&n.form.nodes[n.index]) {
			visit(g.nodeOf(n.form, sub))
		}
	}
	for i, r := range g.roots {
		visit(int(r.root) - 1)
		g.roots[i].root = schemaIndex(g.out[g.class[r.root-1]])
	}
}

// subschemas returns the subschemas of s, in the order literal writes them.
func subschemas(s *fastSchema) []schemaIndex {
	var subs []schemaIndex
	for _, p := range s.properties {
		subs = append(subs, p.schema)
	}
	for _, p := range s.patterns {
		subs = append(subs, p.schema)
	}
	subs = append(subs, s.additional, s.propertyNames, s.items, s.ref, s.not)
	subs = append(subs, s.allOf...)
	subs = append(subs, s.anyOf...)
	subs = append(subs, s.oneOf...)
	subs = append(subs, s.ifS, s.thenS, s.elseS)
	return slices.DeleteFunc(subs, func(i schemaIndex) bool { return i == 0 })
}

// write returns the unformatted Go text of schema_fast_gen.go.
func (g *fastFormGenerator) write() []byte {
	var nodes bytes.Buffer
	rep := make(map[int]int, len(g.order)) // class -> its first node
	for k := len(g.nodes) - 1; k >= 0; k-- {
		rep[g.class[k]] = k
	}
	for _, c := range g.order {
		n := g.nodes[rep[c]]
		members := 0
		for _, d := range g.class {
			if d == c {
				members++
			}
		}
		fmt.Fprintf(&nodes, "\n\t// %s", n.where)
		if members > 1 {
			fmt.Fprintf(&nodes, " (and %d identical)", members-1)
		}
		fmt.Fprintf(&nodes, "\n\t%d: %s,", g.out[c], g.literal(n, func(i schemaIndex) string {
			return strconv.Itoa(g.out[g.class[g.nodeOf(n.form, i)]])
		}, g.regexp))
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by %q; DO NOT EDIT.\n\npackage validate\n\n", regenerateFastForms)
	if g.json {
		b.WriteString("import \"encoding/json\"\n\n")
	}
	b.WriteString(`// The fast forms of the embedded JSON Schemas, as compileFast builds them from the JSON:
// constant tables laid out by the linker, read-only (a lazyRegexp only records its compiled
// expression, an exactNumber its exact value). Identical schema nodes, within a schema and between schemas, are one node.

// fastGenSourceSizes is embeddedSchemaSizes for the schemas these forms were generated from.
`)
	fmt.Fprintf(&b, "const fastGenSourceSizes = %q\n", embeddedSchemaSizes())
	b.WriteString(`

// fastGenRoots lists the embedded schemas with a generated fast form, in name order, and the
// index of each one's root in fastGenNodes.
var fastGenRoots = []generatedRoot{
`)
	for _, r := range g.roots {
		fmt.Fprintf(&b, "\t{%q, %d},\n", r.name, r.root)
	}
	b.WriteString("}\n\n// fastGenRegexps are the regular expressions of fastGenNodes, each compiled when first matched\n" +
		"// (an array: the address of an element of a slice would be taken at package init).\nvar fastGenRegexps = [...]lazyRegexp{\n")
	for _, re := range g.res {
		fmt.Fprintf(&b, "\t{expr: %q},\n", re)
	}
	b.WriteString("}\n\n// fastGenNodes are the schema nodes of the generated fast forms; node 0 is no schema (the\n// schema false: a slip that used it would reject).\nvar fastGenNodes = []fastSchema{\n\t0: {always: neverValid},")
	b.Write(nodes.Bytes())
	b.WriteString("\n}\n")
	return b.Bytes()
}

// regexp returns the Go expression of the lazyRegexp for expr in fastGenRegexps, adding it.
func (g *fastFormGenerator) regexp(expr string) string {
	i := slices.Index(g.res, expr)
	if i < 0 {
		i = len(g.res)
		g.res = append(g.res, expr)
	}
	return "&fastGenRegexps[" + strconv.Itoa(i) + "]"
}

// literal returns node n as a Go composite literal of type fastSchema, writing each subschema
// with sub and each regular expression with re. Every field of fastSchema that is set is
// written (TestGeneratedFastFormsMatchCompiled compares every field of the result with
// compileFast's).
func (g *fastFormGenerator) literal(n genNode, sub func(schemaIndex) string, re func(string) string) string {
	s := &n.form.nodes[n.index]
	var b strings.Builder
	field := func(name, value string) { fmt.Fprintf(&b, "\n%s: %s,", name, value) }
	index := func(name string, i schemaIndex) {
		if i != 0 {
			field(name, sub(i))
		}
	}
	indexes := func(name string, list []schemaIndex) {
		if list != nil {
			items := make([]string, len(list))
			for k, i := range list {
				items[k] = sub(i)
			}
			field(name, "[]schemaIndex{"+strings.Join(items, ", ")+"}")
		}
	}
	strs := func(name string, list []string) {
		if list != nil {
			items := make([]string, len(list))
			for k, e := range list {
				items[k] = strconv.Quote(e)
			}
			field(name, "[]string{"+strings.Join(items, ", ")+"}")
		}
	}
	value := func(v any) string {
		text, _ := goValue(v) // staticValues checked every value
		g.json = g.json || strings.HasPrefix(text, "json.")
		return text
	}
	list := func(typ string, items []string) string { // items start with "\n"
		if len(items) == 0 {
			return "[]" + typ + "{}"
		}
		return "[]" + typ + "{" + strings.Join(items, ",") + ",\n}"
	}
	number := func(name string, x *exactNumber) {
		if x != nil {
			field(name, "&exactNumber{text: "+strconv.Quote(x.text)+"}")
		}
	}
	switch s.always {
	case alwaysValid:
		field("always", "alwaysValid")
	case neverValid:
		field("always", "neverValid")
	}
	if s.hasConst {
		field("hasConst", "true")
		if s.constValue != nil {
			field("constValue", value(s.constValue))
		}
	}
	if s.unique {
		field("unique", "true")
	}
	strs("types", s.types)
	if s.enum != nil {
		items := make([]string, len(s.enum))
		for k, e := range s.enum {
			items[k] = value(e)
		}
		field("enum", "[]any{"+strings.Join(items, ", ")+"}")
	}
	strs("enumStrings", s.enumStrings)
	if s.properties != nil {
		items := make([]string, len(s.properties))
		for k, p := range s.properties {
			items[k] = fmt.Sprintf("\n{%q, %s}", p.name, sub(p.schema))
		}
		field("properties", list("namedSchema", items))
	}
	if s.patterns != nil {
		items := make([]string, len(s.patterns))
		for k, p := range s.patterns {
			var parts []string
			if p.re != nil {
				parts = append(parts, "re: "+re(p.re.expr))
			}
			if p.matchAll {
				parts = append(parts, "matchAll: true")
			}
			if p.prefix != "" {
				parts = append(parts, "prefix: "+strconv.Quote(p.prefix))
			}
			parts = append(parts, "schema: "+sub(p.schema))
			items[k] = "\n{" + strings.Join(parts, ", ") + "}"
		}
		field("patterns", list("fastPattern", items))
	}
	index("additional", s.additional)
	strs("required", s.required)
	index("propertyNames", s.propertyNames)
	index("items", s.items)
	if l := s.limits; l != nil {
		field("limits", fmt.Sprintf("&fastLimits{minProps: %d, maxProps: %d, minItems: %d, maxItems: %d, minLength: %d, maxLength: %d}",
			l.minProps, l.maxProps, l.minItems, l.maxItems, l.minLength, l.maxLength))
	}
	if s.pattern != nil {
		field("pattern", re(s.pattern.expr))
	}
	number("minimum", s.minimum)
	number("maximum", s.maximum)
	index("ref", s.ref)
	index("not", s.not)
	indexes("allOf", s.allOf)
	indexes("anyOf", s.anyOf)
	indexes("oneOf", s.oneOf)
	index("ifS", s.ifS)
	index("thenS", s.thenS)
	index("elseS", s.elseS)
	if b.Len() == 0 {
		return "{}"
	}
	return "{" + b.String() + "\n}"
}

// Every node the generator writes is a valid Go expression, empty lists included
// (`"properties": {}` once came out as `[]namedSchema{,}`).
func TestGeneratedLiteralsParse(t *testing.T) {
	nodes := []fastSchema{
		{always: neverValid},
		{properties: []namedSchema{}, patterns: []fastPattern{}, required: []string{}, allOf: []schemaIndex{}},
		{properties: []namedSchema{{"a", 1}}, patterns: []fastPattern{{matchAll: true, schema: 1}}},
		{always: alwaysValid},
		{},
	}
	f := &fastForm{nodes: nodes, root: 1}
	g := &fastFormGenerator{}
	for i := range nodes {
		lit := g.literal(genNode{form: f, index: schemaIndex(i)}, func(i schemaIndex) string { return strconv.Itoa(int(i)) }, strconv.Quote)
		if _, err := goparser.ParseExpr("fastSchema" + lit); err != nil {
			t.Errorf("node %d: %v\n%s", i, err, lit)
		}
	}
}
