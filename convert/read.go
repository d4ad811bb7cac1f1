package convert

import (
	"bytes"
	"context"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Rule IDs for problems found while choosing a reader.
const (
	RuleUnknownFormat = "input/unknown-format"
	RuleNoStorage     = "input/no-storage"
)

// jsonReader maps one decoded JSON document of a known format into doc.Model. doc.File,
// Format, Lines, Value and Locate are already set; the reader fills doc.Model and appends to
// doc.Diagnostics.
type jsonReader func(doc *Document, v any, j *validate.JSONFile)

// jsonReaderOf returns the reader of format f when it is read from a JSON document.
func jsonReaderOf(f schema.Format) (jsonReader, bool) {
	if f == schema.AmplifyOutputs {
		return readOutputs, true // the most read format: no map of readers to make
	}
	read, ok := jsonReaders()[f]
	return read, ok
}

// jsonReaders returns the reader for each format that is plain JSON.
func jsonReaders() map[schema.Format]jsonReader {
	return map[schema.Format]jsonReader{
		schema.AmplifyConfigWeb:    readFlatJSON,
		schema.AmplifyConfigNative: readNativeConfig,
		schema.AWSConfiguration:    readAWSConfiguration,
		schema.TeamProviderInfo:    readTeamProviderInfo,
		schema.BackendConfig:       readBackendConfig,
		schema.CLIInputs:           readCLIInputs,
		schema.AmplifyMeta:         readAmplifyMeta,
		schema.LocalEnvInfo:        readLocalEnvInfo,
		schema.AmplifyOutputs:      readOutputs,
	}
}

// ReadFile reads the file at path (see Read).
func ReadFile(ctx context.Context, path string, opts ReadOptions) (*Document, error) {
	src, err := LoadFile(path, opts.MaxSize)
	if err != nil {
		return nil, err
	}
	return Read(ctx, src, opts)
}

// LoadFile reads the file at path as a Source. A file over maxSize (<= 0 means DefaultMaxSize)
// is not loaded whole: its first maxSize+1 bytes (and a regular file's size) are enough for
// Ingest to refuse it, so that a huge file or an endless device named by mistake costs no
// memory and no time.
func LoadFile(path string, maxSize int) (Source, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	f, err := os.Open(path)
	if err != nil {
		return Source{}, err
	}
	defer f.Close()
	size := 0
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		if st.Size() > int64(maxSize) {
			data := make([]byte, maxSize+1)
			n, err := io.ReadFull(f, data)
			if err != nil && err != io.ErrUnexpectedEOF {
				return Source{}, err // *fs.PathError, as os.ReadFile's
			}
			return Source{Name: path, Data: data[:n], Size: st.Size()}, nil
		}
		size = int(st.Size())
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+512)) // sized as os.ReadFile sizes it
	// A pipe or a device (/dev/zero) may never end: past the cap, Ingest refuses it anyway.
	if _, err := buf.ReadFrom(io.LimitReader(f, int64(maxSize)+1)); err != nil {
		return Source{}, err // *fs.PathError, as os.ReadFile's
	}
	return Source{Name: path, Data: buf.Bytes()}, nil
}

