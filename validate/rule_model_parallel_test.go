package validate

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// TestCheckBucketsInPartsMatchesOnePass checks that a model with enough buckets to be split
// between cores gets exactly the findings, in the same order, that one pass gives.
func TestCheckBucketsInPartsMatchesOnePass(t *testing.T) {
	m := &schema.Model{}
	for i := range 5 * parallelBucketsPerPart {
		name := fmt.Sprintf("bucket-%03d", i)
		if i%7 == 0 {
			name = fmt.Sprintf("Bad_Bucket_%d", i) // s3/bucket-name
		}
		pos := schema.At(schema.Place{File: "amplify_outputs.json", Line: i + 1, Column: 1})
		m.Buckets = append(m.Buckets, schema.Bucket{
			Name: schema.Str(fmt.Sprintf("b%d", i), pos), BucketName: schema.Str(name, pos), Region: schema.Str("us-east-1", pos),
			Paths: []schema.AccessPath{{Path: schema.Str(fmt.Sprintf("p%d/", i), pos), // paths/trailing-wildcard
				Rules: []schema.AccessRule{{Principal: schema.Str("guest", pos), Actions: []schema.String{schema.Str("get", pos)}}}}},
		})
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	onePass := checkBuckets(schema.AmplifyOutputs, m)
	runtime.GOMAXPROCS(4)
	inParts := checkBuckets(schema.AmplifyOutputs, m)
	if len(onePass) < 2*len(m.Buckets)/7 {
		t.Fatalf("only %d findings: the fixture does not exercise the rules", len(onePass))
	}
	if !reflect.DeepEqual(onePass, inParts) {
		t.Errorf("in parts: %d findings, one pass: %d (or a different order)", len(inParts), len(onePass))
	}
}

// TestInParallelRaisesPanics checks that a panic in one part reaches the caller.
func TestInParallelRaisesPanics(t *testing.T) {
	defer func() {
		if r := recover(); r != "part 1" {
			t.Errorf("recovered %v, want the part's panic", r)
		}
	}()
	inParallel(3, func(i int) {
		if i == 1 {
			panic("part 1")
		}
	})
	t.Error("no panic")
}

// TestPathScratchReuseMatchesFresh: checking buckets of different shapes one after another with
// one checker (whose path memory is reused) finds exactly what a fresh checker per bucket
// finds, so that nothing of one bucket leaks into the next.
func TestPathScratchReuseMatchesFresh(t *testing.T) {
	owner := "/" + OwnerToken + "/*"
	shapes := [][]string{
		{"public/*", "protected/*", "protected" + owner, "private" + owner},
		{"media/*"},
		{"a/*", "a/b/*", "a/b/c/*", "x" + owner, "x/*", "x/*"},
		{"/lead/*", "m//x/*", "p/*/q/*", "media/" + EntityIDToken + "/*", "media/*"},
		{},
		{"p/*", "p" + owner, "q/*", "q" + owner, "r/*"},
	}
	var m schema.Model
	for i := range 40 {
		paths := shapes[i*7%len(shapes)]
		pos := schema.At(schema.Place{File: "amplify_outputs.json", Line: i + 1, Column: 1})
		b := schema.Bucket{Name: schema.Str(fmt.Sprintf("b%d", i), pos), BucketName: schema.Str(fmt.Sprintf("bucket-%d", i), pos), Region: schema.Str("us-east-1", pos)}
		for k, p := range paths {
			rules := []schema.AccessRule{{Principal: schema.Str("guest", pos), Actions: []schema.String{schema.Str("read", pos), schema.Str("get", pos)}}}
			if k%2 == 0 {
				rules = append(rules, schema.AccessRule{Principal: schema.Str("guest", pos)}) // paths/duplicate-principal
			}
			b.Paths = append(b.Paths, schema.AccessPath{Path: schema.Str(p, pos), Rules: rules})
		}
		m.Buckets = append(m.Buckets, b)
	}
	shared := modelChecker{format: schema.AmplifyOutputs, model: &m}
	var fresh []Diagnostic
	for i := range m.Buckets {
		shared.bucket(&m.Buckets[i])
		one := modelChecker{format: schema.AmplifyOutputs, model: &m}
		one.bucket(&m.Buckets[i])
		fresh = append(fresh, one.ds...)
	}
	if len(fresh) < len(m.Buckets) {
		t.Fatalf("only %d findings: the buckets do not exercise the path rules", len(fresh))
	}
	if !reflect.DeepEqual(shared.ds, fresh) {
		t.Errorf("reused memory: %d findings, fresh: %d (or different)", len(shared.ds), len(fresh))
	}
}

// TestSchemaItemsInPartsMatchOnePass: an array large enough to be checked by several cores
// (storage.buckets[] of a large outputs file) gets the verdict one pass gives, with the one bad
// element first, in the middle, last, or nowhere.
func TestSchemaItemsInPartsMatchOnePass(t *testing.T) {
	const buckets = 3200
	bucket := func(i int, action string) string {
		return fmt.Sprintf(`{"name":"b%d","bucket_name":"bucket-%d","aws_region":"us-east-1","paths":{"a/*":{"guest":["get","list"],"authenticated":["get","%s","write"]},"b/*":{"entityidentity":["get","list","write","delete"]},"c/*":{"groupsadmin":["read"]}}}`, i, i, action)
	}
	for _, bad := range []int{-1, 0, buckets / 2, buckets - 1} {
		var b strings.Builder
		b.WriteString(`{"version":"1.4","storage":{"aws_region":"us-east-1","bucket_name":"bucket-0","buckets":[`)
		for i := range buckets {
			if i > 0 {
				b.WriteString(",")
			}
			action := "list"
			if i == bad {
				action = "lst"
			}
			b.WriteString(bucket(i, action))
		}
		b.WriteString(`]}}`)
		text := []byte(b.String())
		j, _, ok := ParseJSONIndex(NewLines("amplify_outputs.json", text), 0, text)
		if !ok {
			t.Fatal("the document does not parse")
		}
		if nodes := len(j.index.nodes); nodes < 2*parallelSchemaNodes {
			t.Fatalf("only %d values: the array is not checked in parts", nodes)
		}
		check := func(procs int) []Diagnostic {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			return schemaCheckFormatIndexed(schema.AmplifyOutputs, j, "amplify_outputs.json", j)
		}
		onePass, inParts := check(1), check(4)
		verdict := func(procs int) bool { // the fast path's own answer, which the diagnostics hide
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			fast, err := compiledSchemas()["amplify-outputs-v1.4"].fast()
			if err != nil {
				t.Fatal(err)
			}
			return fast.validNode(j.index, rootNode)
		}
		if one, parts := verdict(1), verdict(4); one != (bad < 0) || parts != one {
			t.Errorf("bad element %d: fast path says valid=%v in one pass, %v in parts", bad, one, parts)
		}
		if (bad < 0) != (len(onePass) == 0) {
			t.Errorf("bad element %d: one pass found %v", bad, onePass)
		}
		if !reflect.DeepEqual(onePass, inParts) {
			t.Errorf("bad element %d: in parts %v, one pass %v", bad, inParts, onePass)
		}
	}
}
