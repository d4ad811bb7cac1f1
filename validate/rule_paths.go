package validate

import (
	"fmt"
	"slices"
	"strings"
)

// OwnerToken is how amplify_outputs.json spells the owner of a path: the IAM policy variable
// Amplify substitutes for {entity_id}.
const OwnerToken = "${cognito-identity.amazonaws.com:sub}"

// EntityIDToken is the owner token of a defineStorage path.
const EntityIDToken = "{entity_id}"

// RebuiltPath is a defineStorage path rebuilt from amplify_outputs.json path keys.
type RebuiltPath struct {
	// Path is the defineStorage spelling (with {entity_id}).
	Path string
	// From are the indexes of the output keys folded into Path: the owner key first, then,
	// for an owner path, the `X/*` key Amplify writes for the path's other rules.
	From []int
}

// RebuildStoragePaths undoes what Amplify does to defineStorage paths when it writes
// amplify_outputs.json: OwnerToken becomes {entity_id} again, and a key `X/*` that sits beside
// an owner key `X/${cognito-identity.amazonaws.com:sub}/*` is folded into `X/{entity_id}/*`
// (Amplify writes the owner's rule under the first and the path's other rules under the
// second). Repeated keys count once. The result is in key order.
func RebuildStoragePaths(keys []string) []RebuiltPath { return new(pathScratch).rebuild(keys) }

// rebuild is RebuildStoragePaths in s's memory: the result is valid until s is used again.
func (s *pathScratch) rebuild(keys []string) []RebuiltPath {
	index := reuseMap(&s.index, len(keys))
	for i, k := range keys {
		if _, seen := index[k]; !seen {
			index[k] = i
		}
	}
	foldedInto := reuseMap(&s.foldedInto, 0) // sibling key index -> owner key index
	for i, k := range keys {
		if index[k] != i {
			continue
		}
		before, ok := strings.CutSuffix(k, OwnerToken+"/*")
		if !ok || before == "" || !strings.HasSuffix(before, "/") || strings.Contains(before, OwnerToken) {
			continue
		}
		s.sibling = append(append(s.sibling[:0], before...), '*')
		if j, ok := index[string(s.sibling)]; ok { // string(bytes) in a map index makes no string
			foldedInto[j] = i
		}
	}
	if len(index) == 0 {
		return nil
	}
	out := slices.Grow(s.rebuilt[:0], len(index)-len(foldedInto))
	from := slices.Grow(s.from[:0], cap(out)) // one block for every From (each capped at one element)
	var pos []int                             // owner key index -> index in out
	if len(foldedInto) > 0 {
		pos = slices.Grow(s.pos[:0], len(keys))[:len(keys)]
	}
	s.rebuilt, s.from, s.pos = out, from, pos
	for i, k := range keys {
		if index[k] != i {
			continue
		}
		if _, folded := foldedInto[i]; folded {
			continue
		}
		if pos != nil {
			pos[i] = len(out)
		}
		from = append(from, i)
		out = append(out, RebuiltPath{Path: strings.ReplaceAll(k, OwnerToken, EntityIDToken), From: from[len(from)-1 : len(from) : len(from)]})
	}
	pairs := slices.Grow(s.pairs[:0], 2*len(foldedInto)) // the From of every owner path
	for j, i := range foldedInto {
		pairs = append(pairs, out[pos[i]].From[0], j)
		out[pos[i]].From = pairs[len(pairs)-2 : len(pairs) : len(pairs)]
	}
	s.pairs = pairs
	return out
}

// PathProblem is a defineStorage path rule that a rebuilt path breaks.
type PathProblem struct {
	// Index is the output key to report at (the first key the path was rebuilt from).
	Index int
	// Key is that output key; Path is the rebuilt defineStorage path.
	Key, Path string
	Rule      string
	Message   string
}

// StoragePathRules lists the ten defineStorage path rules in the order Amplify checks them.
func StoragePathRules() []string {
	return []string{RulePathLeadingSlash, RulePathTrailingWildcard, RulePathDoubleSlash,
		RulePathInnerWildcard, RulePathTooManyPrefixes, RulePathOwnerPrefix, RulePathOwnerTokenOnce,
		RulePathOwnerTokenPosition, RulePathOwnerTokenFirst, RulePathOwnerTokenAlone}
}

