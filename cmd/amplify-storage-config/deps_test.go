package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The CLI must not link goja's JavaScript runtime (nor what only it brings in): its package
// inits and size cost every command about 3 ms of start-up, a quarter of `convert`'s time.
// --eval runs it in the separate sandbox program, cmd/amplify-storage-config-eval.
func TestCLIDoesNotLinkTheJavaScriptRuntime(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("this test lists the CLI's dependencies with the go command: %v", err)
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "github.com/dop251/goja/parser") {
		t.Fatalf("go list -deps does not list goja's parser, which the static reader uses: %v", deps)
	}
	for _, forbidden := range []string{"github.com/dop251/goja", "github.com/google/pprof/profile", "github.com/dlclark/regexp2/v2"} {
		if slices.Contains(deps, forbidden) {
			t.Errorf("the CLI links %s; evaluation belongs in the sandbox program", forbidden)
		}
	}
}
