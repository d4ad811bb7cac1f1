package outputs

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

func str(v string) schema.String {
	return schema.Str(v, schema.At(schema.Place{File: "src/aws-exports.js", Line: 3, Column: 5}))
}

func bucket(name, physical, region string) schema.Bucket {
	b := schema.Bucket{BucketName: str(physical), Region: str(region)}
	if name != "" {
		b.Name = str(name)
	}
	return b
}

func path(p string, rules ...schema.AccessRule) schema.AccessPath {
	return schema.AccessPath{Path: str(p), Rules: rules}
}

func rule(principal string, actions ...string) schema.AccessRule {
	r := schema.AccessRule{Principal: str(principal)}
	for _, a := range actions {
		r.Actions = append(r.Actions, str(a))
	}
	return r
}

// sampleModel has two buckets (the second the default, with paths) and one table.
func sampleModel() *schema.Model {
	media := bucket("media", "media4f2a9c1d203040-dev", "us-east-1")
	media.Default = true
	media.Paths = []schema.AccessPath{
		path("public/*", rule("guest", "get", "list"), rule("authenticated", "get", "list", "write", "delete"),
			rule("groupsAdmins", "get", "list", "write", "delete")),
		path("private/${cognito-identity.amazonaws.com:sub}/*", rule("entityidentity", "get", "list", "write", "delete")),
	}
	return &schema.Model{
		ProjectRegion: str("us-east-1"),
		Buckets:       []schema.Bucket{bucket("", "archive-bucket-eu", "eu-west-1"), media},
		Tables: []schema.Table{{Name: str("posts"), TableName: str("posts-dev"), Region: str("us-east-1"),
			ARN:          str("arn:aws:dynamodb:us-east-1:123456789012:table/posts-dev"),
			PartitionKey: &schema.Key{Name: str("id"), Type: str("S")},
			SortKey:      &schema.Key{Name: str("createdAt"), Type: str("N")}}},
	}
}

func rules(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Severity.String()+" "+f.Rule)
	}
	slices.Sort(out)
	return out
}

func TestBuildDefaultLayout(t *testing.T) {
	out, fs := Build(sampleModel(), BuildOptions{})
	want := `{
  "version": "1.5",
  "storage": {
    "aws_region": "us-east-1",
    "bucket_name": "media4f2a9c1d203040-dev",
    "buckets": [
      {
        "name": "archive-bucket-eu",
        "bucket_name": "archive-bucket-eu",
        "aws_region": "eu-west-1"
      },
      {
        "name": "media",
        "bucket_name": "media4f2a9c1d203040-dev",
        "aws_region": "us-east-1",
        "paths": {
          "public/*": {
            "guest": [
              "get",
              "list"
            ],
            "authenticated": [
              "get",
              "list",
              "write",
              "delete"
            ],
            "groupsAdmins": [
              "get",
              "list",
              "write",
              "delete"
            ]
          },
          "private/${cognito-identity.amazonaws.com:sub}/*": {
            "entityidentity": [
              "get",
              "list",
              "write",
              "delete"
            ]
          }
        }
      }
    ]
  },
  "custom": {
    "dynamodb_tables": [
      {
        "name": "posts",
        "table_name": "posts-dev",
        "aws_region": "us-east-1",
        "arn": "arn:aws:dynamodb:us-east-1:123456789012:table/posts-dev",
        "partition_key": {
          "name": "id",
          "type": "S"
        },
        "sort_key": {
          "name": "createdAt",
          "type": "N"
        }
      }
    ]
  }
}
`
	if diff := cmp.Diff(want, string(out.JSON())); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"info outputs/derived-friendly-name"}, rules(fs)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if !out.Storage.Buckets[0].NameDerived || out.Storage.Buckets[1].NameDerived {
		t.Errorf("NameDerived = %v, %v; want true, false", out.Storage.Buckets[0].NameDerived, out.Storage.Buckets[1].NameDerived)
	}
}

func TestBuildDefaultBucketChoice(t *testing.T) {
	two := func() *schema.Model {
		return &schema.Model{Buckets: []schema.Bucket{bucket("a", "bucket-a", "us-east-1"), bucket("b", "bucket-b", "eu-west-1")}}
	}
	t.Run("none marked", func(t *testing.T) {
		out, fs := Build(two(), BuildOptions{})
		if out.Storage != nil {
			t.Errorf("Storage = %+v, want nil", out.Storage)
		}
		if len(fs) != 1 || fs[0].Rule != RuleDefaultBucket || fs[0].Severity != validate.Error ||
			!strings.Contains(fs[0].Message, `"a" (bucket-a), "b" (bucket-b)`) ||
			!strings.Contains(fs[0].Message, "--default-bucket") {
			t.Errorf("findings = %v", fs)
		}
	})
	t.Run("flag by friendly name", func(t *testing.T) {
		out, fs := Build(two(), BuildOptions{DefaultBucket: "b"})
		if out.Storage == nil || out.Storage.BucketName != "bucket-b" || out.Storage.AWSRegion != "eu-west-1" || len(fs) != 0 {
			t.Errorf("storage = %+v, findings %v", out.Storage, fs)
		}
	})
	t.Run("flag by physical name", func(t *testing.T) {
		out, _ := Build(two(), BuildOptions{DefaultBucket: "bucket-a"})
		if out.Storage == nil || out.Storage.BucketName != "bucket-a" {
			t.Errorf("storage = %+v", out.Storage)
		}
	})
	t.Run("flag names nothing", func(t *testing.T) {
		out, fs := Build(two(), BuildOptions{DefaultBucket: "zzz"})
		if out.Storage != nil || len(fs) != 1 || fs[0].Severity != validate.Error || !strings.Contains(fs[0].Message, `"zzz"`) {
			t.Errorf("storage = %+v findings %v", out.Storage, fs)
		}
	})
	t.Run("marked wins without flag, flag overrides with info", func(t *testing.T) {
		m := two()
		m.Buckets[1].Default = true
		out, fs := Build(m, BuildOptions{})
		if out.Storage.BucketName != "bucket-b" || len(fs) != 0 {
			t.Errorf("storage = %+v findings %v", out.Storage, fs)
		}
		out, fs = Build(m, BuildOptions{DefaultBucket: "a"})
		if out.Storage.BucketName != "bucket-a" || len(fs) != 1 || fs[0].Severity != validate.Info {
			t.Errorf("storage = %+v findings %v", out.Storage, fs)
		}
	})
	t.Run("only one", func(t *testing.T) {
		m := &schema.Model{Buckets: []schema.Bucket{bucket("a", "bucket-a", "us-east-1")}}
		out, fs := Build(m, BuildOptions{})
		if out.Storage.BucketName != "bucket-a" || len(fs) != 0 {
			t.Errorf("storage = %+v findings %v", out.Storage, fs)
		}
	})
}

