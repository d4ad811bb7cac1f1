package convert

import (
	"runtime"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Reading a large input uses two cores from the start: Ingest's passes over the whole text
// (scanIngested: NUL bytes, conflict markers, UTF-8, nesting depth) run on one, while the other
// detects the format and, for a JSON format, parses and indexes the document. Both are safe
// on text no check has passed yet: Detect already runs on refused inputs, and the JSON parser
// bounds its own recursion. When a scan refuses the input, the parse is dropped and the
// result is exactly that of the sequential order; when none does, the reader starts from the
// index instead of parsing. For the 6 MB bench file this hides ~15 ms of scanning.

// overlapSize is the input size from which the scans and the parse run side by side; below
// it, starting a goroutine costs more than it hides.
const overlapSize = 256 << 10

// parsedJSON is a JSON document parsed ahead of its reader: what indexJSON returned.
type parsedJSON struct {
	value any
	json  *validate.JSONFile
	diags []validate.Diagnostic
}

// scanAndDetect runs scanIngested on in and, meanwhile, settles doc.Format (Detect, unless
// the caller forced a format) and parses a JSON document. It returns the scans' diagnostics,
// and the parsed document when there are none and the format is read from JSON.
func scanAndDetect(doc *Document, in Ingested, maxDepth int) ([]validate.Diagnostic, *parsedJSON) {
	if len(in.Data) < overlapSize || runtime.GOMAXPROCS(0) < 2 {
		return scanIngested(in, maxDepth), nil
	}
	var diags []validate.Diagnostic
	var parsed *parsedJSON
	forEach(2, func(i int) {
		if i == 0 {
			diags = scanIngested(in, maxDepth)
			return
		}
		if doc.Format == schema.FormatUnknown {
			doc.Format = Detect(in.Name, in.Data)
		}
		if readsJSON(doc.Format) {
			v, j, ds := indexJSON(doc.Lines, 0, in.Data)
			parsed = &parsedJSON{value: v, json: j, diags: ds}
		}
	})
	if len(diags) > 0 {
		return diags, nil
	}
	return nil, parsed
}

// readsJSON reports whether dispatch reads format f from a JSON document.
func readsJSON(f schema.Format) bool {
	if f == schema.AmplifyOutputs {
		return true
	}
	_, ok := jsonReaders()[f]
	return ok
}
