package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// A directory among file arguments is a project, checked with its sources; files and projects
// are counted and reported together, sorted.
func TestValidateMixesProjectsAndFiles(t *testing.T) {
	files := writeBadFiles(t, 2)
	project := filepath.Dir(writeBadFiles(t, 1)[0])
	a, out, errOut := testApp(false, nil)
	args := []string{"validate", "--format", "json", files[1], project, files[0]}
	if code := a.Run(context.Background(), args); code != ExitFindings {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, ExitFindings, errOut)
	}
	var got struct {
		Diagnostics []struct{ File, Rule string }
		Summary     struct{ Files int }
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if got.Summary.Files != 3 {
		t.Errorf("summary counts %d files, want 3", got.Summary.Files)
	}
	seen := map[string]bool{}
	for _, d := range got.Diagnostics {
		if d.Rule == "s3/bucket-name" {
			seen[d.File] = true
		}
	}
	for _, p := range append(files, filepath.Join(project, "amplify_outputs.json")) {
		if !seen[p] {
			t.Errorf("no s3/bucket-name finding for %s in:\n%s", p, out)
		}
	}
	a2, out2, _ := testApp(false, nil)
	a2.Run(context.Background(), []string{"validate", "--format", "json", files[0], project, files[1]})
	if out2.String() != out.String() {
		t.Errorf("output depends on argument order:\n%s\nvs\n%s", out, out2)
	}
}

// A file that cannot be opened stops the command (exit 3) with os.ReadFile's message, whatever
// its place among readable files, and prints no findings.
func TestValidateMissingFileFails(t *testing.T) {
	files := writeBadFiles(t, 2)
	missing := filepath.Join(t.TempDir(), "nosuch.json")
	_, readErr := os.ReadFile(missing)
	a, out, errOut := testApp(false, nil)
	if code := a.Run(context.Background(), []string{"validate", files[0], missing, files[1]}); code != ExitFailure {
		t.Fatalf("exit code %d, want %d", code, ExitFailure)
	}
	if want := "validate: " + missing + ": " + readErr.Error(); !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr %q does not contain %q", errOut, want)
	}
	if out.Len() != 0 {
		t.Errorf("stdout not empty:\n%s", out)
	}
}

// stdin is read once, next to files, under its --stdin-filename.
func TestValidateStdinWithFiles(t *testing.T) {
	files := writeBadFiles(t, 1)
	a, out, errOut := testApp(false, nil)
	a.Stdin = strings.NewReader(`{"version": "1.5", "storage": {"aws_region": "us-east-1", "bucket_name": "Piped_Bad"}}`)
	args := []string{"validate", "--oneline", "--stdin-filename", "piped/amplify_outputs.json", "-", files[0]}
	if code := a.Run(context.Background(), args); code != ExitFindings {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, ExitFindings, errOut)
	}
	for _, want := range []string{"piped/amplify_outputs.json:1:", files[0] + ":1:"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no finding for %s in:\n%s", want, out)
		}
	}
}

// TestValidateRestoresGCSettings: validate tunes the garbage collector while it reads its
// files (no collection for one file, short of a memory limit; less frequent ones for a batch)
// and puts the process's settings back, for one file and for several.
func TestValidateRestoresGCSettings(t *testing.T) {
	files := writeBadFiles(t, 2)
	const percent, limit = 123, 1 << 40
	defer debug.SetGCPercent(debug.SetGCPercent(percent))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	for _, args := range [][]string{{files[0]}, files} {
		a, _, errOut := testApp(false, nil)
		if code := a.Run(context.Background(), append([]string{"validate"}, args...)); code != ExitFindings {
			t.Fatalf("exit code %d, want %d; stderr:\n%s", code, ExitFindings, errOut)
		}
		if got := debug.SetGCPercent(percent); got != percent {
			t.Errorf("%d file(s): GC percent left at %d, want %d", len(args), got, percent)
		}
		if got := debug.SetMemoryLimit(-1); got != limit {
			t.Errorf("%d file(s): memory limit left at %d, want %d", len(args), got, limit)
		}
	}
}
