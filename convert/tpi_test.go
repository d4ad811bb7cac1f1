package convert

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// readAs reads text as format f through the public Read entry point.
func readAs(t *testing.T, name string, f schema.Format, text string) *Document {
	t.Helper()
	doc, err := Read(context.Background(), Source{Name: name, Data: []byte(text)}, ReadOptions{From: f})
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return doc
}

// rules lists the diagnostics as "line:col severity rule" strings.
func rules(ds []validate.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, sprintf("%d:%d %s %s", d.Line, d.Column, d.Severity, d.Rule))
	}
	return out
}

const tpiMixed = `{
  "dev": {
    "awscloudformation": {
      "Region": "eu-west-3",
      "StackName": "amplify-scanly-dev-111628",
      "DeploymentBucketName": "amplify-scanly-dev-111628-deployment"
    },
    "categories": {
      "function": {"resize": {"deploymentBucketName": "amplify-scanly-dev-111628-deployment", "s3Key": "x.zip"}},
      "storage": {
        "scanlyImported": {"bucketName": "textract-console-eu-west-3", "region": "eu-west-3"},
        "images": {},
        "posts": {"tableName": "posts-prod", "region": "eu-west-1", "arn": "arn:aws:dynamodb:eu-west-1:123456789012:table/posts-prod",
                  "streamArn": "arn:aws:dynamodb:eu-west-1:123456789012:table/posts-prod/stream/2024",
                  "partitionKeyName": "id", "partitionKeyType": "S", "sortKeyName": "createdAt", "sortKeyType": "N"}
      }
    }
  },
  "prod": {
    "awscloudformation": {"Region": "us-east-1", "StackName": "amplify-scanly-prod-222222"},
    "categories": {"storage": {"images": {}}}
  }
}
`

func TestReadTeamProviderInfo(t *testing.T) {
	doc := readAs(t, "amplify/team-provider-info.json", "", tpiMixed)
	if doc.Format != schema.TeamProviderInfo {
		t.Fatalf("format = %q, want team-provider-info", doc.Format)
	}
	if len(doc.Diagnostics) != 0 {
		t.Fatalf("unexpected diagnostics: %v", doc.Diagnostics)
	}
	m := doc.Model
	if got := strings.Join(m.Envs, ","); got != "dev,prod" {
		t.Errorf("envs = %s, want dev,prod (file order)", got)
	}
	if len(m.Gen1Envs) != 2 || m.Gen1Envs[0].StackName.Value != "amplify-scanly-dev-111628" ||
		m.Gen1Envs[1].Region.Value != "us-east-1" || m.Gen1Envs[0].DeploymentBucket.Value == "" {
		t.Errorf("gen1 envs = %+v", m.Gen1Envs)
	}
	if len(m.Buckets) != 1 {
		t.Fatalf("buckets = %+v, want only the imported one (deployment buckets are not storage)", m.Buckets)
	}
	b := m.Buckets[0]
	if b.Name.Value != "scanlyImported" || b.BucketName.Value != "textract-console-eu-west-3" ||
		b.Region.Value != "eu-west-3" || b.Env != "dev" || b.Management != schema.Imported {
		t.Errorf("bucket = %+v", b)
	}
	if b.BucketName.Pos.Line() != 11 || b.BucketName.Pos.Pointer() != "/dev/categories/storage/scanlyImported/bucketName" {
		t.Errorf("bucket name pos = %+v", b.BucketName.Pos)
	}
	if len(m.Tables) != 1 {
		t.Fatalf("tables = %+v", m.Tables)
	}
	tb := m.Tables[0]
	if tb.TableName.Value != "posts-prod" || tb.Region.Value != "eu-west-1" || tb.ARN.Value == "" || tb.StreamARN.Value == "" ||
		tb.PartitionKey == nil || tb.PartitionKey.Name.Value != "id" || tb.PartitionKey.Type.Value != "S" ||
		tb.SortKey == nil || tb.SortKey.Type.Value != "N" || tb.Management != schema.Imported {
		t.Errorf("table = %+v", tb)
	}
	var got []string
	for _, r := range m.Resources {
		got = append(got, sprintf("%s/%s:%s:%s", r.Env, r.Name.Value, r.Service, r.Management))
	}
	want := "dev/scanlyImported:S3:imported dev/images::managed dev/posts:DynamoDB:imported prod/images::managed"
	if strings.Join(got, " ") != want {
		t.Errorf("resources = %s\nwant        %s", strings.Join(got, " "), want)
	}
	if p := m.Resources[1].Name.Pos; p.Line() != 12 || p.Column() != 9 {
		t.Errorf("managed resource name position = %d:%d, want 12:9 (its key)", p.Line(), p.Column())
	}
}

