package validate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// at returns a position on line n of f.json.
func at(n int) schema.Pos { return schema.At(schema.Place{File: "f.json", Line: n, Column: 3}) }

func rulesOf(ds []Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s@%02d", d.Rule, d.Line))
	}
	return out
}

func TestCheckModelFlatWeb(t *testing.T) {
	m := &schema.Model{Buckets: []schema.Bucket{{
		BucketName:   schema.Str("my-bucket", at(2)),
		TestEndpoint: schema.Bool{Value: true, Set: true, Pos: at(3)},
	}}}
	got := strings.Join(rulesOf(Sort(CheckModel(m, schema.AWSExports))), " ")
	want := "aws-exports/missing-project-region@02 s3/region-missing@02 s3/test-endpoint@03"
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	// The same bucket in a native config: amplify-js rules do not apply.
	if ds := CheckModel(&schema.Model{Buckets: []schema.Bucket{{BucketName: schema.Str("my-bucket", at(2))}}},
		schema.AmplifyConfigNative); len(ds) != 0 {
		t.Errorf("native: %v", ds)
	}
}

func TestCheckModelValues(t *testing.T) {
	m := &schema.Model{
		ProjectRegion: schema.Str("us-east1", at(1)),
		Buckets: []schema.Bucket{
			{BucketName: schema.Str("XXXXXXXX", at(2)), Region: schema.Str("us-east-9", at(3))},
			{BucketName: schema.Str("amplify-app-dev-123456-deployment", at(4)), Region: schema.Str("${REGION}", at(5))},
			{BucketName: schema.Str("Bad_Name", at(6)), Region: schema.Str("eu-west-1", at(7))},
			{BucketName: schema.Str("derived-NAME", schema.Pos{}), DerivedName: true},
		},
		Tables: []schema.Table{{TableName: schema.Str("t", at(8)), Region: schema.Str("aws-global", at(9))}},
	}
	got := strings.Join(rulesOf(Sort(CheckModel(m, schema.TeamProviderInfo))), " ")
	want := "region/malformed@01 values/placeholder@02 region/unknown@03 s3/deployment-bucket@04 " +
		"values/placeholder@05 s3/bucket-name@06 dynamodb/table-name@08 region/unknown@09"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	for _, d := range CheckModel(m, schema.TeamProviderInfo) {
		if d.Rule == RuleRegionMalformed && !strings.Contains(d.Message, `did you mean "us-east-1"?`) {
			t.Errorf("no suggestion: %s", d.Message)
		}
	}
}

func TestCheckModelOutputs(t *testing.T) {
	const sub = OwnerToken
	str := func(v string, line int) schema.String { return schema.Str(v, at(line)) }
	m := &schema.Model{Buckets: []schema.Bucket{
		{Name: str("media", 1), BucketName: str("media-bucket", 2), Region: str("us-east-1", 3), Default: true,
			Paths: []schema.AccessPath{
				{Path: str("public/*", 10), Rules: []schema.AccessRule{
					{Principal: str("guest", 11), Actions: []schema.String{str("read", 11), str("get", 11)}},
					{Principal: str("guest", 12), Actions: []schema.String{str("write", 12)}},
				}},
				{Path: str("protected/"+sub+"/*", 13), Rules: []schema.AccessRule{{Principal: str("entityidentity", 13)}}},
				{Path: str("protected/*", 14), Rules: []schema.AccessRule{{Principal: str("authenticated", 14)}}},
				{Path: str("/bad/*", 15)},
			}},
		{Name: str("media", 20), BucketName: str("other-bucket", 21), Region: str("us-east-1", 22), Default: true},
		{Name: str("9lives", 30), BucketName: str("third-bucket", 31), Region: str("us-east-1", 32)},
	}}
	got := strings.Join(rulesOf(Sort(CheckModel(m, schema.AmplifyOutputs))), " ")
	want := "paths/read-with-get-list@11 paths/duplicate-principal@12 paths/leading-slash@15 " +
		"storage/duplicate-name@20 storage/one-default@20 storage/friendly-name@30"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCheckOutputsValue(t *testing.T) {
	doc := map[string]any{"storage": map[string]any{"bucket_name": "a",
		"buckets": []any{map[string]any{"bucket_name": "b"}, map[string]any{"bucket_name": "c"}}}}
	ds := CheckOutputsValue(doc, "o.json", nil)
	// Not listed, and (being in no model bucket) its name is checked here too: "a" is too short.
	if len(ds) != 2 || ds[0].Rule != RuleDefaultNotListed || !strings.Contains(ds[0].Message, `(which lists "b", "c")`) ||
		ds[1].Rule != RuleBucketName {
		t.Errorf("got %v", ds)
	}
	doc["storage"].(map[string]any)["bucket_name"] = "c"
	if ds := CheckOutputsValue(doc, "o.json", nil); len(ds) != 0 {
		t.Errorf("listed default flagged: %v", ds)
	}
	if ds := CheckOutputsValue(map[string]any{"storage": map[string]any{"bucket_name": "a"}}, "o.json", nil); len(ds) != 0 {
		t.Errorf("version 1 (no buckets) flagged: %v", ds)
	}
}

func TestFilter(t *testing.T) {
	ds := []Diagnostic{{Rule: "paths/leading-slash"}, {Rule: "s3/bucket-name"}, {Rule: "s3/test-endpoint"}, {Rule: "region/unknown"}}
	got := Filter(ds, Options{Ignore: []string{"paths/*", "s3/test-endpoint", "region/"}})
	if len(got) != 1 || got[0].Rule != "s3/bucket-name" {
		t.Errorf("got %v", got)
	}
}

// TestPrincipalSetFindsFirstDuplicate: the set reports the first principal of a repeated name
// whether it is scanning its list or has switched to a map (more than principalSetScanMax).
func TestPrincipalSetFindsFirstDuplicate(t *testing.T) {
	for _, n := range []int{1, principalSetScanMax, principalSetScanMax + 1, 5 * principalSetScanMax} {
		var s principalSet
		s.reset()
		ps := make([]schema.String, n)
		for i := range ps {
			ps[i] = schema.Str(fmt.Sprintf("p%d", i), schema.Pos{})
			if first := s.add(&ps[i]); first != nil {
				t.Fatalf("n=%d: %q reported as a duplicate of %q", n, ps[i].Value, first.Value)
			}
		}
		for _, i := range []int{0, n / 2, n - 1} {
			again := schema.Str(ps[i].Value, schema.Pos{})
			if first := s.add(&again); first != &ps[i] {
				t.Errorf("n=%d: second %q: first = %v, want the one at index %d", n, again.Value, first, i)
			}
		}
		s.reset()
		if first := s.add(&ps[0]); first != nil {
			t.Errorf("n=%d: after reset, %q is a duplicate of %v", n, ps[0].Value, first)
		}
	}
}
