package jsconfig

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// staticCase is one fixture and what reading it statically must give.
type staticCase struct {
	file  string
	value string            // expected Value as JSON ("" means nil)
	pos   map[string]string // pointer -> "line:col"
	nonLi map[string]string // pointer -> "line:col code"
	diags []string          // "line:col severity rule"
}

var staticCases = []staticCase{
	{file: "cli-generated.js",
		value: `{"aws_appsync_apiKey":"da2-aaaaaaaaaaaaaaaaaaaaaaaaaa","aws_appsync_authenticationType":"API_KEY","aws_appsync_graphqlEndpoint":"https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/graphql","aws_appsync_region":"us-east-1","aws_cognito_identity_pool_id":"us-east-1:11111111-2222-3333-4444-555555555555","aws_cognito_mfa_configuration":"OFF","aws_cognito_mfa_types":["SMS"],"aws_cognito_password_protection_settings":{"passwordPolicyCharacters":[],"passwordPolicyMinLength":8},"aws_cognito_region":"us-east-1","aws_cognito_signup_attributes":["EMAIL"],"aws_cognito_social_providers":[],"aws_cognito_username_attributes":["EMAIL"],"aws_cognito_verification_mechanisms":["EMAIL"],"aws_dynamodb_all_tables_region":"us-east-1","aws_dynamodb_table_schemas":[{"region":"us-east-1","tableName":"posts-dev"}],"aws_project_region":"us-east-1","aws_user_files_s3_bucket":"photoalbum-storage-1a2b3c4d180512-dev","aws_user_files_s3_bucket_region":"us-east-1","aws_user_pools_id":"us-east-1_AbCdEfGhI","aws_user_pools_web_client_id":"1a2b3c4d5e6f7g8h9i0j1k2l3m","oauth":{}}`,
		pos: map[string]string{"": "4:19", "/aws_project_region": "5:27", "/aws_user_files_s3_bucket": "33:33",
			"/aws_dynamodb_table_schemas/0/region": "39:23", "/aws_cognito_password_protection_settings/passwordPolicyMinLength": "27:36",
			"/no/such/key": "4:19"}},
	{file: "mobilehub.js",
		value: `{"aws_app_analytics":"enable","aws_cognito_identity_pool_id":"us-east-1:99999999-8888-7777-6666-555555555555","aws_cognito_region":"us-east-1","aws_content_delivery":"enable","aws_content_delivery_bucket":"notes-hosting-mobilehub-123456789","aws_dynamodb":"enable","aws_dynamodb_all_tables_region":"ap-southeast-1","aws_dynamodb_table_schemas":"[{\"tableName\":\"notes-mobilehub-123456789-Notes\",\"attributes\":[{\"name\":\"userId\",\"type\":\"S\"}],\"hashKey\":\"userId\",\"region\":\"ap-southeast-1\"}]","aws_mobile_analytics_app_id":"0123456789abcdef0123456789abcdef","aws_project_id":"aaaabbbb-cccc-dddd-eeee-ffff00001111","aws_project_name":"notes","aws_project_region":"us-east-1","aws_resource_name_prefix":"notes-mobilehub-123456789","aws_user_files":"enable","aws_user_files_s3_bucket":"notes-userfiles-mobilehub-123456789","aws_user_files_s3_bucket_region":"us-east-1"}`,
		pos:   map[string]string{"": "5:19", "/aws_project_region": "17:25", "/aws_user_files_s3_bucket": "20:31"}},
	{file: "anonymous-default.mjs",
		value: `{"aws_project_region":"eu-west-1","aws_user_files_s3_bucket":"media-bucket-prod","aws_user_files_s3_bucket_region":"eu-west-1","aws_user_files_s3_dangerously_connect_to_http_endpoint_for_testing":false}`,
		pos:   map[string]string{"": "2:16", "/aws_user_files_s3_bucket": "4:29", "/aws_user_files_s3_dangerously_connect_to_http_endpoint_for_testing": "6:71"}},
	{file: "module-exports-default.cjs",
		value: `{"aws_project_region":"us-west-2","aws_user_files_s3_bucket":"scripts-bucket-dev","aws_user_files_s3_bucket_region":"us-west-2"}`,
		pos:   map[string]string{"": "3:19", "/aws_user_files_s3_bucket": "5:33"}},
	{file: "module-exports.cjs",
		value: `{"aws_dynamodb_all_tables_region":"ca-central-1","aws_dynamodb_table_schemas":[{"region":"ca-central-1","tableName":"Orders-prod"}],"aws_project_region":"ca-central-1"}`,
		pos:   map[string]string{"": "1:18", "/aws_dynamodb_table_schemas/0/region": "4:74", "/aws_dynamodb_table_schemas/0": "4:34"}},
	{file: "babel-compiled.js",
		value: `{"aws_cognito_identity_pool_id":"us-east-1:12121212-3434-5656-7878-909090909090","aws_project_region":"us-east-1","aws_user_files":"enable","aws_user_files_s3_bucket":"website-userfiles-mobilehub-42","aws_user_files_s3_bucket_region":"us-east-1"}`,
		pos:   map[string]string{"": "14:17", "/aws_user_files_s3_bucket": "18:31"}},
	{file: "export-clause.js",
		value: `{"aws_project_region":"eu-central-1","aws_user_files_s3_bucket":"clause-bucket-main","aws_user_files_s3_bucket_region":"eu-central-1"}`,
		pos:   map[string]string{"": "1:19", "/aws_user_files_s3_bucket": "3:33"}},
	{file: "declaration-only.js",
		value: `{"aws_project_region":"sa-east-1","aws_user_files_s3_bucket":"legacy-userfiles-mobilehub-7","aws_user_files_s3_bucket_region":"sa-east-1"}`,
		pos:   map[string]string{"": "2:17", "/aws_user_files_s3_bucket": "4:31"}},
	{file: "export-in-strings.js",
		value: `{"aws_project_region":"ap-northeast-1","aws_user_files_s3_bucket":"strings-bucket","note":"export default awsmobile"}`,
		pos:   map[string]string{"": "6:19", "/aws_project_region": "7:27", "/note": "8:13"}},
	{file: "crlf-mixed.js",
		value: `{"aws_project_region":"eu-west-3","aws_user_files_s3_bucket":"café-＿-bucket","aws_user_files_s3_bucket_region":"eu-west-3"}`,
		pos:   map[string]string{"": "2:19", "/aws_project_region": "3:27", "/aws_user_files_s3_bucket": "5:33", "/aws_user_files_s3_bucket_region": "6:40"}},
	{file: "literals.js",
		value: `{"42":"numeric key","aws_dynamodb_table_schemas":[{"region":"us-east-1","tableName":"a-dev"},{"region":"us-east-1","tableName":"b-dev"}],"aws_project_region":"us-east-1","computed":"literal key","duplicate":"second","flags":{"none":null,"off":false,"on":true},"holes":[1,null,null],"numbers":[1,-5,1e+21,16,0.5,0,1000],"single-quoted":"it's"}`,
		pos: map[string]string{"": "3:19", "/aws_project_region": "1:16", "/aws_dynamodb_table_schemas/1/tableName": "2:62",
			"/aws_dynamodb_table_schemas/0/region": "1:16", "/numbers/1": "6:18", "/duplicate": "11:14", "/42": "12:7"},
		diags: []string{"11:3 warning js/duplicate-key"}},
	{file: "process-env.js",
		value: `{"aws_user_files_s3_bucket_region":"us-east-1"}`,
		pos:   map[string]string{"/aws_project_region": "4:23", "/aws_user_files_s3_bucket_region": "6:36"},
		nonLi: map[string]string{
			"/aws_project_region":           "4:23 process.env.REACT_APP_REGION || 'us-east-1'",
			"/aws_user_files_s3_bucket":     "5:29 process.env.REACT_APP_BUCKET",
			"/aws_cognito_identity_pool_id": "7:33 `us-east-1:${process.env.REACT_APP_POOL}`",
			"/stage":                        "1:15 process.env.REACT_APP_STAGE",
			"":                              "9:6 process.env.EXTRA"}},
	{file: "member-assignment.js",
		value: `{"aws_project_region":"us-east-1","aws_user_files_s3_bucket_region":"us-east-1"}`,
		pos:   map[string]string{"/aws_user_files_s3_bucket": "5:38", "/aws_user_files_s3_bucket_region": "6:48"},
		nonLi: map[string]string{"/aws_user_files_s3_bucket": "5:38 process.env.BUCKET"}},
	{file: "import-config.js",
		value: `{"aws_user_files_s3_bucket":"import-bucket"}`,
		nonLi: map[string]string{"/aws_project_region": "4:27 config.aws_project_region"}},
	{file: "typescript-let-any.ts", diags: []string{"1:21 error js/typescript"}},
	{file: "typescript-typed-const.ts", diags: []string{"2:16 error js/typescript"}},
	{file: "typescript-as-const.ts", diags: []string{"3:3 error js/typescript"}},
	{file: "declaration.d.ts", diags: []string{"1:1 error js/typescript"}},
	{file: "amplify-configure.js", diags: []string{"1:1 error js/no-export"}},
	{file: "commented-out.js", diags: []string{"1:1 error js/no-export"}},
	{file: "syntax-error.js", diags: []string{"3:5 error js/syntax"}},
}

