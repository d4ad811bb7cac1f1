package convert

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

func TestScanDepth(t *testing.T) {
	deep := func(prefix, open, suffix string) string { return prefix + strings.Repeat(open, 4) + suffix }
	cases := []struct {
		name, text string
		want       int // offset of the first level over 3, or -1
	}{
		{"flat", `{"a": [1, 2], "b": {"c": 3}}`, -1},
		{"too deep", "[[[[]]]]", 3},
		{"closers in strings do not count", `[[["]]]]", [1]]]]`, 11},
		{"brackets in strings do not count", `{"a": "[[[[[[[["}`, -1},
		{"single quotes", `['[[[[', [[1]]]`, -1},
		{"line comment", "[ // [[[[[\n]", -1},
		{"block comment", "[ /* [[[[[ */ ]", -1},
		{"unterminated block comment", "[ /* [[[[[", -1},
		{"escaped quote", `["\"[[[[[", 1]`, -1},
		{"string ends at the line", "['unterminated\n[[[]]]]", 17},
		{"template text", "`[[[[[[`", -1},
		{"template substitution", deep("`${", "[", "}`"), 5},
		{"template after substitution", "`${1}[[[[[[`", -1},
		{"nested templates", "`${`${" + "[[" + "]]}`}`", 7},
		{"regex with a quote", deep("x = /'/ && ", "[", ""), 14},
		{"regex with a double quote", deep("x = /\"/;", "[", ""), 11},
		{"regex with a comment opener", deep("x = /[/*]/ && ", "[", ""), 17},
		{"regex after return", deep("return /'/, ", "[", ""), 15},
		{"regex after export default", deep("export default /'/ && ", "[", ""), 25},
		{"regex at the start", deep("/'/;", "[", ""), 7},
		{"division", "x = a / 2; y = ['/', [[1]]]", -1},
		{"division after a call", deep("x = f(1) / 2 / '", "[", "'"), -1},
		{"slash that closes nothing is a division", deep("x = (1 /\n", "[", ""), 11},
		{"dart triple quotes", deep("const c = '''", "[", "''';"), 16},
		{"dart raw triple quotes", deep("const c = r\"\"\"", "{", "\"\"\";"), 17},
		{"parentheses", "((((", 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			off, depth := ScanDepth([]byte(c.text), 3)
			if off != c.want {
				t.Errorf("ScanDepth(%q) = %d, want %d", c.text, off, c.want)
			}
			if off >= 0 && depth != 4 {
				t.Errorf("depth = %d, want 4", depth)
			}
		})
	}
}

func TestCountOpeners(t *testing.T) {
	if got := countOpeners([]byte("a[b{c(d"), 3); got != -1 {
		t.Errorf("countOpeners under the limit = %d", got)
	}
	if got := countOpeners([]byte(`"(" [ "{" (`), 3); got != 10 {
		t.Errorf("countOpeners = %d, want 10 (strings count)", got)
	}
	// A regular expression after ")" hides brackets from ScanDepth's lexing (it takes the "/"
	// for a division); the plain count still refuses the file before goja parses it.
	text := "if (a) /'/ && " + strings.Repeat("[", MaxJSBrackets+1) + strings.Repeat("]", MaxJSBrackets+1)
	if off, _ := ScanDepth([]byte(text), DefaultMaxDepth); off >= 0 {
		t.Logf("ScanDepth now sees through a regex after ): offset %d", off)
	}
	doc := readHostile(t, Source{Name: "aws-exports.js", Data: []byte(text)}, ReadOptions{})
	d := wantDiag(t, doc, validate.Error, RuleTooDeep)
	wantAt(t, d, 1, 14+MaxJSBrackets)
	if !strings.Contains(d.Message, "10000") {
		t.Errorf("message does not name the limit: %s", d.Message)
	}
	// JSON is not held to it: encoding/json bounds its own depth.
	wide := "[" + strings.Repeat("[1],", MaxJSBrackets) + "[1]]"
	doc = readHostile(t, Source{Name: "-", Data: []byte(wide)}, ReadOptions{From: "amplify-outputs"})
	for _, d := range doc.Diagnostics {
		if d.Rule == RuleTooDeep {
			t.Errorf("a wide JSON file is refused: %s", d.Message)
		}
	}
}

func TestIngestStdinAndBOM(t *testing.T) {
	in, diags := Ingest(Source{Name: "-", Data: []byte("\xEF\xBB\xBF{\"a\": 1}\n")}, 0, 0)
	if len(diags) != 0 || string(in.Data) != "{\"a\": 1}\n" || in.Name != "-" || in.Lines.File() != "-" {
		t.Errorf("Ingest = %q %v", in.Data, diags)
	}
	for _, data := range []string{"", "   ", "\xEF\xBB\xBF"} {
		in, diags := Ingest(Source{Name: "-", Data: []byte(data)}, 0, 0)
		if len(diags) != 1 || diags[0].Rule != RuleEmpty || diags[0].File != "-" || in.Lines == nil {
			t.Errorf("Ingest(%q) = %v", data, diags)
		}
	}
	// A lone "=======" line is a marker, one inside a string is not.
	if _, diags := Ingest(Source{Name: "-", Data: []byte("{\"a\": \"=======\"}")}, 0, 0); len(diags) != 0 {
		t.Errorf("a marker inside a string: %v", diags)
	}
	if _, diags := Ingest(Source{Name: "-", Data: []byte("{\r\n=======\r\n}")}, 0, 0); len(diags) != 1 || diags[0].Rule != RuleMergeConflict || diags[0].Line != 2 {
		t.Errorf("a CRLF marker: %v", diags)
	}
}

// No real configuration file trips the depth scan or the JavaScript bracket count.
func TestScanDepthCorpusHasNoFalsePositives(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus not found at %s (it lives beside the repository): %v", dir, err)
	}
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		if off, depth := ScanDepth(data, DefaultMaxDepth); off >= 0 {
			t.Errorf("%s: ScanDepth refuses it at offset %d (depth %d)", p, off, depth)
		}
		if off := countOpeners(data, MaxJSBrackets); off >= 0 && isJSExt(filepath.Ext(p)) {
			t.Errorf("%s: over MaxJSBrackets", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no corpus files under %s", dir)
	}
}

// A long line of "/[" that never closes a regular expression is scanned in linear time.
func TestScanDepthUnclosedRegexIsLinear(t *testing.T) {
	data := []byte(strings.Repeat("(/[", 1<<20))
	start := time.Now()
	off, _ := ScanDepth(data, 1<<30)
	if took := time.Since(start); took > time.Second || off != -1 {
		t.Errorf("ScanDepth took %v, offset %d", took, off)
	}
}

// BenchmarkScanDepth: the nesting pre-scan over a 6 MB amplify_outputs.json (made here, so
// that it runs without the bench kit).
func BenchmarkScanDepth(b *testing.B) {
	data := []byte(outputsOfSize(b, 6<<20))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if off, _ := ScanDepth(data, DefaultMaxDepth); off >= 0 {
			b.Fatalf("too deep at %d", off)
		}
	}
}

// BenchmarkScanIngested: all of Ingest's passes over the same 6 MB document.
func BenchmarkScanIngested(b *testing.B) {
	data := []byte(outputsOfSize(b, 6<<20))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, diags := Ingest(Source{Name: "amplify_outputs.json", Data: data}, 0, 0); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}
