package convert

import (
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Rule IDs of the flat (aws-exports / web amplifyconfiguration.json) reader.
const (
	RuleSchemasAsString  = "dynamodb/schemas-as-string"
	RuleMissingTableName = "dynamodb/missing-table-name"
	RuleV5Shape          = "flat/v5-shape"
	RuleV6Shape          = "flat/v6-shape"
	// RuleJSNonLiteralStorage: a storage key's value is code the static reader cannot read.
	RuleJSNonLiteralStorage = "js/non-literal-storage"
	// RuleJSNonLiteral: a value that names no storage is code; it is left out.
	RuleJSNonLiteral = "js/non-literal"
	// RuleJSNoConfig: the file yields no configuration object.
	RuleJSNoConfig = "js/no-config"
)

// The flat aws_* keys that describe storage.
const (
	keyProjectRegion = "aws_project_region"
	keyS3Bucket      = "aws_user_files_s3_bucket"
	keyS3Region      = "aws_user_files_s3_bucket_region"
	keyS3TestHTTP    = "aws_user_files_s3_dangerously_connect_to_http_endpoint_for_testing"
	keyTablesRegion  = "aws_dynamodb_all_tables_region"
	keyTableSchemas  = "aws_dynamodb_table_schemas"
	keyStorage       = "Storage"
)

// isStorageKey reports whether a top-level member of a flat config names storage (so that
// not being able to read it statically is an error, not just information).
func isStorageKey(key string) bool {
	switch key {
	case keyS3Bucket, keyS3Region, keyS3TestHTTP, keyTablesRegion, keyTableSchemas, keyStorage:
		return true
	}
	return false
}

// readFlatJSON reads the web amplifyconfiguration.json (the aws-exports keys, as JSON).
func readFlatJSON(doc *Document, v any, j *validate.JSONFile) {
	mapFlat(doc, v, j)
}

// mapFlat maps the flat aws_* configuration object v (positions from loc) into doc.Model:
// the user-files bucket, the DynamoDB table schemas and, for hand-written library
// configurations, the Amplify JS v5 (`Storage.AWSS3`) and v6 (`Storage.S3`) shapes.
// Buckets Amplify uses for hosting or deployment (aws_content_delivery_bucket,
// aws_resource_bucket_name) are not app storage and are left out.
func mapFlat(doc *Document, v any, loc validate.Locator) {
	m := &mapper{doc: doc, loc: loc}
	root := node{v: v}
	if !m.object(root) {
		return
	}
	doc.Model.ProjectRegion = m.str(root.get(keyProjectRegion))

	if bucket := m.str(root.get(keyS3Bucket)); bucket.Set {
		doc.Model.Buckets = append(doc.Model.Buckets, schema.Bucket{
			BucketName:   bucket,
			Region:       m.str(root.get(keyS3Region)),
			Default:      true,
			TestEndpoint: m.boolean(root.get(keyS3TestHTTP)),
		})
	}
	mapTableSchemas(m, root)
	mapLibraryStorage(m, root)
}

// mapTableSchemas reads aws_dynamodb_table_schemas: an array of {tableName, region,
// hashKey, rangeKey, attributes} (or, in some old Mobile Hub files, that array as a JSON
// string).
func mapTableSchemas(m *mapper, root node) {
	allRegion := m.str(root.get(keyTablesRegion))
	schemas := root.get(keyTableSchemas)
	if s, ok := schemas.text(); ok {
		v, loc, diags := decodeEmbeddedJSON(m.doc, m.pos(schemas.pointer()), s)
		m.doc.Diagnostics = append(m.doc.Diagnostics, diags...)
		m.diag(schemas.pointer(), validate.Warning, RuleSchemasAsString,
			"%q holds its array as a JSON string; write the array itself (no quotes around it)", keyTableSchemas)
		if v == nil {
			return
		}
		// Read the array from inside the string; every pointer names the string itself.
		inner := &mapper{doc: m.doc, loc: pointerAs{loc, schemas.pointer()}}
		mapTableList(inner, node{v: v}, allRegion)
		return
	}
	mapTableList(m, schemas, allRegion)
}

func mapTableList(m *mapper, schemas node, allRegion schema.String) {
	if !m.array(schemas) {
		return
	}
	for _, item := range schemas.items() {
		if !m.object(item) {
			continue
		}
		name := m.str(item.get("tableName"))
		if !name.Set {
			m.diag(item.pointer(), validate.Error, RuleMissingTableName,
				"table schema has no \"tableName\"; add the DynamoDB table's name")
			continue
		}
		t := schema.Table{Name: name, TableName: name, Region: m.str(item.get("region"))}
		if !t.Region.Set {
			t.Region = allRegion
		}
		types := attributeTypes(m, item.get("attributes"))
		if k := m.str(item.get("hashKey")); k.Set {
			t.PartitionKey = &schema.Key{Name: k, Type: types[k.Value]}
		}
		if k := m.str(item.get("rangeKey")); k.Set {
			t.SortKey = &schema.Key{Name: k, Type: types[k.Value]}
		}
		m.doc.Model.Tables = append(m.doc.Model.Tables, t)
	}
}

// attributeTypes reads Mobile Hub's attributes: [{name, type}] into a name -> type map.
func attributeTypes(m *mapper, attrs node) map[string]schema.String {
	types := map[string]schema.String{}
	if attrs.kind() != validate.KindArray {
		return types
	}
	for _, a := range attrs.items() {
		if name, ok := a.get("name").text(); ok {
			if typ := m.str(a.get("type")); typ.Set {
				types[name] = typ
			}
		}
	}
	return types
}

// mapLibraryStorage reads a hand-written Amplify library configuration: v5 `Storage:
// {AWSS3: {bucket, region}}` (or `Storage: {bucket, region}`) and v6 `Storage: {S3: {bucket,
// region}}`.
func mapLibraryStorage(m *mapper, root node) {
	st := root.get(keyStorage)
	if !m.object(st) {
		return
	}
	shape, rule, s3 := "v5", RuleV5Shape, st.get("AWSS3")
	switch {
	case st.get("S3").exists():
		shape, rule, s3 = "v6", RuleV6Shape, st.get("S3")
	case !s3.exists() && st.get("bucket").exists():
		s3 = st
	}
	if !m.object(s3) {
		return
	}
	bucket := m.str(s3.get("bucket"))
	if !bucket.Set {
		return
	}
	m.diag(s3.pointer(), validate.Info, rule,
		"read the bucket from the Amplify JS %s library configuration (Storage.%s), not from a CLI-generated aws_* key",
		shape, lastToken(s3.pointer()))
	if len(m.doc.Model.Buckets) > 0 {
		// aws_user_files_s3_bucket already named the default bucket.
		b := schema.Bucket{BucketName: bucket, Region: m.str(s3.get("region"))}
		if b.BucketName.Value != m.doc.Model.Buckets[0].BucketName.Value {
			m.doc.Model.Buckets = append(m.doc.Model.Buckets, b)
		}
		return
	}
	m.doc.Model.Buckets = append(m.doc.Model.Buckets, schema.Bucket{
		BucketName:   bucket,
		Region:       m.str(s3.get("region")),
		Default:      true,
		TestEndpoint: m.boolean(s3.get("dangerouslyConnectToHttpEndpointForTesting")),
	})
}

// decodeEmbeddedJSON parses JSON held in a string value s found at pos. When the string's
// literal can be found in the file at pos, positions point inside it; otherwise every
// position is pos.
func decodeEmbeddedJSON(doc *Document, pos schema.Pos, s string) (any, validate.Locator, []validate.Diagnostic) {
	data := doc.Lines.Data()
	pl := pos.Place()
	off := offsetOf(doc.Lines, pl.Line, pl.Column)
	if off < len(data) && (data[off] == '"' || data[off] == '\'' || data[off] == '`') {
		if end := closingQuote(data, off); end > off {
			mt, _ := unescapeLiteral(data, off+1, end, false, false)
			if string(mt.text) == s {
				v, _, loc, diags := decodeMappedJSON(doc.Lines, mt)
				return v, loc, diags
			}
		}
	}
	lines := validate.NewLines(doc.File, []byte(s))
	v, _, diags := decodeJSON(lines, 0, []byte(s))
	for i := range diags {
		diags[i] = validate.At(pos, diags[i].Severity, diags[i].Rule, "%s (inside the string)", diags[i].Message)
	}
	return v, fixedLocator{pos}, diags
}

// closingQuote returns the offset of the quote closing the string literal opening at
// data[open], or -1.
func closingQuote(data []byte, open int) int {
	q := data[open]
	for i := open + 1; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case q:
			return i
		case '\n':
			if q != '`' {
				return -1
			}
		}
	}
	return -1
}

