package jsconfig

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/ftoa"
	"github.com/dop251/goja/unistring"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// maxValues bounds how many values one read produces (identifiers can share objects, so a
// small file can describe an exponentially large value).
const maxValues = 100_000

// maxCodeLen is how much source text a NonLiteral keeps.
const maxCodeLen = 60

// reader reads literal values out of goja's AST.
type reader struct {
	g          *program
	lines      *validate.Lines
	nonLiteral []NonLiteral
	diags      []validate.Diagnostic
	warned     map[int]bool
	budget     int
	failure    *EvalError
}

// newReader prepares to read values from g.
func newReader(g *program, lines *validate.Lines) *reader {
	return &reader{g: g, lines: lines, warned: map[int]bool{}, budget: maxValues}
}

// offset converts a goja index (1-based) into a byte offset.
func offset(i file.Idx) int { return max(int(i)-1, 0) }

// idx converts a byte offset into a goja index.
func idx(off int) file.Idx { return file.Idx(off + 1) }

// unistringOf converts a Go string into goja's string type.
func unistringOf(s string) unistring.String { return unistring.NewFromString(s) }

// code returns the source text of node, shortened for messages.
func (r *reader) code(n ast.Node) string {
	src := r.lines.Data()
	from, to := offset(n.Idx0()), offset(n.Idx1())
	from, to = min(from, len(src)), min(max(to, from), len(src))
	return shorten(string(src[from:to]))
}

// shorten collapses white space and cuts s to about maxCodeLen characters.
func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxCodeLen {
		s = string(r[:maxCodeLen-1]) + "…"
	}
	return s
}

// addNonLiteral records an expression that is code, not a literal.
func (r *reader) addNonLiteral(e ast.Node, ptr string) {
	r.nonLiteral = append(r.nonLiteral, NonLiteral{Pointer: ptr, Pos: r.lines.Pos(offset(e.Idx0()), ptr), Code: r.code(e)})
}

// read returns the literal value of e (evaluated at point at) and whether it is present: a
// non-literal is recorded and absent, as is undefined.
func (r *reader) read(e ast.Expression, ptr string, at point, depth int) (any, bool) {
	if r.failure != nil {
		return nil, false
	}
	if r.budget--; r.budget < 0 {
		r.failure = &EvalError{Rule: RuleTooComplex, Offset: offset(e.Idx0()),
			Message: fmt.Sprintf("the exported value has more than %d members; no real configuration has", maxValues)}
		return nil, false
	}
	if depth > MaxNesting {
		r.failure = &EvalError{Rule: RuleTooComplex, Offset: offset(e.Idx0()),
			Message: fmt.Sprintf("the exported value nests deeper than %d levels; no real configuration does", MaxNesting)}
		return nil, false
	}
	switch x := e.(type) {
	case *ast.StringLiteral:
		return x.Value.String(), true
	case *ast.TemplateLiteral:
		if x.Tag == nil && len(x.Expressions) == 0 && len(x.Elements) == 1 {
			return x.Elements[0].Parsed.String(), true
		}
	case *ast.NumberLiteral:
		if n, ok := numberValue(x, 1); ok {
			return n, true
		}
	case *ast.UnaryExpression:
		if n, ok := x.Operand.(*ast.NumberLiteral); ok && !x.Postfix {
			switch x.Operator.String() {
			case "-":
				if v, ok := numberValue(n, -1); ok {
					return v, true
				}
			case "+":
				if v, ok := numberValue(n, 1); ok {
					return v, true
				}
			}
		}
	case *ast.BooleanLiteral:
		return x.Value, true
	case *ast.NullLiteral:
		return nil, true
	case *ast.Identifier:
		return r.readIdentifier(x, ptr, at, depth)
	case *ast.ArrayLiteral:
		arr := make([]any, 0, len(x.Value))
		for i, el := range x.Value {
			p := ptr + validate.JoinPointer(fmt.Sprint(i))
			if _, spread := el.(*ast.SpreadElement); spread {
				r.addNonLiteral(el, p)
				return arr, true // later indices would be wrong
			}
			if el == nil { // a hole: JSON writes null
				arr = append(arr, nil)
				continue
			}
			v, ok := r.read(el, p, at, depth+1)
			if !ok {
				v = nil // JSON writes undefined array members as null
			}
			arr = append(arr, v)
		}
		return arr, true
	case *ast.ObjectLiteral:
		return r.readObject(x, ptr, at, depth)
	}
	r.addNonLiteral(e, ptr)
	return nil, false
}

