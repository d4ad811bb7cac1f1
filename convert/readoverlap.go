package convert

import (
	"bytes"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Reading a large input uses two cores from the start: Ingest's passes over the whole text
// (scanIngested: NUL bytes, conflict markers, UTF-8, nesting depth) and format detection run
// on one, while the other parses and indexes the document if it looks like JSON. Both are
// safe on text no check has passed yet: Detect already runs on refused inputs, and the JSON
// parser bounds its own recursion. When a scan refuses the input, or the format turns out not
// to be read from JSON, the parse is dropped, so the result is exactly that of the sequential
// order; otherwise the reader starts from the index instead of parsing. For the 6 MB bench
// file this hides the ~20 ms of scanning and detection behind the parse.

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
	forced := doc.Format
	forEach(2, func(i int) {
		if i == 0 {
			diags = scanIngested(in, maxDepth)
			if forced == schema.FormatUnknown {
				doc.Format = Detect(in.Name, in.Data)
			}
			return
		}
		if (forced == schema.FormatUnknown && mayBeJSON(in)) || (forced != schema.FormatUnknown && readsJSON(forced)) {
			v, j, ds := indexJSON(doc.Lines, 0, in.Data)
			parsed = &parsedJSON{value: v, json: j, diags: ds}
		}
	})
	if len(diags) > 0 || !readsJSON(doc.Format) {
		return diags, nil
	}
	return nil, parsed
}

// mayBeJSON is a guess at whether Detect will find a format read from JSON: not a JavaScript
// or Dart file name, and the text starts with "{". A wrong guess only costs a dropped parse.
func mayBeJSON(in Ingested) bool {
	ext := strings.ToLower(filepath.Ext(in.Name))
	text := bytes.TrimLeft(in.Data, " \t\r\n")
	return ext != ".dart" && !isJSExt(ext) && len(text) > 0 && text[0] == '{'
}

// readsJSON reports whether dispatch reads format f from a JSON document.
func readsJSON(f schema.Format) bool {
	_, ok := jsonReaderOf(f)
	return ok
}
