package cli

import (
	"context"
	"os"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/hostingenv"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

func envCheckHelp() helpText {
	return helpText{
		usage: "env check [flags] [PATH...]",
		description: `Compare the build environment with the AMPLIFY_STORAGE_* variables the project's imported
storage needs (see '` + programName + ` env --help'), and report, with the Hosting build error
each finding prevents: missing variables; variables set but not needed; a malformed
AMPLIFY_STORAGE_TABLES (with the column inside the JSON); table keys that match no imported
resource (with the closest name) and resources with no key; a region, bucket or table other
than the project's; names that break AWS naming rules.

The variables are read from the process environment, or from a dotenv file with --from-file.
PATH is a project directory (default .) or its source files.`,
		output: `stdout: the diagnostics, in the --format chosen (text, json, sarif, github; as validate).
stderr: errors that stop the command.`,
		examples: `env check --env prod .
env check --from-file .env.hosting --strict .
env check --format github --env "$AWS_BRANCH" .
# in amplify.yml, before amplifyPush:
#   - amplify-storage-config env check --env "$USER_BRANCH" .`,
	}
}

func (a *App) runEnvCheck(ctx context.Context, args []string) int {
	const cmd = "env check"
	fs := newFlagSet(cmd)
	df := addDiagFlags(fs)
	fromFile := fs.String("from-file", "", "read the variables from dotenv `FILE` instead of the process environment")
	rf := addReadFlags(fs)
	if code, done := a.parseFlags(cmd, fs, envCheckHelp(), args); done {
		return code
	}
	if code, bad := a.checkIgnore(cmd, df.ignore); bad {
		return code
	}
	opts, err := rf.options()
	if err != nil {
		return a.usagef(cmd, "%v", err)
	}
	ctx, stop := a.interruptible(ctx, opts.Eval)
	defer stop()
	var actual map[string]hostingenv.Entry
	var diags []validate.Diagnostic
	source := "environment"
	files := 0
	if *fromFile != "" {
		data, err := os.ReadFile(*fromFile)
		if err != nil {
			return a.failf(cmd, "%v", err)
		}
		var ds []validate.Diagnostic
		actual, ds = hostingenv.ParseDotenv(*fromFile, data)
		diags = append(diags, ds...)
		source = *fromFile
		files++
	} else {
		var environ []string
		if a.Environ != nil {
			environ = a.Environ()
		}
		actual = hostingenv.FromEnviron(environ)
	}
	lm, code, ok := a.loadModel(ctx, cmd, fs.Args(), rf, opts)
	if !ok {
		return code
	}
	files += len(lm.docs)
	// Only what bears on the variables: the project's own info lines (derived names, files
	// not read) belong to validate and inspect, and once the project itself cannot be read for
	// the env (unknown or ambiguous env) a comparison would only contradict that error.
	projectDiags := atLeast(lm.diags, validate.Warning)
	diags = append(diags, projectDiags...)
	if !validate.HasErrors(projectDiags, false) {
		diags = append(diags, hostingenv.Check(&lm.model, lm.env, actual, source)...)
	}
	return a.writeFindings(a.Stdout, df, diags, files)
}

// atLeast keeps the diagnostics whose severity is sev or worse.
func atLeast(ds []validate.Diagnostic, sev validate.Severity) []validate.Diagnostic {
	var out []validate.Diagnostic
	for _, d := range ds {
		if d.Severity <= sev {
			out = append(out, d)
		}
	}
	return out
}
