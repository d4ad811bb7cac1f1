package validate

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// TestIndexedChecksMatchDecoded holds the checks that read an indexed document (schema and
// outputs rules) to the same checks on the decoded document: the same findings, worded and
// positioned the same, on every JSON fixture (valid and invalid) against every schema.
func TestIndexedChecksMatchDecoded(t *testing.T) {
	var files []string
	for _, pattern := range []string{
		filepath.Join("..", "fixtures", "schema", "*", "*", "*.json"),
		filepath.Join("..", "fixtures", "rules", "*", "*", "*.json"),
		filepath.Join("..", "fixtures", "read", "*.json"),
	} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("only %d fixtures found", len(files))
	}
	compared, findings := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := NewLines(f, data)
		j, _, ok := ParseJSONIndex(lines, 0, data)
		if !ok {
			continue
		}
		decoded, _, _, _ := ParseJSON(lines, 0, data) // a second, separately decoded copy
		for _, name := range schema.Names() {
			got := schemaCheckIndexed(name, j, f, j)
			want := SchemaCheck(name, decoded, f, j)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, schema %s: on the index %v; decoded %v", f, name, got, want)
			}
			compared++
			findings += len(got)
		}
		for _, format := range []schema.Format{schema.AmplifyOutputs, schema.AmplifyConfigWeb, schema.TeamProviderInfo} {
			if got, want := schemaCheckFormatIndexed(format, j, f, j), SchemaCheckFormat(format, decoded, f, j); !reflect.DeepEqual(got, want) {
				t.Errorf("%s as %s: on the index %v; decoded %v", f, format, got, want)
			}
		}
		if got, want := checkOutputsIndexed(j, f, j), CheckOutputsValue(decoded, f, j); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: outputs rules on the index %v; decoded %v", f, got, want)
		}
	}
	if findings == 0 {
		t.Fatal("no fixture had a schema finding: the comparison proves nothing")
	}
	t.Logf("%d files, %d (schema, file) comparisons, %d findings", len(files), compared, findings)
}
