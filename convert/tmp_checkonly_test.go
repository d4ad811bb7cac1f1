package convert

import (
	"context"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

func BenchmarkTmpCheckOnly(b *testing.B) {
	data := benchInput(b, "large/amplify_outputs.json")
	doc, err := Read(context.Background(), Source{Name: "amplify_outputs.json", Data: data}, ReadOptions{DeferPositions: true})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		validate.Check(doc.Input(), validate.Options{})
	}
}
