package validate

import (
	"regexp"
	"slices"
	"strings"
	"sync"
)

// placeholderPatterns are the placeholder spellings seen in real configuration files; each
// comes with the words the message uses for it. Compiled once, never modified.
var placeholderPatterns = sync.OnceValue(func() []placeholderPattern {
	return []placeholderPattern{
		{regexp.MustCompile(`(?i)x{4,}`), "a run of X's"},
		{regexp.MustCompile(`<[^<>]*>`), "an <angle-bracket> placeholder"},
		{regexp.MustCompile(`\$\{[^{}]*\}`), "an unexpanded ${VAR} variable"},
		{regexp.MustCompile(`\$[A-Z][A-Z0-9_]*\b`), "an unexpanded $VAR variable"},
		{regexp.MustCompile(`\{\{[^{}]*\}\}`), "an unfilled {{template}} variable"},
		{regexp.MustCompile(`%[A-Za-z_][A-Za-z0-9_]*%`), "an unexpanded %VAR% variable"},
		{regexp.MustCompile(`(?i)(^|[^a-z])your[-_ ]?(bucket|table|region|app|project|s3|dynamo|name|own|aws|account|env|storage)`), "a YOUR_... placeholder"},
		{regexp.MustCompile(`(?i)(replace|change)[-_ ]?(me|this)`), "a REPLACE_ME placeholder"},
		{regexp.MustCompile(`(?i)placeholder|insert[-_ ].*[-_ ]here|^(todo|tbd|fixme|null|undefined)$`), "a placeholder word"},
	}
})

type placeholderPattern struct {
	re   *regexp.Regexp
	what string
}

// PlaceholderKind returns what kind of placeholder value is ("" when it looks real):
// XXXXXXXX, <bucket-name>, ${VAR}, $VAR, {{var}}, %VAR%, YOUR_BUCKET, REPLACE_ME, ...
func PlaceholderKind(value string) string {
	if !mayBePlaceholder(value) {
		return "" // most values are real: skip the nine regular expressions
	}
	for _, p := range placeholderPatterns() {
		if p.re.MatchString(value) {
			return p.what
		}
	}
	return ""
}

// mayBePlaceholder is a cheap test that is true for every value a placeholder pattern matches.
// It only rules out ASCII values: with other characters, case folding (ſ, K) makes the
// regular expressions the only judge.
func mayBePlaceholder(value string) bool {
	for i := 0; i < len(value); i++ {
		if value[i] >= 0x80 {
			return true
		}
	}
	lower := strings.ToLower(value)
	// Every ASCII match of placeholderPatterns holds one of these (lower case) substrings...
	for _, h := range [...]string{"xxxx", "<", "$", "{{", "%", "your", "replace", "change", "placeholder", "insert"} {
		if strings.Contains(lower, h) {
			return true
		}
	}
	// ...or is one of the patterns' whole-value words.
	return slices.Contains([]string{"todo", "tbd", "fixme", "null", "undefined"}, lower)
}

// deploymentBucketPatterns match the Gen 1 CLI's deployment bucket
// (amplify-<project>-<env>-<digits>-deployment) and Mobile Hub's deployments buckets.
var deploymentBucketPatterns = sync.OnceValue(func() []*regexp.Regexp {
	return []*regexp.Regexp{
		regexp.MustCompile(`^amplify-[a-z0-9-]+-\d+-deployment$`),
		regexp.MustCompile(`-deployments-mobilehub-`),
	}
})

// IsDeploymentBucket reports whether name is one of Amplify's deployment buckets, which hold
// CloudFormation templates and build artifacts, not app files.
func IsDeploymentBucket(name string) bool {
	// The literal parts of the patterns rule out nearly every name without a regexp.
	if !strings.Contains(name, "-deployments-mobilehub-") &&
		!(strings.HasPrefix(name, "amplify-") && strings.HasSuffix(name, "-deployment")) {
		return false
	}
	for _, re := range deploymentBucketPatterns() {
		if re.MatchString(name) {
			return true
		}
	}
	return false
}
