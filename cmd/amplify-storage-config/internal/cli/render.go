package cli

import (
	"io"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// diagnosticFormats returns the values --format accepts where diagnostics are the output.
func diagnosticFormats() []string { return []string{"text", "json", "sarif", "github"} }

// findings is what a renderer prints: the sorted diagnostics of a run and how many files it read.
type findings struct {
	Diagnostics []validate.Diagnostic
	Files       int
}

// renderer writes findings in one output format.
type renderer interface {
	render(w io.Writer, f findings) error
}

// renderOptions are what the renderers need to know about the run.
type renderOptions struct {
	// color enables ANSI colour (text only).
	color bool
	// oneline leaves out the source line and caret (text only).
	oneline bool
	// version is the tool version (sarif).
	version string
	// rules is the rule catalogue (sarif).
	rules []ruleInfo
	// baseDir is the directory file URIs are made relative to (sarif).
	baseDir string
}

// ruleInfo describes one rule for `rules` and for SARIF's rule list.
type ruleInfo struct {
	ID          string
	Severity    validate.Severity
	Description string
}

// newRenderer returns the renderer for a --format value (one of diagnosticFormats).
func newRenderer(format string, opts renderOptions) renderer {
	switch format {
	case "json":
		return jsonRenderer{}
	case "sarif":
		return sarifRenderer{opts: opts}
	case "github":
		return githubRenderer{}
	default:
		return textRenderer{color: opts.color, oneline: opts.oneline}
	}
}
