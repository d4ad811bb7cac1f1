package jsconfig

import (
	"bytes"
	"fmt"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/internal/nesting"
)

// MaxNesting bounds bracket, brace and parenthesis nesting in a file, and the nesting of an
// evaluated export (an evaluator refuses one nested deeper). It is the same default as the
// convert package's pre-scan: goja's parser recurses once per level and a deep enough input
// overflows the Go stack, which is fatal.
const MaxNesting = 500

// maxOpeners bounds how many brackets, braces and parentheses a file holds, counted everywhere:
// the nesting scan lexes heuristically (a regular expression after ")" can hide brackets from
// it), and this crude count is what guarantees goja's parser a bounded stack whoever calls
// ReadStatic or Evaluate (the convert package applies the same bound).
const maxOpeners = 10_000

// maxArrows bounds the number of "=>" tokens: goja's parser takes cubic time on a chain of
// arrow functions (10,000 of them, a 30 kB file, take seconds), and no configuration has many.
// They are counted in strings and comments too: a config never holds a thousand.
const maxArrows = 1000

// checkComplexity refuses inputs goja's parser cannot handle safely. It returns the offset of
// the problem and a message, or -1.
func checkComplexity(data []byte) (int, string) {
	if off, _ := nesting.Scan(data, MaxNesting); off >= 0 {
		return off, fmt.Sprintf("nesting is deeper than %d levels; no real configuration is", MaxNesting)
	}
	if off := nesting.CountOpeners(data, maxOpeners); off >= 0 {
		return off, fmt.Sprintf("more than %d brackets, braces and parentheses; no real configuration has that many", maxOpeners)
	}
	if bytes.Count(data, []byte("=>")) > maxArrows {
		off := 0
		for range maxArrows + 1 {
			off += bytes.Index(data[off:], []byte("=>")) + 2
		}
		return off - 2, fmt.Sprintf("more than %d arrow functions; no real configuration has that many", maxArrows)
	}
	return -1, ""
}
