package convert

import (
	"bytes"
	"context"
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// hostileDeadline bounds every adversarial read: an input that makes a reader loop or crawl
// fails the test instead of hanging the suite.
const hostileDeadline = timeScale * 5 * time.Second

// hostileDir holds the small adversarial inputs; big ones are generated in the tests.
const hostileDir = "fixtures/hostile"

// readHostile reads src within hostileDeadline and checks what every reader must give for any
// input: no error, a non-nil Document with a line index, and diagnostics whose positions lie
// inside the file (or line 0 for whole-file findings).
func readHostile(t *testing.T, src Source, opts ReadOptions) *Document {
	t.Helper()
	type result struct {
		doc *Document
		err error
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		doc, err := Read(context.Background(), src, opts)
		done <- result{doc, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(hostileDeadline):
		t.Fatalf("Read(%s) did not finish within %v", src.Name, hostileDeadline)
	}
	if r.err != nil {
		t.Fatalf("Read(%s): %v", src.Name, r.err)
	}
	if r.doc == nil || r.doc.Lines == nil {
		t.Fatalf("Read(%s) returned no Document or no line index", src.Name)
	}
	if took := time.Since(start); took > timeScale*2*time.Second {
		t.Errorf("Read(%s) took %v", src.Name, took)
	}
	checkDiagnosticPositions(t, r.doc)
	return r.doc
}

// checkDiagnosticPositions asserts every diagnostic is either about the whole file (line 0,
// column 0) or at a line of the file and a column within that line (one past its last rune at
// most), in the document's file.
func checkDiagnosticPositions(t testing.TB, doc *Document) {
	t.Helper()
	nLines := lineCount(doc.Lines.Data())
	for _, d := range doc.Diagnostics {
		if d.File != doc.File {
			t.Errorf("diagnostic %s names file %q, want %q", d.Rule, d.File, doc.File)
		}
		if d.Rule == "" || d.Message == "" {
			t.Errorf("diagnostic without rule or message: %+v", d)
		}
		if d.Line == 0 && d.Column == 0 {
			continue
		}
		if d.Line < 1 || d.Line > nLines {
			t.Errorf("%s at line %d: the file has %d lines", d.Rule, d.Line, nLines)
			continue
		}
		if runes := len([]rune(doc.Lines.LineText(d.Line))); d.Column < 1 || d.Column > runes+1 {
			t.Errorf("%s at %d:%d: line %d has %d characters", d.Rule, d.Line, d.Column, d.Line, runes)
		}
	}
}

// lineCount counts lines as validate.Lines does ("\n", "\r\n" and a lone "\r" end a line).
func lineCount(data []byte) int {
	n := 1
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			n++
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			n++
		}
	}
	return n
}

// wantDiag returns the first diagnostic with rule and severity, failing the test when there is
// none.
func wantDiag(t *testing.T, doc *Document, sev validate.Severity, rule string) validate.Diagnostic {
	t.Helper()
	for _, d := range doc.Diagnostics {
		if d.Rule == rule && d.Severity == sev {
			return d
		}
	}
	t.Fatalf("%s: no %s %s among %v", doc.File, sev, rule, findings(doc.Diagnostics))
	return validate.Diagnostic{}
}

// wantAt asserts d is at line:col.
func wantAt(t *testing.T, d validate.Diagnostic, line, col int) {
	t.Helper()
	if d.Line != line || d.Column != col {
		t.Errorf("%s at %d:%d, want %d:%d", d.Rule, d.Line, d.Column, line, col)
	}
}

func readHostileFixture(t *testing.T, name string) *Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), hostileDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return readHostile(t, Source{Name: name, Data: data}, ReadOptions{})
}

