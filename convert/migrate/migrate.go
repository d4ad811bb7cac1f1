package migrate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
	"github.com/seed-258d3fb3/amplify-storage-config/convert/outputs"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
	"github.com/tidwall/gjson"
)

// Rule IDs of the findings Migrate adds (besides outputs.Rule* and the validators' rules).
const (
	// RuleNoBucket: the sources name no S3 bucket, so there is no storage to write (blocks).
	RuleNoBucket = "migrate/no-bucket"
	// RuleExistingUnusable: the existing output file cannot be merged into (blocks).
	RuleExistingUnusable = "migrate/existing-output"
	// RuleLoss: a Gen 1 grant or setting Gen 2 cannot express (warning; see Report.Losses).
	RuleLoss = "migrate/not-carried-over"
)

// Output formats.
const (
	FormatJSON = "json"
	FormatDart = "dart"
)

// maxExisting caps the existing output file read before merging.
const maxExisting = 16 << 20

// Options control Migrate and ConvertFiles.
type Options struct {
	// ProjectOptions are the reading options, --env and the discovery seam.
	convert.ProjectOptions
	// Out is the output file; "" means DIR/amplify_outputs.json (or .dart). It is never read
	// as a source.
	Out string
	// OutputsVersion is --outputs-version; it applies when VersionSet, else an existing file
	// keeps its version and a new one gets outputs.DefaultVersion.
	OutputsVersion string
	VersionSet     bool
	// DefaultBucket is --default-bucket.
	DefaultBucket string
	// NoTables leaves DynamoDB tables out (--no-tables).
	NoTables bool
	// Format is FormatJSON (default) or FormatDart.
	Format string
	// Check writes nothing and reports whether the file is up to date (with a diff).
	Check bool
	// DryRun writes nothing and returns the document.
	DryRun bool
	// Strict makes warnings block writing too.
	Strict bool
	// Ignore lists rule IDs (or families "x/") to drop from the findings.
	Ignore []string
	// OutFS is the writer's file system seam; nil means the operating system's.
	OutFS outputs.FS
}

// Result is what a migration produced.
type Result struct {
	// Out is the output file path.
	Out string
	// Document is the complete new file content (merged when the file existed).
	Document []byte
	// Wrote reports that Out was written; UpToDate that it already held Document.
	Wrote, UpToDate bool
	// Diff is the unified diff from the existing file to Document (Check mode only).
	Diff string
	// Blocked reports that findings stopped writing (nothing was written).
	Blocked bool
	// Failed reports that the run should exit 1: blocked, out of date under Check, or errors
	// (warnings too under Strict) among the diagnostics.
	Failed bool
	// Report summarises sources, conversions and losses.
	Report Report
	// Diagnostics are every finding: sources, building, and the new document's validation.
	Diagnostics []validate.Diagnostic
}

// Migrate converts the Gen 1 project in dir: it loads its sources (convert.LoadProject, with
// the output file excluded), maps Gen 1 access to Gen 2 paths, builds the outputs, merges them
// into the existing output file, validates the result with the project's schemas and rules,
// and writes it atomically unless opts.Check or opts.DryRun. Only an output that would break
// the outputs schema or lacks a bucket or region blocks writing; other findings are warnings
// (blocking too under Strict). The error is for what could not run: an unreadable folder, a
// cancelled ctx, a failed write.
func Migrate(ctx context.Context, dir string, opts Options) (*Result, error) {
	out := outPath(dir, opts)
	po := opts.ProjectOptions
	po.Exclude = append(slices.Clone(po.Exclude), out)
	p, err := convert.LoadProject(ctx, dir, po)
	if err != nil {
		return nil, err
	}
	if res := envFailure(dir, out, p, opts); res != nil {
		return res, nil
	}
	return run(ctx, runInput{root: dir, docs: p.Docs, model: p.Model, env: p.Env,
		diags: p.AllDiagnostics(), out: out}, opts)
}

