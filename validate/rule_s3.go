package validate

import (
	"fmt"
	"net/netip"
	"strings"
)

// NameProblem is one reason a resource name is invalid: the rule broken and the message that
// says which part of the naming rules it breaks and how to fix it.
type NameProblem struct {
	Rule     string
	Severity Severity
	Message  string
}

// BucketNameProblems returns every general-purpose S3 bucket naming rule that name breaks
// (rule s3/bucket-name), or, for a valid name holding ".", one warning (s3/bucket-name-dots):
// dotted names break HTTPS in virtual-hosted style, which every Amplify library uses.
func BucketNameProblems(name string) []NameProblem {
	var ps []NameProblem
	bad := func(format string, args ...any) {
		ps = append(ps, NameProblem{Rule: RuleBucketName, Severity: Error,
			Message: fmt.Sprintf("bucket name %q ", name) + fmt.Sprintf(format, args...)})
	}
	if n := len(name); n < 3 || n > 63 {
		bad("is %d characters long; S3 bucket names are 3 to 63 characters", n)
	}
	for i, r := range name {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '.' || r == '-' {
			continue
		}
		hint := ""
		if fixed := suggestBucketName(name); fixed != "" {
			hint = fmt.Sprintf(" (for example %q)", fixed)
		}
		bad("holds %q at character %d; only lowercase letters, digits, \".\" and \"-\" are allowed%s",
			string(r), len([]rune(name[:i]))+1, hint)
		break
	}
	if name != "" && (name[0] == '.' || name[0] == '-') {
		bad("starts with %q; it must start with a lowercase letter or a digit", name[:1])
	}
	if last := name[max(len(name)-1, 0):]; len(name) > 1 && (last == "." || last == "-") {
		bad("ends with %q; it must end with a lowercase letter or a digit", last)
	}
	if strings.Contains(name, "..") {
		bad("contains \"..\"; two adjacent periods are not allowed")
	}
	if addr, err := netip.ParseAddr(name); err == nil && addr.Is4() {
		bad("is formatted as an IP address; use a name instead")
	}
	// Prefixes and suffixes AWS reserves: punycode, S3 internals, documentation examples;
	// access point aliases, Object Lambda, Multi-Region Access Points, directory and table buckets.
	for _, p := range []string{"xn--", "sthree-", "amzn-s3-demo-"} {
		if strings.HasPrefix(name, p) {
			bad("starts with %q, a prefix AWS reserves; choose another name", p)
		}
	}
	for _, s := range []string{"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"} {
		if strings.HasSuffix(name, s) {
			bad("ends with %q, a suffix AWS reserves; choose another name", s)
		}
	}
	if len(ps) == 0 && strings.Contains(name, ".") {
		ps = append(ps, NameProblem{Rule: RuleBucketNameDots, Severity: Warning, Message: fmt.Sprintf(
			"bucket name %q contains \".\"; HTTPS requests in virtual-hosted style (as Amplify makes them) "+
				"fail the certificate check for dotted names and Transfer Acceleration refuses them: prefer \"-\"", name)})
	}
	return ps
}

// TableNameProblems returns why name is not a valid DynamoDB table name
// (^[a-zA-Z0-9_.-]{3,255}$, rule dynamodb/table-name).
func TableNameProblems(name string) []NameProblem {
	var ps []NameProblem
	bad := func(format string, args ...any) {
		ps = append(ps, NameProblem{Rule: RuleTableName, Severity: Error,
			Message: fmt.Sprintf("table name %q ", name) + fmt.Sprintf(format, args...)})
	}
	if n := len(name); n < 3 || n > 255 {
		bad("is %d characters long; DynamoDB table names are 3 to 255 characters", n)
	}
	for i, r := range name {
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') || r == '_' || r == '.' || r == '-' {
			continue
		}
		bad("holds %q at character %d; only letters, digits, \"_\", \".\" and \"-\" are allowed", string(r), len([]rune(name[:i]))+1)
		break
	}
	return ps
}

// suggestBucketName lowercases name and turns every other invalid character into "-"; it
// returns "" when that does not make a valid name.
func suggestBucketName(name string) string {
	fixed := strings.Map(func(r rune) rune {
		switch {
		case r >= 'A' && r <= 'Z':
			return r + ('a' - 'A')
		case (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '.' || r == '-':
			return r
		}
		return '-'
	}, name)
	fixed = strings.Trim(fixed, ".-")
	for _, p := range BucketNameProblems(fixed) {
		if p.Rule == RuleBucketName {
			return ""
		}
	}
	return fixed
}
