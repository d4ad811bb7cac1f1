package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkValidateManyFiles runs validate on many small valid files given as arguments: the
// per-file cost of the command layer (open, read, schedule) next to that of checking.
func BenchmarkValidateManyFiles(b *testing.B) {
	const n = 2000
	dir := b.TempDir()
	paths := make([]string, n)
	for i := range paths {
		doc := fmt.Sprintf(`{"version": "1.4", "storage": {"aws_region": "us-east-1", "bucket_name": "amplify-app%d-main-storage-abc123"}}`, i)
		paths[i] = filepath.Join(dir, fmt.Sprintf("out-%05d.json", i))
		if err := os.WriteFile(paths[i], []byte(doc), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	args := append([]string{"validate"}, paths...)
	b.ReportAllocs()
	for b.Loop() {
		a, out, errOut := testApp(false, nil)
		if code := a.Run(context.Background(), args); code != ExitOK {
			b.Fatalf("exit code %d; stdout:\n%s\nstderr:\n%s", code, out, errOut)
		}
	}
}
