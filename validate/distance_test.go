package validate

import (
	"math"
	"testing"
)

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 10, 0},
		{"us-east-1", "us-east-1", 10, 0},
		{"us-east1", "us-east-1", 10, 1}, // a missing "-"
		{"vaildate", "validate", 10, 1},  // neighbours swapped
		{"kitten", "sitting", 10, 3},     // the textbook case
		{"kitten", "sitting", 2, 2},      // stops at the limit
		{"a", "abcdefgh", 3, 3},          // lengths alone exceed the limit
		{"groupsAdmins", "grupsAdmins", math.MaxInt, 1},
		{"日本語", "日本", 10, 1}, // runes, not bytes
	} {
		if got := EditDistance(c.a, c.b, c.limit); got != c.want {
			t.Errorf("EditDistance(%q, %q, %d) = %d, want %d", c.a, c.b, c.limit, got, c.want)
		}
		if got := EditDistance(c.b, c.a, c.limit); got != c.want {
			t.Errorf("EditDistance(%q, %q, %d) = %d, want %d (not symmetric)", c.b, c.a, c.limit, got, c.want)
		}
	}
}