// CheckStoragePaths applies Amplify's ten defineStorage path rules (backend-storage
// validate_storage_access_paths.ts), in Amplify's order, to the paths rebuilt from the
// amplify_outputs.json keys of one bucket (see RebuildStoragePaths). Amplify stops at the first
// broken rule; this reports, for every path, the first rule it breaks. Keys may also be given
// in defineStorage spelling.
func CheckStoragePaths(keys []string) []PathProblem {
	s := new(pathScratch)
	return s.check(keys, s.rebuild(keys))
}

// check is CheckStoragePaths on keys already rebuilt, in s's memory.
func (s *pathScratch) check(keys []string, rebuilt []RebuiltPath) []PathProblem {
	all := s.all[:0]
	for _, r := range rebuilt {
		all = append(all, r.Path)
	}
	s.all = all
	prefixes := s.prefixes.of(all)
	var out []PathProblem
	for i, r := range rebuilt {
		rule, msg := checkDefinePath(r.Path, prefixes[i])
		if rule == "" {
			continue
		}
		key := keys[r.From[0]]
		if key != r.Path {
			msg = fmt.Sprintf("%s (defineStorage path %q, written to the outputs as %q)", msg, r.Path, key)
		}
		out = append(out, PathProblem{Index: r.From[0], Key: key, Path: r.Path, Rule: rule, Message: msg})
	}
	return out
}

// checkDefinePath returns the first defineStorage rule path breaks, and the message. prefixes
// are the bucket's other paths that are its prefix (pathPrefixesOfAll).
func checkDefinePath(path string, prefixes []string) (rule, message string) {
	if strings.HasPrefix(path, "/") {
		return RulePathLeadingSlash, fmt.Sprintf("storage path %q starts with \"/\"; remove the leading \"/\" (write %q)",
			path, strings.TrimLeft(path, "/"))
	}
	if !strings.HasSuffix(path, "/*") {
		return RulePathTrailingWildcard, fmt.Sprintf("storage path %q does not end with \"/*\"; end it with \"/*\"", path)
	}
	if strings.Contains(path, "//") {
		return RulePathDoubleSlash, fmt.Sprintf("storage path %q contains \"//\"; remove the empty path part", path)
	}
	if strings.IndexByte(path, '*') < len(path)-1 {
		return RulePathInnerWildcard, fmt.Sprintf("storage path %q has a \"*\" before its end; a wildcard is allowed only as the final part", path)
	}
	if len(prefixes) > 1 {
		return RulePathTooManyPrefixes, fmt.Sprintf("storage path %q has %d other paths as prefixes (%s); Amplify allows at most one: remove or merge paths",
			path, len(prefixes), quoteList(prefixes))
	}
	if !strings.Contains(path, EntityIDToken) {
		return "", ""
	}
	if len(prefixes) > 0 {
		return RulePathOwnerPrefix, fmt.Sprintf("storage path %q holds %s but has the prefix path %s; a path with %s may have no prefix path: move one of them",
			path, EntityIDToken, quoteList(prefixes), EntityIDToken)
	}
	if n := strings.Count(path, EntityIDToken); n > 1 {
		return RulePathOwnerTokenOnce, fmt.Sprintf("storage path %q holds %s %d times; keep only one", path, EntityIDToken, n)
	}
	before, after, _ := strings.Cut(path, EntityIDToken)
	if after != "/*" {
		return RulePathOwnerTokenPosition, fmt.Sprintf("storage path %q must have %s as the part right before the final \"/*\" (for example %q)",
			path, EntityIDToken, "media/"+EntityIDToken+"/*")
	}
	if before == "" {
		return RulePathOwnerTokenFirst, fmt.Sprintf("storage path %q starts with %s; add a prefix before it (for example %q)",
			path, EntityIDToken, "private/"+EntityIDToken+"/*")
	}
	if !strings.HasSuffix(before, "/") {
		return RulePathOwnerTokenAlone, fmt.Sprintf("storage path %q puts other characters in the path part with %s; give the token a part of its own (for example %q)",
			path, EntityIDToken, "media/"+EntityIDToken+"/*")
	}
	return "", ""
}

// quoteList quotes each string and joins them with ", ".
func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
