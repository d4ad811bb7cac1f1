package convert

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// corpusDir returns ../shared/corpus (relative to the repo root), skipping the test when the
// shared folder is absent.
func corpusDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus sweep skipped: %s is absent (it holds the shared real-world files)", dir)
	}
	return dir
}

// corpusFiles lists every file of the corpus but its MANIFEST.
func corpusFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != "MANIFEST.tsv" {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestReadCorpus reads every real-world file: each must be read (a Value) or rejected with
// a positioned diagnostic, and none may panic.
func TestReadCorpus(t *testing.T) {
	dir := corpusDir(t)
	read, rejected := map[string]int{}, map[string]int{}
	for _, path := range corpusFiles(t, dir) {
		rel, _ := filepath.Rel(dir, path)
		doc, err := ReadFile(context.Background(), path, ReadOptions{})
		if err != nil {
			t.Errorf("%s: could not run: %v", rel, err)
			continue
		}
		format := string(doc.Format)
		if format == "" {
			format = "unknown"
		}
		if doc.HasValue() && !doc.Failed() {
			read[format]++
			continue
		}
		rejected[format]++
		if !doc.Failed() {
			t.Errorf("%s: no value and no error: %v", rel, doc.Diagnostics)
			continue
		}
		for _, d := range doc.Diagnostics {
			if d.Severity == 0 && d.Line == 0 && d.Rule != RuleUTF16 && d.Rule != RuleTooLarge && d.Rule != RuleEmpty {
				t.Errorf("%s: error without a position: %s", rel, d)
			}
		}
		t.Logf("rejected %s: %s", rel, firstError(doc))
	}
	for _, f := range sortedKeys(read, rejected) {
		t.Logf("%-28s read %3d  rejected %3d", f, read[f], rejected[f])
	}
}

func firstError(doc *Document) string {
	for _, d := range doc.Diagnostics {
		if d.Severity == 0 {
			return d.String()
		}
	}
	return ""
}

func sortedKeys(ms ...map[string]int) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestDetectCorpus checks that detection agrees with the folder each corpus file was filed
// under (the file's real name in its repository).
func TestDetectCorpus(t *testing.T) {
	dir := corpusDir(t)
	want := map[string][]schema.Format{
		"aws-exports.js":            {schema.AWSExports},
		"aws-exports.ts":            {schema.AWSExports},
		"amplifyconfiguration.json": {schema.AmplifyConfigWeb, schema.AmplifyConfigNative},
		"amplifyconfiguration.dart": {schema.AmplifyConfigDart},
		"awsconfiguration.json":     {schema.AWSConfiguration},
		"team-provider-info.json":   {schema.TeamProviderInfo},
		"amplify_outputs.json":      {schema.AmplifyOutputs},
	}
	realNames := corpusManifest(t, dir)
	for _, path := range corpusFiles(t, dir) {
		rel, _ := filepath.Rel(dir, path)
		folder := filepath.Dir(rel)
		formats, ok := want[folder]
		if !ok {
			continue // build specs: not configuration files
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := realNames[rel] // the file's path in its repository
		got := Detect(name, data)
		if !containsFormat(formats, got) {
			t.Errorf("Detect(%s) = %q, want one of %q", rel, got, formats)
		}
		// Content alone must tell too, except for the files that are not config content.
		if got := Detect("", data); !containsFormat(formats, got) && !bytes.HasPrefix(data, []byte("version https://git-lfs")) &&
			len(bytes.TrimSpace(data)) > 2 {
			t.Errorf("Detect(no name, %s) = %q, want one of %q", rel, got, formats)
		}
	}
}

// corpusManifest maps each saved file (relative to the corpus) to its path in its repository.
func corpusManifest(t *testing.T, dir string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(data), "\n")[1:] {
		if f := strings.Split(line, "\t"); len(f) > 3 {
			out[f[1]] = f[3]
		}
	}
	return out
}

func containsFormat(fs []schema.Format, f schema.Format) bool {
	for _, x := range fs {
		if x == f {
			return true
		}
	}
	return false
}

// oracleDir is the bench cache holding Amplify's own parser (oracle.mjs and node_modules).
func oracleDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("BENCH_CACHE")
	if dir == "" {
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, ".cache", "amplify-storage-bench")
	}
	if _, err := os.Stat(filepath.Join(dir, "oracle.mjs")); err != nil {
		t.Skipf("oracle test skipped: %s/oracle.mjs is absent (run ../shared/bench/setup.sh)", dir)
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("oracle test skipped: node is not installed")
	}
	return dir
}