func TestHostileDeepNesting(t *testing.T) {
	const n = 100_000
	open := func(s string) string { return strings.Repeat(s, n) }
	cases := []struct {
		name, text string
		line, col  int
	}{
		{"deep.json", open("[") + open("]"), 1, DefaultMaxDepth + 1},
		{"amplifyconfiguration.json", open(`{"a":`) + "1" + open("}"), 1, 5*DefaultMaxDepth + 1},
		{"amplify_outputs.json", "{\n  \"storage\": " + open("[") + open("]") + "\n}", 2, 13 + DefaultMaxDepth}, // "{" is level 1
		{"aws-exports.js", "export default " + open("[") + open("]") + ";\n", 1, 16 + DefaultMaxDepth},
		{"aws-exports.js", "export default " + open("{a:") + "1" + open("}") + ";\n", 1, 16 + 3*DefaultMaxDepth},
		{"aws-exports.js", "const awsmobile = " + open("(") + "1" + open(")") + ";\nexport default awsmobile;\n", 1, 19 + DefaultMaxDepth},
		// A regular expression holding a quote must not hide the brackets after it.
		{"aws-exports.js", "export default /'/ && " + open("[") + open("]") + ";\n", 1, 23 + DefaultMaxDepth},
		{"aws-exports.js", "export default /\"/ && " + open("{a:") + open("}") + ";\n", 1, 23 + 3*DefaultMaxDepth},
		{"aws-exports.js", "export default /[/*]/ && " + open("[") + open("]") + ";\n", 1, 26 + DefaultMaxDepth},
		// Nor a template literal its substitutions.
		{"aws-exports.js", "export default `${" + open("[") + open("]") + "}`;\n", 1, 18 + DefaultMaxDepth},
		{"amplifyconfiguration.dart", "const amplifyconfig = '''" + open("[") + open("]") + "''';\n", 1, 26 + DefaultMaxDepth},
		{"amplify_outputs.dart", "const amplifyConfig = r'''\n" + open(`{"a":`) + "1" + open("}") + "\n''';\n", 2, 5*DefaultMaxDepth + 1},
	}
	for _, c := range cases {
		t.Run(c.name+"/"+c.text[:min(len(c.text), 24)], func(t *testing.T) {
			doc := readHostile(t, Source{Name: c.name, Data: []byte(c.text)}, ReadOptions{})
			d := wantDiag(t, doc, validate.Error, RuleTooDeep)
			wantAt(t, d, c.line, c.col)
			if !strings.Contains(d.Message, "500") {
				t.Errorf("message does not name the limit: %s", d.Message)
			}
			if doc.HasValue() {
				t.Errorf("a refused input has a value")
			}
		})
	}
}

func TestHostileLongStringsAndKeys(t *testing.T) {
	long := strings.Repeat("a", 10<<20)
	t.Run("value", func(t *testing.T) {
		text := `{"aws_project_region": "us-east-1", "aws_user_files_s3_bucket": "` + long + `", "aws_user_files_s3_bucket_region": "us-east-1"}`
		doc := readHostile(t, Source{Name: "amplifyconfiguration.json", Data: []byte(text)}, ReadOptions{})
		if len(doc.Model.Buckets) != 1 || len(doc.Model.Buckets[0].BucketName.Value) != len(long) {
			t.Fatalf("the long bucket name was not read: %d buckets", len(doc.Model.Buckets))
		}
		if p := doc.Model.Buckets[0].BucketName.Pos; p.Line() != 1 || p.Column() != 65 {
			t.Errorf("bucket name at %d:%d, want 1:65", p.Line(), p.Column())
		}
	})
	t.Run("key", func(t *testing.T) {
		text := "{\n  \"aws_project_region\": \"eu-west-1\",\n  \"" + long + "\": 1,\n  \"aws_project_region\": \"us-east-1\"\n}\n"
		doc := readHostile(t, Source{Name: "amplifyconfiguration.json", Data: []byte(text)}, ReadOptions{})
		wantAt(t, wantDiag(t, doc, validate.Warning, RuleDuplicateKey), 4, 3)
		if doc.Model.ProjectRegion.Value != "us-east-1" {
			t.Errorf("region = %q", doc.Model.ProjectRegion.Value)
		}
	})
	t.Run("unterminated", func(t *testing.T) {
		text := `{"aws_project_region": "` + long
		doc := readHostile(t, Source{Name: "amplifyconfiguration.json", Data: []byte(text)}, ReadOptions{})
		wantDiag(t, doc, validate.Error, RuleJSONSyntax)
	})
	t.Run("javascript", func(t *testing.T) {
		text := "const awsmobile = {\n    \"aws_user_files_s3_bucket\": \"" + long + "\"\n};\nexport default awsmobile;\n"
		doc := readHostile(t, Source{Name: "aws-exports.js", Data: []byte(text)}, ReadOptions{})
		if len(doc.Model.Buckets) == 0 && !doc.Failed() {
			t.Errorf("neither a bucket nor an error")
		}
	})
}

