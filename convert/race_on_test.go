//go:build race

package convert

// timeScale stretches the time limits of the adversarial tests: code built with -race runs
// several times slower.
const timeScale = 10
