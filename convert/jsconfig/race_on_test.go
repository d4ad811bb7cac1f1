//go:build race

package jsconfig

// raceEnabled: the race detector reserves far more memory than the child's data limit allows.
const raceEnabled = true
