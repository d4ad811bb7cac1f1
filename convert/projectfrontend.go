package convert

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// RuleStaleCopy: a frontend config names another bucket or table name, or region, than the
// backend (or another frontend copy) for the same resource. The same rule as validate's
// cross-check.
const RuleStaleCopy = validate.RuleStaleCopy

// frontBucket is one frontend config's bucket, claimed for a backend bucket.
type frontBucket struct {
	doc *Document
	b   schema.Bucket
}

// frontTable is one frontend config's table, claimed for a backend table.
type frontTable struct {
	doc *Document
	t   schema.Table
}

// applyFrontends lets the frontend configs of a Gen 1 project with a backend confirm or
// correct the backend's buckets and tables. The backend decides what storage there is:
//
//   - a name from team-provider-info.json or amplify-meta.json stays; a frontend copy naming
//     another is a stale copy (reported with both places);
//   - a derived name (amplify-cli's naming rule) is replaced by what the frontend copies name;
//     when several copies disagree, the one that equals the derived name wins, else the first
//     (path order), and every other is a stale copy;
//   - a region from the backend stays; a frontend copy with another region is reported (the
//     project's own region, aws_project_region, as well as each bucket's and table's);
//   - storage a frontend config names that no backend resource of env matches is reported
//     (RuleFrontendOnly) and not converted.
//
// Each frontend bucket (table) is matched to a backend one by physical name, else by the
// resource's base name (or, for tables, resource name) starting it, else as the only one.
func (m *merger) applyFrontends(env string) {
	model := &m.p.Model
	bucketClaims := make([][]frontBucket, len(model.Buckets))
	tableClaims := make([][]frontTable, len(model.Tables))
	for _, d := range m.frontends {
		for _, fb := range d.Model.Buckets {
			if !fb.BucketName.Set || fb.BucketName.Value == "" {
				continue
			}
			i := slices.IndexFunc(model.Buckets, func(b schema.Bucket) bool { return b.BucketName.Value == fb.BucketName.Value })
			if i < 0 {
				i = m.guessBucket(fb.BucketName.Value)
			}
			if i < 0 {
				m.note(fb.BucketName.Pos, validate.Warning, RuleFrontendOnly,
					"bucket %q is in no Gen 1 storage resource of env %q; it is not converted: the amplify/ backend decides the project's storage (add the bucket with `amplify import storage`, or regenerate this stale config with `amplify pull`)",
					fb.BucketName.Value, env)
				continue
			}
			bucketClaims[i] = append(bucketClaims[i], frontBucket{d, fb})
		}
		for _, ft := range d.Model.Tables {
			if !ft.TableName.Set || ft.TableName.Value == "" {
				continue
			}
			i := slices.IndexFunc(model.Tables, func(t schema.Table) bool { return t.TableName.Value == ft.TableName.Value })
			if i < 0 {
				i = m.guessTable(ft.TableName.Value)
			}
			if i < 0 {
				m.note(ft.TableName.Pos, validate.Warning, RuleFrontendOnly,
					"table %q is in no Gen 1 storage resource of env %q; it is not converted: the amplify/ backend decides the project's storage (add the table with `amplify import storage`, or regenerate this stale config with `amplify pull`)",
					ft.TableName.Value, env)
				continue
			}
			tableClaims[i] = append(tableClaims[i], frontTable{d, ft})
		}
	}
	projectRegions := make([]schema.String, len(m.frontends))
	for i, d := range m.frontends {
		projectRegions[i] = d.Model.ProjectRegion
	}
	m.settleRegion("the project (aws_project_region)", &model.ProjectRegion, projectRegions)
	for i, claims := range bucketClaims {
		m.settleBucket(&model.Buckets[i], claims)
	}
	for i, claims := range tableClaims {
		m.settleTable(&model.Tables[i], claims)
	}
}

// settleName decides a resource's physical name from the backend's (current, derived or
// unset) and the frontend copies' names (in path order). It returns the index of the claim
// whose value is used (-1: the backend's stays) and reports every copy that disagrees.
func (m *merger) settleName(kind, resource string, current schema.String, derived bool, names []schema.String) int {
	if len(names) == 0 {
		return -1
	}
	chosen := -1
	switch {
	case current.Set && !derived:
		// The backend's own name (team-provider-info.json, amplify-meta.json) stays.
	case derived:
		chosen = slices.IndexFunc(names, func(s schema.String) bool { return s.Value == current.Value })
		if chosen < 0 {
			chosen = 0
			m.note(names[0].Pos, validate.Warning, RuleDerivedNameMismatch,
				"this config names %s %q for storage resource %q, but amplify-cli's naming gives %q (from %s); using %q",
				kind, names[0].Value, resource, current.Value, current.Pos.String(), names[0].Value)
		}
	default:
		chosen = 0
	}
	used, usedFrom := current, "the backend"
	switch {
	case chosen >= 0:
		used, usedFrom = names[chosen], "another copy"
	case current.Pos.File() != "":
		usedFrom = sourceLabel(current.Pos.File())
	}
	for i, n := range names {
		if i == chosen || n.Value == used.Value {
			continue
		}
		why := ""
		if chosen >= 0 && derived && used.Value == current.Value {
			why = ", as amplify-cli's naming gives"
		}
		m.note(n.Pos, validate.Warning, RuleStaleCopy,
			"this config names %s %q for storage resource %q, but %s names %q at %s%s; using %q: this copy is stale (regenerate it with `amplify pull`, or correct it)",
			kind, n.Value, resource, usedFrom, used.Value, used.Pos.String(), why, used.Value)
	}
	return chosen
}

