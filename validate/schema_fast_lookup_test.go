package validate

import (
	"strconv"
	"testing"
)

// TestSortedLookups: property and hasEnumString find exactly the names listed, scanning a
// short list and searching a long one (no embedded schema has more than fewMax properties).
func TestSortedLookups(t *testing.T) {
	for n := range 3 * fewMax {
		var s fastSchema
		for i := range n {
			name := "p" + strconv.Itoa(1000+2*i) // sorted, with absent names between
			s.properties = append(s.properties, namedSchema{name, schemaIndex(i + 1)})
			s.enumStrings = append(s.enumStrings, name)
		}
		for i := range 2*n + 2 {
			name := "p" + strconv.Itoa(999+i)
			want := schemaIndex(0)
			if i%2 == 1 && i/2 < n {
				want = schemaIndex(i/2 + 1)
			}
			if got := s.property(name); got != want {
				t.Errorf("%d properties: property(%q) = %d, want %d", n, name, got, want)
			}
			if got := s.hasEnumString([]byte(name)); got != (want != 0) {
				t.Errorf("%d enum strings: hasEnumString(%q) = %v", n, name, got)
			}
		}
		for _, name := range []string{"", "p", "p1000x", "q"} {
			if s.property(name) != 0 || s.hasEnumString([]byte(name)) {
				t.Errorf("%d names: %q found", n, name)
			}
		}
	}
}
