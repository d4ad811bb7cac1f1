package validate

import (
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// isGenerated reports whether f is a generated fast form (its table is fastGenNodes).
func isGenerated(f *fastForm) bool {
	return len(f.nodes) == len(fastGenNodes) && &f.nodes[0] == &fastGenNodes[0]
}

// TestFastFormOf: every embedded schema's fast form in use is the generated one, at its root;
// a name without a generated form gets compileFast's answer.
func TestFastFormOf(t *testing.T) {
	for _, name := range schema.Names() {
		f, err := compiledSchemas()[name].fast()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		g, ok := generatedFastForm(name)
		if !ok || !isGenerated(f) || f.root != g.root {
			t.Errorf("%s: the fast form in use is not the generated one", name)
		}
	}
	if _, err := fastFormOf("no-such-schema"); err == nil || !strings.Contains(err.Error(), `no embedded schema "no-such-schema"`) {
		t.Errorf("a schema without a generated form: got %v, want compileFast's error", err)
	}
}

// Generated forms made from other schemas than the embedded ones are not used: compileFast
// builds the form from the embedded JSON instead.
func TestStaleGeneratedFormsAreNotUsed(t *testing.T) {
	if !generatedFormsCurrent() {
		t.Fatalf("the generated forms are stale (sizes %q, embedded %q): %s", fastGenSourceSizes, embeddedSchemaSizes(), regenerateFastForms)
	}
	f, err := fastFormFrom("amplify-outputs", false)
	if err != nil {
		t.Fatal(err)
	}
	if isGenerated(f) {
		t.Error("stale generated forms were used")
	}
	if f, err := fastFormFrom("amplify-outputs", true); err != nil || !isGenerated(f) {
		t.Errorf("current generated forms were not used (%v)", err)
	}
}