// oracleAnswer is what oracle.mjs prints for one file.
type oracleAnswer struct {
	Bucket *string `json:"bucket"`
	Region *string `json:"region"`
	Error  string  `json:"error"`
}

// TestReadOracle compares the default bucket and region the readers find in every corpus
// aws-exports / amplifyconfiguration file with what Amplify JS (parseAmplifyConfig) makes of it.
func TestReadOracle(t *testing.T) {
	corpus := corpusDir(t)
	bench := oracleDir(t)
	var files []string
	for _, folder := range []string{"aws-exports.js", "aws-exports.ts", "amplifyconfiguration.json"} {
		matches, _ := filepath.Glob(filepath.Join(corpus, folder, "*"))
		files = append(files, matches...)
	}
	cmd := exec.Command("node", append([]string{filepath.Join(bench, "oracle.mjs")}, files...)...)
	cmd.Dir = bench
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("oracle: %v", err)
	}
	answers := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(answers) != len(files) {
		t.Fatalf("oracle printed %d lines for %d files", len(answers), len(files))
	}
	agree, explained := 0, 0
	for i, path := range files {
		rel, _ := filepath.Rel(corpus, path)
		var want oracleAnswer
		if err := json.Unmarshal([]byte(answers[i]), &want); err != nil {
			t.Fatalf("%s: oracle said %q: %v", rel, answers[i], err)
		}
		doc, err := ReadFile(context.Background(), path, ReadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		bucket, region := defaultBucket(doc)
		gotB, gotR := deref(bucket), deref(region)
		wantB, wantR := deref(want.Bucket), deref(want.Region)
		switch {
		case want.Error == "" && !doc.Failed() && gotB == wantB && gotR == wantR:
			agree++
		case want.Error != "" && doc.Failed():
			agree++ // both refuse the file
			t.Logf("%s: both refuse it: oracle %q; reader %s", rel, want.Error, firstError(doc))
		default:
			if why := oracleExplained(doc, want); why != "" {
				explained++
				t.Logf("%s: differs, explained: %s (oracle %s/%s%s, reader %s/%s)", rel, why, wantB, wantR, want.Error, gotB, gotR)
				continue
			}
			t.Errorf("%s: oracle bucket %q region %q (error %q); reader bucket %q region %q; diagnostics %v",
				rel, wantB, wantR, want.Error, gotB, gotR, doc.Diagnostics)
		}
	}
	t.Logf("oracle agreement: %d of %d files agree, %d differ for explained reasons", agree, len(files), explained)
}

// oracleExplained says why the reader and Amplify JS may rightly differ on a file, or "".
func oracleExplained(doc *Document, want oracleAnswer) string {
	switch {
	case (doc.Format == schema.AmplifyConfigNative) && want.Bucket == nil && want.Error == "":
		return "native amplifyconfiguration.json is read by the Android/iOS/Flutter libraries, not Amplify JS, which finds no storage in it"
	case want.Error != "" && !doc.Failed():
		return "Amplify JS could not load the file (" + want.Error + "), the static reader could"
	}
	return ""
}

func hasRule(doc *Document, rule string) bool {
	for _, d := range doc.Diagnostics {
		if d.Rule == rule {
			return true
		}
	}
	return false
}

// defaultBucket returns the default bucket's name and region, nil when there is none.
func defaultBucket(doc *Document) (name, region *string) {
	for _, b := range doc.Model.Buckets {
		if b.Default {
			n := b.BucketName.Value
			if !b.Region.Set {
				return &n, nil
			}
			r := b.Region.Value
			return &n, &r
		}
	}
	return nil, nil
}

func deref(s *string) string {
	if s == nil {
		return "<none>"
	}
	return *s
}
