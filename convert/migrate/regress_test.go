package migrate

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/outputs"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
	"github.com/tidwall/gjson"
)

func lossKinds(ls []Loss) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Kind)
	}
	return out
}

// TestMigrateStaleCopies: a stale frontend copy decides nothing: the output has the one
// bucket and table the backend and the fresh copy name, and the stale copy is reported.
func TestMigrateStaleCopies(t *testing.T) {
	dir, _ := copyProject(t, "gen1-stale-copies")
	res, err := Migrate(context.Background(), dir, Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	o := string(res.Document)
	if strings.Contains(o, "999999") || strings.Contains(o, "comments-old") || strings.Contains(o, "us-east-1") ||
		strings.Count(o, `"bucket_name": "photoappmedia4f8e2b1d172355-dev"`) != 2 {
		t.Errorf("output:\n%s", o)
	}
	var stale []string
	for _, d := range res.Diagnostics {
		if d.Rule == validate.RuleStaleCopy {
			stale = append(stale, d.String())
		}
	}
	if len(stale) != 5 {
		t.Errorf("want 5 stale-copy findings (the project's region, bucket and table name and region of lib/aws-exports.js), got:\n%s", strings.Join(stale, "\n"))
	}
	for _, s := range stale {
		if !strings.HasPrefix(s, filepath.Join(dir, "lib", "aws-exports.js")+":") {
			t.Errorf("blames another file than the stale copy: %s", s)
		}
	}
}

// TestMigrateCLIInputsLosses: a table's GSIs and trigger functions are reported, positioned at
// their cli-inputs entries; with --no-tables there is nothing to report.
func TestMigrateCLIInputsLosses(t *testing.T) {
	dir, _ := copyProject(t, "gen1-stale-copies")
	res, err := Migrate(context.Background(), dir, Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, l := range res.Report.Losses {
		if l.Kind == LossTableIndex || l.Kind == LossTableTrigger {
			found = append(found, l.Kind+" "+l.Pos.Pointer()+" "+l.Pos.File())
		}
	}
	want := []string{
		LossTableIndex + " /gsi/0 amplify/backend/storage/comments/cli-inputs.json",
		LossTableTrigger + " /triggerFunctions/0 amplify/backend/storage/comments/cli-inputs.json",
	}
	if !slices.Equal(found, want) {
		t.Errorf("losses = %v, want %v", found, want)
	}
	warned := 0
	for _, d := range res.Diagnostics {
		if d.Rule == RuleLoss && (strings.Contains(d.Message, `index "byAuthor" (partition key authorId)`) ||
			strings.Contains(d.Message, `trigger function "commentsNotify"`)) && d.Line > 0 {
			warned++
		}
	}
	if warned != 2 {
		t.Errorf("want 2 positioned %s warnings, got %v", RuleLoss, res.Diagnostics)
	}

	opts := Options{DryRun: true, NoTables: true}
	res, err = Migrate(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if k := lossKinds(res.Report.Losses); slices.Contains(k, LossTableIndex) || slices.Contains(k, LossTableTrigger) {
		t.Errorf("--no-tables still reports table losses: %v", k)
	}
}

// TestMigrateAssumedAccessIsTheLibraryLevels: without cli-inputs the paths are exactly the
// Gen 1 library's access levels (no uploads/*), and the report says they were assumed.
func TestMigrateAssumedAccessIsTheLibraryLevels(t *testing.T) {
	dir, _ := copyProject(t, "frontend-only")
	res, err := Migrate(context.Background(), dir, Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	buckets := gjson.GetBytes(res.Document, "storage.buckets")
	if n := len(buckets.Array()); n != 1 {
		t.Fatalf("want 1 bucket, got %d:\n%s", n, res.Document)
	}
	var got []string
	buckets.Get("0.paths").ForEach(func(path, rules gjson.Result) bool {
		rules.ForEach(func(principal, actions gjson.Result) bool {
			var acts []string
			for _, a := range actions.Array() {
				acts = append(acts, a.Str)
			}
			got = append(got, path.Str+" "+principal.Str+"="+strings.Join(acts, ","))
			return true
		})
		return true
	})
	want := []string{
		"public/* guest=get,list,write,delete", "public/* authenticated=get,list,write,delete",
		"protected/* guest=get,list", "protected/* authenticated=get,list",
		"protected/${cognito-identity.amazonaws.com:sub}/* entityidentity=get,list,write,delete",
		"private/${cognito-identity.amazonaws.com:sub}/* entityidentity=get,list,write,delete",
	}
	if !slices.Equal(got, want) {
		t.Errorf("paths =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if k := lossKinds(res.Report.Losses); !slices.Equal(k, []string{LossAssumedAccess}) ||
		!strings.Contains(res.Report.Losses[0].Message, "assumed") {
		t.Errorf("losses = %v", res.Report.Losses)
	}
}

// TestMigrateUnknownExistingVersion: an existing file with a version the writer does not
// know is not rewritten in another version unless --outputs-version says so.
func TestMigrateUnknownExistingVersion(t *testing.T) {
	dir, _ := copyProject(t, "gen1-managed")
	out := filepath.Join(dir, "amplify_outputs.json")
	const existing = "{\n  \"custom\": {\"api\": \"https://example.com\"},\n  \"version\": \"2\"\n}\n"
	if err := os.WriteFile(out, []byte(existing), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Migrate(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Wrote || !res.Blocked || !res.Failed {
		t.Errorf("wrote=%v blocked=%v failed=%v", res.Wrote, res.Blocked, res.Failed)
	}
	i := slices.IndexFunc(res.Diagnostics, func(d validate.Diagnostic) bool { return d.Rule == outputs.RuleUnknownVersion })
	if i < 0 {
		t.Fatalf("no %s: %v", outputs.RuleUnknownVersion, res.Diagnostics)
	}
	d := res.Diagnostics[i]
	if d.Severity != validate.Error || d.Line != 3 || d.Column != 14 || !strings.Contains(d.Message, `"2"`) ||
		!strings.Contains(d.Message, "1, 1.1, 1.2, 1.3, 1.4, 1.5") || !strings.Contains(d.Message, "--outputs-version") {
		t.Errorf("finding = %s", d)
	}
	if got, _ := os.ReadFile(out); string(got) != existing {
		t.Errorf("the file changed")
	}
	// With --outputs-version the user chose: written.
	res, err = Migrate(context.Background(), dir, Options{OutputsVersion: "1.5", VersionSet: true})
	if err != nil || !res.Wrote {
		t.Fatalf("err %v wrote %v: %v", err, res.Wrote, errorsOf(res.Diagnostics))
	}
}

// TestMigrateVersionDropOnce: an old --outputs-version drops paths with one finding, not two.
func TestMigrateVersionDropOnce(t *testing.T) {
	dir, _ := copyProject(t, "gen1-managed")
	res, err := Migrate(context.Background(), dir, Options{OutputsVersion: "1", VersionSet: true, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	var drops []string
	for _, d := range res.Diagnostics {
		if strings.Contains(d.Message, "--outputs-version") {
			drops = append(drops, d.String())
		}
	}
	if len(drops) != 1 || !strings.Contains(drops[0], "["+outputs.RuleVersionDrop+"]") {
		t.Errorf("version-drop findings:\n%s", strings.Join(drops, "\n"))
	}
	if !slices.Contains(lossKinds(res.Report.Losses), LossVersionDrop) {
		t.Errorf("the report does not list the dropped paths: %v", res.Report.Losses)
	}
}
