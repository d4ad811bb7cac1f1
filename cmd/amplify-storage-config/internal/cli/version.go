package cli

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
)

func versionHelp() helpText {
	return helpText{
		usage: "version",
		description: `Print the module version, the VCS revision (and its time, and "modified" when the build
had uncommitted changes) when the build recorded one, and the Go version.`,
		examples: `version`,
		output:   `stdout: the version lines.`,
	}
}

// runVersion prints the version. It reads only the build info: no schema, no JavaScript engine.
func (a *App) runVersion(_ context.Context, args []string) int {
	fs := newFlagSet("version")
	if code, done := a.parseFlags("version", fs, versionHelp(), args); done {
		return code
	}
	if fs.NArg() > 0 {
		return a.usagef("version", "takes no arguments (got %q)", fs.Arg(0))
	}
	fmt.Fprint(a.Stdout, versionText())
	return ExitOK
}

// buildVersion returns the module version recorded in the binary ("(devel)" for a local build).
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" {
		return "(devel)"
	}
	return info.Main.Version
}

// versionText is the output of `version`.
func versionText() string {
	var b strings.Builder
	info, ok := debug.ReadBuildInfo()
	if !ok {
		fmt.Fprintf(&b, "%s (devel)\n", programName)
		return b.String()
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	fmt.Fprintf(&b, "%s %s\n", programName, v)
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		line := "revision: " + rev
		if t := settings["vcs.time"]; t != "" {
			line += " (" + t + ")"
		}
		if settings["vcs.modified"] == "true" {
			line += " modified"
		}
		fmt.Fprintln(&b, line)
	}
	fmt.Fprintf(&b, "go: %s\n", info.GoVersion)
	return b.String()
}
