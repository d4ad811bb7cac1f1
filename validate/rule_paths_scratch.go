package validate

// pathScratch is the memory the path rules reuse from one bucket to the next. A large outputs
// file has hundreds of buckets of ~50 paths each; rebuilding and checking each bucket's paths
// in fresh memory allocated ~4.5 MB for the 6 MB bench file, all of it first-touched pages. A
// modelChecker keeps one (one per goroutine); what rebuild and check return lives in it until
// they are called again.
type pathScratch struct {
	index      map[string]int
	foldedInto map[int]int
	sibling    []byte
	rebuilt    []RebuiltPath
	from, pos  []int
	pairs      []int
	all        []string
	prefixes   prefixScratch
}

// reuseMap returns *m emptied, making it (with room for size entries) on first use.
func reuseMap[K comparable, V any](m *map[K]V, size int) map[K]V {
	if *m == nil {
		*m = make(map[K]V, size)
	} else {
		clear(*m)
	}
	return *m
}
