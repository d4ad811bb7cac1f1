// Package outputs writes Gen 2 amplify_outputs.json (and amplify_outputs.dart) storage from the
// storage model: it builds the document for an outputs schema version, merges it into an
// existing file without touching any other byte, and writes files atomically.
//
// The package is pure: it never discovers projects or reads sources. Package migrate wires it to
// the readers.
package outputs

import (
	"slices"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Versions returns the outputs schema versions the writer can produce, oldest first.
func Versions() []string { return []string{"1", "1.1", "1.2", "1.3", "1.4", "1.5"} }

// DefaultVersion is the outputs version written to a new file.
const DefaultVersion = "1.5"

// Finding is one problem found while building outputs: a positioned diagnostic (the position is
// the Gen 1 source of the value concerned, or zero when there is none).
type Finding = validate.Diagnostic

// Rule IDs of the findings Build reports.
const (
	// RuleDefaultBucket: no default bucket could be chosen (error) or --default-bucket names none.
	RuleDefaultBucket = "outputs/default-bucket"
	// RuleMissingBucketName: a bucket without a physical name (error).
	RuleMissingBucketName = "outputs/missing-bucket-name"
	// RuleMissingRegion: a bucket without a region (error) or a table without one (warning).
	RuleMissingRegion = "outputs/missing-region"
	// RuleVersionDrop: the chosen outputs version cannot hold something; it is left out.
	RuleVersionDrop = "outputs/version-drop"
	// RuleUnknownVersion: the requested outputs version does not exist (error).
	RuleUnknownVersion = "outputs/unknown-version"
	// RuleOfficialSchemaBug: versions 1.2 and 1.3 of Amplify's schema reject groups*/entity* keys.
	RuleOfficialSchemaBug = "outputs/official-schema-groups-entity"
	// RuleKeyType: a DynamoDB key type other than S, N or B; the key is left out.
	RuleKeyType = "outputs/dynamodb-key-type"
	// RuleMissingTableName: a table without a physical name; it is left out.
	RuleMissingTableName = "outputs/missing-table-name"
	// RuleDerivedName: a bucket's friendly name was derived, not read (info).
	RuleDerivedName = "outputs/derived-friendly-name"
)

// BuildOptions choose what Build writes.
type BuildOptions struct {
	// Version is the outputs schema version, "1" to "1.5"; "" means DefaultVersion.
	Version string
	// DefaultBucket names the default bucket (friendly or physical name) when the model does
	// not mark one and holds several (--default-bucket).
	DefaultBucket string
	// NoTables leaves DynamoDB tables out (--no-tables).
	NoTables bool
}

// Outputs is the storage part of a Gen 2 amplify_outputs.json, in the order it is written.
type Outputs struct {
	// Version is the document's "version".
	Version string
	// Storage is the "storage" section; nil when the model has no usable bucket.
	Storage *Storage
	// Tables is "custom.dynamodb_tables"; nil means the writer does not touch it (no tables, or
	// NoTables).
	Tables []Table
}

// Storage is the "storage" section.
type Storage struct {
	AWSRegion  string
	BucketName string
	// Buckets is "buckets" (version 1.1 and later); nil leaves it out.
	Buckets []Bucket
}

// Bucket is one entry of "storage.buckets".
type Bucket struct {
	Name       string
	BucketName string
	AWSRegion  string
	// Paths is "paths" (version 1.2 and later); nil leaves it out.
	Paths []Path
	// NameDerived is set when Name was derived from the bucket name (not written).
	NameDerived bool
	// BucketNameDerived is set when BucketName was computed as amplify-cli names managed
	// buckets (not written).
	BucketNameDerived bool
	// Default marks the default bucket (not written).
	Default bool
	// Source is where the bucket was read (not written).
	Source schema.Pos
}

// Path is one "paths" entry: a path and its rules, in order.
type Path struct {
	Path  string
	Rules []Rule
}

// Rule grants one principal a list of actions.
type Rule struct {
	Principal string
	Actions   []string
}

// Table is one entry of "custom.dynamodb_tables".
type Table struct {
	Name         string
	TableName    string
	AWSRegion    string
	ARN          string
	StreamARN    string
	PartitionKey *Key
	SortKey      *Key
	// TableNameDerived is set when TableName was computed (not written).
	TableNameDerived bool
	// Source is where the table was read (not written).
	Source schema.Pos
}

// Key is a DynamoDB key attribute.
type Key struct {
	Name string
	Type string
}

// versionIndex returns the position of v in Versions, or -1.
func versionIndex(v string) int { return slices.Index(Versions(), v) }

// HoldsBuckets reports whether outputs version v has storage.buckets (1.1 and later).
func HoldsBuckets(v string) bool { return versionIndex(v) >= 1 }

// HoldsPaths reports whether outputs version v has storage.buckets[].paths (1.2 and later).
func HoldsPaths(v string) bool { return versionIndex(v) >= 2 }

// KnownVersion reports whether v is an outputs version the writer can produce.
func KnownVersion(v string) bool { return versionIndex(v) >= 0 }
