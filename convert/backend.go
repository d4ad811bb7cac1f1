package convert

import (
	"encoding/json"
	"path"
	"path/filepath"
	"strconv"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
	"github.com/tidwall/gjson"
)

// Rule IDs for the Gen 1 backend files (team-provider-info.json, backend-config.json,
// cli-inputs.json, amplify-meta.json, local-env-info.json).
const (
	// RuleGen1Type: a value has the wrong JSON type (an object where a string belongs, ...).
	RuleGen1Type = "gen1/type"
	// RuleGen1MissingField: a field the CLI always writes is absent.
	RuleGen1MissingField = "gen1/missing-field"
	// RuleGen1UnknownResource: a storage entry that is neither managed ({}) nor an imported
	// bucket or table.
	RuleGen1UnknownResource = "gen1/unknown-resource"
	// RuleGen1UnknownService: a storage service other than S3 and DynamoDB.
	RuleGen1UnknownService = "gen1/unknown-service"
	// RuleGen1KeyType: a DynamoDB key type that is not S, N or B (or string, number, binary).
	RuleGen1KeyType = "gen1/key-type"
	// RuleGen1NoEnvs: team-provider-info.json holds no environment.
	RuleGen1NoEnvs = "gen1/no-envs"
)

// gen1Reader reads one decoded Gen 1 backend JSON document into doc, with positions from j.
type gen1Reader struct {
	doc *Document
	j   *validate.JSONFile
}

func (r gen1Reader) report(ptr string, sev validate.Severity, rule, format string, args ...any) {
	r.doc.Diagnostics = append(r.doc.Diagnostics, r.j.DiagAt(ptr, sev, rule, format, args...))
}

// object returns v as a JSON object. When v is something else it reports, with severity sev,
// that `what` must be an object, and returns false. A missing value (nil map lookup) is
// reported only when required.
func (r gen1Reader) object(v any, ptr, what string, sev validate.Severity) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		r.report(ptr, sev, RuleGen1Type, "%s must be a JSON object, not %s", what, jsonKind(v))
	}
	return m, ok
}

// member returns m[key] as an object when present; absent members give (nil, false) silently.
func (r gen1Reader) member(m map[string]any, ptr, key string) (map[string]any, bool) {
	v, present := m[key]
	if !present {
		return nil, false
	}
	return r.object(v, ptr+validate.JoinPointer(key), sprintf("%q", key), validate.Warning)
}

// str returns m[key] as a positioned String; absent or null gives an unset String, any other
// non-string a warning and an unset String.
func (r gen1Reader) str(m map[string]any, ptr, key string) schema.String {
	v, present := m[key]
	if !present || v == nil {
		return schema.String{}
	}
	p := ptr + validate.JoinPointer(key)
	s, ok := v.(string)
	if !ok {
		r.report(p, validate.Warning, RuleGen1Type, "%q must be a string, not %s; it is ignored", key, jsonKind(v))
		return schema.String{}
	}
	return schema.Str(s, r.j.PosOf(p))
}

// name returns the member name at ptr (the last pointer token) positioned at its key.
func (r gen1Reader) name(ptr, name string) schema.String {
	return schema.Str(name, r.j.KeyPos(ptr))
}

// keys returns the member names of the object at ptr in file order, each once (a duplicate
// keeps its first place; its value is the last one, as decoded).
func (r gen1Reader) keys(ptr string) []string {
	obj := gjsonAt(r.j.Root(), ptr)
	if !obj.IsObject() {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	obj.ForEach(func(k, _ gjson.Result) bool {
		if !seen[k.Str] {
			seen[k.Str] = true
			out = append(out, k.Str)
		}
		return true
	})
	return out
}

// gjsonAt resolves a JSON Pointer in root (the last duplicate key wins).
func gjsonAt(root gjson.Result, ptr string) gjson.Result {
	cur := root
	for _, tok := range validate.SplitPointer(ptr) {
		var next gjson.Result
		switch {
		case cur.IsObject():
			cur.ForEach(func(k, v gjson.Result) bool {
				if k.Str == tok {
					next = v
				}
				return true
			})
		case cur.IsArray():
			n, err := strconv.Atoi(tok)
			if err != nil {
				return gjson.Result{}
			}
			i := 0
			cur.ForEach(func(_, v gjson.Result) bool {
				if i == n {
					next = v
					return false
				}
				i++
				return true
			})
		}
		if !next.Exists() {
			return gjson.Result{}
		}
		cur = next
	}
	return cur
}

// jsonKind names the JSON type of a decoded value, for messages.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "true/false"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	default:
		return "an unknown value"
	}
}

