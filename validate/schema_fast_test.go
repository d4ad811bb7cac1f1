package validate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// fastMatchesFull checks that the fast form and jsonschema/v5 agree on v for every schema and
// returns how many (schema, document) pairs it compared.
func fastMatchesFull(t testing.TB, label string, v any) int {
	t.Helper()
	if len(hugeNumbers(v, "", nil)) > 0 {
		return 0 // jsonschema/v5 would spend seconds making such numbers exact; SchemaCheck reports them
	}
	return forEachSchema(t, func(name string, fast *fastForm, full *jsonschema.Schema) {
		fv := fast.valid(v)
		if err := full.Validate(v); fv != (err == nil) {
			b, _ := json.Marshal(v)
			t.Errorf("%s with schema %s: fast says valid=%v, jsonschema/v5 says %v\ndocument: %.2000s", label, name, fv, err, b)
		}
	})
}

// forEachSchema calls check with both compiled forms of every embedded schema and returns how
// many it checked. The fast form is the one SchemaCheck uses: the generated one.
func forEachSchema(t testing.TB, check func(name string, fast *fastForm, full *jsonschema.Schema)) int {
	t.Helper()
	for _, name := range schema.Names() {
		cs := compiledSchemas()[name]
		fast, err := cs.fast()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !isGenerated(fast) {
			t.Fatalf("%s: the fast form in use is not the generated one", name)
		}
		full, err := cs.full()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		check(name, fast, full)
	}
	return len(schema.Names())
}

// treeMatchesFull checks that the fast form run on the index of data (validNode) agrees with
// jsonschema/v5 and with the fast form run on the decoded document, for every schema. data that
// is not one JSON value is skipped. It returns how many (schema, document) pairs it compared.
func treeMatchesFull(t testing.TB, label string, data []byte) int {
	t.Helper()
	j, _, ok := ParseJSONIndex(NewLines("doc.json", data), 0, data)
	if !ok {
		return 0
	}
	v := j.Value()
	if len(hugeNumbers(v, "", nil)) > 0 {
		return 0 // as in fastMatchesFull
	}
	return forEachSchema(t, func(name string, fast *fastForm, full *jsonschema.Schema) {
		tv, fv, err := fast.validNode(j.index, rootNode), fast.valid(v), full.Validate(v)
		if tv != fv || tv != (err == nil) {
			t.Errorf("%s with schema %s: on the index valid=%v, on the decoded value valid=%v, jsonschema/v5 says %v\ndocument: %.2000s",
				label, name, tv, fv, err, data)
		}
	})
}

// mutations returns variants of v, each with one change at one place: the kinds of mistake
// people make (a key removed, renamed or added, a wrong type, a bad enum value, a duplicate).
func mutations(v any) []any {
	var out []any
	var walk func(path []string)
	copyWith := func(path []string, change func(parent any, key string) any) any {
		root := deepCopy(v)
		if len(path) == 0 {
			return change(nil, "")
		}
		parent := root
		for _, tok := range path[:len(path)-1] {
			switch p := parent.(type) {
			case map[string]any:
				parent = p[tok]
			case []any:
				i, _ := strconv.Atoi(tok)
				parent = p[i]
			}
		}
		last := path[len(path)-1]
		nv := change(parent, last)
		switch p := parent.(type) {
		case map[string]any:
			if nv == deleted {
				delete(p, last)
			} else {
				p[last] = nv
			}
		case []any:
			i, _ := strconv.Atoi(last)
			if nv != deleted {
				p[i] = nv
			}
		}
		return root
	}
	replacements := []any{nil, true, json.Number("5"), json.Number("1.5"), json.Number("-1"), "bogus", "",
		"1.5", "get", []any{}, []any{"read", "read"}, []any{"bogus"}, map[string]any{}, map[string]any{"grups": []any{"get"}}}
	walk = func(path []string) {
		cur, _ := valueAt(v, JoinPointer(path...))
		if len(out) > 150 {
			return
		}
		for _, r := range replacements {
			out = append(out, copyWith(path, func(any, string) any { return deepCopy(r) }))
		}
		if len(path) > 0 {
			out = append(out, copyWith(path, func(any, string) any { return deleted }))
		}
		switch x := cur.(type) {
		case map[string]any:
			out = append(out, copyWith(path, func(any, string) any {
				m := deepCopy(x).(map[string]any)
				m["extraKey"] = "x"
				return m
			}))
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				walk(append(slices.Clone(path), k))
			}
		case []any:
			if len(x) > 0 {
				out = append(out, copyWith(path, func(any, string) any {
					return append(deepCopy(x).([]any), deepCopy(x[0]))
				}))
			}
			for i := range x {
				walk(append(slices.Clone(path), strconv.Itoa(i)))
			}
		}
	}
	walk(nil)
	return out
}

