package jsconfig

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// ChildEnv is the environment variable ChildProcess sets to "1" in the sandbox program it
// starts; the program refuses to run without it (it is not meant to be run by hand).
const ChildEnv = "AMPLIFY_STORAGE_CONFIG_EVAL_CHILD"

// DefaultMemoryLimit is the child's data limit (RLIMIT_DATA) when ChildProcess.MemoryLimit is 0.
const DefaultMemoryLimit = 256 << 20

// DefaultKillAfter is how long past the timeout the parent waits before killing the child.
const DefaultKillAfter = time.Second

// maxChildStderr is how much of the child's stderr is kept to classify a failure.
const maxChildStderr = 64 << 10

// ChildProcess evaluates each file in a child process: the sandbox program, which sets its own
// memory limit before running the JavaScript (ServeChild with sandbox.InProcess); the parent
// kills it when the timeout plus a grace period has passed. Any failure of the child becomes
// one short error. The zero value runs the sandbox program found by FindSandbox.
type ChildProcess struct {
	// Exe is the program to start; it must call ServeChild with an evaluator ("" means
	// FindSandbox's answer for the running program).
	Exe string
	// MemoryLimit is the child's RLIMIT_DATA in bytes (0 means DefaultMemoryLimit).
	MemoryLimit int64
	// KillAfter is the grace period after the timeout (0 means DefaultKillAfter).
	KillAfter time.Duration
	// Exited, when set, is called with the child's process state after it ends (to measure
	// its resource use).
	Exited func(*os.ProcessState)
}

// childProtocol is the version of the request and response ChildProcess and ServeChild
// exchange; the child refuses a request of another version (the two programs are installed
// separately and could be of different releases).
const childProtocol = 1

// childRequest is what the parent writes to the child's stdin.
type childRequest struct {
	EvalRequest
	MemoryLimit int64
	Protocol    int
}

// childResponse is what the child writes to its stdout: exactly one of the fields is set.
type childResponse struct {
	JSON      json.RawMessage `json:"json,omitempty"`
	EvalError *EvalError      `json:"evalError,omitempty"`
	Failure   string          `json:"failure,omitempty"`
}

// Evaluate runs the evaluation in a child process.
func (c ChildProcess) Evaluate(ctx context.Context, req EvalRequest) ([]byte, error) {
	exe := c.Exe
	if exe == "" {
		var err error
		if exe, err = FindSandbox(); err != nil {
			return nil, fmt.Errorf("evaluation of %s: %w", req.Name, err)
		}
	}
	limit := c.MemoryLimit
	if limit <= 0 {
		limit = DefaultMemoryLimit
	}
	grace := c.KillAfter
	if grace <= 0 {
		grace = DefaultKillAfter
	}
	if req.Timeout <= 0 {
		req.Timeout = DefaultTimeout
	}
	in, err := json.Marshal(childRequest{EvalRequest: req, MemoryLimit: limit, Protocol: childProtocol})
	if err != nil {
		return nil, err
	}
	kctx, cancel := context.WithTimeout(ctx, req.Timeout+grace)
	defer cancel()
	cmd := exec.CommandContext(kctx, exe)
	cmd.Env = []string{ChildEnv + "=1", "GOTRACEBACK=single", "GOMEMLIMIT=" + strconv.FormatInt(limit/4*3, 10)}
	cmd.Stdin = bytes.NewReader(in)
	var stdout bytes.Buffer
	stderr := &capped{max: maxChildStderr}
	cmd.Stdout = &capped{buf: &stdout, max: MaxExportedJSON*2 + 4096}
	cmd.Stderr = stderr
	cmd.WaitDelay = grace
	runErr := cmd.Run()
	if c.Exited != nil && cmd.ProcessState != nil {
		c.Exited(cmd.ProcessState)
	}
	mib := limit >> 20
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("evaluation of %s: %w", req.Name, ctx.Err())
	case kctx.Err() != nil:
		return nil, fmt.Errorf("evaluation of %s did not finish within %s", req.Name, req.Timeout)
	case outOfMemory(stderr.buf.String()),
		// The runtime's last words may not reach us (it can die writing them); a crash after
		// the child came close to its limit is the limit all the same.
		runErr != nil && cmd.ProcessState != nil && peakRSS(cmd.ProcessState) >= limit/10*9:
		return nil, fmt.Errorf("evaluation of %s exceeded the %d MiB memory limit", req.Name, mib)
	}
	var resp childResponse
	if err := json.Unmarshal(stdout.Bytes(), &resp); err != nil || (resp.JSON == nil && resp.EvalError == nil && resp.Failure == "") {
		if runErr != nil {
			return nil, fmt.Errorf("evaluation of %s failed: the evaluator process ended with %v%s", req.Name, runErr, firstLine(stderr.buf.String()))
		}
		return nil, fmt.Errorf("evaluation of %s failed: the evaluator process wrote no result", req.Name)
	}
	switch {
	case resp.EvalError != nil:
		return nil, resp.EvalError
	case resp.Failure != "":
		return nil, errors.New(resp.Failure)
	}
	return resp.JSON, nil
}