func TestReadTeamProviderInfoBadShapes(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"root array", `[1]`, []string{"1:1 error gen1/type"}},
		{"no envs", `{}`, []string{"1:1 info gen1/no-envs"}},
		{"env not object", "{\n \"dev\": 3\n}", []string{"2:9 error gen1/type"}},
		{"storage not object", `{"dev": {"categories": {"storage": []}}}`, []string{"1:36 warning gen1/type"}},
		{"resource not object", `{"dev": {"categories": {"storage": {"a": "x"}}}}`, []string{"1:42 error gen1/type"}},
		{"bucket without region", `{"dev": {"categories": {"storage": {"a": {"bucketName": "b"}}}}}`,
			[]string{"1:42 warning gen1/missing-field"}},
		{"unknown resource", `{"dev": {"categories": {"storage": {"a": {"foo": 1}}}}}`,
			[]string{"1:42 warning gen1/unknown-resource"}},
		{"bucket name not a string", `{"dev": {"categories": {"storage": {"a": {"bucketName": 5, "region": "us-east-1"}}}}}`,
			[]string{"1:57 warning gen1/type"}},
		{"bad key type", `{"dev": {"categories": {"storage": {"t": {"tableName": "tbl", "region": "us-east-1", "partitionKeyName": "id", "partitionKeyType": "BOOL"}}}}}`,
			[]string{"1:132 warning gen1/key-type"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := readAs(t, "team-provider-info.json", schema.TeamProviderInfo, tc.text)
			var got []string
			for _, r := range rules(doc.Diagnostics) {
				if !strings.HasSuffix(r, RuleNoStorage) {
					got = append(got, r)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("diagnostics = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestReadTeamProviderInfoCorpus reads every real team-provider-info.json in the shared
// corpus: none may panic; each yields its envs and storage resources or a positioned error.
func TestReadTeamProviderInfoCorpus(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "..", "shared", "corpus", "team-provider-info.json")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("shared corpus not available (%v): skipping the team-provider-info corpus test", err)
	}
	var files, envs, resources, buckets, tables, rejected int
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		path := filepath.Join(dir, e.Name())
		doc, err := ReadFile(context.Background(), path, ReadOptions{From: schema.TeamProviderInfo})
		if err != nil {
			t.Errorf("%s: %v", e.Name(), err)
			continue
		}
		files++
		if doc.Failed() {
			rejected++
			for _, d := range doc.Diagnostics {
				if d.Severity == validate.Error && d.Line == 0 && d.Rule != RuleLFSPointer && d.Rule != RuleEmpty && d.Rule != RuleTooLarge && d.Rule != RuleUTF16 {
					t.Errorf("%s: error without a position: %s", e.Name(), d)
				}
			}
			continue
		}
		if len(doc.Model.Envs) == 0 {
			t.Errorf("%s: no environment read", e.Name())
		}
		envs += len(doc.Model.Envs)
		resources += len(doc.Model.Resources)
		buckets += len(doc.Model.Buckets)
		tables += len(doc.Model.Tables)
	}
	t.Logf("team-provider-info corpus: %d files, %d rejected with a diagnostic, %d envs, %d storage resources (%d imported buckets, %d imported tables)",
		files, rejected, envs, resources, buckets, tables)
	if files == 0 {
		t.Errorf("no file read from %s", dir)
	}
}

// repoRoot finds the module root (the directory holding go.mod) above the test's directory.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}
