package schema

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Standalone returns the schema called name as one self-contained document, for editors and
// other validators that cannot fetch the other schemas it refers to (VS Code's json.schemas
// reads one file). A schema that refers to no other schema is returned as embedded; one that
// does (amplify-outputs picks a version schema by the document's "version") gets each referred
// schema inlined under "$defs" with its "$id" removed and its internal "#/..." references
// rewritten to point inside the bundle, so plain JSON Pointer resolution works in any draft.
func Standalone(name string) ([]byte, bool) {
	src, ok := Source(name)
	if !ok {
		return nil, false
	}
	if !hasExternalRef(src) {
		return src, true
	}
	var root map[string]any
	if err := json.Unmarshal(src, &root); err != nil {
		return nil, false
	}
	defs, _ := root["$defs"].(map[string]any)
	if defs == nil {
		defs = map[string]any{}
	}
	var missing bool
	root = rewriteRefs(root, func(ref string) string {
		if strings.HasPrefix(ref, "#") {
			return ref
		}
		target := strings.TrimSuffix(strings.TrimPrefix(ref, SchemaIDBase), schemaSuffix)
		if _, done := defs[target]; !done {
			data, ok := Source(target)
			var sub map[string]any
			if !ok || json.Unmarshal(data, &sub) != nil {
				missing = true
				return ref
			}
			delete(sub, "$id")
			delete(sub, "$schema")
			prefix := "#/$defs/" + escapePointerToken(target)
			defs[target] = rewriteRefs(sub, func(inner string) string {
				if rest, ok := strings.CutPrefix(inner, "#"); ok {
					return prefix + rest
				}
				return inner
			})
		}
		return "#/$defs/" + escapePointerToken(target)
	}).(map[string]any)
	if missing {
		return nil, false
	}
	root["$defs"] = defs
	out, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		return nil, false
	}
	return append(out, '\n'), true
}

// hasExternalRef reports whether a schema text holds a "$ref" to something other than "#...".
func hasExternalRef(src []byte) bool {
	for rest := src; ; {
		i := bytes.Index(rest, []byte(`"$ref"`))
		if i < 0 {
			return false
		}
		rest = bytes.TrimLeft(rest[i+len(`"$ref"`):], " \t\r\n:")
		if !bytes.HasPrefix(rest, []byte(`"#`)) {
			return true
		}
	}
}

// rewriteRefs returns v with every "$ref" string replaced by fix(ref).
func rewriteRefs(v any, fix func(string) string) any {
	switch t := v.(type) {
	case map[string]any:
		for k, val := range t {
			if s, ok := val.(string); ok && k == "$ref" {
				t[k] = fix(s)
				continue
			}
			t[k] = rewriteRefs(val, fix)
		}
		return t
	case []any:
		for i := range t {
			t[i] = rewriteRefs(t[i], fix)
		}
		return t
	default:
		return v
	}
}

// escapePointerToken escapes a JSON Pointer token ("~" and "/").
func escapePointerToken(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}
