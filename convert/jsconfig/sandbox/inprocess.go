// Package sandbox evaluates JavaScript config files with goja, for --eval: InProcess runs a
// file in a fresh runtime with no file, network or process access and a time limit, and Main is
// the amplify-storage-config-eval program, which runs InProcess in a child process under a
// memory limit (jsconfig.ChildProcess starts it). It is a package of its own because goja's
// runtime is large: linking it costs every command of amplify-storage-config several
// milliseconds of start-up, and only --eval needs it.
package sandbox

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig"
)

// maxCallStack bounds JavaScript recursion (goja throws a RangeError beyond it).
const maxCallStack = 10_000

// InProcess evaluates a file in a fresh goja runtime inside this process. Time is bounded
// (goja's Interrupt), memory is not: goja has no memory limit and Interrupt does not stop
// native built-ins, so untrusted input should go through jsconfig.ChildProcess and the
// amplify-storage-config-eval program (Main). The zero value is ready to use.
type InProcess struct{}

// serializer is the JavaScript that writes the exported value as JSON. It is defined before
// the user's script runs and keeps its own references to the built-ins it uses. It follows
// JSON.stringify (toJSON, undefined and functions left out, non-finite numbers as null) but
// bounds depth and size and runs as interruptible JavaScript.
const serializer = `(function () {
	var keys = Object.keys, isArray = Array.isArray, str = JSON.stringify, fin = isFinite;
	var TE = TypeError, RE = RangeError;
	return function (value, maxDepth, maxLen) {
		var out = [], len = 0, stack = [];
		function emit(s) {
			len += s.length;
			if (len > maxLen) throw new RE("the exported value is longer than " + maxLen + " characters as JSON");
			out.push(s);
		}
		function ser(v, depth) {
			if (v !== null && (typeof v === "object" || typeof v === "bigint") && typeof v.toJSON === "function") v = v.toJSON();
			switch (typeof v) {
			case "string": emit(str(v)); return true;
			case "number": emit(fin(v) ? str(v) : "null"); return true;
			case "boolean": emit(v ? "true" : "false"); return true;
			case "bigint": throw new TE("a BigInt value cannot be written as JSON");
			case "undefined": case "function": case "symbol": return false;
			}
			if (v === null) { emit("null"); return true; }
			if (depth >= maxDepth) throw new RE("the exported value nests deeper than " + maxDepth + " levels");
			for (var s = 0; s < stack.length; s++) if (stack[s] === v) throw new TE("the exported value refers to itself (a cycle)");
			stack.push(v);
			if (isArray(v)) {
				emit("[");
				for (var i = 0, n = v.length; i < n; i++) {
					if (i) emit(",");
					if (!ser(v[i], depth + 1)) emit("null");
				}
				emit("]");
			} else {
				emit("{");
				var ks = keys(v), first = true;
				for (var k = 0; k < ks.length; k++) {
					var mark = out.length, markLen = len;
					if (!first) emit(",");
					emit(str(ks[k]) + ":");
					if (ser(v[ks[k]], depth + 1)) first = false; else { out.length = mark; len = markLen; }
				}
				emit("}");
			}
			stack.pop();
			return true;
		}
		return ser(value, 0) ? out.join("") : undefined;
	};
})()`

// timeUp is the value Interrupt is called with when the time is up.
type timeUp struct{}

