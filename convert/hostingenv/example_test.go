package hostingenv_test

import (
	"fmt"
	"os"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/hostingenv"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// A Gen 1 project that imported one bucket and one table into env dev, and manages another
// table itself.
func exampleModel() *schema.Model {
	at := schema.InFile("amplify/team-provider-info.json")
	return &schema.Model{
		ProjectRegion: schema.Str("us-east-1", at),
		Buckets: []schema.Bucket{{
			Name: schema.Str("userfiles", at), BucketName: schema.Str("my-app-userfiles", at),
			Region: schema.Str("us-east-1", at), Env: "dev", Management: schema.Imported,
		}},
		Tables: []schema.Table{
			{Name: schema.Str("posts", at), TableName: schema.Str("Posts-dev", at),
				Region: schema.Str("us-east-1", at), Env: "dev", Management: schema.Imported},
			{Name: schema.Str("notes", at), Env: "dev", Management: schema.Managed},
		},
	}
}

func ExampleVariables() {
	vars, diags := hostingenv.Variables(exampleModel(), "dev")
	for _, v := range vars {
		fmt.Printf("%s = %s\n", v.Name, v.Value)
	}
	fmt.Println(len(diags), "diagnostics")
	// Output:
	// AMPLIFY_STORAGE_BUCKET_NAME = my-app-userfiles
	// AMPLIFY_STORAGE_REGION = us-east-1
	// AMPLIFY_STORAGE_TABLES = {"posts":"Posts-dev"}
	// 0 diagnostics
}

func ExampleWrite() {
	vars, _ := hostingenv.Variables(exampleModel(), "dev")
	for _, format := range []string{"shell", "github", "amplify-cli"} {
		if err := hostingenv.Write(os.Stdout, vars, format); err != nil {
			fmt.Println(err)
		}
	}
	fmt.Println(hostingenv.Write(os.Stdout, vars, "yaml"))
	// Output:
	// export AMPLIFY_STORAGE_BUCKET_NAME='my-app-userfiles'
	// export AMPLIFY_STORAGE_REGION='us-east-1'
	// export AMPLIFY_STORAGE_TABLES='{"posts":"Posts-dev"}'
	// AMPLIFY_STORAGE_BUCKET_NAME=my-app-userfiles
	// AMPLIFY_STORAGE_REGION=us-east-1
	// AMPLIFY_STORAGE_TABLES={"posts":"Posts-dev"}
	// {"storage":{"bucketName":"my-app-userfiles","region":"us-east-1","tables":{"posts":"Posts-dev"}}}
	// unknown format "yaml" (valid: amplify-cli, dotenv, github, json, shell)
}

func ExampleWrite_json() {
	hostingenv.Write(os.Stdout, hostingenv.Vars{{Name: "AMPLIFY_STORAGE_REGION", Value: "eu-west-1"}}, "json")
	hostingenv.Write(os.Stdout, nil, "json")
	// Output:
	// {
	//   "AMPLIFY_STORAGE_REGION": "eu-west-1"
	// }
	// {}
}

func ExampleShellQuote() {
	fmt.Println(hostingenv.ShellQuote(`it's $(not) run`))
	// Output: 'it'\''s $(not) run'
}
