package validate

import "flag"

// update makes golden tests rewrite their expected .out files, and
// TestGeneratedFastFormsAreCurrent schema_fast_gen.go: go test ./validate -update
var update = flag.Bool("update", false, "rewrite golden .out files and schema_fast_gen.go")
