package jsconfig

import (
	"github.com/dop251/goja/ast"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// ReadStatic reads the exported configuration object of a JavaScript file without running
// it: it parses data with goja (ES module syntax rewritten in place), finds the export and
// reads its literal values. lines indexes data for positions (nil builds one).
func ReadStatic(name string, data []byte, lines *validate.Lines) Result {
	if lines == nil {
		lines = validate.NewLines(name, data)
	}
	st, ferr := analyze(name, data, lines)
	if ferr != nil {
		return Result{Diagnostics: append(st.diags(), finding(lines, ferr))}
	}
	res := Result{Locate: st.locator(), NonLiteral: st.r.nonLiteral, Diagnostics: st.r.diags}
	if st.present {
		res.Value = st.value
	} else if len(st.r.nonLiteral) == 0 {
		res.Diagnostics = append(res.Diagnostics, lines.At(st.site.off, "", validate.Error, RuleNoExport,
			"the exported value is undefined; export the configuration object (export default awsmobile)"))
	}
	return res
}

// static is the outcome of reading a file statically.
type static struct {
	g       *program
	r       *reader
	site    site
	value   any
	present bool
	// overrides position pointers set by `X.a.b = value` statements.
	overrides map[string]override
}

// override is an expression that replaced a member of the exported object.
type override struct {
	expr ast.Expression
	at   point
}

// diags returns the warnings collected so far (nil-safe).
func (s *static) diags() []validate.Diagnostic {
	if s == nil || s.r == nil {
		return nil
	}
	return s.r.diags
}

// analyze parses the file, finds its export and reads it. A non-nil *EvalError stops reading;
// the returned *static may then still hold the warnings found so far.
func analyze(name string, data []byte, lines *validate.Lines) (*static, *EvalError) {
	p, ferr := parseSource(name, data)
	if ferr != nil {
		return nil, ferr
	}
	if err := earlyError(p); err != nil {
		return nil, err
	}
	g := indexProgram(p)
	s, ok := findExport(g)
	if !ok {
		return nil, noExport(p)
	}
	st := &static{g: g, r: newReader(g, lines), site: s, overrides: map[string]override{}}
	st.value, st.present = st.r.read(s.expr, "", s.at, 0)
	if st.r.failure == nil && st.present {
		st.applyMutations()
	}
	if st.r.failure != nil {
		return st, st.r.failure
	}
	return st, nil
}

// noExport is the finding for a file without an exported object.
func noExport(p *parsed) *EvalError {
	msg := "no exported configuration object: expected `export default awsmobile` (or `export default {...}`), " +
		"`module.exports = {...}`, `exports.default = ...` or a top-level `const awsmobile = {...}`"
	switch {
	case p.reexport >= 0:
		return &EvalError{Rule: RuleNoExport, Offset: p.reexport, Message: "the configuration is re-exported from " +
			"another module, which is not read; point the tool at that file instead"}
	case len(p.prog.Body) == 0:
		msg += "; the file holds no code (only comments or white space)"
	}
	return &EvalError{Rule: RuleNoExport, Offset: 0, Message: msg}
}

// finding converts a stopping problem into a positioned error diagnostic.
func finding(lines *validate.Lines, e *EvalError) validate.Diagnostic {
	off := e.Offset
	if off < 0 {
		off = 0
	}
	return lines.At(off, "", validate.Error, e.Rule, "%s", e.Message)
}

// rootNames lists the identifiers the exported expression goes through (`exports.default =
// _default`, `var _default = awsmobile`): member assignments on any of them change the export.
func (s *static) rootNames() map[string]bool {
	names := map[string]bool{}
	e, at := s.site.expr, s.site.at
	for range MaxNesting {
		id, ok := e.(*ast.Identifier)
		if !ok {
			break
		}
		names[id.Name.String()] = true
		d, ok := s.g.lookup(id.Name.String(), at)
		if !ok || d.init == nil || d.code {
			break
		}
		e, at = d.init, d.at
	}
	return names
}

// applyMutations folds top-level `X.a.b = value` statements on the exported object into the
// value: a literal replaces the member, anything else is listed as non-literal.
func (s *static) applyMutations() {
	if len(s.g.mutations) == 0 {
		return
	}
	names := s.rootNames()
	for _, m := range s.g.mutations {
		if !names[m.base] {
			continue
		}
		if m.path == nil {
			s.r.addNonLiteral(m.stmt, "")
			continue
		}
		ptr := validate.JoinPointer(m.path...)
		parent, ok := s.value.(map[string]any)
		for _, tok := range m.path[:len(m.path)-1] {
			if !ok {
				break
			}
			parent, ok = parent[tok].(map[string]any)
		}
		if !ok {
			s.r.addNonLiteral(m.value, ptr)
			continue
		}
		last := m.path[len(m.path)-1]
		delete(parent, last)
		if v, present := s.r.read(m.value, ptr, m.at, len(m.path)); present {
			parent[last] = v
		}
		s.overrides[ptr] = override{expr: m.value, at: m.at}
	}
}
