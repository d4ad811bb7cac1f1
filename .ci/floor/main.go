// Command floor is the start-up floor of issue 7's target 1: a program that only imports the
// dependencies the CLI links (jsonschema/v5 compiles its meta-schemas at init). .ci/bench.sh
// times it beside the CLI; it is not part of the module's packages (./... skips dot folders).
package main

import (
	_ "github.com/dop251/goja"
	_ "github.com/santhosh-tekuri/jsonschema/v5"
	_ "github.com/spf13/pflag"
	_ "github.com/tidwall/gjson"
)

func main() {}
