package hostingenv

import (
	"fmt"
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Check compares actual (the process environment from FromEnviron, or a dotenv file from
// ParseDotenv) with the variables a Hosting build of env needs (see Variables) and reports:
// missing variables (RuleMissing), variables set but not needed (RuleUnneeded), unknown
// AMPLIFY_STORAGE_* names (RuleUnknownVariable), a malformed AMPLIFY_STORAGE_TABLES
// (RuleTablesJSON, positioned inside the JSON), table keys that match no imported resource
// (RuleUnknownTableKey, with the closest name) or resources with no key (RuleMissingTableKey),
// a region, bucket or table other than the project's (RuleRegionMismatch, RuleBucketMismatch,
// RuleTableMismatch) and names that break the AWS naming rules (RuleBucketName, RuleTableName).
// Each message names the Hosting build error the finding prevents. source names the
// environment in findings about absent variables ("environment", or the dotenv file's name).
func Check(m *schema.Model, env string, actual map[string]Entry, source string) []validate.Diagnostic {
	want, diags := Variables(m, env)
	env, _ = selectEnv(m, env)
	c := checker{im: collect(m, env), want: want.Map(), actual: actual, source: source}
	c.diags = diags
	for _, name := range knownVars {
		_, needed := c.want[name]
		_, present := actual[name]
		switch {
		case needed && !c.set(name):
			c.missing(name)
		case !needed && present:
			c.unneeded(name)
		}
	}
	c.unknownNames()
	if c.set(BucketNameVar) {
		c.checkBucket(actual[BucketNameVar])
	}
	if _, needed := c.want[RegionVar]; needed && c.set(RegionVar) {
		c.checkRegion(actual[RegionVar])
	}
	if _, needed := c.want[TablesVar]; needed && c.set(TablesVar) {
		c.checkTables(actual[TablesVar])
	}
	return validate.Sort(c.diags)
}

type checker struct {
	im     imported
	want   map[string]string
	actual map[string]Entry
	source string
	diags  []validate.Diagnostic
}

// set reports whether name is set to a non-empty value (amplify-cli treats "" as missing).
func (c *checker) set(name string) bool { return c.actual[name].Value != "" }

func (c *checker) add(d validate.Diagnostic) { c.diags = append(c.diags, d) }

// cliMissing returns the amplify-cli error one importer throws with the current variables:
// the S3 importer (bucket true) wants bucketName and region, the DynamoDB one tables and region.
func (c *checker) cliMissing(bucket bool) string {
	var missing []string
	if bucket && !c.set(BucketNameVar) {
		missing = append(missing, "bucketName")
	}
	if !bucket && !c.set(TablesVar) {
		missing = append(missing, "tables")
	}
	if !c.set(RegionVar) {
		missing = append(missing, "region")
	}
	return cliMissingParams + strings.Join(missing, ", ")
}

func (c *checker) missing(name string) {
	how := "is not set"
	if _, present := c.actual[name]; present {
		how = "is set but empty, which amplify-cli treats as missing"
	}
	var fails []string
	if name != TablesVar && len(c.im.buckets) > 0 {
		fails = append(fails, fmt.Sprintf("%q (imported S3 resource %q)", c.cliMissing(true), c.im.buckets[0].Name.Value))
	}
	if name != BucketNameVar && len(c.im.tables) > 0 {
		fails = append(fails, fmt.Sprintf("%q (imported DynamoDB resource(s) %s)", c.cliMissing(false), c.tableResourceList()))
	}
	c.add(validate.At(schema.InFile(c.source), validate.Error, RuleMissing,
		"%s %s; the Hosting build fails with %s: set %s=%s (Hosting > Environment variables, for env %q)",
		name, how, strings.Join(fails, " and "), name, ShellQuote(c.want[name]), c.im.env))
}

func (c *checker) tableResourceList() string {
	var names []string
	for _, t := range c.im.tables {
		names = append(names, fmt.Sprintf("%q", t.Name.Value))
	}
	slices.Sort(names)
	return strings.Join(slices.Compact(names), ", ")
}

func (c *checker) unneeded(name string) {
	e := c.actual[name]
	sev := validate.Warning
	var why string
	switch name {
	case BucketNameVar:
		why = "no S3 bucket is imported, and amplify-cli reads storage.bucketName only for an imported S3 resource"
		if len(c.im.tables) > 0 {
			sev = validate.Info
			why += " (some Hosting build images once needed a placeholder here before they passed the tables on; current ones do not)"
		}
	case RegionVar:
		why = "nothing is imported, and amplify-cli reads storage.region only for imported storage"
	case TablesVar:
		why = "no DynamoDB table is imported, and amplify-cli reads storage.tables only for imported DynamoDB resources"
	}
	c.add(e.diagAt(0, sev, RuleUnneeded,
		"%s is set but env %q does not need it: %s; remove it so the build settings say what the build uses (it prevents no Hosting build error)",
		name, c.im.env, why))
}

// unknownNames reports AMPLIFY_STORAGE_* names the Hosting build does not read.
func (c *checker) unknownNames() {
	for name, e := range c.actual {
		if !strings.HasPrefix(strings.ToUpper(name), "AMPLIFY_STORAGE_") || slices.Contains(knownVars[:], name) {
			continue
		}
		hint := "the Hosting build reads only " + strings.Join(knownVars[:], ", ")
		if s := closest(name, knownVars[:]); s != "" {
			hint = fmt.Sprintf("did you mean %s? ", s) + hint
		}
		c.add(e.diagAt(0, validate.Warning, RuleUnknownVariable,
			"%s is not a variable the Hosting build reads; %s (a misspelt name leaves the real one unset and the build fails with %q)",
			name, hint, cliMissingParams+"…"))
	}
}

func (c *checker) checkBucket(e Entry) {
	for _, p := range validate.BucketNameProblems(e.Value) {
		if p.Severity != validate.Error {
			continue
		}
		c.add(e.diagAt(0, validate.Error, RuleBucketName, "%s: %s; the Hosting build fails with %q",
			BucketNameVar, p.Message, fmt.Sprintf(cliBucketNotFnd, e.Value)))
	}
	if want, ok := c.want[BucketNameVar]; ok && want != "" && e.Value != want {
		c.add(e.diagAt(0, validate.Warning, RuleBucketMismatch,
			"%s is %q but env %q imports bucket %q; the build would import the other bucket into this env (or fail with %q if it does not exist): set %s=%s",
			BucketNameVar, e.Value, c.im.env, want, fmt.Sprintf(cliBucketNotFnd, e.Value), BucketNameVar, ShellQuote(want)))
	}
}

func (c *checker) checkRegion(e Entry) {
	want := c.want[RegionVar]
	if want == "" || e.Value == want {
		return
	}
	hint := ""
	if _, status := validate.LookupRegion(e.Value); status == validate.RegionMalformed {
		hint = " and is not an AWS region name"
		if s := validate.SuggestRegion(e.Value); s != "" {
			hint += fmt.Sprintf(" (did you mean %q?)", s)
		}
	}
	c.add(e.diagAt(0, validate.Warning, RuleRegionMismatch,
		"%s is %q%s but env %q's imported storage is in %q; amplify-cli only checks that it is non-empty (so it prevents %q), but code that reads it would talk to the wrong region: set %s=%s",
		RegionVar, e.Value, hint, c.im.env, want, cliMissingParams+"region", RegionVar, ShellQuote(want)))
}