// storageService normalizes a backend-config / amplify-meta `service` value: "S3",
// "DynamoDB", or "" with a warning for anything else.
func (r gen1Reader) storageService(s schema.String, ptr string) string {
	switch s.Value {
	case schema.ServiceS3, schema.ServiceDynamoDB:
		return s.Value
	case "":
		if s.Set {
			r.report(ptr, validate.Warning, RuleGen1UnknownService, "empty storage service; expected one of: DynamoDB, S3")
		}
		return ""
	}
	r.report(ptr, validate.Warning, RuleGen1UnknownService,
		"unknown storage service %q; expected one of: DynamoDB, S3 (the resource is not converted)", s.Value)
	return ""
}

func management(serviceType schema.String) schema.Management {
	if serviceType.Value == "imported" {
		return schema.Imported
	}
	return schema.Managed
}

// readBackendConfig reads amplify/backend/backend-config.json: every storage.<name> with its
// service (S3 or DynamoDB) and whether it is imported (serviceType "imported").
func readBackendConfig(doc *Document, v any, j *validate.JSONFile) {
	r := gen1Reader{doc, j}
	root, ok := r.object(v, "", "backend-config.json", validate.Error)
	if !ok {
		return
	}
	r.eachStorageResource(root, func(name, ptr string, entry map[string]any) {
		service := r.str(entry, ptr, "service")
		if !service.Set {
			r.report(ptr, validate.Warning, RuleGen1MissingField,
				"storage resource %q has no \"service\"; expected one of: DynamoDB, S3", name)
		}
		res := schema.Resource{
			Name:       r.name(ptr, name),
			Service:    r.storageService(service, ptr+"/service"),
			Management: management(r.str(entry, ptr, "serviceType")),
		}
		doc.Model.Resources = append(doc.Model.Resources, res)
	})
}

// readCLIInputs reads amplify/backend/storage/<name>/cli-inputs.json: for S3 the access
// settings (storageAccess, guestAccess, authAccess, groupAccess, triggerFunction), for DynamoDB
// the keys. Its bucketName/tableName is the CLI's base name, not the physical name (the CLI
// appends the env suffix), so it goes to Resource.BaseName, from which LoadProject derives
// the physical name when no other source gives it.
func readCLIInputs(doc *Document, v any, j *validate.JSONFile) {
	r := gen1Reader{doc, j}
	root, ok := r.object(v, "", "cli-inputs.json", validate.Error)
	if !ok {
		return
	}
	name := r.str(root, "", "resourceName")
	if !name.Set {
		if folder := storageFolderName(doc.File); folder != "" {
			name = schema.Str(folder, schema.InFile(doc.File))
		}
	}
	_, hasTable := root["tableName"]
	_, hasPK := root["partitionKey"]
	if hasTable || hasPK {
		readCLIInputsTable(r, root, name)
		return
	}
	b := schema.Bucket{Name: name, Management: schema.Managed, Gen1: &schema.Gen1Access{
		StorageAccess:   r.str(root, "", "storageAccess"),
		Auth:            r.strList(root, "", "authAccess"),
		Guest:           r.strList(root, "", "guestAccess"),
		TriggerFunction: r.str(root, "", "triggerFunction"),
	}}
	if b.Gen1.TriggerFunction.Value == "NONE" {
		b.Gen1.TriggerFunction = schema.String{}
	}
	if groups, ok := r.member(root, "", "groupAccess"); ok {
		for _, g := range r.keys("/groupAccess") {
			ptr := validate.JoinPointer("groupAccess", g)
			ga := schema.GroupAccess{Group: r.name(ptr, g), Actions: r.strList(groups, "/groupAccess", g)}
			b.Gen1.Groups = append(b.Gen1.Groups, ga)
		}
	}
	if !b.Gen1.StorageAccess.Set {
		r.report("", validate.Warning, RuleGen1MissingField,
			"no \"storageAccess\" (one of: auth, authAndGuest); guest access is taken as none")
	}
	doc.Model.Buckets = append(doc.Model.Buckets, b)
	doc.Model.Resources = append(doc.Model.Resources, schema.Resource{Name: name, Service: schema.ServiceS3,
		Management: schema.Managed, BaseName: r.str(root, "", "bucketName")})
}

