package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig"
)

// TestMain lets the test binary act as the sandbox program, as the real one does: through Main.
func TestMain(m *testing.M) {
	if os.Getenv(jsconfig.ChildEnv) == "1" {
		os.Exit(Main(os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func noEnv(string) string { return "" }

func TestMainRefusesToRunByHand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Main(nil, noEnv, strings.NewReader("{}"), &stdout, &stderr); code != 2 {
		t.Errorf("without %s: exit %d, want 2", jsconfig.ChildEnv, code)
	}
	if stdout.Len() != 0 || !strings.Contains(stderr.String(), "not meant to be run by hand") ||
		!strings.Contains(stderr.String(), jsconfig.SandboxInstall) {
		t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	child := func(k string) string {
		if k == jsconfig.ChildEnv {
			return "1"
		}
		return ""
	}
	stderr.Reset()
	if code := Main([]string{"x.js"}, child, strings.NewReader("{}"), &stdout, &stderr); code != 2 || stderr.Len() == 0 {
		t.Errorf("with an argument: exit %d, stderr %q; want 2 and the explanation", code, stderr.String())
	}
	stderr.Reset()
	if code := Main([]string{"--help"}, noEnv, strings.NewReader(""), &stdout, &stderr); code != 0 ||
		!strings.HasPrefix(stdout.String(), jsconfig.SandboxProgram+" is the JavaScript sandbox") || stderr.Len() != 0 {
		t.Errorf("--help: exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
}

// Main serves one request: the response carries the exported value as JSON.
func TestMainServesOneRequest(t *testing.T) {
	req, err := json.Marshal(map[string]any{"Name": "x.js", "Source": []byte("export default {b: process.env.B}"),
		"Defines": map[string]string{"B": "from-define"}, "Timeout": time.Second})
	if err != nil {
		t.Fatal(err)
	}
	child := func(k string) string {
		if k == jsconfig.ChildEnv {
			return "1"
		}
		return ""
	}
	var stdout, stderr bytes.Buffer
	// MemoryLimit 0 leaves this test process's limits alone.
	if code := Main(nil, child, bytes.NewReader(req), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	if got, want := strings.TrimSpace(stdout.String()), `{"json":{"b":"from-define"}}`; got != want {
		t.Errorf("response %s, want %s", got, want)
	}
}

// ChildProcess runs this test binary as the sandbox program: the value comes back, the sandbox
// has no require or console, and a script's failure is a positioned finding.
func TestChildProcessRunsTheSandbox(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ev := jsconfig.ChildProcess{Exe: exe, MemoryLimit: 256 << 20}
	if raceEnabled { // a race-instrumented child cannot start under a 256 MiB data limit
		ev.MemoryLimit = 64 << 30
	}
	src := []byte("export default {env: process.env, req: typeof require, con: typeof console}")
	r, err := jsconfig.Evaluate(context.Background(), ev, jsconfig.EvalRequest{Name: "env.js", Source: src,
		Defines: map[string]string{"K": "v"}, Timeout: 5 * time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(r.Value)
	if want := `{"con":"undefined","env":{"K":"v"},"req":"undefined"}`; string(got) != want {
		t.Errorf("value %s, want %s", got, want)
	}
	r, err = jsconfig.Evaluate(context.Background(), ev, jsconfig.EvalRequest{Name: "throw.js",
		Source: []byte("const a = {};\n  process.exit(1)"), Timeout: 5 * time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Diagnostics) != 1 || r.Diagnostics[0].Line != 2 || r.Diagnostics[0].Column != 3 ||
		r.Diagnostics[0].Rule != jsconfig.RuleEvalError {
		t.Errorf("diagnostics %+v, want one js/eval-error at 2:3", r.Diagnostics)
	}
}
