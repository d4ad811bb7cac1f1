package outputs

import (
	"strconv"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// ValidFriendlyName reports whether name is a valid Gen 2 bucket friendly name
// (`^[a-zA-Z][a-zA-Z0-9-_ ]*$`).
func ValidFriendlyName(name string) bool {
	if name == "" || !isLetter(name[0]) {
		return false
	}
	for i := 1; i < len(name); i++ {
		if !friendlyChar(rune(name[i])) {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func friendlyChar(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == ' '
}

// Friendly is a bucket's friendly name and whether it was derived.
type Friendly struct {
	Name    string
	Derived bool
}

// FriendlyNames returns one friendly name per model bucket, in order, unique among them.
//
// A bucket's friendly name is its Gen 1 resource name (Bucket.Name) when that is set and valid,
// else FriendlyName(bucket name, env). Gen 1 names are taken first; a repeat gets "-2", "-3",
// ... in bucket order.
func FriendlyNames(m *schema.Model) []Friendly {
	out := make([]Friendly, len(m.Buckets))
	used := map[string]bool{}
	unique := func(name string) string {
		u := name
		for n := 2; used[u]; n++ {
			u = name + "-" + strconv.Itoa(n)
		}
		used[u] = true
		return u
	}
	for i, b := range m.Buckets {
		if ValidFriendlyName(b.Name.Value) {
			out[i] = Friendly{Name: unique(b.Name.Value)}
		}
	}
	for i, b := range m.Buckets {
		if out[i].Name != "" {
			continue
		}
		env := b.Env
		if env == "" {
			env = m.CurrentEnv.Value
		}
		source := b.BucketName.Value
		if source == "" {
			source = b.Name.Value
		}
		out[i] = Friendly{Name: unique(FriendlyName(source, env)), Derived: true}
	}
	return out
}

// FriendlyName derives a friendly name from a physical bucket name, deterministically:
//
//  1. drop a trailing "-<env>" when env is known (when it is not: a trailing "-<2 to 10
//     lowercase letters>" right after a hash-like run, as in "images210455-staging");
//  2. split on "-" and "."; drop parts that look like hashes (6 or more hex characters holding
//     a digit); from the last part drop a trailing run of 6 or more hex characters that starts
//     with a digit (the suffixes amplify-cli appends: `bucketName` + suffix + "-" + env);
//  3. join the remaining parts with "-", replace characters Gen 2 does not accept with "-";
//  4. prefix "bucket-" when the result does not start with a letter; "bucket" when empty.
//
// For example "photos4f2a9c1d203040-dev" with env "dev" gives "photos".
func FriendlyName(bucketName, env string) string {
	s := bucketName
	if env != "" {
		s = strings.TrimSuffix(s, "-"+env)
	} else if i := strings.LastIndexByte(s, '-'); i > 0 && isEnvName(s[i+1:]) && endsInHash(s[:i]) {
		s = s[:i] // amplify-cli's <bucketName><suffix>-<env>, env unknown
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '.' })
	var kept []string
	for _, p := range parts {
		if !looksLikeHash(p) {
			kept = append(kept, p)
		}
	}
	if n := len(kept); n > 0 {
		last := kept[n-1]
		i := len(last)
		for i > 0 && isHex(last[i-1]) {
			i--
		}
		for i < len(last) && !(last[i] >= '0' && last[i] <= '9') {
			i++ // the run starts at its first digit: "clone5e5c0b7b" keeps "clone"
		}
		if len(last)-i >= 6 && looksLikeHash(last[i:]) && i > 0 {
			kept[n-1] = last[:i]
		}
	}
	name := strings.Map(func(r rune) rune {
		if friendlyChar(r) {
			return r
		}
		return '-'
	}, strings.Join(kept, "-"))
	switch {
	case name == "":
		return "bucket"
	case !isLetter(name[0]):
		return "bucket-" + name
	}
	return name
}

// isEnvName reports whether s looks like a Gen 1 env name (the CLI allows 2-10 lowercase letters).
func isEnvName(s string) bool {
	if len(s) < 2 || len(s) > 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// endsInHash reports whether s ends in 6 or more hex characters holding a digit.
func endsInHash(s string) bool {
	i := len(s)
	for i > 0 && isHex(s[i-1]) {
		i--
	}
	return looksLikeHash(s[i:])
}

// looksLikeHash reports whether s is 6 or more hex characters holding at least one digit.
func looksLikeHash(s string) bool {
	if len(s) < 6 {
		return false
	}
	digit := false
	for i := 0; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
		if s[i] >= '0' && s[i] <= '9' {
			digit = true
		}
	}
	return digit
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' }

func quote(s string) string { return strconv.Quote(s) }

func itoa(i int) string { return strconv.Itoa(i) }
