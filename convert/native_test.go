package convert

import "testing"

func TestNativeTransferUtilityOnly(t *testing.T) {
	doc := readFixture(t, "fixtures/read/amplifyconfiguration/android.json", ReadOptions{})
	b := doc.Model.Buckets
	if len(b) != 1 || b[0].Gen1 == nil || b[0].Gen1.DefaultAccessLevel.Value != "guest" || len(doc.Diagnostics) != 0 {
		t.Fatalf("buckets %+v diagnostics %v", b, doc.Diagnostics)
	}
	doc = readFixture(t, "fixtures/read/amplifyconfiguration/transfer-utility-mismatch.json", ReadOptions{})
	if len(doc.Diagnostics) != 1 || doc.Model.Buckets[0].BucketName.Value != "new-uploads-bucket" {
		t.Fatalf("mismatch: %v %+v", doc.Diagnostics, doc.Model.Buckets)
	}
	msg := doc.Diagnostics[0].Message
	for _, want := range []string{`"old-uploads-bucket"`, `"new-uploads-bucket"`, "line 19, column 27"} {
		if !contains(msg, want) {
			t.Errorf("message %q does not name %s", msg, want)
		}
	}
}

func TestAWSConfigurationNamedEntries(t *testing.T) {
	doc := readFixture(t, "fixtures/read/awsconfiguration/legacy.json", ReadOptions{})
	b := doc.Model.Buckets
	if len(b) != 2 || !b[0].Default || b[1].Default || b[1].Name.Value != "Archive" || b[1].Region.Value != "us-west-2" {
		t.Errorf("buckets %+v", b)
	}
}

func contains(s, sub string) bool { return len(sub) == 0 || indexOf(s, sub) >= 0 }

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func BenchmarkReadAmplifyConfigNative(b *testing.B) {
	benchmarkFixture(b, "fixtures/read/amplifyconfiguration/android.json")
}

func BenchmarkReadAWSConfiguration(b *testing.B) {
	benchmarkFixture(b, "fixtures/read/awsconfiguration/legacy.json")
}
