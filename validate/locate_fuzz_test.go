package validate

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"testing"
	"unicode/utf8"
)

// jsonSeeds returns the JSON fixtures of the repository as fuzz seeds.
func jsonSeeds(t testing.TB) [][]byte {
	t.Helper()
	var seeds [][]byte
	for _, pattern := range []string{"../fixtures/*/*/*.json", "../fixtures/*/*/*/*.json", "../fixtures/*/*/*/*/*.json", "../fixtures/*/*/*/*/*/*.json", "../fixtures/hostile/*"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
				seeds = append(seeds, data)
			}
		}
	}
	if len(seeds) == 0 {
		t.Fatal("no JSON fixtures found under ../fixtures")
	}
	return seeds
}

// walkPointers calls fn with the JSON Pointer of every value in v (the root included).
func walkPointers(v any, pointer string, fn func(pointer string, v any)) {
	fn(pointer, v)
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			walkPointers(v[k], pointer+JoinPointer(k), fn)
		}
	case []any:
		for i, e := range v {
			walkPointers(e, pointer+"/"+strconv.Itoa(i), fn)
		}
	}
}

// decodeFirst decodes the first JSON value in data.
func decodeFirst(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

// FuzzJSONLocator: for a valid JSON document, every pointer to one of its values resolves,
// and the offset is the first byte of that value's text (decoding from there gives the value
// encoding/json gives, the last duplicate key winning); a key offset is that key's quote.
// Any pointer on any input never panics.
func FuzzJSONLocator(f *testing.F) {
	for _, seed := range jsonSeeds(f) {
		f.Add(seed, "/storage/buckets/0/name")
	}
	f.Add([]byte(`{"a": 1, "a": {"b": [true, {"a~/b": null}]}}`), "/a/b/1/a~0~1b")
	f.Add([]byte(`{"": {"": [1]}, "x\u0041": "\"q\""}`), "//0")
	f.Add([]byte(` [ 1 , -2.5e3 , "\ud83d\ude00" ] `), "/2")
	f.Fuzz(func(t *testing.T, data []byte, pointer string) {
		j := NewJSONFile("f.json", data)
		_, _, _ = j.Offset(pointer)
		_ = j.PosOf(pointer)
		_ = j.KeyPos(pointer)
		_ = j.DiagAtKey(pointer, Error, "x/y", "m")
		if !json.Valid(data) || !utf8.Valid(data) {
			return // the locator documents that it needs decoded, valid UTF-8 JSON
		}
		root, err := decodeFirst(data)
		if err != nil {
			t.Fatalf("json.Valid but cannot decode: %v", err)
		}
		walkPointers(root, "", func(p string, want any) {
			off, keyOff, ok := j.Offset(p)
			if !ok {
				t.Errorf("pointer %q does not resolve", p)
				return
			}
			if off < 0 || off >= len(data) {
				t.Errorf("pointer %q: offset %d outside the document", p, off)
				return
			}
			got, err := decodeFirst(data[off:])
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("pointer %q: offset %d holds %v (%v), want %v", p, off, got, err, want)
			}
			if keyOff >= 0 {
				if data[keyOff] != '"' {
					t.Errorf("pointer %q: key offset %d is not at a quote", p, keyOff)
				} else if k, err := decodeFirst(data[keyOff:]); err != nil || JoinPointer(k.(string)) != p[lastSlash(p):] {
					t.Errorf("pointer %q: key offset %d holds %v", p, keyOff, k)
				}
			}
			pos := j.PosOf(p)
			if pos.Line() < 1 || pos.Column() < 1 || pos.Pointer() != p {
				t.Errorf("pointer %q: position %+v", p, pos)
			}
		})
	})
}

func lastSlash(p string) int {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return i
		}
	}
	return 0
}
