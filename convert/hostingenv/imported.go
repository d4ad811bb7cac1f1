package hostingenv

import (
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// imported is the imported storage of one env: what the Hosting build's headless import sees.
type imported struct {
	env     string
	buckets []schema.Bucket
	tables  []schema.Table
	project schema.String // the project (provider) region
}

// inEnv reports whether a resource of resEnv belongs to env ("" on either side matches: a
// source for one environment only, or no env chosen).
func inEnv(resEnv, env string) bool { return env == "" || resEnv == "" || resEnv == env }

// selectEnv returns the env to use: the given one, else the model's current env, else the only
// env the resources name. With several and none chosen it reports RuleAmbiguousEnv.
func selectEnv(m *schema.Model, env string) (string, []validate.Diagnostic) {
	if env != "" {
		return env, nil
	}
	if m.CurrentEnv.Value != "" {
		return m.CurrentEnv.Value, nil
	}
	var envs []string
	for _, b := range m.Buckets {
		if b.Management == schema.Imported && b.Env != "" {
			envs = append(envs, b.Env)
		}
	}
	for _, t := range m.Tables {
		if t.Management == schema.Imported && t.Env != "" {
			envs = append(envs, t.Env)
		}
	}
	slices.Sort(envs)
	envs = slices.Compact(envs)
	if len(envs) > 1 {
		return "", []validate.Diagnostic{validate.At(m.CurrentEnv.Pos, validate.Error, RuleAmbiguousEnv,
			"the project has imported storage in several environments (%s) and none was chosen; choose one with --env (the Hosting build uses the env connected to the branch)",
			strings.Join(envs, ", "))}
	}
	if len(envs) == 1 {
		return envs[0], nil
	}
	return "", nil
}

// collect gathers the imported buckets and tables of env.
func collect(m *schema.Model, env string) imported {
	im := imported{env: env, project: m.ProjectRegion}
	for _, b := range m.Buckets {
		if b.Management == schema.Imported && inEnv(b.Env, env) {
			im.buckets = append(im.buckets, b)
		}
	}
	for _, t := range m.Tables {
		if t.Management == schema.Imported && inEnv(t.Env, env) {
			im.tables = append(im.tables, t)
		}
	}
	return im
}

// tableNames returns the imported tables keyed by storage resource name.
func (im imported) tableNames() map[string]schema.Table {
	out := make(map[string]schema.Table, len(im.tables))
	for _, t := range im.tables {
		if t.Name.Value != "" {
			out[t.Name.Value] = t
		}
	}
	return out
}

// bucket returns the bucket whose name the variables carry: the default one, else the first.
func (im imported) bucket() (schema.Bucket, bool) {
	if len(im.buckets) == 0 {
		return schema.Bucket{}, false
	}
	for _, b := range im.buckets {
		if b.Default {
			return b, true
		}
	}
	return im.buckets[0], true
}

// bucketRegion is the bucket's region, falling back to the project's.
func (im imported) bucketRegion(b schema.Bucket) string {
	if b.Region.Value != "" {
		return b.Region.Value
	}
	return im.project.Value
}

// tableRegion is a table's region, falling back to the project's (imported tables always live
// in the project's region).
func (im imported) tableRegion(t schema.Table) string {
	if t.Region.Value != "" {
		return t.Region.Value
	}
	return im.project.Value
}

// region is the value AMPLIFY_STORAGE_REGION should hold: the bucket's region when a bucket is
// imported (it is what team-provider-info records for it and what the docs ask for), else the
// tables' region.
func (im imported) region() string {
	if b, ok := im.bucket(); ok {
		return im.bucketRegion(b)
	}
	if len(im.tables) > 0 {
		return im.tableRegion(im.tables[0])
	}
	return ""
}

// needs returns the names of the variables the env needs, in emission order.
func (im imported) needs() []string {
	var out []string
	if len(im.buckets) > 0 {
		out = append(out, BucketNameVar)
	}
	if len(im.buckets) > 0 || len(im.tables) > 0 {
		out = append(out, RegionVar)
	}
	if len(im.tables) > 0 {
		out = append(out, TablesVar)
	}
	return out
}
