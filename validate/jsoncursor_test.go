package validate

import (
	"slices"
	"strconv"
	"testing"
)

// TestCursorMatchesPosOf walks every value of a document with cursors, and steps off it into
// missing members, checking each position against the pointer lookups of the same JSONFile.
func TestCursorMatchesPosOf(t *testing.T) {
	text := []byte("{\n  \"a\": [1, {\"b/c\": \"x\", \"~k\": null}, []],\n  \"d\": {\"e\": true, \"e\": \"last\"},\n  \"é\": {}\n}")
	lines := NewLines("f.json", text)
	_, j, _, ok := ParseJSON(lines, 0, text)
	if !ok {
		t.Fatal("ParseJSON refused the document")
	}
	root, ok := j.Cursor()
	if !ok {
		t.Fatal("no cursor on a ParseJSON document")
	}
	checked := 0
	check := func(c Cursor, ptr string) {
		t.Helper()
		if got, want := c.Pos(ptr), j.PosOf(ptr); !got.Equal(want) {
			t.Errorf("Pos(%q) = %+v, PosOf = %+v", ptr, got, want)
		}
		if got, want := c.KeyPos(ptr), j.KeyPos(ptr); !got.Equal(want) {
			t.Errorf("KeyPos(%q) = %+v, KeyPos = %+v", ptr, got, want)
		}
		checked++
	}
	var walk func(c Cursor, ptr string)
	walk = func(c Cursor, ptr string) {
		check(c, ptr)
		check(c.Member("missing"), ptr+"/missing")
		check(c.Member("0"), ptr+"/0")
		check(c.Index(7), ptr+"/7")
		if keys := c.Keys(); keys != nil {
			if got, want := keys, j.Keys(ptr); !slices.Equal(got, want) {
				t.Errorf("Keys(%q) = %q, want %q", ptr, got, want)
			}
			var members []string
			for it := c.Members(); ; { // the same keys and cursors as Keys then Member
				k, m, ok := it.Next()
				if !ok {
					break
				}
				members = append(members, k)
				if want := c.Member(k); m != want {
					t.Errorf("Members of %q: %q is on node %d, Member on %d", ptr, k, m.n, want.n)
				}
			}
			if !slices.Equal(members, keys) {
				t.Errorf("Members(%q) keys = %q, Keys = %q", ptr, members, keys)
			}
			for _, k := range keys {
				walk(c.Member(k), ptr+JoinPointer(k))
			}
			return
		}
		for i := 0; c.Exact(); i++ {
			next := c.Index(i)
			if !next.Exact() {
				break
			}
			walk(next, ptr+"/"+strconv.Itoa(i))
		}
	}
	walk(root, "")
	if checked < 40 {
		t.Fatalf("only %d positions checked", checked)
	}
	if _, ok := NewJSONFile("g.json", text).Cursor(); ok {
		t.Error("a gjson-indexed JSONFile has no cursor, but Cursor said ok")
	}
}
