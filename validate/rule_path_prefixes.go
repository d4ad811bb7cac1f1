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
func pathPrefixesOfAll(all []string) [][]string { return new(prefixScratch).of(all) }

// prefixScratch is the memory pathPrefixesOfAll reuses (see pathScratch).
type prefixScratch struct {
	items, stack []prefixItem
	found        []string
	out          [][]string
}

// prefixItem is a path (a query) or its star-less form (a candidate prefix) in the sweep.
type prefixItem struct {
	key   string
	index int  // into all
	query bool // all[index] itself, else its star-less form
}

// of is pathPrefixesOfAll in s's memory: the result is valid until s is used again.
func (s *prefixScratch) of(all []string) [][]string {
	items := s.items[:0]
	for i, p := range all {
		items = append(items, prefixItem{withoutStars(p), i, false}, prefixItem{p, i, true})
	}
	s.items = items
	slices.SortFunc(items, func(a, b prefixItem) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(boolInt(a.query), boolInt(b.query)) // a candidate equal to a query is its prefix
	})
	out := slices.Grow(s.out[:0], len(all))[:len(all)]
	stack, found := s.stack[:0], s.found[:0] // each path's prefixes are a run of found
	for _, it := range items {
		for len(stack) > 0 && !strings.HasPrefix(it.key, stack[len(stack)-1].key) {
			stack = stack[:len(stack)-1]
		}
		if !it.query {
			stack = append(stack, it)
			continue
		}
		start := len(found)
		for _, c := range stack {
			if p := all[c.index]; p != all[it.index] {
				found = append(found, p)
			}
		}
		run := found[start:len(found):len(found)]
		slices.Sort(run)
		out[it.index] = slices.Compact(run)
	}
	s.out, s.stack, s.found = out, stack, found
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
