// Package jsconfig reads the configuration object out of a JavaScript file (Gen 1
// aws-exports.js and its hand-made copies): statically from goja's AST by default, or by
// evaluating the file in a sandbox when asked to. ChildProcess runs each evaluation in the
// amplify-storage-config-eval program under time and memory limits; the JavaScript runtime
// itself (goja's) is in the sandbox package, which only that program links.
package jsconfig

import (
	"context"
	"time"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Result is the exported configuration object of one file.
type Result struct {
	// Value is the object as a generic JSON value (map[string]any, []any, string,
	// json.Number, bool, nil). Members whose value is not a literal are left out of it and
	// listed in NonLiteral instead. Nil when no object was found.
	Value any
	// Locate gives the position of the value (or key) at a JSON Pointer into Value.
	Locate validate.Locator
	// NonLiteral lists the members the static reader could not read.
	NonLiteral []NonLiteral
	// Diagnostics are syntax errors, "no exported object", TypeScript annotations, etc.
	Diagnostics []validate.Diagnostic
}

// NonLiteral is a member whose value is code (process.env.X, a call, a spread, an identifier).
type NonLiteral struct {
	// Pointer is where the value would sit in Result.Value.
	Pointer string
	// Pos is the position of the expression in the file.
	Pos schema.Pos
	// Code is the expression's source text, shortened for messages.
	Code string
}

// DefaultTimeout bounds one evaluation when EvalRequest.Timeout is zero.
const DefaultTimeout = 2 * time.Second

// MaxExportedJSON bounds the JSON text of an evaluated export, in characters.
const MaxExportedJSON = 16 << 20

// EvalRequest is one file to evaluate.
type EvalRequest struct {
	Name    string
	Source  []byte
	Defines map[string]string
	Timeout time.Duration
}

// Evaluator evaluates a JavaScript config file and returns its exported value as JSON text.
// An error is either an *EvalError (the script itself failed: a finding) or anything else (the
// evaluation could not run: timeout, memory limit, child process failure).
type Evaluator interface {
	Evaluate(ctx context.Context, req EvalRequest) ([]byte, error)
}

// EvalError is a failure of the evaluated script itself (it threw, has a syntax error, or
// exports nothing): a finding about the file, not a failure to run.
type EvalError struct {
	// Rule is the diagnostic rule ID (RuleEvalError, RuleSyntax, RuleNoExport, ...).
	Rule string `json:"rule"`
	// Message says what went wrong and how to fix it.
	Message string `json:"message"`
	// Offset is the byte offset in the source the failure points at; -1 when unknown.
	Offset int `json:"offset"`
}

// Error returns the message.
func (e *EvalError) Error() string { return e.Message }
