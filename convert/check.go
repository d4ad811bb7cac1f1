package convert

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// RuleEveryEnv: a project with several envs and none chosen was checked in each of them.
const RuleEveryEnv = "project/every-env"

// Input returns what validate.Check needs to check this document.
func (d *Document) Input() validate.Input {
	return validate.Input{File: d.File, Format: d.Format, Model: &d.Model, Value: d.value, JSON: d.json, Locate: d.Locate, Lines: d.Lines}
}

// CheckDocument returns the reader's findings for doc plus what validation finds in it: its
// format's JSON Schema and the Amplify/AWS rules. The result is sorted and filtered by opts.
func CheckDocument(doc *Document, opts validate.Options) []validate.Diagnostic {
	checked := validate.Check(doc.Input(), opts)
	ds := append(withoutSchemaRepeats(doc.Diagnostics, checked), checked...)
	return AttachSnippets([]*Document{doc}, validate.Sort(validate.Filter(ds, opts)))
}

// withoutSchemaRepeats drops the reader's wrong-type findings (config/type) where the JSON
// Schema already reports one at the same place: one mistake, one finding. Formats without a
// schema keep the reader's.
func withoutSchemaRepeats(reader, checked []validate.Diagnostic) []validate.Diagnostic {
	type place struct {
		line, column int
	}
	schemaAt := map[place]bool{}
	for _, d := range checked {
		if strings.HasPrefix(d.Rule, "schema/") {
			schemaAt[place{d.Line, d.Column}] = true
		}
	}
	out := make([]validate.Diagnostic, 0, len(reader))
	for _, d := range reader {
		if d.Rule == RuleType && schemaAt[place{d.Line, d.Column}] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// CheckProject loads the project in root and validates it: every source on its own (in
// parallel), the storage the project resolves to, and the sources against each other (a stale
// copy is named with both locations). Without an env (opts.Env empty and no
// local-env-info.json, as on a clean clone, where the Gen 1 CLI's .gitignore leaves it out) a
// project with several envs is checked in each of them. The error is for a project that could
// not be read at all.
func CheckProject(ctx context.Context, root string, opts ProjectOptions, vopts validate.Options) (*Project, []validate.Diagnostic, error) {
	p, err := LoadProject(ctx, root, opts)
	if err != nil {
		return nil, nil, err
	}
	perDoc := make([][]validate.Diagnostic, len(p.Docs))
	forEach(len(p.Docs), func(i int) { perDoc[i] = CheckDocument(p.Docs[i], vopts) })
	ds := slices.Concat(perDoc...)

	projects := []*Project{p}
	if p.Env == "" && len(p.Envs) > 1 && onlyEnvAmbiguity(p.Diagnostics) {
		projects = projects[:0]
		for _, env := range p.Envs {
			po := opts
			po.Env = env
			pe, err := LoadProject(ctx, root, po)
			if err != nil {
				return nil, nil, err
			}
			projects = append(projects, pe)
		}
		ds = append(ds, validate.Diagnostic{File: p.Root, Line: 1, Column: 1, Severity: validate.Info, Rule: RuleEveryEnv,
			Message: sprintf("no env chosen (no --env, no amplify/.config/local-env-info.json): checked each of %s; pass --env to check one", strings.Join(p.Envs, ", "))})
	}
	for _, pe := range projects {
		ds = append(ds, projectFindings(pe)...)
	}
	return p, AttachSnippets(p.Docs, validate.Sort(validate.Filter(ds, vopts))), nil
}

// projectFindings are what one env's view of the project adds to the per-file findings: the
// loader's own, the rules on the resolved model (a derived bucket name can break AWS's rules),
// and the cross-source comparison.
func projectFindings(p *Project) []validate.Diagnostic {
	ds := slices.Clone(p.Diagnostics)
	sources := make([]validate.SourceModel, 0, len(p.Docs)+1)
	if isGen1(p) {
		// The loader already settled which copy wins; the cross-check compares every copy
		// with that and reports the disagreements (so the loader's own stale-copy notes would
		// only say it twice).
		ds = slices.DeleteFunc(ds, func(d validate.Diagnostic) bool { return d.Rule == RuleStaleCopy })
		ds = append(ds, validate.CheckModel(&p.Model, schema.FormatUnknown)...)
		sources = append(sources, validate.SourceModel{File: p.Root, Model: &p.Model, Resolved: true})
	}
	for _, d := range p.Docs {
		sources = append(sources, validate.SourceModel{File: d.File, Format: d.Format, Model: &d.Model})
	}
	return append(ds, validate.CrossCheck(p.Env, sources)...)
}

// isGen1 reports whether the project has a Gen 1 backend folder (and so a resolved model).
func isGen1(p *Project) bool {
	return slices.ContainsFunc(p.Docs, func(d *Document) bool {
		return d.Format == schema.TeamProviderInfo || d.Format == schema.BackendConfig
	})
}

// onlyEnvAmbiguity reports whether the loader's only error is that no env could be chosen.
func onlyEnvAmbiguity(ds []validate.Diagnostic) bool {
	ambiguous := false
	for _, d := range ds {
		if d.Severity != validate.Error {
			continue
		}
		if d.Rule != RuleEnvAmbiguous {
			return false
		}
		ambiguous = true
	}
	return ambiguous
}

// AttachSnippets fills in the source line of every diagnostic that points into one of docs, for
// the caret display of text output.
func AttachSnippets(docs []*Document, ds []validate.Diagnostic) []validate.Diagnostic {
	lines := make(map[string]*validate.Lines, len(docs))
	for _, d := range docs {
		if d.Lines != nil {
			lines[d.File] = d.Lines
		}
	}
	for i, d := range ds {
		if l := lines[d.File]; l != nil {
			ds[i] = l.Attach(d)
		}
	}
	return ds
}

// forEach runs f(0..n-1) on up to GOMAXPROCS goroutines. A panic in f is raised again in the
// caller once the others finish, where the CLI's recovery reports it instead of crashing.
func forEach(n int, f func(i int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	next := make(chan int)
	panics := make([]any, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if panics[w] = recover(); panics[w] != nil {
					for range next { // drain, so that the sender is not left blocked
					}
				}
			}()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
}
