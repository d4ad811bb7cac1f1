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
	names := make([]listedName, len(buckets))
	for i, b := range buckets {
		obj, _ := b.(map[string]any)
		names[i].name, names[i].ok = obj["bucket_name"].(string)
	}
	return checkDefaultListed(def, names, file, loc)
}

// checkOutputsIndexed is CheckOutputsValue for a document ParseJSONIndex indexed
// (j.Indexed()), read from the index without decoding the document.
func checkOutputsIndexed(j *JSONFile, file string, loc Locator) []Diagnostic {
	c, _ := j.Cursor()
	if c.Kind() != KindObject {
		return nil
	}
	storage := c.Member("storage")
	if storage.Kind() != KindObject {
		return nil
	}
	def, ok := storage.Member("bucket_name").Str()
	buckets := storage.Member("buckets")
	if !ok || buckets.Len() == 0 {
		return nil
	}
	names := make([]listedName, buckets.Len())
	for i := range names {
		if b := buckets.Index(i); b.Kind() == KindObject {
			names[i].name, names[i].ok = b.Member("bucket_name").Str()
		}
	}
	return checkDefaultListed(def, names, file, loc)
}

// listedName is the bucket_name of one storage.buckets[] entry (ok false when it has none).
type listedName struct {
	name string
	ok   bool
}

// checkDefaultListed checks that the default bucket def is listed exactly once in names (the
// bucket_name of each storage.buckets[] entry).
func checkDefaultListed(def string, buckets []listedName, file string, loc Locator) []Diagnostic {
	posOf := func(pointer string) schema.Pos {
		pos := schema.At(schema.Place{File: file, Pointer: pointer})
		if loc != nil {
			pos = loc.PosOf(pointer)
			if pos.File() == "" {
				pos = pos.WithFile(file)
			}
		}
		return pos
	}
	var names []string
	var ds []Diagnostic
	first := -1
	for i, b := range buckets {
		n := b.name
		if !b.ok {
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
