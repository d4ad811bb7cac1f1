// Package convert reads every source where an Amplify app's storage configuration lives into
// the one typed model (package schema), discovers a project's sources, and writes the Gen 2
// outputs and Hosting variables back out.
package convert

import (
	"time"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Document is what a reader made of one source: the storage model, where each value came from,
// and what was wrong with it. Content problems are diagnostics, never Go errors.
type Document struct {
	// File is the source's name as given (a path, or the --stdin-filename).
	File string
	// Format is the detected (or forced) format.
	Format schema.Format
	// Model is the storage the source describes (empty, not nil, when it has none).
	Model schema.Model
	// Diagnostics are the reader's findings, in file order.
	Diagnostics []validate.Diagnostic
	// Lines indexes the (BOM-less) source text, for snippets and positions.
	Lines *validate.Lines
	// Locate turns a JSON Pointer into the document (Value) into a position in File; nil when
	// the source could not be read.
	Locate validate.Locator

	// value is the decoded document of a source that was not indexed by
	// validate.ParseJSONIndex (JavaScript, Dart, JSON that only encoding/json accepts).
	value any
	// json is the indexed document of a JSON source: its value is decoded only when asked for.
	json *validate.JSONFile

	// deferPositions is ReadOptions.DeferPositions.
	deferPositions bool
}

// Value returns the configuration as a generic JSON value (objects as map[string]any, numbers as
// json.Number), nil when the source could not be read. A large JSON document is decoded on the
// first call (and kept): the readers and the checks do not need it.
func (d *Document) Value() any {
	if d.json.Indexed() {
		return d.json.Value()
	}
	return d.value
}

// HasValue reports whether the source was read into a value (Value is not nil), without
// decoding it.
func (d *Document) HasValue() bool {
	if d.json.Indexed() {
		c, _ := d.json.Cursor()
		return c.Kind() != validate.KindNull
	}
	return d.value != nil
}

// Failed reports whether the reader found an error (the model may then be partial).
func (d *Document) Failed() bool { return validate.HasErrors(d.Diagnostics, false) }

// ReadOptions control how sources are read. The zero value reads statically, with the default
// size and depth caps.
type ReadOptions struct {
	// From forces a format instead of detecting it.
	From schema.Format
	// Eval evaluates JavaScript sources in a sandbox instead of reading them statically.
	Eval bool
	// Defines fill process.env for --eval (KEY=VALUE pairs given with --define).
	Defines map[string]string
	// EvalTimeout bounds one evaluation (0 means DefaultEvalTimeout).
	EvalTimeout time.Duration
	// Evaluator runs --eval evaluations; nil means jsconfig.ChildProcess{}: each file in the
	// sandbox program (amplify-storage-config-eval, beside this program), bounded
	// in time and memory. sandbox.InProcess evaluates in this process, bounded in time only.
	Evaluator jsconfig.Evaluator
	// MaxSize and MaxDepth cap every input (0 means DefaultMaxSize and DefaultMaxDepth).
	MaxSize, MaxDepth int
	// DeferPositions lets readers leave the line, column and pointer of the model's values to
	// be worked out when something reads them (schema.Origin): much faster for large files
	// whose values are mostly never reported. Reading a deferred Pos resolves it each time:
	// whoever keeps one to read often calls Pos.Resolved first.
	DeferPositions bool
}

// DefaultEvalTimeout bounds one --eval evaluation.
const DefaultEvalTimeout = 2 * time.Second
