package outputs

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

func TestFriendlyName(t *testing.T) {
	tests := []struct{ bucket, env, want string }{
		{"photos4f2a9c1d203040-dev", "dev", "photos"},
		{"amplifyappbucket3a9f0b2c145323-staging", "staging", "amplifyappbucket"},
		{"whatsappclone5e5c0b7b-dev", "", "whatsappclone"}, // env unknown, after a hash
		{"recipebox-images210455-staging", "", "recipebox-images"},
		{"my-static-site", "", "my-static-site"},
		{"my-app-userfiles-mobilehub-123456789", "", "my-app-userfiles-mobilehub"},
		{"media.example.com", "", "media-example-com"},
		{"123456", "", "bucket"},
		{"1abc-files", "", "bucket-1abc-files"},
		{"archive-bucket-eu", "dev", "archive-bucket-eu"},
		{"cafe-data", "", "cafe-data"}, // hex letters but no digit: kept
	}
	for _, tt := range tests {
		got := FriendlyName(tt.bucket, tt.env)
		if got != tt.want {
			t.Errorf("FriendlyName(%q, %q) = %q, want %q", tt.bucket, tt.env, got, tt.want)
		}
		if !ValidFriendlyName(got) {
			t.Errorf("FriendlyName(%q) = %q is not a valid friendly name", tt.bucket, got)
		}
	}
}

func TestFriendlyNamesUniqueAndGen1First(t *testing.T) {
	m := &schema.Model{CurrentEnv: str("dev"), Buckets: []schema.Bucket{
		bucket("", "photos111111-dev", "us-east-1"),
		bucket("", "photos222222-dev", "us-east-1"),
		bucket("photos", "other-bucket", "us-east-1"),
		bucket("9bad name!", "images-bucket", "us-east-1"),
	}}
	got := FriendlyNames(m)
	want := []Friendly{{"photos-2", true}, {"photos-3", true}, {"photos", false}, {"images-bucket", true}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FriendlyNames (-want +got):\n%s", diff)
	}
}

func TestValidFriendlyName(t *testing.T) {
	for name, want := range map[string]bool{"a": true, "My bucket_1-x": true, "": false, "1a": false, "a.b": false, "é": false, " a": false} {
		if got := ValidFriendlyName(name); got != want {
			t.Errorf("ValidFriendlyName(%q) = %v, want %v", name, got, want)
		}
	}
}
