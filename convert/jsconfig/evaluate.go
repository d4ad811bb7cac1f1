package jsconfig

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Evaluate evaluates req.Source with ev (nil means ChildProcess{}: the sandbox program) and
// reads the exported value from the JSON it returns. Positions come from the static AST where
// the same literal exists, else from the export statement. A script that fails is a diagnostic in the Result; the error
// is non-nil only when the evaluation could not run (timeout, memory limit, child failure).
func Evaluate(ctx context.Context, ev Evaluator, req EvalRequest, lines *validate.Lines) (Result, error) {
	if ev == nil {
		ev = ChildProcess{}
	}
	if lines == nil {
		lines = validate.NewLines(req.Name, req.Source)
	}
	// The static reading supplies positions; its own findings (non-literals) do not matter.
	st, _ := analyze(req.Name, req.Source, lines)
	out, err := ev.Evaluate(ctx, req)
	if err != nil {
		var ee *EvalError
		if errors.As(err, &ee) {
			d := finding(lines, ee)
			if ee.Offset < 0 && st != nil {
				d = finding(lines, &EvalError{Rule: ee.Rule, Message: ee.Message, Offset: st.site.off})
			}
			return Result{Diagnostics: []validate.Diagnostic{d}}, nil
		}
		return Result{}, err
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	var value any
	if err := dec.Decode(&value); err != nil {
		return Result{}, fmt.Errorf("evaluation of %s returned unreadable JSON: %w", req.Name, err)
	}
	res := Result{Value: value}
	if st != nil {
		res.Locate = st.locator()
		res.Diagnostics = st.r.diags
	} else {
		res.Locate = fileStart{lines}
	}
	return res, nil
}

// fileStart locates every pointer at the start of the file (when the static reading found no
// export to match pointers against).
type fileStart struct{ lines *validate.Lines }

// PosOf returns line 1, column 1.
func (f fileStart) PosOf(pointer string) schema.Pos { return f.lines.Pos(0, pointer) }
