// Package cli is the amplify-storage-config command: it parses arguments, wires the readers,
// validators and writers of the library together, renders their findings and decides the exit
// code. Everything it touches comes in through App, so the whole command runs in tests.
package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit codes, the same for every subcommand.
const (
	// ExitOK: the command ran and found nothing that fails it.
	ExitOK = 0
	// ExitFindings: the command ran and found errors in its input (or warnings under --strict).
	ExitFindings = 1
	// ExitUsage: the command line was wrong.
	ExitUsage = 2
	// ExitFailure: the command could not run (I/O error, evaluation timeout or kill, internal error).
	ExitFailure = 3
)

// programName is how the command names itself in messages and help.
const programName = "amplify-storage-config"

// App is one run of the command: its streams, environment and the few operating-system services
// it needs. The zero value is not usable; Main fills one in from the process.
type App struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads an environment variable (NO_COLOR, CI, AMPLIFY_STORAGE_*).
	Getenv func(string) string
	// Environ lists the environment as KEY=VALUE pairs (for `env check`); nil means empty.
	Environ func() []string
	// IsTerminal reports whether a stream is an interactive terminal (colour, progress).
	IsTerminal func(w any) bool
	// Getwd returns the working directory, against which SARIF file URIs are made relative.
	Getwd func() (string, error)
	// Interrupts returns ctx cancelled by an interrupt or SIGTERM, and the function that stops
	// watching (signal.NotifyContext); runs that write files or evaluate JavaScript use it
	// (see interruptible). Nil leaves every signal's default.
	Interrupts func(ctx context.Context) (context.Context, context.CancelFunc)
}

// Main runs the command with the process's streams and environment and returns the exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	a := &App{
		Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: getenv,
		Environ: os.Environ, IsTerminal: isTerminal, Getwd: os.Getwd, Interrupts: notifyInterrupts,
	}
	return a.Run(ctx, args)
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(a *App, ctx context.Context, args []string) int
}

// commands lists the subcommands in the order the help shows them.
func commands() []command {
	return []command{
		{"inspect", "print the storage model each file describes, as JSON", (*App).runInspect},
		{"validate", "check configuration files or a project; print diagnostics", (*App).runValidate},
		{"migrate", "write a Gen 1 project's storage as Gen 2 amplify_outputs.json", (*App).runMigrate},
		{"convert", "convert files or a project to amplify_outputs (stdout)", (*App).runConvert},
		{"env", "print (or `env check`) the AMPLIFY_STORAGE_* Hosting variables", (*App).runEnv},
		{"schema", "list the JSON Schemas, or print one", (*App).runSchema},
		{"rules", "list the validation rules", (*App).runRules},
		{"version", "print the version, VCS revision and Go version", (*App).runVersion},
		{"help", "show help for a subcommand", (*App).runHelp},
	}
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// Run runs the command line args (without the program name) and returns the exit code.
func (a *App) Run(ctx context.Context, args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(a.Stderr, "%s: internal error: %v\nplease report this with the input that caused it\n", programName, r)
			code = ExitFailure
		}
	}()
	fs := newFlagSet(programName)
	fs.SetInterspersed(false)
	help := fs.BoolP("help", "h", false, "show this help")
	version := fs.Bool("version", false, "print the version (same as the version subcommand)")
	if err := fs.Parse(args); err != nil {
		return a.flagError("", fs, err)
	}
	switch {
	case *help:
		a.printTopHelp(a.Stdout)
		return ExitOK
	case *version:
		return a.runVersion(ctx, nil)
	case fs.NArg() == 0:
		a.printTopHelp(a.Stderr)
		return ExitUsage
	}
	name := fs.Arg(0)
	c, ok := findCommand(name)
	if !ok {
		fmt.Fprintf(a.Stderr, "%s: unknown subcommand %q%s\nRun '%s --help' for the list of subcommands.\n",
			programName, name, didYouMean(name, commandNames()), programName)
		return ExitUsage
	}
	return c.run(a, ctx, fs.Args()[1:])
}

func (a *App) printTopHelp(w io.Writer) {
	var b strings.Builder
	fmt.Fprintf(&b, `%[1]s reads, validates and migrates the storage configuration (S3 buckets and
DynamoDB tables) of AWS Amplify Gen 1 and Gen 2 projects.

Usage:
  %[1]s [--help | --version] <subcommand> [flags] [arguments]

Subcommands:
`, programName)
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(&b, `
Examples:
  %[1]s validate .                       # discover a project's sources and check them
  %[1]s validate src/aws-exports.js      # check one file
  %[1]s migrate --dry-run .              # show the Gen 2 amplify_outputs.json for a Gen 1 project
  %[1]s env --env prod .                 # the AMPLIFY_STORAGE_* variables a Hosting build needs
  %[1]s validate --help                  # every subcommand has its own help

%[2]s
Run '%[1]s <subcommand> --help' for a subcommand's flags.
`, programName, exitCodesHelp)
	io.WriteString(w, b.String())
}

// exitCodesHelp is the exit-code table every help text ends with.
const exitCodesHelp = `Exit codes:
  0  clean: nothing that fails the command
  1  findings: errors in the input (or warnings with --strict); unparseable, unknown-format,
     oversized or too deeply nested input counts as a finding
  2  bad usage: unknown subcommand, flag or value
  3  could not run: I/O error, --eval timeout or kill, internal error
`

// runHelp prints the help of the named subcommand (or the top-level help).
func (a *App) runHelp(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		a.printTopHelp(a.Stdout)
		return ExitOK
	}
	c, ok := findCommand(args[0])
	if !ok {
		fmt.Fprintf(a.Stderr, "%s help: unknown subcommand %q%s\n", programName, args[0], didYouMean(args[0], commandNames()))
		return ExitUsage
	}
	rest := append([]string{}, args[1:]...)
	return c.run(a, ctx, append(rest, "--help"))
}

// failf reports that the command could not run and returns ExitFailure.
func (a *App) failf(cmd, format string, args ...any) int {
	fmt.Fprintf(a.Stderr, "%s: %s\n", commandPrefix(cmd), fmt.Sprintf(format, args...))
	return ExitFailure
}

// usagef reports bad usage and returns ExitUsage.
func (a *App) usagef(cmd, format string, args ...any) int {
	fmt.Fprintf(a.Stderr, "%s: %s\nRun '%s --help' for usage.\n", commandPrefix(cmd), fmt.Sprintf(format, args...), commandPrefix(cmd))
	return ExitUsage
}

func commandPrefix(cmd string) string {
	if cmd == "" {
		return programName
	}
	return programName + " " + cmd
}

// getenv reads an environment variable, tolerating a nil Getenv.
func (a *App) getenv(key string) string {
	if a.Getenv == nil {
		return ""
	}
	return a.Getenv(key)
}

// terminal reports whether w is an interactive terminal.
func (a *App) terminal(w any) bool { return a.IsTerminal != nil && a.IsTerminal(w) }

// colorFor reports whether output written to w may use colour: only on a terminal, and never
// when NO_COLOR is set to anything (https://no-color.org).
func (a *App) colorFor(w any) bool {
	if a.getenv("NO_COLOR") != "" {
		return false
	}
	return a.terminal(w) && a.getenv("TERM") != "dumb"
}

// progressEnabled reports whether batch progress may be drawn on stderr: a terminal, and not CI.
func (a *App) progressEnabled() bool {
	return a.terminal(a.Stderr) && a.getenv("CI") == ""
}
