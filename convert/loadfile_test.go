package convert

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadFileRefusesAHugeFileWithoutLoadingIt: a 1 TiB (sparse) file is refused as too large,
// with its real size, after reading only the cap's worth of it.
func TestReadFileRefusesAHugeFileWithoutLoadingIt(t *testing.T) {
	p := filepath.Join(t.TempDir(), "amplify_outputs.json")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 40); err != nil {
		t.Skipf("no sparse files here: %v", err)
	}
	f.Close()
	src, err := LoadFile(p, 0)
	if err != nil || len(src.Data) != DefaultMaxSize+1 || src.Size != 1<<40 {
		t.Fatalf("LoadFile: %d bytes, size %d, error %v", len(src.Data), src.Size, err)
	}
	doc, err := ReadFile(context.Background(), p, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Diagnostics) != 1 || doc.Diagnostics[0].Rule != RuleTooLarge || !strings.Contains(doc.Diagnostics[0].Message, "file is 1048576 MiB") {
		t.Errorf("diagnostics %v; want one %s naming the file's size", doc.Diagnostics, RuleTooLarge)
	}
}
