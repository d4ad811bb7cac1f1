//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package cli

import "github.com/seed-258d3fb3/amplify-storage-config/convert"

// readArg tells a directory from a file and reads the file (os.Stat, then os.ReadFile): on
// systems without the Unix calls, the command-line path is looked at twice.
func readArg(path string, maxSize int) (src convert.Source, dir bool, err error) {
	if isDir(path) {
		return src, true, nil
	}
	src, err = convert.LoadFile(path, maxSize)
	return src, false, err
}
