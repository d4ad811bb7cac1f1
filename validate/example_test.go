package validate_test

import (
	"context"
	"fmt"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Validate one file: the reader's findings plus the format's JSON Schema and the Amplify/AWS
// rules, each with an exact file:line:column.
func ExampleCheck() {
	doc, err := convert.ReadFile(context.Background(), "../fixtures/rules/s3_bucket-name/err/uppercase.json", convert.ReadOptions{})
	if err != nil {
		panic(err)
	}
	in := doc.Input()
	diags := append(doc.Diagnostics, validate.Check(in, validate.Options{})...)
	for _, d := range validate.Sort(diags) {
		fmt.Println(d)
	}
	fmt.Println("fails:", validate.HasErrors(diags, false))
	// Output:
	// ../fixtures/rules/s3_bucket-name/err/uppercase.json:3:33: error: bucket name "My_App_Files" holds "M" at character 1; only lowercase letters, digits, "." and "-" are allowed (for example "my-app-files") [s3/bucket-name]
	// fails: true
}
