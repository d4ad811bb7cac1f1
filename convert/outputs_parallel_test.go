package convert

import (
	"context"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestMapBucketsInPartsMatchesOnePass checks that an amplify_outputs.json with enough buckets
// to be read by several cores gives exactly the model and diagnostics one pass gives.
func TestMapBucketsInPartsMatchesOnePass(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"version":"1.5","storage":{"aws_region":"us-east-1","bucket_name":"bucket-77","buckets":[`)
	for i := range 5 * parallelBucketsPerPart {
		if i > 0 {
			b.WriteString(",")
		}
		name := fmt.Sprintf("%q", fmt.Sprintf("b%d", i))
		if i%9 == 0 {
			name = "5" // config/type
		}
		fmt.Fprintf(&b, `{"name":%s,"bucket_name":"bucket-%d","aws_region":"us-east-1","paths":{"p%d/*":{"guest":["get","list"],"authenticated":["get",7]}}}`, name, i, i)
	}
	b.WriteString(`]}}`)
	data := []byte(b.String())
	read := func(procs int) *Document {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		doc, err := Read(context.Background(), Source{Name: "amplify_outputs.json", Data: data}, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	onePass, inParts := read(1), read(4)
	if len(onePass.Model.Buckets) != 5*parallelBucketsPerPart || len(onePass.Diagnostics) < 5*parallelBucketsPerPart {
		t.Fatalf("%d buckets, %d diagnostics: the fixture does not exercise the reader", len(onePass.Model.Buckets), len(onePass.Diagnostics))
	}
	if !onePass.Model.Buckets[77].Default {
		t.Error("the default bucket is not marked")
	}
	if !reflect.DeepEqual(onePass.Model, inParts.Model) {
		t.Error("in parts, the model differs from one pass")
	}
	if !reflect.DeepEqual(onePass.Diagnostics, inParts.Diagnostics) {
		t.Errorf("in parts: %d diagnostics, one pass: %d (or different)", len(inParts.Diagnostics), len(onePass.Diagnostics))
	}
}