// posString formats a diagnostic or position as "line:col".
func posString(line, col int) string { return fmt.Sprintf("%d:%d", line, col) }

// diagStrings summarises diagnostics as "line:col severity rule".
func diagStrings(ds []validate.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s %s %s", posString(d.Line, d.Column), d.Severity, d.Rule))
	}
	return out
}

// checkValue compares a Value with the expected JSON ("" means nil).
func checkValue(t *testing.T, got any, want string) {
	t.Helper()
	if want == "" {
		if got != nil {
			t.Errorf("Value = %v, want nil", got)
		}
		return
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != want {
		t.Errorf("Value:\n got %s\nwant %s", b, want)
	}
}

func TestReadStaticFixtures(t *testing.T) {
	for _, c := range staticCases {
		t.Run(c.file, func(t *testing.T) {
			data := fixture(t, c.file)
			r := ReadStatic(c.file, data, validate.NewLines(c.file, data))
			checkValue(t, r.Value, c.value)
			if diff := cmp.Diff(c.diags, diagStrings(r.Diagnostics)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, r.Diagnostics)
			}
			for _, d := range r.Diagnostics {
				if d.File != c.file || d.Snippet == "" || !strings.HasPrefix(d.Rule, "js/") || d.Message == "" {
					t.Errorf("diagnostic not positioned/complete: %+v", d)
				}
			}
			gotNL := map[string]string{}
			for _, n := range r.NonLiteral {
				gotNL[n.Pointer] = posString(n.Pos.Line(), n.Pos.Column()) + " " + n.Code
			}
			if c.nonLi == nil {
				c.nonLi = map[string]string{}
			}
			if diff := cmp.Diff(c.nonLi, gotNL); diff != "" {
				t.Errorf("NonLiteral (-want +got):\n%s", diff)
			}
			if c.value == "" {
				return
			}
			if r.Locate == nil {
				t.Fatal("Locate is nil")
			}
			for ptr, want := range c.pos {
				p := r.Locate.PosOf(ptr)
				if got := posString(p.Line(), p.Column()); got != want || p.File() != c.file || p.Pointer() != ptr {
					t.Errorf("PosOf(%q) = %s (%s, %q), want %s", ptr, got, p.File(), p.Pointer(), want)
				}
			}
		})
	}
}