// settleRegion keeps the backend's region (or takes the first frontend one when it has none)
// and reports every frontend copy that says another. what names the resource in messages.
func (m *merger) settleRegion(what string, current *schema.String, regions []schema.String) {
	for _, r := range regions {
		if !r.Set || r.Value == "" {
			continue
		}
		if !current.Set || current.Value == "" {
			*current = r
			continue
		}
		if r.Value != current.Value {
			m.note(r.Pos, validate.Warning, RuleStaleCopy,
				"this config puts %s in region %q, but %s says %q at %s; using %q: this copy is stale (regenerate it with `amplify pull`, or correct it)",
				what, r.Value, sourceLabel(current.Pos.File()), current.Value, current.Pos.String(), current.Value)
		}
	}
}

func (m *merger) settleBucket(b *schema.Bucket, claims []frontBucket) {
	if len(claims) == 0 {
		return
	}
	names, regions := make([]schema.String, len(claims)), make([]schema.String, len(claims))
	for i, c := range claims {
		names[i], regions[i] = c.b.BucketName, c.b.Region
	}
	m.settleResource("bucket", b.Name.Value, &b.BucketName, &b.DerivedName, &b.Region, names, regions)
	// Settings only the frontend configs hold: copies naming the bucket as used first.
	agreeing := slices.SortedStableFunc(slices.Values(claims), func(x, y frontBucket) int {
		return boolOrder(x.b.BucketName.Value != b.BucketName.Value, y.b.BucketName.Value != b.BucketName.Value)
	})
	for _, c := range agreeing {
		fb := c.b
		b.Default = b.Default || fb.Default
		if fb.TestEndpoint.Set && !b.TestEndpoint.Set {
			b.TestEndpoint = fb.TestEndpoint
		}
		if fb.Gen1 != nil && fb.Gen1.DefaultAccessLevel.Set && (b.Gen1 == nil || !b.Gen1.DefaultAccessLevel.Set) {
			g := schema.Gen1Access{}
			if b.Gen1 != nil {
				g = *b.Gen1
			}
			g.DefaultAccessLevel = fb.Gen1.DefaultAccessLevel
			b.Gen1 = &g
		}
	}
}

func (m *merger) settleTable(t *schema.Table, claims []frontTable) {
	if len(claims) == 0 {
		return
	}
	names, regions := make([]schema.String, len(claims)), make([]schema.String, len(claims))
	for i, c := range claims {
		names[i], regions[i] = c.t.TableName, c.t.Region
	}
	m.settleResource("table", t.Name.Value, &t.TableName, &t.DerivedName, &t.Region, names, regions)
}

// settleResource settles a bucket's or table's physical name and region from the frontend
// copies' claims (names and regions, one each per copy): the name the project resolves to
// (see settleName), and the region (see settleRegion).
func (m *merger) settleResource(kind, resource string, name *schema.String, derived *bool, region *schema.String, names, regions []schema.String) {
	if chosen := m.settleName(kind, resource, *name, *derived, names); chosen >= 0 {
		*name, *derived = names[chosen], false
	}
	m.settleRegion(kind+" "+strconv.Quote(resource), region, regions)
}

// boolOrder orders false before true.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// guessBucket finds the backend bucket a frontend bucket name belongs to when no name matches
// exactly: the only one whose base name starts it; else, among buckets whose name is derived
// or unknown, the only one; else the only bucket at all. -1 when none or several fit.
func (m *merger) guessBucket(name string) int {
	var open, prefixed []int
	for i, b := range m.p.Model.Buckets {
		if base := m.baseName(b.Name.Value); base != "" && strings.HasPrefix(strings.ToLower(name), strings.ToLower(base)) {
			prefixed = append(prefixed, i)
		}
		if !b.BucketName.Set || b.DerivedName {
			open = append(open, i)
		}
	}
	switch {
	case len(prefixed) == 1:
		return prefixed[0]
	case len(prefixed) > 1:
		return -1
	case len(open) == 1:
		return open[0]
	case len(m.p.Model.Buckets) == 1:
		return 0
	}
	return -1
}

// guessTable finds the backend table a frontend table name belongs to when no name matches
// exactly: the only one whose base name (else resource name) starts it, case-insensitively;
// else the only table. -1 when none or several fit.
func (m *merger) guessTable(name string) int {
	var prefixed []int
	for i, t := range m.p.Model.Tables {
		base := m.baseName(t.Name.Value)
		if base == "" {
			base = t.Name.Value
		}
		if base != "" && strings.HasPrefix(strings.ToLower(name), strings.ToLower(base)) {
			prefixed = append(prefixed, i)
		}
	}
	switch {
	case len(prefixed) == 1:
		return prefixed[0]
	case len(prefixed) == 0 && len(m.p.Model.Tables) == 1:
		return 0
	}
	return -1
}

// baseName returns a resource's cli-inputs bucketName or tableName ("" when none).
func (m *merger) baseName(resource string) string {
	if d := m.cliInputs[resource]; d != nil {
		for _, r := range d.Model.Resources {
			if r.Name.Value == resource {
				return r.BaseName.Value
			}
		}
	}
	return ""
}

// sourceLabel names the file a value comes from, for messages.
func sourceLabel(file string) string {
	if file == "" {
		return "the backend"
	}
	return filepath.Base(file)
}
