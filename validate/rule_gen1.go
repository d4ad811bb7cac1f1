package validate

import (
	"regexp"
	"sync"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// RuleGen1BucketName: a cli-inputs.json bucketName the Gen 1 CLI itself would refuse.
const RuleGen1BucketName = "gen1/bucket-name"

// gen1BucketName is what amplify-cli's `amplify add storage` accepts for bucketName (the CLI
// adds a suffix and the env to make the S3 bucket name, which S3 then limits to 63 characters).
var gen1BucketName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9-]{3,47}$`) })

// checkGen1Resources checks what a Gen 1 backend says about its storage resources before any
// physical name is derived from it: a bad base name in cli-inputs.json would otherwise surface
// only as a derived name nobody wrote.
func checkGen1Resources(m *schema.Model) []Diagnostic {
	var ds []Diagnostic
	for _, r := range m.Resources {
		if r.Service != schema.ServiceS3 || !r.BaseName.Set || r.BaseName.Pos.IsZero() {
			continue
		}
		if !gen1BucketName().MatchString(r.BaseName.Value) {
			ds = append(ds, At(r.BaseName.Pos, Error, RuleGen1BucketName,
				"bucketName %q of storage resource %q is not what amplify-cli accepts: 3 to 47 lowercase letters, digits and \"-\" (the CLI appends a suffix and the env to make the S3 bucket name)",
				r.BaseName.Value, r.Name.Value))
		}
	}
	return ds
}
