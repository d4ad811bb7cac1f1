package convert

import (
	"context"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig"
)

// readAWSExports reads aws-exports.js (and .mjs/.cjs/.ts copies): statically from the
// syntax tree by default, or by evaluating it in a sandbox with opts.Eval. An evaluation that
// cannot run (timeout, kill, evaluator failure) is the error; everything about the content is
// a diagnostic.
func readAWSExports(ctx context.Context, doc *Document, data []byte, opts ReadOptions) error {
	if !opts.Eval {
		mapJSResult(doc, jsconfig.ReadStatic(doc.File, data, doc.Lines))
		return nil
	}
	timeout := opts.EvalTimeout
	if timeout <= 0 {
		timeout = DefaultEvalTimeout
	}
	res, err := jsconfig.Evaluate(ctx, opts.Evaluator, jsconfig.EvalRequest{Name: doc.File, Source: data, Defines: opts.Defines, Timeout: timeout}, doc.Lines)
	if err != nil {
		return err
	}
	mapJSResult(doc, res)
	return nil
}
