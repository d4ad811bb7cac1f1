package validate

import (
	"cmp"
	"slices"
)

// Rule describes one check: a stable ID (`family/name`), its severity, and a one-line
// description. `amplify-storage-config rules` prints Rules().
type Rule struct {
	ID          string
	Severity    Severity
	Description string
}

// IDs of the rules this package checks beyond the JSON Schemas.
const (
	RuleBucketName       = "s3/bucket-name"
	RuleBucketNameDots   = "s3/bucket-name-dots"
	RuleDeploymentBucket = "s3/deployment-bucket"
	RuleTestEndpoint     = "s3/test-endpoint"
	RuleRegionMissing    = "s3/region-missing"
	RuleTableName        = "dynamodb/table-name"
	RuleRegionUnknown    = "region/unknown"
	RuleRegionMalformed  = "region/malformed"

	RulePathLeadingSlash       = "paths/leading-slash"
	RulePathTrailingWildcard   = "paths/trailing-wildcard"
	RulePathDoubleSlash        = "paths/double-slash"
	RulePathInnerWildcard      = "paths/inner-wildcard"
	RulePathTooManyPrefixes    = "paths/too-many-prefixes"
	RulePathOwnerPrefix        = "paths/owner-prefix"
	RulePathOwnerTokenOnce     = "paths/owner-token-once"
	RulePathOwnerTokenPosition = "paths/owner-token-position"
	RulePathOwnerTokenFirst    = "paths/owner-token-first"
	RulePathOwnerTokenAlone    = "paths/owner-token-alone"
	RulePathDuplicatePrincipal = "paths/duplicate-principal"
	RulePathReadWithGetList    = "paths/read-with-get-list"

	RuleOneDefault       = "storage/one-default"
	RuleDefaultNotListed = "storage/default-not-listed"
	RuleDuplicateName    = "storage/duplicate-name"
	RuleFriendlyName     = "storage/friendly-name"

	RulePlaceholder          = "values/placeholder"
	RuleMissingProjectRegion = "aws-exports/missing-project-region"
	RuleStaleCopy            = "project/stale-copy"
)

