package jsconfig

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Every aws-exports file of the shared corpus is read or rejected with a positioned error, and
// parsed the same with and without guessing its `export default` statements.
func TestCorpusSweep(t *testing.T) {
	shared := filepath.Join(repoRoot(), "..", "shared", "corpus")
	var files []string
	for _, dir := range []string{"aws-exports.js", "aws-exports.ts"} {
		entries, err := os.ReadDir(filepath.Join(shared, dir))
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !e.IsDir() {
				files = append(files, filepath.Join(shared, dir, e.Name()))
			}
		}
	}
	if len(files) == 0 {
		t.Skipf("corpus not found at %s (the shared folder is absent): sweep skipped", shared)
	}
	var values, rejected, nonLiteral, evalValues, evalFindings int
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		data = trimBOM(data)
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) { checkGuessMatches(t, name, data) })
		r := ReadStatic(name, data, nil)
		switch {
		case r.Value != nil:
			values++
		case len(r.Diagnostics) > 0 && r.Diagnostics[0].Line > 0:
			rejected++
		default:
			t.Errorf("%s: neither a value nor a positioned error: %+v", name, r)
		}
		if len(r.NonLiteral) > 0 {
			nonLiteral++
		}
		for _, d := range r.Diagnostics {
			if d.Line < 1 || d.Column < 1 {
				t.Errorf("%s: unpositioned diagnostic %+v", name, d)
			}
		}
		er, err := Evaluate(context.Background(), InProcessForTest, EvalRequest{Name: name, Source: data, Timeout: 2 * time.Second}, nil)
		switch {
		case err != nil:
			t.Errorf("%s: evaluation could not run: %v", name, err)
		case er.Value != nil:
			evalValues++
		case len(er.Diagnostics) > 0 && er.Diagnostics[0].Line > 0:
			evalFindings++
		default:
			t.Errorf("%s: evaluation gave neither a value nor a positioned error", name)
		}
	}
	t.Logf("corpus: %d files; static: %d values (%d with non-literal members), %d rejected with a positioned error; eval: %d values, %d findings",
		len(files), values, nonLiteral, rejected, evalValues, evalFindings)
}

// trimBOM strips a UTF-8 byte order mark, as convert.Ingest does before calling this package.
func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}
