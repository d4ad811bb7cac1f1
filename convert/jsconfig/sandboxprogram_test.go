package jsconfig

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// writeProgram writes an executable (or, with mode 0o644, a non-executable) file.
func writeProgram(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"), mode); err != nil {
		t.Fatal(err)
	}
}

func TestFindSandbox(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses POSIX file modes and symbolic links")
	}
	t.Run("beside the program", func(t *testing.T) {
		dir := t.TempDir()
		writeProgram(t, filepath.Join(dir, "amplify-storage-config"), 0o755)
		writeProgram(t, filepath.Join(dir, SandboxProgram), 0o755)
		got, err := findSandbox(filepath.Join(dir, "amplify-storage-config"))
		if err != nil || got != filepath.Join(dir, SandboxProgram) {
			t.Fatalf("got %q, %v; want the one beside the program", got, err)
		}
	})
	t.Run("beside the target of a link", func(t *testing.T) {
		real, links := t.TempDir(), t.TempDir()
		writeProgram(t, filepath.Join(real, "amplify-storage-config"), 0o755)
		writeProgram(t, filepath.Join(real, SandboxProgram), 0o755)
		if err := os.Symlink(filepath.Join(real, "amplify-storage-config"), filepath.Join(links, "amplify-storage-config")); err != nil {
			t.Fatal(err)
		}
		got, err := findSandbox(filepath.Join(links, "amplify-storage-config"))
		if err != nil || filepath.Base(got) != SandboxProgram || !strings.HasPrefix(got, mustEvalSymlinks(t, real)) {
			t.Fatalf("got %q, %v; want the one in %s", got, err, real)
		}
	})
	t.Run("not executable", func(t *testing.T) {
		dir := t.TempDir()
		writeProgram(t, filepath.Join(dir, SandboxProgram), 0o644)
		if got, err := findSandbox(filepath.Join(dir, "amplify-storage-config")); err == nil {
			t.Fatalf("got %q; a file that cannot run is not the sandbox", got)
		}
	})
	t.Run("never from PATH", func(t *testing.T) {
		onPath := t.TempDir() // as node_modules/.bin is in an npm script
		writeProgram(t, filepath.Join(onPath, SandboxProgram), 0o755)
		t.Setenv("PATH", onPath)
		exe := filepath.Join(t.TempDir(), "amplify-storage-config")
		got, err := findSandbox(exe)
		if err == nil {
			t.Fatalf("found %q on PATH", got)
		}
		for _, want := range []string{SandboxProgram, "not installed beside " + exe, SandboxInstall()} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %q", err, want)
			}
		}
	})
}

// A development or test build installs the latest release; the command names the program.
func TestSandboxInstall(t *testing.T) {
	want := "go install github.com/seed-258d3fb3/amplify-storage-config/cmd/amplify-storage-config-eval@latest"
	if got := SandboxInstall(); got != want {
		t.Errorf("SandboxInstall() = %q, want %q", got, want)
	}
}

func mustEvalSymlinks(t *testing.T, path string) string {
	t.Helper()
	p, err := filepath.EvalSymlinks(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The zero ChildProcess looks for the sandbox program; when there is none, the evaluation
// cannot run (an error, not a finding) and the error says how to install it.
func TestChildProcessWithoutSandboxProgram(t *testing.T) {
	_, err := Evaluate(context.Background(), nil, EvalRequest{Name: "a.js", Source: []byte("export default {}")}, nil)
	var ee *EvalError
	if err == nil || errors.As(err, &ee) {
		t.Fatalf("err = %v, want an error that is not a finding", err)
	}
	if !strings.HasPrefix(err.Error(), "evaluation of a.js: evaluating JavaScript needs the sandbox program") ||
		!strings.Contains(err.Error(), SandboxInstall()) {
		t.Errorf("err = %q", err)
	}
}
