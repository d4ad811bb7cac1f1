package cli

import (
	"io"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig"
)

// EvalChild runs the --eval child process when the environment asks for it (the parent starts
// this same binary with AMPLIFY_STORAGE_CONFIG_EVAL_CHILD=1) and returns its exit code and true;
// otherwise it does nothing and returns false. main calls it before anything else.
func EvalChild(getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) (int, bool) {
	if getenv(jsconfig.ChildEnv) != "1" {
		return 0, false
	}
	return jsconfig.ChildMain(stdin, stdout, stderr), true
}
