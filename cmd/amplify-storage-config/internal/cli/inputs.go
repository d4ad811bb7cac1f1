package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
)

// stdinName is the name input read from - gets when --stdin-filename is not given.
const stdinName = "<stdin>"

// readStdin reads all of stdin once, under the --stdin-filename name.
func (a *App) readStdin(name string) (convert.Source, error) {
	if name == "" {
		name = stdinName
	}
	if a.Stdin == nil {
		return convert.Source{Name: name}, nil
	}
	// Read one byte past the cap so that the reader can report an oversized input as a finding
	// without the command holding an unbounded stream in memory.
	data, err := io.ReadAll(io.LimitReader(a.Stdin, convert.DefaultMaxSize+1))
	if err != nil {
		return convert.Source{}, fmt.Errorf("reading stdin: %w", err)
	}
	return convert.Source{Name: name, Data: data}, nil
}

// countStdin checks that - appears at most once among paths.
func countStdin(paths []string) error {
	n := 0
	for _, p := range paths {
		if p == "-" {
			n++
		}
	}
	if n > 1 {
		return errors.New("- (stdin) may be given only once")
	}
	return nil
}

// isDir reports whether path names a directory (not following the question further: a missing
// path is not a directory, and the reader reports it).
func isDir(path string) bool {
	if path == "-" {
		return false
	}
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// readDocuments reads files (never directories) in parallel and returns their documents in the
// order given; then, still in parallel, it runs each (when not nil) on every document. "-"
// reads stdin. An error means a file could not be read at all (I/O, --eval timeout or kill):
// the command could not run.
func (a *App) readDocuments(ctx context.Context, paths []string, opts convert.ReadOptions, stdinFilename, verb string,
	each func(*convert.Document)) ([]*convert.Document, error) {
	docs := make([]*convert.Document, len(paths))
	err := a.eachDocument(ctx, paths, opts, stdinFilename, verb, func(i int, doc *convert.Document) {
		docs[i] = doc
		if each != nil {
			each(doc)
		}
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// eachDocument reads files (never directories) in parallel and runs fn on each document with
// its index in paths, without keeping the documents: a batch holds only what fn keeps. "-"
// reads stdin. The error is that of readDocuments.
func (a *App) eachDocument(ctx context.Context, paths []string, opts convert.ReadOptions, stdinFilename, verb string,
	fn func(int, *convert.Document)) error {
	var stdin *convert.Source
	for _, p := range paths {
		if p == "-" {
			src, err := a.readStdin(stdinFilename)
			if err != nil {
				return err
			}
			stdin = &src
		}
	}
	return a.parallel(len(paths), verb, func(i int) string { return paths[i] }, func(i int) error {
		var doc *convert.Document
		var err error
		if paths[i] == "-" {
			doc, err = convert.Read(ctx, *stdin, opts)
		} else {
			doc, err = convert.ReadFile(ctx, paths[i], opts)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", displayName(paths[i], stdinFilename), err)
		}
		fn(i, doc)
		return nil
	})
}

// parallel runs fn(0..n-1) on GOMAXPROCS workers, drawing progress on a terminal, and returns
// the error of the lowest index that failed (so the message does not depend on scheduling).
func (a *App) parallel(n int, verb string, name func(int) string, fn func(int) error) error {
	errs := make([]error, n)
	prog := a.newProgress(verb, n)
	defer prog.finish()
	if n == 1 { // the usual hook or build step: no worker goroutine to start and wait for
		errs[0] = safeCall(name(0), fn, 0)
		prog.step(name(0))
		return errs[0]
	}
	// Workers claim the next index from a counter: with 10,000 small files, handing each index
	// through a channel cost a goroutine wake-up per file.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				errs[i] = safeCall(name(i), fn, i)
				prog.step(name(i))
				// Workers that never park let the GC's mark phase run only when it preempts
				// them, so it stretches while the batch allocates: without this yield, 10,000
				// small files peaked at 49 MiB instead of 31 MiB, and ran slower.
				runtime.Gosched()
			}
		})
	}
	wg.Wait()
	return firstError(errs)
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func displayName(path, stdinFilename string) string {
	if path != "-" {
		return path
	}
	if stdinFilename != "" {
		return stdinFilename
	}
	return stdinName
}

// safeCall runs fn(i), turning a panic into an internal error naming the input, so that one bad
// file cannot crash a batch from a worker goroutine (where Run's recover does not reach).
func safeCall(name string, fn func(int) error, i int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error: %v", name, r)
		}
	}()
	return fn(i)
}

// fileExists reports whether path names something that exists.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
