// Command amplify-storage-config-eval is the JavaScript sandbox of amplify-storage-config
// --eval: amplify-storage-config starts it once per file to evaluate and it runs the file in a
// fresh goja runtime, with no file, network or process access, under time and memory limits.
// It is a program of its own so that amplify-storage-config does not link goja's runtime,
// which would cost every command several milliseconds of start-up. Install it beside
// amplify-storage-config (go install .../cmd/...@latest installs both).
package main

import (
	"os"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig/sandbox"
)

func main() {
	os.Exit(sandbox.Main(os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr))
}
