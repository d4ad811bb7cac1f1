package validate

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// smallOutputs returns a small amplify_outputs.json: a generated one when the bench inputs are
// there, else the full fixture.
func smallOutputs(b *testing.B) []byte {
	if home, err := os.UserHomeDir(); err == nil {
		if data, err := os.ReadFile(filepath.Join(home, ".cache", "amplify-storage-bench", "inputs", "small", "out-00000.json")); err == nil {
			return data
		}
	}
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "schema", "amplify-outputs-v1.5", "valid", "full.json"))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkSchemaCheckSmallOutputs: SchemaCheckFormat of a valid small document (the fast path).
func BenchmarkSchemaCheckSmallOutputs(b *testing.B) {
	v := decodeForTest(b, smallOutputs(b))
	if ds := SchemaCheckFormat(schema.AmplifyOutputs, v, "o.json", nil); len(ds) != 0 {
		b.Fatal(ds)
	}
	b.ReportAllocs()
	for b.Loop() {
		SchemaCheckFormat(schema.AmplifyOutputs, v, "o.json", nil)
	}
}

// BenchmarkSchemaCheckIndexedSmallOutputs: the same check on the document's parse index (what
// validate runs: no decoded value at all).
func BenchmarkSchemaCheckIndexedSmallOutputs(b *testing.B) {
	data := smallOutputs(b)
	j, _, ok := ParseJSONIndex(NewLines("o.json", data), 0, data)
	if !ok {
		b.Fatal("not JSON")
	}
	if ds := schemaCheckFormatIndexed(schema.AmplifyOutputs, j, "o.json", j); len(ds) != 0 {
		b.Fatal(ds)
	}
	b.ReportAllocs()
	for b.Loop() {
		schemaCheckFormatIndexed(schema.AmplifyOutputs, j, "o.json", j)
	}
}

// BenchmarkSchemaCheckCompiled: the same document through the compiled jsonschema/v5 schema.
func BenchmarkSchemaCheckCompiled(b *testing.B) {
	v := decodeForTest(b, smallOutputs(b))
	full, err := compiledSchemas()["amplify-outputs-v1.5"].full()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := full.Validate(v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSchemaCheckInvalidOutputs: an invalid document, explained (v5 + messages + positions).
func BenchmarkSchemaCheckInvalidOutputs(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "schema", "amplify-outputs-v1.5", "invalid", "access-rules.json"))
	if err != nil {
		b.Fatal(err)
	}
	v := decodeForTest(b, data)
	loc := NewJSONFile("o.json", data)
	b.ReportAllocs()
	for b.Loop() {
		SchemaCheckFormat(schema.AmplifyOutputs, v, "o.json", loc)
	}
}

// BenchmarkCompileOutputsSchema: compiling the 1.5 outputs schema with jsonschema/v5 (paid once
// per process, only when a document is invalid).
func BenchmarkCompileOutputsSchema(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := compileFull("amplify-outputs-v1.5"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileOutputsFastForm: building the fast form of the same schema from its JSON
// (what a run paid once per process before the forms were generated; now only a schema without
// a generated form does).
func BenchmarkCompileOutputsFastForm(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := compileFast("amplify-outputs-v1.5"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGeneratedOutputsFastForm: getting the generated fast form of the same schema (paid
// once per process by every run that validates outputs: a lookup, nothing to build).
func BenchmarkGeneratedOutputsFastForm(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if f, err := fastFormOf("amplify-outputs-v1.5"); err != nil || !isGenerated(f) {
			b.Fatal(err)
		}
	}
}

// BenchmarkEmbeddedSchemaSizes is the once-per-process check that the generated fast forms
// were made from schemas of the embedded sizes.
func BenchmarkEmbeddedSchemaSizes(b *testing.B) {
	for b.Loop() {
		if embeddedSchemaSizes() != fastGenSourceSizes {
			b.Fatal("stale generated forms")
		}
	}
}