func TestBuildMissingValues(t *testing.T) {
	m := &schema.Model{ProjectRegion: str("ap-south-1"), Buckets: []schema.Bucket{
		bucket("noname", "", "us-east-1"), bucket("noregion", "bucket-x", "")}}
	out, fs := Build(m, BuildOptions{})
	if out.Storage == nil || out.Storage.AWSRegion != "ap-south-1" || len(out.Storage.Buckets) != 1 {
		t.Fatalf("storage = %+v", out.Storage)
	}
	if diff := cmp.Diff([]string{"error outputs/missing-bucket-name", "warning outputs/missing-region"}, rules(fs)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if fs[0].File != "src/aws-exports.js" || fs[0].Line != 3 {
		t.Errorf("finding position = %s", fs[0])
	}

	m = &schema.Model{Buckets: []schema.Bucket{bucket("x", "bucket-x", "")}}
	out, fs = Build(m, BuildOptions{})
	if out.Storage != nil || len(fs) != 1 || fs[0].Rule != RuleMissingRegion || fs[0].Severity != validate.Error {
		t.Errorf("storage = %+v findings %v", out.Storage, fs)
	}
}

func TestBuildVersions(t *testing.T) {
	tests := []struct {
		version      string
		wantFindings []string
		wantBuckets  bool
		wantPaths    bool
	}{
		{"1", []string{"info outputs/derived-friendly-name", "warning outputs/version-drop", "warning outputs/version-drop"}, false, false},
		{"1.1", []string{"info outputs/derived-friendly-name", "warning outputs/version-drop"}, true, false},
		{"1.2", []string{"info outputs/derived-friendly-name", "warning outputs/official-schema-groups-entity"}, true, true},
		{"1.3", []string{"info outputs/derived-friendly-name", "warning outputs/official-schema-groups-entity"}, true, true},
		{"1.4", []string{"info outputs/derived-friendly-name"}, true, true},
		{"1.5", []string{"info outputs/derived-friendly-name"}, true, true},
		{"2", []string{"error outputs/unknown-version", "info outputs/derived-friendly-name"}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.version, func(t *testing.T) {
			out, fs := Build(sampleModel(), BuildOptions{Version: tt.version})
			if diff := cmp.Diff(tt.wantFindings, rules(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			for _, f := range fs {
				if f.Rule == RuleVersionDrop && !strings.Contains(f.Message, "--outputs-version") {
					t.Errorf("version-drop message does not name the flag: %s", f.Message)
				}
			}
			var doc map[string]any
			if err := json.Unmarshal(out.JSON(), &doc); err != nil {
				t.Fatal(err)
			}
			storage := doc["storage"].(map[string]any)
			buckets, hasBuckets := storage["buckets"]
			if hasBuckets != tt.wantBuckets {
				t.Fatalf("buckets present = %v, want %v", hasBuckets, tt.wantBuckets)
			}
			if hasBuckets {
				_, hasPaths := buckets.([]any)[1].(map[string]any)["paths"]
				if hasPaths != tt.wantPaths {
					t.Errorf("paths present = %v, want %v", hasPaths, tt.wantPaths)
				}
			}
			if storage["bucket_name"] != "media4f2a9c1d203040-dev" {
				t.Errorf("bucket_name = %v", storage["bucket_name"])
			}
		})
	}
}

func TestBuildTables(t *testing.T) {
	m := &schema.Model{ProjectRegion: str("us-west-2"), Tables: []schema.Table{
		{TableName: str("plain")},
		{Name: str("bad"), TableName: str("badkey"), PartitionKey: &schema.Key{Name: str("id"), Type: str("STRING")}},
		{Name: str("nothing")},
	}}
	out, fs := Build(m, BuildOptions{})
	if diff := cmp.Diff([]string{"warning outputs/dynamodb-key-type", "warning outputs/missing-table-name"}, rules(fs)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	want := []Table{{Name: "plain", TableName: "plain", AWSRegion: "us-west-2", Source: str("").Pos},
		{Name: "bad", TableName: "badkey", AWSRegion: "us-west-2", Source: str("").Pos}}
	if diff := cmp.Diff(want, out.Tables); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
	if out.Storage != nil {
		t.Errorf("storage = %+v, want none", out.Storage)
	}
	out, _ = Build(m, BuildOptions{NoTables: true})
	if out.Tables != nil {
		t.Errorf("NoTables: tables = %+v", out.Tables)
	}
	if got := string(out.JSON()); got != "{\n  \"version\": \"1.5\"\n}\n" {
		t.Errorf("empty outputs = %q", got)
	}
}
