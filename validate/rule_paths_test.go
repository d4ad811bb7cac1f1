package validate

import (
	"slices"
	"strings"
	"testing"
)

// Amplify's own cases (backend-storage validate_storage_access_paths.test.ts), in today's
// spelling: no leading "/", {entity_id}.
func TestCheckStoragePathsAmplifyCases(t *testing.T) {
	valid := [][]string{
		{"foo/*", "foo/bar/*", "foo/baz/*", "other/*", "something/{entity_id}/*", "another/{entity_id}/*"},
		{"public/*", "protected/{entity_id}/*", "private/{entity_id}/*"},
	}
	for _, paths := range valid {
		if ps := CheckStoragePaths(paths); len(ps) != 0 {
			t.Errorf("CheckStoragePaths(%q) = %+v, want none", paths, ps)
		}
	}
	tests := []struct {
		paths []string
		at    string
		rule  string
	}{
		{[]string{"/foo/*"}, "/foo/*", RulePathLeadingSlash},
		{[]string{"foo"}, "foo", RulePathTrailingWildcard},
		{[]string{"foo/"}, "foo/", RulePathTrailingWildcard},
		{[]string{"foo//bar/*"}, "foo//bar/*", RulePathDoubleSlash},
		{[]string{"foo/*/bar/*"}, "foo/*/bar/*", RulePathInnerWildcard},
		{[]string{"foo/*", "foo/bar/*", "foo/bar/baz/*"}, "foo/bar/baz/*", RulePathTooManyPrefixes},
		{[]string{"foo/{entity_id}/{entity_id}/*"}, "foo/{entity_id}/{entity_id}/*", RulePathOwnerTokenOnce},
		{[]string{"foo/{entity_id}/bar/*"}, "foo/{entity_id}/bar/*", RulePathOwnerTokenPosition},
		{[]string{"{entity_id}/*"}, "{entity_id}/*", RulePathOwnerTokenFirst},
		{[]string{"abc{entity_id}/*"}, "abc{entity_id}/*", RulePathOwnerTokenAlone},
		{[]string{"foo/{entity_id}/*", "foo/*"}, "foo/{entity_id}/*", RulePathOwnerPrefix},
		{[]string{"foo/bar/{entity_id}/*", "foo/*"}, "foo/bar/{entity_id}/*", RulePathOwnerPrefix},
	}
	for _, tt := range tests {
		ps := CheckStoragePaths(tt.paths)
		if len(ps) != 1 || ps[0].Rule != tt.rule || ps[0].Path != tt.at || tt.paths[ps[0].Index] != ps[0].Key {
			t.Errorf("CheckStoragePaths(%q) = %+v, want one %s at %q", tt.paths, ps, tt.rule, tt.at)
		}
	}
}

func TestCheckStoragePathsOutputs(t *testing.T) {
	const sub = OwnerToken
	// What Amplify writes for 'protected/{entity_id}/*': [authenticated read, entity rwd] etc.
	generated := []string{"public/*", "protected/*", "protected/" + sub + "/*", "private/" + sub + "/*",
		"customers/" + sub + "/*", "customers/*", "admin/*"}
	if ps := CheckStoragePaths(generated); len(ps) != 0 {
		t.Errorf("outputs Amplify generates are flagged: %+v", ps)
	}
	rebuilt := RebuildStoragePaths(generated)
	var got []string
	for _, r := range rebuilt {
		got = append(got, r.Path)
	}
	want := []string{"public/*", "protected/{entity_id}/*", "private/{entity_id}/*", "customers/{entity_id}/*", "admin/*"}
	if !slices.Equal(got, want) {
		t.Errorf("RebuildStoragePaths = %q, want %q", got, want)
	}
	if !slices.Equal(rebuilt[1].From, []int{2, 1}) {
		t.Errorf("protected folds keys %v, want [2 1]", rebuilt[1].From)
	}
	// An owner path under another prefix: the owner-prefix rule, reported at the owner key.
	ps := CheckStoragePaths([]string{"media/*", "media/photos/" + sub + "/*"})
	if len(ps) != 1 || ps[0].Rule != RulePathOwnerPrefix || ps[0].Index != 1 ||
		!strings.Contains(ps[0].Message, `written to the outputs as "media/photos/${cognito-identity.amazonaws.com:sub}/*"`) {
		t.Errorf("got %+v", ps)
	}
}

func TestStoragePathRules(t *testing.T) {
	rs := StoragePathRules()
	if len(rs) != 10 {
		t.Fatalf("%d path rules, want 10", len(rs))
	}
	for _, id := range rs {
		if _, ok := LookupRule(id); !ok {
			t.Errorf("rule %s not registered", id)
		}
	}
}

