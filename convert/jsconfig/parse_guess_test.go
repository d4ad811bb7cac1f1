package jsconfig

import (
	"bytes"
	"reflect"
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

// The generated file is parsed once: the guess stands.
func TestGeneratedFileParsedOnce(t *testing.T) {
	p := &parsed{src: []byte(guessCases["generated.js"]), reexport: -1, importOff: -1}
	offs := p.guessDefaultExports()
	if len(offs) != 1 {
		t.Fatalf("guesses %v, want one", offs)
	}
	got, err := parseSourceGuessing("generated.js", []byte(guessCases["generated.js"]), true)
	if err != nil || !confirmDefaultExports(got.prog, offs) {
		t.Fatalf("the guess did not stand: %v", err)
	}
}
