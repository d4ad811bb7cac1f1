package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
	"github.com/seed-258d3fb3/amplify-storage-config/convert/migrate"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// migrateOptions turns the flags into migrate.Options.
func migrateOptions(of *outputFlags, rf *readFlags, opts convert.ReadOptions) migrate.Options {
	return migrate.Options{
		ProjectOptions: convert.ProjectOptions{ReadOptions: opts, Env: rf.env},
		Out:            of.out,
		OutputsVersion: of.outputsVer.value,
		VersionSet:     of.outputsVer.value != "",
		DefaultBucket:  of.defaultBucket,
		NoTables:       of.noTables,
		Format:         of.format.value,
		Strict:         of.strict,
	}
}

// migrate runs `migrate DIR`.
func (a *App) migrate(ctx context.Context, dir string, of *outputFlags, rf *readFlags, opts convert.ReadOptions, check, dryRun bool) int {
	mo := migrateOptions(of, rf, opts)
	mo.Check, mo.DryRun = check, dryRun
	res, err := migrate.Migrate(ctx, dir, mo)
	if err != nil {
		if res != nil {
			a.writeMigrateReport(of, res)
		}
		return a.failf("migrate", "%v", err)
	}
	return a.finishMigrate("migrate", of, res, dryRun)
}

// convert runs `convert PATH...`: a project folder as `migrate DIR --dry-run` (or written to
// -o FILE), files merged into one model.
func (a *App) convert(ctx context.Context, paths []string, of *outputFlags, rf *readFlags, opts convert.ReadOptions) int {
	if err := countStdin(paths); err != nil {
		return a.usagef("convert", "%v", err)
	}
	mo := migrateOptions(of, rf, opts)
	toStdout := of.out == "" || of.out == "-"
	var res *migrate.Result
	var err error
	switch {
	case len(paths) == 1 && isDir(paths[0]):
		if toStdout {
			mo.Out, mo.DryRun = "", true
		}
		res, err = migrate.Migrate(ctx, paths[0], mo)
	case anyDir(paths):
		return a.usagef("convert", "give one project folder, or files, not both or several folders")
	default:
		var docs []*convert.Document
		docs, err = a.readDocuments(ctx, paths, opts, rf.stdinFilename, "reading", nil)
		if err != nil {
			return a.failf("convert", "%v", err)
		}
		res, err = migrate.ConvertFiles(ctx, docs, mo)
		if res != nil {
			res.Diagnostics = attachAll(docs, res.Diagnostics)
		}
	}
	if err != nil {
		if res != nil {
			a.writeMigrateReport(of, res)
		}
		return a.failf("convert", "%v", err)
	}
	return a.finishMigrate("convert", of, res, toStdout)
}

func anyDir(paths []string) bool {
	for _, p := range paths {
		if isDir(p) {
			return true
		}
	}
	return false
}

// finishMigrate prints the document (when it goes to stdout and nothing blocked it), the
// report and diagnostics on stderr, and returns the exit code.
func (a *App) finishMigrate(cmd string, of *outputFlags, res *migrate.Result, toStdout bool) int {
	if toStdout && !res.Blocked && len(res.Document) > 0 {
		if _, err := a.Stdout.Write(res.Document); err != nil {
			return a.failf(cmd, "writing output: %v", err)
		}
	}
	a.writeMigrateReport(of, res)
	if res.Failed {
		return ExitFindings
	}
	return ExitOK
}

// writeMigrateReport writes the findings, the diff (--check) and the report on stderr: as text,
// or with --report json as one JSON object {"report", "diagnostics", "diff"} so that stderr
// stays machine-readable.
func (a *App) writeMigrateReport(of *outputFlags, res *migrate.Result) {
	if of.report.value == "json" {
		var rep bytes.Buffer
		_ = res.Report.WriteJSON(&rep)
		var diags bytes.Buffer
		_ = jsonRenderer{}.render(&diags, findings{Diagnostics: res.Diagnostics, Files: len(res.Report.Sources)})
		var parsed struct {
			Diagnostics json.RawMessage `json:"diagnostics"`
		}
		_ = json.Unmarshal(diags.Bytes(), &parsed)
		out := struct {
			Report      json.RawMessage `json:"report"`
			Diagnostics json.RawMessage `json:"diagnostics"`
			Diff        string          `json:"diff,omitempty"`
		}{json.RawMessage(rep.Bytes()), parsed.Diagnostics, res.Diff}
		enc := json.NewEncoder(a.Stderr)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		_ = enc.Encode(out)
		return
	}
	a.writeStderrDiagnostics(res.Diagnostics)
	if res.Diff != "" {
		fmt.Fprint(a.Stderr, res.Diff)
		if res.Diff[len(res.Diff)-1] != '\n' {
			fmt.Fprintln(a.Stderr)
		}
	}
	_ = res.Report.WriteText(a.Stderr)
	if validate.HasErrors(res.Diagnostics, of.strict) && res.Blocked {
		fmt.Fprintf(a.Stderr, "nothing written: fix the errors above%s\n", map[bool]string{true: " (warnings count as errors with --strict)"}[of.strict])
	}
}
