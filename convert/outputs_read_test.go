package convert

import (
	"strings"
	"testing"
)

func TestOutputsOrderAndDefault(t *testing.T) {
	doc := readFixture(t, "fixtures/read/amplify-outputs/three-buckets.json", ReadOptions{})
	b := doc.Model.Buckets
	if len(b) != 3 || b[0].Default || !b[1].Default || b[2].Default {
		t.Fatalf("default is not the second bucket: %+v", b)
	}
	var paths, principals []string
	for _, p := range b[1].Paths {
		paths = append(paths, p.Path.Value)
	}
	for _, r := range b[1].Paths[2].Rules {
		principals = append(principals, r.Principal.Value)
	}
	if got := strings.Join(paths, " "); got != "reports/${cognito-identity.amazonaws.com:sub}/* reports/* public/*" {
		t.Errorf("paths out of file order: %s", got)
	}
	if got := strings.Join(principals, " "); got != "guest authenticated resource" {
		t.Errorf("principals out of file order: %s", got)
	}
	if doc.Model.OutputsVersion.Value != "1.3" || doc.Model.OutputsVersion.Pos.Line() != 3 {
		t.Errorf("version %+v", doc.Model.OutputsVersion)
	}
}

func TestOutputsVersion1MakesOneBucket(t *testing.T) {
	doc := readFixture(t, "fixtures/read/amplify-outputs/v1.json", ReadOptions{})
	b := doc.Model.Buckets
	if len(b) != 1 || !b[0].Default || b[0].Region.Value != "us-east-1" || b[0].Name.Set {
		t.Errorf("buckets %+v", b)
	}
}

func TestOutputsTables(t *testing.T) {
	doc := readFixture(t, "fixtures/read/amplify-outputs/with-tables.json", ReadOptions{})
	tb := doc.Model.Tables
	if len(tb) != 2 || tb[0].SortKey == nil || tb[0].SortKey.Type.Value != "N" || tb[1].Name.Value != "likes-prod" || tb[1].PartitionKey != nil {
		t.Errorf("tables %+v", tb)
	}
}

func BenchmarkReadAmplifyOutputs(b *testing.B) {
	benchmarkFixture(b, "fixtures/read/amplify-outputs/three-buckets.json")
}
