package convert

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

var update = flag.Bool("update", false, "rewrite the golden files under fixtures/")

// readFixtureDir is where the reader fixtures live: fixtures/read/<format>/<case>.<ext>, with
// <case>.golden beside each input holding its WriteInspect output. The folder "bad" holds
// inputs that must be rejected.
const readFixtureDir = "fixtures/read"

// readFixtures lists the reader fixture inputs, as slash paths relative to the repo root.
func readFixtures(t testing.TB) []string {
	t.Helper()
	root := repoRoot(t)
	var out []string
	err := filepath.WalkDir(filepath.Join(root, readFixtureDir), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".golden") {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("no fixtures under %s", readFixtureDir)
	}
	return out
}

// readFixture reads one fixture with its repo-relative name (so goldens are stable).
func readFixture(t testing.TB, rel string, opts ReadOptions) *Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(context.Background(), Source{Name: rel, Data: data}, opts)
	if err != nil {
		t.Fatalf("Read(%s): %v", rel, err)
	}
	return doc
}

func TestReadGolden(t *testing.T) {
	for _, rel := range readFixtures(t) {
		t.Run(strings.TrimPrefix(rel, readFixtureDir+"/"), func(t *testing.T) {
			doc := readFixture(t, rel, ReadOptions{})
			want := schema.Format(filepath.Base(filepath.Dir(rel)))
			if want != "bad" && doc.Format != want {
				t.Errorf("format = %q, want %q", doc.Format, want)
			}
			if want == "bad" && !doc.Failed() {
				t.Errorf("bad input read without an error: %v", doc.Diagnostics)
			}
			checkPositions(t, doc)
			var got bytes.Buffer
			if err := WriteInspect(&got, []*Document{doc}); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join(repoRoot(t), filepath.FromSlash(strings.TrimSuffix(rel, filepath.Ext(rel))+".golden"))
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantText, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./convert -update to create it)", err)
			}
			if got.String() != string(wantText) {
				t.Errorf("inspect output differs from %s (run go test ./convert -update after checking):\n%s",
					golden, lineDiff(string(wantText), got.String()))
			}
		})
	}
}

// lineDiff shows the first differing lines of two texts.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return sprintf("line %d:\n want: %s\n  got: %s", i+1, wl, gl)
		}
	}
	return "(equal)"
}

// checkPositions asserts that every diagnostic and every model value points inside the file.
func checkPositions(t *testing.T, doc *Document) {
	t.Helper()
	nLines := strings.Count(string(doc.Lines.Data()), "\n") + 1
	inFile := func(what string, p schema.Pos) {
		if p.File() != doc.File || p.Line() < 1 || p.Line() > nLines || p.Column() < 1 {
			t.Errorf("%s at %+v: not a position in %s (%d lines)", what, p, doc.File, nLines)
		}
	}
	wholeFile := map[string]bool{RuleTooLarge: true, RuleUTF16: true, RuleEmpty: true, RuleNoStorage: true}
	for _, d := range doc.Diagnostics {
		if !wholeFile[d.Rule] {
			inFile("diagnostic "+d.Rule, d.Pos())
		}
		if d.Line > 0 && d.Snippet == "" && strings.TrimSpace(doc.Lines.LineText(d.Line)) != "" {
			t.Errorf("diagnostic %s has no snippet", d)
		}
	}
	for _, s := range modelStrings(&doc.Model) {
		inFile("value "+s.Value, s.Pos)
		if got := doc.Lines.LineText(s.Pos.Line()); !strings.Contains(got, firstLine(s.Value)) &&
			!strings.Contains(got, strings.ReplaceAll(firstLine(s.Value), "/", `\/`)) && !strings.Contains(got, "\\") {
			t.Errorf("value %q at %d:%d, but that line is %q", s.Value, s.Pos.Line(), s.Pos.Column(), got)
		}
	}
}

func firstLine(s string) string { return strings.SplitN(s, "\n", 2)[0] }

// modelStrings lists every set String of a model.
func modelStrings(m *schema.Model) []schema.String {
	var out []schema.String
	add := func(ss ...schema.String) {
		for _, s := range ss {
			if s.Set {
				out = append(out, s)
			}
		}
	}
	add(m.ProjectRegion, m.CurrentEnv, m.OutputsVersion)
	for _, b := range m.Buckets {
		add(b.Name, b.BucketName, b.Region)
		for _, p := range b.Paths {
			add(p.Path)
			for _, r := range p.Rules {
				add(r.Principal)
				add(r.Actions...)
			}
		}
		if b.Gen1 != nil {
			add(b.Gen1.DefaultAccessLevel, b.Gen1.StorageAccess)
		}
	}
	for _, tb := range m.Tables {
		add(tb.Name, tb.TableName, tb.Region, tb.ARN, tb.StreamARN)
		for _, k := range []*schema.Key{tb.PartitionKey, tb.SortKey} {
			if k != nil {
				add(k.Name, k.Type)
			}
		}
	}
	return out
}

