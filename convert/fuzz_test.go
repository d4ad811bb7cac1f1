package convert

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// fuzzSeeds returns the contents of the fixture inputs (readers, projects, adversarial inputs)
// as seeds for the fuzz targets; golden outputs are left out.
func fuzzSeeds(t testing.TB) [][]byte {
	t.Helper()
	root := repoRoot(t)
	var seeds [][]byte
	for _, pattern := range []string{
		"fixtures/read/*/*", "fixtures/hostile/*", "fixtures/projects/*/*/*",
		"fixtures/projects/*/*/*/*", "fixtures/projects/*/*/*/*/*/*", "fixtures/migrate/*/*",
	} {
		paths, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			switch filepath.Ext(p) {
			case ".golden", ".out", ".txt":
				continue
			}
			data, err := os.ReadFile(p)
			if err != nil || len(data) > 64<<10 {
				continue // a folder, or too big to be a useful seed
			}
			seeds = append(seeds, data)
		}
	}
	if len(seeds) == 0 {
		t.Fatal("no fuzz seeds found under fixtures/")
	}
	return seeds
}

// fuzzFormat maps a fuzzed number to a forced format, or to detection (FormatUnknown).
func fuzzFormat(n uint8) schema.Format {
	formats := schema.Formats()
	if int(n) >= len(formats) {
		return schema.FormatUnknown
	}
	return formats[n]
}

// FuzzRead reads arbitrary bytes with each forced format and with detection: Read never
// panics or fails, always returns a Document, and every diagnostic is at a real position of
// the file (or about the whole file).
func FuzzRead(f *testing.F) {
	for i, seed := range fuzzSeeds(f) {
		f.Add(seed, uint8(i%(len(schema.Formats())+2)), i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, data []byte, format uint8, named bool) {
		name := "-"
		from := fuzzFormat(format)
		if named {
			name = "amplify_outputs.json"
			if from == schema.AWSExports {
				name = "aws-exports.js"
			}
		}
		doc, err := Read(context.Background(), Source{Name: name, Data: data}, ReadOptions{From: from})
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		if doc == nil || doc.Lines == nil {
			t.Fatal("Read returned no Document or no line index")
		}
		checkDiagnosticPositions(t, doc)
		if doc.HasValue() && doc.Locate == nil {
			t.Error("a Value without a locator")
		}
	})
}

// FuzzIngest: Ingest never panics; what it accepts is valid UTF-8 without BOM or NUL, within
// the size cap, and nested no deeper than the depth cap.
func FuzzIngest(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed, 0, 0)
	}
	f.Add([]byte(`[[["]]]"]]]`), 0, 3)
	f.Add([]byte("`${[[[[]]]]}`"), 0, 3)
	f.Fuzz(func(t *testing.T, data []byte, maxSize, maxDepth int) {
		maxDepth = maxDepth%(2*DefaultMaxDepth) + 1
		if maxDepth < 1 {
			maxDepth += 2 * DefaultMaxDepth
		}
		in, diags := Ingest(Source{Name: "-", Data: data}, maxSize, maxDepth)
		if len(diags) > 0 {
			for _, d := range diags {
				if d.Rule == "" || d.Message == "" || d.File != "-" {
					t.Errorf("bad diagnostic %+v", d)
				}
			}
			return
		}
		if in.Lines == nil || !bytes.Equal(in.Lines.Data(), in.Data) {
			t.Fatal("the line index is not of the ingested text")
		}
		if !utf8.Valid(in.Data) || bytes.IndexByte(in.Data, 0) >= 0 || bytes.HasPrefix(in.Data, []byte("\xEF\xBB\xBF")) {
			t.Errorf("accepted text that is not clean UTF-8: %q", in.Data)
		}
		if limit := maxSize; limit > 0 && len(data) > limit || limit <= 0 && len(data) > DefaultMaxSize {
			t.Errorf("accepted %d bytes over the cap %d", len(data), maxSize)
		}
		if d := jsonDepth(in.Data); d > maxDepth {
			t.Errorf("accepted JSON nested %d deep, over %d", d, maxDepth)
		}
	})
}

// jsonDepth returns the nesting depth encoding/json's tokenizer sees before the first error.
func jsonDepth(data []byte) int {
	dec := json.NewDecoder(bytes.NewReader(data))
	depth, deepest := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF || err != nil {
			return deepest
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
			deepest = max(deepest, depth)
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
}
