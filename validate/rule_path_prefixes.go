package validate

import (
	"cmp"
	"slices"
	"strings"
)

// pathPrefixesOfAll returns, for each path of all, the other paths that are its prefix as
// Amplify decides it (a path's "*" removed), sorted and each once: pathPrefixes of every path,
// in O(n log n) instead of comparing every pair (a bucket of the bench file has ~50 paths that
// share long prefixes, and a hostile one may have thousands).
//
// It sorts the paths' star-less forms (the candidates) together with the paths themselves (the
// queries) and sweeps them in order with a stack of candidates, each a prefix of the next. A
// string between s and a string that starts with s starts with s too, so a candidate that is a
// prefix of a query is never popped before the sweep reaches that query: at a query, the stack
// holds exactly its prefixes.
func pathPrefixesOfAll(all []string) [][]string {
	type item struct {
		key   string
		index int  // into all
		query bool // all[index] itself, else its star-less form
	}
	items := make([]item, 0, 2*len(all))
	for i, p := range all {
		items = append(items, item{withoutStars(p), i, false}, item{p, i, true})
	}
	slices.SortFunc(items, func(a, b item) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(boolInt(a.query), boolInt(b.query)) // a candidate equal to a query is its prefix
	})
	out := make([][]string, len(all))
	var stack []item
	for _, it := range items {
		for len(stack) > 0 && !strings.HasPrefix(it.key, stack[len(stack)-1].key) {
			stack = stack[:len(stack)-1]
		}
		if !it.query {
			stack = append(stack, it)
			continue
		}
		var found []string
		for _, c := range stack {
			if p := all[c.index]; p != all[it.index] {
				found = append(found, p)
			}
		}
		slices.Sort(found)
		out[it.index] = slices.Compact(found)
	}
	return out
}

// withoutStars returns p without its "*" characters (no copy for the usual path, whose only
// "*" ends it).
func withoutStars(p string) string {
	if i := strings.IndexByte(p, '*'); i < 0 {
		return p
	} else if i == len(p)-1 {
		return p[:i]
	}
	return strings.ReplaceAll(p, "*", "")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
