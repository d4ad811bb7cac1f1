package cli

import (
	"context"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/hostingenv"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

func envHelp() helpText {
	return helpText{
		usage: "env [flags] [PATH...]\n  " + programName + " env check [flags] [PATH...]",
		description: `Print exactly the AMPLIFY_STORAGE_* variables an Amplify Hosting build of a Gen 1 environment
needs for its imported storage: AMPLIFY_STORAGE_BUCKET_NAME, AMPLIFY_STORAGE_REGION and
AMPLIFY_STORAGE_TABLES (a JSON object from storage resource name to table name). Without them
the build fails with "storage headless is missing the following inputParams bucketName,
region" (or "tables, region", or "expected 1 element for resource"). S3 and DynamoDB share one
headless object; the variables printed make both importers pass.

PATH is a project directory (default .) or its source files. The environment is --env, else
amplify/.config/local-env-info.json, else the only one. With nothing imported, nothing is
printed ({} with --format json) and stderr says why.

'env check' compares the build environment with what the project needs (see
'` + programName + ` env check --help').`,
		output: `stdout: the variables, in the --format chosen:
  shell        export NAME='value' lines, safe to eval whatever the values hold (default)
  dotenv       NAME='value' lines
  json         one object, variable name to value
  github       lines to append to $GITHUB_ENV (multi-line safe)
  amplify-cli  the headless --categories JSON the variables become
stderr: diagnostics (why nothing is imported, region conflicts, missing names).`,
		examples: `env .
env --env prod --format dotenv . > .env.hosting
eval "$(amplify-storage-config env --env prod .)"
env --format github . >> "$GITHUB_ENV"
env --format amplify-cli --env prod amplify/team-provider-info.json`,
	}
}

func (a *App) runEnv(ctx context.Context, args []string) int {
	if len(args) > 0 && args[0] == "check" {
		return a.runEnvCheck(ctx, args[1:])
	}
	fs := newFlagSet("env")
	format := newChoice(hostingenv.FormatShell, hostingenv.Formats()...)
	fs.VarP(format, "format", "f", "output `FORMAT`: "+strings.Join(hostingenv.Formats(), ", "))
	rf := addReadFlags(fs)
	if code, done := a.parseFlags("env", fs, envHelp(), args); done {
		return code
	}
	if fs.NArg() > 0 && !strings.ContainsAny(fs.Arg(0), "./\\") && !isDir(fs.Arg(0)) && !fileExists(fs.Arg(0)) {
		if best, ok := closest(fs.Arg(0), []string{"check"}); ok {
			return a.usagef("env", "%q is neither a file nor a folder; did you mean %q?", fs.Arg(0), best)
		}
	}
	opts, err := rf.options()
	if err != nil {
		return a.usagef("env", "%v", err)
	}
	ctx, stop := a.interruptible(ctx, opts.Eval)
	defer stop()
	proj, code, ok := a.loadModel(ctx, "env", fs.Args(), rf, opts)
	if !ok {
		return code
	}
	diags := proj.diags
	if validate.HasErrors(diags, false) { // e.g. an unknown env: working out variables would only contradict it
		a.writeStderrDiagnostics(diags)
		return ExitFindings
	}
	vars, varDiags := hostingenv.Variables(&proj.model, proj.env)
	diags = append(diags, varDiags...)
	a.writeStderrDiagnostics(diags)
	if validate.HasErrors(diags, false) {
		return ExitFindings
	}
	if err := hostingenv.Write(a.Stdout, vars, format.value); err != nil {
		return a.failf("env", "writing output: %v", err)
	}
	return ExitOK
}
