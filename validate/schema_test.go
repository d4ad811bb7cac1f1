package validate

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// decodeForTest decodes JSON as the readers do (numbers as json.Number).
func decodeForTest(t testing.TB, data []byte) any {
	t.Helper()
	v, err := decodeSchemaJSON(data)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return v
}

func TestEverySchemaCompiles(t *testing.T) {
	names := schema.Names()
	if len(names) < 13 {
		t.Fatalf("only %d schemas embedded: %v", len(names), names)
	}
	for _, name := range names {
		cs := compiledSchemas()[name]
		if _, err := cs.full(); err != nil {
			t.Errorf("%s: jsonschema/v5: %v", name, err)
		}
		if _, err := cs.fast(); err != nil {
			t.Errorf("%s: fast form: %v", name, err)
		}
		src, _ := schema.Source(name)
		var head struct {
			Schema string `json:"$schema"`
			ID     string `json:"$id"`
		}
		if err := json.Unmarshal(src, &head); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if head.Schema != "https://json-schema.org/draft/2020-12/schema" || head.ID != schema.SchemaID(name) {
			t.Errorf("%s: $schema %q, $id %q", name, head.Schema, head.ID)
		}
	}
}

func TestUnknownSchemaName(t *testing.T) {
	ds := SchemaCheck("nope", map[string]any{}, "f.json", nil)
	if len(ds) != 1 || ds[0].Rule != "schema/internal" {
		t.Fatalf("got %v", ds)
	}
}

func TestLoaderRefusesURLs(t *testing.T) {
	// A schema that references an outside URL must fail to compile instead of fetching it.
	if _, err := compileFull("amplify-outputs"); err != nil {
		t.Fatalf("embedded references must resolve: %v", err)
	}
	c := newRefusingCompilerForTest()
	if _, err := c.Compile("https://example.com/x.json"); err == nil || !strings.Contains(err.Error(), "not allowed") {
		t.Fatalf("want refusal, got %v", err)
	}
}