func readCLIInputsTable(r gen1Reader, root map[string]any, name schema.String) {
	t := schema.Table{Name: name, Management: schema.Managed,
		PartitionKey: r.cliKey(root, "partitionKey"), SortKey: r.cliKey(root, "sortKey")}
	if t.PartitionKey == nil {
		r.report("", validate.Warning, RuleGen1MissingField, "DynamoDB cli-inputs.json has no \"partitionKey\"")
	}
	r.doc.Model.Tables = append(r.doc.Model.Tables, t)
	r.doc.Model.Resources = append(r.doc.Model.Resources, schema.Resource{Name: name,
		Service: schema.ServiceDynamoDB, Management: schema.Managed, BaseName: r.str(root, "", "tableName")})
}

// cliKey reads a cli-inputs key {fieldName, fieldType} ("string"|"number"|"binary" → S|N|B).
func (r gen1Reader) cliKey(root map[string]any, key string) *schema.Key {
	m, ok := r.member(root, "", key)
	if !ok {
		return nil
	}
	ptr := validate.JoinPointer(key)
	k := &schema.Key{Name: r.str(m, ptr, "fieldName"), Type: r.str(m, ptr, "fieldType")}
	if k.Type.Set {
		switch k.Type.Value {
		case "string", "S":
			k.Type.Value = "S"
		case "number", "N":
			k.Type.Value = "N"
		case "binary", "B":
			k.Type.Value = "B"
		default:
			r.report(ptr+"/fieldType", validate.Warning, RuleGen1KeyType,
				"key type %q cannot be a DynamoDB key; expected one of: binary, number, string", k.Type.Value)
		}
	}
	return k
}

// strList reads m[key] as a list of strings (each positioned); other values are reported.
func (r gen1Reader) strList(m map[string]any, ptr, key string) []schema.String {
	v, present := m[key]
	if !present || v == nil {
		return nil
	}
	p := ptr + validate.JoinPointer(key)
	arr, ok := v.([]any)
	if !ok {
		r.report(p, validate.Warning, RuleGen1Type, "%q must be a list of strings, not %s; it is ignored", key, jsonKind(v))
		return nil
	}
	out := make([]schema.String, 0, len(arr))
	for i, e := range arr {
		ep := p + "/" + strconv.Itoa(i)
		s, ok := e.(string)
		if !ok {
			r.report(ep, validate.Warning, RuleGen1Type, "%q entries must be strings, not %s; it is ignored", key, jsonKind(e))
			continue
		}
		out = append(out, schema.Str(s, r.j.PosOf(ep)))
	}
	return out
}

// storageFolderName returns <name> for a path ending in storage/<name>/cli-inputs.json.
func storageFolderName(file string) string {
	p := filepath.ToSlash(file)
	dir := path.Dir(p)
	if path.Base(path.Dir(dir)) != "storage" {
		return ""
	}
	return path.Base(dir)
}

