package validate

import (
	"math/rand/v2"
	"testing"
)

// regexPlaceholderKind is PlaceholderKind without its prefilter: the patterns alone.
func regexPlaceholderKind(value string) string {
	for _, p := range placeholderPatterns() {
		if p.re.MatchString(value) {
			return p.what
		}
	}
	return ""
}

// TestPlaceholderPrefilterKeepsEveryMatch: the cheap test in front of the placeholder patterns
// never hides a match, on the known spellings and on random strings built from their letters.
func TestPlaceholderPrefilterKeepsEveryMatch(t *testing.T) {
	values := []string{"XXXX", "xXxXx", "<bucket>", "${BUCKET}", "$BUCKET", "{{name}}", "%NAME%",
		"YOUR_BUCKET", "your-s3", "REPLACE_ME", "change this", "placeholder", "insert-name-here",
		"TODO", "tbd", "FixMe", "NULL", "undefined", "inſert-x-here", "chanGe_thiſ", "my-bucket-123",
		"amplify-app-dev-12345-deployment", "us-east-1", ""}
	r := rand.New(rand.NewPCG(7, 8))
	const alphabet = "xXyoOuUrRpPlLaAcCeEhHnNgGmMtTiIsSdDbBfF-_ <>${}%ſK1"
	for range 20000 {
		b := make([]rune, r.IntN(14))
		for i := range b {
			b[i] = []rune(alphabet)[r.IntN(len([]rune(alphabet)))]
		}
		values = append(values, string(b))
	}
	for _, v := range values {
		if got, want := PlaceholderKind(v), regexPlaceholderKind(v); got != want {
			t.Errorf("PlaceholderKind(%q) = %q, the patterns say %q", v, got, want)
		}
	}
}

// TestDeploymentBucketPrefilterKeepsEveryMatch: the same for IsDeploymentBucket.
func TestDeploymentBucketPrefilterKeepsEveryMatch(t *testing.T) {
	for _, name := range []string{"amplify-app-dev-12345-deployment", "amplify-a-1-deployment",
		"x-deployments-mobilehub-1", "amplify-app-dev-deployment", "amplify--1-deployment", "bucket"} {
		want := false
		for _, re := range deploymentBucketPatterns() {
			want = want || re.MatchString(name)
		}
		if got := IsDeploymentBucket(name); got != want {
			t.Errorf("IsDeploymentBucket(%q) = %v, the patterns say %v", name, got, want)
		}
	}
}
