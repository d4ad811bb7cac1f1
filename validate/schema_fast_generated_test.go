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
