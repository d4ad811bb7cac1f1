package hostingenv

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestShellEval runs the shell output through eval in real shells and checks that exactly the
// values are set and that nothing ran.
func TestShellEval(t *testing.T) {
	vars := hostileVars()
	for _, shell := range []string{"sh", "bash", "dash"} {
		path, err := exec.LookPath(shell)
		if err != nil {
			if shell == "sh" {
				t.Fatalf("no sh on PATH: %v", err)
			}
			t.Logf("%s not installed; checked with the other shells", shell)
			continue
		}
		t.Run(shell, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "vars.sh")
			if err := os.WriteFile(file, []byte(writeString(t, vars, FormatShell)), 0o644); err != nil {
				t.Fatal(err)
			}
			// Print each value NUL-terminated so that newlines survive.
			var script strings.Builder
			script.WriteString(`eval "$(cat "$1")"` + "\n")
			for _, v := range vars {
				script.WriteString(`printf '%s\0' "$` + v.Name + `"` + "\n")
			}
			script.WriteString(`printf '%s\0' "${EVIL-unset}"` + "\n")
			cmd := exec.Command(path, "-c", script.String(), shell, file)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "HOME=/home/test")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("%s: %v\n%s", shell, err, stderr.String())
			}
			// $(...) inside eval output strips trailing newlines of the whole file only.
			got := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
			if len(got) != len(vars)+1 {
				t.Fatalf("got %d values, want %d: %q", len(got), len(vars)+1, got)
			}
			for i, v := range vars {
				if got[i] != v.Value {
					t.Errorf("%s: %s = %q, want %q", shell, v.Name, got[i], v.Value)
				}
			}
			if got[len(vars)] != "unset" {
				t.Errorf("%s: EVIL was set: a value escaped its quotes", shell)
			}
			if _, err := os.Stat(filepath.Join(dir, "PWNED")); err == nil {
				t.Errorf("%s: PWNED was created: eval ran a command from a value", shell)
			}
			if stderr.Len() > 0 {
				t.Errorf("%s wrote to stderr: %s", shell, stderr.String())
			}
		})
	}
}

// TestShellEvalExported checks that the variables are exported (seen by a child process).
func TestShellEvalExported(t *testing.T) {
	vars := Vars{{RegionVar, "us-east-1"}, {TablesVar, `{"posts":"Posts-dev"}`}}
	cmd := exec.Command("sh", "-c", `eval "$1"; env`, "sh", writeString(t, vars, FormatShell))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	env := FromEnviron(strings.Split(string(out), "\n"))
	for _, v := range vars {
		if env[v.Name].Value != v.Value {
			t.Errorf("child sees %s=%q, want %q", v.Name, env[v.Name].Value, v.Value)
		}
	}
}