// outOfMemory recognises how the child's Go runtime dies when an allocation hits the data
// limit: "fatal error: runtime: out of memory", or (Go 1.26's garbage collector, when its own
// allocation fails) a SIGSEGV inside the runtime. The child runs nothing else that could
// crash the runtime, so a runtime crash is the memory limit.
func outOfMemory(stderr string) bool {
	for _, m := range []string{"out of memory", "cannot allocate memory", "fatal error:", "SIGSEGV"} {
		if strings.Contains(stderr, m) {
			return true
		}
	}
	return false
}

// capped is a writer that keeps at most max bytes (the rest is dropped, not an error, so the
// child is never blocked on a full pipe).
type capped struct {
	buf *bytes.Buffer
	max int
}

// Write keeps what fits.
func (w *capped) Write(p []byte) (int, error) {
	if w.buf == nil {
		w.buf = &bytes.Buffer{}
	}
	if room := w.max - w.buf.Len(); room > 0 {
		w.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// ServeChild is the child side of ChildProcess, for the sandbox program: it reads one request
// from stdin, limits this process's memory (to DefaultMemoryLimit when the request names no
// limit), evaluates it with ev and writes the response to stdout. It returns the exit code.
func ServeChild(ev Evaluator, stdin io.Reader, stdout, stderr io.Writer) int {
	data, err := io.ReadAll(io.LimitReader(stdin, 1<<30))
	if err != nil {
		fmt.Fprintln(stderr, "reading the request:", err)
		return 2
	}
	var req childRequest
	if err := json.Unmarshal(data, &req); err != nil {
		fmt.Fprintln(stderr, "reading the request:", err)
		return 2
	}
	data = nil
	if req.Protocol != childProtocol {
		// Answered, not just refused, so that the parent's error says what to do.
		return writeResponse(stdout, stderr, childResponse{Failure: fmt.Sprintf("the sandbox program %s speaks "+
			"version %d of the evaluation protocol and the program that started it version %d: install both "+
			"from the same release", SandboxProgram, childProtocol, req.Protocol)})
	}
	if req.MemoryLimit <= 0 { // never unlimited, whoever wrote the request
		req.MemoryLimit = DefaultMemoryLimit
	}
	if err := limitMemory(req.MemoryLimit); err != nil {
		fmt.Fprintln(stderr, "setting the memory limit:", err)
		return 2
	}
	var resp childResponse
	out, err := ev.Evaluate(context.Background(), req.EvalRequest)
	var ee *EvalError
	switch {
	case errors.As(err, &ee):
		resp.EvalError = ee
	case err != nil:
		resp.Failure = err.Error()
	default:
		resp.JSON = out
	}
	return writeResponse(stdout, stderr, resp)
}

// writeResponse writes the child's response and returns its exit code.
func writeResponse(stdout, stderr io.Writer, resp childResponse) int {
	if err := json.NewEncoder(stdout).Encode(resp); err != nil {
		fmt.Fprintln(stderr, "writing the result:", err)
		return 2
	}
	return 0
}

// firstLine is ": " and the first line of a failed child's stderr (shortened), so that an
// unexpected failure says something without printing the child's whole runtime dump.
func firstLine(stderr string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(stderr), "\n")
	if line == "" {
		return ""
	}
	return ": " + shorten(line)
}