// ConvertFiles converts the given documents (for `convert PATH...` on files): their models are
// merged (the first value of each bucket, table and region wins; later files fill gaps). When
// opts.Out is "" or "-" nothing is written (as DryRun) and Result.Document holds the output.
func ConvertFiles(ctx context.Context, docs []*convert.Document, opts Options) (*Result, error) {
	out := opts.Out
	if out == "" || out == "-" {
		out, opts.DryRun = "-", true
	}
	var diags []validate.Diagnostic
	for _, d := range docs {
		diags = append(diags, d.Diagnostics...)
	}
	m := mergeModels(docs)
	return run(ctx, runInput{docs: docs, model: m, env: m.CurrentEnv.Value, diags: validate.Sort(diags), out: out}, opts)
}

// envFailure returns the result of a migration that cannot start because no environment could
// be chosen (an unknown --env or local-env-info.json envName, or several environments and
// nothing saying which): the one error listing the environments, and nothing else; nil when an
// environment was chosen (or the project has none).
func envFailure(dir, out string, p *convert.Project, opts Options) *Result {
	var ds []validate.Diagnostic
	for _, d := range p.Diagnostics {
		if d.Severity == validate.Error && (d.Rule == convert.RuleEnvUnknown || d.Rule == convert.RuleEnvAmbiguous) {
			ds = append(ds, d)
		}
	}
	if len(ds) == 0 {
		return nil
	}
	format := opts.Format
	if format == "" {
		format = FormatJSON
	}
	version := opts.OutputsVersion
	if version == "" {
		version = outputs.DefaultVersion
	}
	// No sources were used: the report is its headline only.
	r := Report{Out: rel(dir, out), Outcome: "not-written", Version: version, Format: format}
	return &Result{Out: out, Blocked: true, Failed: true, Report: r, Diagnostics: validate.Sort(ds)}
}

func outPath(dir string, opts Options) string {
	if opts.Out != "" {
		return opts.Out
	}
	if opts.Format == FormatDart {
		return filepath.Join(dir, "amplify_outputs.dart")
	}
	return filepath.Join(dir, "amplify_outputs.json")
}

type runInput struct {
	root  string
	docs  []*convert.Document
	model schema.Model
	env   string
	diags []validate.Diagnostic
	out   string
}

