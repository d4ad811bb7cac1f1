package hostingenv

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// A bucket or table name that AWS refuses is an error for `env` too, not only for `env check`:
// printing it as a variable would only move the failure into the Hosting build.
func TestVariablesRefuseBadNames(t *testing.T) {
	m := projectBoth()
	m.Buckets[0].BucketName = str("My Bucket\n$(x)", 11)
	m.Tables[0].TableName = str("ab", 20)
	_, diags := Variables(m, "dev")
	var got []string
	for _, d := range diags {
		if d.Severity == validate.Error {
			got = append(got, d.Rule)
		}
	}
	if diff := cmp.Diff([]string{RuleBucketName, RuleTableName}, dedupe(got)); diff != "" {
		t.Fatalf("error rules (-want +got):\n%s\n%v", diff, diags)
	}
	for _, d := range diags {
		if d.Rule == RuleBucketName && (d.Line != 11 || !strings.Contains(d.Message, "team-provider-info.json")) {
			t.Errorf("bucket finding %v: want line 11 and a hint to fix team-provider-info.json", d)
		}
	}
}

func dedupe(xs []string) []string {
	var out []string
	for _, x := range xs {
		if len(out) == 0 || out[len(out)-1] != x {
			out = append(out, x)
		}
	}
	return out
}
