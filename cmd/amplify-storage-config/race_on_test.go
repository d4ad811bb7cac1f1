//go:build race

package main

// raceEnabled: the race detector reserves far more memory than the --eval child's data limit
// allows, so scripts that start the child are skipped under -race (they run in the normal test).
const raceEnabled = true
