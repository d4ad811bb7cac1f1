package migrate

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
	"github.com/seed-258d3fb3/amplify-storage-config/convert/outputs"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// copyProject copies fixtures/projects/name into a temporary folder and returns it with a
// snapshot of every file's bytes.
func copyProject(t *testing.T, name string) (string, map[string]string) {
	t.Helper()
	src := filepath.Join(repoRoot(t), "fixtures", "projects", name)
	if _, err := os.Stat(src); err != nil {
		t.Fatalf("fixture project %s is missing: %v", name, err)
	}
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst, snapshot(t, dst)
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// assertInputsUnchanged checks that every file of before is still there with the same bytes,
// and that the only new (or changed) files are those listed in extra (the output).
func assertInputsUnchanged(t *testing.T, dir string, before map[string]string, extra ...string) {
	t.Helper()
	after := snapshot(t, dir)
	for p, data := range before {
		if after[p] != data && !slices.Contains(extra, p) {
			t.Errorf("input %s was modified", p)
		}
	}
	allowed := map[string]bool{}
	for _, e := range extra {
		allowed[e] = true
	}
	for p := range after {
		if _, ok := before[p]; !ok && !allowed[p] {
			t.Errorf("unexpected new file %s", p)
		}
	}
}

func reportText(t *testing.T, r Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func errorsOf(ds []validate.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		if d.Severity == validate.Error {
			out = append(out, d.String())
		}
	}
	return out
}

// TestMigrateGolden migrates each sample project and compares the written file and the report
// with the golden files.
func TestMigrateGolden(t *testing.T) {
	cases := []struct {
		name, project, env, defaultBucket string
	}{
		{"gen1-managed", "gen1-managed", "", ""},
		{"gen1-imported", "gen1-imported", "", ""},
		{"gen1-multienv.dev", "gen1-multienv", "dev", ""},
		{"gen1-multienv.prod", "gen1-multienv", "prod", "uploads"},
		{"frontend-only", "frontend-only", "", ""},
		{"gen1-stale-copies", "gen1-stale-copies", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, before := copyProject(t, c.project)
			opts := Options{DefaultBucket: c.defaultBucket}
			opts.Env = c.env
			res, err := Migrate(context.Background(), dir, opts)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "amplify_outputs.json")
			if !res.Wrote || res.Blocked || res.Failed {
				t.Fatalf("wrote=%v blocked=%v failed=%v; errors: %v", res.Wrote, res.Blocked, res.Failed, errorsOf(res.Diagnostics))
			}
			written, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(written, res.Document) {
				t.Errorf("the file holds other bytes than Result.Document")
			}
			golden(t, c.name+".outputs.json", written)
			golden(t, c.name+".report.txt", reportText(t, res.Report))
			assertInputsUnchanged(t, dir, before, out)

			// Running again finds it up to date and writes nothing.
			again, err := Migrate(context.Background(), dir, opts)
			if err != nil {
				t.Fatal(err)
			}
			if again.Wrote || !again.UpToDate {
				t.Errorf("second run: wrote=%v upToDate=%v", again.Wrote, again.UpToDate)
			}
		})
	}
}

