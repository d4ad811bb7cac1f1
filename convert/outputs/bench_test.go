package outputs

import (
	"testing"
)

func BenchmarkBuildOutputs(b *testing.B) {
	m := sampleModel()
	b.ReportAllocs()
	for b.Loop() {
		out, _ := Build(m, BuildOptions{})
		_ = out.JSON()
	}
}

func BenchmarkMerge(b *testing.B) {
	out, _ := Build(sampleModel(), BuildOptions{})
	existing := []byte("{\n  \"auth\": {\n    \"aws_region\": \"us-east-1\",\n    \"user_pool_id\": \"us-east-1_x\"\n  },\n" +
		"  \"storage\": {\"aws_region\": \"us-east-1\", \"bucket_name\": \"old\"},\n  \"custom\": {\"k\": 1},\n  \"version\": \"1.5\"\n}\n")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Merge(existing, out); err != nil {
			b.Fatal(err)
		}
	}
}
