package outputs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/tidwall/gjson"
)

// member is one object member, by byte offsets into the file.
type member struct {
	key              string
	keyStart, keyEnd int // the key's quotes included
	valStart, valEnd int
	val              gjson.Result
}

// edit replaces data[start:end] with text.
type edit struct {
	start, end int
	text       []byte
}

// Merge writes out into an existing amplify_outputs.json, changing only what it owns:
// "version" (only when out.Version differs), "storage" (when out.Storage is set) and
// "custom.dynamodb_tables" (when out.Tables is set). Every other byte stays as it was: other
// sections, their order and formatting, other custom keys, a BOM, line endings and the final
// newline or its absence. Absent members are inserted after the last member of their object,
// in the file's own indentation, newline and colon style.
//
// The caller chooses the version: to keep the existing file's version, build out with
// ExistingVersion(existing). With duplicate keys the last one (the one JSON decoders keep) is
// replaced.
func Merge(existing []byte, out *Outputs) ([]byte, error) {
	bom := []byte("\xEF\xBB\xBF")
	data := bytes.TrimPrefix(existing, bom)
	hadBOM := len(data) != len(existing)
	if !json.Valid(data) {
		return nil, errors.New("the existing file is not valid JSON; fix it or remove it before writing")
	}
	rootStart := bytes.IndexFunc(data, func(r rune) bool { return !isSpace(r) })
	rootEnd := len(bytes.TrimRight(data, " \t\r\n"))
	if data[rootStart] != '{' {
		return nil, errors.New("the existing file is not a JSON object; fix it or remove it before writing")
	}
	st := detectStyle(data, rootStart, rootEnd)
	root := members(data, rootStart, rootEnd)

	var edits []edit
	var inserts []string // keys, with their values in insertVals
	var insertVals []any
	if m, ok := last(root, "version"); ok {
		if m.val.Type != gjson.String || m.val.Str != out.Version {
			var b bytes.Buffer
			writeString(&b, out.Version)
			edits = append(edits, edit{m.valStart, m.valEnd, b.Bytes()})
		}
	} else {
		inserts, insertVals = append(inserts, "version"), append(insertVals, out.Version)
	}
	if out.Storage != nil {
		if m, ok := last(root, "storage"); ok {
			edits = append(edits, replaceValue(data, m, out.Storage.value(), st))
		} else {
			inserts, insertVals = append(inserts, "storage"), append(insertVals, out.Storage.value())
		}
	}
	if out.Tables != nil {
		tables := tablesValue(out.Tables)
		if c, ok := last(root, "custom"); ok {
			if !c.val.IsObject() {
				return nil, fmt.Errorf("the existing file's \"custom\" is not an object; fix it before writing")
			}
			inner := members(data, c.valStart, c.valEnd)
			cst := st
			if len(inner) > 0 && !bytes.ContainsAny(data[c.valStart:c.valEnd], "\n") {
				cst.indent = "" // a one-line custom object stays on one line
			}
			if m, ok := last(inner, "dynamodb_tables"); ok {
				edits = append(edits, replaceValue(data, m, tables, cst))
			} else {
				edits = append(edits, insertMembers(data, c.valStart, c.valEnd, inner, cst,
					[]string{"dynamodb_tables"}, []any{tables}))
			}
		} else {
			custom := &object{}
			custom.add("dynamodb_tables", tables)
			inserts, insertVals = append(inserts, "custom"), append(insertVals, custom)
		}
	}
	if len(inserts) > 0 {
		edits = append(edits, insertMembers(data, rootStart, rootEnd, root, st, inserts, insertVals))
	}

	slices.SortFunc(edits, func(a, b edit) int { return b.start - a.start })
	result := slices.Clone(data)
	for _, e := range edits {
		result = slices.Concat(result[:e.start], e.text, result[e.end:])
	}
	if hadBOM {
		result = slices.Concat(bom, result)
	}
	return result, nil
}

