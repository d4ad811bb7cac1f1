package convert

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
	"github.com/tidwall/gjson"
)

// Rule IDs for JSON syntax problems.
const (
	RuleJSONSyntax   = "json/syntax"
	RuleDuplicateKey = "json/duplicate-key"
)

// decodeJSON parses text (which starts at byte offset base of the file lines indexes) as one
// JSON value, numbers kept as json.Number. It returns the value, a locator for pointers into
// it, and diagnostics: a positioned syntax error (then the value is nil), and a warning for
// each duplicate key (the last one wins, as in encoding/json).
func decodeJSON(lines *validate.Lines, base int, text []byte) (any, *validate.JSONFile, []validate.Diagnostic) {
	v, j, diags := indexJSON(lines, base, text)
	if v == nil && j.Indexed() {
		v = j.Value()
	}
	return v, j, diags
}

// indexJSON is decodeJSON without decoding an indexed document: when j.Indexed(), v is nil and
// the document is read through j (Cursor, Value).
func indexJSON(lines *validate.Lines, base int, text []byte) (any, *validate.JSONFile, []validate.Diagnostic) {
	// One pass checks, indexes positions and finds duplicate keys; encoding/json (below) is
	// kept for what that pass refuses, to word the error exactly as before.
	if j, dups, ok := validate.ParseJSONIndex(lines, base, text); ok {
		var diags []validate.Diagnostic
		for _, d := range dups {
			diags = append(diags, lines.At(d.Offset, d.Pointer, validate.Warning, RuleDuplicateKey,
				"duplicate key %q: this later value wins, the earlier one is ignored", d.Key))
		}
		return nil, j, diags
	}
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			off := base + int(dec.InputOffset())
			for off < base+len(text) && isJSONSpace(lines.Data()[off]) {
				off++
			}
			return nil, nil, []validate.Diagnostic{lines.At(off, "", validate.Error, RuleJSONSyntax,
				"unexpected text after the JSON value")}
		}
	}
	if err != nil {
		off := base + len(text)
		msg := err.Error()
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			off = base + int(se.Offset) - 1
		case errors.As(err, &te):
			off = base + int(te.Offset)
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			msg = "unexpected end of JSON input"
		}
		return nil, nil, []validate.Diagnostic{lines.At(max(off, base), "", validate.Error, RuleJSONSyntax,
			"invalid JSON: %s", msg)}
	}
	j := validate.NewEmbeddedJSON(lines, base, text)
	return v, j, duplicateKeys(j, base)
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// duplicateKeys warns about every object key that appears twice in one object.
func duplicateKeys(j *validate.JSONFile, base int) []validate.Diagnostic {
	var out []validate.Diagnostic
	// toks is the path to the value being walked; it is joined into a pointer only for a
	// finding, since building a pointer string per value cost more than the walk itself.
	var toks []string
	var walk func(r gjson.Result)
	walk = func(r gjson.Result) {
		switch {
		case r.IsObject():
			var keys []string        // linear search while the object is small...
			var seen map[string]bool // ...a set once it is not
			r.ForEach(func(k, v gjson.Result) bool {
				dup := false
				if seen != nil {
					dup = seen[k.Str]
					seen[k.Str] = true
				} else {
					dup = slices.Contains(keys, k.Str)
					keys = append(keys, k.Str)
					if len(keys) > 16 {
						seen = make(map[string]bool, 2*len(keys))
						for _, key := range keys {
							seen[key] = true
						}
					}
				}
				toks = append(toks, k.Str)
				if dup {
					p := validate.JoinPointer(toks...)
					out = append(out, j.Lines.At(base+k.Index, p, validate.Warning, RuleDuplicateKey,
						"duplicate key %q: this later value wins, the earlier one is ignored", k.Str))
				}
				walk(v)
				toks = toks[:len(toks)-1]
				return true
			})
		case r.IsArray():
			i := 0
			r.ForEach(func(_, v gjson.Result) bool {
				if v.IsObject() || v.IsArray() { // scalars hold no keys: skip building their token
					toks = append(toks, itoa(i))
					walk(v)
					toks = toks[:len(toks)-1]
				}
				i++
				return true
			})
		}
	}
	walk(j.Root())
	return out
}
