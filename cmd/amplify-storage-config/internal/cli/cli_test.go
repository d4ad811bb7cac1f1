package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// testApp returns an App on buffers whose streams count as terminals when terminal is set.
func testApp(terminal bool, env map[string]string) (*App, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	a := &App{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(any) bool { return terminal },
		Getwd:      os.Getwd,
	}
	return a, &out, &errOut
}

func writeBadFiles(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i := range n {
		p := filepath.Join(dir, "app"+string(rune('a'+i)), "amplify_outputs.json")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		doc := `{"version": "1.5", "storage": {"aws_region": "us-east-1", "bucket_name": "Bad_Bucket"}}`
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func TestColourOnlyOnATerminalWithoutNoColor(t *testing.T) {
	paths := writeBadFiles(t, 1)
	for _, tc := range []struct {
		name     string
		terminal bool
		env      map[string]string
		colour   bool
	}{
		{"terminal", true, nil, true},
		{"pipe", false, nil, false},
		{"terminal with NO_COLOR", true, map[string]string{"NO_COLOR": "1"}, false},
		{"terminal with TERM=dumb", true, map[string]string{"TERM": "dumb"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, out, _ := testApp(tc.terminal, tc.env)
			if code := a.Run(context.Background(), append([]string{"validate"}, paths...)); code != ExitFindings {
				t.Fatalf("exit code %d, want %d", code, ExitFindings)
			}
			if got := strings.Contains(out.String(), "\x1b["); got != tc.colour {
				t.Errorf("colour = %v, want %v; output:\n%s", got, tc.colour, out)
			}
			if !strings.Contains(out.String(), "[s3/bucket-name]") {
				t.Errorf("no finding in output:\n%s", out)
			}
		})
	}
}

func TestProgressOnlyOnATerminalOutsideCI(t *testing.T) {
	paths := writeBadFiles(t, 3)
	for _, tc := range []struct {
		name     string
		terminal bool
		env      map[string]string
		progress bool
	}{
		{"terminal", true, nil, true},
		{"pipe", false, nil, false},
		{"terminal in CI", true, map[string]string{"CI": "true"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, out, errOut := testApp(tc.terminal, tc.env)
			a.Run(context.Background(), append([]string{"validate", "--oneline"}, paths...))
			if got := strings.Contains(errOut.String(), "[3/3] checking"); got != tc.progress {
				t.Errorf("progress = %v, want %v; stderr: %q", got, tc.progress, errOut)
			}
			if strings.Contains(out.String(), "checking") {
				t.Errorf("progress leaked to stdout: %q", out)
			}
		})
	}
}

func TestCaretIndentKeepsTabs(t *testing.T) {
	for _, tc := range []struct {
		line string
		col  int
		want string
	}{
		{"abc", 1, ""},
		{"abc", 3, "  "},
		{"\t\tx", 3, "\t\t"},
		{"\t\"é\": 1", 5, "\t   "},
		{"ab", 10, "  "},
	} {
		if got := caretIndent(tc.line, tc.col); got != tc.want {
			t.Errorf("caretIndent(%q, %d) = %q, want %q", tc.line, tc.col, got, tc.want)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	var b bytes.Buffer
	d := validate.Diagnostic{File: "a,b:c%.json", Line: 2, Column: 3, Severity: validate.Warning,
		Rule: "x/y", Message: "100% bad\r\nsecond line, with: colon"}
	if err := (githubRenderer{}).render(&b, findings{Diagnostics: []validate.Diagnostic{d}}); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=a%2Cb%3Ac%25.json,line=2,col=3,title=x/y::100%25 bad%0D%0Asecond line, with: colon [x/y]\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
	b.Reset()
	info := validate.Diagnostic{File: "f.json", Severity: validate.Info, Rule: "r/s", Message: "m"}
	_ = (githubRenderer{}).render(&b, findings{Diagnostics: []validate.Diagnostic{info}})
	if want := "::notice file=f.json,title=r/s::m [r/s]\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestSARIFURI(t *testing.T) {
	base := filepath.FromSlash("/repo")
	for _, tc := range []struct{ file, want string }{
		{"src/aws-exports.js", "src/aws-exports.js"},
		{"/repo/amplify/team-provider-info.json", "amplify/team-provider-info.json"},
		{"/elsewhere/x.json", "file:///elsewhere/x.json"},
		{"dir with space/a.json", "dir%20with%20space/a.json"},
		{"./a/../b.json", "b.json"},
	} {
		if got := sarifURI(base, filepath.FromSlash(tc.file)); got != tc.want {
			t.Errorf("sarifURI(%q) = %q, want %q", tc.file, got, tc.want)
		}
	}
}

func TestClosest(t *testing.T) {
	choices := []string{"inspect", "validate", "migrate", "convert", "env", "schema", "rules", "version", "help"}
	for _, tc := range []struct {
		got, want string
		ok        bool
	}{
		{"valdate", "validate", true},
		{"VALIDATE", "validate", true},
		{"migarte", "migrate", true},
		{"ver", "version", true},
		{"rule", "rules", true},
		{"frobnicate", "", false},
		{"", "", false},
	} {
		best, ok := closest(tc.got, choices)
		if ok != tc.ok || (ok && best != tc.want) {
			t.Errorf("closest(%q) = %q, %v; want %q, %v", tc.got, best, ok, tc.want, tc.ok)
		}
	}
}

func TestPanicIsAnInternalError(t *testing.T) {
	a, _, errOut := testApp(false, nil)
	a.Stdout = panicWriter{}
	if code := a.Run(context.Background(), []string{"schema"}); code != ExitFailure {
		t.Fatalf("exit code %d, want %d", code, ExitFailure)
	}
	if !strings.Contains(errOut.String(), "internal error") {
		t.Errorf("stderr: %q", errOut)
	}
}

type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("boom") }
