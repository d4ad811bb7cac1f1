package schema

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"testing"
)

func TestNamesAndSources(t *testing.T) {
	names := Names()
	if len(names) != 13 || !slices.IsSorted(names) {
		t.Fatalf("Names() = %v", names)
	}
	for _, name := range names {
		src, ok := Source(name)
		if !ok {
			t.Fatalf("Source(%q) missing", name)
		}
		var head struct {
			Schema string `json:"$schema"`
			ID     string `json:"$id"`
		}
		if err := json.Unmarshal(src, &head); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if head.Schema != "https://json-schema.org/draft/2020-12/schema" || head.ID != SchemaID(name) {
			t.Errorf("%s: $schema %q $id %q", name, head.Schema, head.ID)
		}
	}
	for _, bad := range []string{"", "nope", "../schema", "model.schema.json"} {
		if _, ok := Source(bad); ok {
			t.Errorf("Source(%q) found something", bad)
		}
	}
	for _, v := range OutputsVersions() {
		name, ok := OutputsSchemaName(v)
		if _, found := Source(name); !ok || !found {
			t.Errorf("version %s: schema %q", v, name)
		}
	}
	if _, ok := OutputsSchemaName("2"); ok {
		t.Error("version 2 known")
	}
}

// File reads exactly what Source returns, and refuses what Source refuses.
func TestFileMatchesSource(t *testing.T) {
	for _, name := range Names() {
		f, ok := File(name)
		if !ok {
			t.Fatalf("File(%q) not found", name)
		}
		got, err := io.ReadAll(f)
		f.Close()
		want, _ := Source(name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("File(%q) reads %d bytes (%v), Source has %d", name, len(got), err, len(want))
		}
	}
	for _, bad := range []string{"", "../schema", "a/b", `a\b`, "no-such-schema"} {
		if _, ok := File(bad); ok {
			t.Errorf("File(%q) opened something", bad)
		}
	}
}
