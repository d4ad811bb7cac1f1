package outputs

import (
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Build turns the storage model into the outputs of opts.Version. It never fails: what it
// cannot write is a Finding (errors for a missing default bucket, bucket name or region; a
// warning naming --outputs-version for what the version cannot hold).
//
// The default bucket (storage.bucket_name and storage.aws_region) is the one named by
// opts.DefaultBucket when given, else the one the model marks Default, else the only one.
// Friendly names are the Gen 1 resource names when known, else derived (see FriendlyName).
func Build(m *schema.Model, opts BuildOptions) (*Outputs, []Finding) {
	var fs []Finding
	version := opts.Version
	if version == "" {
		version = DefaultVersion
	}
	if !KnownVersion(version) {
		fs = append(fs, validate.Diagnostic{Severity: validate.Error, Rule: RuleUnknownVersion,
			Message: "unknown outputs version \"" + version + "\" (valid: " +
				strings.Join(Versions(), ", ") + "); pass one of them with --outputs-version"})
		version = DefaultVersion
	}
	out := &Outputs{Version: version}

	buckets, bfs := buildBuckets(m)
	fs = append(fs, bfs...)
	if len(buckets) > 0 {
		def, dfs := chooseDefault(m, buckets, opts.DefaultBucket)
		fs = append(fs, dfs...)
		if def >= 0 {
			buckets[def].Default = true
			out.Storage = &Storage{AWSRegion: buckets[def].AWSRegion, BucketName: buckets[def].BucketName,
				Buckets: buckets}
		}
	}
	if out.Storage != nil {
		fs = append(fs, fitVersion(out.Storage, version)...)
	}
	if !opts.NoTables {
		out.Tables, bfs = buildTables(m)
		fs = append(fs, bfs...)
	}
	return out, validate.Sort(fs)
}

// buildBuckets converts every bucket that has a physical name and a region.
func buildBuckets(m *schema.Model) ([]Bucket, []Finding) {
	var fs []Finding
	var out []Bucket
	names := FriendlyNames(m)
	for i, b := range m.Buckets {
		pos := firstPos(b.BucketName.Pos, b.Name.Pos)
		if b.BucketName.Value == "" {
			fs = append(fs, validate.At(pos, validate.Error, RuleMissingBucketName,
				"bucket %q has no physical bucket name; add it to the Gen 1 configuration (or pass the environment with --env)",
				b.Name.Value))
			continue
		}
		region := b.Region.Value
		if region == "" {
			if m.ProjectRegion.Value == "" {
				fs = append(fs, validate.At(pos, validate.Error, RuleMissingRegion,
					"bucket %q has no region and the project has none; add the bucket's region to the Gen 1 configuration",
					b.BucketName.Value))
				continue
			}
			region = m.ProjectRegion.Value
			fs = append(fs, validate.At(pos, validate.Warning, RuleMissingRegion,
				"bucket %q has no region; using the project region %q", b.BucketName.Value, region))
		}
		ob := Bucket{Name: names[i].Name, NameDerived: names[i].Derived, BucketName: b.BucketName.Value,
			AWSRegion: region, BucketNameDerived: b.DerivedName, Source: pos}
		if names[i].Derived {
			fs = append(fs, validate.At(pos, validate.Info, RuleDerivedName,
				"bucket %q has no Gen 1 resource name; its friendly name is %q (derived from the bucket name)",
				b.BucketName.Value, names[i].Name))
		}
		for _, p := range b.Paths {
			op := Path{Path: p.Path.Value}
			for _, r := range p.Rules {
				rule := Rule{Principal: r.Principal.Value}
				for _, a := range r.Actions {
					rule.Actions = append(rule.Actions, a.Value)
				}
				op.Rules = append(op.Rules, rule)
			}
			if len(op.Rules) > 0 {
				ob.Paths = append(ob.Paths, op)
			}
		}
		out = append(out, ob)
	}
	return out, fs
}

// chooseDefault returns the index of the default bucket in buckets, or -1 with an error.
func chooseDefault(m *schema.Model, buckets []Bucket, flag string) (int, []Finding) {
	marked := -1
	for _, b := range m.Buckets {
		if b.Default {
			for j, ob := range buckets {
				if ob.BucketName == b.BucketName.Value {
					marked = j
					break
				}
			}
			break
		}
	}
	if flag != "" {
		for i, b := range buckets {
			if b.Name == flag || b.BucketName == flag {
				var fs []Finding
				if marked >= 0 && marked != i {
					fs = append(fs, validate.At(buckets[marked].Source, validate.Info, RuleDefaultBucket,
						"the configuration names %q as the default bucket; using %q as --default-bucket asks",
						buckets[marked].BucketName, b.BucketName))
				}
				return i, fs
			}
		}
		return -1, []Finding{{Severity: validate.Error, Rule: RuleDefaultBucket,
			Message: "--default-bucket " + quote(flag) + " names no bucket; valid: " + bucketChoices(buckets)}}
	}
	switch {
	case marked >= 0:
		return marked, nil
	case len(buckets) == 1:
		return 0, nil
	}
	return -1, []Finding{{Severity: validate.Error, Rule: RuleDefaultBucket,
		Message: "several buckets and none is the default; choose one with --default-bucket NAME (valid: " +
			bucketChoices(buckets) + ")"}}
}

// bucketChoices lists the buckets' friendly names, sorted, with their physical names.
func bucketChoices(buckets []Bucket) string {
	var s []string
	for _, b := range buckets {
		s = append(s, quote(b.Name)+" ("+b.BucketName+")")
	}
	slices.Sort(s)
	return strings.Join(s, ", ")
}

// fitVersion drops what version cannot hold, with a warning naming --outputs-version.
func fitVersion(s *Storage, version string) []Finding {
	var fs []Finding
	hasPaths := slices.ContainsFunc(s.Buckets, func(b Bucket) bool { return len(b.Paths) > 0 })
	switch {
	case !HoldsBuckets(version):
		if len(s.Buckets) > 1 {
			fs = append(fs, validate.Diagnostic{Severity: validate.Warning, Rule: RuleVersionDrop,
				Message: "outputs version \"" + version + "\" has no storage.buckets: " +
					itoa(len(s.Buckets)-1) + " bucket(s) besides the default are left out; use --outputs-version 1.1 or later"})
		}
		if hasPaths {
			fs = append(fs, pathsDropped(version))
		}
		s.Buckets = nil
	case !HoldsPaths(version):
		if hasPaths {
			fs = append(fs, pathsDropped(version))
		}
		for i := range s.Buckets {
			s.Buckets[i].Paths = nil
		}
	case version == "1.2" || version == "1.3":
		for _, b := range s.Buckets {
			for _, p := range b.Paths {
				for _, r := range p.Rules {
					if strings.HasPrefix(r.Principal, "groups") || strings.HasPrefix(r.Principal, "entity") {
						return append(fs, validate.Diagnostic{Severity: validate.Warning, Rule: RuleOfficialSchemaBug,
							Message: "outputs version \"" + version + "\": Amplify's official schema for this version rejects " +
								"groups*/entity* access keys (a known Amplify bug) although Amplify writes them; " +
								"use --outputs-version 1.4 or later"})
					}
				}
			}
		}
	}
	return fs
}

func pathsDropped(version string) Finding {
	return validate.Diagnostic{Severity: validate.Warning, Rule: RuleVersionDrop,
		Message: "outputs version \"" + version + "\" has no storage.buckets[].paths: the access paths are left out; " +
			"use --outputs-version 1.2 or later"}
}

// buildTables converts the model's tables; tables without a name or region are left out.
func buildTables(m *schema.Model) ([]Table, []Finding) {
	var fs []Finding
	var out []Table
	for _, t := range m.Tables {
		pos := firstPos(t.TableName.Pos, t.Name.Pos)
		if t.TableName.Value == "" {
			fs = append(fs, validate.At(pos, validate.Warning, RuleMissingTableName,
				"table %q has no physical table name; it is left out of custom.dynamodb_tables", t.Name.Value))
			continue
		}
		region := t.Region.Value
		if region == "" {
			region = m.ProjectRegion.Value
		}
		if region == "" {
			fs = append(fs, validate.At(pos, validate.Warning, RuleMissingRegion,
				"table %q has no region and the project has none; it is left out of custom.dynamodb_tables",
				t.TableName.Value))
			continue
		}
		name := t.Name.Value
		if name == "" {
			name = t.TableName.Value
		}
		ot := Table{Name: name, TableName: t.TableName.Value, AWSRegion: region, ARN: t.ARN.Value,
			StreamARN: t.StreamARN.Value, TableNameDerived: t.DerivedName, Source: pos}
		var kfs []Finding
		ot.PartitionKey, kfs = buildKey(t.PartitionKey, t.TableName.Value, "partition")
		fs = append(fs, kfs...)
		ot.SortKey, kfs = buildKey(t.SortKey, t.TableName.Value, "sort")
		fs = append(fs, kfs...)
		out = append(out, ot)
	}
	return out, fs
}

func buildKey(k *schema.Key, table, which string) (*Key, []Finding) {
	if k == nil || k.Name.Value == "" {
		return nil, nil
	}
	switch k.Type.Value {
	case "S", "N", "B":
		return &Key{Name: k.Name.Value, Type: k.Type.Value}, nil
	}
	return nil, []Finding{validate.At(firstPos(k.Type.Pos, k.Name.Pos), validate.Warning, RuleKeyType,
		"table %q: %s key %q has type %q; valid types: B, N, S; the key is left out",
		table, which, k.Name.Value, k.Type.Value)}
}

func firstPos(ps ...schema.Pos) schema.Pos {
	for _, p := range ps {
		if !p.IsZero() {
			return p
		}
	}
	return schema.Pos{}
}