func run(ctx context.Context, in runInput, opts Options) (*Result, error) {
	format := opts.Format
	if format == "" {
		format = FormatJSON
	}
	if format != FormatJSON && format != FormatDart {
		return nil, fmt.Errorf("unknown output format %q (valid: dart, json)", format)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	outFS := opts.OutFS
	if outFS == nil {
		outFS = outputs.OSFS{}
	}
	res := &Result{Out: in.out}
	var ds []validate.Diagnostic
	blocking := map[int]bool{} // indexes in ds of findings that block writing
	block := func(d validate.Diagnostic) { blocking[len(ds)] = true; ds = append(ds, d) }

	// The existing file, when there is one.
	var existing, existingJSON []byte
	var dartBefore, dartAfter []byte
	if in.out != "-" {
		var err error
		existing, err = readExisting(outFS, in.out)
		if err != nil {
			block(validate.Diagnostic{File: in.out, Severity: validate.Error, Rule: RuleExistingUnusable, Message: err.Error()})
		}
		existingJSON = existing
		if existing != nil && format == FormatDart {
			var ok bool
			dartBefore, existingJSON, dartAfter, ok = outputs.SplitDart(existing)
			if !ok {
				block(validate.Diagnostic{File: in.out, Severity: validate.Error, Rule: RuleExistingUnusable,
					Message: "the existing file holds no `amplifyConfig = r'''...'''`; fix it, remove it or choose another -o"})
				existingJSON = nil
			}
		}
	}

	version := opts.OutputsVersion
	unknownExisting := ""
	if !opts.VersionSet || version == "" {
		version = outputs.DefaultVersion
		switch v := outputs.ExistingVersion(existingJSON); {
		case outputs.KnownVersion(v):
			version = v
		case v != "":
			// Rewriting it as another version would silently change what the file says.
			block(existingVersionError(in.out, existing, existingJSON, v))
			unknownExisting = v
		}
	}

	// Gen 1 access to Gen 2 paths, and the settings Gen 2 cannot hold.
	m := in.model
	m.Buckets = slices.Clone(m.Buckets)
	var losses []Loss
	for i := range m.Buckets {
		b := &m.Buckets[i]
		if len(b.Paths) == 0 {
			var l []Loss
			b.Paths, l = PathsFromGen1(b)
			losses = append(losses, l...)
		}
		losses = append(losses, bucketLosses(b)...)
	}
	losses = append(losses, cliInputsLosses(in.docs, &m, opts.NoTables)...)

	o, fs := outputs.Build(&m, outputs.BuildOptions{Version: version, DefaultBucket: opts.DefaultBucket, NoTables: opts.NoTables})
	for _, f := range fs {
		switch {
		case f.Severity == validate.Error:
			block(f)
		case f.Rule == outputs.RuleVersionDrop:
			// One finding: the outputs/version-drop warning; the report lists it as a loss.
			losses = append(losses, Loss{Kind: LossVersionDrop, Message: f.Message, reported: true})
			ds = append(ds, f)
		default:
			ds = append(ds, f)
		}
	}
	if len(m.Buckets) == 0 {
		block(validate.Diagnostic{File: in.out, Severity: validate.Error, Rule: RuleNoBucket,
			Message: "the sources name no S3 bucket, so there is no storage to write; check the project folder and --env"})
	}

	// The new document.
	doc := o.JSON()
	if existingJSON != nil {
		merged, err := outputs.Merge(existingJSON, o)
		if err != nil {
			block(validate.Diagnostic{File: in.out, Severity: validate.Error, Rule: RuleExistingUnusable, Message: err.Error()})
		} else {
			doc = merged
		}
	}
	final := doc
	if format == FormatDart {
		if dartBefore != nil {
			final = slices.Concat(dartBefore, doc, dartAfter)
		} else {
			var err error
			if final, err = outputs.Dart(doc); err != nil {
				block(validate.Diagnostic{File: in.out, Severity: validate.Error, Rule: RuleExistingUnusable, Message: err.Error()})
				final = doc
			}
		}
	}
	res.Document = final

	// Validate the new document before anything is written.
	vds, err := validateOutput(ctx, in.out, final, format, opts.Ignore)
	if err != nil {
		return nil, err
	}
	for _, d := range vds {
		if d.Severity == validate.Error && strings.HasPrefix(d.Rule, "schema/") {
			block(d)
		} else {
			ds = append(ds, d)
		}
	}
	ds = append(ds, in.diags...)
	for _, l := range losses {
		if !l.reported {
			ds = append(ds, validate.At(l.Pos, validate.Warning, RuleLoss, "%s", l.Message))
		}
	}
	// Only blocking findings stay errors.
	for i := range ds {
		if ds[i].Severity == validate.Error && !blocking[i] {
			ds[i].Severity = validate.Warning
		}
	}
	ds = validate.Filter(ds, validate.Options{Ignore: opts.Ignore})
	res.Diagnostics = validate.Sort(ds)
	res.Blocked = validate.HasErrors(res.Diagnostics, opts.Strict)

	res.Report = buildReport(in, o, m.Buckets, losses, version, format)
	if unknownExisting != "" {
		res.Report.Version = unknownExisting // what the file says; nothing was written
	}
	switch {
	case in.out == "-" || opts.DryRun:
		res.Report.Outcome = "dry-run"
	case opts.Check:
		res.UpToDate = existing != nil && bytes.Equal(existing, final)
		if !res.UpToDate {
			oldName := rel(in.root, in.out)
			if existing == nil {
				oldName = "/dev/null"
				res.Report.Outcome = "missing"
			} else {
				res.Report.Outcome = "out-of-date"
			}
			res.Diff = UnifiedDiff(oldName, rel(in.root, in.out), existing, final)
		} else {
			res.Report.Outcome = "up-to-date"
		}
	case res.Blocked:
		res.Report.Outcome = "not-written"
	case existing != nil && bytes.Equal(existing, final):
		res.UpToDate = true
		res.Report.Outcome = "up-to-date"
	default:
		if err := outputs.WriteFileAtomic(outFS, in.out, final); err != nil {
			res.Report.Outcome = "not-written"
			res.Failed = true
			return res, err
		}
		res.Wrote = true
		res.Report.Outcome = "wrote"
	}
	res.Failed = res.Blocked || (opts.Check && !res.UpToDate)
	return res, nil
}

// readExisting returns the existing output file, nil when there is none, or an error when it
// cannot be used (not a regular file, unreadable, too large).
func readExisting(fsys outputs.FS, path string) ([]byte, error) {
	info, err := fsys.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot use the output file: %v", err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("the output path is not a regular file; refusing to replace it: choose another with -o")
	}
	if info.Size() > maxExisting {
		return nil, fmt.Errorf("the existing output file is over %d MiB; refusing to merge into it", maxExisting>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the existing output file: %v", err)
	}
	return data, nil
}

// validateOutput reads the new document back with the outputs reader and checks it with the
// project's schema and rules.
func validateOutput(ctx context.Context, out string, data []byte, format string, ignore []string) ([]validate.Diagnostic, error) {
	f := schema.AmplifyOutputs
	if format == FormatDart {
		f = schema.AmplifyOutputsDart
	}
	name := out
	if name == "-" {
		name = "<output>"
	}
	doc, err := convert.Read(ctx, convert.Source{Name: name, Data: data}, convert.ReadOptions{From: f})
	if err != nil {
		return nil, err
	}
	ds := slices.Clone(doc.Diagnostics)
	ds = append(ds, validate.Check(doc.Input(), validate.Options{Ignore: ignore})...)
	return ds, nil
}

// bucketLosses lists a bucket's settings that Gen 2 outputs cannot hold.
func bucketLosses(b *schema.Bucket) []Loss {
	var ls []Loss
	if b.TestEndpoint.Set && b.TestEndpoint.Value {
		ls = append(ls, Loss{Kind: LossTestEndpoint, Bucket: b.BucketName.Value, Pos: b.TestEndpoint.Pos,
			Message: "aws_user_files_s3_dangerously_connect_to_http_endpoint_for_testing is true: Gen 2 outputs have no such setting; configure the test endpoint in the app instead"})
	}
	if b.Gen1 != nil && b.Gen1.DefaultAccessLevel.Value != "" {
		ls = append(ls, Loss{Kind: LossDefaultAccessLevel, Bucket: b.BucketName.Value, Pos: b.Gen1.DefaultAccessLevel.Pos,
			Message: "defaultAccessLevel " + quote(b.Gen1.DefaultAccessLevel.Value) + ": Gen 2 has no default access level; pass the full path in each Storage call"})
	}
	if b.Gen1 != nil && b.Gen1.TriggerFunction.Value != "" {
		ls = append(ls, Loss{Kind: LossTrigger, Bucket: b.BucketName.Value, Pos: b.Gen1.TriggerFunction.Pos,
			Message: "S3 trigger function " + quote(b.Gen1.TriggerFunction.Value) + ": Gen 2 outputs do not describe triggers; it stays attached to the bucket only while the Gen 1 backend exists"})
	}
	return ls
}

func buildReport(in runInput, o *outputs.Outputs, buckets []schema.Bucket, losses []Loss, version, format string) Report {
	r := Report{Out: rel(in.root, in.out), Version: version, Format: format, Env: in.env}
	for _, d := range in.docs {
		r.Sources = append(r.Sources, ReportSource{File: rel(in.root, d.File), Format: d.Format})
	}
	mgmt := map[string]schema.Management{}
	for _, b := range buckets {
		mgmt[b.BucketName.Value] = b.Management
	}
	if o.Storage != nil {
		list := o.Storage.Buckets
		if list == nil { // version 1: only the default bucket
			for _, b := range buckets {
				if b.BucketName.Value == o.Storage.BucketName {
					list = []outputs.Bucket{{Name: b.Name.Value, BucketName: o.Storage.BucketName, AWSRegion: o.Storage.AWSRegion,
						Default: true, BucketNameDerived: b.DerivedName, Source: firstPos(b.BucketName.Pos, b.Name.Pos)}}
					break
				}
			}
		}
		for _, b := range list {
			r.Buckets = append(r.Buckets, ReportBucket{Name: b.Name, BucketName: b.BucketName, Region: b.AWSRegion,
				Default: b.Default, NameDerived: b.NameDerived, BucketNameDerived: b.BucketNameDerived,
				Management: mgmt[b.BucketName], Paths: len(b.Paths), At: relPos(in.root, b.Source)})
		}
	}
	tmgmt := map[string]schema.Management{}
	for _, t := range in.model.Tables {
		tmgmt[t.TableName.Value] = t.Management
	}
	for _, t := range o.Tables {
		r.Tables = append(r.Tables, ReportTable{Name: t.Name, TableName: t.TableName, Region: t.AWSRegion,
			TableNameDerived: t.TableNameDerived, Management: tmgmt[t.TableName], At: relPos(in.root, t.Source)})
	}
	for _, l := range losses {
		l.Pos = relPos(in.root, l.Pos)
		r.Losses = append(r.Losses, l)
	}
	return r
}

// rel returns path relative to root when it is inside it, with forward slashes.
func rel(root, path string) string {
	if root == "" || path == "-" {
		return path
	}
	if r, err := filepath.Rel(root, path); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return path
}

func relPos(root string, p schema.Pos) schema.Pos {
	if p.File() != "" {
		return p.WithFile(rel(root, p.File()))
	}
	return p
}

// mergeModels merges the documents' models in order: buckets by physical name (or resource
// name when unnamed) and tables by table name; the first value wins and later ones fill gaps.
func mergeModels(docs []*convert.Document) schema.Model {
	var m schema.Model
	for _, d := range docs {
		dm := d.Model
		if !m.ProjectRegion.Set {
			m.ProjectRegion = dm.ProjectRegion
		}
		if !m.CurrentEnv.Set {
			m.CurrentEnv = dm.CurrentEnv
		}
		for _, b := range dm.Buckets {
			i := slices.IndexFunc(m.Buckets, func(x schema.Bucket) bool { return sameBucket(x, b) })
			if i < 0 {
				m.Buckets = append(m.Buckets, b)
				continue
			}
			x := &m.Buckets[i]
			fill(&x.Name, b.Name)
			fill(&x.BucketName, b.BucketName)
			fill(&x.Region, b.Region)
			x.Default = x.Default || b.Default
			if x.Gen1 == nil {
				x.Gen1 = b.Gen1
			}
			if len(x.Paths) == 0 {
				x.Paths = b.Paths
			}
			if x.Management == schema.ManagementUnknown {
				x.Management = b.Management
			}
		}
		for _, t := range dm.Tables {
			i := slices.IndexFunc(m.Tables, func(x schema.Table) bool {
				return x.TableName.Value != "" && x.TableName.Value == t.TableName.Value
			})
			if i < 0 {
				m.Tables = append(m.Tables, t)
				continue
			}
			x := &m.Tables[i]
			fill(&x.Name, t.Name)
			fill(&x.Region, t.Region)
			fill(&x.ARN, t.ARN)
			fill(&x.StreamARN, t.StreamARN)
			if x.PartitionKey == nil {
				x.PartitionKey = t.PartitionKey
			}
			if x.SortKey == nil {
				x.SortKey = t.SortKey
			}
		}
	}
	return m
}

func sameBucket(a, b schema.Bucket) bool {
	if a.BucketName.Value != "" && b.BucketName.Value != "" {
		return a.BucketName.Value == b.BucketName.Value
	}
	return a.Name.Value != "" && a.Name.Value == b.Name.Value
}

func fill(dst *schema.String, src schema.String) {
	if dst.Value == "" && src.Value != "" {
		*dst = src
	}
}

// existingVersionError is the blocking finding for an existing output file whose "version" is
// none the writer knows, positioned at that value. json is the file's JSON part: all of it, or
// the raw string of a Dart file (a part of existing).
func existingVersionError(file string, existing, json []byte, version string) validate.Diagnostic {
	base := max(bytes.Index(existing, json), 0)
	data := json
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		data, base = data[3:], base+3
	}
	off := -1
	gjson.ParseBytes(data).ForEach(func(k, v gjson.Result) bool {
		if k.Str == "version" {
			off = base + v.Index // the last duplicate wins, as ExistingVersion reads it
		}
		return true
	})
	msg := "the existing file has version %q, which this tool cannot write (known: %s); nothing is written: pass --outputs-version with one of those to rewrite it in that version"
	if off < 0 {
		return validate.Diagnostic{File: file, Severity: validate.Error, Rule: outputs.RuleUnknownVersion,
			Message: fmt.Sprintf(msg, version, strings.Join(outputs.Versions(), ", "))}
	}
	return validate.NewLines(file, existing).At(off, "/version", validate.Error, outputs.RuleUnknownVersion,
		msg, version, strings.Join(outputs.Versions(), ", "))
}
