//go:build linux || darwin

package jsconfig

import (
	"os"
	"runtime"
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

// peakRSS returns the peak resident memory of an exited child in bytes (0 when unknown).
func peakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" { // bytes there, KiB on Linux
		return int64(ru.Maxrss)
	}
	return int64(ru.Maxrss) * 1024
}
