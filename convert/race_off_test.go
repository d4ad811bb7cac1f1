//go:build !race

package convert

// timeScale stretches the time limits of the adversarial tests (see race_on_test.go).
const timeScale = 1