func TestReadStaticInline(t *testing.T) {
	cases := []struct {
		name, src, value string
		diags            []string
	}{
		{"empty.js", "", "", []string{"1:1 error js/no-export"}},
		{"export-named.js", "export const awsmobile = {a: 'b'};", `{"a":"b"}`, nil},
		{"export-function.js", "export function f() {}\nexport default {a: 1}", `{"a":1}`, nil},
		{"comment-between.js", "export /* x */\ndefault {a: -1.5}", `{"a":-1.5}`, nil},
		{"reexport.js", "export { default } from './aws-exports';", "", []string{"1:1 error js/no-export"}},
		{"star.js", "export * from './aws-exports';", "", []string{"1:1 error js/no-export"}},
		{"declare.js", "declare const awsmobile: any;", "", []string{"1:9 error js/typescript"}},
		{"export-type.ts", "export type Config = {a: string};", "", []string{"1:8 error js/typescript"}},
		{"interface.js", "interface Config { a: string }", "", []string{"1:11 error js/typescript"}},
		{"ts-syntax.ts", "const a = <any>{};", "", []string{"1:11 error js/typescript"}},
		{"used-before.js", "module.exports = a; var a = {x: 1};", "", nil},
		{"reassigned.js", "let a = {x: 1}; a = {x: 2}; export default a;", "", nil},
		{"undefined.js", "export default undefined;", "", []string{"1:1 error js/no-export"}},
		{"getter.js", "export default { get a() { return 1 }, b: 2 }", `{"b":2}`, nil},
		{"proto.js", "export default { __proto__: {a: 1}, b: 2 }", `{"b":2}`, nil},
		{"bigint.js", "export default { a: 1n, b: Infinity, c: NaN }", `{}`, nil},
		{"escaped-pointer.js", "export default { 'a/b': {'c~d': 'x'} }", `{"a/b":{"c~d":"x"}}`, nil},
		{"deep.js", strings.Repeat("[", 600) + strings.Repeat("]", 600), "", []string{"1:501 error js/too-complex"}},
		{"deep-template.js", "`${" + strings.Repeat("[", 600), "", []string{"1:503 error js/too-complex"}},
		{"arrows.js", strings.Repeat("a=>", 2000) + "1", "", []string{"1:3002 error js/too-complex"}},
		{"exponential.js", expoSource(40), "", []string{"1:16 error js/too-complex"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ReadStatic(c.name, []byte(c.src), nil)
			checkValue(t, r.Value, c.value)
			if diff := cmp.Diff(c.diags, diagStrings(r.Diagnostics)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, r.Diagnostics)
			}
		})
	}
}

