package cli

import (
	"encoding/json"
	"io"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// jsonRenderer prints one object:
// {"diagnostics":[{"file","line","column","severity","rule","message","pointer"}],
// "summary":{"files","errors","warnings"}}. diagnostics is always an array; pointer is "" where
// the finding has no JSON Pointer.
type jsonRenderer struct{}

type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	Pointer  string `json:"pointer"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

type jsonReport struct {
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
	Summary     jsonSummary      `json:"summary"`
}

func (jsonRenderer) render(w io.Writer, f findings) error {
	rep := jsonReport{Diagnostics: []jsonDiagnostic{}}
	for _, d := range f.Diagnostics {
		rep.Diagnostics = append(rep.Diagnostics, jsonDiagnostic{File: d.File, Line: d.Line, Column: d.Column,
			Severity: d.Severity.String(), Rule: d.Rule, Message: d.Message, Pointer: d.Pointer})
	}
	errs, warns, _ := validate.Counts(f.Diagnostics)
	rep.Summary = jsonSummary{Files: f.Files, Errors: errs, Warnings: warns}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}
