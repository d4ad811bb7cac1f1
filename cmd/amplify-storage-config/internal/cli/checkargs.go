package cli

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// oneFileMemoryLimit is the heap size at which a one-file run collects after all (see
// checkArgs): several times what the largest input the size cap lets in can need.
const oneFileMemoryLimit = 256 << 20

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
	// peak RSS. One file is read with no collection short of oneFileMemoryLimit. Projects are
	// checked after this pass, under the usual setting.
	if len(paths) == 1 {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(min(debug.SetMemoryLimit(-1), oneFileMemoryLimit)))
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
		doc, err := convert.Read(ctx, src, opts)
		if err != nil {
			return fmt.Errorf("%s: %w", displayName(paths[i], stdinFilename), err)
		}
		perFile[i] = checkDocument(doc)
		return nil
	})
	return perFile, dirs, stdinErr, fileErr
}
