package convert

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

func TestReadBackendConfig(t *testing.T) {
	doc := readAs(t, "amplify/backend/backend-config.json", schema.BackendConfig, `{
  "function": {"resize": {"service": "Lambda"}},
  "storage": {
    "media": {"service": "S3", "providerPlugin": "awscloudformation"},
    "orders": {"service": "DynamoDB", "serviceType": "imported", "providerPlugin": "awscloudformation"},
    "odd": {"service": "EFS"},
    "bare": {}
  }
}`)
	var got []string
	for _, r := range doc.Model.Resources {
		got = append(got, r.Name.Value+":"+r.Service+":"+string(r.Management))
	}
	if want := []string{"media:S3:managed", "orders:DynamoDB:imported", "odd::managed", "bare::managed"}; !slices.Equal(got, want) {
		t.Errorf("resources = %v, want %v", got, want)
	}
	if want := []string{"6:24 warning " + RuleGen1UnknownService, "7:13 warning " + RuleGen1MissingField}; !slices.Equal(rules(doc.Diagnostics), want) {
		t.Errorf("diagnostics = %v, want %v", rules(doc.Diagnostics), want)
	}
}

func TestReadCLIInputs(t *testing.T) {
	s3 := readAs(t, "amplify/backend/storage/media/cli-inputs.json", "", `{
  "resourceName": "media",
  "policyUUID": "1a2b3c4d",
  "bucketName": "myappmedia",
  "storageAccess": "auth",
  "guestAccess": [],
  "authAccess": ["READ", 7],
  "groupAccess": {"Admins": ["READ", "DELETE"]},
  "triggerFunction": "NONE"
}`)
	if s3.Format != schema.CLIInputs {
		t.Fatalf("format = %q", s3.Format)
	}
	if len(s3.Model.Buckets) != 1 || len(s3.Model.Resources) != 1 {
		t.Fatalf("model = %+v", s3.Model)
	}
	b := s3.Model.Buckets[0]
	if b.BucketName.Set {
		t.Errorf("cli-inputs bucketName is a base name, not the physical name: %+v", b.BucketName)
	}
	if r := s3.Model.Resources[0]; r.BaseName.Value != "myappmedia" || r.Service != schema.ServiceS3 || r.Management != schema.Managed {
		t.Errorf("resource = %+v", r)
	}
	if b.Gen1.StorageAccess.Value != "auth" || len(b.Gen1.Auth) != 1 ||
		len(b.Gen1.Groups) != 1 || b.Gen1.Groups[0].Actions[1].Value != "DELETE" || b.Gen1.TriggerFunction.Set {
		t.Errorf("access = %+v", b.Gen1)
	}
	if want := []string{"7:26 warning " + RuleGen1Type}; !slices.Equal(rules(s3.Diagnostics), want) {
		t.Errorf("diagnostics = %v, want %v", rules(s3.Diagnostics), want)
	}

	ddb := readAs(t, "amplify/backend/storage/orders/cli-inputs.json", schema.CLIInputs, `{
  "tableName": "orders",
  "partitionKey": {"fieldName": "orderId", "fieldType": "string"},
  "sortKey": {"fieldName": "tags", "fieldType": "list"}
}`)
	if len(ddb.Model.Tables) != 1 {
		t.Fatalf("model = %+v", ddb.Model)
	}
	tb := ddb.Model.Tables[0]
	if tb.Name.Value != "orders" || tb.TableName.Set || tb.PartitionKey.Type.Value != "S" || tb.SortKey.Type.Value != "list" {
		t.Errorf("table = %+v (name from the folder, keys %+v %+v)", tb, tb.PartitionKey, tb.SortKey)
	}
	if want := []string{"4:49 warning " + RuleGen1KeyType}; !slices.Equal(rules(ddb.Diagnostics), want) {
		t.Errorf("diagnostics = %v, want %v", rules(ddb.Diagnostics), want)
	}
}

const metaDev = `{
  "providers": {
    "awscloudformation": {
      "Region": "us-west-2",
      "StackName": "amplify-photoapp-dev-172355",
      "DeploymentBucketName": "amplify-photoapp-dev-172355-deployment"
    }
  },
  "storage": {
    "photos": {
      "service": "S3",
      "providerPlugin": "awscloudformation",
      "output": {"BucketName": "photoappmedia4f8e2b1d172355-dev", "Region": "us-west-2"}
    },
    "comments": {
      "service": "DynamoDB",
      "providerPlugin": "awscloudformation",
      "output": {"Name": "comments-dev", "Region": "us-west-2",
        "Arn": "arn:aws:dynamodb:us-west-2:123456789012:table/comments-dev",
        "StreamArn": "arn:aws:dynamodb:us-west-2:123456789012:table/comments-dev/stream/2024-01-01T00:00:00.000",
        "PartitionKeyName": "postId", "PartitionKeyType": "S", "SortKeyName": "createdAt", "SortKeyType": "N"}
    }
  }
}`

