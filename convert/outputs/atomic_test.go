package outputs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// faultFS wraps the real file system and fails one operation.
type faultFS struct {
	OSFS
	failCreate, failRename error
	failWrite, failSync    error
	failChmod              error
}

func (f faultFS) CreateTemp(dir, pattern string) (File, error) {
	if f.failCreate != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: f.failCreate}
	}
	file, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return faultFile{File: file, fs: f}, nil
}

func (f faultFS) Rename(oldpath, newpath string) error {
	if f.failRename != nil {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: f.failRename}
	}
	return os.Rename(oldpath, newpath)
}

type faultFile struct {
	*os.File
	fs faultFS
}

func (f faultFile) Write(p []byte) (int, error) {
	if f.fs.failWrite != nil {
		n, _ := f.File.Write(p[:len(p)/2]) // a partial write, then the disk is full
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: f.fs.failWrite}
	}
	return f.File.Write(p)
}

func (f faultFile) Sync() error {
	if f.fs.failSync != nil {
		return f.fs.failSync
	}
	return f.File.Sync()
}

func (f faultFile) Chmod(mode fs.FileMode) error {
	if f.fs.failChmod != nil {
		return f.fs.failChmod
	}
	return f.File.Chmod(mode)
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileAtomicFailuresLeaveNoTrace(t *testing.T) {
	faults := map[string]faultFS{
		"read-only folder":  {failCreate: syscall.EROFS},
		"permission denied": {failCreate: syscall.EACCES},
		"full disk":         {failWrite: syscall.ENOSPC},
		"failing chmod":     {failChmod: syscall.EPERM},
		"failing sync":      {failSync: syscall.EIO},
		"failing rename":    {failRename: syscall.EXDEV},
	}
	for name, fault := range faults {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "amplify_outputs.json")
			const original = "{\"version\": \"1.5\"}\n"
			if err := os.WriteFile(target, []byte(original), 0o640); err != nil {
				t.Fatal(err)
			}
			err := WriteFileAtomic(fault, target, []byte(strings.Repeat("new content ", 1000)))
			if err == nil {
				t.Fatal("WriteFileAtomic succeeded despite the fault")
			}
			if !strings.Contains(err.Error(), target) {
				t.Errorf("error does not name the file: %v", err)
			}
			got, _ := os.ReadFile(target)
			if string(got) != original {
				t.Errorf("original changed to %q", got)
			}
			if names := listDir(t, dir); len(names) != 1 {
				t.Errorf("files left behind: %v", names)
			}
			// A new file that fails is not created either.
			fresh := filepath.Join(dir, "new.json")
			if err := WriteFileAtomic(fault, fresh, []byte("{}")); err == nil {
				t.Fatal("WriteFileAtomic succeeded despite the fault")
			}
			if _, err := os.Stat(fresh); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("failed new file exists: %v", err)
			}
			if names := listDir(t, dir); len(names) != 1 {
				t.Errorf("files left behind: %v", names)
			}
		})
	}
}

func TestWriteFileAtomicKeepsModeAndReplaces(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.json")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(nil, target, []byte("new")); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(target)
	if got, _ := os.ReadFile(target); string(got) != "new" || info.Mode().Perm() != 0o600 {
		t.Errorf("content %q mode %v", got, info.Mode())
	}
	fresh := filepath.Join(dir, "fresh.json")
	if err := WriteFileAtomic(OSFS{}, fresh, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(fresh); info.Mode().Perm() != NewFileMode {
		t.Errorf("new file mode %v, want %v", info.Mode().Perm(), NewFileMode)
	}
	// Through a symlink: the link stays, its target changes.
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("out.json", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(OSFS{}, link, []byte("via link")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced by a file")
	}
	if got, _ := os.ReadFile(target); string(got) != "via link" {
		t.Errorf("link target = %q", got)
	}
	if names := listDir(t, dir); len(names) != 3 {
		t.Errorf("unexpected files: %v", names)
	}
}

func TestWriteFileAtomicRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "amplify_outputs.json")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	targets := map[string]string{sub: "a folder", fifo: "a named pipe"}
	if _, err := os.Stat("/dev/full"); err == nil {
		targets["/dev/full"] = "a device"
	}
	if _, err := os.Stat("/dev/null"); err == nil {
		targets["/dev/null"] = "a device"
	}
	for target, kind := range targets {
		err := WriteFileAtomic(OSFS{}, target, []byte("{}"))
		if err == nil || !strings.Contains(err.Error(), kind) || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("%s: err = %v, want a refusal naming %s", target, err, kind)
		}
	}
	if info, err := os.Stat(sub); err != nil || !info.IsDir() {
		t.Errorf("the folder was replaced")
	}
	if entries, _ := os.ReadDir(sub); len(entries) != 0 {
		t.Errorf("files written into the folder: %v", entries)
	}
	if names := listDir(t, dir); len(names) != 2 {
		t.Errorf("files left behind: %v", names)
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		// /dev/full itself is a character device still.
		if info, _ := os.Stat("/dev/full"); info.Mode()&fs.ModeCharDevice == 0 {
			t.Errorf("/dev/full is no longer a device")
		}
	}
	// A folder that does not exist: an error, nothing created.
	if err := WriteFileAtomic(OSFS{}, filepath.Join(dir, "missing", "out.json"), []byte("{}")); err == nil {
		t.Errorf("writing into a missing folder succeeded")
	}
}
