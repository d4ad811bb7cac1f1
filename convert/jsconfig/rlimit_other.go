//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package jsconfig

import "runtime/debug"

// limitMemory asks the garbage collector to stay below limit; this platform has no
// RLIMIT_DATA, so the parent's kill timer is the only hard bound.
func limitMemory(limit int64) error {
	if limit > 0 {
		debug.SetMemoryLimit(limit / 4 * 3)
	}
	return nil
}
