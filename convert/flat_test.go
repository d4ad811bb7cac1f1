package convert

import (
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// TestMapJSResultNonLiteral checks how members the static reader could not read are
// reported: an error with the --eval hint for storage keys, information for the rest.
func TestMapJSResultNonLiteral(t *testing.T) {
	src := "const awsmobile = {\n  aws_project_region: 'us-east-1',\n  aws_user_files_s3_bucket: process.env.BUCKET,\n  aws_user_pools_id: getPool(),\n};\n"
	doc := &Document{File: "aws-exports.js", Lines: validate.NewLines("aws-exports.js", []byte(src))}
	at := func(line, col int, ptr string) schema.Pos {
		return schema.At(schema.Place{File: "aws-exports.js", Line: line, Column: col, Pointer: ptr})
	}
	mapJSResult(doc, jsconfig.Result{
		Value:  map[string]any{"aws_project_region": "us-east-1"},
		Locate: fixedLocator{at(2, 23, "")},
		NonLiteral: []jsconfig.NonLiteral{
			{Pointer: "/aws_user_files_s3_bucket", Pos: at(3, 29, "/aws_user_files_s3_bucket"), Code: "process.env.BUCKET"},
			{Pointer: "/aws_user_pools_id", Pos: at(4, 22, "/aws_user_pools_id"), Code: "getPool()"},
		},
	})
	got := findings(doc.Diagnostics)
	want := []string{"3:29 error js/non-literal-storage", "4:22 info js/non-literal"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("findings %q, want %q", got, want)
	}
	if !strings.Contains(doc.Diagnostics[0].Message, nonLiteralHint) || !strings.Contains(doc.Diagnostics[0].Message, "process.env.BUCKET") {
		t.Errorf("message lacks the code or the hint: %s", doc.Diagnostics[0].Message)
	}
	if doc.Model.ProjectRegion.Value != "us-east-1" || len(doc.Model.Buckets) != 0 {
		t.Errorf("model %+v", doc.Model)
	}
}

func TestMapJSResultNoObject(t *testing.T) {
	doc := &Document{File: "a.js", Lines: validate.NewLines("a.js", []byte("// nothing\n"))}
	mapJSResult(doc, jsconfig.Result{})
	if got := findings(doc.Diagnostics); len(got) != 1 || got[0] != "1:1 error js/no-config" {
		t.Errorf("findings %q", got)
	}
}

func TestFlatSchemasStringPositions(t *testing.T) {
	doc := readFixture(t, "fixtures/read/amplifyconfiguration-web/mock-endpoint.json", ReadOptions{})
	tb := doc.Model.Tables
	if len(tb) != 1 || tb[0].TableName.Value != "todos-dev" || tb[0].PartitionKey.Type.Value != "S" {
		t.Fatalf("tables %+v", tb)
	}
	// The table name sits inside the escaped JSON string on line 7, at its own text.
	p := tb[0].TableName.Pos
	line := []rune(doc.Lines.LineText(p.Line()))
	if p.Line() != 7 || !strings.HasPrefix(string(line[p.Column()-1:]), `\"todos-dev\"`) || p.Pointer() != "/aws_dynamodb_table_schemas" {
		t.Errorf("table name at %+v: %q", p, string(line[p.Column()-1:]))
	}
	if !doc.Model.Buckets[0].TestEndpoint.Value {
		t.Error("test endpoint flag not read")
	}
}

func TestFlatWrongTypes(t *testing.T) {
	doc := readFixture(t, "fixtures/read/amplifyconfiguration-web/wrong-types.json", ReadOptions{})
	want := []string{"4:40 error config/type", "5:75 error config/type", "6:36 error dynamodb/missing-table-name", "6:61 error config/type"}
	if got := findings(doc.Diagnostics); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("findings %q, want %q", got, want)
	}
	if len(doc.Model.Tables) != 1 || doc.Model.Buckets[0].Region.Set {
		t.Errorf("model %+v", doc.Model)
	}
}
