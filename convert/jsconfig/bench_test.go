package jsconfig

import (
	"context"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

func BenchmarkReadStatic(b *testing.B) {
	data := fixture(b, "cli-generated.js")
	lines := validate.NewLines("aws-exports.js", data)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if r := ReadStatic("aws-exports.js", data, lines); r.Value == nil {
			b.Fatal(r.Diagnostics)
		}
	}
}

func BenchmarkEvalInProcess(b *testing.B) {
	data := fixture(b, "cli-generated.js")
	req := EvalRequest{Name: "aws-exports.js", Source: data}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := InProcessForTest.Evaluate(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}