// Rules returns every rule the tool can report, from every package (readers, schemas, these
// checks), sorted by ID.
func Rules() []Rule {
	rs := []Rule{
		// Readers, project discovery, writers (package convert and its sub-packages).
		{"input/too-large", Error, "The file is larger than the size cap for a configuration file."},
		{"input/empty", Error, "The file is empty."},
		{"input/utf16", Error, "The file is UTF-16 encoded; configuration must be UTF-8."},
		{"input/encoding", Error, "The file holds bytes that are not valid UTF-8."},
		{"input/binary", Error, "The file holds a NUL byte: it is binary, not configuration."},
		{"input/lfs-pointer", Error, "The file is a Git LFS pointer, not the configuration itself."},
		{"input/merge-conflict", Error, "The file holds unresolved git merge-conflict markers."},
		{"input/too-deep", Error, "Brackets or braces nest deeper than the depth cap."},
		{"input/unknown-format", Error, "The file's format could not be recognised; name it with --from."},
		{"input/no-storage", Info, "The file configures no storage."},
		{"json/syntax", Error, "The JSON cannot be parsed."},
		{"json/duplicate-key", Warning, "An object repeats a key; the last value wins."},
		{"config/type", Error, "A configuration value has the wrong JSON type."},
		{"js/no-config", Error, "The JavaScript file yields no configuration object."},
		{"js/non-literal-storage", Error, "A storage key's value is code that the static reader cannot read (try --eval)."},
		{"js/syntax", Error, "The JavaScript file cannot be parsed."},
		{"js/typescript", Error, "The file holds TypeScript syntax (annotations, declare, .d.ts), which is not JavaScript."},
		{"js/no-export", Error, "No exported configuration object was found in the JavaScript file."},
		{"js/too-complex", Error, "The JavaScript nests too deeply or is too large to read safely."},
		{"js/duplicate-key", Warning, "An object literal repeats a key; the last one wins, as in JavaScript."},
		{"js/eval-error", Error, "The script failed while being evaluated (--eval)."},
		{"js/non-literal", Info, "A value that names no storage is code; it is left out."},
		{"flat/v5-shape", Warning, "A flat config mixes in the aws-amplify v5 (Storage: {AWSS3: ...}) shape."},
		{"flat/v6-shape", Warning, "A flat config mixes in the aws-amplify v6 (Storage: {S3: ...}) shape."},
		{"dart/unsupported", Error, "The Dart file holds no configuration string the reader understands."},
		{"dart/unterminated-string", Error, "A Dart string literal is not terminated."},
		{"dart/interpolation", Error, "A non-raw Dart string holds a $ interpolation, so the JSON is not what the app sees."},
		{"dart/multiple-strings", Warning, "The Dart file holds several configuration strings; the first is read."},
		{"native/transfer-utility-mismatch", Warning, "S3TransferUtility names another bucket or region than awsS3StoragePlugin."},
		{"native/dynamodb-region-only", Info, "awsDynamoDbStoragePlugin gives a region but no table."},
		{"dynamodb/schemas-as-string", Warning, "aws_dynamodb_table_schemas is a JSON string instead of an array."},
		{"dynamodb/missing-table-name", Error, "An aws_dynamodb_table_schemas entry has no tableName."},
		{"gen1/bucket-name", Error, "A cli-inputs.json bucketName that amplify-cli itself would refuse (3-47 of a-z, 0-9, -)."},
		{"gen1/type", Warning, "A Gen 1 backend file value has the wrong JSON type."},
		{"gen1/missing-field", Warning, "A field the Amplify CLI always writes is absent."},
		{"gen1/unknown-resource", Warning, "A storage entry is neither managed ({}) nor an imported bucket or table."},
		{"gen1/unknown-service", Warning, "A storage service other than S3 and DynamoDB."},
		{"gen1/key-type", Warning, "A DynamoDB key type that is not S, N or B."},
		{"gen1/no-envs", Info, "team-provider-info.json holds no environment."},
		{"project/no-sources", Error, "The folder holds no Amplify configuration at all."},
		{"project/unreadable-file", Error, "A discovered source could not be read."},
		{"project/unreadable-dir", Warning, "A folder inside the project could not be listed; it is skipped."},
		{"project/not-regular-file", Warning, "A source name that is not a regular file; it is not read."},
		{"project/nested-project", Warning, "An amplify/ folder below the root; only the root's is read."},
		{"project/too-many-files", Warning, "The project walk stopped after its entry cap."},
		{"project/service-unknown", Warning, "A managed resource whose service no backend-config.json entry gives."},
		{"project/cannot-derive", Warning, "A managed resource's physical name is in no file and cannot be derived."},
		{"project/derived-name", Info, "A physical name was derived the way amplify-cli names managed resources."},
		{"project/derived-name-mismatch", Warning, "A frontend config names another bucket than the derived one."},
		{"project/meta-other-env", Info, "amplify-meta.json describes another environment than the chosen one."},
		{"project/frontend-only-storage", Warning, "A frontend config names storage that no Gen 1 resource of the env matches."},
		{"project/outputs-ignored", Info, "A Gen 2 amplify_outputs file in a Gen 1 project is not a source."},
		{"project/env-ambiguous", Error, "Several environments and nothing says which one to use (--env)."},
		{"project/every-env", Info, "No env was chosen, so validate checked the project in each of its envs."},
		{"project/env-unknown", Error, "The chosen environment is not in team-provider-info.json."},
		{"project/env-ignored", Info, "--env was given for a project that has no Gen 1 environments."},
		{"outputs/default-bucket", Warning, "No default bucket could be chosen, or storage.bucket_name matches no buckets[] entry."},
		{"outputs/missing-bucket-name", Error, "A bucket without a physical name."},
		{"outputs/missing-region", Error, "A bucket (or table) without a region."},
		{"outputs/version-drop", Warning, "The chosen outputs version cannot hold something; it is left out."},
		{"outputs/unknown-version", Error, "The requested outputs version does not exist."},
		{"outputs/official-schema-groups-entity", Warning, "Versions 1.2 and 1.3 of Amplify's schema reject groups*/entity* keys."},
		{"outputs/dynamodb-key-type", Warning, "A DynamoDB key type other than S, N or B; the key is left out."},
		{"outputs/missing-table-name", Warning, "A table without a physical name; it is left out."},
		{"outputs/derived-friendly-name", Info, "A bucket's friendly name was derived, not read."},
		{"migrate/no-bucket", Error, "The sources name no S3 bucket, so there is no storage to write."},
		{"migrate/existing-output", Error, "The existing output file cannot be merged into."},
		{"migrate/not-carried-over", Warning, "A Gen 1 grant or setting that Gen 2 cannot express."},
		{"env/nothing-imported", Info, "The env has no imported storage, so no AMPLIFY_STORAGE_* variable is needed."},
		{"env/ambiguous-env", Error, "No env was chosen and the model holds several."},
		{"env/region-conflict", Error, "The imported bucket and tables are in different regions, which one AMPLIFY_STORAGE_REGION cannot describe."},
		{"env/multiple-buckets", Error, "More than one imported S3 resource in one env."},
		{"env/missing-value", Error, "An imported resource lacks the name the variables need."},
		{"env/duplicate-resource", Error, "Two imported tables share one storage resource name."},
		{"env/missing", Error, "A needed AMPLIFY_STORAGE_* variable is not set (or is empty)."},
		{"env/unneeded", Warning, "A variable is set that nothing imported reads."},
		{"env/unknown-variable", Warning, "An AMPLIFY_STORAGE_* name the Hosting build does not know."},
		{"env/tables-json", Error, "AMPLIFY_STORAGE_TABLES is not a JSON object of strings."},
		{"env/unknown-table-key", Warning, "A key of AMPLIFY_STORAGE_TABLES names no imported resource."},
		{"env/missing-table-key", Error, "An imported DynamoDB resource has no key in AMPLIFY_STORAGE_TABLES."},
		{"env/region-mismatch", Warning, "AMPLIFY_STORAGE_REGION differs from the project's."},
		{"env/bucket-mismatch", Warning, "AMPLIFY_STORAGE_BUCKET_NAME differs from the bucket the project imported for the env."},
		{"env/table-mismatch", Warning, "A table name differs from the one the project imported."},
		{"env/bucket-name", Error, "AMPLIFY_STORAGE_BUCKET_NAME breaks the S3 naming rules."},
		{"env/table-name", Error, "A table name in AMPLIFY_STORAGE_TABLES breaks the DynamoDB naming rules."},
		{"dotenv/syntax", Error, "A dotenv line that is not NAME=value."},
		{"dotenv/duplicate", Warning, "A dotenv name assigned twice; the last one wins."},
		{"dotenv/expansion", Warning, "A $ in a dotenv value that shells and some dotenv tools would expand."},
		// JSON Schema validation: "schema/" and the JSON Schema keyword that failed, in kebab case.
		{"schema/internal", Error, "The schema could not be applied (an internal error)."},
		{"schema/type", Error, "A value has the wrong JSON type for its format's schema."},
		{"schema/enum", Error, "A value is not one of the values the schema allows."},
		{"schema/const", Error, "A value differs from the one value the schema allows."},
		{"schema/required", Error, "A required key is missing."},
		{"schema/additional-properties", Error, "An object holds a key the schema does not allow."},
		{"schema/pattern", Error, "A string does not match the pattern the schema requires."},
		{"schema/min-length", Error, "A string is shorter than the schema allows."},
		{"schema/max-length", Error, "A string is longer than the schema allows."},
		{"schema/min-items", Error, "An array has fewer items than the schema requires."},
		{"schema/max-items", Error, "An array has more items than the schema allows."},
		{"schema/min-properties", Error, "An object has fewer keys than the schema requires."},
		{"schema/max-properties", Error, "An object has more keys than the schema allows."},
		{"schema/unique-items", Error, "An array repeats an item that must be unique."},
		{"schema/number-range", Error, "A number is outside the range the schema allows."},
		{"schema/minimum", Error, "A number is below the schema's minimum."},
		{"schema/maximum", Error, "A number is above the schema's maximum."},
		{"schema/property-names", Error, "An object key does not have the form the schema requires."},
		{"schema/one-of", Error, "A value matches none (or several) of the shapes the schema allows."},
		{"schema/any-of", Error, "A value matches none of the shapes the schema allows."},
		{"schema/format", Error, "A string is not in the format the schema requires."},
		{"schema/dependent-required", Error, "A key is present without the keys it needs."},
		{"schema/invalid", Error, "The value fails the schema."},
		// Names.
		{RuleBucketName, Error, "S3 bucket names follow all of AWS's naming rules (3-63 chars of [a-z0-9.-], no \"..\", no IP address, no reserved prefix or suffix)."},
		{RuleBucketNameDots, Warning, "A bucket name with \".\" breaks HTTPS in virtual-hosted style and Transfer Acceleration."},
		{RuleTableName, Error, "DynamoDB table names match ^[a-zA-Z0-9_.-]{3,255}$."},
		// Regions.
		{RuleRegionMalformed, Error, "A region name matches no AWS partition's region pattern."},
		{RuleRegionUnknown, Warning, "A well-formed region name that the AWS partitions data does not list."},
		// Gen 2 paths, in the order Amplify's defineStorage checks them.
		{RulePathLeadingSlash, Error, "A storage path must not start with \"/\"."},
		{RulePathTrailingWildcard, Error, "A storage path must end with \"/*\"."},
		{RulePathDoubleSlash, Error, "A storage path must not contain \"//\"."},
		{RulePathInnerWildcard, Error, "A wildcard is allowed only as the final part of a storage path."},
		{RulePathTooManyPrefixes, Error, "At most one other storage path may be a prefix of a path."},
		{RulePathOwnerPrefix, Error, "A storage path holding {entity_id} may have no prefix path."},
		{RulePathOwnerTokenOnce, Error, "{entity_id} may appear at most once in a storage path."},
		{RulePathOwnerTokenPosition, Error, "{entity_id} must be the path part right before the final \"/*\"."},
		{RulePathOwnerTokenFirst, Error, "{entity_id} must not be the first part of a storage path."},
		{RulePathOwnerTokenAlone, Error, "{entity_id} must be alone in its path part."},
		{RulePathDuplicatePrincipal, Error, "A principal has one access rule per storage path."},
		{RulePathReadWithGetList, Warning, "\"read\" already means \"get\" and \"list\": do not mix them in one rule."},
		// Buckets of one app.
		{RuleOneDefault, Error, "With several buckets, exactly one is the default."},
		{RuleDefaultNotListed, Error, "amplify_outputs: the top-level storage.bucket_name is listed in storage.buckets[]."},
		{RuleDuplicateName, Error, "Bucket friendly names are unique (amplify-js throws \"Duplicate friendly name found\")."},
		{RuleFriendlyName, Error, "A bucket friendly name matches ^[a-zA-Z][a-zA-Z0-9-_ ]*$."},
		// Mistakes seen in real repositories.
		{RulePlaceholder, Error, "A value is a placeholder (XXXXXXXX, <bucket-name>, ${VAR}, YOUR_BUCKET, ...), not the real name."},
		{RuleDeploymentBucket, Warning, "Amplify's deployment bucket (or a Mobile Hub deployments bucket) is configured as user storage."},
		{RuleMissingProjectRegion, Error, "A flat aws_* config with storage lacks aws_project_region: aws-amplify throws."},
		{RuleTestEndpoint, Warning, "The dangerously-connect-to-HTTP-endpoint-for-testing flag is left on."},
		{RuleRegionMissing, Error, "A bucket has no region: amplify-js reads the S3 region only from aws_user_files_s3_bucket_region."},
		// Across the sources of one project.
		{RuleStaleCopy, Error, "The same resource has another bucket/table name or region in another source of the project."},
	}
	slices.SortFunc(rs, func(a, b Rule) int { return cmp.Compare(a.ID, b.ID) })
	return rs
}

// LookupRule returns the rule with the given ID.
func LookupRule(id string) (Rule, bool) {
	rs := Rules()
	i, ok := slices.BinarySearchFunc(rs, id, func(r Rule, id string) int { return cmp.Compare(r.ID, id) })
	if !ok {
		return Rule{}, false
	}
	return rs[i], true
}
