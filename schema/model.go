// Package schema holds the typed storage model that every reader produces and every writer
// consumes, and the JSON Schemas the project writes for each configuration format.
//
// The model is source-neutral: an S3 bucket read from a Gen 1 aws-exports.js, a native
// amplifyconfiguration.json, team-provider-info.json or a Gen 2 amplify_outputs.json ends up
// as the same Bucket value. Every value remembers where it came from (file, line, column), so
// that a later check can point at the exact place to fix.
package schema

// String is a string value with its origin. An unset String has Set false.
type String struct {
	Value string `json:"value"`
	Set   bool   `json:"-"`
	Pos   Pos    `json:"at"`
}

// Str returns a set String at pos.
func Str(value string, pos Pos) String { return String{Value: value, Set: true, Pos: pos} }

// Equal reports whether s and t hold the same value from the same place.
func (s String) Equal(t String) bool {
	return s.Value == t.Value && s.Set == t.Set && s.Pos.Equal(t.Pos)
}

// Bool is a boolean value with its origin. An unset Bool has Set false.
type Bool struct {
	Value bool `json:"value"`
	Set   bool `json:"-"`
	Pos   Pos  `json:"at"`
}

// Equal reports whether b and c hold the same value from the same place.
func (b Bool) Equal(c Bool) bool { return b.Value == c.Value && b.Set == c.Set && b.Pos.Equal(c.Pos) }

// Management says who owns a storage resource in a Gen 1 project.
type Management string

// The ways a storage resource can be owned.
const (
	// ManagementUnknown: the source does not say (frontend configs, Gen 2 outputs).
	ManagementUnknown Management = ""
	// Managed: created and owned by the Amplify CLI (team-provider-info holds `{}`).
	Managed Management = "managed"
	// Imported: an existing resource brought in with `amplify import storage`.
	Imported Management = "imported"
)

// Model is the storage an app's configuration describes: S3 buckets and DynamoDB tables, plus
// the project-level facts the checks need.
type Model struct {
	// ProjectRegion is `aws_project_region` (Gen 1) or the env's provider Region.
	ProjectRegion String `json:"project_region"`
	// Buckets in source order; the default bucket has Default set.
	Buckets []Bucket `json:"buckets"`
	// Tables in source order.
	Tables []Table `json:"tables"`
	// Envs lists the Gen 1 environments the source describes (team-provider-info), in file
	// order; empty for sources that are for one environment only.
	Envs []string `json:"envs,omitempty"`
	// CurrentEnv is the env a Gen 1 checkout is on (amplify/.config/local-env-info.json).
	CurrentEnv String `json:"current_env"`
	// OutputsVersion is the `version` of a Gen 2 amplify_outputs.json.
	OutputsVersion String `json:"outputs_version"`
	// Resources is the Gen 1 storage inventory that backend sources name (team-provider-info,
	// backend-config, amplify-meta), in source order, including managed resources whose
	// service (S3 or DynamoDB) the source cannot tell.
	Resources []Resource `json:"resources,omitempty"`
	// Gen1Envs are the team-provider-info environments with their provider settings (or the
	// one environment amplify-meta describes), in file order.
	Gen1Envs []Gen1Env `json:"gen1_envs,omitempty"`
}

// Empty reports whether the model describes no storage at all.
func (m *Model) Empty() bool {
	return len(m.Buckets) == 0 && len(m.Tables) == 0 && len(m.Resources) == 0
}

// Gen 1 storage services, as backend-config.json and amplify-meta.json name them.
const (
	ServiceS3       = "S3"
	ServiceDynamoDB = "DynamoDB"
)

// Resource is one Gen 1 storage resource (`categories.storage.<name>`, `storage.<name>`).
type Resource struct {
	// Name is the storage resource name.
	Name String `json:"name"`
	// Env is the environment the entry belongs to ("" when the source is not per env).
	Env string `json:"env,omitempty"`
	// Service is ServiceS3, ServiceDynamoDB, or "" when the source does not say.
	Service string `json:"service,omitempty"`
	// Management says whether Amplify manages the resource or it was imported.
	Management Management `json:"management,omitempty"`
	// BaseName is cli-inputs.json's bucketName or tableName: the CLI builds the physical name
	// of a managed resource from it and the environment.
	BaseName String `json:"base_name"`
}

