//go:build !race

package sandbox

// raceEnabled: the race detector reserves far more memory than the child's data limit allows.
const raceEnabled = false