// goldenSchemaDirs returns fixtures/schema/<name>/ for each schema with fixtures.
func goldenSchemaDirs(t *testing.T) []string {
	dirs, err := filepath.Glob(filepath.Join("..", "fixtures", "schema", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	return dirs
}

// TestSchemaGolden checks every fixtures/schema/<name>/{valid,invalid}/*.json: valid ones give
// no diagnostics, invalid ones the diagnostics in the .out file beside them.
func TestSchemaGolden(t *testing.T) {
	for _, dir := range goldenSchemaDirs(t) {
		name := filepath.Base(dir)
		if _, ok := schema.Source(name); !ok {
			t.Errorf("fixtures for unknown schema %q", name)
			continue
		}
		for _, kind := range []string{"valid", "invalid"} {
			files, _ := filepath.Glob(filepath.Join(dir, kind, "*.json"))
			if len(files) == 0 {
				t.Errorf("%s: no %s fixtures", name, kind)
			}
			for _, f := range files {
				t.Run(name+"/"+kind+"/"+filepath.Base(f), func(t *testing.T) {
					data, err := os.ReadFile(f)
					if err != nil {
						t.Fatal(err)
					}
					rel := filepath.ToSlash(strings.TrimPrefix(f, filepath.Join("..", "fixtures")+string(filepath.Separator)))
					ds := SchemaCheck(name, decodeForTest(t, data), rel, NewJSONFile(rel, data))
					var got bytes.Buffer
					for _, d := range ds {
						got.WriteString(d.String() + "\n")
					}
					if kind == "valid" {
						if got.Len() > 0 {
							t.Fatalf("valid fixture has findings:\n%s", got.String())
						}
						return
					}
					if len(ds) == 0 {
						t.Fatal("invalid fixture has no findings")
					}
					for _, d := range ds {
						if d.Line == 0 || strings.Contains(d.Message, "https://") || !strings.HasPrefix(d.Rule, "schema/") {
							t.Errorf("bad diagnostic %+v", d)
						}
					}
					outFile := strings.TrimSuffix(f, ".json") + ".out"
					if *update {
						if err := os.WriteFile(outFile, got.Bytes(), 0o644); err != nil {
							t.Fatal(err)
						}
						return
					}
					want, err := os.ReadFile(outFile)
					if err != nil {
						t.Fatalf("%v (run go test ./validate -update)", err)
					}
					if got.String() != string(want) {
						t.Errorf("diagnostics differ from %s\n got:\n%s\nwant:\n%s", outFile, got.String(), want)
					}
				})
			}
		}
	}
}

func TestSchemaForAndNames(t *testing.T) {
	names := schema.Names()
	if !slices.IsSorted(names) {
		t.Errorf("Names not sorted: %v", names)
	}
	for _, want := range []string{"aws-exports", "amplifyconfiguration", "team-provider-info", "cli-inputs",
		"amplify-outputs", "amplify-outputs-v1", "amplify-outputs-v1.1", "amplify-outputs-v1.2", "amplify-outputs-v1.3",
		"amplify-outputs-v1.4", "amplify-outputs-v1.5", "hosting-env", "model"} {
		if !slices.Contains(names, want) {
			t.Errorf("missing schema %q", want)
		}
	}
	cases := []struct {
		f       schema.Format
		version string
		want    string
	}{
		{schema.AWSExports, "", "aws-exports"},
		{schema.AmplifyConfigWeb, "", "aws-exports"},
		{schema.AmplifyConfigNative, "", "amplifyconfiguration"},
		{schema.AmplifyConfigDart, "", "amplifyconfiguration"},
		{schema.TeamProviderInfo, "", "team-provider-info"},
		{schema.CLIInputs, "", "cli-inputs"},
		{schema.AmplifyOutputs, "1.3", "amplify-outputs-v1.3"},
		{schema.AmplifyOutputsDart, "1", "amplify-outputs-v1"},
		{schema.AmplifyOutputs, "", "amplify-outputs"},
		{schema.AmplifyOutputs, "2", ""},
		{schema.BackendConfig, "", ""},
	}
	for _, c := range cases {
		if got := schema.SchemaFor(c.f, c.version); got != c.want {
			t.Errorf("SchemaFor(%s, %q) = %q, want %q", c.f, c.version, got, c.want)
		}
	}
}

func TestSchemaCheckFormatOutputsVersion(t *testing.T) {
	doc := []byte("{\n  \"version\": \"2\",\n  \"storage\": {}\n}\n")
	ds := SchemaCheckFormat(schema.AmplifyOutputs, decodeForTest(t, doc), "o.json", NewJSONFile("o.json", doc))
	if len(ds) != 1 || ds[0].Rule != "schema/enum" || ds[0].Line != 2 ||
		!strings.Contains(ds[0].Message, `version "2" is not one of 1, 1.1, 1.2, 1.3, 1.4, 1.5`) {
		t.Fatalf("got %v", ds)
	}
	ok := []byte(`{"version":"1.5","storage":{"aws_region":"us-east-1","bucket_name":"b"}}`)
	if ds := SchemaCheckFormat(schema.AmplifyOutputs, decodeForTest(t, ok), "o.json", nil); len(ds) != 0 {
		t.Fatalf("got %v", ds)
	}
	bad := []byte(`{"version":"1.1","storage":{"aws_region":"us-east-1","bucket_name":"b","buckets":[{"name":"x","bucket_name":"b","aws_region":"r","paths":{}}]}}`)
	ds = SchemaCheckFormat(schema.AmplifyOutputs, decodeForTest(t, bad), "o.json", nil)
	if len(ds) != 1 || ds[0].Rule != "schema/additional-properties" || ds[0].Pointer != "/storage/buckets/0/paths" {
		t.Fatalf("1.1 has no paths; got %v", ds)
	}
	if ds := SchemaCheckFormat(schema.BackendConfig, map[string]any{}, "b.json", nil); ds != nil {
		t.Fatalf("no schema for backend-config, got %v", ds)
	}
}

func TestInstanceLocationUnescaped(t *testing.T) {
	cases := map[string]string{
		"":                          "",
		"/storage/buckets/0":        "/storage/buckets/0",
		"/a%20b/c~1d/e~0f":          "/a b/c~1d/e~0f",
		"/paths/public~1%7Bx%7D~1*": "/paths/public~1{x}~1*",
	}
	for in, want := range cases {
		if got := instancePointer(in); got != want {
			t.Errorf("instancePointer(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSchemaFindingsUnderAnEmptyKey: jsonschema/v5 drops the token of an empty key from its
// instance locations; the findings under one still name the right values, at their own
// places, every run (they once collapsed into one finding that named a value at random).
func TestSchemaFindingsUnderAnEmptyKey(t *testing.T) {
	doc := `{"version":"1.4","storage":{"aws_region":"us-east-1","bucket_name":"b1","buckets":[{"name":"a","bucket_name":"b1","aws_region":"us-east-1","paths":{"":{"guest":[""],"authenticated":["x"]}}}]}}`
	j := NewJSONFile("amplify_outputs.json", []byte(doc))
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	var first []Diagnostic
	for run := range 20 {
		ds := Sort(SchemaCheckFormat(schema.AmplifyOutputs, v, "amplify_outputs.json", j))
		if run == 0 {
			first = ds
			want := map[string]string{
				"/storage/buckets/0/paths//guest/0":         `action "" is not one of`,
				"/storage/buckets/0/paths//authenticated/0": `action "x" is not one of`,
			}
			for _, d := range ds {
				if w, ok := want[d.Pointer]; ok && strings.Contains(d.Message, w) && d.Column > 150 {
					delete(want, d.Pointer)
				}
			}
			if len(want) > 0 {
				t.Fatalf("missing findings %v; got:\n%v", want, ds)
			}
		} else if !reflect.DeepEqual(ds, first) {
			t.Fatalf("run %d differs:\n%v\nfirst:\n%v", run, ds, first)
		}
	}
	for ptr, want := range map[string]string{
		"/storage/buckets/0/paths/guest/0": "/storage/buckets/0/paths//guest/0",
		"/storage/buckets/0":               "/storage/buckets/0",
		"/storage/nothing/here":            "/storage/nothing/here",
	} {
		if got := restoreEmptyKeys(v, ptr); got != want {
			t.Errorf("restoreEmptyKeys(%q) = %q, want %q", ptr, got, want)
		}
	}
}

// TestSortKeepsFindingsThatDifferInPointer: two findings alike but for their pointer are both
// kept, in pointer order, whatever order they come in.
func TestSortKeepsFindingsThatDifferInPointer(t *testing.T) {
	a := Diagnostic{File: "f.json", Line: 1, Column: 2, Severity: Error, Rule: "r", Message: "m", Pointer: "/a"}
	b := a
	b.Pointer = "/b"
	for _, in := range [][]Diagnostic{{a, b}, {b, a}, {b, a, b}} {
		if got := Sort(slices.Clone(in)); !reflect.DeepEqual(got, []Diagnostic{a, b}) {
			t.Errorf("Sort(%v) = %v", in, got)
		}
	}
}
