package validate_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// repoRoot is the module root, relative to this package's directory.
const repoRoot = ".."

// checkFixture reads one fixture the way the CLI does and returns every finding: the reader's
// and Check's.
func checkFixture(t *testing.T, rel string) []validate.Diagnostic {
	t.Helper()
	doc, err := convert.ReadFile(context.Background(), rel, convert.ReadOptions{})
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	ds := slices.Clone(doc.Diagnostics)
	if !doc.Failed() {
		model := doc.Model
		ds = append(ds, validate.Check(validate.Input{File: doc.File, Format: doc.Format, Model: &model,
			Value: doc.Value(), Locate: doc.Locate, Lines: doc.Lines}, validate.Options{})...)
	}
	return validate.Sort(ds)
}

// projectFixtures returns the project directories under dir (for the cross-source rules).
func projectFixtures(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// checkProjectFixture reads every file of a project directory and cross-checks them (the env
// comes from its local-env-info.json). The .out file sits beside the directory.
func checkProjectFixture(t *testing.T, rel string) []validate.Diagnostic {
	t.Helper()
	var sources []validate.SourceModel
	err := filepath.WalkDir(rel, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".json" {
			return err
		}
		doc, err := convert.ReadFile(context.Background(), filepath.ToSlash(path), convert.ReadOptions{})
		if err != nil {
			return err
		}
		if doc.Failed() {
			t.Errorf("%s: %v", path, doc.Diagnostics)
		}
		model := doc.Model
		sources = append(sources, validate.SourceModel{File: doc.File, Format: doc.Format, Model: &model})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return validate.CrossCheck("", sources)
}

// ruleFixtureDirs returns fixtures/rules/<rule>, relative to the repo root.
func ruleFixtureDirs(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("fixtures", "rules", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no rule fixtures under fixtures/rules (%v)", err)
	}
	return dirs
}

func fixtureInputs(dir string) []string {
	var out []string
	for _, ext := range []string{"*.json", "*.js", "*.dart", "*.ts"} {
		m, _ := filepath.Glob(filepath.Join(dir, ext))
		out = append(out, m...)
	}
	slices.Sort(out)
	return out
}

// TestRuleFixtures: fixtures/rules/<rule id, "/" as "_">/ok/* must be clean (no error or
// warning) and err/X must give exactly the findings in err/X.out, among them the directory's
// rule. Regenerate the .out files with: go test ./validate -update
func TestRuleFixtures(t *testing.T) {
	t.Chdir(repoRoot)
	for _, dir := range ruleFixtureDirs(t) {
		rule := strings.ReplaceAll(filepath.Base(dir), "_", "/")
		if _, ok := validate.LookupRule(rule); !ok {
			t.Errorf("%s: %q is not a registered rule", dir, rule)
		}
		check := checkFixture
		inputs := fixtureInputs
		if strings.HasPrefix(rule, "project/") {
			check, inputs = checkProjectFixture, projectFixtures
		}
		oks, errs := inputs(filepath.Join(dir, "ok")), inputs(filepath.Join(dir, "err"))
		if len(oks) == 0 || len(errs) == 0 {
			t.Errorf("%s: want fixtures that pass (ok/) and fixtures that fail (err/)", dir)
		}
		for _, in := range oks {
			rel := filepath.ToSlash(in)
			for _, d := range check(t, rel) {
				if d.Severity != validate.Info {
					t.Errorf("%s must be clean, got: %s", rel, d)
				}
			}
		}
		for _, in := range errs {
			rel := filepath.ToSlash(in)
			var lines []string
			hasRule := false
			for _, d := range check(t, rel) {
				lines = append(lines, d.String())
				hasRule = hasRule || d.Rule == rule
			}
			got := strings.Join(lines, "\n") + "\n"
			golden := strings.TrimSuffix(in, filepath.Ext(in)) + ".out"
			if validate.UpdateGolden() {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if !hasRule {
				t.Errorf("%s must report %s, got:\n%s", rel, rule, got)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Errorf("%v (run go test ./validate -update)", err)
				continue
			}
			if string(want) != got {
				t.Errorf("%s: findings differ from %s\ngot:\n%swant:\n%s", rel, golden, got, want)
			}
		}
	}
}

// ruleIDPattern is what every rule ID looks like.
var ruleIDPattern = regexp.MustCompile(`^[a-z0-9./_-]+$`)

func TestRulesRegistry(t *testing.T) {
	rs := validate.Rules()
	if len(rs) == 0 {
		t.Fatal("no rules")
	}
	for i, r := range rs {
		if !ruleIDPattern.MatchString(r.ID) || !strings.Contains(r.ID, "/") {
			t.Errorf("rule ID %q does not match %s as family/name", r.ID, ruleIDPattern)
		}
		if i > 0 && rs[i-1].ID >= r.ID {
			t.Errorf("rules not sorted or repeated at %q", r.ID)
		}
		if r.Description == "" || strings.Contains(r.Description, "\n") {
			t.Errorf("rule %q needs a one-line description", r.ID)
		}
	}
}

// TestFixtureRulesRegistered: every rule a fixture's expected output names is registered.
func TestFixtureRulesRegistered(t *testing.T) {
	outs, _ := filepath.Glob(filepath.Join(repoRoot, "fixtures", "rules", "*", "err", "*.out"))
	ruleRef := regexp.MustCompile(`\[([^\]]+)\]$`)
	for _, out := range outs {
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			m := ruleRef.FindStringSubmatch(line)
			if m == nil {
				t.Errorf("%s: line without [rule]: %q", out, line)
				continue
			}
			if _, ok := validate.LookupRule(m[1]); !ok {
				t.Errorf("%s: rule %q is not in validate.Rules()", out, m[1])
			}
		}
	}
}

// TestSourceRulesRegistered: every rule ID constant in the project's Go code (a `Rule... =
// "family/name"` declaration) is in validate.Rules(), so `amplify-storage-config rules` lists
// everything the tool can report.
func TestSourceRulesRegistered(t *testing.T) {
	decl := regexp.MustCompile(`\bRule[A-Za-z0-9]*\s*=\s*"([a-z0-9./_-]+/[a-z0-9./_-]+)"`)
	err := filepath.WalkDir(repoRoot, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "fixtures" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != repoRoot) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range decl.FindAllStringSubmatch(string(data), -1) {
			if _, ok := validate.LookupRule(m[1]); !ok {
				t.Errorf("%s declares rule %q, which validate.Rules() does not list", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
