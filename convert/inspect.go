package convert

import (
	"encoding/json"
	"io"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// inspectSource is one source as `inspect` shows it.
type inspectSource struct {
	File        string                `json:"file"`
	Format      string                `json:"format"`
	Model       schema.Model          `json:"model"`
	Diagnostics []validate.Diagnostic `json:"diagnostics"`
}

// WriteInspect writes what the readers understood of docs as indented JSON, in a stable
// order: {"sources": [{"file", "format", "model", "diagnostics"}]}. Every value in a model
// carries the position it was read from; values a source does not set are null.
func WriteInspect(w io.Writer, docs []*Document) error {
	out := struct {
		Sources []inspectSource `json:"sources"`
	}{Sources: []inspectSource{}}
	for _, d := range docs {
		s := inspectSource{File: d.File, Format: string(d.Format), Model: d.Model, Diagnostics: d.Diagnostics}
		if s.Format == "" {
			s.Format = "unknown"
		}
		if s.Model.Buckets == nil {
			s.Model.Buckets = []schema.Bucket{}
		}
		if s.Model.Tables == nil {
			s.Model.Tables = []schema.Table{}
		}
		if s.Diagnostics == nil {
			s.Diagnostics = []validate.Diagnostic{}
		}
		out.Sources = append(out.Sources, s)
	}
	return writeIndentedJSON(w, out)
}

// writeIndentedJSON writes v as 2-space indented JSON for people to read: <, > and & as they
// are (file names such as "<stdin>"), not HTML-escaped.
func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
