package convert

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

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
	var walk func(r gjson.Result, pointer string)
	walk = func(r gjson.Result, pointer string) {
		switch {
		case r.IsObject():
			seen := map[string]bool{}
			r.ForEach(func(k, v gjson.Result) bool {
				p := pointer + validate.JoinPointer(k.Str)
				if seen[k.Str] {
					out = append(out, j.Lines.At(base+k.Index, p, validate.Warning, RuleDuplicateKey,
						"duplicate key %q: this later value wins, the earlier one is ignored", k.Str))
				}
				seen[k.Str] = true
				walk(v, p)
				return true
			})
		case r.IsArray():
			i := 0
			r.ForEach(func(_, v gjson.Result) bool {
				walk(v, pointer+"/"+itoa(i))
				i++
				return true
			})
		}
	}
	walk(j.Root(), "")
	return out
}
