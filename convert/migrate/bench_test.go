package migrate

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkMigrateProject(b *testing.B) {
	src := filepath.Join(repoRoot(b), "fixtures", "projects", "gen1-managed")
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		res, err := Migrate(context.Background(), dir, Options{DryRun: true})
		if err != nil || res.Blocked {
			b.Fatalf("err %v blocked %v", err, res.Blocked)
		}
	}
}
