package cli

import "os"

// isTerminal reports whether w is an *os.File connected to a terminal. Anything else (a pipe, a
// regular file, /dev/null, a buffer in a test) is not.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok || f == nil {
		return false
	}
	return fdIsTerminal(f)
}
