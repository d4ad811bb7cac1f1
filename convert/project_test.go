package convert

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// projectFixture returns the path of a sample project, relative to the test's directory
// (so positions and goldens are stable).
func projectFixture(name string) string {
	return filepath.Join("..", "fixtures", "projects", name)
}

func loadFixture(t testing.TB, name string, opts ProjectOptions) *Project {
	t.Helper()
	p, err := LoadProject(context.Background(), projectFixture(name), opts)
	if err != nil {
		t.Fatalf("LoadProject(%s): %v", name, err)
	}
	return p
}

// renderProject is WriteProject's output with the root folder cut from every path.
func renderProject(t *testing.T, p *Project) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteProject(&buf, p); err != nil {
		t.Fatal(err)
	}
	root := filepath.ToSlash(p.Root)
	out := strings.ReplaceAll(buf.String(), `"`+root+`"`, `"."`)
	return []byte(strings.ReplaceAll(out, root+"/", ""))
}

func TestLoadProjectGolden(t *testing.T) {
	for _, tc := range []struct {
		golden, fixture, env string
	}{
		{"gen1-managed", "gen1-managed", ""},
		{"gen1-imported", "gen1-imported", ""},
		{"gen1-multienv", "gen1-multienv", ""},
		{"gen1-multienv.prod", "gen1-multienv", "prod"},
		{"gen1-multienv.dev", "gen1-multienv", "dev"},
		{"gen1-stale-name", "gen1-stale-name", ""},
		{"gen1-stale-copies", "gen1-stale-copies", ""},
		{"frontend-only", "frontend-only", ""},
		{"gen2-outputs", "gen2-outputs", ""},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			got := renderProject(t, loadFixture(t, tc.fixture, ProjectOptions{Env: tc.env}))
			path := filepath.Join("..", "fixtures", "projects", tc.golden+".golden.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./convert -update)", err)
			}
			if !bytes.Equal(want, got) {
				t.Errorf("%s differs from LoadProject's result (go test ./convert -update rewrites it):\n%s",
					path, lineDiff(string(want), string(got)))
			}
		})
	}
}

// docFiles lists the project's sources relative to its root.
func docFiles(p *Project) []string {
	var out []string
	for _, d := range p.Docs {
		rel, _ := filepath.Rel(p.Root, d.File)
		out = append(out, filepath.ToSlash(rel)+"="+string(d.Format))
	}
	return out
}

func projectRules(p *Project) []string {
	var out []string
	for _, d := range p.AllDiagnostics() {
		out = append(out, d.Severity.String()+" "+d.Rule)
	}
	return out
}

func TestLoadProjectGen1Managed(t *testing.T) {
	p := loadFixture(t, "gen1-managed", ProjectOptions{})
	want := []string{
		"amplify/.config/local-env-info.json=local-env-info",
		"amplify/backend/backend-config.json=backend-config",
		"amplify/backend/storage/comments/cli-inputs.json=cli-inputs",
		"amplify/backend/storage/photos/cli-inputs.json=cli-inputs",
		"amplify/team-provider-info.json=team-provider-info",
	}
	if got := docFiles(p); !slices.Equal(got, want) {
		t.Errorf("sources = %v\nwant %v (node_modules and #current-cloud-backend are never read)", got, want)
	}
	if p.Env != "dev" || p.Model.ProjectRegion.Value != "us-west-2" {
		t.Errorf("env = %q, region = %q", p.Env, p.Model.ProjectRegion.Value)
	}
	if len(p.Model.Buckets) != 1 || len(p.Model.Tables) != 1 {
		t.Fatalf("model = %d buckets, %d tables; want 1 and 1", len(p.Model.Buckets), len(p.Model.Tables))
	}
	b := p.Model.Buckets[0]
	// amplify-cli's buildBucketName: bucketName + split(StackName,'-')[3] + '-' + env.
	if b.BucketName.Value != "photoappmedia4f8e2b1d172355-dev" || !b.DerivedName || b.Management != schema.Managed ||
		b.Region.Value != "us-west-2" || b.Name.Value != "photos" {
		t.Errorf("bucket = %+v", b)
	}
	if b.Gen1 == nil || b.Gen1.StorageAccess.Value != "authAndGuest" || len(b.Gen1.Groups) != 2 ||
		b.Gen1.Groups[0].Group.Value != "Admins" || len(b.Gen1.Groups[1].Actions) != 2 || b.Gen1.TriggerFunction.Value != "photoappResize" {
		t.Errorf("gen1 access = %+v", b.Gen1)
	}
	tb := p.Model.Tables[0]
	if tb.TableName.Value != "comments-dev" || !tb.DerivedName || tb.PartitionKey.Name.Value != "postId" ||
		tb.PartitionKey.Type.Value != "S" || tb.SortKey.Type.Value != "N" {
		t.Errorf("table = %+v (keys %+v %+v)", tb, tb.PartitionKey, tb.SortKey)
	}
	if p.Failed() {
		t.Errorf("unexpected errors: %v", p.AllDiagnostics())
	}
	if got := projectRules(p); !slices.Equal(got, []string{"info " + RuleDerivedName, "info " + RuleDerivedName}) {
		t.Errorf("diagnostics = %v", got)
	}
}