// fixedLocator puts every pointer at one position.
type fixedLocator struct{ pos schema.Pos }

// PosOf returns the fixed position, with pointer attached.
func (l fixedLocator) PosOf(pointer string) schema.Pos {
	return l.pos.WithPointer(pointer)
}

// pointerAs reports every position of loc with one JSON Pointer: the string value that holds
// the JSON being read.
type pointerAs struct {
	loc     validate.Locator
	pointer string
}

// PosOf returns where loc puts pointer, under the fixed pointer.
func (l pointerAs) PosOf(pointer string) schema.Pos {
	return l.loc.PosOf(pointer).WithPointer(l.pointer)
}

// nonLiteralHint is what to do when a storage value is code rather than a literal.
const nonLiteralHint = "run with --eval (and --define KEY=VALUE for process.env values) to evaluate the file"

// topKey returns the first token of pointer ("" for the root).
func topKey(pointer string) string {
	toks := validate.SplitPointer(pointer)
	if len(toks) == 0 {
		return ""
	}
	return toks[0]
}

// mapJSResult maps what the JavaScript reader found in an aws-exports file into doc: its
// diagnostics, the members it could not read (an error for storage keys, information for the
// rest), and the flat configuration object.
func mapJSResult(doc *Document, res jsconfig.Result) {
	doc.Diagnostics = append(doc.Diagnostics, res.Diagnostics...)
	var others []jsconfig.NonLiteral // non-literal values that name no storage: one info line for all
	for _, nl := range res.NonLiteral {
		key := topKey(nl.Pointer)
		code := strings.TrimSpace(nl.Code)
		if isStorageKey(key) {
			doc.Diagnostics = append(doc.Diagnostics, validate.At(nl.Pos, validate.Error, RuleJSNonLiteralStorage,
				"storage setting %q is code (`%s`), not a literal, so it cannot be read without running the file; %s",
				key, code, nonLiteralHint))
			continue
		}
		others = append(others, nl)
	}
	if len(others) > 0 {
		doc.Diagnostics = append(doc.Diagnostics, nonLiteralSummary(others))
	}
	if res.Value == nil {
		if !validate.HasErrors(doc.Diagnostics, false) {
			doc.Diagnostics = append(doc.Diagnostics, doc.Lines.At(0, "", validate.Error, RuleJSNoConfig,
				"no configuration object found: the file must export one (`export default {...}`, `module.exports = {...}`) or declare `const awsmobile = {...}`"))
		}
		return
	}
	doc.value, doc.Locate = res.Value, res.Locate
	mapFlat(doc, res.Value, res.Locate)
}

