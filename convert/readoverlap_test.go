package convert

import (
	"context"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// largeOutputs returns an amplify_outputs.json over overlapSize, valid JSON with a wrong-typed
// action in every bucket (so that its reading has diagnostics to compare).
func largeOutputs(t testing.TB) string { return outputsOfSize(t, overlapSize+(64<<10)) }

// outputsOfSize returns a valid-JSON amplify_outputs.json of at least size bytes (see
// largeOutputs).
func outputsOfSize(t testing.TB, size int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("{\n \"version\": \"1.4\",\n \"storage\": {\"aws_region\": \"eu-west-1\", \"bucket_name\": \"bucket-3\", \"buckets\": [\n")
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `  {"name": "b%d", "bucket_name": "bucket-%d", "aws_region": "eu-west-1", "paths": {"p%d/*": {"guest": ["get", "list"], "authenticated": ["get", %d]}}}`, i, i, i, i)
	}
	b.WriteString("\n ]}\n}\n")
	return b.String()
}

// TestReadOverlapMatchesSequential: a large input read with its scans and parse side by side
// gives exactly what the sequential order gives (one core), whether a scan refuses it (each of
// scanIngested's findings, placed after the start so that the parse has begun) or not.
func TestReadOverlapMatchesSequential(t *testing.T) {
	valid := largeOutputs(t)
	mid := strings.LastIndex(valid[:len(valid)/2], "\n") + 1
	cases := map[string]struct {
		text string
		rule string // the finding expected first; "" for a document read without refusal
		file string // the input's name, amplify_outputs.json when empty
	}{
		"valid JSON":     {valid, "", ""},
		"NUL byte":       {valid[:mid] + "\x00" + valid[mid:], RuleBinary, ""},
		"conflict":       {valid[:mid] + "<<<<<<< HEAD\n" + valid[mid:], RuleMergeConflict, ""},
		"invalid UTF-8":  {strings.Replace(valid, `"b7"`, "\"b\xff7\"", 1), RuleEncoding, ""},
		"too deep":       {valid[:len(valid)-3] + "," + strings.Repeat("[", DefaultMaxDepth+10) + "}\n", RuleTooDeep, ""},
		"syntax error":   {valid[:mid] + "}" + valid[mid:], RuleJSONSyntax, ""},
		"forced dart":    {valid, "", ""},
		"forced outputs": {valid, "", "settings.json"},
		"unknown format": {"{" + strings.Repeat(" ", overlapSize) + `"x": 1}`, RuleUnknownFormat, "settings.json"},
		"JavaScript":     {"export default " + valid, "", "aws-exports.js"},
		"JSON in a .js":  {valid, "", "aws-exports.js"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			opts := ReadOptions{}
			switch name {
			case "forced dart":
				opts.From = "amplifyconfiguration-dart"
			case "forced outputs":
				opts.From = "amplify-outputs"
			}
			read := func(procs int) *Document {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				name := "amplify_outputs.json"
				if c.file != "" {
					name = c.file
				}
				doc, err := Read(context.Background(), Source{Name: name, Data: []byte(c.text)}, opts)
				if err != nil {
					t.Fatal(err)
				}
				return doc
			}
			sequential, overlapped := read(1), read(2)
			if len(c.text) < overlapSize {
				t.Fatalf("the input is %d bytes, under overlapSize", len(c.text))
			}
			if sequential.Format != overlapped.Format {
				t.Errorf("format: sequential %q, overlapped %q", sequential.Format, overlapped.Format)
			}
			if !reflect.DeepEqual(sequential.Diagnostics, overlapped.Diagnostics) {
				t.Errorf("diagnostics differ:\nsequential %v\noverlapped %v", sequential.Diagnostics, overlapped.Diagnostics)
			}
			if !reflect.DeepEqual(sequential.Model, overlapped.Model) {
				t.Error("models differ")
			}
			if sequential.HasValue() != overlapped.HasValue() {
				t.Errorf("HasValue: sequential %v, overlapped %v", sequential.HasValue(), overlapped.HasValue())
			}
			switch {
			case c.rule != "" && (len(overlapped.Diagnostics) == 0 || overlapped.Diagnostics[0].Rule != c.rule):
				t.Errorf("first finding %v, want rule %s", overlapped.Diagnostics, c.rule)
			case name == "valid JSON" && (len(overlapped.Model.Buckets) < 100 || len(overlapped.Diagnostics) < 100):
				t.Errorf("%d buckets and %d diagnostics read: the input does not exercise the reader",
					len(overlapped.Model.Buckets), len(overlapped.Diagnostics))
			}
		})
	}
}
