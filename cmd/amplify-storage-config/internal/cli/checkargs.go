package cli

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// oneFileHeapLimit is the heap size at which a one-file run collects after all (see
// checkArgs): a few times what reading and checking a file of size bytes keeps live (its
// text, index and model; the 6 MB bench file peaks near 25 MB), so that only a file with very
// many findings, whose messages are garbage, reaches it (a 7.6 MB file with 80,000 findings
// then peaks near 135 MB).
func oneFileHeapLimit(size int) int64 { return 96<<20 + 4*int64(size) }

// checkArgs reads and checks validate's arguments in parallel, opening each once (readArg):
// perFile holds each file's findings by index, dirs marks the directories (projects, which
// the caller checks). stdinErr is a failure to read stdin; fileErr that of the lowest index
// whose file could not be read or checked (I/O, --eval timeout or kill).
func (a *App) checkArgs(ctx context.Context, paths []string, opts convert.ReadOptions, stdinFilename string) (
	perFile [][]validate.Diagnostic, dirs []bool, stdinErr, fileErr error) {
	var stdin convert.Source
	for _, p := range paths {
		if p == "-" {
			stdin, stdinErr = a.readStdin(stdinFilename)
		}
	}
	// A batch keeps only findings, so its live heap stays small while it allocates a lot:
	// collecting 4x less often costs a few MB and saves ~30% of the CPU (10,000 files).
	// One file's live heap is nearly all it allocates (its text, index and model, kept until
	// it is checked), so a collection frees next to nothing; for the 6 MB bench file the one
	// that ran cost ~10 ms, its marking competing with the mapping for the cores, at the same
	// peak RSS. One file is read with no collection short of oneFileHeapLimit, set once its
	// size is known. Projects are checked after this pass, under the usual setting.
	oneFile := len(paths) == 1
	memoryLimit := debug.SetMemoryLimit(-1) // -1 reads it
	if oneFile {
		defer debug.SetMemoryLimit(memoryLimit)
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
	} else {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	// Each file's findings are kept by index (deterministic order), its document dropped as
	// soon as it is checked, so that a batch of 10,000 files does not hold them all.
	perFile = make([][]validate.Diagnostic, len(paths))
	dirs = make([]bool, len(paths))
	// Only findings are printed, and validate.At resolves their positions.
	opts.DeferPositions = true
	fileErr = a.parallel(len(paths), "checking", func(i int) string { return paths[i] }, func(i int) error {
		src := stdin
		if paths[i] != "-" {
			file, dir, err := readArg(paths[i], opts.MaxSize)
			if err != nil {
				return fmt.Errorf("%s: %w", paths[i], err)
			}
			if dir {
				dirs[i] = true
				return nil
			}
			src = file
		} else if stdinErr != nil {
			return nil // reported as stdinErr
		}
		if oneFile {
			debug.SetMemoryLimit(min(memoryLimit, oneFileHeapLimit(len(src.Data))))
		}
		doc, err := convert.Read(ctx, src, opts)
		if err != nil {
			return fmt.Errorf("%s: %w", displayName(paths[i], stdinFilename), err)
		}
		perFile[i] = checkDocument(doc)
		return nil
	})
	return perFile, dirs, stdinErr, fileErr
}
