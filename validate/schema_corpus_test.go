package validate

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// sharedDir is ../shared beside the repository root (the tests run in validate/).
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared material not found at %s: corpus tests need ../shared beside the repository", dir)
	}
	return dir
}

// officialSchemaFiles maps each outputs version to Amplify's official schema of it.
var officialSchemaFiles = map[string]string{
	"1":   "schema_v1.pre-2024-08-const-1.json",
	"1.1": "schema_v1.1.json",
	"1.2": "schema_v1.2.json",
	"1.3": "schema_v1.3.json",
	"1.4": "schema_v1.4.json",
	"1.5": "schema_v1.5.json",
}

// compileOfficial compiles Amplify's official outputs schema of version from ../shared (its
// unknown keyword tsType is an annotation to jsonschema/v5).
func compileOfficial(t testing.TB, shared, version string) *jsonschema.Schema {
	t.Helper()
	file, ok := officialSchemaFiles[version]
	if !ok {
		t.Fatalf("no official schema for version %q", version)
	}
	data, err := os.ReadFile(filepath.Join(shared, "reference", "official-schemas", file))
	if err != nil {
		t.Fatal(err)
	}
	c := newRefusingCompilerForTest()
	url := "https://official.test/" + file
	if err := c.AddResource(url, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("official %s: %v", file, err)
	}
	return s
}

// officialLeaves returns the leaf findings of the official schema, as "instance: keyword" lines.
func officialLeaves(err error) []string {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []string{err.Error()}
	}
	var out []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, e.InstanceLocation+": "+e.AbsoluteKeywordLocation+": "+e.Message)
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return out
}

// onlyGroupEntityKeys reports whether every official finding is an access rule rejecting keys
// that all start with "groups" or "entity" (the 1.2/1.3 schema's known mistake).
func onlyGroupEntityKeys(leaves []string) bool {
	for _, l := range leaves {
		_, msg, ok := strings.Cut(l, "amplify_storage_access_rule/additionalProperties: additionalProperties ")
		if !ok {
			return false
		}
		names := strings.TrimSuffix(msg, " not allowed")
		for _, n := range strings.Split(names, ", ") {
			n = strings.Trim(n, "'")
			if !(strings.HasPrefix(n, "groups") && len(n) > len("groups")) &&
				!(strings.HasPrefix(n, "entity") && len(n) > len("entity")) {
				return false
			}
		}
	}
	return len(leaves) > 0
}

// stricterFindings lists corpus files that Amplify's official schema accepts but ours rejects,
// with the real mistake each one holds. Empty: none of the corpus files has one.
var stricterFindings = map[string]string{}

// TestCompatibilityWithOfficialSchemas checks every Gen 2 corpus file against Amplify's official
// schema of its version and against ours: what the official schema accepts, ours accepts too
// (except stricterFindings), and it lists the files official 1.2/1.3 rejects only for
// groups*/entity* keys, which ours accepts.
func TestCompatibilityWithOfficialSchemas(t *testing.T) {
	shared := sharedDir(t)
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "amplify_outputs.json", "*"))
	if len(files) == 0 {
		t.Fatal("no Gen 2 corpus files")
	}
	official := map[string]*jsonschema.Schema{}
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-72s %-7s %-9s %-9s %s\n", "file", "version", "official", "ours", "note")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		value := decodeForTest(t, data)
		base := filepath.Base(f)
		version, _ := value.(map[string]any)["version"].(string)
		if official[version] == nil {
			official[version] = compileOfficial(t, shared, version)
		}
		offErr := official[version].Validate(value)
		ours := SchemaCheckFormat(schema.AmplifyOutputs, value, base, NewJSONFile(base, data))
		note := ""
		switch {
		case offErr == nil && len(ours) > 0:
			if reason, ok := stricterFindings[base]; ok {
				note = "stricter (expected): " + reason
			} else {
				t.Errorf("%s: official %s accepts, ours rejects:\n%v", base, version, ours)
				note = "REGRESSION"
			}
		case offErr != nil && len(ours) == 0:
			leaves := officialLeaves(offErr)
			if (version == "1.2" || version == "1.3") && onlyGroupEntityKeys(leaves) {
				note = "official rejects only groups*/entity* access keys; ours accepts"
			} else {
				t.Errorf("%s: official rejects for other reasons, ours accepts:\n%s", base, strings.Join(leaves, "\n"))
			}
		case offErr != nil:
			note = fmt.Sprintf("both reject (%d ours)", len(ours))
		}
		fmt.Fprintf(&table, "%-72s %-7s %-9s %-9s %s\n", base, version, verdict(offErr == nil), verdict(len(ours) == 0), note)
	}
	t.Log(table.String())
}

func verdict(ok bool) string {
	if ok {
		return "accepts"
	}
	return "rejects"
}

// benchInputs returns the directory gen-inputs.mjs wrote (the bench cache, or a fresh run).
func benchInputs(t testing.TB) string {
	t.Helper()
	shared := sharedDir(t)
	if home, err := os.UserHomeDir(); err == nil {
		cache := filepath.Join(home, ".cache", "amplify-storage-bench", "inputs")
		if _, err := os.Stat(filepath.Join(cache, "small")); err == nil {
			return cache
		}
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed and no bench input cache: cannot run gen-inputs.mjs")
	}
	dir := t.TempDir()
	gen, _ := filepath.Abs(filepath.Join(shared, "bench", "gen-inputs.mjs"))
	cmd := exec.Command(node, gen, dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gen-inputs.mjs: %v\n%s", err, out)
	}
	return dir
}

// TestGeneratedOutputsAccepted: every amplify_outputs.json gen-inputs.mjs writes as valid is
// accepted by ours and by the official 1.5 schema.
func TestGeneratedOutputsAccepted(t *testing.T) {
	dir := benchInputs(t)
	official := compileOfficial(t, sharedDir(t), "1.5")
	files, _ := filepath.Glob(filepath.Join(dir, "small", "*.json"))
	large, _ := filepath.Glob(filepath.Join(dir, "large", "*.json"))
	files = append(files, large...)
	if len(files) < 100 {
		t.Fatalf("only %d generated files in %s", len(files), dir)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		v := decodeForTest(t, data)
		if err := official.Validate(v); err != nil {
			t.Errorf("%s: official 1.5 rejects: %v", f, err)
		}
		if ds := SchemaCheckFormat(schema.AmplifyOutputs, v, f, nil); len(ds) > 0 {
			t.Errorf("%s: ours rejects: %v", f, ds)
		}
	}
	t.Logf("%d generated files accepted by ours and official 1.5", len(files))
}

// TestGeneratedInvalidRejected: gen-inputs.mjs's invalid files (those that parse) are rejected.
func TestGeneratedInvalidRejected(t *testing.T) {
	dir := benchInputs(t)
	files, _ := filepath.Glob(filepath.Join(dir, "invalid", "*.json"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		v, err := decodeSchemaJSON(data)
		if err != nil {
			continue // malformed JSON is the reader's finding
		}
		ds := SchemaCheckFormat(schema.AmplifyOutputs, v, f, nil)
		if filepath.Base(f) == "bad-version.json" {
			// The generator sets version "1.4" on a 1.5 document: invalid only to a checker that
			// knows 1.5 alone (the peer). Ours checks it against 1.4, which it satisfies.
			if len(ds) > 0 {
				t.Errorf("%s: a valid 1.4 document, rejected: %v", f, ds)
			}
			continue
		}
		if len(ds) == 0 {
			t.Errorf("%s: accepted", f)
		}
	}
}
