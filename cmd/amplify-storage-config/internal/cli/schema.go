package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

func schemaHelp() helpText {
	return helpText{
		usage: "schema [NAME]",
		description: `Without NAME, list the names of the JSON Schemas built into the tool, one per line. With NAME,
print that schema (draft 2020-12, with "$schema" and a stable "$id"; self-contained: schemas it
builds on are inlined under "$defs"), for editors and other
validators: point a file's "$schema" at it, or wire it into VS Code's json.schemas.`,
		examples: `schema
schema amplify-outputs > .vscode/amplify-outputs.schema.json
schema team-provider-info > .vscode/team-provider-info.schema.json`,
		output: `stdout: the schema names, or the schema's JSON text.`,
	}
}

func (a *App) runSchema(_ context.Context, args []string) int {
	fs := newFlagSet("schema")
	if code, done := a.parseFlags("schema", fs, schemaHelp(), args); done {
		return code
	}
	switch fs.NArg() {
	case 0:
		if _, err := fmt.Fprintln(a.Stdout, strings.Join(schema.Names(), "\n")); err != nil {
			return a.failf("schema", "writing output: %v", err)
		}
		return ExitOK
	case 1:
	default:
		return a.usagef("schema", "takes at most one NAME (got %d arguments)", fs.NArg())
	}
	name := fs.Arg(0)
	src, ok := schema.Standalone(name) // self-contained: an editor reads this one file
	if !ok {
		return a.usagef("schema", "unknown schema %q%s (run '%s schema' for the list)", name, didYouMean(name, schema.Names()), programName)
	}
	if _, err := a.Stdout.Write(src); err != nil {
		return a.failf("schema", "writing output: %v", err)
	}
	if len(src) > 0 && src[len(src)-1] != '\n' {
		fmt.Fprintln(a.Stdout)
	}
	return ExitOK
}
