package hostingenv

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

var update = flag.Bool("update", false, "rewrite the golden files under fixtures/env")

// fixturesDir is fixtures/env at the repository root.
func fixturesDir(t testing.TB) string {
	t.Helper()
	return filepath.Join("..", "..", "fixtures", "env")
}

// golden compares got with the golden file at path (relative to fixtures/env), rewriting it
// with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	full := filepath.Join(fixturesDir(t), path)
	if *update {
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(full)
	if err != nil {
		t.Fatalf("%v (run go test ./convert/hostingenv -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// tpi is the position of a value in a made-up team-provider-info.json.
func tpi(line, col int, ptr string) schema.Pos {
	return schema.At(schema.Place{File: "amplify/team-provider-info.json", Line: line, Column: col, Pointer: ptr})
}

func str(v string, line int) schema.String { return schema.Str(v, tpi(line, 9, "")) }

func importedBucket(env, name, bucket, region string) schema.Bucket {
	return schema.Bucket{Name: str(name, 10), BucketName: str(bucket, 11), Region: str(region, 12),
		Env: env, Management: schema.Imported}
}

func importedTable(env, name, table, region string, line int) schema.Table {
	return schema.Table{Name: str(name, line), TableName: str(table, line+1), Region: str(region, line+2),
		Env: env, Management: schema.Imported}
}

// projectBoth imports a bucket and two tables in env dev (plus a managed table, and staging's
// own imports that must not leak into dev).
func projectBoth() *schema.Model {
	return &schema.Model{
		ProjectRegion: str("us-east-1", 3),
		Envs:          []string{"dev", "staging"},
		Buckets: []schema.Bucket{
			importedBucket("dev", "userfiles", "my-app-userfiles", "us-east-1"),
			importedBucket("staging", "userfiles", "my-app-userfiles-staging", "us-east-1"),
		},
		Tables: []schema.Table{
			importedTable("dev", "posts", "Posts-dev", "us-east-1", 20),
			importedTable("dev", "comments", "Comments-dev", "us-east-1", 30),
			{Name: str("managed", 40), TableName: str("managed-dev", 41), Env: "dev", Management: schema.Managed},
			importedTable("staging", "posts", "Posts-staging", "us-east-1", 50),
		},
	}
}

func projectBucketOnly() *schema.Model {
	return &schema.Model{ProjectRegion: str("us-east-1", 3), Buckets: []schema.Bucket{
		importedBucket("dev", "userfiles", "my-app-userfiles", "eu-west-1")}}
}

func projectTablesOnly() *schema.Model {
	return &schema.Model{ProjectRegion: str("us-east-1", 3), Tables: []schema.Table{
		importedTable("dev", "posts", "Posts-dev", "us-east-1", 20)}}
}

func projectManagedOnly() *schema.Model {
	return &schema.Model{ProjectRegion: str("us-east-1", 3),
		Buckets: []schema.Bucket{{Name: str("s3a1b2c3d4", 10), Env: "dev", Management: schema.Managed}},
		Tables:  []schema.Table{{Name: str("notes", 20), Env: "dev", Management: schema.Managed}}}
}

// diagLines renders diagnostics one per line.
func diagLines(ds []validate.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// rules lists the rule IDs of ds.
func rules(ds []validate.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Rule)
	}
	return out
}