// nonLiteralSummary is one info line, at the first of them, for every non-literal value that names
// no storage: real hand-edited files hold a dozen (`process.env.X` for every id), and a line each
// would bury the findings that matter.
func nonLiteralSummary(nls []jsconfig.NonLiteral) validate.Diagnostic {
	first := nls[0]
	describe := func(nl jsconfig.NonLiteral) string {
		if nl.Pointer == "" {
			return sprintf("the configuration object (`%s`)", strings.TrimSpace(nl.Code))
		}
		return sprintf("%q (`%s`)", strings.TrimPrefix(nl.Pointer, "/"), strings.TrimSpace(nl.Code))
	}
	if len(nls) == 1 {
		return validate.At(first.Pos, validate.Info, RuleJSNonLiteral,
			"%s is code, not a literal; it is left out (it names no storage)", describe(first))
	}
	names := make([]string, 0, len(nls))
	for _, nl := range nls[1:] {
		names = append(names, sprintf("%q at %d:%d", strings.TrimPrefix(nl.Pointer, "/"), nl.Pos.Line(), nl.Pos.Column()))
	}
	return validate.At(first.Pos, validate.Info, RuleJSNonLiteral,
		"%d values are code, not literals, and are left out (they name no storage): %s, and %s",
		len(nls), describe(first), strings.Join(names, ", "))
}
