package hostingenv

import (
	"strings"
	"unicode/utf8"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// closest returns the candidate nearest to s: an exact match ignoring case first, else the
// one with the smallest edit distance, if that distance is small for the length of s (at most
// a third of it, and at least 1 and at most 3 edits). It returns "" when none is near.
func closest(s string, candidates []string) string {
	for _, c := range candidates {
		if strings.EqualFold(s, c) {
			return c
		}
	}
	limit := min(max(utf8.RuneCountInString(s)/3, 1), 3)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if d := validate.EditDistance(strings.ToLower(s), strings.ToLower(c), bestDist); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}
