// Command floor is issue 7's start-up floor: a program that only imports jsonschema/v5, goja,
// gjson and pflag (jsonschema/v5 compiles its meta-schemas at init). .ci/bench.sh times it
// beside the CLI. The CLI links goja's parser but not its runtime (the --eval sandbox program
// does), so its `version` runs below this floor. Not part of the module's packages (./...
// skips dot folders).
package main

import (
	_ "github.com/dop251/goja"
	_ "github.com/santhosh-tekuri/jsonschema/v5"
	_ "github.com/spf13/pflag"
	_ "github.com/tidwall/gjson"
)

func main() {}