// expandForOutputs does what Amplify does with valid defineStorage paths when it writes
// amplify_outputs.json: X/{entity_id}/* becomes X/${sub}/* (the owner's rule) and, when the
// path has other rules, X/*.
func expandForOutputs(paths []string, others []bool) []string {
	var out []string
	for i, p := range paths {
		before, ok := strings.CutSuffix(p, EntityIDToken+"/*")
		if !ok {
			out = append(out, p)
			continue
		}
		out = append(out, before+OwnerToken+"/*")
		if others[i] {
			out = append(out, before+"*")
		}
	}
	return out
}

// pathsFromBytes builds a small set of paths from fuzz input: each byte picks a part.
func pathsFromBytes(data []byte) ([]string, []bool) {
	parts := []string{"a", "b", "ab", EntityIDToken, "*", "", "x" + EntityIDToken, "c"}
	var paths []string
	var others []bool
	var cur []string
	for _, c := range data {
		switch {
		case c&0x80 != 0 || len(cur) == 4:
			p := strings.Join(cur, "/") + "/*"
			if c&0x40 != 0 {
				p = "/" + p
			}
			if !slices.Contains(paths, p) {
				paths = append(paths, p)
				others = append(others, c&0x20 != 0)
			}
			cur = cur[:0]
		default:
			cur = append(cur, parts[int(c)%len(parts)])
		}
		if len(paths) == 6 {
			break
		}
	}
	return paths, others
}

func FuzzCheckStoragePaths(f *testing.F) {
	f.Add([]byte{0, 3, 0x80, 1, 0xa0, 2, 3, 0xff})
	f.Add([]byte{0, 0x80, 0, 1, 0x80, 0, 1, 2, 0x80})
	f.Add([]byte{3, 0x80, 6, 0x80, 0, 4, 1, 0xc0})
	f.Add([]byte("public/*\x00protected/${cognito-identity.amazonaws.com:sub}/*\x00protected/*"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Raw keys: never panic, report only the ten rules, at valid indexes.
		raw := strings.Split(string(data), "\x00")
		tenRules := StoragePathRules()
		for _, p := range CheckStoragePaths(raw) {
			if !slices.Contains(tenRules, p.Rule) {
				t.Fatalf("rule %q is not one of the ten", p.Rule)
			}
			if p.Index < 0 || p.Index >= len(raw) || raw[p.Index] != p.Key {
				t.Fatalf("problem %+v points at no key of %q", p, raw)
			}
		}
		// Generated defineStorage paths: the valid ones, expanded as Amplify writes them, are
		// never flagged.
		paths, others := pathsFromBytes(data)
		if len(CheckStoragePaths(paths)) != 0 {
			return
		}
		keys := expandForOutputs(paths, others)
		if ps := CheckStoragePaths(keys); len(ps) != 0 {
			t.Fatalf("valid defineStorage paths %q, written as %q, are flagged: %+v", paths, keys, ps)
		}
	})
}

// TestPathPrefixesOfAll: the sweep finds exactly what comparing every pair finds.
func TestPathPrefixesOfAll(t *testing.T) {
	words := []string{"", "*", "a/*", "a*", "a/b/*", "*a", "**", "a/b/c/*", "é*", "b", "a", "a/", "ab/*", "a*b/*", "a/{entity_id}/*", "a/b", "a/b/*"}
	check := func(all []string) {
		t.Helper()
		got := pathPrefixesOfAll(all)
		for i, p := range all {
			if want := pathPrefixesPairwise(p, all); !slices.Equal(got[i], want) {
				t.Fatalf("prefixes of %q among %q: %q, want %q", p, all, got[i], want)
			}
		}
	}
	check(words)
	check(nil)
	for n := range 2000 { // subsets, in several orders
		var all []string
		for i, w := range words {
			if (n*7919+i*104729)%3 != 0 {
				all = append(all, w)
			}
		}
		if n%2 == 1 {
			slices.Reverse(all)
		}
		check(all)
	}
}

// FuzzPathPrefixesOfAll: TestPathPrefixesOfAll on any paths.
func FuzzPathPrefixesOfAll(f *testing.F) {
	f.Add("a/*\x00a/b/*\x00a*\x00*\x00a/b/*")
	f.Fuzz(func(t *testing.T, s string) {
		all := strings.Split(s, "\x00")
		got := pathPrefixesOfAll(all)
		for i, p := range all {
			if want := pathPrefixesPairwise(p, all); !slices.Equal(got[i], want) {
				t.Fatalf("prefixes of %q among %q: %q, want %q", p, all, got[i], want)
			}
		}
	})
}

// pathPrefixesPairwise is the definition pathPrefixesOfAll meets: the other paths of all that
// are a prefix of path once their "*" are removed, sorted, each once.
func pathPrefixesPairwise(path string, all []string) []string {
	var out []string
	for _, p := range all {
		if p != path && strings.HasPrefix(path, strings.ReplaceAll(p, "*", "")) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
