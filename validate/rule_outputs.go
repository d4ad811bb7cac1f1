package validate

import (
	"slices"
	"strconv"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// CheckOutputsValue applies the amplify_outputs.json rules that need the document itself, not
// only the model: the top-level storage.bucket_name (the default bucket) must be listed in
// storage.buckets[] (rule storage/default-not-listed), as the backend always writes it, and
// listed once (rule storage/one-default: two entries with the default's bucket_name make two
// default buckets). value is the decoded document (objects as map[string]any); loc places JSON
// Pointers in the file.
func CheckOutputsValue(value any, file string, loc Locator) []Diagnostic {
	root, _ := value.(map[string]any)
	storage, _ := root["storage"].(map[string]any)
	def, ok := storage["bucket_name"].(string)
	buckets, hasList := storage["buckets"].([]any)
	if !ok || !hasList || len(buckets) == 0 {
		return nil
	}
	posOf := func(pointer string) schema.Pos {
		pos := schema.Pos{File: file, Pointer: pointer}
		if loc != nil {
			pos = loc.PosOf(pointer)
			if pos.File == "" {
				pos.File = file
			}
		}
		return pos
	}
	var names []string
	var ds []Diagnostic
	first := -1
	for i, b := range buckets {
		obj, _ := b.(map[string]any)
		n, ok := obj["bucket_name"].(string)
		if !ok {
			continue
		}
		names = append(names, n)
		if n != def {
			continue
		}
		if first < 0 {
			first = i
			continue
		}
		ptr := JoinPointer("storage", "buckets", strconv.Itoa(i), "bucket_name")
		ds = append(ds, At(posOf(ptr), Error, RuleOneDefault,
			"default bucket %q is listed again in storage.buckets[] (first as entry %d); two entries make two default buckets: list each bucket once",
			def, first))
	}
	if first >= 0 {
		return ds
	}
	pos := posOf("/storage/bucket_name")
	listed := "none"
	if len(names) > 0 {
		listed = quoteList(sortedCopy(names))
	}
	ds = append(ds, At(pos, Error, RuleDefaultNotListed,
		"default bucket %q is not listed in storage.buckets[] (which lists %s); add it there with its name and aws_region, or point bucket_name at a listed bucket",
		def, listed))
	// Not in buckets[], it is in no model bucket either, so the name rules would not see it.
	for _, p := range BucketNameProblems(def) {
		ds = append(ds, At(pos, p.Severity, p.Rule, "%s", p.Message))
	}
	return ds
}

func sortedCopy(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return out
}
