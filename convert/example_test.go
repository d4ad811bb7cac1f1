package convert_test

import (
	"context"
	"fmt"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
)

// Read one Gen 1 aws-exports.js statically (no code runs) and see where each value came from.
func ExampleReadFile() {
	doc, err := convert.ReadFile(context.Background(), "../fixtures/read/aws-exports/cli-generated.js", convert.ReadOptions{})
	if err != nil {
		panic(err) // could not run: I/O error, evaluation timeout
	}
	fmt.Println("format:", doc.Format)
	for _, b := range doc.Model.Buckets {
		fmt.Printf("bucket %s in %s (line %d, column %d)\n", b.BucketName.Value, b.Region.Value, b.BucketName.Pos.Line(), b.BucketName.Pos.Column())
	}
	for _, t := range doc.Model.Tables {
		fmt.Println("table", t.TableName.Value)
	}
	fmt.Println("findings:", len(doc.Diagnostics))
	// Output:
	// format: aws-exports
	// bucket photoalbum4f2a1c9e8b7d6-dev in eu-west-1 (line 11, column 33)
	// table albums-dev
	// table comments-dev
	// findings: 0
}

// Load a whole Gen 1 project: discovery, the environment, and the merged storage model. Names
// of managed resources are derived as amplify-cli derives them when no frontend config is
// committed (a clean clone).
func ExampleLoadProject() {
	p, err := convert.LoadProject(context.Background(), "../fixtures/projects/gen1-managed", convert.ProjectOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println("env:", p.Env)
	for _, b := range p.Model.Buckets {
		fmt.Printf("bucket %s: %s (derived %v)\n", b.Name.Value, b.BucketName.Value, b.DerivedName)
	}
	for _, t := range p.Model.Tables {
		fmt.Printf("table %s: %s (derived %v)\n", t.Name.Value, t.TableName.Value, t.DerivedName)
	}
	// Output:
	// env: dev
	// bucket photos: photoappmedia4f8e2b1d172355-dev (derived true)
	// table comments: comments-dev (derived true)
}
