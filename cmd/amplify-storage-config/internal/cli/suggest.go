package cli

import (
	"fmt"
	"strings"
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
		d := editDistance(lg, strings.ToLower(c))
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

// editDistance is the Damerau-Levenshtein distance (with adjacent transpositions) in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
