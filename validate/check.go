package validate

import (
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// Options control which findings Check keeps.
type Options struct {
	// Ignore lists rule IDs to drop; an entry ending in "/" (or "/*") drops a whole family.
	Ignore []string
	// Strict makes warnings fail a run too (see HasErrors); it does not change the findings.
	Strict bool
}

// Input is one source to check: what a reader made of it.
type Input struct {
	File   string
	Format schema.Format
	// Model is the storage the source describes (nil skips the model rules).
	Model *schema.Model
	// Value is the decoded document for the JSON Schema (nil skips schema validation).
	Value any
	// JSON, when made by ParseJSONIndex, is the document itself and is used instead of Value:
	// the checks read it from its index and decode it only to explain a schema finding.
	JSON *JSONFile
	// Locate places JSON Pointers into Value in File.
	Locate Locator
	// Lines indexes File's text, for snippets (nil: no snippets).
	Lines *Lines
}

// Check validates one source: its format's JSON Schema, then the rules beyond it. Ignored rules
// are dropped, snippets attached, and the result sorted.
func Check(in Input, opts Options) []Diagnostic {
	var ds, schemaDs []Diagnostic
	if in.Value != nil || in.JSON.Indexed() {
		// The schema and the model rules read the same immutable document: for a large one,
		// the schema runs on another core meanwhile (batches of small files already keep every
		// core busy, one file per worker).
		if in.Lines != nil && len(in.Lines.Data()) >= parallelCheckSize {
			done := make(chan any, 1)
			go func() {
				defer func() { done <- recover() }() // a panic is raised again in the caller
				schemaDs = checkSchema(in)
			}()
			ds = checkDocumentRules(in)
			if r := <-done; r != nil {
				panic(r)
			}
		} else {
			schemaDs = checkSchema(in)
			ds = checkDocumentRules(in)
		}
	} else {
		ds = CheckModel(in.Model, in.Format)
	}
	ds = append(schemaDs, ds...)
	ds = Filter(ds, opts)
	if in.Lines != nil {
		for i := range ds {
			ds[i] = in.Lines.Attach(ds[i])
		}
	}
	return Sort(ds)
}

// parallelCheckSize is the document size from which Check runs the schema concurrently with
// the other rules.
const parallelCheckSize = 256 << 10

// checkSchema validates the document against its format's schema.
func checkSchema(in Input) []Diagnostic {
	if in.JSON.Indexed() {
		return schemaCheckFormatIndexed(in.Format, in.JSON, in.File, in.Locate)
	}
	return SchemaCheckFormat(in.Format, in.Value, in.File, in.Locate)
}

// checkDocumentRules runs the rules beyond the schema on a document with a decoded value.
func checkDocumentRules(in Input) []Diagnostic {
	var ds []Diagnostic
	if isOutputs(in.Format) {
		if in.JSON.Indexed() {
			ds = checkOutputsIndexed(in.JSON, in.File, in.Locate)
		} else {
			ds = CheckOutputsValue(in.Value, in.File, in.Locate)
		}
	}
	return append(ds, CheckModel(in.Model, in.Format)...)
}

// Filter drops the diagnostics whose rule opts.Ignore names (an exact ID, or a family written
// "family/" or "family/*"). It returns a new slice.
func Filter(ds []Diagnostic, opts Options) []Diagnostic {
	out := make([]Diagnostic, 0, len(ds))
	for _, d := range ds {
		if !ignored(d.Rule, opts.Ignore) {
			out = append(out, d)
		}
	}
	return out
}

func ignored(rule string, ignore []string) bool {
	for _, ig := range ignore {
		family := strings.TrimSuffix(ig, "*")
		if rule == ig || (strings.HasSuffix(family, "/") && strings.HasPrefix(rule, family)) {
			return true
		}
	}
	return false
}
