package validate

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestLargeContainersMatchEncodingJSON holds the member tables of large objects and arrays
// (and the scans of small ones) to encoding/json and the gjson locator: lookups by key with
// repeated, escaped and non-ASCII keys, and arrays of containers indexed by position.
func TestLargeContainersMatchEncodingJSON(t *testing.T) {
	object := func(n int, key func(i int) string) string {
		members := make([]string, n)
		for i := range members {
			members[i] = fmt.Sprintf(`%s: {"v": %d, "w": [%d, {}]}`, key(i), i, i)
		}
		return "{" + strings.Join(members, ", ") + "}"
	}
	array := func(n int, elem func(i int) string) string {
		elems := make([]string, n)
		for i := range elems {
			elems[i] = elem(i)
		}
		return "[" + strings.Join(elems, ",\n ") + "]"
	}
	cases := map[string]string{
		"distinct keys":  object(40, func(i int) string { return fmt.Sprintf(`"k%d"`, i) }),
		"repeated keys":  object(40, func(i int) string { return fmt.Sprintf(`"k%d"`, i%7) }),
		"one key":        object(40, func(int) string { return `"a"` }),
		"escaped keys":   object(40, func(i int) string { return fmt.Sprintf(`"k\u00e9%d"`, i%9) }),
		"non-ASCII keys": object(40, func(i int) string { return fmt.Sprintf(`"ké%d"`, i%11) }),
		"mixed keys":     object(40, func(i int) string { return [...]string{`"a"`, `"\u0061"`, `"a~/b"`, `""`}[i%4] }),
		"small repeats":  object(16, func(i int) string { return fmt.Sprintf(`"k%d"`, i%5) }),
		"objects":        array(40, func(i int) string { return fmt.Sprintf(`{"i": %d, "s": "x"}`, i) }),
		"mixed elements": array(40, func(i int) string { return [...]string{`1`, `[]`, `{}`, `[2, [3]]`, `"s"`}[i%5] }),
		"scalars":        array(40, func(i int) string { return fmt.Sprint(i) }),
		"nested": array(20, func(i int) string {
			return object(20, func(k int) string { return fmt.Sprintf(`"k%d"`, (k*i)%13) })
		}),
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) { checkParseJSON(t, []byte(text)) })
	}
}

// TestHugeContainersStayLinear: an object of 200,000 members, one key repeated 200,000 times
// and an array of 200,000 objects are parsed, their duplicates reported, and every member
// looked up by key or position, in time linear in their size (a quadratic step would take
// minutes).
func TestHugeContainersStayLinear(t *testing.T) {
	const n = 200_000
	build := func(member func(i int) string, open, close string) []byte {
		var b strings.Builder
		b.WriteString(open)
		for i := range n {
			if i > 0 {
				b.WriteString(",\n")
			}
			b.WriteString(member(i))
		}
		b.WriteString(close)
		return []byte(b.String())
	}
	cases := []struct {
		name     string
		text     []byte
		wantDups int
	}{
		{"distinct keys", build(func(i int) string { return fmt.Sprintf(`"k%d": %d`, i, i) }, "{", "}"), 0},
		{"one key", build(func(i int) string { return fmt.Sprintf(`"a": %d`, i) }, "{", "}"), n - 1},
		{"objects", build(func(i int) string { return fmt.Sprintf(`{"a": %d}`, i) }, "[", "]"), 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			failure := make(chan string, 1)
			go func() { failure <- walkHugeDocument(c.text, c.wantDups) }()
			select {
			case msg := <-failure:
				if msg != "" {
					t.Fatal(msg)
				}
			case <-time.After(60 * time.Second): // ~1 s even with -race
				t.Fatal("not done in 60 s: some step is not linear")
			}
		})
	}
}

// walkHugeDocument parses text, then reads every member of its root through a cursor and
// resolves its deferred position: it returns what went wrong ("" when nothing did).
func walkHugeDocument(text []byte, wantDups int) string {
	j, dups, ok := ParseJSONIndex(NewLines("huge.json", text), 0, text)
	if !ok {
		return "not parsed"
	}
	if len(dups) != wantDups {
		return fmt.Sprintf("%d duplicates reported, want %d", len(dups), wantDups)
	}
	root, _ := j.Cursor()
	switch root.Kind() {
	case KindObject:
		for _, k := range root.Keys() {
			m := root.Member(k)
			if !m.Exact() || m.Kind() != KindNumber {
				return fmt.Sprintf("member %q not found", k)
			}
			// A finding at every member: each deferred position resolves in O(log n).
			if pos, ok := m.DeferredKeyPos(); !ok || pos.Pointer() != "/"+k {
				return fmt.Sprintf("member %q: deferred position at %q", k, pos.Pointer())
			}
		}
	case KindArray:
		for i := range root.Len() {
			if e := root.Index(i).Member("a"); !e.Exact() {
				return fmt.Sprintf("element %d not found", i)
			}
			if pos, ok := root.Index(i).DeferredPos(); !ok || pos.Pointer() != fmt.Sprintf("/%d", i) {
				return fmt.Sprintf("element %d: deferred position at %q", i, pos.Pointer())
			}
		}
	}
	if v, ok := j.Value().(map[string]any); ok && len(v) != len(root.Keys()) {
		return fmt.Sprintf("Value has %d members, Keys %d", len(v), len(root.Keys()))
	}
	return ""
}
