package validate

import "testing"

func TestJSONFileOffsets(t *testing.T) {
	data := []byte("{\n  \"a\": 1,\n  \"b/c\": {\"d~e\": [10, {\"f\": \"é\"}]},\n  \"a\": [true]\n}\n")
	j := NewJSONFile("f.json", data)
	cases := []struct {
		pointer    string
		value, key string // the text at the offsets ("" when there is no key)
		ok         bool
		line, col  int
	}{
		{"", "{", "", true, 1, 1},
		{"/a", "[true]", `"a": [true]`, true, 4, 8}, // the last duplicate wins
		{"/a/0", "true", "", true, 4, 9},
		{"/b~1c/d~0e/1/f", `"é"`, `"f"`, true, 3, 29},
		{"/b~1c/d~0e/2", "[10", `"d~e"`, false, 3, 18},  // past the array: the deepest ancestor
		{"/b~1c/d~0e/-1", "[10", `"d~e"`, false, 3, 18}, // not an index
		{"/b~1c/d~0e/x", "[10", `"d~e"`, false, 3, 18},
		{"/nope/deeper", "{", "", false, 1, 1},
		{"/a/0/x", "true", "", false, 4, 9},
	}
	for _, c := range cases {
		off, keyOff, ok := j.Offset(c.pointer)
		if ok != c.ok || string(data[off:off+len(c.value)]) != c.value {
			t.Errorf("Offset(%q) = %d %v: %q, want %q %v", c.pointer, off, ok, data[off:], c.value, c.ok)
		}
		if c.key == "" && keyOff != -1 || c.key != "" && (keyOff < 0 || string(data[keyOff:keyOff+len(c.key)]) != c.key) {
			t.Errorf("Offset(%q) key offset %d, want %q", c.pointer, keyOff, c.key)
		}
		if p := j.PosOf(c.pointer); p.Line() != c.line || p.Column() != c.col || p.Pointer() != c.pointer || p.File() != "f.json" {
			t.Errorf("PosOf(%q) = %+v, want %d:%d", c.pointer, p, c.line, c.col)
		}
	}
	if p := j.KeyPos("/a"); p.Line() != 4 || p.Column() != 3 {
		t.Errorf("KeyPos(/a) = %d:%d, want 4:3", p.Line(), p.Column())
	}
	if p := j.KeyPos("/a/0"); p.Line() != 4 || p.Column() != 9 {
		t.Errorf("KeyPos of an array element = %d:%d, want its value 4:9", p.Line(), p.Column())
	}
	d := j.DiagAtKey("/b~1c", Error, "x/y", "bad %s", "key")
	if d.Line != 3 || d.Column != 3 || d.Snippet == "" || d.Pointer != "/b~1c" || d.Message != "bad key" {
		t.Errorf("DiagAtKey = %+v", d)
	}
	if d := j.DiagAt("/b~1c", Warning, "x/y", "v"); d.Line != 3 || d.Column != 10 {
		t.Errorf("DiagAt = %+v", d)
	}
}

func TestEmbeddedJSONOffsets(t *testing.T) {
	file := []byte("const c = '''{\"a\": {\"b\": 2}}''';\n")
	lines := NewLines("c.dart", file)
	j := NewEmbeddedJSON(lines, 13, file[13:28])
	if off, key, ok := j.Offset("/a/b"); !ok || file[off] != '2' || file[key] != '"' {
		t.Errorf("Offset = %d %d %v", off, key, ok)
	}
	if p := j.PosOf("/a"); p.Line() != 1 || p.Column() != 20 || p.File() != "c.dart" {
		t.Errorf("PosOf = %+v", p)
	}
}

func TestJSONFileInvalidInputsDoNotPanic(t *testing.T) {
	for _, data := range []string{"", "{", "[1,", `{"a":`, "nul", "\xff", `{"a" 1}`, "]]]"} {
		j := NewJSONFile("f", []byte(data))
		for _, p := range []string{"", "/", "/a", "/0/0", "//", "/a/~"} {
			_, _, _ = j.Offset(p)
			_ = j.PosOf(p)
			_ = j.KeyPos(p)
		}
	}
}

func TestPointers(t *testing.T) {
	for _, c := range []struct {
		pointer string
		tokens  []string
	}{
		{"", nil},
		{"/", []string{""}},
		{"/a/b", []string{"a", "b"}},
		{"/a~1b/c~0d/~01", []string{"a/b", "c~d", "~1"}},
		{"//x", []string{"", "x"}},
	} {
		got := SplitPointer(c.pointer)
		if len(got) != len(c.tokens) {
			t.Errorf("SplitPointer(%q) = %q, want %q", c.pointer, got, c.tokens)
			continue
		}
		for i := range got {
			if got[i] != c.tokens[i] {
				t.Errorf("SplitPointer(%q) = %q, want %q", c.pointer, got, c.tokens)
			}
		}
		if c.pointer != "" && JoinPointer(got...) != c.pointer {
			t.Errorf("JoinPointer(%q) = %q, want %q", got, JoinPointer(got...), c.pointer)
		}
	}
}
