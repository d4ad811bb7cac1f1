package cli

import (
	"fmt"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig"
)

// evaluator returns the --eval evaluator: the sandbox run in a memory-limited child process of
// this binary (see EvalChild), so that a memory-hungry or runaway script is killed without
// taking the command down.
func (a *App) evaluator() (jsconfig.Evaluator, error) {
	exe, err := a.Executable()
	if err != nil {
		return nil, fmt.Errorf("--eval needs the path of this program to start its sandbox: %w", err)
	}
	return &jsconfig.ChildProcess{Exe: exe}, nil
}
