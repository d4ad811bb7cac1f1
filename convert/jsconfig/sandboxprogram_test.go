package jsconfig

import (
	"context"
	"errors"
	"os"
	"os/exec"
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
	notOnPath := func(string) (string, error) { return "", exec.ErrNotFound }
	onPath := func(string) (string, error) { return "/opt/bin/" + SandboxProgram, nil }

	t.Run("beside the program", func(t *testing.T) {
		dir := t.TempDir()
		writeProgram(t, filepath.Join(dir, "amplify-storage-config"), 0o755)
		writeProgram(t, filepath.Join(dir, SandboxProgram), 0o755)
		got, err := findSandbox(filepath.Join(dir, "amplify-storage-config"), onPath)
		if err != nil || got != filepath.Join(dir, SandboxProgram) {
			t.Fatalf("got %q, %v; want the one beside the program, before PATH", got, err)
		}
	})
	t.Run("beside the target of a link", func(t *testing.T) {
		real, links := t.TempDir(), t.TempDir()
		writeProgram(t, filepath.Join(real, "amplify-storage-config"), 0o755)
		writeProgram(t, filepath.Join(real, SandboxProgram), 0o755)
		if err := os.Symlink(filepath.Join(real, "amplify-storage-config"), filepath.Join(links, "amplify-storage-config")); err != nil {
			t.Fatal(err)
		}
		got, err := findSandbox(filepath.Join(links, "amplify-storage-config"), notOnPath)
		if err != nil || filepath.Base(got) != SandboxProgram || !strings.HasPrefix(got, mustEvalSymlinks(t, real)) {
			t.Fatalf("got %q, %v; want the one in %s", got, err, real)
		}
	})
	t.Run("not executable: PATH", func(t *testing.T) {
		dir := t.TempDir()
		writeProgram(t, filepath.Join(dir, SandboxProgram), 0o644)
		got, err := findSandbox(filepath.Join(dir, "amplify-storage-config"), onPath)
		if err != nil || got != "/opt/bin/"+SandboxProgram {
			t.Fatalf("got %q, %v; want PATH's", got, err)
		}
	})
	t.Run("missing", func(t *testing.T) {
		dir := t.TempDir()
		exe := filepath.Join(dir, "amplify-storage-config")
		_, err := findSandbox(exe, notOnPath)
		if err == nil {
			t.Fatal("found a sandbox program that does not exist")
		}
		for _, want := range []string{SandboxProgram, "beside " + exe + " or on PATH", SandboxInstall} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %q", err, want)
			}
		}
		if _, err := findSandbox("", notOnPath); err == nil || !strings.Contains(err.Error(), "not installed on PATH;") {
			t.Errorf("unknown program: error %v", err)
		}
	})
	t.Run("PATH search fails", func(t *testing.T) {
		broken := func(string) (string, error) { return "", errors.New("permission denied") }
		_, err := findSandbox(filepath.Join(t.TempDir(), "x"), broken)
		if err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Fatalf("err = %v", err)
		}
	})
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
	t.Setenv("PATH", t.TempDir())
	_, err := Evaluate(context.Background(), nil, EvalRequest{Name: "a.js", Source: []byte("export default {}")}, nil)
	var ee *EvalError
	if err == nil || errors.As(err, &ee) {
		t.Fatalf("err = %v, want an error that is not a finding", err)
	}
	if !strings.HasPrefix(err.Error(), "evaluation of a.js: evaluating JavaScript needs the sandbox program") ||
		!strings.Contains(err.Error(), SandboxInstall) {
		t.Errorf("err = %q", err)
	}
}
