package sandbox

import (
	"fmt"
	"io"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig"
)

// about is what the program says when someone runs it by hand.
func about() string {
	return jsconfig.SandboxProgram + ` is the JavaScript sandbox of amplify-storage-config --eval.
amplify-storage-config starts it, once per file to evaluate, with a request on stdin and
` + jsconfig.ChildEnv + `=1; it is not meant to be run by hand. It must be installed in the
same folder as amplify-storage-config, which go install does:

    ` + jsconfig.SandboxInstall() + `
`
}

// Main is the amplify-storage-config-eval program: with ChildEnv set to "1" and no arguments it
// serves one jsconfig.ChildProcess request with InProcess; -h, --help or help describes it;
// anything else is a usage error (exit 2). It returns the exit code.
func Main(args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprint(stdout, about())
		return 0
	}
	if len(args) > 0 || getenv(jsconfig.ChildEnv) != "1" {
		fmt.Fprint(stderr, about())
		return 2
	}
	return jsconfig.ServeChild(InProcess{}, stdin, stdout, stderr)
}
