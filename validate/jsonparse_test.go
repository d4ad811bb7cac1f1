package validate

import (
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// decodeStrict is what convert's decoder accepts: exactly one JSON value (UseNumber), nothing
// but whitespace after it.
func decodeStrict(data []byte) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, false
	}
	return v, true
}

// gjsonDuplicates lists the duplicate keys of data the way the former gjson walk found them:
// in file order, with the pointer of the later member and the offset of its key.
func gjsonDuplicates(data []byte) []DuplicateKey {
	var out []DuplicateKey
	var walk func(r gjson.Result, pointer string)
	walk = func(r gjson.Result, pointer string) {
		switch {
		case r.IsObject():
			seen := map[string]bool{}
			r.ForEach(func(k, v gjson.Result) bool {
				p := pointer + JoinPointer(k.Str)
				if seen[k.Str] {
					out = append(out, DuplicateKey{Pointer: p, Key: k.Str, Offset: k.Index})
				}
				seen[k.Str] = true
				walk(v, p)
				return true
			})
		case r.IsArray():
			i := 0
			r.ForEach(func(_, v gjson.Result) bool {
				walk(v, pointer+"/"+strconv.Itoa(i))
				i++
				return true
			})
		}
	}
	walk(gjson.ParseBytes(data), "")
	return out
}

// checkCursor holds a Cursor walk of an indexed document to the decoded value v at pointer ptr:
// every value's kind, scalars, lengths and members the same as encoding/json decodes them.
func checkCursor(t *testing.T, c Cursor, v any, ptr string) {
	t.Helper()
	wantKind := map[string]Kind{"null": KindNull, "boolean": KindBool, "number": KindNumber,
		"string": KindString, "array": KindArray, "object": KindObject}[jsonKind(v)]
	if c.Kind() != wantKind {
		t.Fatalf("%q: Kind %v, want %v (%#v)", ptr, c.Kind(), wantKind, v)
	}
	if (ptr == "" || (wantKind != KindObject && wantKind != KindArray)) && !reflect.DeepEqual(c.Value(), v) { // subtrees: once, from the root
		t.Fatalf("%q: Value %#v, want %#v", ptr, c.Value(), v)
	}
	s, sok := c.Str()
	b, bok := c.Bool()
	if ws, ok := v.(string); sok != ok || s != ws {
		t.Fatalf("%q: Str %q, %v; want %#v", ptr, s, sok, v)
	}
	if wb, ok := v.(bool); bok != ok || b != wb {
		t.Fatalf("%q: Bool %v, %v; want %#v", ptr, b, bok, v)
	}
	if c.Absent().Kind() != KindNone {
		t.Fatalf("%q: Absent is on a value", ptr)
	}
	switch x := v.(type) {
	case []any:
		if c.Len() != len(x) {
			t.Fatalf("%q: Len %d, want %d", ptr, c.Len(), len(x))
		}
		for i, e := range x {
			checkCursor(t, c.Index(i), e, ptr+"/"+strconv.Itoa(i))
		}
		if c.Index(len(x)).Kind() != KindNone {
			t.Fatalf("%q: element past the end is there", ptr)
		}
	case map[string]any:
		if c.Len() != 0 {
			t.Fatalf("%q: Len of an object %d", ptr, c.Len())
		}
		for k, e := range x {
			checkCursor(t, c.Member(k), e, ptr+JoinPointer(k))
		}
	default:
		if c.Len() != 0 || c.Member("a").Kind() != KindNone {
			t.Fatalf("%q: a scalar has members", ptr)
		}
	}
}

// checkParseJSON holds ParseJSON to encoding/json and to the gjson locator on data: the same
// documents accepted, the same value, the same duplicate keys, and for every value the same
// offsets and object keys.
func checkParseJSON(t *testing.T, data []byte) {
	t.Helper()
	want, wantOK := decodeStrict(data)
	lines := NewLines("f.json", data)
	got, j, dups, ok := ParseJSON(lines, 0, data)
	if ok != wantOK {
		t.Fatalf("ParseJSON ok=%v, encoding/json ok=%v for %q", ok, wantOK, data)
	}
	if !ok {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ParseJSON value %#v, encoding/json %#v for %q", got, want, data)
	}
	root, _ := j.Cursor()
	checkCursor(t, root, want, "")
	if !utf8.Valid(data) {
		return // gjson keeps bad bytes in keys, encoding/json (and ParseJSON) make them U+FFFD
	}
	if !hasEscapedKey(data) { // gjson and encoding/json may unescape a bad key differently
		if wantDups := gjsonDuplicates(data); !reflect.DeepEqual(dups, wantDups) && (len(dups) > 0 || len(wantDups) > 0) {
			t.Errorf("duplicates %+v, gjson walk %+v for %q", dups, wantDups, data)
		}
	}
	ref := NewJSONFile("f.json", data) // the gjson locator
	walkPointers(want, "", func(p string, _ any) {
		off, key, ok := j.Offset(p)
		roff, rkey, rok := ref.Offset(p)
		if p == "" {
			roff = len(data) - len(bytes.TrimLeft(data, " \t\r\n")) // gjson puts the root at 0
		}
		if off != roff || key != rkey || ok != rok {
			t.Errorf("Offset(%q) = %d, %d, %v; gjson locator %d, %d, %v", p, off, key, ok, roff, rkey, rok)
		}
		if k, rk := j.Keys(p), ref.Keys(p); !slices.Equal(k, rk) {
			t.Errorf("Keys(%q) = %q; gjson locator %q", p, k, rk)
		}
		for _, missing := range []string{p + "/nope", p + "/99", p + "/-1"} {
			off, key, ok := j.Offset(missing)
			roff, rkey, rok := ref.Offset(missing)
			if p == "" {
				roff = len(data) - len(bytes.TrimLeft(data, " \t\r\n"))
			}
			if ok != rok || (rok && (off != roff || key != rkey)) {
				t.Errorf("Offset(%q) = %d, %d, %v; gjson locator %d, %d, %v", missing, off, key, ok, roff, rkey, rok)
			}
		}
	})
}

