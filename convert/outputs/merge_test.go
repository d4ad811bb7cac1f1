package outputs

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/tidwall/gjson"
)

// smallOutputs is one bucket with one path and one table.
func smallOutputs(version string) *Outputs {
	m := &schema.Model{
		Buckets: []schema.Bucket{bucket("media", "media-bucket", "us-east-1")},
		Tables:  []schema.Table{{Name: str("posts"), TableName: str("posts-dev"), Region: str("us-east-1")}},
	}
	m.Buckets[0].Paths = []schema.AccessPath{path("public/*", rule("guest", "get"))}
	out, _ := Build(m, BuildOptions{Version: version})
	return out
}

func TestMergeExact(t *testing.T) {
	tests := []struct {
		name, existing, want string
	}{
		{
			name: "replace storage, keep auth and other custom keys, insert dynamodb_tables",
			existing: `{
  "auth": {
    "user_pool_id": "us-east-1_abc"
  },
  "storage": {"aws_region": "eu-west-1", "bucket_name": "old"},
  "version": "1.5",
  "custom": {
    "other": 1
  }
}`,
			want: `{
  "auth": {
    "user_pool_id": "us-east-1_abc"
  },
  "storage": {
    "aws_region": "us-east-1",
    "bucket_name": "media-bucket",
    "buckets": [
      {
        "name": "media",
        "bucket_name": "media-bucket",
        "aws_region": "us-east-1",
        "paths": {
          "public/*": {
            "guest": [
              "get"
            ]
          }
        }
      }
    ]
  },
  "version": "1.5",
  "custom": {
    "other": 1,
    "dynamodb_tables": [
      {
        "name": "posts",
        "table_name": "posts-dev",
        "aws_region": "us-east-1"
      }
    ]
  }
}`,
		},
		{
			name:     "compact one-line, no custom, storage last",
			existing: `{"version":"1.5","auth":{"a":1},"storage":{"bucket_name":"x"}}`,
			want: `{"version":"1.5","auth":{"a":1},"storage":{"aws_region":"us-east-1","bucket_name":"media-bucket","buckets":[{"name":"media","bucket_name":"media-bucket","aws_region":"us-east-1","paths":{"public/*":{"guest":["get"]}}}]},` +
				`"custom":{"dynamodb_tables":[{"name":"posts","table_name":"posts-dev","aws_region":"us-east-1"}]}}`,
		},
		{
			name:     "tabs, CRLF, no storage, trailing newline kept",
			existing: "{\r\n\t\"version\": \"1.5\",\r\n\t\"custom\": {}\r\n}\r\n",
			want: "{\r\n\t\"version\": \"1.5\",\r\n\t\"custom\": {\r\n\t\t\"dynamodb_tables\": [\r\n\t\t\t{\r\n\t\t\t\t\"name\": \"posts\",\r\n\t\t\t\t\"table_name\": \"posts-dev\",\r\n\t\t\t\t\"aws_region\": \"us-east-1\"\r\n\t\t\t}\r\n\t\t]\r\n\t},\r\n" +
				"\t\"storage\": {\r\n\t\t\"aws_region\": \"us-east-1\",\r\n\t\t\"bucket_name\": \"media-bucket\",\r\n\t\t\"buckets\": [\r\n\t\t\t{\r\n\t\t\t\t\"name\": \"media\",\r\n\t\t\t\t\"bucket_name\": \"media-bucket\",\r\n\t\t\t\t\"aws_region\": \"us-east-1\",\r\n\t\t\t\t\"paths\": {\r\n\t\t\t\t\t\"public/*\": {\r\n\t\t\t\t\t\t\"guest\": [\r\n\t\t\t\t\t\t\t\"get\"\r\n\t\t\t\t\t\t]\r\n\t\t\t\t\t}\r\n\t\t\t\t}\r\n\t\t\t}\r\n\t\t]\r\n\t}\r\n}\r\n",
		},
		{
			name:     "empty object gets Amplify's layout",
			existing: "{}",
			want:     strings.TrimSuffix(string(smallOutputs("1.5").JSON()), "\n"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Merge([]byte(tt.existing), smallOutputs("1.5"))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("Merge (-want +got):\n%s", diff)
			}
			if !json.Valid(got) {
				t.Errorf("result is not valid JSON")
			}
		})
	}
}

