package validate

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// TestGeneratedFastFormsMatchCompiled checks that the generated fast form of every embedded
// schema is compileFast's, node for node and field for field (identical nodes are shared in
// the generated table; recursive references are followed once), and that a schema without a
// generated form is one the generator could not write.
func TestGeneratedFastFormsMatchCompiled(t *testing.T) {
	_, skipped, err := generateFastForms()
	if err != nil {
		t.Fatal(err)
	}
	generated := 0
	for _, name := range schema.Names() {
		gen, ok := generatedFastForm(name)
		if !ok {
			if skipped[name] == nil {
				t.Errorf("%s: no generated fast form; regenerate: %s", name, regenerateFastForms)
			}
			continue
		}
		compiled, err := compileFast(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pairs, err := sameFastForms(compiled, gen)
		if err != nil {
			t.Errorf("%s: the generated fast form differs from compileFast's: %v; regenerate: %s", name, err, regenerateFastForms)
		}
		if want := reachable(compiled); pairs < want {
			t.Errorf("%s: compared %d node pairs, but compileFast's form has %d nodes", name, pairs, want)
		}
		generated++
	}
	if generated < 13 {
		t.Errorf("only %d schemas have a generated fast form", generated)
	}
}

// TestSameFastFormsFindsDifferences: the comparison itself notices a change in any kind of
// field, deep in the graph.
func TestSameFastFormsFindsDifferences(t *testing.T) {
	for _, change := range []struct {
		what   string
		change func(s *fastSchema) bool // reports whether s had the field to change
	}{
		{"a property name", func(s *fastSchema) bool {
			if len(s.properties) == 0 {
				return false
			}
			s.properties = slices.Clone(s.properties)
			s.properties[0].name += "x"
			return true
		}},
		{"a subschema", func(s *fastSchema) bool {
			if s.items == 0 || s.items == 1 {
				return false
			}
			s.items = 1
			return true
		}},
		{"a missing subschema", func(s *fastSchema) bool {
			if s.additional == 0 {
				return false
			}
			s.additional = 0
			return true
		}},
		{"an enum value", func(s *fastSchema) bool {
			if len(s.enumStrings) == 0 {
				return false
			}
			s.enumStrings = append(slices.Clone(s.enumStrings[1:]), "x")
			return true
		}},
		{"a bound", func(s *fastSchema) bool {
			if s.limits == nil {
				return false
			}
			l := *s.limits
			l.maxItems++
			s.limits = &l
			return true
		}},
		{"a number", func(s *fastSchema) bool {
			if s.minimum == nil {
				return false
			}
			s.minimum = &exactNumber{text: s.minimum.text + "0"}
			return true
		}},
		{"a pattern", func(s *fastSchema) bool {
			for i, p := range s.patterns {
				if p.re != nil {
					s.patterns = slices.Clone(s.patterns)
					s.patterns[i].re = &lazyRegexp{expr: p.re.expr + "x"}
					return true
				}
			}
			return false
		}},
		{"an empty list for none", func(s *fastSchema) bool {
			if s.required != nil {
				return false
			}
			s.required = []string{}
			return true
		}},
		{"a const", func(s *fastSchema) bool {
			if !s.hasConst {
				return false
			}
			s.constValue = fmt.Sprint(s.constValue) + "x"
			return true
		}},
	} {
		f, err := compileFast("amplify-outputs-v1.5")
		if err != nil {
			t.Fatal(err)
		}
		changed := false
		for i := len(f.nodes) - 1; i > 0 && !changed; i-- { // the last nodes: deep in the graph
			changed = change.change(&f.nodes[i])
		}
		if !changed {
			t.Fatalf("%s: nothing to change", change.what)
		}
		orig, _ := compileFast("amplify-outputs-v1.5")
		if _, err := sameFastForms(orig, f); err == nil {
			t.Errorf("changing %s: the forms compare the same", change.what)
		} else {
			t.Logf("changing %s: %v", change.what, err)
		}
	}
}

// reachable returns how many nodes of f its root reaches.
func reachable(f *fastForm) int {
	seen := map[schemaIndex]bool{}
	var visit func(i schemaIndex)
	visit = func(i schemaIndex) {
		if seen[i] {
			return
		}
		seen[i] = true
		for _, sub := range subschemas(&f.nodes[i]) {
			visit(sub)
		}
	}
	visit(f.root)
	return len(seen)
}

// sameFastForms compares forms a and b from their roots: each pair of nodes reached the same
// way must have equal fields (compared by reflection, so that a field added to fastSchema is
// compared without changing this), subschemas compared as pairs in turn; a pair already
// compared, or being compared (a recursive reference), is not compared again. It returns how
// many pairs it compared, or the first difference.
func sameFastForms(a, b *fastForm) (int, error) {
	type pair struct {
		a, b schemaIndex
		path string
	}
	seen := map[[2]schemaIndex]bool{}
	todo := []pair{{a.root, b.root, "#"}}
	for len(todo) > 0 {
		p := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if seen[[2]schemaIndex{p.a, p.b}] {
			continue
		}
		seen[[2]schemaIndex{p.a, p.b}] = true
		err := sameValue(reflect.ValueOf(&a.nodes[p.a]).Elem(), reflect.ValueOf(&b.nodes[p.b]).Elem(), p.path,
			func(x, y schemaIndex, path string) { todo = append(todo, pair{x, y, path}) })
		if err != nil {
			return len(seen), err
		}
	}
	return len(seen), nil
}

// sameValue compares a and b, two values of the same type found at path, calling sub for each
// pair of (non-zero) subschema indexes instead of comparing the indexes.
func sameValue(a, b reflect.Value, path string, sub func(x, y schemaIndex, path string)) error {
	differ := func() error { return fmt.Errorf("%s: %v and %v", path, describe(a), describe(b)) }
	switch a.Type() {
	case reflect.TypeFor[schemaIndex]():
		x, y := schemaIndex(a.Int()), schemaIndex(b.Int())
		if (x == 0) != (y == 0) {
			return differ()
		}
		if x != 0 {
			sub(x, y, path)
		}
		return nil
	case reflect.TypeFor[*lazyRegexp](), reflect.TypeFor[*exactNumber](): // their cache is not compared
		if a.IsNil() != b.IsNil() || (!a.IsNil() && a.Elem().Field(0).String() != b.Elem().Field(0).String()) {
			return differ()
		}
		return nil
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if err := sameValue(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name, sub); err != nil {
				return err
			}
		}
	case reflect.Pointer:
		if a.IsNil() != b.IsNil() {
			return differ()
		}
		if !a.IsNil() {
			return sameValue(a.Elem(), b.Elem(), path, sub)
		}
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return differ()
		}
		for i := range a.Len() {
			if err := sameValue(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i), sub); err != nil {
				return err
			}
		}
	case reflect.Interface:
		if a.IsNil() != b.IsNil() {
			return differ()
		}
		if !a.IsNil() {
			if a.Elem().Type() != b.Elem().Type() {
				return differ()
			}
			return sameValue(a.Elem(), b.Elem(), path, sub)
		}
	case reflect.String:
		if a.String() != b.String() {
			return differ()
		}
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			return differ()
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if a.Int() != b.Int() {
			return differ()
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if a.Uint() != b.Uint() {
			return differ()
		}
	default:
		return fmt.Errorf("%s: cannot compare a %s", path, a.Type())
	}
	return nil
}

// describe writes v for a difference message.
func describe(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Interface:
		if v.IsNil() {
			return "nil"
		}
	}
	switch v.Type() {
	case reflect.TypeFor[*lazyRegexp](), reflect.TypeFor[*exactNumber]():
		return fmt.Sprintf("&{%q}", v.Elem().Field(0).String())
	}
	if v.Kind() == reflect.Pointer {
		return fmt.Sprintf("&%+v", v.Elem())
	}
	if v.Kind() == reflect.String {
		return fmt.Sprintf("%q", v.String())
	}
	return fmt.Sprintf("%v", v)
}