func hasEscapedKey(data []byte) bool { return bytes.Contains(data, []byte(`\`)) }

// TestParseJSONMatchesEncodingJSON runs the differential check on the fixtures and on inputs
// chosen for the corners of the grammar.
func TestParseJSONMatchesEncodingJSON(t *testing.T) {
	cases := []string{
		`{}`, `[]`, ` {} `, "\t[\n]\r\n", `null`, `true`, `false`, `0`, `-0`, `1.5e+3`, `-2E-7`, `"s"`,
		`{"a":1,"a":2}`, `{"a":{"b":1,"b":[1,{"c":0,"c":1}]},"a":3}`, `{"a~/b":{"":[1]}}`,
		`{"x":"\u00e9\ud83d\ude00\n\"\\\/"}`, `{"\u0061":1,"a":2}`, `"\ud800"`, `"\udc00x"`, `"\u12"`,
		`01`, `1.`, `.5`, `-`, `1e`, `+1`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `[1 2]`, `tru`,
		`nul`, `{"a":1}x`, `{"a":1} {}`, "\"a\tb\"", "\"\x01\"", `"\x"`, `"abc`, `[`, `{`, ``, ` `,
		"\"\xff\"", "{\"\xe9\":1}", `"\ud83d\ude00"`, `{"a":[[[[[]]]]]}`, `[1,2,3,4,5,6,7,8,9,10,11,12]`,
		`{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k3":33}`,
		strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
		strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	}
	for _, c := range cases {
		checkParseJSON(t, []byte(c))
	}
	for _, seed := range jsonSeeds(t) {
		checkParseJSON(t, seed)
	}
	// Mutations of the fixtures: cut, doubled and altered bytes.
	r := rand.New(rand.NewPCG(1, 2))
	for _, seed := range jsonSeeds(t) {
		for range 20 {
			m := slices.Clone(seed)
			switch i := r.IntN(len(m) + 1); r.IntN(3) {
			case 0:
				m = m[:i]
			case 1:
				if len(m) > 0 {
					j := r.IntN(len(m))
					m = slices.Insert(m, i, slices.Clone(m[j:min(j+8, len(m))])...)
				}
			default:
				if i < len(m) {
					m[i] = `{}[]",:0-e.\ a`[r.IntN(14)]
				}
			}
			checkParseJSON(t, m)
		}
	}
}

// FuzzParseJSON: ParseJSON accepts exactly what encoding/json accepts, decodes the same value,
// and places every value where the gjson locator does.
func FuzzParseJSON(f *testing.F) {
	for _, seed := range jsonSeeds(f) {
		f.Add(seed)
	}
	f.Add([]byte(`{"a": 1, "a": {"b": [true, {"a~/b": null}]}}`))
	f.Add([]byte(` [ 1 , -2.5e3 , "\ud83d\ude00" ] `))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		checkParseJSON(t, data)
	})
}

// BenchmarkParseJSONSmallOutputs: the one-pass decoder and position index on a small
// amplify_outputs.json (compare BenchmarkEncodingJSONSmallOutputs plus the gjson walks it replaced).
func BenchmarkParseJSONSmallOutputs(b *testing.B) {
	data := smallOutputs(b)
	lines := NewLines("o.json", data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, _, ok := ParseJSON(lines, 0, data); !ok {
			b.Fatal("not parsed")
		}
	}
}

// BenchmarkEncodingJSONSmallOutputs: encoding/json (UseNumber) alone on the same document.
func BenchmarkEncodingJSONSmallOutputs(b *testing.B) {
	data := smallOutputs(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := decodeStrict(data); !ok {
			b.Fatal("not decoded")
		}
	}
}

// BenchmarkLocateEveryValue: the position of every value of a small document, in file order,
// through the index ParseJSON builds and through the gjson locator.
func BenchmarkLocateEveryValue(b *testing.B) {
	data := smallOutputs(b)
	v, tree, _, _ := ParseJSON(NewLines("o.json", data), 0, data)
	var ptrs []string
	walkPointers(v, "", func(p string, _ any) { ptrs = append(ptrs, p) })
	for _, bc := range []struct {
		name string
		j    *JSONFile
	}{{"tree", tree}, {"gjson", NewJSONFile("o.json", data)}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range ptrs {
					bc.j.PosOf(p)
				}
			}
		})
	}
}
