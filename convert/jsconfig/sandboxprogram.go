package jsconfig

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// SandboxProgram is the name of the program ChildProcess runs evaluations in
// (cmd/amplify-storage-config-eval). It is installed beside amplify-storage-config.
const SandboxProgram = "amplify-storage-config-eval"

// SandboxInstall is the command that installs the sandbox program.
const SandboxInstall = "CGO_ENABLED=0 go install github.com/seed-258d3fb3/amplify-storage-config/cmd/" + SandboxProgram + "@latest"

// FindSandbox returns the path of the sandbox program: the one beside the running program
// (beside the link or its target, when the running program was started through a symbolic
// link), else the first on PATH. Its error says how to install the program.
func FindSandbox() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		exe = ""
	}
	return findSandbox(exe, exec.LookPath)
}

// findSandbox is FindSandbox for the running program exe ("" when unknown) and a PATH search.
func findSandbox(exe string, lookPath func(string) (string, error)) (string, error) {
	name := SandboxProgram
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	var dirs []string
	if exe != "" {
		dirs = append(dirs, filepath.Dir(exe))
		if real, err := filepath.EvalSymlinks(exe); err == nil && filepath.Dir(real) != dirs[0] {
			dirs = append(dirs, filepath.Dir(real))
		}
	}
	for _, dir := range dirs {
		path := filepath.Join(dir, name)
		if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && isExecutable(fi) {
			return path, nil
		}
	}
	if path, err := lookPath(SandboxProgram); err == nil {
		return path, nil
	} else if !errors.Is(err, exec.ErrNotFound) && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("looking for the JavaScript sandbox program %s: %w", SandboxProgram, err)
	}
	where := "on PATH"
	if len(dirs) > 0 {
		where = "beside " + exe + " or on PATH"
	}
	return "", fmt.Errorf("evaluating JavaScript needs the sandbox program %s, which is not installed %s; install it with: %s",
		SandboxProgram, where, SandboxInstall)
}

// isExecutable reports whether a file's mode lets someone run it (always true on Windows,
// where the mode has no such bits).
func isExecutable(fi os.FileInfo) bool {
	return runtime.GOOS == "windows" || fi.Mode().Perm()&0o111 != 0
}
