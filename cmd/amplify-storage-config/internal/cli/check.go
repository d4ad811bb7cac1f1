package cli

import (
	"context"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// checkDocument returns a document's reader findings plus what validation finds in it (its
// format's JSON Schema and the rules).
func checkDocument(doc *convert.Document) []validate.Diagnostic {
	return convert.CheckDocument(doc, validate.Options{})
}

// checkProject validates the project in dir (convert.CheckProject: every source, the resolved
// storage, the sources against each other; every env when none is chosen). It returns the
// findings and how many files were read; the error is for a project that could not be read.
func (a *App) checkProject(ctx context.Context, dir, env string, opts convert.ReadOptions) ([]validate.Diagnostic, int, error) {
	p, diags, err := convert.CheckProject(ctx, dir, convert.ProjectOptions{ReadOptions: opts, Env: env}, validate.Options{})
	if err != nil {
		return nil, 0, err
	}
	return diags, len(p.Docs), nil
}

// attachAll fills in the source line of every diagnostic that points into one of docs.
func attachAll(docs []*convert.Document, diags []validate.Diagnostic) []validate.Diagnostic {
	return convert.AttachSnippets(docs, diags)
}
