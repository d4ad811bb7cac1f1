package cli

import (
	"context"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

func validateHelp() helpText {
	return helpText{
		usage: "validate [flags] [PATH...]",
		description: `Check Amplify storage configuration: each file against the project's JSON Schema for its
format and against the rules Amplify and AWS enforce (see the rules subcommand). A directory
means a project: its sources are discovered (never inside node_modules, .git,
amplify/#current-cloud-backend or build output) and also checked against each other, so that a
stale copy of a bucket or table name is found. Without PATH, the current directory is checked.
"-" reads stdin (name it with --stdin-filename, which is also the format hint).

Files are checked in parallel; the output order is always the same (by file, line, column).`,
		output: `stdout: the diagnostics, in the --format chosen:
  text    file:line:col: severity: message [rule], then the source line and a caret (unless --oneline);
          colour only on a terminal, never with NO_COLOR set
  json    {"diagnostics":[{"file","line","column","severity","rule","message","pointer"}],
           "summary":{"files","errors","warnings"}}
  sarif   SARIF 2.1.0, for GitHub code scanning
  github  GitHub Actions workflow commands (::error file=F,line=L,col=C::message)
stderr: progress on a terminal, and errors that stop the command.`,
		examples: `validate .
validate src/aws-exports.js amplify/team-provider-info.json
validate --format json --strict amplify_outputs.json
validate --format sarif . > results.sarif
validate --ignore values/placeholder --oneline .
cat amplify_outputs.json | amplify-storage-config validate --stdin-filename amplify_outputs.json -
validate --eval --define STAGE=prod src/aws-exports.js`,
	}
}

func (a *App) runValidate(ctx context.Context, args []string) int {
	fs := newFlagSet("validate")
	df := addDiagFlags(fs)
	rf := addReadFlags(fs)
	if code, done := a.parseFlags("validate", fs, validateHelp(), args); done {
		return code
	}
	if code, bad := a.checkIgnore("validate", df.ignore); bad {
		return code
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	if err := countStdin(paths); err != nil {
		return a.usagef("validate", "%v", err)
	}
	opts, err := rf.options()
	if err != nil {
		return a.usagef("validate", "%v", err)
	}
	ctx, stop := a.interruptible(ctx, opts.Eval)
	defer stop()
	// Files are read and checked first, in one parallel pass that opens each argument once and
	// tells a directory by the open descriptor (10,000 arguments used to cost a stat each, then
	// a read). Directories are projects, checked afterwards in argument order; a file that could
	// not be read is reported after them, as when projects were checked first.
	perFile, dirs, stdinErr, fileErr := a.checkArgs(ctx, paths, opts, rf.stdinFilename)
	var diags []validate.Diagnostic
	files := 0
	for i, p := range paths {
		if !dirs[i] {
			files++
			continue
		}
		pd, n, err := a.checkProject(ctx, p, rf.env, opts)
		if err != nil {
			return a.failf("validate", "%v", err)
		}
		diags = append(diags, pd...)
		files += n
	}
	if stdinErr != nil {
		return a.failf("validate", "%v", stdinErr)
	}
	if fileErr != nil {
		return a.failf("validate", "%v", fileErr)
	}
	for _, ds := range perFile {
		diags = append(diags, ds...)
	}
	return a.writeFindings(a.Stdout, df, diags, files)
}
