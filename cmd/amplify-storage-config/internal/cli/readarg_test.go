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
		data, isDir, err := readArg(p)
		if err != nil || isDir {
			t.Fatalf("size %d: dir %v, error %v", size, isDir, err)
		}
		if !bytes.Equal(data, want) {
			t.Errorf("size %d: read %d bytes, not the file's content", size, len(data))
		}
	}
}

func TestReadArgTellsADirectory(t *testing.T) {
	data, isDir, err := readArg(t.TempDir())
	if err != nil || !isDir || data != nil {
		t.Errorf("got dir %v, %d bytes, error %v; want a directory", isDir, len(data), err)
	}
}

func TestReadArgMissingFileErrsAsReadFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "nosuch.json")
	_, want := os.ReadFile(p)
	_, isDir, err := readArg(p)
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
		data, isDir, err := readArg(p)
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
