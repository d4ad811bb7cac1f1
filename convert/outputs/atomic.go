package outputs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// File is a temporary file being written by WriteFileAtomic.
type File interface {
	Name() string
	Write(p []byte) (int, error)
	Sync() error
	Chmod(mode fs.FileMode) error
	Close() error
}

// FS is what WriteFileAtomic needs from a file system. It is the seam tests use to simulate a
// read-only folder, a full disk, or a failing sync or rename. OSFS is the real one.
type FS interface {
	// CreateTemp creates a new temporary file in dir (as os.CreateTemp).
	CreateTemp(dir, pattern string) (File, error)
	// Rename replaces newpath with oldpath (as os.Rename).
	Rename(oldpath, newpath string) error
	// Remove deletes a file (as os.Remove).
	Remove(name string) error
	// Stat describes a file, following symbolic links (as os.Stat).
	Stat(name string) (fs.FileInfo, error)
	// EvalSymlinks resolves symbolic links in a path (as filepath.EvalSymlinks).
	EvalSymlinks(path string) (string, error)
}

// OSFS is the operating system's file system.
type OSFS struct{}

// CreateTemp calls os.CreateTemp.
func (OSFS) CreateTemp(dir, pattern string) (File, error) { return os.CreateTemp(dir, pattern) }

// Rename calls os.Rename.
func (OSFS) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// Remove calls os.Remove.
func (OSFS) Remove(name string) error { return os.Remove(name) }

// Stat calls os.Stat.
func (OSFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

// EvalSymlinks calls filepath.EvalSymlinks.
func (OSFS) EvalSymlinks(path string) (string, error) { return filepath.EvalSymlinks(path) }

// NewFileMode is the mode of a newly created output file.
const NewFileMode fs.FileMode = 0o644

// WriteFileAtomic replaces path with data so that readers see either the old file or the whole
// new one: it writes a temporary file in the same folder, gives it the existing file's mode
// (NewFileMode for a new file), syncs it and renames it over path. A symbolic link is written
// through (the link stays). On any failure the existing file is unchanged and the temporary file
// is removed. A path that exists but is not a regular file (a folder, a device such as
// /dev/full, a FIFO, a socket) is refused and left alone.
func WriteFileAtomic(fsys FS, path string, data []byte) (err error) {
	if fsys == nil {
		fsys = OSFS{}
	}
	mode := NewFileMode
	info, statErr := fsys.Stat(path)
	switch {
	case statErr == nil:
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file (%s); refusing to replace it: choose another output path with -o",
				path, describeMode(info.Mode()))
		}
		mode = info.Mode().Perm()
		if real, err := fsys.EvalSymlinks(path); err == nil {
			path = real
		}
	case !errors.Is(statErr, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: %w", path, statErr)
	}

	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := fsys.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	tmpName := tmp.Name()
	closed := false
	defer func() {
		if err == nil {
			return
		}
		if !closed {
			_ = tmp.Close()
		}
		if rmErr := fsys.Remove(tmpName); rmErr != nil && !errors.Is(rmErr, fs.ErrNotExist) {
			err = fmt.Errorf("%w (and the temporary file %s could not be removed: %v)", err, tmpName, rmErr)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	closed = true
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = fsys.Rename(tmpName, path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// describeMode names a non-regular file type for messages.
func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "not a regular file"
}