// TestMergeKeepsEveryOtherByte checks, on tricky files, that the result decodes to the new
// storage and tables, and that every other top-level member and every other custom key is
// byte-for-byte what it was, in the same order.
func TestMergeKeepsEveryOtherByte(t *testing.T) {
	files := map[string]string{
		"storage last, no trailing newline": "{\n    \"version\": \"1.3\",\n    \"auth\": {\"x\": [1, 2, 3]},\n    \"storage\": {\n        \"aws_region\": \"a\", \"bucket_name\": \"b\"\n    }\n}",
		"duplicate storage, last wins":      `{"storage": {"a": 1}, "geo": {"maps": {}}, "storage": {"b": 2}}` + "\n",
		"custom with tables and others":     "{\n  \"custom\": {\n    \"api\": \"x\",\n    \"dynamodb_tables\": [],\n    \"z\": null\n  },\n  \"data\": {\"url\": \"https://example.com/${x}\"}\n}\n",
		"BOM and spaces after colon":        "\xEF\xBB\xBF{ \"version\" :  \"1.4\" , \"notifications\" : { } }",
		"unicode and escapes elsewhere":     "{\n  \"auth\": {\"name\": \"caf\\u00e9 ☕\", \"q\": \"\\\"\"},\n  \"version\": \"1.5\"\n}\n",
	}
	for name, existing := range files {
		t.Run(name, func(t *testing.T) {
			out := smallOutputs(ExistingVersion([]byte(existing)))
			if out.Version == "" {
				out.Version = DefaultVersion
			}
			got, err := Merge([]byte(existing), out)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.HasPrefix([]byte(existing), []byte("\xEF\xBB\xBF")) != bytes.HasPrefix(got, []byte("\xEF\xBB\xBF")) {
				t.Errorf("BOM not kept")
			}
			if strings.HasSuffix(existing, "\n") != strings.HasSuffix(string(got), "\n") {
				t.Errorf("final newline changed")
			}
			gotData := bytes.TrimPrefix(got, []byte("\xEF\xBB\xBF"))
			oldData := []byte(strings.TrimPrefix(existing, "\xEF\xBB\xBF"))
			if !json.Valid(gotData) {
				t.Fatalf("result is not valid JSON:\n%s", got)
			}
			// The new sections decode to exactly what Build wrote.
			var fresh, merged map[string]any
			_ = json.Unmarshal(out.JSON(), &fresh)
			_ = json.Unmarshal(gotData, &merged)
			if diff := cmp.Diff(fresh["storage"], merged["storage"]); diff != "" {
				t.Errorf("storage (-want +got):\n%s", diff)
			}
			wantTables := fresh["custom"].(map[string]any)["dynamodb_tables"]
			if diff := cmp.Diff(wantTables, merged["custom"].(map[string]any)["dynamodb_tables"]); diff != "" {
				t.Errorf("dynamodb_tables (-want +got):\n%s", diff)
			}
			// Every other member keeps its raw bytes and order.
			other := func(data []byte, skip string) []string {
				var raws []string
				gjson.ParseBytes(data).ForEach(func(k, v gjson.Result) bool {
					if k.Str != skip {
						raws = append(raws, k.Raw+"="+v.Raw)
					}
					return true
				})
				return raws
			}
			oldTop, newTop := other(oldData, "storage"), other(gotData, "storage")
			if !gjson.GetBytes(oldData, "version").Exists() {
				newTop = filterPrefix(newTop, `"version"=`) // inserted: the schema requires it
			}
			if diff := cmp.Diff(filterPrefix(oldTop, `"custom"=`), filterPrefix(newTop, `"custom"=`)); diff != "" {
				t.Errorf("other members changed (-old +new):\n%s", diff)
			}
			if c := gjson.GetBytes(oldData, "custom"); c.Exists() {
				oldCustom := other([]byte(c.Raw), "dynamodb_tables")
				newCustom := other([]byte(gjson.GetBytes(gotData, "custom").Raw), "dynamodb_tables")
				if diff := cmp.Diff(oldCustom, newCustom); diff != "" {
					t.Errorf("other custom keys changed (-old +new):\n%s", diff)
				}
			}
		})
	}
}

func filterPrefix(ss []string, prefix string) []string {
	var out []string
	for _, s := range ss {
		if !strings.HasPrefix(s, prefix) {
			out = append(out, s)
		}
	}
	return out
}

func TestMergeVersion(t *testing.T) {
	existing := "{\n  \"version\": \"1.3\",\n  \"storage\": {}\n}\n"
	got, err := Merge([]byte(existing), smallOutputs("1.3"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(got), "{\n  \"version\": \"1.3\",\n") {
		t.Errorf("kept version: %s", got)
	}
	got, err = Merge([]byte(existing), smallOutputs("1.5"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(got), "{\n  \"version\": \"1.5\",\n") {
		t.Errorf("forced version: %s", got)
	}
	if v := ExistingVersion([]byte(`{"version":"1","version":"1.2"}`)); v != "1.2" {
		t.Errorf("ExistingVersion = %q, want the last duplicate", v)
	}
	if v := ExistingVersion([]byte(`{"version":`)); v != "" {
		t.Errorf("ExistingVersion(broken) = %q", v)
	}
}

func TestMergeUntouchedWhenNothingToWrite(t *testing.T) {
	existing := "{\"version\": \"1.5\", \"custom\": {\"dynamodb_tables\": [1]}}"
	got, err := Merge([]byte(existing), &Outputs{Version: "1.5"})
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != existing {
		t.Errorf("Merge changed a file it had nothing to write into:\n%s", got)
	}
	// Merging twice gives the same bytes (idempotent).
	once, _ := Merge([]byte(existing), smallOutputs("1.5"))
	twice, _ := Merge(once, smallOutputs("1.5"))
	if string(once) != string(twice) {
		t.Errorf("Merge is not idempotent:\n%s\n---\n%s", once, twice)
	}
}

func TestMergeRefusesBadFiles(t *testing.T) {
	for name, existing := range map[string]string{
		"invalid JSON":       `{"storage": `,
		"array":              `[1, 2]`,
		"custom not object":  `{"custom": [1]}`,
		"empty":              ``,
		"merge conflict":     "{\n<<<<<<< HEAD\n}",
		"trailing garbage":   `{} {}`,
		"string at the root": `"x"`,
	} {
		if _, err := Merge([]byte(existing), smallOutputs("1.5")); err == nil {
			t.Errorf("%s: Merge accepted %q", name, existing)
		}
	}
}