func TestHostileOverSizeCap(t *testing.T) {
	data := bytes.Repeat([]byte(" "), DefaultMaxSize+1)
	data[0] = '{'
	data[len(data)-1] = '}'
	doc := readHostile(t, Source{Name: "amplify_outputs.json", Data: data}, ReadOptions{})
	d := wantDiag(t, doc, validate.Error, RuleTooLarge)
	if !strings.Contains(d.Message, humanSize(DefaultMaxSize)) || !strings.Contains(d.Message, "16 MiB") {
		t.Errorf("message does not name the limit: %s", d.Message)
	}
	if len(doc.Diagnostics) != 1 || doc.HasValue() {
		t.Errorf("an input over the cap was parsed: %v", findings(doc.Diagnostics))
	}
	// A smaller cap set by the caller is the one reported.
	doc = readHostile(t, Source{Name: "-", Data: []byte(`{"version": "1.4"}`)}, ReadOptions{MaxSize: 10})
	if d := wantDiag(t, doc, validate.Error, RuleTooLarge); !strings.Contains(d.Message, "10 bytes") {
		t.Errorf("message does not name the caller's limit: %s", d.Message)
	}
	// Exactly at the cap is read.
	doc = readHostile(t, Source{Name: "amplify_outputs.json", Data: data[:DefaultMaxSize]}, ReadOptions{})
	for _, d := range doc.Diagnostics {
		if d.Rule == RuleTooLarge {
			t.Errorf("a file of exactly the cap is refused")
		}
	}
}

func TestHostileDuplicateKeysLastWins(t *testing.T) {
	doc := readHostileFixture(t, "duplicate-keys.json")
	wantAt(t, wantDiag(t, doc, validate.Warning, RuleDuplicateKey), 5, 3)
	if doc.Failed() {
		t.Errorf("duplicate keys are a warning, not an error: %v", findings(doc.Diagnostics))
	}
	if len(doc.Model.Buckets) != 1 || doc.Model.Buckets[0].BucketName.Value != "second-bucket" {
		t.Fatalf("buckets = %+v, want the last value second-bucket", doc.Model.Buckets)
	}
	if p := doc.Model.Buckets[0].BucketName.Pos; p.Line() != 5 {
		t.Errorf("the bucket name points at line %d, want the last key's line 5", p.Line())
	}
	if got := doc.Value().(map[string]any)["aws_user_files_s3_bucket"]; got != "second-bucket" {
		t.Errorf("Value holds %v", got)
	}

	// Nested, in Gen 2 outputs.
	text := `{"version": "1.4", "storage": {"aws_region": "us-east-1", "bucket_name": "one", "bucket_name": "two"}}`
	doc = readHostile(t, Source{Name: "amplify_outputs.json", Data: []byte(text)}, ReadOptions{})
	wantAt(t, wantDiag(t, doc, validate.Warning, RuleDuplicateKey), 1, 81)
	if len(doc.Model.Buckets) != 1 || doc.Model.Buckets[0].BucketName.Value != "two" {
		t.Errorf("buckets = %+v, want the last value two", doc.Model.Buckets)
	}
}

func TestHostileEncodings(t *testing.T) {
	const text = "{\"aws_project_region\": \"us-east-1\"}\n"
	utf16Of := func(order binary.AppendByteOrder, bom bool) []byte {
		var out []byte
		units := utf16.Encode([]rune(text))
		if bom {
			units = append([]uint16{0xFEFF}, units...)
		}
		for _, u := range units {
			out = order.AppendUint16(out, u)
		}
		return out
	}
	for name, data := range map[string][]byte{
		"utf16le-bom":   utf16Of(binary.LittleEndian, true),
		"utf16be-bom":   utf16Of(binary.BigEndian, true),
		"utf16le-nobom": utf16Of(binary.LittleEndian, false),
		"utf16be-nobom": utf16Of(binary.BigEndian, false),
	} {
		t.Run(name, func(t *testing.T) {
			doc := readHostile(t, Source{Name: "amplifyconfiguration.json", Data: data}, ReadOptions{})
			d := wantDiag(t, doc, validate.Error, RuleUTF16)
			if !strings.Contains(d.Message, "UTF-8") || len(doc.Diagnostics) != 1 {
				t.Errorf("diagnostics = %v: %s", findings(doc.Diagnostics), d.Message)
			}
		})
	}
	for _, name := range []string{"utf16le-bom.json", "utf16be-nobom.json"} {
		wantDiag(t, readHostileFixture(t, name), validate.Error, RuleUTF16)
	}
	t.Run("utf8-bom", func(t *testing.T) {
		doc := readHostile(t, Source{Name: "amplifyconfiguration.json", Data: append([]byte("\xEF\xBB\xBF"), text...)}, ReadOptions{})
		if doc.Failed() || doc.Model.ProjectRegion.Value != "us-east-1" || doc.Model.ProjectRegion.Pos.Column() != 24 {
			t.Errorf("a UTF-8 BOM is not dropped cleanly: %v %+v", findings(doc.Diagnostics), doc.Model.ProjectRegion)
		}
	})
	t.Run("invalid-utf8", func(t *testing.T) {
		doc := readHostileFixture(t, "invalid-utf8.json")
		d := wantDiag(t, doc, validate.Error, RuleEncoding)
		wantAt(t, d, 3, 35)
		if !strings.Contains(d.Message, "0xE9") {
			t.Errorf("message does not quote the byte: %s", d.Message)
		}
	})
	t.Run("nul", func(t *testing.T) {
		wantAt(t, wantDiag(t, readHostileFixture(t, "nul-byte.json"), validate.Error, RuleBinary), 2, 37)
		doc := readHostile(t, Source{Name: "aws-exports.js", Data: []byte("export default {\n  a: '\x00'\n};\n")}, ReadOptions{})
		wantAt(t, wantDiag(t, doc, validate.Error, RuleBinary), 2, 7)
	})
}