func TestLoadProjectImportedWithFrontend(t *testing.T) {
	p := loadFixture(t, "gen1-imported", ProjectOptions{})
	if p.Env != "main" || len(p.Model.Buckets) != 1 || len(p.Model.Tables) != 2 {
		t.Fatalf("env %q, model %+v", p.Env, p.Model)
	}
	b := p.Model.Buckets[0]
	if b.BucketName.Value != "acme-invoices-prod-eu" || b.Management != schema.Imported || !b.Default || b.DerivedName {
		t.Errorf("bucket = %+v", b)
	}
	if !strings.HasSuffix(b.BucketName.Pos.File(), "team-provider-info.json") {
		t.Errorf("bucket name should stay positioned in team-provider-info.json, is at %+v", b.BucketName.Pos)
	}
	if tl := p.Model.Tables[1]; tl.SortKey == nil || tl.SortKey.Name.Value != "lineNumber" || tl.StreamARN.Set {
		t.Errorf("table = %+v", tl)
	}
	if got := projectRules(p); len(got) != 0 {
		t.Errorf("diagnostics = %v", got)
	}
}

func TestLoadProjectEnvChoice(t *testing.T) {
	p := loadFixture(t, "gen1-multienv", ProjectOptions{})
	if !slices.Equal(p.Envs, []string{"dev", "prod"}) || p.Env != "" {
		t.Errorf("envs %v, env %q", p.Envs, p.Env)
	}
	i := slices.IndexFunc(p.Diagnostics, func(d validate.Diagnostic) bool { return d.Rule == RuleEnvAmbiguous })
	if i < 0 || p.Diagnostics[i].Severity != validate.Error || !strings.Contains(p.Diagnostics[i].Message, "dev, prod") ||
		p.Diagnostics[i].Line != 1 {
		t.Fatalf("want a positioned %s error listing dev, prod; got %v", RuleEnvAmbiguous, p.Diagnostics)
	}
	if len(p.Model.Buckets) != 0 {
		t.Errorf("no env chosen, yet buckets were merged: %+v", p.Model.Buckets)
	}

	prod := loadFixture(t, "gen1-multienv", ProjectOptions{Env: "prod"})
	var names []string
	for _, b := range prod.Model.Buckets {
		names = append(names, b.BucketName.Value)
	}
	if !slices.Equal(names, []string{"fieldnotesuploads91544-prod", "fieldnotes-archive-syd"}) {
		t.Errorf("prod buckets = %v", names)
	}
	dev := loadFixture(t, "gen1-multienv", ProjectOptions{Env: "dev"})
	if len(dev.Model.Buckets) != 1 || dev.Model.Buckets[0].BucketName.Value != "fieldnotesuploads83021-dev" {
		t.Errorf("dev buckets = %+v (the imported archive bucket is prod-only)", dev.Model.Buckets)
	}

	bad := loadFixture(t, "gen1-multienv", ProjectOptions{Env: "staging"})
	if !slices.Contains(projectRules(bad), "error "+RuleEnvUnknown) {
		t.Errorf("--env staging: want %s, got %v", RuleEnvUnknown, projectRules(bad))
	}
}