// Gen1Env is one Gen 1 environment's provider settings (`awscloudformation`).
type Gen1Env struct {
	Name      String `json:"name"`
	Region    String `json:"region"`
	StackName String `json:"stack_name"`
	// DeploymentBucket is the CLI's deployment bucket: never user storage.
	DeploymentBucket String `json:"deployment_bucket"`
}

// Bucket is one S3 bucket used for app storage.
type Bucket struct {
	// Name is the friendly name (Gen 2 `name`) or the Gen 1 storage resource name.
	Name String `json:"name"`
	// BucketName is the physical S3 bucket name.
	BucketName String `json:"bucket_name"`
	// Region is the bucket's AWS region.
	Region String `json:"region"`
	// Default marks the bucket the app uses when it names none.
	Default bool `json:"default"`
	// Env is the Gen 1 environment this entry belongs to (team-provider-info), else "".
	Env string `json:"env,omitempty"`
	// Management says whether Amplify manages the bucket or it was imported.
	Management Management `json:"management,omitempty"`
	// DerivedName is set when BucketName was computed (as amplify-cli names managed
	// buckets) rather than read from a file.
	DerivedName bool `json:"derived_name,omitempty"`
	// TestEndpoint is aws_user_files_s3_dangerously_connect_to_http_endpoint_for_testing.
	TestEndpoint Bool `json:"test_endpoint"`
	// Paths are the Gen 2 access paths, in source order.
	Paths []AccessPath `json:"paths,omitempty"`
	// Gen1 holds Gen 1 access settings, when a source gives them.
	Gen1 *Gen1Access `json:"gen1_access,omitempty"`
}

// AccessPath is one Gen 2 storage path and who may do what under it.
type AccessPath struct {
	Path  String       `json:"path"`
	Rules []AccessRule `json:"rules"`
}

// AccessRule grants a principal (`guest`, `authenticated`, `resource`, `groups<Name>`,
// `entity<id>`) a set of actions (`read`, `get`, `list`, `write`, `delete`).
type AccessRule struct {
	Principal String   `json:"principal"`
	Actions   []String `json:"actions"`
}

// Gen1Access is what a Gen 1 project says about who may use a bucket.
type Gen1Access struct {
	// DefaultAccessLevel is `guest`, `protected` or `private` (native configs).
	DefaultAccessLevel String `json:"default_access_level"`
	// StorageAccess is `auth` or `authAndGuest` (cli-inputs.json).
	StorageAccess String `json:"storage_access"`
	// Auth and Guest are subsets of CREATE_AND_UPDATE, READ, DELETE.
	Auth  []String `json:"auth,omitempty"`
	Guest []String `json:"guest,omitempty"`
	// Groups are user-pool groups with their actions, in source order.
	Groups []GroupAccess `json:"groups,omitempty"`
	// TriggerFunction is the Lambda function S3 events invoke (cli-inputs.json), if any.
	TriggerFunction String `json:"trigger_function"`
}

// GroupAccess is one Cognito group's Gen 1 permissions on a bucket.
type GroupAccess struct {
	Group   String   `json:"group"`
	Actions []String `json:"actions"`
}

// Table is one DynamoDB table used for app storage.
type Table struct {
	// Name is the Gen 1 storage resource name (or the table name when no other is known).
	Name String `json:"name"`
	// TableName is the physical DynamoDB table name.
	TableName String `json:"table_name"`
	Region    String `json:"region"`
	ARN       String `json:"arn"`
	StreamARN String `json:"stream_arn"`
	// PartitionKey and SortKey are nil when the source does not say.
	PartitionKey *Key `json:"partition_key,omitempty"`
	SortKey      *Key `json:"sort_key,omitempty"`
	// Env is the Gen 1 environment this entry belongs to (team-provider-info), else "".
	Env string `json:"env,omitempty"`
	// Management says whether Amplify manages the table or it was imported.
	Management Management `json:"management,omitempty"`
	// DerivedName is set when TableName was computed rather than read.
	DerivedName bool `json:"derived_name,omitempty"`
}

// Key is a DynamoDB key attribute: a name and a type (`S`, `N` or `B`).
type Key struct {
	Name String `json:"name"`
	Type String `json:"type"`
}
