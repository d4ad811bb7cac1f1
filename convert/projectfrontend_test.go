package convert

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// diagsOf returns the project's diagnostics of rule, as strings.
func diagsOf(p *Project, rule string) []string {
	var out []string
	for _, d := range p.AllDiagnostics() {
		if d.Rule == rule {
			out = append(out, d.String())
		}
	}
	return out
}

// TestLoadProjectStaleFrontendCopies: of two frontend copies naming different buckets for the
// one managed bucket, the one equal to the derived name wins; the other is reported with both
// places and adds no bucket. Frontend regions that disagree with the backend are reported.
func TestLoadProjectStaleFrontendCopies(t *testing.T) {
	p := loadFixture(t, "gen1-stale-copies", ProjectOptions{})
	if len(p.Model.Buckets) != 1 || len(p.Model.Tables) != 1 {
		t.Fatalf("want 1 bucket and 1 table, got %+v / %+v", p.Model.Buckets, p.Model.Tables)
	}
	b := p.Model.Buckets[0]
	if b.BucketName.Value != "photoappmedia4f8e2b1d172355-dev" || !b.Default || b.DerivedName || b.Region.Value != "us-west-2" ||
		!strings.HasSuffix(b.BucketName.Pos.File(), filepath.Join("src", "aws-exports.js")) {
		t.Errorf("bucket = %+v", b)
	}
	if tb := p.Model.Tables[0]; tb.TableName.Value != "comments-dev" || tb.Region.Value != "us-west-2" || tb.DerivedName {
		t.Errorf("table = %+v", tb)
	}
	stale := diagsOf(p, RuleStaleCopy)
	wantIn := []struct{ at, says string }{
		{"lib/aws-exports.js:5:27", `the project (aws_project_region) in region "us-east-1", but team-provider-info.json says "us-west-2" at`},
		{"lib/aws-exports.js:6:33", `bucket "photoappmedia4f8e2b1d999999-dev" for storage resource "photos", but another copy names "photoappmedia4f8e2b1d172355-dev" at ` + projectFixture("gen1-stale-copies") + "/src/aws-exports.js:6:33"},
		{"lib/aws-exports.js:7:40", `bucket "photos" in region "us-east-1", but team-provider-info.json says "us-west-2" at`},
		{"lib/aws-exports.js:11:26", `table "comments-old" for storage resource "comments", but another copy names "comments-dev"`},
		{"lib/aws-exports.js:12:23", `table "comments" in region "us-east-1"`},
	}
	for _, w := range wantIn {
		if !slices.ContainsFunc(stale, func(s string) bool { return strings.Contains(s, w.at+": warning: ") && strings.Contains(s, w.says) }) {
			t.Errorf("no %s warning at %s saying %q; got:\n%s", RuleStaleCopy, w.at, w.says, strings.Join(stale, "\n"))
		}
	}
	if len(stale) != len(wantIn) {
		t.Errorf("want %d stale-copy warnings, got:\n%s", len(wantIn), strings.Join(stale, "\n"))
	}
	for _, d := range p.AllDiagnostics() {
		if strings.Contains(d.File, filepath.Join("src", "aws-exports.js")) && d.Severity != validate.Info {
			t.Errorf("the fresh copy is blamed: %s", d)
		}
	}
}

// TestLoadProjectStaleCopyOrderIndependent: the verdict does not depend on which copy comes
// first in path order.
func TestLoadProjectStaleCopyOrderIndependent(t *testing.T) {
	for _, staleAt := range []string{"a/aws-exports.js", "z/aws-exports.js"} {
		root := copyFixture(t, "gen1-managed")
		writeFile(t, root, "src/aws-exports.js", flatConfig("photoappmedia4f8e2b1d172355-dev", "us-west-2"))
		writeFile(t, root, staleAt, flatConfig("photoappmedia4f8e2b1d999999-dev", "us-west-2"))
		p, err := LoadProject(context.Background(), root, ProjectOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Model.Buckets) != 1 || p.Model.Buckets[0].BucketName.Value != "photoappmedia4f8e2b1d172355-dev" {
			t.Errorf("stale copy at %s: buckets = %+v", staleAt, p.Model.Buckets)
		}
		stale := diagsOf(p, RuleStaleCopy)
		if len(stale) != 1 || !strings.Contains(stale[0], staleAt) {
			t.Errorf("stale copy at %s: %s findings:\n%s", staleAt, RuleStaleCopy, strings.Join(stale, "\n"))
		}
	}
}

