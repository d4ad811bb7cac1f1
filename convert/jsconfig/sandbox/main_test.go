package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
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
		!strings.Contains(stderr.String(), jsconfig.SandboxInstall()) {
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

// serveByHand runs this test binary as the sandbox program on a hand-made request and returns
// its exit code and stdout.
func serveByHand(t *testing.T, req map[string]any) (int, string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	in, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = []string{jsconfig.ChildEnv + "=1"}
	cmd.Stdin = bytes.NewReader(in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code != 0 {
		t.Logf("stderr: %s", stderr.String())
	}
	return code, strings.TrimSpace(stdout.String())
}

// Main serves one request: the response carries the exported value as JSON. A request that
// names no memory limit gets the default one, never none.
func TestMainServesOneRequest(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector cannot start under the default 256 MiB limit this request gets; run without -race")
	}
	code, out := serveByHand(t, map[string]any{"Name": "x.js", "Source": []byte("export default {b: process.env.B}"),
		"Defines": map[string]string{"B": "from-define"}, "Timeout": time.Second, "Protocol": 1})
	if want := `{"json":{"b":"from-define"}}`; code != 0 || out != want {
		t.Errorf("exit %d, response %s, want 0 and %s", code, out, want)
	}
	// The default limit holds: a script that needs more than 256 MiB does not finish.
	code, out = serveByHand(t, map[string]any{"Name": "big.js", "Source": []byte("export default {n: 'x'.repeat(2**29).length}"),
		"Timeout": 10 * time.Second, "Protocol": 1})
	if code == 0 && strings.Contains(out, `"json"`) {
		t.Errorf("a 512 MiB string was built without a memory limit: %s", out)
	}
}

// A request of another protocol version is refused with a failure that says what to do.
func TestMainRefusesAnotherProtocol(t *testing.T) {
	code, out := serveByHand(t, map[string]any{"Name": "x.js", "Source": []byte("export default {}"),
		"Timeout": time.Second, "Protocol": 99, "MemoryLimit": 64 << 30})
	if code != 0 || !strings.Contains(out, `"failure"`) || !strings.Contains(out, "install both from the same release") {
		t.Errorf("exit %d, response %s", code, out)
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