func TestHostileMarkersAndPointers(t *testing.T) {
	for name, want := range map[string][2]int{
		"merge-conflict.json": {3, 1},
		"merge-conflict.js":   {3, 1},
		"lfs-pointer.json":    {1, 1},
	} {
		t.Run(name, func(t *testing.T) {
			doc := readHostileFixture(t, name)
			rule := RuleMergeConflict
			if strings.HasPrefix(name, "lfs") {
				rule = RuleLFSPointer
			}
			d := wantDiag(t, doc, validate.Error, rule)
			wantAt(t, d, want[0], want[1])
			if d.Snippet == "" || doc.HasValue() {
				t.Errorf("snippet %q, value %v", d.Snippet, doc.Value())
			}
		})
	}
	// A marker inside a Dart config string is found too, at its own line.
	dart := "const amplifyconfig = '''{\n<<<<<<< HEAD\n  \"UserAgent\": \"aws-amplify-cli/2.0\"\n=======\n>>>>>>> main\n}''';\n"
	wantAt(t, wantDiag(t, readHostile(t, Source{Name: "amplifyconfiguration.dart", Data: []byte(dart)}, ReadOptions{}),
		validate.Error, RuleMergeConflict), 2, 1)
}

func TestHostileEmptyInputs(t *testing.T) {
	for name, data := range map[string]string{
		"amplify_outputs.json": "",
		"aws-exports.js":       " \n\t\r\n",
		"-":                    "\xEF\xBB\xBF\n",
	} {
		doc := readHostile(t, Source{Name: name, Data: []byte(data)}, ReadOptions{})
		d := wantDiag(t, doc, validate.Error, RuleEmpty)
		if len(doc.Diagnostics) != 1 || d.File != name {
			t.Errorf("%s: diagnostics = %v", name, findings(doc.Diagnostics))
		}
	}
	wantDiag(t, readHostileFixture(t, "whitespace-only.json"), validate.Error, RuleEmpty)

	// Comments only: JSON has no comments; JavaScript without an export is an error too.
	doc := readHostile(t, Source{Name: "amplifyconfiguration.json", Data: []byte("// nothing\n")}, ReadOptions{})
	wantAt(t, wantDiag(t, doc, validate.Error, RuleJSONSyntax), 1, 1)
	for _, name := range []string{"comment-only.js", "-"} {
		data, err := os.ReadFile(filepath.Join(repoRoot(t), hostileDir, "comment-only.js"))
		if err != nil {
			t.Fatal(err)
		}
		doc := readHostile(t, Source{Name: name, Data: data}, ReadOptions{})
		if doc.Format != schema.AWSExports || !doc.Failed() || doc.HasValue() {
			t.Errorf("%s: format %s, diagnostics %v", name, doc.Format, findings(doc.Diagnostics))
		}
		for _, d := range doc.Diagnostics {
			if d.Severity == validate.Error && !strings.HasPrefix(d.Rule, "js/") {
				t.Errorf("%s: error %s, want a js/ rule", name, d.Rule)
			}
		}
	}
}