// readAmplifyMeta reads amplify/backend/amplify-meta.json: the provider settings of the
// environment it was pulled for, and each storage resource's deployed outputs.
func readAmplifyMeta(doc *Document, v any, j *validate.JSONFile) {
	r := gen1Reader{doc, j}
	root, ok := r.object(v, "", "amplify-meta.json", validate.Error)
	if !ok {
		return
	}
	if providers, ok := r.member(root, "", "providers"); ok {
		if acf, ok := r.member(providers, "/providers", "awscloudformation"); ok {
			ptr := "/providers/awscloudformation"
			env := schema.Gen1Env{Region: r.str(acf, ptr, "Region"), StackName: r.str(acf, ptr, "StackName"),
				DeploymentBucket: r.str(acf, ptr, "DeploymentBucketName")}
			doc.Model.Gen1Envs = append(doc.Model.Gen1Envs, env)
			doc.Model.ProjectRegion = env.Region
		}
	}
	r.eachStorageResource(root, func(name, ptr string, entry map[string]any) {
		res := schema.Resource{Name: r.name(ptr, name),
			Service:    r.storageService(r.str(entry, ptr, "service"), ptr+"/service"),
			Management: management(r.str(entry, ptr, "serviceType"))}
		doc.Model.Resources = append(doc.Model.Resources, res)
		out, ok := r.member(entry, ptr, "output")
		if !ok {
			return
		}
		op := ptr + "/output"
		switch res.Service {
		case schema.ServiceS3:
			b := schema.Bucket{Name: res.Name, BucketName: r.str(out, op, "BucketName"),
				Region: r.str(out, op, "Region"), Management: res.Management}
			if b.BucketName.Set {
				doc.Model.Buckets = append(doc.Model.Buckets, b)
			}
		case schema.ServiceDynamoDB:
			t := schema.Table{Name: res.Name, TableName: r.str(out, op, "Name"), Region: r.str(out, op, "Region"),
				ARN: r.str(out, op, "Arn"), StreamARN: r.str(out, op, "StreamArn"), Management: res.Management,
				PartitionKey: r.flatKey(out, op, "PartitionKeyName", "PartitionKeyType"),
				SortKey:      r.flatKey(out, op, "SortKeyName", "SortKeyType")}
			if t.TableName.Set {
				doc.Model.Tables = append(doc.Model.Tables, t)
			}
		}
	})
}

// flatKey reads a key given as two sibling fields (name and type, S|N|B).
func (r gen1Reader) flatKey(m map[string]any, ptr, nameKey, typeKey string) *schema.Key {
	k := &schema.Key{Name: r.str(m, ptr, nameKey), Type: r.str(m, ptr, typeKey)}
	if !k.Name.Set {
		return nil
	}
	if t := k.Type.Value; k.Type.Set && t != "S" && t != "N" && t != "B" {
		r.report(ptr+validate.JoinPointer(typeKey), validate.Warning, RuleGen1KeyType,
			"key type %q is not a DynamoDB key type; expected one of: B, N, S", k.Type.Value)
	}
	return k
}

// readLocalEnvInfo reads amplify/.config/local-env-info.json: envName is the checkout's env.
func readLocalEnvInfo(doc *Document, v any, j *validate.JSONFile) {
	r := gen1Reader{doc, j}
	root, ok := r.object(v, "", "local-env-info.json", validate.Error)
	if !ok {
		return
	}
	doc.Model.CurrentEnv = r.str(root, "", "envName")
	if !doc.Model.CurrentEnv.Set {
		r.report("", validate.Warning, RuleGen1MissingField,
			"no \"envName\": the current environment is unknown; choose one with --env")
	}
}

// eachStorageResource calls fn for every object under root's "storage" member, in file order
// (backend-config.json and amplify-meta.json both list the storage resources there); a member
// that is not an object is reported and skipped.
func (r gen1Reader) eachStorageResource(root map[string]any, fn func(name, ptr string, entry map[string]any)) {
	storage, ok := r.member(root, "", "storage")
	if !ok {
		return
	}
	for _, name := range r.keys("/storage") {
		ptr := validate.JoinPointer("storage", name)
		if entry, ok := r.object(storage[name], ptr, sprintf("storage resource %q", name), validate.Error); ok {
			fn(name, ptr, entry)
		}
	}
}
