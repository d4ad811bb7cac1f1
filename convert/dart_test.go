package convert

import (
	"context"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// TestDartEscapesKeepPositions reads JSON with Dart escapes before the storage values and
// checks every value still points at its own text in the .dart file.
func TestDartEscapesKeepPositions(t *testing.T) {
	src := "const amplifyconfig = '''{\"note\": \"\\$1 \\\\\\\\ \\u00e9\\u{1F600}\",\n" +
		"  \"UserAgent\": \"aws-amplify-cli/2.0\", \"Version\": \"1.0\",\n" +
		"  \"storage\": {\"plugins\": {\"awsS3StoragePlugin\": {\"bucket\": \"esc-bucket\", \"region\": \"eu-west-1\"}}}}''';\n"
	doc, err := Read(context.Background(), Source{Name: "lib/amplifyconfiguration.dart", Data: []byte(src)}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Failed() || len(doc.Model.Buckets) != 1 {
		t.Fatalf("diagnostics %v, buckets %+v", doc.Diagnostics, doc.Model.Buckets)
	}
	note := doc.Value().(map[string]any)["note"]
	if note != "$1 \\ é😀" {
		t.Errorf("note = %q, want the unescaped Dart text", note)
	}
	b := doc.Model.Buckets[0]
	for _, s := range []schema.String{b.BucketName, b.Region} {
		line := doc.Lines.LineText(s.Pos.Line())
		if got := []rune(line)[s.Pos.Column()-1:]; !strings.HasPrefix(string(got), `"`+s.Value+`"`) {
			t.Errorf("%q at %d:%d points at %q", s.Value, s.Pos.Line(), s.Pos.Column(), string(got))
		}
	}
}

// TestDartSyntaxErrorAfterEscapes checks a JSON error after escapes points at the bad token.
func TestDartSyntaxErrorAfterEscapes(t *testing.T) {
	src := "const c = '''{\"a\": \"\\$\\$\\$\", \"b\": \"x\" \"c\": 1}''';"
	doc, err := Read(context.Background(), Source{Name: "x.dart", Data: []byte(src)}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Index(src, `"c"`) + 1
	if len(doc.Diagnostics) != 1 || doc.Diagnostics[0].Rule != RuleJSONSyntax || doc.Diagnostics[0].Column != want {
		t.Errorf("got %v, want one json/syntax at column %d", doc.Diagnostics, want)
	}
}

func TestDartRawStringKeepsBackslashes(t *testing.T) {
	src := "const amplifyConfig = r'''{\"version\": \"1.4\", \"storage\": {\"aws_region\": \"us-east-1\", \"bucket_name\": \"b-1\",\n" +
		"\"buckets\": [{\"name\": \"b\", \"bucket_name\": \"b-1\", \"aws_region\": \"us-east-1\", \"paths\": {\"p/${cognito-identity.amazonaws.com:sub}/*\": {\"entityidentity\": [\"get\"]}}}]}}''';"
	doc, err := Read(context.Background(), Source{Name: "lib/amplify_outputs.dart", Data: []byte(src)}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != schema.AmplifyOutputsDart || doc.Failed() {
		t.Fatalf("format %q, diagnostics %v", doc.Format, doc.Diagnostics)
	}
	p := doc.Model.Buckets[0].Paths[0]
	if p.Path.Value != "p/${cognito-identity.amazonaws.com:sub}/*" || p.Path.Pos.Line() != 2 {
		t.Errorf("path = %+v", p.Path)
	}
}

func TestDartUnterminated(t *testing.T) {
	doc, _ := Read(context.Background(), Source{Name: "a.dart", Data: []byte("const amplifyconfig = '''{\n\"UserAgent\": \"x\"\n")}, ReadOptions{})
	if got := findings(doc.Diagnostics); len(got) != 1 || got[0] != "1:23 error dart/unterminated-string" {
		t.Errorf("findings = %q", got)
	}
}

func TestUnescapeLiteralOffsets(t *testing.T) {
	data := []byte(`'a\nb\u00e9\\c'`)
	m, _ := unescapeLiteral(data, 1, len(data)-1, false, false)
	if string(m.text) != "a\nbé\\c" {
		t.Fatalf("text = %q", m.text)
	}
	// every byte maps to the start of the source text it came from
	want := []int{1, 2, 4, 5, 5, 11, 13, 14}
	if len(m.offs) != len(want) {
		t.Fatalf("offs = %v, want %v", m.offs, want)
	}
	for i := range want {
		if m.offs[i] != want[i] {
			t.Fatalf("offs = %v, want %v", m.offs, want)
		}
	}
	if _, ok := m.identity(); ok {
		t.Error("escaped text reported as a plain slice")
	}
	plain, _ := unescapeLiteral(data, 1, 2, false, false)
	if base, ok := plain.identity(); !ok || base != 1 {
		t.Errorf("plain slice: base %d ok %v", base, ok)
	}
	_ = validate.Error
}

func BenchmarkReadAmplifyConfigDart(b *testing.B) {
	benchmarkFixture(b, "fixtures/read/amplifyconfiguration-dart/cli-generated.dart")
}

func BenchmarkReadAmplifyOutputsDart(b *testing.B) {
	benchmarkFixture(b, "fixtures/read/amplify-outputs-dart/amplify_outputs.dart")
}

// TestDartOutputsUnknownVersion: an amplify_outputs.dart whose "version" no schema knows is
// still read, and validating it reports the version at its own place in the .dart file.
func TestDartOutputsUnknownVersion(t *testing.T) {
	src := "const amplifyConfig = r'''{\n  \"version\": \"9.9\",\n" +
		"  \"storage\": {\"aws_region\": \"us-east-1\", \"bucket_name\": \"dart-bucket\"}\n}''';\n"
	doc, err := Read(context.Background(), Source{Name: "lib/amplify_outputs.dart", Data: []byte(src)}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != schema.AmplifyOutputsDart || len(doc.Model.Buckets) != 1 {
		t.Fatalf("format %s, buckets %+v, diagnostics %v", doc.Format, doc.Model.Buckets, doc.Diagnostics)
	}
	ds := CheckDocument(doc, validate.Options{})
	var found *validate.Diagnostic
	for i := range ds {
		if ds[i].Pointer == "/version" && ds[i].Severity == validate.Error {
			found = &ds[i]
		}
	}
	if found == nil {
		t.Fatalf("no error at /version: %v", ds)
	}
	if found.Line != 2 || !strings.HasPrefix(doc.Lines.LineText(2)[found.Column-1:], `"9.9"`) {
		t.Errorf("version finding at %d:%d (%s); want the \"9.9\" on line 2", found.Line, found.Column, found.Message)
	}
	if !strings.Contains(found.Message, "9.9") {
		t.Errorf("message %q does not name the version", found.Message)
	}
}