// Standard input has no file name: the content alone decides the format, and every
// diagnostic names "-".
func TestHostileStdin(t *testing.T) {
	doc := readHostile(t, Source{Name: "-", Data: []byte(`{"version": "1.4", "storage": {"aws_region": "eu-west-1", "bucket_name": "b"}}`)}, ReadOptions{})
	if doc.Format != schema.AmplifyOutputs || doc.File != "-" || len(doc.Model.Buckets) != 1 {
		t.Errorf("format %s, file %q, buckets %d", doc.Format, doc.File, len(doc.Model.Buckets))
	}
	doc = readHostile(t, Source{Name: "-", Data: []byte(strings.Repeat("[", 1000))}, ReadOptions{})
	wantAt(t, wantDiag(t, doc, validate.Error, RuleTooDeep), 1, DefaultMaxDepth+1)
	doc = readHostile(t, Source{Name: "-", Data: []byte("{\"unknown\": true}")}, ReadOptions{})
	wantAt(t, wantDiag(t, doc, validate.Error, RuleUnknownFormat), 1, 1)
	doc = readHostile(t, Source{Name: "-", Data: []byte("{\"version\": \"1.4\",\n  \"storage\": {")}, ReadOptions{From: schema.AmplifyOutputs})
	wantAt(t, wantDiag(t, doc, validate.Error, RuleJSONSyntax), 2, 15)
	doc = readHostile(t, Source{Name: "-", Data: []byte("{}")}, ReadOptions{From: "yaml"})
	if d := wantDiag(t, doc, validate.Error, RuleUnknownFormat); !strings.Contains(d.Message, `"yaml"`) {
		t.Errorf("message does not quote the format: %s", d.Message)
	}
}

// countingFS counts the reads of each file and can fail listing chosen folders.
type countingFS struct {
	OSFS
	mu         sync.Mutex
	reads      map[string]int
	listings   map[string]int
	unlistable map[string]bool
}

func (c *countingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	c.mu.Lock()
	c.listings[name]++
	c.mu.Unlock()
	if c.unlistable[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return c.OSFS.ReadDir(name)
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	c.mu.Lock()
	c.reads[name]++
	c.mu.Unlock()
	return c.OSFS.ReadFile(name)
}

func newCountingFS() *countingFS {
	return &countingFS{reads: map[string]int{}, listings: map[string]int{}, unlistable: map[string]bool{}}
}

func TestHostileSymlinkLoopProject(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"amplify/team-provider-info.json":                 `{"dev": {"awscloudformation": {"Region": "us-east-1", "StackName": "amplify-app-dev-12345"}}}`,
		"amplify/backend/backend-config.json":             `{"storage": {"media": {"service": "S3", "providerPlugin": "awscloudformation"}}}`,
		"amplify/backend/storage/media/cli-inputs.json":   `{"resourceName": "media", "bucketName": "mediabucket", "storageAccess": "auth"}`,
		"src/aws-exports.js":                              "export default {};\n",
		"web/amplifyconfiguration.json":                   `{"aws_project_region": "us-east-1"}`,
		"amplify/backend/storage/media/loop/placeholder":  "",
		"deep/a/b/c/amplify_outputs.json":                 `{"version": "1.4"}`,
		"amplify/backend/storage/other/cli-inputs.json/x": "", // a folder named like a source
	}
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"amplify/backend/storage/media/loop/up": "../../../..",
		"amplify/backend/storage/loop":          ".",
		"deep/a/b/c/back":                       "../../..",
		"src/self":                              "../src",
		"web/root":                              root,
		"ping":                                  "pong",
		"pong":                                  "ping",
		"src/amplifyconfiguration.json":         "../ping", // a symlink loop named like a source
	} {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(link))); err != nil {
			t.Skipf("symlinks not supported here: %v", err)
		}
	}
	fsys := newCountingFS()
	fsys.unlistable[filepath.Join(root, "web")] = true
	done := make(chan *Project, 1)
	go func() {
		p, err := LoadProject(context.Background(), root, ProjectOptions{FS: fsys})
		if err != nil {
			t.Error(err)
		}
		done <- p
	}()
	var p *Project
	select {
	case p = <-done:
	case <-time.After(hostileDeadline):
		t.Fatal("LoadProject did not finish: it follows symlink loops")
	}
	if p == nil {
		t.FailNow()
	}
	for name, n := range fsys.reads {
		if n > 1 {
			t.Errorf("%s read %d times", name, n)
		}
	}
	for name, n := range fsys.listings {
		if n > 1 {
			t.Errorf("%s listed %d times", name, n)
		}
		if strings.Contains(name, "loop") && !strings.HasSuffix(name, "media/loop") || strings.HasSuffix(name, "back") || strings.HasSuffix(name, "self") {
			t.Errorf("followed a symlinked folder: %s", name)
		}
	}
	var got []string
	for _, d := range p.Docs {
		rel, _ := filepath.Rel(root, d.File)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{"amplify/backend/backend-config.json", "amplify/backend/storage/media/cli-inputs.json",
		"amplify/team-provider-info.json", "deep/a/b/c/amplify_outputs.json", "src/aws-exports.js"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("documents = %v, want %v", got, want)
	}
	all := findings(p.AllDiagnostics())
	for _, rule := range []string{RuleUnreadableDir, RuleNotRegularFile} {
		if !strings.Contains(strings.Join(all, "\n"), "warning "+rule) {
			t.Errorf("no %s warning in %v", rule, all)
		}
	}
}

