package convert

import (
	"context"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Rule IDs for loading a project.
const (
	// RuleNoSources: the folder holds no Amplify configuration at all.
	RuleNoSources = "project/no-sources"
	// RuleUnreadableFile: a discovered source could not be read.
	RuleUnreadableFile = "project/unreadable-file"
	// RuleServiceUnknown: a managed resource whose service no backend-config.json entry gives.
	RuleServiceUnknown = "project/service-unknown"
	// RuleCannotDerive: a managed resource's physical name is in no file and cannot be derived.
	RuleCannotDerive = "project/cannot-derive"
	// RuleDerivedName: a physical name was derived the way amplify-cli names managed resources.
	RuleDerivedName = "project/derived-name"
	// RuleDerivedNameMismatch: a frontend config names another bucket than the derived one.
	RuleDerivedNameMismatch = "project/derived-name-mismatch"
	// RuleMetaOtherEnv: amplify-meta.json describes another environment than the chosen one.
	RuleMetaOtherEnv = "project/meta-other-env"
	// RuleFrontendOnly: a frontend config names storage no Gen 1 resource of the env matches.
	RuleFrontendOnly = "project/frontend-only-storage"
	// RuleOutputsIgnored: a Gen 2 amplify_outputs file in a Gen 1 project is not a source.
	RuleOutputsIgnored = "project/outputs-ignored"
)

// ProjectOptions control LoadProject.
type ProjectOptions struct {
	// ReadOptions apply to every source (From is ignored: each file's place says its format).
	ReadOptions
	// Env chooses the Gen 1 environment (--env); "" means local-env-info.json's, else the only one.
	Env string
	// FS is the file system seam; nil means the operating system's files (OSFS).
	FS WalkFS
	// Exclude lists paths never read as sources (for example the file migrate writes).
	Exclude []string
}

// Project is a project folder's storage sources and the storage they describe together.
type Project struct {
	// Root is the folder as given.
	Root string
	// Docs are every source read, sorted by path.
	Docs []*Document
	// Envs are the Gen 1 environments (team-provider-info.json order).
	Envs []string
	// Env is the chosen environment ("" when the project has none or none could be chosen).
	Env string
	// Model is the merged storage of the chosen environment.
	Model schema.Model
	// Diagnostics are the project-level findings (discovery, environment choice, merging);
	// each document keeps its own. AllDiagnostics returns both.
	Diagnostics []validate.Diagnostic
}

// AllDiagnostics returns the project's and every document's diagnostics, sorted.
func (p *Project) AllDiagnostics() []validate.Diagnostic {
	all := slices.Clone(p.Diagnostics)
	for _, d := range p.Docs {
		all = append(all, d.Diagnostics...)
	}
	return validate.Sort(all)
}

// Failed reports whether any diagnostic of the project or its documents is an error.
func (p *Project) Failed() bool { return validate.HasErrors(p.AllDiagnostics(), false) }

// LoadProject discovers the sources of the project at root (see Discover), reads each one,
// chooses the Gen 1 environment (opts.Env, else local-env-info.json's envName, else the only
// one, else RuleEnvAmbiguous) and merges the sources into one model for that environment:
// resources from team-provider-info.json and backend-config.json, access settings and keys
// from cli-inputs.json, deployed names from amplify-meta.json (when it is for that env), and
// the frontend configs. A managed bucket with no name in any file gets the name amplify-cli
// gives it (cli-inputs bucketName + the 4th '-'-separated part of the env's StackName + "-" +
// env; bucketName-env for stack names without one), a managed table tableName-env; both are
// marked DerivedName, and a frontend config that names another bucket wins (with a warning).
// Projects without amplify/ (frontend configs only, or Gen 2 amplify_outputs.json) merge
// their frontend files. Content problems are diagnostics; the error is for a root that cannot
// be listed, a cancelled ctx, or a reader that could not run (an --eval failure).
func LoadProject(ctx context.Context, root string, opts ProjectOptions) (*Project, error) {
	fsys := opts.FS
	if fsys == nil {
		fsys = OSFS{}
	}
	paths, diags, err := Discover(root, fsys)
	if err != nil {
		return nil, err
	}
	p := &Project{Root: root, Diagnostics: diags}
	excluded := map[string]bool{}
	for _, e := range opts.Exclude {
		excluded[absPath(e)] = true
	}
	for _, path := range paths {
		if excluded[absPath(path)] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc, err := readProjectFile(ctx, fsys, root, path, opts.ReadOptions)
		if err != nil {
			return nil, err
		}
		p.Docs = append(p.Docs, doc)
	}
	if len(p.Docs) == 0 {
		p.Diagnostics = append(p.Diagnostics, validate.Diagnostic{File: root, Severity: validate.Error, Rule: RuleNoSources,
			Message: "no Amplify configuration found: no amplify/ backend files and no aws-exports.js, amplifyconfiguration.*, awsconfiguration.json or amplify_outputs.* (node_modules and build output are not searched)"})
	}
	m := merger{p: p, opts: opts}
	m.merge()
	p.Diagnostics = validate.Sort(p.Diagnostics)
	if p.Model.Buckets == nil {
		p.Model.Buckets = []schema.Bucket{}
	}
	if p.Model.Tables == nil {
		p.Model.Tables = []schema.Table{}
	}
	return p, nil
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// readProjectFile reads one discovered source through fsys, with the format its place in the
// project says (amplifyconfiguration.json is detected: web and native share the name).
func readProjectFile(ctx context.Context, fsys WalkFS, root, path string, ro ReadOptions) (*Document, error) {
	ro.From = formatAt(root, path)
	maxSize := ro.MaxSize
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	fail := func(rule, format string, args ...any) *Document {
		return &Document{File: path, Format: ro.From, Lines: validate.NewLines(path, nil),
			Model:       schema.Model{Buckets: []schema.Bucket{}, Tables: []schema.Table{}},
			Diagnostics: []validate.Diagnostic{{File: path, Severity: validate.Error, Rule: rule, Message: sprintf(format, args...)}}}
	}
	// Stat first so that a huge file is refused without reading it into memory.
	if info, err := fsys.Stat(path); err == nil && info.Size() > int64(maxSize) {
		return fail(RuleTooLarge, "file is %s, over the %s limit for a configuration file",
			humanSize(int(min(info.Size(), 1<<40))), humanSize(maxSize)), nil
	}
	data, err := fsys.ReadFile(path)
	if err != nil {
		return fail(RuleUnreadableFile, "cannot read this file (%v)", unwrapPathError(err)), nil
	}
	return Read(ctx, Source{Name: path, Data: data}, ro)
}

// formatAt returns the format a project source has by its place, or FormatUnknown to detect.
func formatAt(root, path string) schema.Format {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		rel = path
	}
	rel = filepath.ToSlash(rel)
	switch rel {
	case "amplify/team-provider-info.json":
		return schema.TeamProviderInfo
	case "amplify/backend/backend-config.json":
		return schema.BackendConfig
	case "amplify/backend/amplify-meta.json":
		return schema.AmplifyMeta
	case "amplify/.config/local-env-info.json":
		return schema.LocalEnvInfo
	}
	switch base := filepath.Base(rel); {
	case base == "cli-inputs.json":
		return schema.CLIInputs
	case strings.HasPrefix(base, "aws-exports."):
		return schema.AWSExports
	case base == "amplifyconfiguration.dart":
		return schema.AmplifyConfigDart
	case base == "awsconfiguration.json":
		return schema.AWSConfiguration
	case base == "amplify_outputs.json":
		return schema.AmplifyOutputs
	case base == "amplify_outputs.dart":
		return schema.AmplifyOutputsDart
	}
	return schema.FormatUnknown
}

// projectJSON is a Project as WriteProject shows it.
type projectJSON struct {
	Root        string                `json:"root"`
	Envs        []string              `json:"envs"`
	Env         string                `json:"env"`
	Sources     []projectSourceJSON   `json:"sources"`
	Model       schema.Model          `json:"model"`
	Diagnostics []validate.Diagnostic `json:"diagnostics"`
}

type projectSourceJSON struct {
	File        string                `json:"file"`
	Format      string                `json:"format"`
	Diagnostics []validate.Diagnostic `json:"diagnostics"`
}

// WriteProject writes a loaded project as indented JSON in a stable order: the root, the
// environments and the chosen one, every source read (file, format and its diagnostics), the
// merged model, and the project-level diagnostics.
func WriteProject(w io.Writer, p *Project) error {
	out := projectJSON{Root: p.Root, Envs: p.Envs, Env: p.Env, Sources: []projectSourceJSON{}, Model: p.Model,
		Diagnostics: p.Diagnostics}
	if out.Envs == nil {
		out.Envs = []string{}
	}
	if out.Diagnostics == nil {
		out.Diagnostics = []validate.Diagnostic{}
	}
	for _, d := range p.Docs {
		s := projectSourceJSON{File: d.File, Format: string(d.Format), Diagnostics: d.Diagnostics}
		if s.Format == "" {
			s.Format = "unknown"
		}
		if s.Diagnostics == nil {
			s.Diagnostics = []validate.Diagnostic{}
		}
		out.Sources = append(out.Sources, s)
	}
	return writeIndentedJSON(w, out)
}
