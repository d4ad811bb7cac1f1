package hostingenv

// Rule IDs of the diagnostics this package reports.
const (
	// RuleNothingImported (info): the env has no imported storage, so no variable is needed.
	RuleNothingImported = "env/nothing-imported"
	// RuleAmbiguousEnv (error): no env was chosen and the model holds several.
	RuleAmbiguousEnv = "env/ambiguous-env"
	// RuleRegionConflict (error): the imported bucket and tables are in different regions,
	// which one AMPLIFY_STORAGE_REGION cannot describe.
	RuleRegionConflict = "env/region-conflict"
	// RuleMultipleBuckets (error): more than one imported S3 resource in one env.
	RuleMultipleBuckets = "env/multiple-buckets"
	// RuleMissingValue (error): an imported resource lacks the name the variables need.
	RuleMissingValue = "env/missing-value"
	// RuleDuplicateResource (error): two imported tables share one storage resource name.
	RuleDuplicateResource = "env/duplicate-resource"
	// RuleMissing (error): a needed variable is not set (or is empty).
	RuleMissing = "env/missing"
	// RuleUnneeded (warning): a variable is set that nothing imported reads.
	RuleUnneeded = "env/unneeded"
	// RuleUnknownVariable (warning): an AMPLIFY_STORAGE_* name the Hosting build does not know.
	RuleUnknownVariable = "env/unknown-variable"
	// RuleTablesJSON (error): AMPLIFY_STORAGE_TABLES is not a JSON object of strings.
	RuleTablesJSON = "env/tables-json"
	// RuleUnknownTableKey (warning): a key of AMPLIFY_STORAGE_TABLES names no imported resource.
	RuleUnknownTableKey = "env/unknown-table-key"
	// RuleMissingTableKey (error): an imported DynamoDB resource has no key in
	// AMPLIFY_STORAGE_TABLES.
	RuleMissingTableKey = "env/missing-table-key"
	// RuleRegionMismatch (warning): AMPLIFY_STORAGE_REGION differs from the project's.
	RuleRegionMismatch = "env/region-mismatch"
	// RuleBucketMismatch (warning): AMPLIFY_STORAGE_BUCKET_NAME differs from the bucket the
	// project imported for the env.
	RuleBucketMismatch = "env/bucket-mismatch"
	// RuleTableMismatch (warning): a table name differs from the one the project imported.
	RuleTableMismatch = "env/table-mismatch"
	// RuleBucketName (error): the bucket name breaks the S3 naming rules.
	RuleBucketName = "env/bucket-name"
	// RuleTableName (error): a table name breaks the DynamoDB naming rules.
	RuleTableName = "env/table-name"

	// RuleDotenvSyntax (error): a dotenv line that is not NAME=value.
	RuleDotenvSyntax = "dotenv/syntax"
	// RuleDotenvDuplicate (warning): a name assigned twice; the last one wins.
	RuleDotenvDuplicate = "dotenv/duplicate"
	// RuleDotenvExpansion (warning): a `$` that shells and some dotenv tools would expand.
	RuleDotenvExpansion = "dotenv/expansion"
)

// The amplify-cli error texts the checks prevent (import-s3.ts, import-dynamodb.ts).
const (
	cliMissingParams = "storage headless is missing the following inputParams "
	cliExpectedOne   = "storage headless expected 1 element for resource: %s, but found: 0"
	cliBucketNotFnd  = "The previously configured S3 Bucket: '%s' cannot be found."
	cliTableNotFnd   = "The previously configured DynamoDB Table: '%s' cannot be found."
)
