package convert

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// deferPosSeeds are outputs that exercise every kind of deferred position: escaped keys,
// nulls and non-strings among actions, repeated keys, CRLF line ends, multi-byte text
// before values, and members of the wrong type.
var deferPosSeeds = []string{
	`{"version":"1.4","storage":{"aws_region":"us-east-1","bucket_name":"b1","buckets":[{"name":"a","bucket_name":"b1","aws_region":"us-east-1","paths":{"public/*":{"guest":["get","list"],"authenticated":["get","write","delete"]}}}]}}`,
	"{\r\n \"version\": \"1.4\",\r\n \"storage\": {\"aws_region\": \"eu-west-1\", \"bucket_name\": \"b\",\r\n  \"buckets\": [{\"name\": \"ü—x\", \"bucket_name\": \"b\", \"aws_region\": \"eu-west-1\",\r\n   \"paths\": {\"a~b/c/*\": {\"entity\": [\"get\", null, 3, \"list\"], \"guest\": null, \"x\": 5, \"groupsAdmin\": [\"read\", \"read\"]}}}]}}\r\n",
	`{"version":"1.4","storage":{"buckets":[{"name":"d","bucket_name":"b","paths":{"p/*":{"guest":["get"],"guest":["list",{"a":1}]},"p/*":{"authenticated":"get"}}},{"name":"d","bucket_name":"b","paths":[]},7]}}`,
	`{"version":"1.4","storage":{"bucket_name":"missing","aws_region":"mars-1","buckets":[{"name":"x","bucket_name":"UPPER","aws_region":"us-east-1","paths":{"/lead/*":{"guest":["get"]},"media/*/":{"authenticated":["nope"]},"m/{entity_id}/*":{"entity_identity":["get","get"]}}}]},"custom":{"dynamodb_tables":[{"name":"t","table_name":"T","partition_key":{"name":"id","type":"S"}}]}}`,
	`{"version":"1","storage":{"aws_region":"us-east-1","bucket_name":"b"}}`,
	`[1,2]`,
	// An empty path key: jsonschema/v5 drops its token from locations (fuzz-found: the
	// findings under it once depended on map order).
	`{"version":"1.4","storage":{"aws_region":"us-east-1","bucket_name":"b1","buckets":[{"name":"a","bucket_name":"b1","aws_region":"us-east-1","paths":{"":{"guest":[""],"authenticated":["x"]}}}]}}`,
}

// TestDeferPositionsMatch proves that a model read with DeferPositions, once its positions are
// resolved, is the model read without, and that validation finds exactly the same.
func TestDeferPositionsMatch(t *testing.T) {
	inputs := map[string][]byte{}
	for i, s := range deferPosSeeds {
		inputs[filepath.Join("seed", string(rune('a'+i)), "amplify_outputs.json")] = []byte(s)
	}
	root := repoRoot(t)
	globs := []string{
		filepath.Join(root, "fixtures", "*", "*outputs*.json"),
		filepath.Join(root, "fixtures", "*", "*", "*outputs*.json"),
		filepath.Join(root, "fixtures", "*", "*", "*", "*outputs*.json"),
		filepath.Join(root, "..", "shared", "corpus", "amplify_outputs.json", "*"),
	}
	if home, err := os.UserHomeDir(); err == nil {
		globs = append(globs, filepath.Join(home, ".cache", "amplify-storage-bench", "inputs", "large", "*.json"))
	}
	for _, g := range globs {
		names, _ := filepath.Glob(g)
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			inputs[name] = data
		}
	}
	if len(inputs) < len(deferPosSeeds)+5 {
		t.Fatalf("only %d inputs found", len(inputs))
	}
	for name, data := range inputs {
		checkDeferPositionsMatch(t, name, data)
	}
}

// FuzzDeferPositionsMatch: TestDeferPositionsMatch on any input.
func FuzzDeferPositionsMatch(f *testing.F) {
	for _, s := range deferPosSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDeferPositionsMatch(t, "amplify_outputs.json", data)
	})
}

func checkDeferPositionsMatch(t *testing.T, name string, data []byte) {
	t.Helper()
	read := func(deferPos bool) (*Document, []validate.Diagnostic) {
		doc, err := Read(context.Background(), Source{Name: name, Data: data},
			ReadOptions{From: schema.AmplifyOutputs, DeferPositions: deferPos})
		if err != nil {
			t.Fatal(err)
		}
		return doc, CheckDocument(doc, validate.Options{})
	}
	eager, eagerFindings := read(false)
	lazy, lazyFindings := read(true)
	if !reflect.DeepEqual(eagerFindings, lazyFindings) {
		t.Fatalf("%s: findings differ:\neager %v\nlazy  %v", name, eagerFindings, lazyFindings)
	}
	if hasDeferred(reflect.ValueOf(&eager.Model).Elem()) {
		t.Fatalf("%s: a deferred position without DeferPositions", name)
	}
	resolveAll(reflect.ValueOf(&lazy.Model).Elem())
	if !reflect.DeepEqual(eager.Model, lazy.Model) {
		t.Fatalf("%s: resolved model differs:\neager %+v\nlazy  %+v", name, eager.Model, lazy.Model)
	}
}

var posType = reflect.TypeFor[schema.Pos]()

// resolveAll replaces every schema.Pos inside v (addressable) by its Resolved form.
func resolveAll(v reflect.Value) {
	walkPos(v, func(p reflect.Value) { p.Set(reflect.ValueOf(p.Interface().(schema.Pos).Resolved())) })
}

func hasDeferred(v reflect.Value) bool {
	found := false
	walkPos(v, func(p reflect.Value) { found = found || p.Interface().(schema.Pos).Deferred() })
	return found
}

func walkPos(v reflect.Value, fn func(reflect.Value)) {
	if v.Type() == posType {
		fn(v)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkPos(v.Elem(), fn)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkPos(v.Field(i), fn)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkPos(v.Index(i), fn)
		}
	}
}
