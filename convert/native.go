package convert

import (
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Rule IDs of the native (Android/iOS/Flutter) readers.
const (
	RuleTransferUtilityMismatch = "native/transfer-utility-mismatch"
	RuleDynamoDBRegionOnly      = "native/dynamodb-region-only"
)

// readNativeConfig reads the native amplifyconfiguration.json (Android, iOS, Flutter): the
// S3 and DynamoDB storage plugins, and the bucket the auth plugin's S3TransferUtility names.
func readNativeConfig(doc *Document, v any, j *validate.JSONFile) {
	mapNative(doc, v, doc.Locate)
}

// mapNative maps a decoded native configuration (positions from loc) into doc.Model.
func mapNative(doc *Document, v any, loc validate.Locator) {
	m := &mapper{doc: doc, loc: loc}
	root := node{v: v}
	if !m.object(root) {
		return
	}
	plugins := root.at("storage", "plugins")
	if s3 := plugins.get("awsS3StoragePlugin"); m.object(s3) {
		b := schema.Bucket{
			BucketName: m.str(s3.get("bucket")),
			Region:     m.str(s3.get("region")),
			Default:    true,
		}
		if level := m.str(s3.get("defaultAccessLevel")); level.Set {
			b.Gen1 = &schema.Gen1Access{DefaultAccessLevel: level}
		}
		if b.BucketName.Set {
			doc.Model.Buckets = append(doc.Model.Buckets, b)
		}
	}
	if ddb := plugins.get("awsDynamoDbStoragePlugin"); m.object(ddb) {
		name := m.str(ddb.get("name"))
		t := schema.Table{
			Name:         name,
			TableName:    name,
			Region:       m.str(ddb.get("region")),
			ARN:          m.str(ddb.get("arn")),
			StreamARN:    m.str(ddb.get("streamArn")),
			PartitionKey: m.key(ddb.get("partitionKeyName"), ddb.get("partitionKeyType")),
			SortKey:      m.key(ddb.get("sortKeyName"), ddb.get("sortKeyType")),
		}
		if name.Set {
			doc.Model.Tables = append(doc.Model.Tables, t)
		}
	}
	tu := root.at("auth", "plugins", "awsCognitoAuthPlugin", "S3TransferUtility", "Default")
	mapTransferUtility(m, tu)
}

// mapTransferUtility reads an S3TransferUtility.Default {Bucket, Region}: the bucket when no
// storage plugin names one, else a cross-check against it.
func mapTransferUtility(m *mapper, tu node) {
	if !m.object(tu) {
		return
	}
	bucket, region := m.str(tu.get("Bucket")), m.str(tu.get("Region"))
	if !bucket.Set {
		return
	}
	model := &m.doc.Model
	if len(model.Buckets) == 0 {
		model.Buckets = append(model.Buckets, schema.Bucket{BucketName: bucket, Region: region, Default: true})
		return
	}
	def := model.Buckets[0]
	if bucket.Value != def.BucketName.Value {
		m.diag(tu.get("Bucket").pointer(), validate.Warning, RuleTransferUtilityMismatch,
			"S3TransferUtility names bucket %q but the storage plugin (line %d, column %d) names %q; make them the same bucket",
			bucket.Value, def.BucketName.Pos.Line(), def.BucketName.Pos.Column(), def.BucketName.Value)
	} else if region.Set && def.Region.Set && region.Value != def.Region.Value {
		m.diag(tu.get("Region").pointer(), validate.Warning, RuleTransferUtilityMismatch,
			"S3TransferUtility puts bucket %q in region %q but the storage plugin (line %d, column %d) says %q; make them the same",
			bucket.Value, region.Value, def.Region.Pos.Line(), def.Region.Pos.Column(), def.Region.Value)
	}
}

// readAWSConfiguration reads the legacy native awsconfiguration.json: S3TransferUtility
// entries (Default first, then any named ones) and DynamoDBObjectMapper, which names only a
// region, never a table.
func readAWSConfiguration(doc *Document, v any, j *validate.JSONFile) {
	m := &mapper{doc: doc, loc: doc.Locate}
	root := node{v: v}
	if !m.object(root) {
		return
	}
	tu := root.get("S3TransferUtility")
	if m.object(tu) {
		mapTransferUtility(m, tu.get("Default"))
		for _, name := range orderedKeys(j, tu.pointer()) {
			entry := tu.get(name)
			if name == "Default" || !m.object(entry) {
				continue
			}
			if bucket := m.str(entry.get("Bucket")); bucket.Set {
				doc.Model.Buckets = append(doc.Model.Buckets, schema.Bucket{
					Name:       schema.Str(name, m.pos(entry.pointer())),
					BucketName: bucket,
					Region:     m.str(entry.get("Region")),
					Default:    len(doc.Model.Buckets) == 0,
				})
			}
		}
	}
	if ddb := root.at("DynamoDBObjectMapper", "Default"); m.object(ddb) {
		if region := m.str(ddb.get("Region")); region.Set {
			m.diag(ddb.pointer(), validate.Info, RuleDynamoDBRegionOnly,
				"DynamoDBObjectMapper names only a region (%q), not a table; the tables are in the app's code",
				region.Value)
		}
	}
}
