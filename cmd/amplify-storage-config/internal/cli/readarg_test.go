package cli

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestReadArgReadsFilesWhole(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 511, 512, 4096, 3<<20 + 7} {
		want := bytes.Repeat([]byte("0123456789abcdef\n"), size/17+1)[:size]
		p := filepath.Join(dir, "f.json")
		if err := os.WriteFile(p, want, 0o644); err != nil {
			t.Fatal(err)
		}
		src, isDir, err := readArg(p, 0)
		data := src.Data
		if err != nil || isDir || src.Size != 0 {
			t.Fatalf("size %d: dir %v, size %d, error %v", size, isDir, src.Size, err)
		}
		if !bytes.Equal(data, want) {
			t.Errorf("size %d: read %d bytes, not the file's content", size, len(data))
		}
	}
}

func TestReadArgTellsADirectory(t *testing.T) {
	src, isDir, err := readArg(t.TempDir(), 0)
	if err != nil || !isDir || src.Data != nil {
		t.Errorf("got dir %v, %d bytes, error %v; want a directory", isDir, len(src.Data), err)
	}
}

func TestReadArgMissingFileErrsAsReadFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "nosuch.json")
	_, want := os.ReadFile(p)
	_, isDir, err := readArg(p, 0)
	if isDir || err == nil {
		t.Fatalf("got dir %v, error %v; want an error", isDir, err)
	}
	if !errors.Is(err, fs.ErrNotExist) || err.Error() != want.Error() {
		t.Errorf("error %q, want %q (os.ReadFile's)", err, want)
	}
}

// Files that are not regular (a device, a procfs file sized 0) are read to their end as
// os.ReadFile reads them.
func TestReadArgSpecialFiles(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc and /dev/null as on Linux")
	}
	for _, p := range []string{"/dev/null", "/proc/self/status"} {
		src, isDir, err := readArg(p, 0)
		data := src.Data
		if err != nil || isDir {
			t.Fatalf("%s: dir %v, error %v", p, isDir, err)
		}
		want, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if p == "/proc/self/status" && (len(data) == 0 || !strings.HasPrefix(string(data), "Name:")) {
			t.Errorf("%s: read %q", p, data)
		}
		if p == "/dev/null" && len(data) != len(want) {
			t.Errorf("%s: read %d bytes, want %d", p, len(data), len(want))
		}
	}
}

// A file over the size cap is not loaded: its start and its size are enough to refuse it, and
// an endless device stops at the cap.
func TestReadArgStopsAtTheSizeCap(t *testing.T) {
	const limit = 1 << 20
	p := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 40); err != nil { // 1 TiB, sparse
		t.Skipf("no sparse files here: %v", err)
	}
	f.Close()
	src, isDir, err := readArg(p, limit)
	if err != nil || isDir || len(src.Data) != limit+1 || src.Size != 1<<40 {
		t.Errorf("huge file: dir %v, %d bytes, size %d, error %v; want %d bytes and the file's size", isDir, len(src.Data), src.Size, err, limit+1)
	}
	if runtime.GOOS == "linux" {
		src, _, err := readArg("/dev/zero", limit)
		if err != nil || len(src.Data) != limit+1 {
			t.Errorf("/dev/zero: %d bytes, error %v; want %d", len(src.Data), err, limit+1)
		}
	}
}