func TestReadAmplifyMeta(t *testing.T) {
	doc := readAs(t, "amplify/backend/amplify-meta.json", schema.AmplifyMeta, metaDev)
	m := doc.Model
	if len(m.Gen1Envs) != 1 || m.Gen1Envs[0].StackName.Value != "amplify-photoapp-dev-172355" || m.ProjectRegion.Value != "us-west-2" {
		t.Errorf("provider = %+v", m.Gen1Envs)
	}
	if len(m.Buckets) != 1 || m.Buckets[0].BucketName.Value != "photoappmedia4f8e2b1d172355-dev" || m.Buckets[0].Region.Pos.Line() != 13 {
		t.Errorf("buckets = %+v", m.Buckets)
	}
	if len(m.Tables) != 1 || m.Tables[0].StreamARN.Value == "" || m.Tables[0].SortKey.Name.Value != "createdAt" {
		t.Errorf("tables = %+v", m.Tables)
	}
	if len(doc.Diagnostics) != 0 {
		t.Errorf("diagnostics = %v", doc.Diagnostics)
	}
}

func TestReadLocalEnvInfo(t *testing.T) {
	doc := readAs(t, "amplify/.config/local-env-info.json", schema.LocalEnvInfo, `{"projectPath": "/x", "envName": "staging"}`)
	if doc.Model.CurrentEnv.Value != "staging" || doc.Model.CurrentEnv.Pos.Column() != 34 || len(doc.Diagnostics) != 0 {
		t.Errorf("current env = %+v, diagnostics %v", doc.Model.CurrentEnv, doc.Diagnostics)
	}
	missing := readAs(t, "local-env-info.json", schema.LocalEnvInfo, `{"projectPath": "/x"}`)
	if want := []string{"1:1 warning " + RuleGen1MissingField}; !slices.Equal(rules(missing.Diagnostics), want) {
		t.Errorf("diagnostics = %v, want %v", rules(missing.Diagnostics), want)
	}
}

// copyTree copies a fixture project into a temp folder, for variations.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// With amplify-meta.json for the chosen env, deployed names replace derived ones; for another
// env's stack, they are ignored with an info line.
func TestLoadProjectAmplifyMeta(t *testing.T) {
	root := copyTree(t, projectFixture("gen1-managed"))
	metaPath := filepath.Join(root, "amplify", "backend", "amplify-meta.json")
	if err := os.WriteFile(metaPath, []byte(metaDev), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := LoadProject(context.Background(), root, ProjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, tb := p.Model.Buckets[0], p.Model.Tables[0]
	if b.DerivedName || b.BucketName.Pos.File() != metaPath || tb.DerivedName || tb.ARN.Value == "" {
		t.Errorf("bucket %+v / table %+v should come from amplify-meta.json", b.BucketName, tb)
	}
	if slices.Contains(projectRules(p), "info "+RuleDerivedName) {
		t.Errorf("nothing should be derived: %v", projectRules(p))
	}

	other := strings.ReplaceAll(metaDev, "amplify-photoapp-dev-172355", "amplify-photoapp-prod-998877")
	if err := os.WriteFile(metaPath, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err = LoadProject(context.Background(), root, ProjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Model.Buckets[0].DerivedName || !slices.Contains(projectRules(p), "info "+RuleMetaOtherEnv) {
		t.Errorf("another env's amplify-meta.json must not be used: %+v %v", p.Model.Buckets[0].BucketName, projectRules(p))
	}
}

// A managed {} resource without a backend-config entry cannot be typed; an imported one
// missing from the env's team-provider-info is not converted; both are warned about.
func TestLoadProjectUntypedAndMissing(t *testing.T) {
	root := t.TempDir()
	writeFile := func(rel, text string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeFile("amplify/team-provider-info.json", `{"dev": {"awscloudformation": {"Region": "us-east-1", "StackName": "amplify-a-dev-1"},
  "categories": {"storage": {"mystery": {}, "media": {}}}}}`)
	writeFile("amplify/backend/backend-config.json", `{"storage": {"media": {"service": "S3"}, "legacy": {"service": "S3", "serviceType": "imported"}}}`)
	p, err := LoadProject(context.Background(), root, ProjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := projectRules(p)
	for _, want := range []string{"warning " + RuleServiceUnknown, "warning " + RuleCannotDerive} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %s in %v", want, got)
		}
	}
	if len(p.Model.Buckets) != 1 || p.Model.Buckets[0].BucketName.Set || len(p.Model.Resources) != 3 {
		t.Errorf("model = %+v", p.Model)
	}
}
