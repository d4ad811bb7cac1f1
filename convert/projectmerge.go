package convert

import (
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// merger builds a Project's model from its documents.
type merger struct {
	p    *Project
	opts ProjectOptions

	tpi, backend, meta, localEnv *Document
	cliInputs                    map[string]*Document // by resource name
	frontends, outputs           []*Document

	// derived holds the notes about derived names until the frontend configs have had their
	// say: a name a frontend config confirms or corrects is no longer derived.
	derived []derivedNote
}

// derivedNote is the project/derived-name finding for one name, said only if it stays derived.
type derivedNote struct {
	kind, resource, env, name, how string
	pos                            schema.Pos
}

func (m *merger) note(pos schema.Pos, sev validate.Severity, rule, format string, args ...any) {
	m.p.Diagnostics = append(m.p.Diagnostics, validate.At(pos, sev, rule, format, args...))
}

// classify sorts the readable documents by role.
func (m *merger) classify() {
	m.cliInputs = map[string]*Document{}
	for _, d := range m.p.Docs {
		if d.Failed() && !d.HasValue() {
			continue
		}
		switch d.Format {
		case schema.TeamProviderInfo:
			m.tpi = d
		case schema.BackendConfig:
			m.backend = d
		case schema.AmplifyMeta:
			m.meta = d
		case schema.LocalEnvInfo:
			m.localEnv = d
		case schema.CLIInputs:
			for _, r := range d.Model.Resources {
				m.cliInputs[r.Name.Value] = d
			}
		case schema.AmplifyOutputs, schema.AmplifyOutputsDart:
			m.outputs = append(m.outputs, d)
		case schema.AWSExports, schema.AmplifyConfigWeb, schema.AmplifyConfigNative, schema.AmplifyConfigDart,
			schema.AWSConfiguration:
			m.frontends = append(m.frontends, d)
		}
	}
}

func (m *merger) merge() {
	m.classify()
	model := &m.p.Model
	if m.localEnv != nil {
		model.CurrentEnv = m.localEnv.Model.CurrentEnv
	}
	if m.tpi == nil && m.backend == nil {
		m.mergeFrontendOnly()
		return
	}
	var at schema.Pos
	if m.tpi != nil {
		m.p.Envs = slices.Clone(m.tpi.Model.Envs)
		model.Envs = slices.Clone(m.tpi.Model.Envs)
		model.Gen1Envs = slices.Clone(m.tpi.Model.Gen1Envs)
		at = schema.At(schema.Place{File: m.tpi.File, Line: 1, Column: 1})
	}
	env, diags, ok := chooseEnv(m.p.Envs, m.opts.Env, model.CurrentEnv, at)
	m.p.Diagnostics = append(m.p.Diagnostics, diags...)
	if !ok && len(diags) > 0 {
		// No usable env: nothing is merged, and no env is named as if it were chosen.
		return
	}
	m.p.Env = env
	for _, d := range m.outputs {
		m.note(schema.InFile(d.File), validate.Info, RuleOutputsIgnored,
			"Gen 2 %s is not read as a source of this Gen 1 project: it is what `amplify-storage-config migrate` writes from the amplify/ backend; `migrate --check` tells whether it is up to date (where it disagrees with the other sources, it is the stale copy)", d.Format)
	}
	m.mergeGen1(env)
	m.applyFrontends(env)
	m.noteDerivedNames()
}

// noteDerivedNames says, for each name that is still derived once the frontend configs were
// applied, how it was made: nothing in the project confirms it.
func (m *merger) noteDerivedNames() {
	stillDerived := func(n derivedNote) bool {
		if n.kind == "table" {
			return slices.ContainsFunc(m.p.Model.Tables, func(t schema.Table) bool { return t.DerivedName && t.TableName.Value == n.name })
		}
		return slices.ContainsFunc(m.p.Model.Buckets, func(b schema.Bucket) bool { return b.DerivedName && b.BucketName.Value == n.name })
	}
	for _, n := range m.derived {
		if stillDerived(n) {
			m.note(n.pos, validate.Info, RuleDerivedName,
				"%s %q of env %q is named %q as amplify-cli names it (%s); no amplify-meta.json or frontend config confirms it",
				n.kind, n.resource, n.env, n.name, n.how)
		}
	}
}

// gen1Env returns the team-provider-info settings of env.
func (m *merger) gen1Env(env string) schema.Gen1Env {
	if m.tpi != nil {
		for _, g := range m.tpi.Model.Gen1Envs {
			if g.Name.Value == env {
				return g
			}
		}
	}
	return schema.Gen1Env{}
}

// metaFor returns amplify-meta.json when it describes env (same StackName, or, when
// team-provider-info gives none, env is the checkout's current env).
func (m *merger) metaFor(env string, g schema.Gen1Env) *Document {
	if m.meta == nil {
		return nil
	}
	var metaStack schema.String
	if len(m.meta.Model.Gen1Envs) > 0 {
		metaStack = m.meta.Model.Gen1Envs[0].StackName
	}
	switch {
	case g.StackName.Set && metaStack.Set:
		if g.StackName.Value == metaStack.Value {
			return m.meta
		}
		m.note(metaStack.Pos, validate.Info, RuleMetaOtherEnv,
			"amplify-meta.json is for stack %q, not env %q's %q; its deployed names are not used (run `amplify pull --envName %s` to refresh it)",
			metaStack.Value, env, g.StackName.Value, env)
		return nil
	case m.p.Model.CurrentEnv.Value == env:
		return m.meta
	}
	m.note(schema.InFile(m.meta.File), validate.Info, RuleMetaOtherEnv,
		"amplify-meta.json may be for another environment than %q; its deployed names are not used", env)
	return nil
}

// resource is one storage resource of the chosen env as the sources describe it together.
type resource struct {
	res schema.Resource
	// tpi bucket/table (imported), meta bucket/table (deployed), cli-inputs bucket/table.
	tpiBucket, metaBucket, cliBucket *schema.Bucket
	tpiTable, metaTable, cliTable    *schema.Table
	base                             schema.String
}

// resources gathers the env's storage resources: team-provider-info's first (file order),
// then backend-config's, cli-inputs', and amplify-meta's others.
func (m *merger) resources(env string, meta *Document) []*resource {
	var list []*resource
	byName := map[string]*resource{}
	add := func(r schema.Resource) *resource {
		if x := byName[r.Name.Value]; x != nil {
			if x.res.Service == "" {
				x.res.Service = r.Service
			}
			return x
		}
		r.Env = env
		x := &resource{res: r}
		byName[r.Name.Value] = x
		list = append(list, x)
		return x
	}
	if m.tpi != nil {
		for _, r := range m.tpi.Model.Resources {
			if r.Env == env {
				add(r)
			}
		}
		for i, b := range m.tpi.Model.Buckets {
			if b.Env == env {
				byName[b.Name.Value].tpiBucket = &m.tpi.Model.Buckets[i]
			}
		}
		for i, t := range m.tpi.Model.Tables {
			if t.Env == env {
				byName[t.Name.Value].tpiTable = &m.tpi.Model.Tables[i]
			}
		}
	}
	if m.backend != nil {
		for _, r := range m.backend.Model.Resources {
			x := add(r)
			if x.res.Service != r.Service && r.Service != "" && x.tpiBucket == nil && x.tpiTable == nil {
				x.res.Service = r.Service
			}
		}
	}
	names := make([]string, 0, len(m.cliInputs))
	for name := range m.cliInputs {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		d := m.cliInputs[name]
		for _, r := range d.Model.Resources {
			if r.Name.Value == name {
				add(r).base = r.BaseName
			}
		}
		for i := range d.Model.Buckets {
			byName[name].cliBucket = &d.Model.Buckets[i]
		}
		for i := range d.Model.Tables {
			byName[name].cliTable = &d.Model.Tables[i]
		}
	}
	if meta != nil {
		for _, r := range meta.Model.Resources {
			add(r)
		}
		for i, b := range meta.Model.Buckets {
			byName[b.Name.Value].metaBucket = &meta.Model.Buckets[i]
		}
		for i, t := range meta.Model.Tables {
			byName[t.Name.Value].metaTable = &meta.Model.Tables[i]
		}
	}
	return list
}

// mergeGen1 builds the model of env from the Gen 1 backend files.
func (m *merger) mergeGen1(env string) {
	model := &m.p.Model
	g := m.gen1Env(env)
	model.ProjectRegion = g.Region
	meta := m.metaFor(env, g)
	if !model.ProjectRegion.Set && meta != nil {
		model.ProjectRegion = meta.Model.ProjectRegion
	}
	for _, x := range m.resources(env, meta) {
		if x.tpiBucket != nil || x.metaBucket != nil || x.cliBucket != nil {
			if x.res.Service == "" {
				x.res.Service = schema.ServiceS3
			}
		} else if x.tpiTable != nil || x.metaTable != nil || x.cliTable != nil {
			if x.res.Service == "" {
				x.res.Service = schema.ServiceDynamoDB
			}
		}
		model.Resources = append(model.Resources, x.res)
		if x.res.Management == schema.Imported && x.tpiBucket == nil && x.tpiTable == nil &&
			x.metaBucket == nil && x.metaTable == nil {
			m.note(x.res.Name.Pos, validate.Warning, RuleCannotDerive,
				"imported storage resource %q has no settings for env %q in team-provider-info.json (bucketName or tableName, and region); it is not converted: run `amplify import storage` in that env",
				x.res.Name.Value, env)
			continue
		}
		switch x.res.Service {
		case schema.ServiceS3:
			model.Buckets = append(model.Buckets, m.bucket(x, env, g))
		case schema.ServiceDynamoDB:
			model.Tables = append(model.Tables, m.table(x, env, g))
		default:
			m.note(x.res.Name.Pos, validate.Warning, RuleServiceUnknown,
				"storage resource %q is managed ({}) but amplify/backend/backend-config.json does not say whether it is S3 or DynamoDB; it is not converted",
				x.res.Name.Value)
		}
	}
}

func (m *merger) bucket(x *resource, env string, g schema.Gen1Env) schema.Bucket {
	b := schema.Bucket{Name: x.res.Name, Env: env, Management: x.res.Management, Region: g.Region}
	if x.cliBucket != nil {
		b.Gen1 = x.cliBucket.Gen1
	}
	switch {
	case x.metaBucket != nil:
		b.BucketName = x.metaBucket.BucketName
		if x.metaBucket.Region.Set {
			b.Region = x.metaBucket.Region
		}
	case x.tpiBucket != nil:
		b.BucketName, b.Region = x.tpiBucket.BucketName, x.tpiBucket.Region
	default:
		b.BucketName = m.derive(x, env, g, managedBucketName)
		b.DerivedName = b.BucketName.Set
	}
	return b
}

func (m *merger) table(x *resource, env string, g schema.Gen1Env) schema.Table {
	t := schema.Table{Name: x.res.Name, Env: env, Management: x.res.Management, Region: g.Region}
	if x.cliTable != nil {
		t.PartitionKey, t.SortKey = x.cliTable.PartitionKey, x.cliTable.SortKey
	}
	fill := func(src *schema.Table) {
		t.TableName, t.ARN, t.StreamARN = src.TableName, src.ARN, src.StreamARN
		if src.Region.Set {
			t.Region = src.Region
		}
		if src.PartitionKey != nil {
			t.PartitionKey, t.SortKey = src.PartitionKey, src.SortKey
		}
	}
	switch {
	case x.metaTable != nil:
		fill(x.metaTable)
	case x.tpiTable != nil:
		fill(x.tpiTable)
	default:
		t.TableName = m.derive(x, env, g, managedTableName)
		t.DerivedName = t.TableName.Set
	}
	return t
}

// managedBucketName is amplify-cli's buildBucketName (s3-stack-builder.ts): bucketName +
// the 4th '-'-separated part of the stack name + "-" + env. Stacks whose name has no 4th part
// (older projects) used bucketName + "-" + env.
func managedBucketName(base, stackName, env string) (string, string) {
	if parts := strings.Split(stackName, "-"); len(parts) >= 4 {
		return base + parts[3] + "-" + env, "cli-inputs bucketName + the StackName suffix + \"-\" + env"
	}
	return base + "-" + env, "cli-inputs bucketName + \"-\" + env"
}

// managedTableName is amplify-cli's DynamoDB table name: tableName + "-" + env.
func managedTableName(base, _, env string) (string, string) {
	return base + "-" + env, "cli-inputs tableName + \"-\" + env"
}

// derive computes a managed resource's physical name, positioned at the base name it is
// built from, with an info line saying so; or warns that it cannot.
func (m *merger) derive(x *resource, env string, g schema.Gen1Env, rule func(base, stack, env string) (string, string)) schema.String {
	kind := "bucket"
	if x.res.Service == schema.ServiceDynamoDB {
		kind = "table"
	}
	switch {
	case !x.base.Set || x.base.Value == "":
		m.note(x.res.Name.Pos, validate.Warning, RuleCannotDerive,
			"the physical name of managed %s %q is unknown: no amplify-meta.json or frontend config names it and amplify/backend/storage/%s/cli-inputs.json gives no base name",
			kind, x.res.Name.Value, x.res.Name.Value)
		return schema.String{}
	case env == "":
		m.note(x.res.Name.Pos, validate.Warning, RuleCannotDerive,
			"the physical name of managed %s %q depends on the environment; choose one with --env", kind, x.res.Name.Value)
		return schema.String{}
	case kind == "bucket" && !g.StackName.Set:
		m.note(x.res.Name.Pos, validate.Warning, RuleCannotDerive,
			"the physical name of managed bucket %q needs env %q's StackName in team-provider-info.json, which is missing", x.res.Name.Value, env)
		return schema.String{}
	}
	name, how := rule(x.base.Value, g.StackName.Value, env)
	m.derived = append(m.derived, derivedNote{kind: kind, resource: x.res.Name.Value, env: env, name: name, how: how, pos: x.base.Pos})
	return schema.Str(name, x.base.Pos)
}

// mergeFrontendOnly builds the model of a project without Gen 1 backend files: the union of
// its frontend configs and Gen 2 outputs (each bucket and table once, by physical name).
func (m *merger) mergeFrontendOnly() {
	model := &m.p.Model
	if m.opts.Env != "" && len(m.p.Docs) > 0 {
		m.note(schema.InFile(m.p.Root), validate.Info, RuleEnvIgnored,
			"--env %q is ignored: the project has no amplify/team-provider-info.json environments", m.opts.Env)
	}
	docs := append(slices.Clone(m.outputs), m.frontends...)
	for _, d := range docs {
		if !model.ProjectRegion.Set {
			model.ProjectRegion = d.Model.ProjectRegion
		}
		if !model.OutputsVersion.Set {
			model.OutputsVersion = d.Model.OutputsVersion
		}
		for _, b := range d.Model.Buckets {
			i := slices.IndexFunc(model.Buckets, func(x schema.Bucket) bool {
				return x.BucketName.Value == b.BucketName.Value
			})
			switch {
			case i < 0:
				model.Buckets = append(model.Buckets, b)
			case b.Default:
				model.Buckets[i].Default = true
			}
		}
		for _, t := range d.Model.Tables {
			if !slices.ContainsFunc(model.Tables, func(x schema.Table) bool { return x.TableName.Value == t.TableName.Value }) {
				model.Tables = append(model.Tables, t)
			}
		}
	}
}
