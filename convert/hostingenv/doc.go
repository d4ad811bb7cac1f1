// Package hostingenv works out the AMPLIFY_STORAGE_* environment variables an Amplify
// Hosting build of a Gen 1 backend needs for its imported storage, writes them in the forms
// people paste them in (shell, dotenv, JSON, $GITHUB_ENV, the headless --categories JSON), reads
// them back (dotenv files, the process environment) and checks a build environment against
// the project.
//
// # How the Hosting build uses the variables
//
// The Hosting build runs the Gen 1 CLI headless and passes the variables as one object,
// `--categories {"storage":{"bucketName":B,"region":R,"tables":T}}`, where B is
// AMPLIFY_STORAGE_BUCKET_NAME, R is AMPLIFY_STORAGE_REGION and T is the JSON object held in
// AMPLIFY_STORAGE_TABLES. (The public aws-amplify/amplify-hosting scripts/amplifyPush.sh only
// composes the auth category; the storage part is documented in the Gen 1 docs' "Configure
// environment variables for Amplify Hosting builds" and in amplify-hosting issue 1544.)
//
// # The trap: one storage object, two importers
//
// amplify-cli runs one headless import per imported storage resource, and every one of them
// reads that same `storage` object (aws-amplify/amplify-cli,
// packages/amplify-category-storage/src/provider-utils/awscloudformation/import/):
//
//   - import-s3.ts, for each imported S3 resource: when bucketName or region is set (older CLI
//     versions: always), ensureHeadlessParameters demands both and throws "storage headless is
//     missing the following inputParams bucketName, region" (or just the missing one). The
//     bucket must then exist ("The previously configured S3 Bucket: 'B' cannot be found.").
//   - import-dynamodb.ts, for each imported DynamoDB resource: when tables or region is set
//     (older versions: always), it demands both ("... inputParams tables, region"), then
//     `Object.keys(tables).filter(t => t === resourceName)` must have exactly one element,
//     else "storage headless expected 1 element for resource: X, but found: 0". The match is
//     exact and case-sensitive, against the resource name in team-provider-info.
//
// So AMPLIFY_STORAGE_REGION, set for the tables, switches on the S3 check for an imported
// bucket (which then demands bucketName), and a bucket name or region, set for the bucket,
// switches on the DynamoDB check for every imported table (which then demands tables with a
// key for each). What passes both paths is therefore: region whenever anything is imported;
// bucketName whenever an S3 resource is imported; tables, with exactly the imported DynamoDB
// resource names as keys, whenever a DynamoDB resource is imported. Variables emits exactly
// that and nothing more: a variable with no imported resource behind it is never read.
//
// Neither importer uses the region value beyond checking that it is non-empty: the S3 importer
// asks S3 for the bucket's location, and the DynamoDB importer looks tables up in the project's
// region (an imported table always lives there: the import walkthrough lists only that
// region's tables). One AMPLIFY_STORAGE_REGION therefore cannot describe a bucket and tables
// in different regions; the build passes with either, but application code that reads the
// variable gets the wrong region for one of them (see RuleRegionConflict).
package hostingenv
