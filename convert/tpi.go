package convert

import (
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// readTeamProviderInfo reads amplify/team-provider-info.json: every environment in file order
// (Model.Envs, Model.Gen1Envs with Region and StackName), and each env's
// categories.storage.<name>: `{}` is a managed resource (a Resource whose service only
// backend-config.json can tell), {bucketName, region} an imported bucket, {tableName, ...} an
// imported table. DeploymentBucketName and functions' deploymentBucketName are not storage.
func readTeamProviderInfo(doc *Document, v any, j *validate.JSONFile) {
	r := gen1Reader{doc, j}
	root, ok := r.object(v, "", "team-provider-info.json (an object of environments)", validate.Error)
	if !ok {
		return
	}
	envs := r.keys("")
	if len(envs) == 0 {
		r.report("", validate.Info, RuleGen1NoEnvs, "team-provider-info.json holds no environment")
	}
	for _, env := range envs {
		ptr := validate.JoinPointer(env)
		ev, ok := r.object(root[env], ptr, sprintf("environment %q", env), validate.Error)
		if !ok {
			continue
		}
		doc.Model.Envs = append(doc.Model.Envs, env)
		g := schema.Gen1Env{Name: r.name(ptr, env)}
		if acf, ok := r.member(ev, ptr, "awscloudformation"); ok {
			ap := ptr + "/awscloudformation"
			g.Region, g.StackName = r.str(acf, ap, "Region"), r.str(acf, ap, "StackName")
			g.DeploymentBucket = r.str(acf, ap, "DeploymentBucketName")
		}
		doc.Model.Gen1Envs = append(doc.Model.Gen1Envs, g)
		cats, ok := r.member(ev, ptr, "categories")
		if !ok {
			continue
		}
		storage, ok := r.member(cats, ptr+"/categories", "storage")
		if !ok {
			continue
		}
		sp := ptr + "/categories/storage"
		for _, name := range r.keys(sp) {
			readTPIStorage(r, env, sp+validate.JoinPointer(name), name, storage[name])
		}
	}
}

// readTPIStorage reads one env's categories.storage.<name> entry.
func readTPIStorage(r gen1Reader, env, ptr, name string, v any) {
	entry, ok := r.object(v, ptr, sprintf("storage resource %q", name), validate.Error)
	if !ok {
		return
	}
	m := &r.doc.Model
	res := schema.Resource{Name: r.name(ptr, name), Env: env, Management: schema.Imported}
	_, isBucket := entry["bucketName"]
	_, isTable := entry["tableName"]
	switch {
	case len(entry) == 0:
		res.Management = schema.Managed
	case isBucket:
		res.Service = schema.ServiceS3
		b := schema.Bucket{Name: res.Name, BucketName: r.str(entry, ptr, "bucketName"),
			Region: r.str(entry, ptr, "region"), Env: env, Management: schema.Imported}
		r.requireRegion(b.Region, ptr, name)
		m.Buckets = append(m.Buckets, b)
	case isTable:
		res.Service = schema.ServiceDynamoDB
		t := schema.Table{Name: res.Name, TableName: r.str(entry, ptr, "tableName"),
			Region: r.str(entry, ptr, "region"), ARN: r.str(entry, ptr, "arn"),
			StreamARN: r.str(entry, ptr, "streamArn"), Env: env, Management: schema.Imported,
			PartitionKey: r.flatKey(entry, ptr, "partitionKeyName", "partitionKeyType"),
			SortKey:      r.flatKey(entry, ptr, "sortKeyName", "sortKeyType")}
		r.requireRegion(t.Region, ptr, name)
		m.Tables = append(m.Tables, t)
	default:
		r.report(ptr, validate.Warning, RuleGen1UnknownResource,
			"storage resource %q in env %q is neither managed ({}) nor an imported bucket (bucketName) or table (tableName); it is not converted",
			name, env)
	}
	m.Resources = append(m.Resources, res)
}

func (r gen1Reader) requireRegion(region schema.String, ptr, name string) {
	if !region.Set {
		r.report(ptr, validate.Warning, RuleGen1MissingField,
			"imported storage resource %q has no \"region\"; add the region it lives in", name)
	}
}
