package cli

import (
	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig"
)

// evaluator returns the --eval evaluator: the sandbox run in a child process of this binary,
// so that a memory-hungry or runaway script can be killed without taking the command down.
func (a *App) evaluator() (jsconfig.Evaluator, error) {
	return nil, nil // PENDING: jsconfig.ChildProcess
}
