package hostingenv

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Variables returns exactly the variables a Hosting build of env needs for its imported
// storage, in the order AMPLIFY_STORAGE_BUCKET_NAME, AMPLIFY_STORAGE_REGION,
// AMPLIFY_STORAGE_TABLES, and diagnostics about what cannot be expressed.
//
// Only resources with Management Imported count, and only those of env (resources with no
// env count for every env). An empty env means the model's current env, else the only env that
// has imported storage. The rule, worked out from amplify-cli's headless importers (see the
// package documentation): region whenever anything is imported; the bucket name whenever an
// S3 bucket is imported; the tables object, keyed by the storage resource names exactly as in
// team-provider-info and sorted, whenever DynamoDB tables are imported. With nothing imported
// it returns no variables and an info diagnostic saying why.
func Variables(m *schema.Model, env string) (Vars, []validate.Diagnostic) {
	env, diags := selectEnv(m, env)
	if validate.HasErrors(diags, false) {
		return nil, diags
	}
	im := collect(m, env)
	if len(im.buckets) == 0 && len(im.tables) == 0 {
		return nil, append(diags, nothingImported(m, env))
	}

	var vars Vars
	if b, ok := im.bucket(); ok {
		if len(im.buckets) > 1 {
			diags = append(diags, multipleBuckets(im, b))
		}
		if b.BucketName.Value == "" {
			diags = append(diags, validate.At(firstPos(b.BucketName.Pos, b.Name.Pos), validate.Error, RuleMissingValue,
				"imported S3 resource %q has no bucketName for env %q; without it the Hosting build fails with %q: run `amplify pull --envName %s` so team-provider-info.json records it",
				b.Name.Value, env, cliMissingParams+"bucketName", env))
		}
		diags = append(diags, nameProblems(b.BucketName, RuleBucketName, "bucket", validate.BucketNameProblems, cliBucketNotFnd)...)
		vars = append(vars, Var{BucketNameVar, b.BucketName.Value})
	}
	vars = append(vars, Var{RegionVar, im.region()})
	diags = append(diags, regionConflicts(im)...)
	if len(im.tables) > 0 {
		value, tableDiags := tablesValue(im)
		diags = append(diags, tableDiags...)
		for _, t := range im.tables {
			diags = append(diags, nameProblems(t.TableName, RuleTableName, "table", validate.TableNameProblems, cliTableNotFnd)...)
		}
		vars = append(vars, Var{TablesVar, value})
	}
	return vars, validate.Sort(diags)
}

// nameProblems reports a bucket or table name (read from team-provider-info) that AWS's naming
// rules refuse: a variable holding it could only make the Hosting build fail.
func nameProblems(name schema.String, rule, what string, problems func(string) []validate.NameProblem, cliError string) []validate.Diagnostic {
	if name.Value == "" {
		return nil
	}
	var diags []validate.Diagnostic
	for _, p := range problems(name.Value) {
		if p.Severity != validate.Error {
			continue
		}
		diags = append(diags, validate.At(name.Pos, validate.Error, rule,
			"imported %s %s; the Hosting build would fail with %q: fix the name in team-provider-info.json (`amplify import storage` again)",
			what, p.Message, fmt.Sprintf(cliError, name.Value)))
	}
	return diags
}

// firstPos returns the first non-zero position.
func firstPos(ps ...schema.Pos) schema.Pos {
	for _, p := range ps {
		if !p.IsZero() {
			return p
		}
	}
	return schema.Pos{}
}

// nothingImported explains why no variable is needed.
func nothingImported(m *schema.Model, env string) validate.Diagnostic {
	managed, elsewhere := 0, map[string]bool{}
	var pos schema.Pos
	note := func(mg schema.Management, resEnv string, p schema.Pos) {
		if pos.IsZero() {
			pos = p
		}
		switch {
		case mg == schema.Imported && !inEnv(resEnv, env):
			elsewhere[resEnv] = true
		case mg == schema.Managed && inEnv(resEnv, env):
			managed++
		}
	}
	for _, b := range m.Buckets {
		note(b.Management, b.Env, b.Name.Pos)
	}
	for _, t := range m.Tables {
		note(t.Management, t.Env, t.Name.Pos)
	}
	where := "the project"
	if env != "" {
		where = fmt.Sprintf("env %q", env)
	}
	msg := fmt.Sprintf("%s has no imported storage, so its Hosting build needs no AMPLIFY_STORAGE_* variable (the headless import that reads them runs only for resources added with `amplify import storage`)", where)
	if managed > 0 {
		msg += fmt.Sprintf("; its %d Amplify-managed storage resource(s) never need them", managed)
	}
	if len(elsewhere) > 0 {
		envs := make([]string, 0, len(elsewhere))
		for e := range elsewhere {
			envs = append(envs, e)
		}
		slices.Sort(envs)
		msg += fmt.Sprintf("; imported storage exists in env(s) %s: choose one with --env", strings.Join(envs, ", "))
	}
	if managed == 0 && len(elsewhere) == 0 && !m.Empty() {
		msg += "; no resource is marked imported: read the project (team-provider-info.json and backend-config.json), not a frontend config"
	}
	return validate.At(pos, validate.Info, RuleNothingImported, "%s", msg)
}

