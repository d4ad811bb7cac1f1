package validate

import "flag"

// update makes golden tests rewrite their expected .out files: go test ./validate -update
var update = flag.Bool("update", false, "rewrite golden .out files")
