package validate

import "sync"

// inParallel runs fn(0..n-1) on goroutines of their own and waits for all of them. A panic in
// one is raised again in the caller (after the others finish), where the CLI's recovery turns
// it into an internal-error message instead of a crash.
func inParallel(n int, fn func(i int)) {
	panics := make([]any, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			defer func() { panics[i] = recover() }()
			fn(i)
		})
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
}
