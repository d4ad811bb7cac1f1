package jsconfig

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

// DefaultTimeout bounds one evaluation when EvalRequest.Timeout is zero.
const DefaultTimeout = 2 * time.Second

// maxOutput bounds the JSON text of an exported value (characters).
const maxOutput = 16 << 20

// maxCallStack bounds JavaScript recursion (goja throws a RangeError beyond it).
const maxCallStack = 10_000

// InProcess evaluates a file in a fresh goja runtime inside this process. Time is bounded
// (goja's Interrupt), memory is not: goja has no memory limit and Interrupt does not stop
// native built-ins, so untrusted input should go through ChildProcess. The zero value is
// ready to use.
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

// prelude declares what CommonJS and rewritten ES module files assign to.
const prelude = `var module = { exports: {} }; var exports = module.exports; var ` + syntheticDefault + `;`

// timeUp is the value Interrupt is called with when the time is up.
type timeUp struct{}

// Evaluate runs req.Source and returns its exported value as JSON text. A failure of the
// script is an *EvalError; any other error means the evaluation could not run.
func (InProcess) Evaluate(ctx context.Context, req EvalRequest) ([]byte, error) {
	timeout := req.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p, ferr := parseSource(req.Name, req.Source)
	if ferr != nil {
		return nil, ferr
	}
	g := indexProgram(p)
	s, found := findExport(g)
	prog, err := goja.CompileAST(p.prog, false)
	if err != nil {
		return nil, &EvalError{Rule: RuleEvalError, Offset: -1, Message: "the script does not compile: " + err.Error()}
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

	out, err := run(vm, prog, p, s, found)
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

// run executes the prelude, the script and the serializer in vm.
func run(vm *goja.Runtime, prog *goja.Program, p *parsed, s site, found bool) ([]byte, error) {
	ser, err := vm.RunString(serializer)
	if err != nil {
		return nil, err
	}
	serialize, _ := goja.AssertFunction(ser)
	if _, err := vm.RunString(prelude); err != nil {
		return nil, err
	}
	if _, err := vm.RunProgram(prog); err != nil {
		return nil, scriptError(p, err)
	}
	access := s.access
	if !found { // nothing the static reader recognised: take whatever the script exported
		access = "(" + syntheticDefault + " !== undefined ? " + syntheticDefault + " : module.exports)"
	}
	value, err := vm.RunString(access)
	if err != nil {
		return nil, scriptError(p, err)
	}
	if goja.IsUndefined(value) {
		return nil, &EvalError{Rule: RuleNoExport, Offset: s.off, Message: "the script exports nothing (the exported value is undefined)"}
	}
	text, err := serialize(goja.Undefined(), value, vm.ToValue(maxNesting), vm.ToValue(maxOutput))
	if err != nil {
		e := scriptError(p, err)
		if ee, ok := e.(*EvalError); ok && ee.Offset < 0 {
			ee.Offset = s.off
		}
		return nil, e
	}
	if goja.IsUndefined(text) {
		return nil, &EvalError{Rule: RuleNoExport, Offset: s.off, Message: "the exported value is not JSON data (a function or symbol)"}
	}
	if !found && text.String() == "{}" {
		return nil, noExport(p)
	}
	return []byte(text.String()), nil
}

// scriptError turns an exception thrown by the script into an *EvalError positioned where it
// was thrown; interrupts and other errors pass through.
func scriptError(p *parsed, err error) error {
	var overflow *goja.StackOverflowError
	if errors.As(err, &overflow) {
		return &EvalError{Rule: RuleEvalError, Offset: throwOffset(p, overflow.Stack()),
			Message: fmt.Sprintf("the script threw RangeError: maximum call stack size (%d) exceeded", maxCallStack)}
	}
	var exc *goja.Exception
	if !errors.As(err, &exc) {
		var syn *goja.CompilerSyntaxError
		if errors.As(err, &syn) {
			return &EvalError{Rule: RuleEvalError, Offset: -1, Message: "the script does not compile: " + syn.Message}
		}
		return err
	}
	off := throwOffset(p, exc.Stack())
	msg := "the script threw " + exc.Value().String()
	if obj, ok := exc.Value().(*goja.Object); ok && obj.ClassName() == "Error" {
		if name := obj.Get("name"); name != nil && name.String() == "ReferenceError" {
			msg += " (the --eval sandbox has no require, import, console, timers, network or file access, and " +
				"process.env holds only the values given with --define KEY=VALUE)"
		}
	}
	return &EvalError{Rule: RuleEvalError, Offset: off, Message: msg}
}

// throwOffset returns the offset of the innermost stack frame in the script, moved from a
// call's "(" back to the start of the callee (`process.exit(1)` points at `process`), or -1.
func throwOffset(p *parsed, stack []goja.StackFrame) int {
	for _, fr := range stack {
		pos := fr.Position()
		if pos.Line <= 0 || fr.SrcName() != p.prog.File.Name() {
			continue
		}
		off := offsetOf(p.src, pos.Line, pos.Column)
		if off < len(p.src) && p.src[off] == '(' {
			j := off
			for j > 0 && (p.src[j-1] == ' ' || p.src[j-1] == '\t') {
				j--
			}
			k := j
			for k > 0 && (isIdentByte(p.src[k-1]) || p.src[k-1] == '.') {
				k--
			}
			if k < j {
				off = k
			}
		}
		return off
	}
	return -1
}
