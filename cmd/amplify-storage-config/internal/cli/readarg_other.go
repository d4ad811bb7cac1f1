//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package cli

import "os"

// readArg tells a directory from a file and reads the file (os.Stat, then os.ReadFile): on
// systems without the Unix calls, the command-line path is looked at twice.
func readArg(path string) (data []byte, dir bool, err error) {
	if isDir(path) {
		return nil, true, nil
	}
	data, err = os.ReadFile(path)
	return data, false, err
}