func TestLoadProjectFrontendWinsOverDerivedName(t *testing.T) {
	p := loadFixture(t, "gen1-stale-name", ProjectOptions{})
	b := p.Model.Buckets[0]
	if b.BucketName.Value != "chatterboxavatars-staging" || b.DerivedName || !b.Default {
		t.Errorf("bucket = %+v", b)
	}
	i := slices.IndexFunc(p.Diagnostics, func(d validate.Diagnostic) bool { return d.Rule == RuleDerivedNameMismatch })
	if i < 0 {
		t.Fatalf("no %s warning: %v", RuleDerivedNameMismatch, p.Diagnostics)
	}
	d := p.Diagnostics[i]
	if d.Severity != validate.Warning || !strings.Contains(d.Message, "chatterboxavatars-staging") ||
		!strings.Contains(d.Message, "chatterboxavatars120934-staging") || !strings.HasSuffix(d.File, "amplifyconfiguration.json") || d.Line != 3 {
		t.Errorf("mismatch warning = %s", d)
	}
}

func TestLoadProjectFrontendOnlyAndGen2(t *testing.T) {
	p := loadFixture(t, "frontend-only", ProjectOptions{Env: "dev"})
	if got := docFiles(p); !slices.Equal(got, []string{"src/aws-exports.js=aws-exports"}) {
		t.Errorf("sources = %v (the node_modules decoy must not be read)", got)
	}
	if len(p.Model.Buckets) != 1 || p.Model.Buckets[0].BucketName.Value != "recipebox-images210455-staging" ||
		p.Model.ProjectRegion.Value != "us-east-2" {
		t.Errorf("model = %+v", p.Model)
	}
	if !slices.Contains(projectRules(p), "info "+RuleEnvIgnored) {
		t.Errorf("want %s for --env without environments: %v", RuleEnvIgnored, projectRules(p))
	}
	g := loadFixture(t, "gen2-outputs", ProjectOptions{})
	if len(g.Model.Buckets) != 1 || g.Model.Buckets[0].Name.Value != "photos" || g.Model.OutputsVersion.Value != "1.3" {
		t.Errorf("gen2 model = %+v", g.Model)
	}
}

func TestLoadProjectExclude(t *testing.T) {
	root := projectFixture("gen2-outputs")
	p, err := LoadProject(context.Background(), root, ProjectOptions{Exclude: []string{filepath.Join(root, "amplify_outputs.json")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Docs) != 0 || !slices.Contains(projectRules(p), "error "+RuleNoSources) {
		t.Errorf("excluded file was read, or no %s: docs %v, %v", RuleNoSources, docFiles(p), projectRules(p))
	}
}

// faultFS wraps OSFS and fails the operations the test names.
type faultFS struct {
	OSFS
	failReadDir, failReadFile map[string]bool
	bigFiles                  map[string]int64
}

var errInjected = errors.New("permission denied (injected)")

func (f faultFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if f.failReadDir[filepath.ToSlash(name)] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errInjected}
	}
	return f.OSFS.ReadDir(name)
}

func (f faultFS) ReadFile(name string) ([]byte, error) {
	if f.failReadFile[filepath.ToSlash(name)] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errInjected}
	}
	return f.OSFS.ReadFile(name)
}

func (f faultFS) Stat(name string) (fs.FileInfo, error) {
	info, err := f.OSFS.Stat(name)
	if n, ok := f.bigFiles[filepath.ToSlash(name)]; ok && err == nil {
		return sizedInfo{info, n}, nil
	}
	return info, err
}

type sizedInfo struct {
	fs.FileInfo
	size int64
}

func (s sizedInfo) Size() int64 { return s.size }

func TestLoadProjectFaults(t *testing.T) {
	root := projectFixture("gen1-managed")
	slash := filepath.ToSlash(root)
	fsys := faultFS{
		failReadDir:  map[string]bool{slash + "/amplify/backend/storage/comments": true},
		failReadFile: map[string]bool{slash + "/amplify/backend/storage/photos/cli-inputs.json": true},
		bigFiles:     map[string]int64{slash + "/amplify/backend/backend-config.json": 5 << 30},
	}
	p, err := LoadProject(context.Background(), root, ProjectOptions{FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	got := projectRules(p)
	for _, want := range []string{"warning " + RuleUnreadableDir, "error " + RuleUnreadableFile, "error " + RuleTooLarge} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %v", want, got)
		}
	}
	// The unreadable folder is named; the rest of the project is still read.
	i := slices.IndexFunc(p.Diagnostics, func(d validate.Diagnostic) bool { return d.Rule == RuleUnreadableDir })
	if i >= 0 && !strings.Contains(p.Diagnostics[i].Message, "storage/comments") {
		t.Errorf("unreadable-dir message does not name the folder: %s", p.Diagnostics[i].Message)
	}
	if p.Env != "dev" {
		t.Errorf("env = %q", p.Env)
	}

	if _, err := LoadProject(context.Background(), root, ProjectOptions{FS: faultFS{failReadDir: map[string]bool{slash: true}}}); err == nil {
		t.Error("an unreadable project root must be an error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := LoadProject(ctx, root, ProjectOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err = %v", err)
	}
}