// findings lists diagnostics as "line:col severity rule".
func findings(ds []validate.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, sprintf("%d:%d %s %s", d.Line, d.Column, d.Severity, d.Rule))
	}
	return out
}

// TestReadFindings pins the findings that matter for each fixture, so a golden update cannot
// quietly lose them.
func TestReadFindings(t *testing.T) {
	cases := map[string][]string{
		"bad/empty.json":          {"1:1 error input/empty"},
		"bad/blank.js":            {"1:1 error input/empty"},
		"bad/utf16.json":          {"1:1 error input/utf16"},
		"bad/binary.json":         {"1:1 error input/binary"},
		"bad/lfs-pointer.json":    {"1:1 error input/lfs-pointer"},
		"bad/merge-conflict.json": {"3:1 error input/merge-conflict"},
		"bad/invalid.json":        {"4:5 error json/syntax"},
		"bad/truncated.json":      {"5:1 error json/syntax"},
		"bad/unknown.json":        {"1:1 error input/unknown-format"},
		"amplifyconfiguration-web/duplicate-keys.json": {"5:5 warning json/duplicate-key"},

		"amplifyconfiguration-web/no-storage.json":            {"1:1 info input/no-storage"},
		"amplifyconfiguration-web/mock-endpoint.json":         {"7:35 warning dynamodb/schemas-as-string"},
		"amplifyconfiguration/transfer-utility-mismatch.json": {"9:35 warning native/transfer-utility-mismatch"},
		"amplifyconfiguration/trailing-comma.json":            {"10:17 error json/syntax"},
		"amplifyconfiguration/no-storage.json":                {"1:1 info input/no-storage"},
		"awsconfiguration/legacy.json":                        {"26:16 info native/dynamodb-region-only"},
		"amplifyconfiguration-dart/comment-inside.dart":       {"6:13 error json/syntax"},
		"amplifyconfiguration-dart/escapes-then-error.dart":   {"10:17 error json/syntax"},
		"amplifyconfiguration-dart/per-stage-function.dart":   {"3:12 error dart/unsupported"},
		"amplifyconfiguration-dart/map-literal.dart":          {"2:44 error dart/unsupported"},
		"amplifyconfiguration-dart/interpolation.dart":        {"8:28 error dart/interpolation"},
		"amplify-outputs/default-not-listed.json":             {}, // validate reports it: storage/default-not-listed
		"amplify-outputs/version-only.json":                   {"1:1 info input/no-storage"},

		// These need the JavaScript reader (convert/jsconfig).
		"bad/only-comments.js":              {"1:1 error js/no-export"},
		"aws-exports/process-env.js":        {"4:33 info js/non-literal", "5:29 error js/non-literal-storage"},
		"aws-exports/schemas-as-string.js":  {"5:30 warning dynamodb/schemas-as-string"},
		"aws-exports/v5-shape.js":           {"9:12 info flat/v5-shape"},
		"aws-exports/typescript.ts":         {"2:16 error js/typescript"},
		"aws-exports/cli-generated.js":      nil,
		"aws-exports/mobile-hub.js":         nil,
		"aws-exports/babel-crlf-bom.cjs":    nil,
		"aws-exports/anonymous-default.mjs": {"1:1 info input/no-storage"},
	}
	for rel, want := range cases {
		doc := readFixture(t, readFixtureDir+"/"+rel, ReadOptions{})
		got := findings(doc.Diagnostics)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: findings\n got: %q\nwant: %q", rel, got, want)
		}
	}
}

func TestReadOversized(t *testing.T) {
	data := []byte(`{"aws_project_region": "` + strings.Repeat("x", 2000) + `"}`)
	doc, err := Read(context.Background(), Source{Name: "big.json", Data: data}, ReadOptions{MaxSize: 1024})
	if err != nil {
		t.Fatal(err)
	}
	if got := findings(doc.Diagnostics); len(got) != 1 || got[0] != "1:1 error input/too-large" {
		t.Errorf("findings = %q", got)
	}
	big := bytes.Repeat([]byte(" "), DefaultMaxSize+1)
	doc, _ = Read(context.Background(), Source{Name: "huge.json", Data: big}, ReadOptions{})
	if !doc.Failed() || doc.Diagnostics[0].Rule != RuleTooLarge || !strings.Contains(doc.Diagnostics[0].Message, "16 MiB") {
		t.Errorf("over the default cap: %v", doc.Diagnostics)
	}
}

