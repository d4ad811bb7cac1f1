//go:build !(linux || darwin)

package jsconfig

import (
	"os"
	"runtime/debug"
)

// limitMemory asks the garbage collector to stay below limit; the data-segment limit is set on
// Linux and macOS only, so the parent's kill timer is the only hard bound.
func limitMemory(limit int64) error {
	if limit > 0 {
		debug.SetMemoryLimit(limit / 4 * 3)
	}
	return nil
}

// peakRSS is unknown on this platform.
func peakRSS(*os.ProcessState) int64 { return 0 }
