package validate

import (
	"strings"
	"testing"
)

func TestBucketNameProblems(t *testing.T) {
	valid := []string{"abc", "my-bucket-123", "a1b", strings.Repeat("a", 63), "amplify-app-dev-12345-storage",
		"1.2.3", "xn-ok", "s3alias-bucket"}
	for _, name := range valid {
		for _, p := range BucketNameProblems(name) {
			if p.Rule == RuleBucketName {
				t.Errorf("BucketNameProblems(%q) = %q, want valid", name, p.Message)
			}
		}
	}
	tests := []struct{ name, want string }{
		{"ab", "is 2 characters long"},
		{strings.Repeat("a", 64), "is 64 characters long"},
		{"My-Bucket", `holds "M" at character 1`},
		{"my_bucket", `holds "_" at character 3`},
		{"-bucket", `starts with "-"`},
		{"bucket-", `ends with "-"`},
		{".bucket", `starts with "."`},
		{"my..bucket", `contains ".."`},
		{"192.168.5.4", "formatted as an IP address"},
		{"xn--bucket", `starts with "xn--"`},
		{"sthree-bucket", `starts with "sthree-"`},
		{"amzn-s3-demo-bucket", `starts with "amzn-s3-demo-"`},
		{"bucket-s3alias", `ends with "-s3alias"`},
		{"bucket--ol-s3", `ends with "--ol-s3"`},
		{"bucket.mrap", `ends with ".mrap"`},
		{"bucket--x-s3", `ends with "--x-s3"`},
		{"bucket--table-s3", `ends with "--table-s3"`},
	}
	for _, tt := range tests {
		ps := BucketNameProblems(tt.name)
		found := false
		for _, p := range ps {
			if p.Rule != RuleBucketName || p.Severity != Error {
				t.Errorf("%q: rule %s severity %s", tt.name, p.Rule, p.Severity)
			}
			found = found || strings.Contains(p.Message, tt.want)
		}
		if !found {
			t.Errorf("BucketNameProblems(%q) = %+v, want a message containing %q", tt.name, ps, tt.want)
		}
	}
	if ps := BucketNameProblems("my.bucket"); len(ps) != 1 || ps[0].Rule != RuleBucketNameDots || ps[0].Severity != Warning {
		t.Errorf("dotted name: %+v", ps)
	}
	if ps := BucketNameProblems("My.Bucket"); len(ps) != 1 || ps[0].Rule != RuleBucketName {
		t.Errorf("an invalid dotted name reports only the naming error: %+v", ps)
	}
}

func TestTableNameProblems(t *testing.T) {
	for _, ok := range []string{"abc", "Posts-dev", "a_b.c-D", strings.Repeat("x", 255)} {
		if ps := TableNameProblems(ok); len(ps) != 0 {
			t.Errorf("TableNameProblems(%q) = %+v", ok, ps)
		}
	}
	for name, want := range map[string]string{
		"ab":                     "is 2 characters long",
		strings.Repeat("x", 256): "is 256 characters long",
		"my table":               `holds " " at character 3`,
		"tábla":                  `holds "á" at character 2`,
	} {
		ps := TableNameProblems(name)
		if len(ps) == 0 || !strings.Contains(ps[0].Message, want) || ps[0].Rule != RuleTableName {
			t.Errorf("TableNameProblems(%q) = %+v, want %q", name, ps, want)
		}
	}
}

func TestPlaceholderKind(t *testing.T) {
	for _, v := range []string{"XXXXXXXX", "my-bucket-xxxxxx", "<bucket-name>", "${BUCKET}", "$S3_BUCKET",
		"{{bucket}}", "%BUCKET%", "YOUR_BUCKET", "your-bucket-name", "REPLACE_ME", "change-me", "placeholder",
		"insert-bucket-here", "TODO"} {
		if PlaceholderKind(v) == "" {
			t.Errorf("PlaceholderKind(%q) = \"\", want a placeholder", v)
		}
	}
	for _, v := range []string{"my-bucket", "us-east-1", "amplify-todo-dev-12345", "flavourbucket", "boxes",
		"storage-tours", "Posts-dev"} {
		if k := PlaceholderKind(v); k != "" {
			t.Errorf("PlaceholderKind(%q) = %q, want none", v, k)
		}
	}
}

func TestIsDeploymentBucket(t *testing.T) {
	for _, v := range []string{"amplify-myapp-dev-123456-deployment", "amplify-my-app-prod-20201-deployment",
		"myapp-deployments-mobilehub-1234567"} {
		if !IsDeploymentBucket(v) {
			t.Errorf("IsDeploymentBucket(%q) = false", v)
		}
	}
	for _, v := range []string{"amplify-myapp-dev-123456-storage", "my-deployment", "myapp-userfiles-mobilehub-1234"} {
		if IsDeploymentBucket(v) {
			t.Errorf("IsDeploymentBucket(%q) = true", v)
		}
	}
}