// A folder that cannot be listed (simulated: these machines run as root) is skipped with a
// warning naming it; the rest of the project is still read.
func TestHostileUnreadableFolder(t *testing.T) {
	root := t.TempDir()
	writeHostileTree(t, root, map[string]string{
		"amplify/team-provider-info.json": `{"dev": {"awscloudformation": {"Region": "us-east-1"}}}`,
		"secret/amplify_outputs.json":     `{"version": "1.4"}`,
		"src/amplify_outputs.json":        `{"version": "1.4", "storage": {"aws_region": "us-east-1", "bucket_name": "b"}}`,
	})
	fsys := newCountingFS()
	fsys.unlistable[filepath.Join(root, "secret")] = true
	fsys.unlistable[filepath.Join(root, "amplify")] = true
	p, err := LoadProject(context.Background(), root, ProjectOptions{FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	var warned []string
	for _, d := range p.Diagnostics {
		if d.Rule == RuleUnreadableDir {
			warned = append(warned, d.File)
			if !strings.Contains(d.Message, d.File) || !strings.Contains(d.Message, "permission denied") {
				t.Errorf("message does not name the folder and the cause: %s", d.Message)
			}
		}
	}
	if len(warned) != 2 {
		t.Errorf("unreadable-dir warnings for %v, want amplify and secret", warned)
	}
	if len(p.Docs) != 1 || len(p.Model.Buckets) != 1 {
		t.Errorf("the readable part of the project was not read: %d docs, %d buckets", len(p.Docs), len(p.Model.Buckets))
	}
	fsys.unlistable[root] = true
	if _, err := LoadProject(context.Background(), root, ProjectOptions{FS: fsys}); err == nil || !strings.Contains(err.Error(), root) {
		t.Errorf("an unreadable root: err = %v, want an error naming it", err)
	}
}

func writeHostileTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// hostileFixtureRules is the error each adversarial fixture must get, where it does not depend
// on the JavaScript reader being built in.
func hostileFixtureRules() map[string]string {
	return map[string]string{
		"deep-array.json": RuleTooDeep, "deep-object.js": RuleTooDeep, "deep.dart": RuleTooDeep,
		"regex-hides-depth.js": RuleTooDeep, "template-hides-depth.js": RuleTooDeep,
		"crlf-syntax-error.json": RuleJSONSyntax, "invalid-utf8.json": RuleEncoding, "nul-byte.json": RuleBinary,
		"lfs-pointer.json": RuleLFSPointer, "merge-conflict.js": RuleMergeConflict, "merge-conflict.json": RuleMergeConflict,
		"utf16be-nobom.json": RuleUTF16, "utf16le-bom.json": RuleUTF16, "whitespace-only.json": RuleEmpty,
	}
}

// Every small adversarial fixture reads without panic, within the deadline, with positioned
// diagnostics, and is refused or warned about.
func TestHostileFixtures(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(repoRoot(t), hostileDir, "*"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in %s: %v", hostileDir, err)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			doc := readHostileFixture(t, filepath.Base(p))
			if len(doc.Diagnostics) == 0 {
				t.Errorf("no diagnostic for an adversarial input")
			}
			if rule, ok := hostileFixtureRules()[filepath.Base(p)]; ok {
				wantDiag(t, doc, validate.Error, rule)
			}
			// ReadFile gives the same.
			fromFile, err := ReadFile(context.Background(), p, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(fromFile.Diagnostics) != len(doc.Diagnostics) {
				t.Errorf("ReadFile: %v, Read: %v", findings(fromFile.Diagnostics), findings(doc.Diagnostics))
			}
		})
	}
}
