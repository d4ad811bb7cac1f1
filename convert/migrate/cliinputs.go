package migrate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// Loss kinds for cli-inputs.json settings that Gen 2 outputs have no place for.
const (
	// LossTableIndex: a DynamoDB global secondary index (cli-inputs `gsi`).
	LossTableIndex = "table-index"
	// LossTableTrigger: a DynamoDB stream trigger function (cli-inputs `triggerFunctions`).
	LossTableTrigger = "table-trigger"
	// LossAdminTrigger: an S3 admin trigger (cli-inputs `adminTriggerFunction`).
	LossAdminTrigger = "admin-trigger"
)

// cliInputsLosses lists the settings of the converted resources' cli-inputs.json that Gen 2
// outputs cannot express and that the model does not carry (the readers keep only names, keys
// and access): a table's global secondary indexes and trigger functions, a bucket's admin
// trigger. Each is positioned at its entry in cli-inputs.json. Tables are skipped under
// noTables (they are not converted at all).
func cliInputsLosses(docs []*convert.Document, m *schema.Model, noTables bool) []Loss {
	var ls []Loss
	for _, d := range docs {
		if d.Format != schema.CLIInputs || d.Locate == nil {
			continue
		}
		root, ok := d.Value().(map[string]any)
		if !ok {
			continue
		}
		for _, dt := range d.Model.Tables {
			i := slices.IndexFunc(m.Tables, func(t schema.Table) bool { return t.Name.Value == dt.Name.Value })
			if noTables || i < 0 {
				continue
			}
			ls = append(ls, tableInputLosses(d, root, m.Tables[i].TableName.Value)...)
		}
		for _, db := range d.Model.Buckets {
			i := slices.IndexFunc(m.Buckets, func(b schema.Bucket) bool { return b.Name.Value == db.Name.Value })
			if i < 0 {
				continue
			}
			ls = append(ls, bucketInputLosses(d, root, m.Buckets[i].BucketName.Value)...)
		}
	}
	return ls
}

func tableInputLosses(d *convert.Document, root map[string]any, table string) []Loss {
	var ls []Loss
	gsis, _ := root["gsi"].([]any)
	for i, g := range gsis {
		ptr := "/gsi/" + strconv.Itoa(i)
		gm, _ := g.(map[string]any)
		name, _ := gm["name"].(string)
		keys := indexKeys(gm)
		ls = append(ls, Loss{Kind: LossTableIndex, Pos: d.Locate.PosOf(ptr),
			Message: fmt.Sprintf("global secondary index %s%s of table %q: Gen 2 outputs have no place for indexes; the index stays on the table: query it by name in your code",
				quoteOr(name, "(unnamed)"), keys, table)})
	}
	triggers, _ := root["triggerFunctions"].([]any)
	for i, t := range triggers {
		name, _ := t.(string)
		ls = append(ls, Loss{Kind: LossTableTrigger, Pos: d.Locate.PosOf("/triggerFunctions/" + strconv.Itoa(i)),
			Message: fmt.Sprintf("DynamoDB stream trigger function %s of table %q: Gen 2 outputs do not describe triggers; it stays attached only while the Gen 1 backend exists",
				quoteOr(name, "(unnamed)"), table)})
	}
	return ls
}

func bucketInputLosses(d *convert.Document, root map[string]any, bucket string) []Loss {
	// adminTriggerFunction is {"triggerFunction": name, "permissions": [...], ...} (or, in old
	// files, the name itself); "NONE" means none.
	name, _ := root["adminTriggerFunction"].(string)
	ptr := "/adminTriggerFunction"
	if m, ok := root["adminTriggerFunction"].(map[string]any); ok {
		name, _ = m["triggerFunction"].(string)
		ptr += "/triggerFunction"
	}
	if name == "" || name == "NONE" {
		return nil
	}
	return []Loss{{Kind: LossAdminTrigger, Bucket: bucket, Pos: d.Locate.PosOf(ptr),
		Message: "S3 admin trigger function " + quote(name) + " (adminTriggerFunction): Gen 2 outputs do not describe triggers; it stays attached to the bucket only while the Gen 1 backend exists"}}
}

// indexKeys describes a cli-inputs gsi entry's keys, as " (partition key a, sort key b)".
func indexKeys(g map[string]any) string {
	var parts []string
	for _, k := range []struct{ field, word string }{{"partitionKey", "partition key"}, {"sortKey", "sort key"}} {
		km, _ := g[k.field].(map[string]any)
		if name, _ := km["fieldName"].(string); name != "" {
			parts = append(parts, k.word+" "+name)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func quoteOr(s, empty string) string {
	if s == "" {
		return empty
	}
	return quote(s)
}
