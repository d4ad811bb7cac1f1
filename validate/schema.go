package validate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// compiledSchema is one embedded schema in both compiled forms, each built at most once and only
// when first needed: the fast form answers valid-or-not (generated ahead of time: see
// fastFormOf), jsonschema/v5 explains what is wrong.
type compiledSchema struct {
	fast func() (*fastForm, error)
	full func() (*jsonschema.Schema, error)
	raw  func() (any, error) // the parsed schema document, for wording messages
}

// compiledSchemas maps every embedded schema name to its lazily compiled forms. The map is built
// once and never changed.
var compiledSchemas = sync.OnceValue(func() map[string]*compiledSchema {
	m := make(map[string]*compiledSchema)
	for _, name := range schema.Names() {
		m[name] = &compiledSchema{
			fast: sync.OnceValues(func() (*fastForm, error) { return fastFormOf(name) }),
			full: sync.OnceValues(func() (*jsonschema.Schema, error) { return compileFull(name) }),
			raw: sync.OnceValues(func() (any, error) {
				src, _ := schema.Source(name)
				return decodeSchemaJSON(src)
			}),
		}
	}
	return m
})

// errExternalRef is what the schema loader answers for every URL: the schemas are embedded and
// never fetch anything.
var errExternalRef = errors.New("external schema references are not allowed")

// compileFull compiles the embedded schema called name with jsonschema/v5, draft 2020-12, with
// every resource it may reference added from the embedded files and every other URL refused.
func compileFull(name string) (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.LoadURL = func(url string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("%w: %s", errExternalRef, url)
	}
	for _, res := range schemaResources(name) {
		src, ok := schema.Source(res)
		if !ok {
			return nil, fmt.Errorf("no embedded schema %q", res)
		}
		if err := c.AddResource(schema.SchemaID(res), bytes.NewReader(src)); err != nil {
			return nil, err
		}
	}
	return c.Compile(schema.SchemaID(name))
}

// schemaResources lists the embedded schemas that the schema called name may reference.
func schemaResources(name string) []string {
	res := []string{name}
	if name == "amplify-outputs" {
		for _, v := range schema.OutputsVersions() {
			n, _ := schema.OutputsSchemaName(v)
			res = append(res, n)
		}
	}
	return res
}

// SchemaCheck validates value (decoded JSON, numbers as json.Number) against the embedded schema
// called name and returns one error diagnostic per finding, positioned through loc (which may be
// nil) in file. A valid document is decided by the fast form of the schema without compiling it
// with jsonschema/v5; only an invalid one is compiled and explained.
func SchemaCheck(name string, value any, file string, loc Locator) (diags []Diagnostic) {
	cs, ok := compiledSchemas()[name]
	if !ok {
		return []Diagnostic{At(schema.InFile(file), Error, "schema/internal", "no schema named %q", name)}
	}
	if fast, err := cs.fast(); err == nil && fast.valid(value) {
		return nil
	}
	return explainSchema(cs, name, value, file, loc)
}

// schemaCheckIndexed is SchemaCheck for a document ParseJSONIndex indexed (j.Indexed()): a
// valid document is decided on the index, without decoding it into Go values; an invalid one
// is decoded (JSONFile.Value) and explained as SchemaCheck explains it.
func schemaCheckIndexed(name string, j *JSONFile, file string, loc Locator) []Diagnostic {
	cs, ok := compiledSchemas()[name]
	if !ok {
		return []Diagnostic{At(schema.InFile(file), Error, "schema/internal", "no schema named %q", name)}
	}
	if fast, err := cs.fast(); err == nil && fast.validNode(j.index, rootNode) {
		return nil
	}
	return explainSchema(cs, name, j.Value(), file, loc)
}

// explainSchema validates value, which the fast form did not accept (or could not check), with
// jsonschema/v5 and words each finding.
func explainSchema(cs *compiledSchema, name string, value any, file string, loc Locator) (diags []Diagnostic) {
	defer func() {
		if r := recover(); r != nil {
			diags = []Diagnostic{At(schema.InFile(file), Error, "schema/internal",
				"schema %s could not check this document: %v", name, r)}
		}
	}()
	if huge := hugeNumbers(value, "", nil); len(huge) > 0 {
		x := &schemaExplainer{value: value, file: file, loc: loc}
		for _, ptr := range huge {
			n, _ := valueAt(value, ptr)
			x.add(ptr, false, "numberRange", fmt.Sprintf("number %v is out of range: its exponent is beyond ±%d (JavaScript reads it as Infinity or 0)", n, maxExponent))
		}
		return Sort(x.out)
	}
	full, err := cs.full()
	if err != nil {
		return []Diagnostic{At(schema.InFile(file), Error, "schema/internal",
			"schema %s does not compile: %v", name, err)}
	}
	err = full.Validate(value)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []Diagnostic{At(schema.InFile(file), Error, "schema/internal",
			"schema %s could not check this document: %v", name, err)}
	}
	return Sort(explainValidationError(ve, value, file, loc))
}

// SchemaCheckFormat validates value against the schema for format f (see schema.SchemaFor). For
// Gen 2 outputs the document's own "version" picks the schema; a missing or unknown version is
// reported by the dispatching amplify-outputs schema. Formats without a schema give no findings.
func SchemaCheckFormat(f schema.Format, value any, file string, loc Locator) []Diagnostic {
	version := ""
	if isOutputs(f) {
		if obj, ok := value.(map[string]any); ok {
			version, _ = obj["version"].(string)
		}
	}
	name := schemaForFormat(f, version)
	if name == "" {
		return nil
	}
	return SchemaCheck(name, value, file, loc)
}

// schemaCheckFormatIndexed is SchemaCheckFormat for a document ParseJSONIndex indexed (see
// schemaCheckIndexed).
func schemaCheckFormatIndexed(f schema.Format, j *JSONFile, file string, loc Locator) []Diagnostic {
	version := ""
	if isOutputs(f) {
		root, _ := j.Cursor()
		version, _ = root.Member("version").Str()
	}
	name := schemaForFormat(f, version)
	if name == "" {
		return nil
	}
	return schemaCheckIndexed(name, j, file, loc)
}

// schemaForFormat names the schema for a document of format f with outputs version version
// ("" when the format has none).
func schemaForFormat(f schema.Format, version string) string {
	name := schema.SchemaFor(f, version)
	if name == "" && isOutputs(f) {
		name = "amplify-outputs"
	}
	return name
}