// ExistingVersion returns the "version" of an existing outputs file, or "" when it has none
// (or is not a JSON object).
func ExistingVersion(existing []byte) string {
	data := bytes.TrimPrefix(existing, []byte("\xEF\xBB\xBF"))
	if !json.Valid(data) {
		return ""
	}
	v := ""
	gjson.ParseBytes(data).ForEach(func(k, val gjson.Result) bool {
		if k.Str == "version" && val.Type == gjson.String {
			v = val.Str // the last duplicate wins
		}
		return true
	})
	return v
}

// members lists the members of the object data[start:end].
func members(data []byte, start, end int) []member {
	var ms []member
	gjson.ParseBytes(data[start:end]).ForEach(func(k, v gjson.Result) bool {
		ks := start + k.Index
		vs := start + v.Index
		ms = append(ms, member{key: k.Str, keyStart: ks, keyEnd: ks + len(k.Raw),
			valStart: vs, valEnd: vs + len(v.Raw), val: v})
		return true
	})
	return ms
}

// last returns the last member named key (the one decoders keep).
func last(ms []member, key string) (member, bool) {
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].key == key {
			return ms[i], true
		}
	}
	return member{}, false
}

// replaceValue renders v in place of m's value, indented like m's line.
func replaceValue(data []byte, m member, v any, st style) edit {
	var b bytes.Buffer
	render(&b, v, st, lineIndent(data, m.keyStart))
	return edit{m.valStart, m.valEnd, b.Bytes()}
}

// insertMembers adds members at the end of the object data[start:end] whose members are ms,
// copying the whitespace that precedes the last existing member.
func insertMembers(data []byte, start, end int, ms []member, st style, keys []string, vals []any) edit {
	var b bytes.Buffer
	if len(ms) == 0 {
		base := lineIndent(data, start)
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			st.open(&b, base)
			writeString(&b, k)
			b.WriteString(st.colon)
			render(&b, vals[i], st, base+st.indent)
		}
		st.close(&b, base)
		return edit{start + 1, end - 1, b.Bytes()}
	}
	lm := ms[len(ms)-1]
	// The whitespace between the comma (or brace) before the last member and its key.
	wsStart := lm.keyStart
	for wsStart > start+1 && isSpace(rune(data[wsStart-1])) {
		wsStart--
	}
	ws := data[wsStart:lm.keyStart]
	base := lineIndent(data, lm.keyStart)
	for i, k := range keys {
		b.WriteByte(',')
		b.Write(ws)
		writeString(&b, k)
		b.WriteString(st.colon)
		render(&b, vals[i], st, base)
	}
	return edit{lm.valEnd, lm.valEnd, b.Bytes()}
}

// lineIndent returns the whitespace that starts the line holding offset off.
func lineIndent(data []byte, off int) string {
	ls := bytes.LastIndexByte(data[:off], '\n') + 1
	e := ls
	for e < off && (data[e] == ' ' || data[e] == '\t') {
		e++
	}
	return string(data[ls:e])
}

// detectStyle reads the file's layout from its root object: the indentation of its first
// member (none: compact), CRLF or LF, and the spacing around its first colon.
func detectStyle(data []byte, rootStart, rootEnd int) style {
	st := amplifyStyle()
	if bytes.Contains(data, []byte("\r\n")) {
		st.newline = "\r\n"
	}
	ms := members(data, rootStart, rootEnd)
	if len(ms) == 0 {
		return st // "{}": write Amplify's layout inside it
	}
	first := ms[0]
	ws := data[rootStart+1 : first.keyStart]
	if i := bytes.LastIndexByte(ws, '\n'); i >= 0 {
		st.indent = string(ws[i+1:])
		if st.indent == "" {
			st.indent = "  "
		}
	} else {
		st.indent = ""
	}
	colon := string(data[first.keyEnd:first.valStart])
	if !bytes.ContainsAny([]byte(colon), "\r\n") {
		st.colon = colon
	}
	return st
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\r' || r == '\n' }
