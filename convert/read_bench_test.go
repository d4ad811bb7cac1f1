package convert

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// benchInput returns a file of the bench kit's generated inputs (see ../shared/bench), or skips
// the benchmark when the kit is not installed.
func benchInput(b *testing.B, rel string) []byte {
	b.Helper()
	home, err := os.UserHomeDir()
	if err != nil {
		b.Skip("no home directory for the bench kit cache")
	}
	data, err := os.ReadFile(filepath.Join(home, ".cache", "amplify-storage-bench", "inputs", rel))
	if err != nil {
		b.Skipf("bench kit inputs not installed (run ../shared/bench/setup.sh): %v", err)
	}
	return data
}

// benchRead reads data as name, then validates it, as `validate FILE` does.
func benchReadCheck(b *testing.B, name string, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Read(context.Background(), Source{Name: name, Data: data}, ReadOptions{DeferPositions: true}) // as validate reads
		if err != nil {
			b.Fatal(err)
		}
		in := doc.Input()
		if ds := validate.Check(in, validate.Options{}); validate.HasErrors(ds, false) {
			b.Fatal(ds)
		}
	}
}

// BenchmarkReadSmallOutputs: reading one small amplify_outputs.json into the model.
func BenchmarkReadSmallOutputs(b *testing.B) {
	data := benchInput(b, "small/out-00000.json")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(context.Background(), Source{Name: "amplify_outputs.json", Data: data}, ReadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadCheckSmallOutputs: reading and validating one small amplify_outputs.json.
func BenchmarkReadCheckSmallOutputs(b *testing.B) {
	benchReadCheck(b, "amplify_outputs.json", benchInput(b, "small/out-00000.json"))
}

// BenchmarkReadCheckLargeOutputs: reading and validating the ~6 MB amplify_outputs.json.
func BenchmarkReadCheckLargeOutputs(b *testing.B) {
	benchReadCheck(b, "amplify_outputs.json", benchInput(b, "large/amplify_outputs.json"))
}
