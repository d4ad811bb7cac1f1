//go:build linux || darwin || freebsd || netbsd || openbsd

package jsconfig

import (
	"runtime/debug"
	"syscall"
)

// limitMemory caps this process's data segment (which covers the Go heap) at limit bytes and
// makes the garbage collector work to stay below it.
func limitMemory(limit int64) error {
	if limit <= 0 {
		return nil
	}
	debug.SetMemoryLimit(limit / 4 * 3)
	return syscall.Setrlimit(syscall.RLIMIT_DATA, &syscall.Rlimit{Cur: uint64(limit), Max: uint64(limit)})
}