// TestLoadProjectImportedIgnoresStaleFrontend: a frontend copy naming another bucket and
// tables than team-provider-info's imported ones adds nothing; it is reported.
func TestLoadProjectImportedIgnoresStaleFrontend(t *testing.T) {
	root := copyFixture(t, "gen1-imported")
	old := `const awsmobile = {
  "aws_project_region": "eu-west-1",
  "aws_user_files_s3_bucket": "acme-invoices-old",
  "aws_user_files_s3_bucket_region": "eu-central-1",
  "aws_dynamodb_all_tables_region": "eu-west-1",
  "aws_dynamodb_table_schemas": [
    {"tableName": "Customers-old", "region": "eu-west-1"},
    {"tableName": "Ledger-old", "region": "eu-west-1"}
  ]
};
export default awsmobile;
`
	writeFile(t, root, "public/aws-exports.js", old)
	p, err := LoadProject(context.Background(), root, ProjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range p.Model.Buckets {
		names = append(names, b.BucketName.Value+"@"+b.Region.Value)
	}
	for _, tb := range p.Model.Tables {
		names = append(names, tb.TableName.Value)
	}
	if want := []string{"acme-invoices-prod-eu@eu-west-1", "Customers-prod", "InvoiceLines-prod"}; !slices.Equal(names, want) {
		t.Errorf("model = %v, want %v", names, want)
	}
	stale := strings.Join(diagsOf(p, RuleStaleCopy), "\n")
	for _, want := range []string{`"acme-invoices-old"`, `region "eu-central-1"`, `"Customers-old"`, "team-provider-info.json"} {
		if !strings.Contains(stale, want) {
			t.Errorf("stale-copy findings do not mention %s:\n%s", want, stale)
		}
	}
	only := diagsOf(p, RuleFrontendOnly)
	if len(only) != 1 || !strings.Contains(only[0], `"Ledger-old"`) || !strings.Contains(only[0], "not converted") {
		t.Errorf("%s findings: %v", RuleFrontendOnly, only)
	}
}

// TestLoadProjectUnknownEnvNamesNone: an env that could not be chosen is not reported as the
// project's env.
func TestLoadProjectUnknownEnvNamesNone(t *testing.T) {
	p := loadFixture(t, "gen1-managed", ProjectOptions{Env: "nope"})
	if p.Env != "" || len(p.Model.Buckets) != 0 {
		t.Errorf("env %q, buckets %+v", p.Env, p.Model.Buckets)
	}
	if got := diagsOf(p, RuleEnvUnknown); len(got) != 1 || !strings.Contains(got[0], "choose one of: dev") {
		t.Errorf("%s = %v", RuleEnvUnknown, got)
	}
}

// TestGen1OutputsIsTheStaleCopy: in a Gen 1 project, amplify_outputs.json is what migrate
// writes; the project says so, and the cross-check blames it, not the fresh aws-exports.js.
func TestGen1OutputsIsTheStaleCopy(t *testing.T) {
	root := copyFixture(t, "gen1-managed")
	writeFile(t, root, "src/aws-exports.js", flatConfig("photoappmedia4f8e2b1d172355-dev", "us-west-2"))
	writeFile(t, root, "amplify_outputs.json",
		`{"version": "1.5", "storage": {"aws_region": "us-east-1", "bucket_name": "photoappmedia4f8e2b1d999999-dev"}}`)
	p, err := LoadProject(context.Background(), root, ProjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if b := p.Model.Buckets; len(b) != 1 || b[0].BucketName.Value != "photoappmedia4f8e2b1d172355-dev" {
		t.Errorf("buckets = %+v", b)
	}
	ignored := diagsOf(p, RuleOutputsIgnored)
	if len(ignored) != 1 || !strings.Contains(ignored[0], "migrate --check") {
		t.Errorf("%s = %v", RuleOutputsIgnored, ignored)
	}
	var sources []validate.SourceModel
	for _, d := range p.Docs {
		sources = append(sources, validate.SourceModel{File: d.File, Format: d.Format, Model: &d.Model})
	}
	var got []string
	for _, d := range validate.CrossCheck(p.Env, sources) {
		rel, _ := filepath.Rel(root, d.File)
		got = append(got, filepath.ToSlash(rel)+" "+d.Rule)
	}
	want := []string{"amplify_outputs.json " + validate.RuleStaleCopy, "amplify_outputs.json " + validate.RuleStaleCopy}
	if !slices.Equal(got, want) {
		t.Errorf("cross-check blames %v, want the outputs file's name and region: %v", got, want)
	}
}

func copyFixture(t *testing.T, name string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(projectFixture(name))); err != nil {
		t.Fatal(err)
	}
	return dst
}

func writeFile(t *testing.T, root, rel, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func flatConfig(bucket, region string) string {
	return "const awsmobile = {\n  \"aws_project_region\": \"" + region + "\",\n  \"aws_user_files_s3_bucket\": \"" + bucket +
		"\",\n  \"aws_user_files_s3_bucket_region\": \"" + region + "\"\n};\nexport default awsmobile;\n"
}
