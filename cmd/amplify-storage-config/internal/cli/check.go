package cli

import (
	"context"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// checkDocument returns a document's reader findings plus what validation finds in it (its
// format's JSON Schema and the rules).
func checkDocument(doc *convert.Document) []validate.Diagnostic {
	in := validate.Input{File: doc.File, Format: doc.Format, Model: &doc.Model, Value: doc.Value, Locate: doc.Locate, Lines: doc.Lines}
	return append(append([]validate.Diagnostic{}, doc.Diagnostics...), validate.Check(in, validate.Options{})...)
}

// checkProject validates the project in dir: every source it holds, one by one and in
// parallel, then the sources against each other. It returns the findings and how many files
// were read; the error is for a project that could not be read at all.
func (a *App) checkProject(ctx context.Context, dir, env string, opts convert.ReadOptions) ([]validate.Diagnostic, int, error) {
	p, err := convert.LoadProject(ctx, dir, convert.ProjectOptions{ReadOptions: opts, Env: env})
	if err != nil {
		return nil, 0, err
	}
	perDoc := make([][]validate.Diagnostic, len(p.Docs))
	err = a.parallel(len(p.Docs), "checking", func(i int) string { return p.Docs[i].File }, func(i int) error {
		perDoc[i] = checkDocument(p.Docs[i])
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	diags := append([]validate.Diagnostic{}, p.Diagnostics...)
	sources := make([]validate.SourceModel, 0, len(p.Docs))
	for i, d := range p.Docs {
		diags = append(diags, perDoc[i]...)
		sources = append(sources, validate.SourceModel{File: d.File, Format: d.Format, Model: &d.Model})
	}
	diags = append(diags, validate.CrossCheck(p.Env, sources)...)
	return attachAll(p.Docs, diags), len(p.Docs), nil
}

// attachAll fills in the source line of every diagnostic that points into one of docs.
func attachAll(docs []*convert.Document, diags []validate.Diagnostic) []validate.Diagnostic {
	lines := make(map[string]*validate.Lines, len(docs))
	for _, d := range docs {
		if d.Lines != nil {
			lines[d.File] = d.Lines
		}
	}
	for i, d := range diags {
		if l := lines[d.File]; l != nil {
			diags[i] = l.Attach(d)
		}
	}
	return diags
}