// multipleBuckets explains why a second imported bucket cannot be expressed.
func multipleBuckets(im imported, chosen schema.Bucket) validate.Diagnostic {
	var names []string
	var pos schema.Pos
	for _, b := range im.buckets {
		names = append(names, fmt.Sprintf("%q (%s)", b.Name.Value, b.BucketName.Value))
		if !b.Name.Equal(chosen.Name) && pos.IsZero() {
			pos = b.Name.Pos
		}
	}
	return validate.At(pos, validate.Error, RuleMultipleBuckets,
		"env %q imports %d S3 resources (%s) but AMPLIFY_STORAGE_BUCKET_NAME holds one name, and amplify-cli gives that same storage.bucketName to every imported S3 resource, so all of them would import bucket %q; a Gen 1 project may hold only one S3 resource (amplify-cli refuses a second: \"Amazon S3 storage was already added to your project.\"). Remove the extra ones with `amplify remove storage`. (The similar-looking %q comes from the DynamoDB side: a table resource with no key in AMPLIFY_STORAGE_TABLES.)",
		im.env, len(im.buckets), strings.Join(names, ", "), chosen.BucketName.Value,
		"storage headless expected 1 element for resource")
}

// regionConflicts reports imported storage spread over several regions.
func regionConflicts(im imported) []validate.Diagnostic {
	regions := map[string][]string{}
	var order []string
	add := func(region, what string) {
		if region == "" {
			return
		}
		if _, ok := regions[region]; !ok {
			order = append(order, region)
		}
		regions[region] = append(regions[region], what)
	}
	var pos schema.Pos
	if b, ok := im.bucket(); ok {
		add(im.bucketRegion(b), fmt.Sprintf("bucket %q", b.BucketName.Value))
	}
	for _, t := range im.tables {
		r := im.tableRegion(t)
		if len(order) > 0 && r != order[0] && pos.IsZero() {
			pos = firstPos(t.Region.Pos, t.Name.Pos)
		}
		add(r, fmt.Sprintf("table %q", t.TableName.Value))
	}
	if len(order) < 2 {
		return nil
	}
	var parts []string
	for _, r := range order {
		parts = append(parts, fmt.Sprintf("%s: %s", r, strings.Join(regions[r], ", ")))
	}
	return []validate.Diagnostic{validate.At(pos, validate.Error, RuleRegionConflict,
		"env %q imports storage in %d regions (%s), but a Hosting build has one AMPLIFY_STORAGE_REGION for all of its imported storage, so the variables cannot describe this project: move the imported tables and bucket into one region, or, knowing that amplify-cli only checks the region is non-empty (it asks S3 for the bucket's location and looks tables up in the project region), set the variables by hand with AMPLIFY_STORAGE_REGION=%s and read the other regions from the generated config, not from that variable",
		im.env, len(order), strings.Join(parts, "; "), order[0])}
}

// tablesValue builds the AMPLIFY_STORAGE_TABLES JSON object (keys sorted) and reports tables
// that cannot be keyed.
func tablesValue(im imported) (string, []validate.Diagnostic) {
	var diags []validate.Diagnostic
	obj := map[string]string{}
	for _, t := range im.tables {
		pos := firstPos(t.Name.Pos, t.TableName.Pos)
		name := t.Name.Value
		if name == "" {
			diags = append(diags, validate.At(pos, validate.Error, RuleMissingValue,
				"imported DynamoDB table %q has no storage resource name; AMPLIFY_STORAGE_TABLES needs it as the key, else the Hosting build fails with %q: read team-provider-info.json, where categories.storage holds it",
				t.TableName.Value, fmt.Sprintf(cliExpectedOne, "<name>")))
			continue
		}
		if t.TableName.Value == "" {
			diags = append(diags, validate.At(pos, validate.Error, RuleMissingValue,
				"imported DynamoDB resource %q has no tableName for env %q; without it the Hosting build fails with %q: run `amplify pull --envName %s` so team-provider-info.json records it",
				name, im.env, fmt.Sprintf(cliTableNotFnd, ""), im.env))
		}
		if prev, dup := obj[name]; dup && prev != t.TableName.Value {
			diags = append(diags, validate.At(pos, validate.Error, RuleDuplicateResource,
				"two imported DynamoDB resources are named %q (tables %q and %q); AMPLIFY_STORAGE_TABLES can map the name to one table only: rename one storage resource",
				name, prev, t.TableName.Value))
			continue
		}
		obj[name] = t.TableName.Value
	}
	return marshalTables(obj), diags
}

// marshalTables encodes a tables object with sorted keys and without HTML escaping.
func marshalTables(obj map[string]string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(obj) // a map of strings always encodes
	return strings.TrimSuffix(buf.String(), "\n")
}