// expoSource builds n declarations whose value doubles in size each time.
func expoSource(n int) string {
	var b strings.Builder
	b.WriteString("const a0 = {x: 1};\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "const a%d = {l: a%d, r: a%d};\n", i, i-1, i-1)
	}
	fmt.Fprintf(&b, "export default a%d;\n", n)
	return b.String()
}

// A spread of a literal object of the same file is read (its members first, later keys
// override), with positions at the members themselves; a file that spreads itself ends.
func TestReadStaticSpread(t *testing.T) {
	src := []byte("const base = {\n  aws_project_region: 'us-east-1',\n  aws_user_files_s3_bucket: 'old',\n};\nconst awsmobile = {\n  ...base,\n  aws_user_files_s3_bucket: 'photos-dev',\n};\nexport default awsmobile;\n")
	res := ReadStatic("spread.js", src, nil)
	obj, _ := res.Value.(map[string]any)
	if obj["aws_project_region"] != "us-east-1" || obj["aws_user_files_s3_bucket"] != "photos-dev" {
		t.Fatalf("value %v", res.Value)
	}
	if len(res.NonLiteral) != 0 || len(res.Diagnostics) != 0 {
		t.Errorf("non-literals %v, diagnostics %v", res.NonLiteral, res.Diagnostics)
	}
	if p := res.Locate.PosOf("/aws_project_region"); p.Line() != 2 || p.Column() != 23 {
		t.Errorf("spread member at %d:%d, want 2:23", p.Line(), p.Column())
	}
	if p := res.Locate.PosOf("/aws_user_files_s3_bucket"); p.Line() != 7 {
		t.Errorf("overriding member at line %d, want 7", p.Line())
	}
	self := ReadStatic("self.js", []byte("var a = {...a, x: 1};\nexport default a;\n"), nil)
	_ = self.Locate.PosOf("/y") // must return, not recurse forever
}

// Declarations JavaScript rejects before running are syntax errors for the static reader too,
// so that it never reads a file evaluation refuses (found by FuzzStaticVsEval).
func TestReadStaticEarlyErrors(t *testing.T) {
	for src, wantLine := range map[string]int{
		"const a = 1;\nconst a = 2;\nexport default {};\n":  2,
		"let a = 1;\nvar a = 2;\nexport default {};\n":      2,
		"const a;\nexport default {};\n":                    1,
		"class A {}\nlet A = 1;\nexport default {};\n":      2,
		"var a = 1;\nvar a = 2;\nexport default {x: a};\n":  0, // allowed
		"function f() {}\nvar f = 1;\nexport default {};\n": 0, // allowed
		"const a = {},\nexport default a\n":                 2, // export after a comma
	} {
		res := ReadStatic("e.js", []byte(src), nil)
		var got int
		for _, d := range res.Diagnostics {
			if d.Rule == RuleSyntax {
				got = d.Line
			}
		}
		if got != wantLine {
			t.Errorf("%q: js/syntax at line %d, want %d (diagnostics %v)", src, got, wantLine, res.Diagnostics)
		}
	}
}
