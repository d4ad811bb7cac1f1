package validate

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// SourceModel is the model read from one source of a project.
type SourceModel struct {
	File   string
	Format schema.Format
	Model  *schema.Model
	// Resolved marks the project's merged model (what loading the project settled on, values
	// positioned in the files they came from): the reference every copy is compared with, so
	// that of two frontend copies the one that disagrees with the project is the stale one.
	Resolved bool
}

// sourceAuthority ranks formats by how directly they come from the deployed backend: a stale
// copy is the less authoritative of two that disagree. Lower is more authoritative.
func sourceAuthority(f schema.Format) int {
	order := []schema.Format{schema.TeamProviderInfo, schema.AmplifyMeta, schema.CLIInputs,
		schema.BackendConfig, schema.AmplifyOutputs, schema.AmplifyOutputsDart, schema.AWSExports,
		schema.AmplifyConfigWeb, schema.AmplifyConfigNative, schema.AmplifyConfigDart, schema.AWSConfiguration}
	if i := slices.Index(order, f); i >= 0 {
		return i
	}
	return len(order)
}

// crossEntry is one bucket or table as one source describes it.
type crossEntry struct {
	src       int
	file      string
	format    schema.Format
	table     bool
	name      schema.String
	sole      bool // the default bucket, or the only bucket (table) of its source
	physical  schema.String
	region    schema.String
	derived   bool
	authority int
}

// CrossCheck compares the sources of one project: the same resource must have the same bucket
// (table) name and region in aws-exports, every amplifyconfiguration copy, team-provider-info
// for env, amplify-meta and amplify_outputs. Resources match by resource name when both
// sources give one, else the default (or only) bucket matches the default bucket, and the only
// table the only table. Each disagreement is reported once, at the value of the less
// authoritative source (rule project/stale-copy), naming the other source's location and
// value. An empty env means the CurrentEnv some source gives (local-env-info.json).
func CrossCheck(env string, sources []SourceModel) []Diagnostic {
	if env == "" {
		for _, s := range sources {
			if s.Model != nil && s.Model.CurrentEnv.Set && s.Model.CurrentEnv.Value != "" {
				env = s.Model.CurrentEnv.Value
				break
			}
		}
	}
	// In a Gen 1 project amplify_outputs is what `migrate` writes from the other sources: the
	// least authoritative copy (blamed when it disagrees; `migrate --check` tells the same).
	gen1 := slices.ContainsFunc(sources, func(s SourceModel) bool {
		return s.Format == schema.TeamProviderInfo || s.Format == schema.BackendConfig || s.Format == schema.AmplifyMeta
	})
	var entries []crossEntry
	for i, s := range sources {
		for _, e := range crossEntries(i, s, env) {
			if gen1 && (e.format == schema.AmplifyOutputs || e.format == schema.AmplifyOutputsDart) {
				e.authority = sourceAuthority(schema.FormatUnknown) + 1
			}
			entries = append(entries, e)
		}
	}
	slices.SortStableFunc(entries, func(a, b crossEntry) int {
		return cmp.Or(cmp.Compare(a.authority, b.authority), cmp.Compare(a.src, b.src))
	})
	var ds []Diagnostic
	for i, e := range entries {
		for _, field := range []string{"name", "region"} {
			value := e.field(field)
			if !crossComparable(value, e.derived && field == "name") {
				continue
			}
			for _, ref := range entries[:i] {
				if ref.src == e.src || !ref.matches(e) {
					continue
				}
				rv := ref.field(field)
				if !crossComparable(rv, ref.derived && field == "name") {
					continue
				}
				if rv.Value != value.Value {
					ds = append(ds, At(value.Pos, Error, RuleStaleCopy,
						"%s %s %q differs from %q at %s (%s); one of the copies is stale: regenerate this file from the backend or correct it",
						e.label(ref), e.fieldWord(field), value.Value, rv.Value, rv.Pos.String(), ref.format))
				}
				break
			}
		}
	}
	return Sort(ds)
}

func crossEntries(src int, s SourceModel, env string) []crossEntry {
	m := s.Model
	if m == nil {
		return nil
	}
	envs := map[string]bool{}
	for _, b := range m.Buckets {
		envs[b.Env] = true
	}
	for _, t := range m.Tables {
		envs[t.Env] = true
	}
	keep := func(entryEnv string) bool {
		if entryEnv == "" {
			return true
		}
		if env == "" {
			return len(envs) == 1
		}
		return entryEnv == env
	}
	base := crossEntry{src: src, file: s.File, format: s.Format, authority: sourceAuthority(s.Format)}
	if s.Resolved {
		base.authority, base.format = -1, "the project's resolved value"
	}
	var buckets, tables []crossEntry
	for _, b := range m.Buckets {
		if !keep(b.Env) {
			continue
		}
		e := base
		e.name, e.physical, e.region, e.derived, e.sole = b.Name, b.BucketName, b.Region, b.DerivedName, b.Default
		buckets = append(buckets, e)
	}
	if len(buckets) == 1 {
		buckets[0].sole = true
	}
	for _, t := range m.Tables {
		if !keep(t.Env) {
			continue
		}
		e := base
		e.table = true
		e.name, e.physical, e.region, e.derived = t.Name, t.TableName, t.Region, t.DerivedName
		tables = append(tables, e)
	}
	if len(tables) == 1 {
		tables[0].sole = true
	}
	return append(buckets, tables...)
}

// crossComparable reports whether a value can be compared across sources: read from a file, not
// derived, not a placeholder (reported on its own).
func crossComparable(s schema.String, derived bool) bool {
	return s.Set && s.Value != "" && !derived && !s.Pos.IsZero() && PlaceholderKind(s.Value) == ""
}

func (e crossEntry) matches(o crossEntry) bool {
	if e.table != o.table {
		return false
	}
	if e.name.Set && e.name.Value != "" && o.name.Set && o.name.Value != "" {
		return e.name.Value == o.name.Value
	}
	return e.sole && o.sole
}

func (e crossEntry) field(name string) schema.String {
	if name == "name" {
		return e.physical
	}
	return e.region
}

func (e crossEntry) fieldWord(name string) string {
	switch {
	case name == "region":
		return "region"
	case e.table:
		return "table name"
	default:
		return "bucket name"
	}
}

// label names the resource for a message, by its own resource name or else its match's.
func (e crossEntry) label(match crossEntry) string {
	kind := "bucket"
	if e.table {
		kind = "table"
	}
	for _, n := range []schema.String{e.name, match.name} {
		if n.Set && n.Value != "" {
			return fmt.Sprintf("%s %q:", kind, n.Value)
		}
	}
	if e.table {
		return "table:"
	}
	return "default bucket:"
}
