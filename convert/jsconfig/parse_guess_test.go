package jsconfig

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// guessCases are files where a line-start `export default` is, or only looks like, a statement.
var guessCases = map[string]string{
	"generated.js":     "const awsmobile = {\n    \"aws_project_region\": \"us-east-1\"\n};\n\n\nexport default awsmobile;\n",
	"indented.js":      "const a = {b: 1};\n\t  export default a;",
	"two.js":           "export default 1;\nexport default {a: 2};",
	"in-template.js":   "const t = `\nexport default 1\n`;\nexport default {t};",
	"in-comment.js":    "/*\nexport default 1\n*/\nmodule.exports = {a: 1};",
	"only-comment.js":  "/*\nexport default {a: 1}\n*/",
	"in-string.js":     "const s = 'a\\\nexport default 1';\nexport default {s};",
	"import-first.js":  "import x from './x';\nconst a = {x};\nexport default a;",
	"export-const.js":  "export const a = {b: 1};\nexport default a;",
	"asi.js":           "const a = {b: 1}\nexport default a",
	"syntax-error.js":  "const a = {b: 1;\nexport default a;",
	"after-error.js":   "export default {a: 1};\n)",
	"not-default.js":   "export defaults = 1;",
	"newline-word.js":  "export\ndefault {a: 1};",
	"crlf.js":          "const a = {b: 1};\r\nexport default a;\r\n",
	"no-space.js":      "export default{a: 1}",
	"default-class.js": "export default class A {};",
	"nested.js":        "function f() {\nexport default 1\n}\nexport default {a: f};",
	"200.js":           strings.Repeat("export default 1;\n", 200),
	"201.js":           strings.Repeat("export default 1;\n", 201),
	"import-later.js":  "const a = {b: 1};\nexport default a;\nimport x from './x';",
}

func TestGuessedExportsMatchTheLoop(t *testing.T) {
	for name, src := range guessCases {
		t.Run(name, func(t *testing.T) { checkGuessMatches(t, name, []byte(src)) })
	}
}

// checkGuessMatches fails unless parsing with and without guessing gives the same rewritten
// text, the same bookkeeping and the same error.
func checkGuessMatches(t *testing.T, name string, data []byte) {
	t.Helper()
	with, werr := parseSourceGuessing(name, data, true)
	without, oerr := parseSourceGuessing(name, data, false)
	if !reflect.DeepEqual(werr, oerr) {
		t.Fatalf("errors differ:\n guessing %+v\n     loop %+v", werr, oerr)
	}
	if (with == nil) != (without == nil) {
		t.Fatalf("one parse failed: guessing %v, loop %v", with, without)
	}
	if with == nil {
		return
	}
	if !bytes.Equal(with.src, without.src) {
		t.Fatalf("rewritten text differs:\n guessing %q\n     loop %q", with.src, without.src)
	}
	if with.defaultBinding != without.defaultBinding || with.defaultBindingOff != without.defaultBindingOff ||
		with.reexport != without.reexport || with.importOff != without.importOff {
		t.Fatalf("bookkeeping differs: guessing %+v, loop %+v", *with, *without)
	}
}

// FuzzGuessedExportsMatch: guessing `export default` statements never changes what
// parseSource makes of a file.
func FuzzGuessedExportsMatch(f *testing.F) {
	addFixtureSeeds(f)
	for name, src := range guessCases {
		f.Add(name, []byte(src))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		checkGuessMatches(t, name, data)
	})
}

// The generated file is parsed once: the guess stands. ES module files with imports or other
// exports are parsed no more often than without guessing.
func TestGuessSavesParses(t *testing.T) {
	for name, want := range map[string][2]int{ // parses with guessing, without
		"generated.js":     {1, 2},
		"two.js":           {1, 3},
		"import-first.js":  {3, 3},
		"export-const.js":  {3, 3},
		"in-comment.js":    {2, 1}, // a wrong guess costs one parse
		"only-comment.js":  {2, 1},
		"default-class.js": {1, 2},
	} {
		data := []byte(guessCases[name])
		with, _ := parseSourceGuessing(name, data, true)
		without, _ := parseSourceGuessing(name, data, false)
		got := [2]int{-1, -1}
		if with != nil {
			got[0] = with.parses
		}
		if without != nil {
			got[1] = without.parses
		}
		if got != want {
			t.Errorf("%s: parses %v (guessing, not), want %v", name, got, want)
		}
	}
}
