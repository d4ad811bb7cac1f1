package schema

import (
	"embed"
	"io/fs"
	"slices"
	"strings"
)

// schemaFiles holds the project's JSON Schemas, one file per name: NAME.schema.json.
//
//go:embed *.schema.json
var schemaFiles embed.FS

// schemaSuffix ends every embedded schema file name.
const schemaSuffix = ".schema.json"

// SchemaIDBase is the URL every schema's "$id" starts with; the name and ".schema.json" follow.
const SchemaIDBase = "https://schemas.amplify-storage-config.dev/"

// Names returns the names of the embedded JSON Schemas, sorted (what `schema NAME` accepts).
func Names() []string {
	entries, err := schemaFiles.ReadDir(".")
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), schemaSuffix); ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// Source returns the JSON text of the schema called name, and whether there is one.
func Source(name string) ([]byte, bool) {
	file, ok := fileName(name)
	if !ok {
		return nil, false
	}
	data, err := schemaFiles.ReadFile(file)
	if err != nil {
		return nil, false
	}
	return data, true
}

// File opens the embedded schema called name for reading, without copying it as Source does.
func File(name string) (fs.File, bool) {
	file, ok := fileName(name)
	if !ok {
		return nil, false
	}
	f, err := schemaFiles.Open(file)
	if err != nil {
		return nil, false
	}
	return f, true
}

// fileName is the embedded file of the schema called name; false for a name that is a path.
func fileName(name string) (string, bool) {
	if name == "" || strings.ContainsAny(name, `/\`) {
		return "", false
	}
	return name + schemaSuffix, true
}

// SchemaID returns the "$id" of the schema called name.
func SchemaID(name string) string { return SchemaIDBase + name + schemaSuffix }

// OutputsVersions lists the amplify_outputs.json versions the project has a schema for, oldest
// first.
func OutputsVersions() []string { return []string{"1", "1.1", "1.2", "1.3", "1.4", "1.5"} }

// OutputsSchemaName returns the schema name for amplify_outputs.json of version, and whether the
// version is known. An empty version names the schema that dispatches on the document's own.
func OutputsSchemaName(version string) (string, bool) {
	if version == "" {
		return "amplify-outputs", true
	}
	if !slices.Contains(OutputsVersions(), version) {
		return "", false
	}
	return "amplify-outputs-v" + version, true
}

// SchemaFor returns the name of the schema that describes a document of format f ("" when the
// project has none). For Gen 2 outputs, version picks the version's schema; an empty version
// gives the dispatching schema and an unknown one gives "".
func SchemaFor(f Format, version string) string {
	switch f {
	case AWSExports, AmplifyConfigWeb:
		return "aws-exports"
	case AmplifyConfigNative, AmplifyConfigDart:
		return "amplifyconfiguration"
	case TeamProviderInfo:
		return "team-provider-info"
	case CLIInputs:
		return "cli-inputs"
	case AmplifyOutputs, AmplifyOutputsDart:
		name, _ := OutputsSchemaName(version)
		return name
	}
	return ""
}
