package jsconfig

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// addFixtureSeeds adds every fixtures/js file to the seed corpus.
func addFixtureSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(repoRoot(), "fixtures", "js", "*"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err == nil {
			f.Add(filepath.Base(file), data)
		}
	}
	f.Add("a.js", []byte("export default {a: [1, -2.5e-7, 'x', `y`, null, true], 'b': {c: {}}}"))
	f.Add("b.cjs", []byte("var x = 1, y = {x}; module.exports = {default: {y, z: x}}"))
}

// FuzzReadStatic: never panics, and every diagnostic and position lies inside the file.
func FuzzReadStatic(f *testing.F) {
	addFixtureSeeds(f)
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		lines := validate.NewLines(name, data)
		r := ReadStatic(name, data, lines)
		last := lines.Place(len(data), "")
		inside := func(line, col int) bool {
			return line >= 1 && col >= 1 && (line < last.Line || line == last.Line && col <= last.Column)
		}
		for _, d := range r.Diagnostics {
			if !inside(d.Line, d.Column) {
				t.Fatalf("diagnostic outside the file: %+v (file ends at %d:%d)", d, last.Line, last.Column)
			}
		}
		for _, n := range r.NonLiteral {
			if !inside(n.Pos.Line(), n.Pos.Column()) {
				t.Fatalf("non-literal outside the file: %+v", n)
			}
		}
		if r.Locate != nil {
			for _, ptr := range []string{"", "/aws_user_files_s3_bucket", "/a/0", "/x/y/z"} {
				if p := r.Locate.PosOf(ptr); !inside(p.Line(), p.Column()) {
					t.Fatalf("PosOf(%q) outside the file: %+v", ptr, p)
				}
			}
		}
	})
}

// FuzzStaticVsEval: on files whose static reading is complete (literals only, no other
// code), evaluating gives the same value.
func FuzzStaticVsEval(f *testing.F) {
	addFixtureSeeds(f)
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		st, ferr := analyze(name, data, validate.NewLines(name, data))
		if ferr != nil || !st.present || len(st.r.nonLiteral) > 0 || !literalOnly(st) {
			return
		}
		r, err := Evaluate(context.Background(), InProcessForTest, EvalRequest{Name: name, Source: data, Timeout: 5 * time.Second}, nil)
		if err != nil {
			t.Fatalf("evaluation could not run: %v", err)
		}
		if len(r.Diagnostics) > 0 && r.Diagnostics[0].Severity == validate.Error {
			t.Fatalf("static read %v but evaluation failed: %v", st.value, r.Diagnostics)
		}
		if !reflect.DeepEqual(st.value, r.Value) {
			t.Fatalf("static %#v\n   eval %#v", st.value, r.Value)
		}
	})
}
