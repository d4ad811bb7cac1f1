package jsconfig

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Every fixture whose static reading is complete must evaluate to the same value, with the
// same positions.
func TestEvaluateMatchesStatic(t *testing.T) {
	for _, c := range staticCases {
		if c.value == "" || len(c.nonLi) > 0 || c.file == "mobilehub.js" {
			continue
		}
		t.Run(c.file, func(t *testing.T) {
			data := fixture(t, c.file)
			r, err := Evaluate(context.Background(), InProcessForTest, EvalRequest{Name: c.file, Source: data}, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkValue(t, r.Value, c.value)
			for ptr, want := range c.pos {
				p := r.Locate.PosOf(ptr)
				if got := posString(p.Line(), p.Column()); got != want {
					t.Errorf("PosOf(%q) = %s, want %s", ptr, got, want)
				}
			}
		})
	}
}

func TestEvaluateInProcess(t *testing.T) {
	cases := []struct {
		name, src string
		defines   map[string]string
		value     string
		diags     []string
		msg       string // substring of the first diagnostic's message
	}{
		{name: "process-env.js", src: string(fixture(t, "process-env.js")),
			defines: map[string]string{"REACT_APP_BUCKET": "env-bucket", "REACT_APP_POOL": "abc", "REACT_APP_STAGE": "dev"},
			value:   `{"aws_cognito_identity_pool_id":"us-east-1:abc","aws_project_region":"us-east-1","aws_user_files_s3_bucket":"env-bucket","aws_user_files_s3_bucket_region":"us-east-1","stage":"dev"}`},
		{name: "env-only-defines.js", src: "module.exports = {keys: Object.keys(process.env).sort(), p: Object.keys(process)}",
			defines: map[string]string{"B": "2", "A": "1"}, value: `{"keys":["A","B"],"p":["env"]}`},
		{name: "require.js", src: "const fs = require('fs');\nexport default {}", diags: []string{"1:12 error js/eval-error"}, msg: "ReferenceError: require is not defined"},
		{name: "console.js", src: "console.log('x')\nexport default {}", diags: []string{"1:1 error js/eval-error"}, msg: "console is not defined"},
		{name: "process-exit.js", src: "export default {}\n  process.exit(1)", diags: []string{"2:3 error js/eval-error"}, msg: "TypeError"},
		{name: "fetch.js", src: "fetch('https://example.com')", diags: []string{"1:1 error js/eval-error"}, msg: "fetch is not defined"},
		{name: "timers.js", src: "setTimeout(() => {}, 1)", diags: []string{"1:1 error js/eval-error"}, msg: "setTimeout is not defined"},
		{name: "throw.js", src: "const awsmobile = {};\n\n   throw new Error('boom')", diags: []string{"3:10 error js/eval-error"}, msg: "Error: boom"},
		{name: "computed.js", src: "const r = ['us', 'east', '1'].join('-');\nexport default {aws_project_region: r, n: 2 ** 10, d: new Date(0)}",
			value: `{"aws_project_region":"us-east-1","d":"1970-01-01T00:00:00.000Z","n":1024}`},
		{name: "cycle.js", src: "const a = {}; a.self = a; export default a;", diags: []string{"1:27 error js/eval-error"}, msg: "cycle"},
		{name: "deep.js", src: "let o = {}; for (let i = 0; i < 1000; i++) o = {o}; export default o;", diags: []string{"1:53 error js/eval-error"}, msg: "deeper than 500"},
		{name: "recursion.js", src: "function f() { return f() }\nf()", diags: []string{"1:23 error js/eval-error"}, msg: "RangeError"},
		{name: "no-export.js", src: "var x = {a: 1}", diags: []string{"1:1 error js/no-export"}},
		{name: "dynamic-cjs.js", src: "(function () { module.exports = {a: 'b'} })()", value: `{"a":"b"}`},
		{name: "export-let-if.mjs", src: "export let awsmobile;\nif (process.env.STAGE === 'prod') { awsmobile = {b: 'prod'} } else { awsmobile = {b: 'dev'} }",
			defines: map[string]string{"STAGE": "prod"}, value: `{"b":"prod"}`},
		{name: "typescript.ts", src: "export let awsmobile: any;", diags: []string{"1:21 error js/typescript"}},
		{name: "sourcemap.js", src: "export default {a: 1}\n//# sourceMappingURL=/etc/passwd", value: `{"a":1}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := EvalRequest{Name: c.name, Source: []byte(c.src), Defines: c.defines, Timeout: 2 * time.Second}
			r, err := Evaluate(context.Background(), InProcessForTest, req, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkValue(t, r.Value, c.value)
			if diff := cmp.Diff(c.diags, diagStrings(r.Diagnostics)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, r.Diagnostics)
			}
			if c.msg != "" && (len(r.Diagnostics) == 0 || !strings.Contains(r.Diagnostics[0].Message, c.msg)) {
				t.Errorf("message %v does not contain %q", r.Diagnostics, c.msg)
			}
		})
	}
}

func TestInProcessTimeout(t *testing.T) {
	start := time.Now()
	_, err := Evaluate(context.Background(), InProcessForTest, EvalRequest{Name: "loop.js", Source: []byte("while (true) {}"),
		Timeout: 200 * time.Millisecond}, nil)
	if err == nil || !strings.Contains(err.Error(), "did not finish within 200ms") {
		t.Fatalf("err = %v", err)
	}
	var ee *EvalError
	if errors.As(err, &ee) {
		t.Fatal("a timeout must not be a finding")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("took %s", d)
	}
	// A getter that loops runs while the value is exported: still bounded.
	_, err = Evaluate(context.Background(), InProcessForTest, EvalRequest{Name: "getter.js",
		Source: []byte("export default { get a() { for (;;) {} } }"), Timeout: 200 * time.Millisecond}, nil)
	if err == nil || !strings.Contains(err.Error(), "did not finish") {
		t.Fatalf("getter: err = %v", err)
	}
}

func TestInProcessCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := InProcessForTest.Evaluate(ctx, EvalRequest{Name: "loop.js", Source: []byte("for (;;) {}"), Timeout: time.Minute})
	if err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Fatalf("err = %v", err)
	}
}

// childEvaluator runs the test binary itself as the child.
func childEvaluator(t *testing.T) ChildProcess {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ev := ChildProcess{Exe: exe, MemoryLimit: 256 << 20, KillAfter: time.Second}
	if raceEnabled { // a race-instrumented child cannot start under a 256 MiB data limit
		ev.MemoryLimit = 64 << 30
	}
	return ev
}

func TestChildProcessEvaluates(t *testing.T) {
	ev := childEvaluator(t)
	data := fixture(t, "cli-generated.js")
	r, err := Evaluate(context.Background(), ev, EvalRequest{Name: "cli-generated.js", Source: data, Timeout: 5 * time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkValue(t, r.Value, staticCases[0].value)
	r, err = Evaluate(context.Background(), ev, EvalRequest{Name: "env.js", Defines: map[string]string{"K": "v"},
		Source: []byte("export default {env: process.env, req: typeof require, con: typeof console}"), Timeout: 5 * time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkValue(t, r.Value, `{"con":"undefined","env":{"K":"v"},"req":"undefined"}`)
	r, err = Evaluate(context.Background(), ev, EvalRequest{Name: "req.js", Source: []byte("\nrequire('child_process')"), Timeout: 5 * time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"2:1 error js/eval-error"}, diagStrings(r.Diagnostics)); diff != "" {
		t.Error(diff)
	}
}

func TestChildProcessInfiniteLoop(t *testing.T) {
	ev := childEvaluator(t)
	start := time.Now()
	_, err := Evaluate(context.Background(), ev, EvalRequest{Name: "loop.js", Source: []byte("while(true){}"), Timeout: time.Second}, nil)
	took := time.Since(start)
	if err == nil || err.Error() != "evaluation of loop.js did not finish within 1s" {
		t.Fatalf("err = %v", err)
	}
	if took > 1*time.Second+ev.KillAfter+time.Second {
		t.Fatalf("took %s", took)
	}
	t.Logf("infinite loop stopped after %s", took)
}

func TestChildProcessExePathMissing(t *testing.T) {
	ev := ChildProcess{Exe: filepath.Join(t.TempDir(), "missing")}
	_, err := ev.Evaluate(context.Background(), EvalRequest{Name: "a.js", Source: []byte("1")})
	var ee *EvalError
	if err == nil || errors.As(err, &ee) {
		t.Fatalf("err = %v", err)
	}
}