func TestChooseEnv(t *testing.T) {
	at := schema.At(schema.Place{File: "tpi.json", Line: 1, Column: 1})
	cur := schema.Str("prod", schema.At(schema.Place{File: "local-env-info.json", Line: 4, Column: 15}))
	for _, tc := range []struct {
		name    string
		envs    []string
		flag    string
		current schema.String
		want    string
		rule    string
	}{
		{"flag wins", []string{"dev", "prod"}, "dev", cur, "dev", ""},
		{"current env", []string{"dev", "prod"}, "", cur, "prod", ""},
		{"only env", []string{"dev"}, "", schema.String{}, "dev", ""},
		{"ambiguous", []string{"prod", "dev"}, "", schema.String{}, "", RuleEnvAmbiguous},
		{"unknown flag", []string{"dev"}, "qa", schema.String{}, "qa", RuleEnvUnknown},
		{"stale current", []string{"dev"}, "", cur, "prod", RuleEnvUnknown},
		{"no envs", nil, "", schema.String{}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env, diags, _ := chooseEnv(tc.envs, tc.flag, tc.current, at)
			rule := ""
			if len(diags) > 0 {
				rule = diags[0].Rule
			}
			if env != tc.want || rule != tc.rule {
				t.Errorf("chooseEnv = %q %q, want %q %q", env, rule, tc.want, tc.rule)
			}
			if tc.rule == RuleEnvAmbiguous && !strings.Contains(diags[0].Message, "dev, prod") {
				t.Errorf("message does not list the envs sorted: %s", diags[0].Message)
			}
		})
	}
}

func TestManagedNames(t *testing.T) {
	if got, _ := managedBucketName("images", "amplify-scanly-dev-111628", "dev"); got != "images111628-dev" {
		t.Errorf("bucket = %s (the corpus's Scanly Flutter config names images111628-dev)", got)
	}
	if got, _ := managedBucketName("images", "photoapp", "dev"); got != "images-dev" {
		t.Errorf("old-style bucket = %s", got)
	}
	if got, _ := managedTableName("posts", "amplify-x-dev-1", "dev"); got != "posts-dev" {
		t.Errorf("table = %s", got)
	}
}

func BenchmarkLoadProject(b *testing.B) {
	root := projectFixture("gen1-managed")
	for b.Loop() {
		if _, err := LoadProject(context.Background(), root, ProjectOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// A project without amplify/: its frontend configs merge, each bucket once.
func TestLoadProjectFrontendJSONOnly(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"app/src/main/res/raw/amplifyconfiguration.json": `{"UserAgent": "aws-amplify-cli/2.0", "Version": "1.0",
  "storage": {"plugins": {"awsS3StoragePlugin": {"bucket": "notes-media120934-dev", "region": "eu-west-2", "defaultAccessLevel": "guest"}}}}`,
		"web/src/amplifyconfiguration.json": `{"aws_project_region": "eu-west-2", "aws_user_files_s3_bucket": "notes-media120934-dev", "aws_user_files_s3_bucket_region": "eu-west-2"}`,
	}
	for rel, text := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := LoadProject(context.Background(), root, ProjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := docFiles(p); !slices.Equal(got, []string{
		"app/src/main/res/raw/amplifyconfiguration.json=amplifyconfiguration",
		"web/src/amplifyconfiguration.json=amplifyconfiguration-web"}) {
		t.Errorf("sources = %v", got)
	}
	if len(p.Model.Buckets) != 1 || p.Model.Buckets[0].BucketName.Value != "notes-media120934-dev" || !p.Model.Buckets[0].Default ||
		p.Model.ProjectRegion.Value != "eu-west-2" || p.Env != "" || p.Failed() {
		t.Errorf("model = %+v, diagnostics %v", p.Model, p.AllDiagnostics())
	}
}
