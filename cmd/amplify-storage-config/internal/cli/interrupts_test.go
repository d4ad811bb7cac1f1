package cli

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// Only runs that write a file or evaluate JavaScript watch for interrupts; the rest keep the
// signals' defaults (and skip the threads watching costs).
func TestInterruptsWatchedOnlyWhenNeeded(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "aws-exports.js")
	src := `export default {"aws_user_files_s3_bucket": "b-dev", "aws_user_files_s3_bucket_region": "us-east-1"}`
	if err := os.WriteFile(js, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	proj := filepath.Join("..", "..", "..", "..", "fixtures", "projects", "gen1-managed")
	for _, tc := range []struct {
		args  []string
		watch bool
	}{
		{[]string{"convert", js}, false},
		{[]string{"convert", "-o", "-", js}, false},
		{[]string{"convert", "-o", filepath.Join(dir, "out.json"), js}, true},
		{[]string{"convert", "--eval", js}, true},
		{[]string{"validate", js}, false},
		{[]string{"validate", "--eval", js}, true},
		{[]string{"inspect", js}, false},
		{[]string{"migrate", "--dry-run", proj}, false},
		{[]string{"migrate", "--check", proj}, false},
		{[]string{"migrate", "-o", filepath.Join(dir, "migrated.json"), proj}, true},
		{[]string{"env", proj}, false},
		{[]string{"version"}, false},
	} {
		a, _, _ := testApp(false, nil)
		watched := false
		a.Interrupts = func(ctx context.Context) (context.Context, context.CancelFunc) {
			watched = true
			return context.WithCancel(ctx)
		}
		a.Run(context.Background(), tc.args)
		if watched != tc.watch {
			t.Errorf("%v: watched for interrupts %v, want %v", tc.args, watched, tc.watch)
		}
	}
}
