package migrate_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/migrate"
)

// Convert a Gen 1 project (a clean clone: only amplify/ is committed) to the Gen 2
// amplify_outputs.json a Gen 2 app needs to keep using the same bucket and table. DryRun
// returns the document instead of writing it; the report names what Gen 2 cannot express.
func ExampleMigrate() {
	res, err := migrate.Migrate(context.Background(), "../../fixtures/projects/gen1-managed", migrate.Options{DryRun: true})
	if err != nil {
		panic(err) // could not run
	}
	var out struct {
		Version string `json:"version"`
		Storage struct {
			BucketName string `json:"bucket_name"`
			AWSRegion  string `json:"aws_region"`
		} `json:"storage"`
		Custom struct {
			Tables []struct {
				TableName string `json:"table_name"`
			} `json:"dynamodb_tables"`
		} `json:"custom"`
	}
	if err := json.Unmarshal(res.Document, &out); err != nil {
		panic(err)
	}
	fmt.Println(out.Version, out.Storage.BucketName, out.Storage.AWSRegion, out.Custom.Tables[0].TableName)
	fmt.Println("written:", res.Wrote, "failed:", res.Failed)
	res.Report.WriteText(os.Stdout)
	// Output:
	// 1.5 photoappmedia4f8e2b1d172355-dev us-west-2 comments-dev
	// written: false failed: false
	// amplify_outputs.json: dry run, not written (outputs version 1.5, json)
	// sources (env dev):
	//   amplify/.config/local-env-info.json [local-env-info]
	//   amplify/backend/backend-config.json [backend-config]
	//   amplify/backend/storage/comments/cli-inputs.json [cli-inputs]
	//   amplify/backend/storage/photos/cli-inputs.json [cli-inputs]
	//   amplify/team-provider-info.json [team-provider-info]
	// buckets: 1
	//   photos: photoappmedia4f8e2b1d172355-dev (us-west-2) default, managed, bucket name derived as amplify-cli names it, 6 paths
	// tables: 1
	//   comments: comments-dev (us-west-2) managed, table name derived as tableName-env
	// not carried over or assumed: 4
	//   amplify/backend/storage/photos/cli-inputs.json:16:5: Gen 1 gave group "Admins" get,list,write,delete on the whole bucket; Gen 2 paths cannot name the whole bucket, so the rule is carried over on public/*, protected/*, private/* and uploads/* only: objects under any other prefix are not covered [group-whole-bucket]
	//   amplify/backend/storage/photos/cli-inputs.json:21:5: Gen 1 gave group "Editors" get,list,write on the whole bucket; Gen 2 paths cannot name the whole bucket, so the rule is carried over on public/*, protected/*, private/* and uploads/* only: objects under any other prefix are not covered [group-whole-bucket]
	//   amplify/backend/storage/photos/cli-inputs.json:14:22: S3 trigger function "photoappResize": Gen 2 outputs do not describe triggers; it stays attached to the bucket only while the Gen 1 backend exists [trigger-function]
	//   amplify/backend/storage/comments/cli-inputs.json:13:5: global secondary index "byAuthor" (partition key authorId) of table "comments-dev": Gen 2 outputs have no place for indexes; the index stays on the table: query it by name in your code [table-index]
}
