package migrate

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
)

// oracleResult is one line of oracle.mjs: what aws-amplify's parseAmplifyConfig reads.
type oracleResult struct {
	Bucket *string `json:"bucket"`
	Region *string `json:"region"`
	Error  string  `json:"error"`
}

// TestDifferentialCorpus converts every corpus aws-exports / amplifyconfiguration file that
// names a bucket, then checks with aws-amplify itself (oracle.mjs) that the Gen 2 output gives
// the same bucket and region as the Gen 1 input, and that the output passes Amplify's official
// schema of its version (official-validate.mjs).
func TestDifferentialCorpus(t *testing.T) {
	shared := filepath.Join(repoRoot(t), "..", "shared")
	corpus := filepath.Join(shared, "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus absent (%s): differential test skipped", corpus)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: differential test skipped")
	}
	home, _ := os.UserHomeDir()
	cache := filepath.Join(home, ".cache", "amplify-storage-bench")
	if _, err := os.Stat(filepath.Join(cache, "oracle.mjs")); err != nil {
		t.Skipf("bench cache %s absent (run ../shared/bench/setup.sh): differential test skipped", cache)
	}

	var inputs []string
	for _, dir := range []string{"aws-exports.js", "aws-exports.ts", "amplifyconfiguration.json"} {
		entries, _ := os.ReadDir(filepath.Join(corpus, dir))
		for _, e := range entries {
			if !e.IsDir() {
				inputs = append(inputs, filepath.Join(corpus, dir, e.Name()))
			}
		}
	}
	outDir := t.TempDir()
	type pair struct{ in, out string }
	var pairs []pair
	noBucket := 0
	for i, in := range inputs {
		doc, err := convert.ReadFile(context.Background(), in, convert.ReadOptions{})
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if len(doc.Model.Buckets) == 0 {
			noBucket++
			continue
		}
		out := filepath.Join(outDir, strings.ReplaceAll(filepath.Base(in), ".", "_")+"_"+strconv.Itoa(i)+".json")
		res, err := ConvertFiles(context.Background(), []*convert.Document{doc}, Options{})
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if res.Blocked {
			t.Errorf("%s: conversion blocked: %v", in, errorsOf(res.Diagnostics))
			continue
		}
		if err := os.WriteFile(out, res.Document, 0o644); err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, pair{in, out})
	}
	t.Logf("corpus files: %d; without a bucket (as read): %d; converted: %d", len(inputs), noBucket, len(pairs))
	if len(pairs) == 0 {
		t.Logf("no corpus file converted (is the aws-exports reader in place?)")
		return
	}

	// Oracle on inputs and outputs, one node process each.
	runOracle := func(files []string) []oracleResult {
		cmd := exec.Command(node, append([]string{filepath.Join(cache, "oracle.mjs")}, files...)...)
		cmd.Dir = cache
		stdout, err := cmd.Output()
		if err != nil {
			t.Fatalf("oracle.mjs: %v", err)
		}
		var rs []oracleResult
		sc := bufio.NewScanner(bytes.NewReader(stdout))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var r oracleResult
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("oracle output %q: %v", sc.Text(), err)
			}
			rs = append(rs, r)
		}
		if len(rs) != len(files) {
			t.Fatalf("oracle gave %d results for %d files", len(rs), len(files))
		}
		return rs
	}
	var ins, outs []string
	for _, p := range pairs {
		ins, outs = append(ins, p.in), append(outs, p.out)
	}
	gen1, gen2 := runOracle(ins), runOracle(outs)
	agree, gen1Unread := 0, 0
	for i, p := range pairs {
		a, b := gen1[i], gen2[i]
		if a.Error != "" || a.Bucket == nil {
			gen1Unread++ // aws-amplify itself reads no bucket from the Gen 1 file (native configs)
			if b.Bucket == nil {
				t.Errorf("%s: the Gen 2 output gives aws-amplify no bucket (%s)", p.in, b.Error)
			}
			continue
		}
		if b.Bucket == nil || *a.Bucket != *b.Bucket || str(a.Region) != str(b.Region) {
			t.Errorf("%s: aws-amplify reads bucket %q region %q from Gen 1 but %q %q from Gen 2 (%s)",
				p.in, str(a.Bucket), str(a.Region), str(b.Bucket), str(b.Region), b.Error)
			continue
		}
		agree++
	}
	t.Logf("oracle: %d agree, %d Gen 1 inputs aws-amplify reads no bucket from, %d disagree",
		agree, gen1Unread, len(pairs)-agree-gen1Unread)

	cmd := exec.Command(node, filepath.Join(cache, "official-validate.mjs"), outDir)
	cmd.Dir = cache
	stdout, err := cmd.Output()
	ok, bad := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(string(stdout)), "\n") {
		switch {
		case strings.HasSuffix(line, "\tok"):
			ok++
		case line != "":
			bad++
			t.Errorf("official schema: %s", line)
		}
	}
	if err != nil && bad == 0 {
		t.Errorf("official-validate.mjs: %v", err)
	}
	t.Logf("official schema: %d ok, %d invalid", ok, bad)
}

func str(s *string) string {
	if s == nil {
		return "<none>"
	}
	return *s
}
