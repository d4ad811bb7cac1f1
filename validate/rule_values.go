package validate

import (
	"regexp"
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
	for _, p := range placeholderPatterns() {
		if p.re.MatchString(value) {
			return p.what
		}
	}
	return ""
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
	for _, re := range deploymentBucketPatterns() {
		if re.MatchString(name) {
			return true
		}
	}
	return false
}
