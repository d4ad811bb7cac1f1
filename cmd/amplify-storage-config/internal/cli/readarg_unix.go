//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package cli

import (
	"io/fs"
	"syscall"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
)

// maxReadCall bounds one read request (darwin refuses reads of 2 GB or more).
const maxReadCall = 1 << 30

// readArg reads a command-line path with one open: a directory (told by fstat on the open
// descriptor) comes back as dir, a regular file as its bytes. Four system calls for a small
// file (open, fstat, read, close) where os.Stat then os.ReadFile make ten on Linux (os.File
// also tries the poller and toggles O_NONBLOCK). Anything else (a pipe, /dev/stdin, a device)
// is read by os.ReadFile as before. Errors are those of os.ReadFile; a path that cannot be
// opened but os.Stat says is a directory (no read permission) is still a directory.
func readArg(path string, maxSize int) (src convert.Source, dir bool, err error) {
	if maxSize <= 0 {
		maxSize = convert.DefaultMaxSize
	}
	fd, err := openReadOnly(path)
	if err != nil {
		if isDir(path) {
			return src, true, nil
		}
		return src, false, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	var st syscall.Stat_t
	if err := retryEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		syscall.Close(fd)
		src, err := convert.LoadFile(path, maxSize)
		return src, false, err
	}
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFDIR:
		syscall.Close(fd)
		return src, true, nil
	case syscall.S_IFREG:
		// Over the size cap, the start of the file and its size are enough to refuse it.
		src = convert.Source{Name: path}
		if st.Size > int64(maxSize) {
			src.Size = st.Size
		}
		src.Data, err = readRegular(fd, path, min(st.Size, int64(maxSize)+1), int64(maxSize)+1)
		syscall.Close(fd)
		return src, false, err
	default:
		syscall.Close(fd)
		src, err := convert.LoadFile(path, maxSize)
		return src, false, err
	}
}

// openReadOnly opens path for reading, close-on-exec (the --eval child must not inherit it).
func openReadOnly(path string) (fd int, err error) {
	err = retryEINTR(func() error {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		return err
	})
	return fd, err
}

// readRegular reads a regular file of size bytes (as fstat saw it) from offset 0. It asks for
// one byte more than size, so that a file of the size seen takes one read call: a shorter
// answer from a regular file means its end. A file that grew, or a short read, reads on.
// It never returns more than limit bytes.
func readRegular(fd int, path string, size, limit int64) ([]byte, error) {
	capacity := size + 1
	if size <= 0 {
		capacity = 512 // empty, or sized only as it is read (/proc): grow as the reads come
	}
	data := make([]byte, 0, capacity)
	for {
		buf := data[len(data):cap(data)]
		if len(buf) > maxReadCall {
			buf = buf[:maxReadCall]
		}
		var n int
		err := retryEINTR(func() error {
			var err error
			n, err = syscall.Read(fd, buf)
			return err
		})
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		data = data[:len(data)+n]
		if n == 0 || (int64(len(data)) == size && n < len(buf)) || int64(len(data)) >= limit {
			return data[:min(int64(len(data)), limit)], nil
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// retryEINTR calls fn again while it is interrupted by a signal, as package os does.
func retryEINTR(fn func() error) error {
	for {
		err := fn()
		if err != syscall.EINTR {
			return err
		}
	}
}
