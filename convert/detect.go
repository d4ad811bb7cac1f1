package convert

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"unsafe"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/tidwall/gjson"
)

// Detect tells which configuration format data is. The content decides; the file name (which
// may be empty) only settles what the content leaves open, such as an empty `{}`. It returns
// schema.FormatUnknown when neither tells.
func Detect(name string, data []byte) schema.Format {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	base := strings.ToLower(filepath.Base(filepath.ToSlash(name)))
	ext := filepath.Ext(base)
	text := bytes.TrimSpace(data)
	switch {
	case ext == ".dart" || (!isJSExt(ext) && ext != ".json" && looksDart(text)):
		return detectDart(base, data)
	case isJSExt(ext):
		return schema.AWSExports
	case len(text) > 0 && text[0] == '{':
		if f := detectJSON(text); f != schema.FormatUnknown {
			return f
		}
		return formatByName(base)
	case ext == ".json":
		return formatByName(base)
	case looksJS(text):
		return schema.AWSExports
	}
	return formatByName(base)
}

func isJSExt(ext string) bool {
	switch ext {
	case ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx":
		return true
	}
	return false
}

// jsStart matches the first code of a JavaScript config file: an export, an import, an
// assignment to module.exports, a variable declaration, a Babel prologue, or a call to
// Amplify.configure.
var jsStart = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(export\s|import[\s{*]|module\.exports|exports\.|(var|let|const)\s|declare\s|["']use strict["']|Object\.defineProperty\(exports|Amplify\.configure\()`)
})

// looksJS reports whether text reads like a JavaScript config file: its first code (after
// comments) starts like one, or it holds nothing but comments.
func looksJS(text []byte) bool {
	code := skipJSComments(text)
	if len(code) == 0 {
		return len(text) > 0
	}
	return jsStart().Match(code)
}

// skipJSComments returns text from its first byte that is neither space nor in a comment.
func skipJSComments(text []byte) []byte {
	for {
		text = bytes.TrimLeft(text, " \t\r\n")
		switch {
		case bytes.HasPrefix(text, []byte("//")):
			i := bytes.IndexByte(text, '\n')
			if i < 0 {
				return nil
			}
			text = text[i+1:]
		case bytes.HasPrefix(text, []byte("/*")):
			i := bytes.Index(text[2:], []byte("*/"))
			if i < 0 {
				return nil
			}
			text = text[i+4:]
		default:
			return text
		}
	}
}

// dartString matches the start of a Dart triple-quoted string assigned to a variable.
var dartString = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`=\s*r?('''|""")`) })

// looksDart reports whether text reads like a Dart file holding a config string.
func looksDart(text []byte) bool {
	return dartString().Match(text) || bytes.HasPrefix(text, []byte("import 'package:")) ||
		bytes.Contains(text, []byte("String get")) || bytes.Contains(text, []byte("Map<String"))
}

// detectDart tells amplifyconfiguration.dart from amplify_outputs.dart by what the embedded
// JSON holds, falling back on the file name.
func detectDart(base string, data []byte) schema.Format {
	if start, _, _, _ := findDartString(data); start >= 0 {
		inner := bytes.TrimSpace(data[start:])
		if f := detectJSON(inner); f == schema.AmplifyOutputs {
			return schema.AmplifyOutputsDart
		} else if f != schema.FormatUnknown {
			return schema.AmplifyConfigDart
		}
	}
	if strings.Contains(base, "outputs") {
		return schema.AmplifyOutputsDart
	}
	return schema.AmplifyConfigDart
}

// formatByName maps well-known file names to their format.
func formatByName(base string) schema.Format {
	is := func(name string) bool {
		return base == name || strings.HasSuffix(base, "_"+name) || strings.HasSuffix(base, "-"+name)
	}
	switch {
	case is("amplify_outputs.json"):
		return schema.AmplifyOutputs
	case is("amplifyconfiguration.json"):
		return schema.AmplifyConfigWeb
	case is("awsconfiguration.json"):
		return schema.AWSConfiguration
	case is("team-provider-info.json"):
		return schema.TeamProviderInfo
	case is("backend-config.json"):
		return schema.BackendConfig
	case is("cli-inputs.json"):
		return schema.CLIInputs
	case is("amplify-meta.json"):
		return schema.AmplifyMeta
	case is("local-env-info.json"):
		return schema.LocalEnvInfo
	case strings.HasPrefix(base, "aws-exports"):
		return schema.AWSExports
	}
	return schema.FormatUnknown
}

// outputsVersion matches the Gen 2 amplify_outputs.json versions ("1", "1.1" ... "1.5" and
// later minor versions).
var outputsVersion = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^1(\.\d+)?$`) })

// legacyNativeKeys returns the top-level keys of the legacy native awsconfiguration.json.
func legacyNativeKeys() []string {
	return []string{"IdentityManager", "CredentialsProvider", "S3TransferUtility",
		"DynamoDBObjectMapper", "CognitoUserPool", "PinpointAnalytics", "AppSync"}
}

// detectJSON tells the format of a JSON object from its top-level shape. It does not validate
// the JSON: a broken file is still recognized by the keys it does have.
func detectJSON(text []byte) schema.Format {
	root := gjson.Parse(unsafe.String(unsafe.SliceData(text), len(text))) // no 6 MB copy: text is only read while root lives
	if !root.IsObject() {
		return schema.FormatUnknown
	}
	top := map[string]gjson.Result{}
	var order []string
	root.ForEach(func(k, v gjson.Result) bool {
		if _, dup := top[k.Str]; !dup {
			order = append(order, k.Str)
		}
		top[k.Str] = v
		return true
	})
	has := func(k string) bool { _, ok := top[k]; return ok }
	if v, ok := top["version"]; ok && v.Type == gjson.String && outputsVersion().MatchString(v.Str) && !has("Version") {
		return schema.AmplifyOutputs
	}
	anyObjectWith := func(keys ...string) bool {
		for _, k := range order {
			v := top[k]
			if !v.IsObject() {
				continue
			}
			for _, key := range keys {
				if v.Get(gjson.Escape(key)).Exists() {
					return true
				}
			}
		}
		return false
	}
	if anyObjectWith("plugins") {
		return schema.AmplifyConfigNative
	}
	for _, k := range legacyNativeKeys() {
		if has(k) && !has("aws_project_region") {
			return schema.AWSConfiguration
		}
	}
	if has("UserAgent") && has("Version") {
		return schema.AmplifyConfigNative
	}
	for _, k := range order {
		if strings.HasPrefix(k, "aws_") {
			return schema.AmplifyConfigWeb
		}
	}
	if has("envName") && (has("projectPath") || has("defaultEditor")) {
		return schema.LocalEnvInfo
	}
	if has("resourceName") && (has("storageAccess") || has("bucketName") || has("tableName") ||
		has("partitionKey") || has("policyUUID")) {
		return schema.CLIInputs
	}
	if p, ok := top["providers"]; ok && p.IsObject() {
		return schema.AmplifyMeta
	}
	if anyObjectWith("awscloudformation") {
		return schema.TeamProviderInfo
	}
	resourcesWith := func(keys ...string) bool {
		found := false
		for _, k := range order {
			top[k].ForEach(func(_, res gjson.Result) bool {
				for _, key := range keys {
					if res.IsObject() && res.Get(gjson.Escape(key)).Exists() {
						found = true
						return false
					}
				}
				return true
			})
			if found {
				return true
			}
		}
		return false
	}
	if resourcesWith("output") {
		return schema.AmplifyMeta
	}
	if resourcesWith("service", "providerPlugin") {
		return schema.BackendConfig
	}
	return schema.FormatUnknown
}
