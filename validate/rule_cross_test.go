package validate

import (
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

func TestCrossCheck(t *testing.T) {
	pos := func(f string, line int) schema.Pos { return schema.At(schema.Place{File: f, Line: line, Column: 5}) }
	tpi := &schema.Model{
		Buckets: []schema.Bucket{
			{Name: schema.Str("userfiles", pos("tpi.json", 5)), BucketName: schema.Str("files-dev", pos("tpi.json", 6)),
				Region: schema.Str("us-east-1", pos("tpi.json", 7)), Env: "dev"},
			{Name: schema.Str("userfiles", pos("tpi.json", 15)), BucketName: schema.Str("files-prod", pos("tpi.json", 16)),
				Region: schema.Str("eu-west-1", pos("tpi.json", 17)), Env: "prod"},
		},
		Tables: []schema.Table{{Name: schema.Str("posts", pos("tpi.json", 8)), TableName: schema.Str("posts-dev", pos("tpi.json", 9)),
			Region: schema.Str("us-east-1", pos("tpi.json", 10)), Env: "dev"}},
	}
	exports := &schema.Model{
		Buckets: []schema.Bucket{{BucketName: schema.Str("files-prod", pos("src/aws-exports.js", 3)),
			Region: schema.Str("us-east-1", pos("src/aws-exports.js", 4)), Default: true}},
		Tables: []schema.Table{{TableName: schema.Str("posts-dev", pos("src/aws-exports.js", 6)),
			Region: schema.Str("us-east-2", pos("src/aws-exports.js", 7))}},
	}
	native := &schema.Model{Buckets: []schema.Bucket{{BucketName: schema.Str("files-dev", pos("app/amplifyconfiguration.json", 9)),
		Region: schema.Str("us-east-1", pos("app/amplifyconfiguration.json", 10))}}}
	localEnv := &schema.Model{CurrentEnv: schema.Str("dev", pos("amplify/.config/local-env-info.json", 2))}
	sources := []SourceModel{
		{File: "src/aws-exports.js", Format: schema.AWSExports, Model: exports},
		{File: "amplify/.config/local-env-info.json", Format: schema.LocalEnvInfo, Model: localEnv},
		{File: "app/amplifyconfiguration.json", Format: schema.AmplifyConfigNative, Model: native},
		{File: "tpi.json", Format: schema.TeamProviderInfo, Model: tpi},
	}
	ds := CrossCheck("", sources)
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{
		`src/aws-exports.js:3:5: error: bucket "userfiles": bucket name "files-prod" differs from "files-dev" at tpi.json:6:5 (team-provider-info); one of the copies is stale: regenerate this file from the backend or correct it [project/stale-copy]`,
		`src/aws-exports.js:7:5: error: table "posts": region "us-east-2" differs from "us-east-1" at tpi.json:10:5 (team-provider-info); one of the copies is stale: regenerate this file from the backend or correct it [project/stale-copy]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// For env prod, the native copy (files-dev) is the stale one too.
	ds = CrossCheck("prod", sources)
	if len(ds) != 3 {
		t.Errorf("prod: got %d diagnostics: %v", len(ds), ds)
	}
}