// readIdentifier resolves an identifier to the literal it was declared with.
func (r *reader) readIdentifier(id *ast.Identifier, ptr string, at point, depth int) (any, bool) {
	name := id.Name.String()
	d, ok := r.g.lookup(name, at)
	switch {
	case !ok && name == "undefined":
		return nil, false
	case !ok, d.code, r.g.assigned[name]:
		r.addNonLiteral(id, ptr)
		return nil, false
	case d.init == nil: // `let x;`: undefined
		return nil, false
	}
	return r.read(d.init, ptr, d.at, depth+1)
}

// readObject reads an object literal; duplicate keys warn and the last one wins.
func (r *reader) readObject(x *ast.ObjectLiteral, ptr string, at point, depth int) (any, bool) {
	obj := make(map[string]any, len(x.Value))
	seen := make(map[string]bool, len(x.Value))
	for _, prop := range x.Value {
		switch p := prop.(type) {
		case *ast.PropertyKeyed:
			key, ok := keyName(p)
			if !ok {
				r.addNonLiteral(p, ptr)
				continue
			}
			kp := ptr + validate.JoinPointer(key)
			if key == "__proto__" && !p.Computed && p.Kind == ast.PropertyKindValue {
				continue // sets the prototype: not an own property, not in JSON
			}
			if p.Kind != ast.PropertyKindValue { // getter, setter or method: code
				delete(obj, key)
				r.addNonLiteral(p, kp)
				continue
			}
			r.checkDuplicate(seen, key, p.Key, kp)
			delete(obj, key)
			if v, ok := r.read(p.Value, kp, at, depth+1); ok {
				obj[key] = v
			}
		case *ast.PropertyShort:
			key := p.Name.Name.String()
			kp := ptr + validate.JoinPointer(key)
			r.checkDuplicate(seen, key, &p.Name, kp)
			delete(obj, key)
			if p.Initializer != nil {
				r.addNonLiteral(p, kp)
				continue
			}
			if v, ok := r.readIdentifier(&p.Name, kp, at, depth); ok {
				obj[key] = v
			}
		case *ast.SpreadElement:
			// `{...base, aws_user_files_s3_bucket: 'x'}` with `base` a literal object of the
			// same file: its members come first and later keys override them, as in JS. A
			// key overriding a spread member is intended, so it is no duplicate.
			v, ok := r.read(p.Expression, ptr, at, depth+1)
			spread, isObject := v.(map[string]any)
			switch {
			case ok && isObject:
				for k, sv := range spread {
					obj[k] = sv
				}
			case ok: // spreading an array or a string makes index keys: code, not config
				r.addNonLiteral(p, ptr)
			}
		default:
			r.addNonLiteral(prop, ptr)
		}
	}
	return obj, true
}

// checkDuplicate warns about a key seen before in the same object literal.
func (r *reader) checkDuplicate(seen map[string]bool, key string, at ast.Node, ptr string) {
	if seen[key] {
		off := offset(at.Idx0())
		if !r.warned[off] {
			r.warned[off] = true
			r.diags = append(r.diags, r.lines.At(off, ptr, validate.Warning, RuleDuplicateKey,
				"key %q is repeated in this object; the last value wins (remove the earlier one)", key))
		}
	}
	seen[key] = true
}

// keyName returns the property name of a keyed property when it is static: an identifier,
// a string or a number, or a computed string literal.
func keyName(p *ast.PropertyKeyed) (string, bool) {
	switch k := p.Key.(type) {
	case *ast.StringLiteral:
		return k.Value.String(), true
	case *ast.NumberLiteral:
		if v, ok := numberValue(k, 1); ok {
			return v.String(), true
		}
	case *ast.Identifier:
		if !p.Computed {
			return k.Name.String(), true
		}
	}
	return "", false
}

// numberValue returns the number literal times sign, written as JavaScript writes numbers
// (so that it equals what JSON.stringify gives under --eval). Infinity is not JSON: it is
// written null by JSON.stringify, and is not read here. BigInt is not JSON either.
func numberValue(n *ast.NumberLiteral, sign float64) (json.Number, bool) {
	var f float64
	switch v := n.Value.(type) {
	case int64:
		f = float64(v)
	case float64:
		f = v
	case *big.Int:
		return "", false
	default:
		return "", false
	}
	f *= sign
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return "", false
	}
	return json.Number(jsNumber(f)), true
}

// numberText is the property name a number literal stands for.
func numberText(n *ast.NumberLiteral) string {
	if v, ok := numberValue(n, 1); ok {
		return v.String()
	}
	return n.Literal
}

// jsNumber formats f as JavaScript's Number.prototype.toString does.
func jsNumber(f float64) string {
	if f == 0 {
		return "0" // also -0
	}
	return string(ftoa.FToStr(f, ftoa.ModeStandard, 0, nil))
}
