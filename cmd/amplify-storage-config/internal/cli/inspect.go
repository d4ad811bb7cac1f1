package cli

import (
	"context"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

func inspectHelp() helpText {
	return helpText{
		usage: "inspect [flags] PATH...",
		description: `Show what the tool understood: read each file (or each source discovered in a project
directory) and print the storage model it describes, with the file:line:column every value
came from, as JSON in a stable order. "-" reads stdin.`,
		output: `stdout: {"sources":[{"file","format","model","diagnostics"}]}
stderr: the readers' diagnostics as text (file:line:col: severity: message [rule]).`,
		examples: `inspect src/aws-exports.js
inspect fixtures/projects/gen1-managed
inspect --from amplify-outputs --stdin-filename outputs.json - < outputs.json
inspect src/aws-exports.js | jq '.sources[0].model.buckets[].bucket_name.value'`,
	}
}

func (a *App) runInspect(ctx context.Context, args []string) int {
	fs := newFlagSet("inspect")
	rf := addReadFlags(fs)
	if code, done := a.parseFlags("inspect", fs, inspectHelp(), args); done {
		return code
	}
	if fs.NArg() == 0 {
		return a.usagef("inspect", "name at least one PATH (a file, a project directory, or - for stdin)")
	}
	if err := countStdin(fs.Args()); err != nil {
		return a.usagef("inspect", "%v", err)
	}
	opts, err := rf.options()
	if err != nil {
		return a.usagef("inspect", "%v", err)
	}
	ctx, stop := a.interruptible(ctx, opts.Eval)
	defer stop()
	paths, diags, err := expandDirs(fs.Args())
	if err != nil {
		return a.failf("inspect", "%v", err)
	}
	docs, err := a.readDocuments(ctx, paths, opts, rf.stdinFilename, "reading", nil)
	if err != nil {
		return a.failf("inspect", "%v", err)
	}
	if err := convert.WriteInspect(a.Stdout, docs); err != nil {
		return a.failf("inspect", "writing output: %v", err)
	}
	for _, d := range docs {
		diags = append(diags, d.Diagnostics...)
	}
	a.writeStderrDiagnostics(diags)
	if validate.HasErrors(diags, false) {
		return ExitFindings
	}
	return ExitOK
}

// expandDirs replaces each directory among paths by the sources discovered in it.
func expandDirs(paths []string) ([]string, []validate.Diagnostic, error) {
	var out []string
	var diags []validate.Diagnostic
	for _, p := range paths {
		if !isDir(p) {
			out = append(out, p)
			continue
		}
		found, ds, err := convert.Discover(p, nil)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, found...)
		diags = append(diags, ds...)
	}
	return out, diags, nil
}
