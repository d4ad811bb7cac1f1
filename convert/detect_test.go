package convert

import (
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

func TestDetect(t *testing.T) {
	cases := []struct {
		name, text string
		want       schema.Format
	}{
		{"src/aws-exports.js", `const awsmobile = {"aws_project_region": "us-east-1"}; export default awsmobile;`, schema.AWSExports},
		{"src/aws-exports.mjs", `export default {}`, schema.AWSExports},
		{"aws-exports.cjs", `module.exports = {}`, schema.AWSExports},
		{"config.ts", `export const config = {}`, schema.AWSExports},
		{"", "// all commented out\n// export default awsmobile;\n", schema.AWSExports},
		{"", "\"use strict\";\nexports.default = {};", schema.AWSExports},
		{"", "var awsmobile = {aws_user_files: 'enable'}", schema.AWSExports},
		{"", `{"aws_project_region": "us-east-1", "aws_user_files_s3_bucket": "b"}`, schema.AmplifyConfigWeb},
		{"res/raw/amplifyconfiguration.json", `{"UserAgent": "aws-amplify-cli/2.0", "Version": "1.0", "storage": {"plugins": {}}}`, schema.AmplifyConfigNative},
		{"", `{"UserAgent": "aws-amplify-cli/2.0", "Version": "1.0"}`, schema.AmplifyConfigNative},
		{"", `{"Version": "1.0", "api": {"plugins": {"awsAPIPlugin": {}}}}`, schema.AmplifyConfigNative},
		{"", `{"UserAgent": "aws-amplify/cli", "Version": "0.1.0", "S3TransferUtility": {"Default": {}}}`, schema.AWSConfiguration},
		{"", `{"DynamoDBObjectMapper": {"Default": {"Region": "us-east-1"}}}`, schema.AWSConfiguration},
		{"", `{"dev": {"awscloudformation": {"Region": "us-east-1"}, "categories": {}}}`, schema.TeamProviderInfo},
		{"", `{"storage": {"files": {"service": "S3", "providerPlugin": "awscloudformation"}}}`, schema.BackendConfig},
		{"", `{"resourceName": "files", "storageAccess": "auth", "bucketName": "b"}`, schema.CLIInputs},
		{"", `{"resourceName": "posts", "tableName": "posts", "partitionKey": {}}`, schema.CLIInputs},
		{"", `{"providers": {"awscloudformation": {"Region": "us-east-1"}}, "storage": {}}`, schema.AmplifyMeta},
		{"", `{"storage": {"files": {"service": "S3", "output": {"BucketName": "b"}}}}`, schema.AmplifyMeta},
		{"", `{"projectPath": "/home/me/app", "defaultEditor": "code", "envName": "dev"}`, schema.LocalEnvInfo},
		{"", `{"version": "1", "storage": {"aws_region": "us-east-1", "bucket_name": "b"}}`, schema.AmplifyOutputs},
		{"", `{"version": "1.5"}`, schema.AmplifyOutputs},
		{"", `{"version": "2.0"}`, schema.FormatUnknown},
		{"amplify_outputs.json", `{}`, schema.AmplifyOutputs},
		{"src/amplifyconfiguration.json", `{}`, schema.AmplifyConfigWeb},
		{"amplify/team-provider-info.json", "version https://git-lfs.github.com/spec/v1\n", schema.TeamProviderInfo},
		{"lib/amplifyconfiguration.dart", "const amplifyconfig = '''{\"UserAgent\": \"aws-amplify-cli/2.0\", \"Version\": \"1.0\"}''';", schema.AmplifyConfigDart},
		{"lib/amplify_outputs.dart", "const amplifyConfig = r'''{\"version\": \"1.4\"}''';", schema.AmplifyOutputsDart},
		{"lib/config.dart", "const amplifyConfig = r'''{\"version\": \"1.4\"}''';", schema.AmplifyOutputsDart},
		{"", "const amplifyConfig = r'''{\"version\": \"1.4\"}''';", schema.AmplifyOutputsDart},
		{"lib/amplify_outputs.dart", "// empty", schema.AmplifyOutputsDart},
		{"lib/amplifyconfiguration.dart", "// empty", schema.AmplifyConfigDart},
		{"amplify.yml", "version: 1\nfrontend:\n  phases: {}\n", schema.FormatUnknown},
		{"package.json", `{"name": "app", "dependencies": {}}`, schema.FormatUnknown},
		{"", `[1, 2]`, schema.FormatUnknown},
		{"", "\xef\xbb\xbf{\"aws_project_region\": \"us-east-1\"}", schema.AmplifyConfigWeb},
	}
	for _, c := range cases {
		if got := Detect(c.name, []byte(c.text)); got != c.want {
			t.Errorf("Detect(%q, %.50q) = %q, want %q", c.name, c.text, got, c.want)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	data := []byte(`{"UserAgent": "aws-amplify-cli/2.0", "Version": "1.0", "storage": {"plugins": {"awsS3StoragePlugin": {"bucket": "b", "region": "us-east-1"}}}}`)
	for b.Loop() {
		Detect("amplifyconfiguration.json", data)
	}
}
