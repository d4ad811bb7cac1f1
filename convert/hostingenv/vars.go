package hostingenv

// The variable names the Amplify Hosting build reads for imported Gen 1 storage.
const (
	// BucketNameVar holds the imported S3 bucket's name (headless storage.bucketName).
	BucketNameVar = "AMPLIFY_STORAGE_BUCKET_NAME"
	// RegionVar holds the region of the imported storage (headless storage.region).
	RegionVar = "AMPLIFY_STORAGE_REGION"
	// TablesVar holds a JSON object from storage resource name to DynamoDB table name
	// (headless storage.tables).
	TablesVar = "AMPLIFY_STORAGE_TABLES"
)

// knownVars lists the variable names in the order they are emitted.
var knownVars = [...]string{BucketNameVar, RegionVar, TablesVar}

// Var is one environment variable.
type Var struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Vars is an ordered list of environment variables.
type Vars []Var

// Map returns the variables as a map from name to value (the last one wins on repeats).
func (v Vars) Map() map[string]string {
	m := make(map[string]string, len(v))
	for _, x := range v {
		m[x.Name] = x.Value
	}
	return m
}

// Get returns the value of the variable called name, and whether it is present.
func (v Vars) Get(name string) (string, bool) {
	for i := len(v) - 1; i >= 0; i-- {
		if v[i].Name == name {
			return v[i].Value, true
		}
	}
	return "", false
}