func TestMigrateMultiEnvNeedsEnv(t *testing.T) {
	dir, before := copyProject(t, "gen1-multienv")
	res, err := Migrate(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Wrote || !res.Blocked || !res.Failed {
		t.Errorf("wrote=%v blocked=%v failed=%v", res.Wrote, res.Blocked, res.Failed)
	}
	// One error listing the environments, nothing else (no "no S3 bucket", no env named).
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Rule != convert.RuleEnvAmbiguous ||
		res.Diagnostics[0].Severity != validate.Error || !strings.Contains(res.Diagnostics[0].Message, "--env (one of: dev, prod)") {
		t.Errorf("diagnostics = %v", res.Diagnostics)
	}
	if res.Report.Env != "" || string(reportText(t, res.Report)) != "amplify_outputs.json: not written (outputs version 1.5, json)\n" {
		t.Errorf("report:\n%s", reportText(t, res.Report))
	}
	assertInputsUnchanged(t, dir, before)

	// An unknown --env: the same, with the env-unknown error.
	opts := Options{}
	opts.Env = "nope"
	res, err = Migrate(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Failed || res.Wrote || len(res.Diagnostics) != 1 || res.Diagnostics[0].Rule != convert.RuleEnvUnknown ||
		res.Diagnostics[0].Severity != validate.Error || !strings.Contains(res.Diagnostics[0].Message, "dev, prod") || res.Report.Env != "" {
		t.Errorf("--env nope: failed=%v diagnostics=%v env=%q", res.Failed, res.Diagnostics, res.Report.Env)
	}
	assertInputsUnchanged(t, dir, before)
}

func TestMigrateCheck(t *testing.T) {
	dir, before := copyProject(t, "gen1-managed")
	out := filepath.Join(dir, "amplify_outputs.json")

	// Missing: a diff from /dev/null, nothing written.
	res, err := Migrate(context.Background(), dir, Options{Check: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.UpToDate || !res.Failed || res.Wrote || !strings.HasPrefix(res.Diff, "--- /dev/null\n+++ amplify_outputs.json\n@@ -0,0 +1,") {
		t.Errorf("missing file: upToDate=%v failed=%v diff:\n%s", res.UpToDate, res.Failed, res.Diff)
	}
	assertInputsUnchanged(t, dir, before)

	// Up to date after a migrate.
	if _, err := Migrate(context.Background(), dir, Options{}); err != nil {
		t.Fatal(err)
	}
	res, err = Migrate(context.Background(), dir, Options{Check: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.UpToDate || res.Failed || res.Diff != "" || res.Report.Outcome != "up-to-date" {
		t.Errorf("up to date: upToDate=%v failed=%v diff %q", res.UpToDate, res.Failed, res.Diff)
	}

	// Out of date: a diff naming the changed line; the file is left as it is.
	data, _ := os.ReadFile(out)
	stale := bytes.Replace(data, []byte(`"us-west-2"`), []byte(`"us-east-1"`), 1)
	if err := os.WriteFile(out, stale, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = Migrate(context.Background(), dir, Options{Check: true})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "gen1-managed.check.diff", []byte(res.Diff))
	if res.UpToDate || !res.Failed || !strings.Contains(res.Diff, "-    \"aws_region\": \"us-east-1\",\n+    \"aws_region\": \"us-west-2\",\n") {
		t.Errorf("out of date: diff:\n%s", res.Diff)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, stale) {
		t.Errorf("--check modified the file")
	}
}

func TestMigrateMergeKeepsOtherBytes(t *testing.T) {
	dir, before := copyProject(t, "gen1-managed")
	out := filepath.Join(dir, "amplify_outputs.json")
	const head = "{\r\n\t\"auth\": {\r\n\t\t\"aws_region\": \"us-west-2\",\r\n\t\t\"user_pool_id\": \"us-west-2_AbC\"  ,\r\n\t\t\"user_pool_client_id\": \"abc\"\r\n\t},\r\n\t\"storage\": "
	const middle = ",\r\n\t\"custom\": {\"api_base\": \"https://example.com\", \"flags\": [1, 2]},\r\n\t\"version\": \"1.4\"\r\n}"
	existing := head + `{"aws_region": "us-east-1", "bucket_name": "old-bucket"}` + middle
	if err := os.WriteFile(out, []byte(existing), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := Migrate(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Wrote {
		t.Fatalf("not written: %v", errorsOf(res.Diagnostics))
	}
	got, _ := os.ReadFile(out)
	golden(t, "gen1-managed.merged.outputs.json", got)
	if !strings.HasPrefix(string(got), head) {
		t.Errorf("the bytes before storage changed:\n%s", got)
	}
	if !strings.Contains(string(got), "\"api_base\": \"https://example.com\", \"flags\": [1, 2], \"dynamodb_tables\": [{\"name\": \"comments\",") ||
		!strings.HasSuffix(string(got), "\r\n\t\"version\": \"1.4\"\r\n}") {
		t.Errorf("the bytes after storage changed:\n%s", got)
	}
	if res.Report.Version != "1.4" {
		t.Errorf("version = %q, want the existing 1.4 kept", res.Report.Version)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", info.Mode().Perm())
	}
	assertInputsUnchanged(t, dir, before, out)

	// --outputs-version forces another version.
	opts := Options{OutputsVersion: "1.5", VersionSet: true}
	res, err = Migrate(context.Background(), dir, opts)
	if err != nil || !res.Wrote {
		t.Fatalf("err %v wrote %v", err, res.Wrote)
	}
	if got, _ := os.ReadFile(out); !strings.HasSuffix(string(got), "\"version\": \"1.5\"\r\n}") {
		t.Errorf("forced version not written:\n%s", got)
	}
}

func TestMigrateDryRunAndDart(t *testing.T) {
	dir, before := copyProject(t, "gen1-managed")
	res, err := Migrate(context.Background(), dir, Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Wrote || res.Report.Outcome != "dry-run" {
		t.Errorf("dry run wrote=%v outcome=%s", res.Wrote, res.Report.Outcome)
	}
	golden(t, "gen1-managed.outputs.json", res.Document)
	assertInputsUnchanged(t, dir, before)

	res, err = Migrate(context.Background(), dir, Options{Format: FormatDart})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "amplify_outputs.dart")
	got, err := os.ReadFile(out)
	if err != nil || !res.Wrote {
		t.Fatalf("dart not written: %v %v", err, errorsOf(res.Diagnostics))
	}
	golden(t, "gen1-managed.outputs.dart", got)
	if !strings.HasPrefix(string(got), "const amplifyConfig = r'''{") {
		t.Errorf("dart file starts %q", got[:40])
	}
	// Merging into an existing Dart file keeps what surrounds the JSON.
	custom := "// my header\n" + string(got) + "// my footer\n"
	if err := os.WriteFile(out, []byte(custom), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = Migrate(context.Background(), dir, Options{Format: FormatDart})
	if err != nil {
		t.Fatal(err)
	}
	if !res.UpToDate {
		t.Errorf("dart merge: upToDate=%v wrote=%v", res.UpToDate, res.Wrote)
	}
	assertInputsUnchanged(t, dir, before, out)
}

func TestMigrateOldVersionsDropWithWarning(t *testing.T) {
	for _, v := range []string{"1", "1.1"} {
		t.Run(v, func(t *testing.T) {
			dir, _ := copyProject(t, "gen1-managed")
			res, err := Migrate(context.Background(), dir, Options{OutputsVersion: v, VersionSet: true})
			if err != nil {
				t.Fatal(err)
			}
			if !res.Wrote {
				t.Fatalf("not written: %v", errorsOf(res.Diagnostics))
			}
			golden(t, "gen1-managed.v"+v+".outputs.json", res.Document)
			found := false
			for _, d := range res.Diagnostics {
				if d.Rule == "outputs/version-drop" && d.Severity == validate.Warning && strings.Contains(d.Message, "--outputs-version") {
					found = true
				}
			}
			if !found {
				t.Errorf("no version-drop warning naming --outputs-version: %v", res.Diagnostics)
			}
			if !strings.Contains(string(reportText(t, res.Report)), "[outputs-version]") {
				t.Errorf("report does not list the version loss")
			}
			// Under --strict the warnings block writing.
			strict := Options{OutputsVersion: v, VersionSet: true, Strict: true, Out: filepath.Join(dir, "strict.json")}
			res, err = Migrate(context.Background(), dir, strict)
			if err != nil {
				t.Fatal(err)
			}
			if res.Wrote || !res.Blocked {
				t.Errorf("strict: wrote=%v blocked=%v", res.Wrote, res.Blocked)
			}
			if _, err := os.Stat(strict.Out); err == nil {
				t.Errorf("strict run wrote %s", strict.Out)
			}
		})
	}
}

func TestMigrateBlocksInvalidOutput(t *testing.T) {
	dir, _ := copyProject(t, "gen1-managed")
	out := filepath.Join(dir, "amplify_outputs.json")
	// An existing file whose other sections break the outputs schema: never written.
	existing := `{"version": "1.5", "auth": "not an object"}`
	if err := os.WriteFile(out, []byte(existing), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Migrate(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Wrote || !res.Blocked {
		t.Errorf("wrote=%v blocked=%v", res.Wrote, res.Blocked)
	}
	hasSchema := false
	for _, d := range res.Diagnostics {
		hasSchema = hasSchema || (d.Severity == validate.Error && strings.HasPrefix(d.Rule, "schema/"))
	}
	if !hasSchema {
		t.Errorf("no schema error: %v", res.Diagnostics)
	}
	if got, _ := os.ReadFile(out); string(got) != existing {
		t.Errorf("file changed")
	}
	// Not JSON at all: refused, unchanged.
	if err := os.WriteFile(out, []byte("{\n<<<<<<< HEAD\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = Migrate(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Wrote || !res.Blocked {
		t.Errorf("broken existing: wrote=%v blocked=%v", res.Wrote, res.Blocked)
	}
}

// failingFS fails every rename, as a read-only or full file system would at the last step.
type failingFS struct{ outputs.OSFS }

func (failingFS) Rename(string, string) error { return &os.LinkError{Op: "rename", Err: syscall.EROFS} }

func TestMigrateWriteFailureKeepsFile(t *testing.T) {
	dir, _ := copyProject(t, "gen1-managed")
	out := filepath.Join(dir, "amplify_outputs.json")
	const old = `{"version": "1.5"}`
	if err := os.WriteFile(out, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Migrate(context.Background(), dir, Options{OutFS: failingFS{}})
	if err == nil || res == nil || res.Wrote {
		t.Fatalf("err %v", err)
	}
	if got, _ := os.ReadFile(out); string(got) != old {
		t.Errorf("file changed")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temp file left: %s", e.Name())
		}
	}
	// A folder in the way is refused.
	dir2, _ := copyProject(t, "gen1-managed")
	if err := os.Mkdir(filepath.Join(dir2, "amplify_outputs.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	res, err = Migrate(context.Background(), dir2, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Wrote || !res.Blocked {
		t.Errorf("folder target: wrote=%v blocked=%v", res.Wrote, res.Blocked)
	}
}

func TestConvertFiles(t *testing.T) {
	// A native amplifyconfiguration.json and a web one naming a second bucket.
	native := `{"UserAgent": "aws-amplify-cli/2.0", "Version": "1.0", "storage": {"plugins": {
  "awsS3StoragePlugin": {"bucket": "notes-media123456-dev", "region": "eu-central-1", "defaultAccessLevel": "protected"},
  "awsDynamoDbStoragePlugin": {"name": "Notes-dev", "region": "eu-central-1", "partitionKeyName": "id", "partitionKeyType": "S"}}}}`
	web := `{"aws_project_region": "eu-central-1", "aws_user_files_s3_bucket": "notes-media123456-dev", "aws_user_files_s3_bucket_region": "eu-central-1"}`
	var docs []*convert.Document
	for name, data := range map[string]string{"android/app/src/main/res/raw/amplifyconfiguration.json": native, "src/amplifyconfiguration.json": web} {
		doc, err := convert.Read(context.Background(), convert.Source{Name: name, Data: []byte(data)}, convert.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	slices.SortFunc(docs, func(a, b *convert.Document) int { return strings.Compare(a.File, b.File) })
	res, err := ConvertFiles(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Wrote || res.Blocked || res.Report.Outcome != "dry-run" || res.Out != "-" {
		t.Errorf("wrote=%v blocked=%v outcome=%s: %v", res.Wrote, res.Blocked, res.Report.Outcome, errorsOf(res.Diagnostics))
	}
	golden(t, "convert-files.outputs.json", res.Document)
	golden(t, "convert-files.report.txt", reportText(t, res.Report))
}

func TestReportJSON(t *testing.T) {
	dir, _ := copyProject(t, "gen1-managed")
	res, err := Migrate(context.Background(), dir, Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := res.Report.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "gen1-managed.report.json", b.Bytes())
	var back Report
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Losses) != len(res.Report.Losses) || back.Buckets[0].BucketNameDerived != true {
		t.Errorf("report JSON round trip lost data: %+v", back)
	}
}
