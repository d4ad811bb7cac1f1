package convert

import (
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// TestPointerBuilderMatchesJoin: the chunked builder gives the pointers plain concatenation
// gives, and earlier pointers stay intact while chunks fill and are replaced.
func TestPointerBuilderMatchesJoin(t *testing.T) {
	p := &pointerBuilder{}
	var nilBuilder *pointerBuilder
	type made struct{ got, want string }
	var all []made
	parent := ""
	keys := []string{"storage", "a/b", "~x", "tenant-0/area-1/*", strings.Repeat("k", 3000), "é"}
	for round := range 200 {
		for _, k := range keys {
			all = append(all, made{p.member(parent, k), parent + validate.JoinPointer(k)})
			all = append(all, made{nilBuilder.member(parent, k), parent + validate.JoinPointer(k)})
		}
		all = append(all, made{p.element(parent, round), parent + "/" + itoa(round)})
		all = append(all, made{nilBuilder.element(parent, round), parent + "/" + itoa(round)})
		parent = all[len(all)-2].got
		if len(parent) > 200 {
			parent = ""
		}
	}
	for i, m := range all {
		if m.got != m.want {
			t.Fatalf("pointer %d = %q, want %q", i, m.got, m.want)
		}
	}
}
