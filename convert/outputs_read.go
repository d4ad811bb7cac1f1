package convert

import (
	"runtime"
	"slices"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// readOutputs reads a Gen 2 amplify_outputs.json (versions "1" to "1.5"): storage's buckets
// with their access paths, and the DynamoDB tables under custom.dynamodb_tables (where this
// tool's migration writes them).
func readOutputs(doc *Document, v any, j *validate.JSONFile) {
	mapOutputs(doc, v, j, doc.Locate)
}

// mapOutputs maps decoded outputs into doc.Model. j walks the text, to keep path and
// principal order; loc gives positions.
func mapOutputs(doc *Document, v any, j *validate.JSONFile, loc validate.Locator) {
	m := &mapper{doc: doc, loc: loc, deferPos: doc.deferPositions}
	root := node{v: v}
	if loc == validate.Locator(j) {
		root = indexRoot(v, j) // values and positions straight from the parse's index
		if m.deferPos {
			root = root.withLazyPointers()
		}
	}
	if !m.object(root) {
		return
	}
	doc.Model.OutputsVersion = m.str(root.get("version"))
	st := root.get("storage")
	if m.object(st) {
		mapOutputsStorage(m, j, st)
	}
	tables := root.at("custom", "dynamodb_tables")
	if m.array(tables) {
		for _, t := range tables.items() {
			if !m.object(t) {
				continue
			}
			table := schema.Table{
				Name:      m.str(t.get("name")),
				TableName: m.str(t.get("table_name")),
				Region:    m.str(t.get("aws_region")),
				ARN:       m.str(t.get("arn")),
				StreamARN: m.str(t.get("stream_arn")),
			}
			if pk := t.get("partition_key"); m.object(pk) {
				table.PartitionKey = m.key(pk.get("name"), pk.get("type"))
			}
			if sk := t.get("sort_key"); m.object(sk) {
				table.SortKey = m.key(sk.get("name"), sk.get("type"))
			}
			if !table.Name.Set {
				table.Name = table.TableName
			}
			if table.TableName.Set {
				doc.Model.Tables = append(doc.Model.Tables, table)
			}
		}
	}
}

func mapOutputsStorage(m *mapper, j *validate.JSONFile, st node) {
	model := &m.doc.Model
	defName, defRegion := m.str(st.get("bucket_name")), m.str(st.get("aws_region"))
	buckets := st.get("buckets")
	if !m.array(buckets) {
		// Version "1" (and any outputs without buckets[]): one bucket.
		if defName.Set {
			model.Buckets = append(model.Buckets, schema.Bucket{BucketName: defName, Region: defRegion, Default: true})
		}
		return
	}
	model.Buckets = mapBuckets(m, j, buckets)
	// The first entry with the default's bucket_name is the default bucket (a bucket_name that
	// no entry has is validate's storage/default-not-listed).
	for i := range model.Buckets {
		if b := &model.Buckets[i]; defName.Set && b.BucketName.Set && b.BucketName.Value == defName.Value {
			b.Default = true
			break
		}
	}
}

// mapBuckets reads the entries of storage.buckets[] in order. A large document's entries are
// split between the cores, each part with its own mapper and pointer builder (the index is
// only read); the parts' buckets and diagnostics are joined in order, so the result is the
// same as one pass.
func mapBuckets(m *mapper, j *validate.JSONFile, buckets node) []schema.Bucket {
	count := buckets.len()
	parts := 1
	if buckets.indexed() {
		parts = max(1, min(runtime.GOMAXPROCS(0), count/parallelBucketsPerPart))
	}
	if parts == 1 {
		return mapBucketRange(m, j, buckets, 0, count)
	}
	found := make([][]schema.Bucket, parts)
	diags := make([][]validate.Diagnostic, parts)
	forEach(parts, func(p int) {
		part := &mapper{doc: &Document{File: m.doc.File, Lines: m.doc.Lines}, loc: m.loc, deferPos: m.deferPos}
		own := buckets
		if !own.lazyPtr {
			own.ptrs = &pointerBuilder{}
		}
		found[p] = mapBucketRange(part, j, own, p*count/parts, (p+1)*count/parts)
		diags[p] = part.doc.Diagnostics
	})
	m.doc.Diagnostics = append(m.doc.Diagnostics, slices.Concat(diags...)...)
	return slices.Concat(found...)
}

// parallelBucketsPerPart is the fewest bucket entries worth a core of their own.
const parallelBucketsPerPart = 32

// mapBucketRange reads entries from..to-1 of storage.buckets[].
func mapBucketRange(m *mapper, j *validate.JSONFile, buckets node, from, to int) []schema.Bucket {
	var out []schema.Bucket
	for i := from; i < to; i++ {
		b := buckets.item(i)
		if !m.object(b) {
			continue
		}
		bucket := schema.Bucket{
			Name:       m.str(b.get("name")),
			BucketName: m.str(b.get("bucket_name")),
			Region:     m.str(b.get("aws_region")),
		}
		if paths := b.get("paths"); m.object(paths) {
			bucket.Paths = mapAccessPaths(m, j, paths)
		}
		out = append(out, bucket)
	}
	return out
}

// mapAccessPaths reads a bucket's paths {path: {principal: [actions]}} in file order.
func mapAccessPaths(m *mapper, j *validate.JSONFile, paths node) []schema.AccessPath {
	var out []schema.AccessPath
	all, count := paths.members(j)
	if count > 0 {
		out = make([]schema.AccessPath, 0, count)
	}
	for {
		p, rules, ok := all.next()
		if !ok {
			break
		}
		ap := schema.AccessPath{Path: schema.Str(p, keyPos(m, rules)), Rules: []schema.AccessRule{}}
		if m.object(rules) {
			principals, count := rules.members(j)
			ap.Rules = make([]schema.AccessRule, 0, count)
			for {
				principal, acts, ok := principals.next()
				if !ok {
					break
				}
				rule := schema.AccessRule{Principal: schema.Str(principal, keyPos(m, acts)), Actions: []schema.String{}}
				if m.array(acts) {
					rule.Actions = mapActions(m, acts)
				}
				ap.Rules = append(ap.Rules, rule)
			}
		}
		out = append(out, ap)
	}
	return out
}

// mapActions reads an access rule's array of actions (nulls skipped).
func mapActions(m *mapper, acts node) []schema.String {
	count := acts.len()
	out := make([]schema.String, 0, count)
	for i := range count {
		if s := m.str(acts.item(i)); s.Set {
			out = append(out, s)
		}
	}
	return out
}

// keyPos is the position of the key of member n when the locator knows keys (JSON files do),
// else that of its value.
func keyPos(m *mapper, n node) schema.Pos {
	if n.c.Valid() {
		if m.deferPos {
			if pos, ok := n.c.DeferredKeyPos(); ok {
				return pos
			}
		}
		return n.c.KeyPos(n.pointer())
	}
	if k, ok := m.loc.(interface{ KeyPos(string) schema.Pos }); ok {
		return k.KeyPos(n.pointer())
	}
	return m.pos(n.pointer())
}
