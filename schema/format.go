package schema

// Format names a kind of configuration file the tool reads.
type Format string

// The formats the readers understand. The string values are what `--from` accepts.
const (
	FormatUnknown Format = ""
	// AWSExports: Gen 1 aws-exports.js (and .mjs/.cjs/.ts copies).
	AWSExports Format = "aws-exports"
	// AmplifyConfigWeb: the flat web amplifyconfiguration.json (same keys as aws-exports).
	AmplifyConfigWeb Format = "amplifyconfiguration-web"
	// AmplifyConfigNative: Android/iOS/Flutter amplifyconfiguration.json with plugins.
	AmplifyConfigNative Format = "amplifyconfiguration"
	// AmplifyConfigDart: Flutter amplifyconfiguration.dart (JSON in a Dart string).
	AmplifyConfigDart Format = "amplifyconfiguration-dart"
	// AWSConfiguration: legacy native awsconfiguration.json.
	AWSConfiguration Format = "awsconfiguration"
	// TeamProviderInfo: amplify/team-provider-info.json.
	TeamProviderInfo Format = "team-provider-info"
	// BackendConfig: amplify/backend/backend-config.json.
	BackendConfig Format = "backend-config"
	// CLIInputs: amplify/backend/storage/<name>/cli-inputs.json.
	CLIInputs Format = "cli-inputs"
	// AmplifyMeta: amplify/backend/amplify-meta.json.
	AmplifyMeta Format = "amplify-meta"
	// LocalEnvInfo: amplify/.config/local-env-info.json.
	LocalEnvInfo Format = "local-env-info"
	// AmplifyOutputs: Gen 2 amplify_outputs.json.
	AmplifyOutputs Format = "amplify-outputs"
	// AmplifyOutputsDart: Gen 2 amplify_outputs.dart.
	AmplifyOutputsDart Format = "amplify-outputs-dart"
)

// Formats lists every format, in the order `--help` shows them.
func Formats() []Format {
	return []Format{AWSExports, AmplifyConfigWeb, AmplifyConfigNative, AmplifyConfigDart,
		AWSConfiguration, TeamProviderInfo, BackendConfig, CLIInputs, AmplifyMeta, LocalEnvInfo,
		AmplifyOutputs, AmplifyOutputsDart}
}