func TestReadTooDeep(t *testing.T) {
	data := bytes.Repeat([]byte("["), 2<<20)
	doc, err := Read(context.Background(), Source{Name: "deep.json", Data: data}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := findings(doc.Diagnostics); len(got) != 1 || got[0] != "1:501 error input/too-deep" {
		t.Errorf("findings = %q", got)
	}
}

func TestReadFromForcesFormat(t *testing.T) {
	// Flat keys, but forced to be read as Gen 2 outputs: no storage, no guessing.
	src := Source{Name: "x.json", Data: []byte(`{"aws_user_files_s3_bucket": "b"}`)}
	doc, err := Read(context.Background(), src, ReadOptions{From: schema.AmplifyOutputs})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != schema.AmplifyOutputs || len(doc.Model.Buckets) != 0 {
		t.Errorf("format %q buckets %v", doc.Format, doc.Model.Buckets)
	}
	doc, _ = Read(context.Background(), src, ReadOptions{From: schema.AmplifyConfigWeb})
	if len(doc.Model.Buckets) != 1 || doc.Model.Buckets[0].BucketName.Value != "b" || !doc.Model.Buckets[0].Default {
		t.Errorf("buckets %+v", doc.Model.Buckets)
	}
}

func TestReadFileMissing(t *testing.T) {
	if _, err := ReadFile(context.Background(), filepath.Join(t.TempDir(), "nope.json"), ReadOptions{}); err == nil {
		t.Error("ReadFile of a missing file: no error")
	}
}

func TestWriteInspectStable(t *testing.T) {
	rel := "fixtures/read/amplify-outputs/three-buckets.json"
	var a, b bytes.Buffer
	if err := WriteInspect(&a, []*Document{readFixture(t, rel, ReadOptions{})}); err != nil {
		t.Fatal(err)
	}
	if err := WriteInspect(&b, []*Document{readFixture(t, rel, ReadOptions{})}); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("two runs print different JSON")
	}
	var back struct {
		Sources []struct {
			Model schema.Model `json:"model"`
		} `json:"sources"`
	}
	if err := json.Unmarshal(a.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	bk := back.Sources[0].Model.Buckets
	if len(bk) != 3 || !bk[1].Default || !bk[1].BucketName.Set || bk[1].Paths[1].Rules[0].Principal.Value != "groupsAdmins" {
		t.Errorf("model does not round-trip: %+v", bk)
	}
	var empty bytes.Buffer
	if err := WriteInspect(&empty, nil); err != nil || empty.String() != "{\n  \"sources\": []\n}\n" {
		t.Errorf("no documents: %q, %v", empty.String(), err)
	}
}

// benchmarkFixture measures Read on one fixture.
func benchmarkFixture(b *testing.B, rel string) {
	data, err := os.ReadFile(filepath.Join(repoRoot(b), filepath.FromSlash(rel)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		doc, err := Read(context.Background(), Source{Name: rel, Data: data}, ReadOptions{})
		if err != nil || doc.Failed() {
			b.Fatalf("%v %v", err, doc.Diagnostics)
		}
	}
}

func BenchmarkReadAmplifyConfigWeb(b *testing.B) {
	benchmarkFixture(b, "fixtures/read/amplifyconfiguration-web/flat.json")
}

func BenchmarkReadAWSExports(b *testing.B) {
	benchmarkFixture(b, "fixtures/read/aws-exports/cli-generated.js")
}

// TestReadSharesTheText documents Read's ownership rule: the model's keys share the bytes of
// Source.Data (nothing is copied), which is why the caller must not change them after Read.
func TestReadSharesTheText(t *testing.T) {
	data := []byte(`{"version":"1.4","storage":{"aws_region":"us-east-1","bucket_name":"bucket-a","buckets":[{"name":"a","bucket_name":"bucket-a","aws_region":"us-east-1","paths":{"media/*":{"guest":["get"]}}}]}}`)
	doc, err := Read(context.Background(), Source{Name: "amplify_outputs.json", Data: data}, ReadOptions{DeferPositions: true})
	if err != nil {
		t.Fatal(err)
	}
	path := doc.Model.Buckets[0].Paths[0].Path.Value
	if path != "media/*" || unsafe.StringData(path) != &data[bytes.Index(data, []byte("media/*"))] {
		t.Errorf("the path key %q is a copy, not the text's own bytes", path)
	}
}