// deleted marks a member to remove in mutations.
var deleted any = &struct{ deleted bool }{true}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		a := make([]any, len(x))
		for i, e := range x {
			a[i] = deepCopy(e)
		}
		return a
	}
	return v
}

// differentialDocuments gathers documents: all fixtures, the Gen 2 and JSON corpus files and a
// sample of the generated bench inputs, when ../shared is there. It returns them decoded, and
// as their text.
func differentialDocuments(t *testing.T) (map[string]any, map[string][]byte) {
	docs, texts := map[string]any{}, map[string][]byte{}
	add := func(f string) {
		data, err := os.ReadFile(f)
		if err != nil {
			return
		}
		v, err := decodeSchemaJSON(data)
		if err != nil {
			return
		}
		docs[f], texts[f] = v, data
	}
	fixtures, _ := filepath.Glob(filepath.Join("..", "fixtures", "schema", "*", "*", "*.json"))
	for _, f := range fixtures {
		add(f)
	}
	shared := filepath.Join("..", "..", "shared")
	for _, dir := range []string{"amplify_outputs.json", "amplifyconfiguration.json", "team-provider-info.json", "awsconfiguration.json"} {
		files, _ := filepath.Glob(filepath.Join(shared, "corpus", dir, "*"))
		for _, f := range files {
			add(f)
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		inputs := filepath.Join(home, ".cache", "amplify-storage-bench", "inputs")
		small, _ := filepath.Glob(filepath.Join(inputs, "small", "*.json"))
		for i := 0; i < len(small); i += 1000 {
			add(small[i])
		}
		invalid, _ := filepath.Glob(filepath.Join(inputs, "invalid", "*.json"))
		for _, f := range invalid {
			add(f)
		}
	}
	return docs, texts
}

// TestFastPathMatchesSchema is the differential test: on every fixture, corpus file, generated
// input and many one-change mutations of them, the fast form accepts exactly what jsonschema/v5
// accepts, for every embedded schema.
func TestFastPathMatchesSchema(t *testing.T) {
	docs, texts := differentialDocuments(t)
	if len(docs) < 20 {
		t.Fatalf("only %d documents", len(docs))
	}
	names := make([]string, 0, len(docs))
	for f := range docs {
		names = append(names, f)
	}
	slices.Sort(names)
	pairs, mutated := 0, 0
	for _, f := range names {
		pairs += fastMatchesFull(t, f, docs[f])
		pairs += treeMatchesFull(t, f, texts[f])
		if testing.Short() {
			continue
		}
		for i, m := range mutations(docs[f]) {
			label := f + " mutation " + strconv.Itoa(i)
			pairs += fastMatchesFull(t, label, m)
			if data, err := json.Marshal(m); err == nil {
				pairs += treeMatchesFull(t, label, data)
			}
			mutated++
		}
	}
	t.Logf("%d documents, %d mutations, %d (schema, document) comparisons", len(docs), mutated, pairs)
}

// TestFastPathEdgeValues pins the number and equality semantics the fast form shares with
// jsonschema/v5.
func TestFastPathEdgeValues(t *testing.T) {
	for _, doc := range []string{
		`{"version":"1.5","auth":{"aws_region":"r","user_pool_id":"p","user_pool_client_id":"c","password_policy":{"min_length":6.0,"require_numbers":true,"require_lowercase":true,"require_uppercase":true,"require_symbols":true}}}`,
		`{"version":"1.5","auth":{"aws_region":"r","user_pool_id":"p","user_pool_client_id":"c","password_policy":{"min_length":6.5,"require_numbers":true,"require_lowercase":true,"require_uppercase":true,"require_symbols":true}}}`,
		`{"version":"1.5","auth":{"aws_region":"r","user_pool_id":"p","user_pool_client_id":"c","password_policy":{"min_length":1e1,"require_numbers":true,"require_lowercase":true,"require_uppercase":true,"require_symbols":true}}}`,
		`{"version":"1.5","auth":{"aws_region":"r","user_pool_id":"p","user_pool_client_id":"c","password_policy":{"min_length":99.00000000000000000001,"require_numbers":true,"require_lowercase":true,"require_uppercase":true,"require_symbols":true}}}`,
		`{"version":"1.5","auth":{"aws_region":"r","user_pool_id":"p","user_pool_client_id":"c","groups":[{"A":{"precedence":1e400}}]}}`,
		`{"version":"1.5","auth":{"aws_region":"r","user_pool_id":"p","user_pool_client_id":"c","oauth":{"identity_providers":[],"domain":"d","scopes":["a","a"],"redirect_sign_in_uri":["x"],"redirect_sign_out_uri":["y"],"response_type":"code"}}}`,
		`{"version":"1.5","geo":{"aws_region":"r","search_indices":{"items":["1","2","3","4","5","6","7","8","9","10","11","12","13","14","15","16","17","18","19","20","21","1"],"default":"1"}}}`,
		`{"version":"1.5","storage":{"aws_region":"r","bucket_name":"b","buckets":[{"name":"n","bucket_name":"b","aws_region":"r","paths":{"p/*":{"groups\n":["get"],"entityé":["read"]}}}]}}`,
		`{"version":"1.5","version ":"x"}`,
		`{"version":1.5}`,
		// Repeated keys (the last wins), escapes and bad bytes, read from the index.
		`{"version":"1.5","storage":{"aws_region":"r","bucket_name":"b","aws_region":1}}`,
		`{"version":"1.5","storage":{"aws_region":1,"bucket_name":"b","aws_region":"r"}}`,
		`{"version":"1.5","storage":{"aws_region":"r","bucket_name":"b","buckets":[{"name":"n","bucket_name":"b","aws_region":"r","paths":{"p/*":{"guest":["get","g\u0065t"]}}}]}}`,
		`{"version":"1.5","storage":{"aws_region":"r","bucket_name":"b","buckets":[{"name":"n","bucket_name":"b","aws_region":"r","paths":{"p/*":{"guest":["` + "\xff" + `","` + "\xfe" + `"]}}}]}}`,
		`{"version":"1.5","storage":{"aws_region":"r","bucket_name":"b","buckets":[{"name":"n","bucket_name":"b","aws_region":"r","paths":{"p/*":{"guest":["get","list"],"guest":["get","get"]}}}]}}`,
		`{"version":"1.\u0035","storage":{"aws_region":"r","bucket_name":"b"}}`,
		`{"version":"1.5","auth":{"aws_region":"r","user_pool_id":"p","user_pool_client_id":"c","password_policy":{"min_length":-0.0e0,"require_numbers":true}}}`,
	} {
		fastMatchesFull(t, doc, decodeForTest(t, []byte(doc)))
		if treeMatchesFull(t, doc, []byte(doc)) == 0 {
			t.Errorf("%s: not compared on the index", doc)
		}
	}
	// Go values that are not JSON are rejected by both (jsonschema/v5 with an error).
	ds := SchemaCheck("amplify-outputs-v1.5", decodeForTest(t, []byte(`{"version":"1.5","storage":{"aws_region":"r","bucket_name":1e999999}}`)), "o.json", nil)
	if len(ds) != 1 || ds[0].Rule != "schema/number-range" || ds[0].Pointer != "/storage/bucket_name" {
		t.Errorf("huge number: got %v", ds)
	}
	fastMatchesFull(t, "int", map[string]any{"version": "1.5", "storage": map[string]any{"aws_region": 1, "bucket_name": "b"}})
}

// FuzzFastPathMatchesSchema checks on arbitrary JSON that the fast form and jsonschema/v5 agree
// for every embedded schema.
func FuzzFastPathMatchesSchema(f *testing.F) {
	fixtures, _ := filepath.Glob(filepath.Join("..", "fixtures", "schema", "*", "*", "*.json"))
	for _, file := range fixtures {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"version":"1.5","storage":{"aws_region":"r","bucket_name":"b","buckets":[{"name":"n","bucket_name":"b","aws_region":"r","paths":{"a/*":{"guest":["get"],"groupsA":["read"]}}}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		treeMatchesFull(t, "fuzz input", data)
		v, err := decodeSchemaJSON(data)
		if err != nil {
			return
		}
		fastMatchesFull(t, "fuzz input", v)
	})
}

// TestPatternPrefixFilter: a pattern's literal prefix is taken only when every match must start
// with it, and matches agrees with the regular expression on names with and without it.
func TestPatternPrefixFilter(t *testing.T) {
	for pattern, want := range map[string]string{
		"^groups.": "groups", "^entity.": "entity", "^abc$": "abc", "^a+": "", "^ab+": "a",
		".*": "", "": "", "abc": "", "^(a|b)": "", "(?m)^abc": "", "(?i)^abc": "", "^": "", "x^abc": "",
	} {
		re, prefix, err := newLazyRegexp(pattern)
		if err != nil {
			t.Fatal(err)
		}
		if prefix != want {
			t.Errorf("prefix of %q = %q, want %q", pattern, prefix, want)
		}
		p := fastPattern{re: re, matchAll: pattern == "" || pattern == ".*", prefix: prefix}
		for _, name := range []string{"", "groups", "groupsAdmin", "entity", "entityid", "abc", "ABC", "xabc", "a", "aa", "b", "\nabc", "guest"} {
			if got, want := p.matches(name), regexp.MustCompile(pattern).MatchString(name); got != want {
				t.Errorf("pattern %q: matches(%q) = %v, the regexp says %v", pattern, name, got, want)
			}
		}
	}
}