// Evaluate runs req.Source and returns its exported value as JSON text. A failure of the
// script is a *jsconfig.EvalError; any other error means the evaluation could not run.
func (InProcess) Evaluate(ctx context.Context, req jsconfig.EvalRequest) ([]byte, error) {
	timeout := req.Timeout
	if timeout <= 0 {
		timeout = jsconfig.DefaultTimeout
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	script, err := jsconfig.PrepareScript(req.Name, req.Source)
	if err != nil {
		return nil, err
	}
	prog, err := goja.CompileAST(script.Program(), false)
	if err != nil {
		return nil, &jsconfig.EvalError{Rule: jsconfig.RuleEvalError, Offset: -1, Message: "the script does not compile: " + err.Error()}
	}

	vm := goja.New() // fresh per call and never reused: an interrupt may leave it poisoned
	vm.SetParserOptions(parser.WithDisableSourceMaps)
	vm.SetMaxCallStackSize(maxCallStack)
	env := vm.NewObject()
	for k, v := range req.Defines {
		if err := env.Set(k, v); err != nil {
			return nil, fmt.Errorf("setting process.env.%s: %w", k, err)
		}
	}
	process := vm.NewObject()
	if err := process.Set("env", env); err != nil {
		return nil, err
	}
	if err := vm.Set("process", process); err != nil {
		return nil, err
	}

	timer := time.AfterFunc(timeout, func() { vm.Interrupt(timeUp{}) })
	defer timer.Stop()
	stop := context.AfterFunc(ctx, func() { vm.Interrupt(ctx.Err()) })
	defer stop()

	out, err := run(vm, prog, script)
	if err != nil {
		var interrupted *goja.InterruptedError
		if errors.As(err, &interrupted) {
			if interrupted.Value() == (timeUp{}) {
				return nil, fmt.Errorf("evaluation of %s did not finish within %s", req.Name, timeout)
			}
			return nil, fmt.Errorf("evaluation of %s stopped: %v", req.Name, interrupted.Value())
		}
		return nil, err
	}
	return out, nil
}

// run executes the prelude, the program and the serializer in vm.
func run(vm *goja.Runtime, prog *goja.Program, script *jsconfig.Script) ([]byte, error) {
	ser, err := vm.RunString(serializer)
	if err != nil {
		return nil, err
	}
	serialize, _ := goja.AssertFunction(ser)
	if _, err := vm.RunString(script.Prelude()); err != nil {
		return nil, err
	}
	if _, err := vm.RunProgram(prog); err != nil {
		return nil, scriptError(script, err)
	}
	value, err := vm.RunString(script.ExportExpression())
	if err != nil {
		return nil, scriptError(script, err)
	}
	exportAt := script.ExportOffset()
	if goja.IsUndefined(value) {
		return nil, &jsconfig.EvalError{Rule: jsconfig.RuleNoExport, Offset: exportAt, Message: "the script exports nothing (the exported value is undefined)"}
	}
	text, err := serialize(goja.Undefined(), value, vm.ToValue(jsconfig.MaxNesting), vm.ToValue(jsconfig.MaxExportedJSON))
	if err != nil {
		e := scriptError(script, err)
		if ee, ok := e.(*jsconfig.EvalError); ok && ee.Offset < 0 {
			ee.Offset = exportAt
		}
		return nil, e
	}
	if goja.IsUndefined(text) {
		return nil, &jsconfig.EvalError{Rule: jsconfig.RuleNoExport, Offset: exportAt, Message: "the exported value is not JSON data (a function or symbol)"}
	}
	if err := script.CheckExported(text.String()); err != nil {
		return nil, err
	}
	return []byte(text.String()), nil
}

// scriptError turns an exception thrown by the script into an *EvalError positioned where it
// was thrown; interrupts and other errors pass through.
func scriptError(script *jsconfig.Script, err error) error {
	var overflow *goja.StackOverflowError
	if errors.As(err, &overflow) {
		return &jsconfig.EvalError{Rule: jsconfig.RuleEvalError, Offset: throwOffset(script, overflow.Stack()),
			Message: fmt.Sprintf("the script threw RangeError: maximum call stack size (%d) exceeded", maxCallStack)}
	}
	var exc *goja.Exception
	if !errors.As(err, &exc) {
		var syn *goja.CompilerSyntaxError
		if errors.As(err, &syn) {
			return &jsconfig.EvalError{Rule: jsconfig.RuleEvalError, Offset: -1, Message: "the script does not compile: " + syn.Message}
		}
		return err
	}
	off := throwOffset(script, exc.Stack())
	msg := "the script threw " + exc.Value().String()
	if obj, ok := exc.Value().(*goja.Object); ok && obj.ClassName() == "Error" {
		if name := obj.Get("name"); name != nil && name.String() == "ReferenceError" {
			msg += " (the --eval sandbox has no require, import, console, timers, network or file access, and " +
				"process.env holds only the values given with --define KEY=VALUE)"
		}
	}
	return &jsconfig.EvalError{Rule: jsconfig.RuleEvalError, Offset: off, Message: msg}
}

// throwOffset returns the offset of the innermost stack frame in the script (see
// Script.ThrowOffset), or -1.
func throwOffset(script *jsconfig.Script, stack []goja.StackFrame) int {
	for _, fr := range stack {
		pos := fr.Position()
		if pos.Line <= 0 || fr.SrcName() != script.Name() {
			continue
		}
		return script.ThrowOffset(pos.Line, pos.Column)
	}
	return -1
}
