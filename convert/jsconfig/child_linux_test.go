package jsconfig

import (
	"context"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Memory bombs end within the timeout plus the grace period, with one clear error, and the
// child's peak RSS stays bounded by its data limit.
func TestChildProcessMemoryBomb(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's memory use does not fit the 256 MiB limit under test; run without -race")
	}
	if testing.Short() {
		t.Skip("memory bombs take a few seconds; skipped with -short")
	}
	bombs := map[string]string{
		"doubling.js": "let s = 'x'; while (true) s += s;",
		"repeat.js":   "export default 'x'.repeat(2**28)",
		"join.js":     "export default new Array(1e8).join('ab')",
		"array.js":    "const a = []; while (true) a.push({a: [1, 2, 3]});",
	}
	const timeout = 2 * time.Second
	for name, src := range bombs {
		t.Run(name, func(t *testing.T) {
			ev := childEvaluator(t)
			var maxRSS int64
			ev.Exited = func(ps *os.ProcessState) {
				if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
					maxRSS = ru.Maxrss * 1024 // kilobytes on Linux
				}
			}
			start := time.Now()
			_, err := Evaluate(context.Background(), ev, EvalRequest{Name: name, Source: []byte(src), Timeout: timeout}, nil)
			took := time.Since(start)
			t.Logf("%s: %v after %s, child peak RSS %d MiB", name, err, took.Round(time.Millisecond), maxRSS>>20)
			if err == nil {
				t.Fatal("a memory bomb evaluated without error")
			}
			msg := err.Error()
			if msg != "evaluation of "+name+" exceeded the 256 MiB memory limit" && msg != "evaluation of "+name+" did not finish within 2s" &&
				!strings.HasPrefix(msg, "evaluation of "+name+": the exported value") {
				t.Errorf("unclear error %q", msg)
			}
			if strings.Contains(msg, "goroutine") || strings.Contains(msg, "runtime.") || strings.Count(msg, "\n") > 0 {
				t.Errorf("error carries a runtime dump: %q", msg)
			}
			if took > timeout+ev.KillAfter+2*time.Second {
				t.Errorf("took %s", took)
			}
			if maxRSS == 0 || maxRSS > 320<<20 {
				t.Errorf("child peak RSS %d MiB, want at most 320 MiB", maxRSS>>20)
			}
		})
	}
}
