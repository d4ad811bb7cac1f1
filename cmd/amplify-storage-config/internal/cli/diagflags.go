package cli

import (
	"io"
	"slices"

	"github.com/spf13/pflag"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// diagFlags are the flags of the subcommands whose main output is diagnostics (validate,
// env check).
type diagFlags struct {
	format  *choiceValue
	strict  bool
	ignore  []string
	oneline bool
}

func addDiagFlags(fs *pflag.FlagSet) *diagFlags {
	d := &diagFlags{format: newChoice("text", diagnosticFormats()...)}
	fs.VarP(d.format, "format", "f", "output `FORMAT`: text, json, sarif or github")
	fs.BoolVar(&d.strict, "strict", false, "fail (exit 1) on warnings too")
	fs.StringArrayVar(&d.ignore, "ignore", nil, "leave out findings of rule `RULE`, or a whole family as s3/ (repeatable; see the rules subcommand)")
	fs.BoolVar(&d.oneline, "oneline", false, "text format: one line per finding, without the source line and caret")
	return d
}

// checkIgnore rejects an --ignore that names no rule, suggesting the closest one.
func (a *App) checkIgnore(cmd string, ignore []string) (int, bool) {
	if len(ignore) == 0 {
		return 0, false
	}
	ids := ruleIDs()
	for _, id := range ignore {
		known := slices.ContainsFunc(ids, func(rule string) bool {
			return len(validate.Filter([]validate.Diagnostic{{Rule: rule}}, validate.Options{Ignore: []string{id}})) == 0
		})
		if !known {
			return a.usagef(cmd, "--ignore %q: no such rule%s (run '%s rules' for the list)", id, didYouMean(id, ids), programName), true
		}
	}
	return 0, false
}

// writeFindings renders diags (sorted, ignored rules removed) on w in the chosen format and
// returns the exit code they call for.
func (a *App) writeFindings(w io.Writer, d *diagFlags, diags []validate.Diagnostic, files int) int {
	diags = validate.Sort(validate.Filter(diags, validate.Options{Ignore: d.ignore}))
	opts := renderOptions{color: a.colorFor(w), oneline: d.oneline, version: buildVersion(), baseDir: a.baseDir()}
	if d.format.value == "sarif" {
		opts.rules = ruleCatalog()
	}
	if err := newRenderer(d.format.value, opts).render(w, findings{Diagnostics: diags, Files: files}); err != nil {
		return a.failf("", "writing output: %v", err)
	}
	if validate.HasErrors(diags, d.strict) {
		return ExitFindings
	}
	return ExitOK
}

// writeStderrDiagnostics prints diagnostics as text on stderr (for the subcommands whose stdout
// is a document or variables).
func (a *App) writeStderrDiagnostics(diags []validate.Diagnostic) {
	if len(diags) == 0 {
		return
	}
	r := textRenderer{color: a.colorFor(a.Stderr)}
	_ = r.render(a.Stderr, findings{Diagnostics: validate.Sort(diags)})
}

// baseDir is the working directory, for relative SARIF URIs ("" when unknown).
func (a *App) baseDir() string {
	if a.Getwd == nil {
		return ""
	}
	wd, err := a.Getwd()
	if err != nil {
		return ""
	}
	return wd
}
