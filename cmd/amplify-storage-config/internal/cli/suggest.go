package cli

import (
	"fmt"
	"math"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// didYouMean returns `; did you mean "X"?` for the choice closest to got, or "" when none is
// close enough to be a plausible typo.
func didYouMean(got string, choices []string) string {
	if best, ok := closest(got, choices); ok {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// closest returns the choice with the smallest edit distance to got, if it is within a third of
// the longer length (at least 2), or a choice that got is a prefix of.
func closest(got string, choices []string) (string, bool) {
	lg := strings.ToLower(got)
	best, bestDist := "", -1
	for _, c := range choices {
		d := validate.EditDistance(lg, strings.ToLower(c), math.MaxInt)
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist < 0 {
		return "", false
	}
	limit := max(2, max(len(got), len(best))/3)
	if bestDist <= limit {
		return best, true
	}
	for _, c := range choices {
		if lg != "" && strings.HasPrefix(strings.ToLower(c), lg) {
			return c, true
		}
	}
	return "", false
}
