package jsconfig

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
)

// SandboxProgram is the name of the program ChildProcess runs evaluations in
// (cmd/amplify-storage-config-eval). It is installed beside amplify-storage-config.
const SandboxProgram = "amplify-storage-config-eval"

// modulePath is this module's path, to name the version of the sandbox program to install.
const modulePath = "github.com/seed-258d3fb3/amplify-storage-config"

// SandboxInstall returns the command that installs the sandbox program at the version of this
// module that the running program was built with (@latest when that is unknown).
func SandboxInstall() string {
	return "go install " + modulePath + "/cmd/" + SandboxProgram + "@" + moduleVersion()
}

// moduleVersion is this module's version in the running program's build information, or
// "latest" for a development build or when there is none.
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "latest"
	}
	v := ""
	if bi.Main.Path == modulePath {
		v = bi.Main.Version
	}
	for _, d := range bi.Deps {
		if d.Path == modulePath {
			v = d.Version
		}
	}
	if v == "" || v == "(devel)" {
		return "latest"
	}
	return v
}

// FindSandbox returns the path of the sandbox program beside the running program (in the
// directory of its file, with symbolic links followed, and, where the system reports the path
// it was started by, in that directory too). It is never looked up on PATH: a project's
// scripts put folders it controls there (node_modules/.bin), and the sandbox's output is
// trusted. Its error says how to install the program.
func FindSandbox() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("evaluating JavaScript needs the sandbox program %s beside this program, "+
			"whose location is unknown: %w", SandboxProgram, err)
	}
	return findSandbox(exe)
}

// findSandbox is FindSandbox for the running program exe.
func findSandbox(exe string) (string, error) {
	name := SandboxProgram
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	dirs := []string{filepath.Dir(exe)}
	if real, err := filepath.EvalSymlinks(exe); err == nil && filepath.Dir(real) != dirs[0] {
		dirs = append(dirs, filepath.Dir(real))
	}
	for _, dir := range dirs {
		path := filepath.Join(dir, name)
		if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && isExecutable(fi) {
			return path, nil
		}
	}
	return "", fmt.Errorf("evaluating JavaScript needs the sandbox program %s, which is not installed beside %s; "+
		"install it there (go install puts both programs in the same folder): %s", SandboxProgram, exe, SandboxInstall())
}

// isExecutable reports whether a file's mode lets someone run it (always true on Windows,
// where the mode has no such bits).
func isExecutable(fi os.FileInfo) bool {
	return runtime.GOOS == "windows" || fi.Mode().Perm()&0o111 != 0
}