// Read reads one source into the storage model: it checks the input (size, encoding, nesting
// depth), detects its format (opts.From forces one) and runs that format's reader. Problems
// with the content are diagnostics in the Document; the error is only for sources that could
// not be read at all (an --eval timeout or kill, a failing evaluator).
//
// Read takes ownership of src.Data, as bytes.NewBuffer does of its slice: the Document reads
// the text in place and many of its strings (keys, paths, principals) share its bytes instead
// of copying them, so the caller must not change Data afterwards (pass a copy to keep using
// it). Holding any of those strings keeps the whole text in memory.
func Read(ctx context.Context, src Source, opts ReadOptions) (*Document, error) {
	if opts.From != schema.FormatUnknown && !slices.Contains(schema.Formats(), opts.From) {
		return &Document{File: src.Name, Lines: validate.NewLines(src.Name, nil), Diagnostics: []validate.Diagnostic{{
			File: src.Name, Severity: validate.Error, Rule: RuleUnknownFormat,
			Message: sprintf("unknown format %q; use one of: %s", opts.From, formatList())}}}, nil
	}
	in, diags := ingestHead(src, opts.MaxSize) // Ingest, in two parts (readoverlap.go)
	doc := &Document{File: src.Name, Lines: in.Lines, Format: opts.From}
	if doc.Lines == nil {
		doc.Lines = validate.NewLines(src.Name, nil)
	}
	var parsed *parsedJSON
	if len(diags) == 0 {
		diags, parsed = scanAndDetect(doc, in, opts.MaxDepth)
	}
	if doc.Format == schema.FormatUnknown {
		doc.Format = Detect(src.Name, in.Data)
	}
	if len(diags) > 0 {
		doc.Diagnostics = attachSnippets(doc.Lines, diags)
		return doc, nil
	}
	if err := dispatch(ctx, doc, in.Data, opts, parsed); err != nil {
		return nil, err
	}
	if !doc.Failed() && doc.Model.Empty() && doc.HasValue() && holdsStorage(doc.Format) {
		doc.Diagnostics = append(doc.Diagnostics, validate.Diagnostic{File: doc.File, Line: 1, Column: 1,
			Severity: validate.Info, Rule: RuleNoStorage,
			Message: sprintf("no storage found: the %s describes no S3 bucket or DynamoDB table", doc.Format)})
	}
	doc.Diagnostics = attachSnippets(doc.Lines, validate.Sort(doc.Diagnostics))
	if doc.Model.Buckets == nil {
		doc.Model.Buckets = []schema.Bucket{}
	}
	if doc.Model.Tables == nil {
		doc.Model.Tables = []schema.Table{}
	}
	return doc, nil
}

// holdsStorage reports whether a source of format f normally names buckets or tables, so that
// finding none is worth an info line. local-env-info.json never does.
func holdsStorage(f schema.Format) bool { return f != schema.LocalEnvInfo }

// dispatch runs the reader for doc.Format on data. parsed, when not nil, is data's JSON
// document already parsed (scanAndDetect).
func dispatch(ctx context.Context, doc *Document, data []byte, opts ReadOptions, parsed *parsedJSON) error {
	switch doc.Format {
	case schema.AWSExports:
		if off := countOpeners(data, MaxJSBrackets); off >= 0 {
			doc.Diagnostics = append(doc.Diagnostics, doc.Lines.At(off, "", validate.Error, RuleTooDeep,
				"more than %d brackets, braces and parentheses; no real configuration has that many, and the JavaScript parser could not read the file safely", MaxJSBrackets))
			return nil
		}
		return readAWSExports(ctx, doc, data, opts)
	case schema.AmplifyConfigDart, schema.AmplifyOutputsDart:
		readDart(doc, data)
		return nil
	}
	read, ok := jsonReaderOf(doc.Format)
	if !ok {
		doc.Format = schema.FormatUnknown
		doc.Diagnostics = append(doc.Diagnostics, doc.Lines.At(0, "", validate.Error, RuleUnknownFormat,
			"cannot tell which Amplify configuration format this is; name it with --from (one of: %s)",
			formatList()))
		return nil
	}
	if parsed == nil {
		v, j, diags := indexJSON(doc.Lines, 0, data)
		parsed = &parsedJSON{value: v, json: j, diags: diags}
	}
	v, j, diags := parsed.value, parsed.json, parsed.diags
	doc.Diagnostics = append(doc.Diagnostics, diags...)
	if j == nil {
		return nil
	}
	doc.value, doc.json, doc.Locate = v, j, j
	doc.deferPositions = opts.DeferPositions
	if v == nil && doc.Format != schema.AmplifyOutputs {
		v = j.Value() // the outputs reader walks the index; the others read decoded values
	}
	read(doc, v, j)
	return nil
}

// formatList names every format --from accepts, sorted.
func formatList() string {
	var names []string
	for _, f := range schema.Formats() {
		names = append(names, string(f))
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

func attachSnippets(lines *validate.Lines, ds []validate.Diagnostic) []validate.Diagnostic {
	for i := range ds {
		ds[i] = lines.Attach(ds[i])
	}
	return ds
}
