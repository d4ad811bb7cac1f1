package hostingenv

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// TestCheckFixtures checks each fixtures/env/check/*.env against projectBoth's env dev; the
// expected findings are in the .out file beside it (-update rewrites them).
func TestCheckFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixturesDir(t), "check", "*.env"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			entries, diags := ParseDotenv(name, data)
			diags = append(diags, Check(projectBoth(), "dev", entries, name)...)
			golden(t, filepath.Join("check", strings.TrimSuffix(name, ".env")+".out"), diagLines(validate.Sort(diags)))
		})
	}
}

func TestCheckOKIsClean(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixturesDir(t), "check", "ok.env"))
	if err != nil {
		t.Fatal(err)
	}
	entries, diags := ParseDotenv("ok.env", data)
	if diags = append(diags, Check(projectBoth(), "dev", entries, "ok.env")...); len(diags) != 0 {
		t.Errorf("ok.env has findings:\n%s", diagLines(diags))
	}
}

func TestCheckTrapMessages(t *testing.T) {
	// Region and tables set, bucket missing: the S3 importer fails, asking for bucketName only.
	env := FromEnviron([]string{RegionVar + "=us-east-1", TablesVar + `={"comments":"Comments-dev","posts":"Posts-dev"}`})
	ds := Check(projectBoth(), "dev", env, "environment")
	if diff := cmp.Diff([]string{RuleMissing}, rules(ds)); diff != "" {
		t.Fatalf("(-want +got):\n%s\n%s", diff, diagLines(ds))
	}
	if want := `"storage headless is missing the following inputParams bucketName"`; !strings.Contains(ds[0].Message, want) {
		t.Errorf("message %q lacks %s", ds[0].Message, want)
	}
	if ds[0].File != "environment" || ds[0].Line != 0 {
		t.Errorf("position %v", ds[0].Pos())
	}
	// Nothing set: each missing variable names both importers' errors.
	ds = Check(projectBoth(), "dev", nil, "environment")
	if diff := cmp.Diff([]string{RuleMissing, RuleMissing, RuleMissing}, rules(ds)); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	for _, want := range []string{"inputParams bucketName, region", "inputParams tables, region"} {
		if !strings.Contains(diagLines(ds), want) {
			t.Errorf("findings lack %q:\n%s", want, diagLines(ds))
		}
	}
}

func TestCheckEnvironPositions(t *testing.T) {
	env := FromEnviron([]string{
		BucketNameVar + "=my-app-userfiles", RegionVar + "=us-east-1",
		TablesVar + `={"posts":"Posts-dev","comments":"Comments-dev",}`,
		"PATH=/usr/bin",
	})
	ds := Check(projectBoth(), "dev", env, "environment")
	if len(ds) != 1 {
		t.Fatalf("want one finding:\n%s", diagLines(ds))
	}
	// The stray comma is at column 47 of the value; JSON complains at the "}" after it.
	if got := ds[0].String(); !strings.HasPrefix(got, "$AMPLIFY_STORAGE_TABLES:1:48: error: ") {
		t.Errorf("got %s", got)
	}
	if ds[0].Snippet != `{"posts":"Posts-dev","comments":"Comments-dev",}` {
		t.Errorf("snippet %q", ds[0].Snippet)
	}
}

func TestCheckNothingImported(t *testing.T) {
	env := FromEnviron([]string{RegionVar + "=us-east-1"})
	ds := Check(projectManagedOnly(), "dev", env, "environment")
	if diff := cmp.Diff([]string{RuleUnneeded, RuleNothingImported}, rules(ds)); diff != "" {
		t.Errorf("(-want +got):\n%s\n%s", diff, diagLines(ds))
	}
	// Tables only: a placeholder bucket name is harmless, reported as info.
	env = FromEnviron([]string{BucketNameVar + "=placeholder", RegionVar + "=us-east-1", TablesVar + `={"posts":"Posts-dev"}`})
	ds = Check(projectTablesOnly(), "dev", env, "environment")
	if len(ds) != 1 || ds[0].Rule != RuleUnneeded || ds[0].Severity != validate.Info {
		t.Errorf("want one info %s:\n%s", RuleUnneeded, diagLines(ds))
	}
}

func TestClosest(t *testing.T) {
	names := []string{"comments", "posts", "userProfiles"}
	for in, want := range map[string]string{
		"Posts": "posts", "coments": "comments", "userprofile": "userProfiles", "zzz": "", "post": "posts", "x": "",
	} {
		if got := closest(in, names); got != want {
			t.Errorf("closest(%q) = %q, want %q", in, got, want)
		}
	}
}
