package schema_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// TestStandaloneSchemasNeedNothingElse compiles every schema as `schema NAME` prints it, with a
// loader that refuses every URL (an editor has only that one file), and checks that the
// bundled amplify-outputs schema accepts and rejects the fixture documents exactly as the
// per-version schemas do.
func TestStandaloneSchemasNeedNothingElse(t *testing.T) {
	compile := func(t *testing.T, name string, src []byte) *jsonschema.Schema {
		t.Helper()
		c := jsonschema.NewCompiler()
		c.Draft = jsonschema.Draft2020
		c.LoadURL = func(url string) (io.ReadCloser, error) { return nil, errors.New("no network: " + url) }
		if err := c.AddResource(schema.SchemaID(name), bytes.NewReader(src)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		s, err := c.Compile(schema.SchemaID(name))
		if err != nil {
			t.Fatalf("%s does not compile on its own: %v", name, err)
		}
		return s
	}
	for _, name := range schema.Names() {
		src, ok := schema.Standalone(name)
		if !ok {
			t.Fatalf("Standalone(%q) failed", name)
		}
		if m := externalRef.Find(src); m != nil {
			t.Errorf("%s still refers to another file: %s", name, m)
		}
		compile(t, name, src)
	}

	bundled, _ := schema.Standalone("amplify-outputs")
	all := compile(t, "amplify-outputs", bundled)
	docs, _ := filepath.Glob("../fixtures/schema/amplify-outputs*/*/*.json")
	if len(docs) == 0 {
		t.Fatal("no fixture documents found")
	}
	var valid, invalid int
	for _, path := range docs {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			continue // a syntax-error fixture
		}
		version, _ := doc["version"].(string)
		own, known := schema.OutputsSchemaName(version)
		if !known {
			continue
		}
		ownSrc, _ := schema.Standalone(own)
		wantErr := compile(t, own, ownSrc).Validate(doc) != nil
		gotErr := all.Validate(doc) != nil
		if wantErr {
			invalid++
		} else {
			valid++
		}
		if gotErr != wantErr {
			t.Errorf("%s: bundled schema says invalid=%v, the version %s schema says invalid=%v", path, gotErr, version, wantErr)
		}
	}
	if valid == 0 || invalid == 0 {
		t.Fatalf("compared %d valid and %d invalid documents: the fixtures need both", valid, invalid)
	}
	t.Logf("bundled amplify-outputs agrees with the version schemas on %d valid and %d invalid documents", valid, invalid)
}

// externalRef matches a "$ref" to anything but a fragment of the same document.
var externalRef = regexp.MustCompile(`"\$ref":\s*"[^#"]`)
