package cli

import (
	"context"
	"strings"

	"github.com/spf13/pflag"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/outputs"
)

func migrateHelp() helpText {
	return helpText{
		usage: "migrate [flags] [DIR]",
		description: `Write the storage of the Gen 1 project in DIR (default .) as the Gen 2 amplify_outputs.json a
Gen 2 app needs to keep using the same S3 buckets and DynamoDB tables: storage.bucket_name,
storage.aws_region, storage.buckets[] with the access paths Gen 1 granted, and
custom.dynamodb_tables. It works on a clean clone too (only backend-config.json,
cli-inputs.json and team-provider-info.json): managed bucket and table names are derived the way
amplify-cli names them, and the report says so.

The environment is --env, else amplify/.config/local-env-info.json, else the only one. The
default bucket is the one the frontend config names, else the only one, else --default-bucket.

If the output file exists, only "storage" and "custom.dynamodb_tables" are replaced; every other
byte stays as it was, and the file keeps its own "version" unless --outputs-version is given.
The result is validated before anything is written, and written atomically. What Gen 2 cannot
express (Gen 1 group access to the whole bucket, for example) is named in the report.`,
		output: `stdout: nothing; with --dry-run, only the document.
stderr: the report (--report text|json) and the diagnostics; with --check, the diff.`,
		examples: `migrate .
migrate --env prod -o frontend/amplify_outputs.json .
migrate --dry-run . | jq .storage
migrate --check .                     # in CI or pre-commit: exit 1 when the file is missing or stale
migrate --format dart -o lib/amplify_outputs.dart .
migrate --outputs-version 1.3 --no-tables --default-bucket media .
migrate --report json . 2> report.json`,
	}
}

func convertHelp() helpText {
	return helpText{
		usage: "convert [flags] PATH... [-o FILE|-]",
		description: `Convert supported configuration files, or a project folder, to Gen 2 amplify_outputs.json
storage and print it (or write it to -o FILE). For a project folder the result is exactly what
'migrate DIR --dry-run' prints, with the same environment rule; several files are read as the
sources of one project. "-" reads stdin.`,
		output: `stdout: the document (unless -o FILE).
stderr: the report (--report) and the diagnostics.`,
		examples: `convert src/aws-exports.js
convert amplify/team-provider-info.json amplify/backend/backend-config.json --env dev
convert --format dart -o lib/amplify_outputs.dart lib/amplifyconfiguration.dart
convert --stdin-filename aws-exports.js - < aws-exports.js
convert fixtures/projects/gen1-managed > amplify_outputs.json`,
	}
}

// outputFlags are the flags migrate and convert share.
type outputFlags struct {
	out           string
	outputsVer    *choiceValue
	defaultBucket string
	noTables      bool
	format        *choiceValue
	strict        bool
	report        *choiceValue
}

func addOutputFlags(fs *pflag.FlagSet, outUsage string) *outputFlags {
	o := &outputFlags{
		outputsVer: newChoice("", outputs.Versions()...),
		format:     newChoice("json", "json", "dart"),
		report:     newChoice("text", "text", "json"),
	}
	fs.StringVarP(&o.out, "out", "o", "", outUsage)
	fs.Var(o.outputsVer, "outputs-version", "amplify_outputs `VERSION` to write ("+strings.Join(outputs.Versions(), ", ")+"; default: the existing file's, else 1.5)")
	fs.StringVar(&o.defaultBucket, "default-bucket", "", "`NAME` (friendly or bucket name) of the default bucket when the project has several")
	fs.BoolVar(&o.noTables, "no-tables", false, "leave DynamoDB tables out (custom.dynamodb_tables)")
	fs.VarP(o.format, "format", "f", "document `FORMAT`: json (amplify_outputs.json) or dart (amplify_outputs.dart)")
	fs.BoolVar(&o.strict, "strict", false, "treat warnings (what Gen 2 cannot express, stale copies) as errors: exit 1 and write nothing")
	fs.Var(o.report, "report", "report `FORMAT` on stderr: text or json")
	return o
}

func (a *App) runMigrate(ctx context.Context, args []string) int {
	fs := newFlagSet("migrate")
	of := addOutputFlags(fs, "write to `PATH` (default DIR/amplify_outputs.json, or .dart with --format dart)")
	check := fs.Bool("check", false, "write nothing; exit 1 with a diff when the file is missing or out of date")
	dryRun := fs.Bool("dry-run", false, "print the document on stdout instead of writing it")
	rf := addReadFlags(fs)
	if code, done := a.parseFlags("migrate", fs, migrateHelp(), args); done {
		return code
	}
	if *check && *dryRun {
		return a.usagef("migrate", "--check and --dry-run cannot be combined")
	}
	if fs.NArg() > 1 {
		return a.usagef("migrate", "takes one DIR (got %d arguments); to convert files, use convert", fs.NArg())
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	if dir == "-" || !isDir(dir) {
		return a.usagef("migrate", "%q is not a project folder; to convert single files, use '%s convert'", dir, programName)
	}
	opts, err := rf.options()
	if err != nil {
		return a.usagef("migrate", "%v", err)
	}
	ctx, stop := a.interruptible(ctx, opts.Eval || !*check && !*dryRun)
	defer stop()
	return a.migrate(ctx, dir, of, rf, opts, *check, *dryRun)
}

func (a *App) runConvert(ctx context.Context, args []string) int {
	fs := newFlagSet("convert")
	of := addOutputFlags(fs, "write to `FILE` instead of stdout (- is stdout)")
	rf := addReadFlags(fs)
	if code, done := a.parseFlags("convert", fs, convertHelp(), args); done {
		return code
	}
	if fs.NArg() == 0 {
		return a.usagef("convert", "name at least one PATH (a file, a project folder, or - for stdin)")
	}
	opts, err := rf.options()
	if err != nil {
		return a.usagef("convert", "%v", err)
	}
	ctx, stop := a.interruptible(ctx, opts.Eval || of.out != "" && of.out != "-")
	defer stop()
	return a.convert(ctx, fs.Args(), of, rf, opts)
}
