package hostingenv

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

func TestVariables(t *testing.T) {
	tests := []struct {
		name  string
		model *schema.Model
		env   string
		want  Vars
		rules []string
	}{
		{"both", projectBoth(), "dev", Vars{
			{BucketNameVar, "my-app-userfiles"},
			{RegionVar, "us-east-1"},
			{TablesVar, `{"comments":"Comments-dev","posts":"Posts-dev"}`},
		}, nil},
		{"other env", projectBoth(), "staging", Vars{
			{BucketNameVar, "my-app-userfiles-staging"},
			{RegionVar, "us-east-1"},
			{TablesVar, `{"posts":"Posts-staging"}`},
		}, nil},
		{"bucket only: no tables variable", projectBucketOnly(), "dev", Vars{
			{BucketNameVar, "my-app-userfiles"}, {RegionVar, "eu-west-1"},
		}, nil},
		{"tables only: no bucket variable", projectTablesOnly(), "dev", Vars{
			{RegionVar, "us-east-1"}, {TablesVar, `{"posts":"Posts-dev"}`},
		}, nil},
		{"managed only", projectManagedOnly(), "dev", nil, []string{RuleNothingImported}},
		{"env with nothing", projectBoth(), "prod", nil, []string{RuleNothingImported}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := Variables(tt.model, tt.env)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("vars (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.rules, rules(diags)); diff != "" {
				t.Errorf("rules (-want +got):\n%s\n%s", diff, diagLines(diags))
			}
		})
	}
}

func TestVariablesNothingImportedSaysWhy(t *testing.T) {
	_, diags := Variables(projectManagedOnly(), "dev")
	if len(diags) != 1 || diags[0].Severity != validate.Info {
		t.Fatalf("want one info diagnostic, got %v", diags)
	}
	for _, want := range []string{`env "dev" has no imported storage`, "2 Amplify-managed", "never need them"} {
		if !strings.Contains(diags[0].Message, want) {
			t.Errorf("message %q lacks %q", diags[0].Message, want)
		}
	}
	_, diags = Variables(projectBoth(), "prod")
	if !strings.Contains(diags[0].Message, "env(s) dev, staging") {
		t.Errorf("message should name the envs that do import storage: %q", diags[0].Message)
	}
}

func TestVariablesRegionConflict(t *testing.T) {
	m := projectBoth()
	m.Buckets[0].Region = str("eu-west-1", 12)
	vars, diags := Variables(m, "dev")
	if got, _ := vars.Get(RegionVar); got != "eu-west-1" {
		t.Errorf("region = %q, want the bucket's", got)
	}
	if diff := cmp.Diff([]string{RuleRegionConflict}, rules(diags)); diff != "" {
		t.Fatalf("rules (-want +got):\n%s", diff)
	}
	d := diags[0]
	if d.Severity != validate.Error {
		t.Errorf("severity %v, want error: one AMPLIFY_STORAGE_REGION cannot describe two regions", d.Severity)
	}
	for _, want := range []string{"eu-west-1", "us-east-1", `"Posts-dev"`, "only checks the region is non-empty", "move the imported tables"} {
		if !strings.Contains(d.Message, want) {
			t.Errorf("message %q lacks %q", d.Message, want)
		}
	}
	if d.Line != 22 { // the first table in another region, at its region
		t.Errorf("position %v, want the posts table's region (line 22)", d.Pos())
	}
}

func TestVariablesMultipleBuckets(t *testing.T) {
	m := projectBucketOnly()
	second := importedBucket("dev", "media", "my-app-media", "eu-west-1")
	second.Default = true
	second.Name = schema.Str("media", tpi(60, 5, ""))
	m.Buckets = append(m.Buckets, second)
	vars, diags := Variables(m, "dev")
	if got, _ := vars.Get(BucketNameVar); got != "my-app-media" {
		t.Errorf("bucket = %q, want the default one", got)
	}
	if diff := cmp.Diff([]string{RuleMultipleBuckets}, rules(diags)); diff != "" {
		t.Fatalf("rules (-want +got):\n%s", diff)
	}
	for _, want := range []string{"2 S3 resources", "already added to your project", "expected 1 element for resource"} {
		if !strings.Contains(diags[0].Message, want) {
			t.Errorf("message %q lacks %q", diags[0].Message, want)
		}
	}
	if diags[0].Line != 10 {
		t.Errorf("position %v, want the bucket that was not chosen (line 10)", diags[0].Pos())
	}
}

func TestVariablesMissingValues(t *testing.T) {
	m := projectBoth()
	m.Tables[0].Name = schema.String{}
	m.Buckets[0].BucketName = schema.String{}
	_, diags := Variables(m, "dev")
	if diff := cmp.Diff([]string{RuleMissingValue, RuleMissingValue}, rules(diags)); diff != "" {
		t.Fatalf("rules (-want +got):\n%s\n%s", diff, diagLines(diags))
	}
}

func TestVariablesAmbiguousEnv(t *testing.T) {
	_, diags := Variables(projectBoth(), "")
	if diff := cmp.Diff([]string{RuleAmbiguousEnv}, rules(diags)); diff != "" {
		t.Fatalf("rules (-want +got):\n%s", diff)
	}
	m := projectBoth()
	m.CurrentEnv = str("staging", 1)
	vars, diags := Variables(m, "")
	if got, _ := vars.Get(BucketNameVar); got != "my-app-userfiles-staging" || len(diags) != 0 {
		t.Errorf("current env not used: %v %v", vars, diags)
	}
}

func TestVarsMap(t *testing.T) {
	v := Vars{{"A", "1"}, {"B", "2"}, {"A", "3"}}
	if diff := cmp.Diff(map[string]string{"A": "3", "B": "2"}, v.Map()); diff != "" {
		t.Error(diff)
	}
	if got, ok := v.Get("A"); got != "3" || !ok {
		t.Errorf("Get(A) = %q, %v", got, ok)
	}
	if _, ok := v.Get("C"); ok {
		t.Error("Get(C) found something")
	}
}
