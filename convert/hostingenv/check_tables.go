package hostingenv

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// checkTables checks AMPLIFY_STORAGE_TABLES: a JSON object from storage resource name to
// table name, with a key for every imported DynamoDB resource.
func (c *checker) checkTables(e Entry) {
	if !c.tablesJSON(e) {
		return
	}
	imported := c.im.tableNames()
	names := make([]string, 0, len(imported))
	for n := range imported {
		names = append(names, n)
	}
	slices.Sort(names)

	seen := map[string]int{}
	nearMiss := map[string]string{} // resource name -> the key that probably meant it
	gjson.Parse(e.Value).ForEach(func(k, v gjson.Result) bool {
		key := k.String()
		seen[key]++
		if seen[key] == 2 {
			c.add(e.diagAt(k.Index, validate.Warning, RuleTablesJSON,
				"%s holds the key %q twice; JavaScript keeps the last one: remove one", TablesVar, key))
		}
		if v.Type != gjson.String {
			c.add(e.diagAt(v.Index, validate.Error, RuleTablesJSON,
				"%s: the table name for %q is %s, not a string; write it in double quotes, else the Hosting build fails looking it up (%q)",
				TablesVar, key, jsonKind(v), fmt.Sprintf(cliTableNotFnd, v.Raw)))
			return true
		}
		table, ok := imported[key]
		if !ok {
			if s := closest(key, names); s != "" {
				nearMiss[s] = key
				c.add(e.diagAt(k.Index, validate.Warning, RuleUnknownTableKey,
					"%s key %q is not an imported DynamoDB resource of env %q (imported: %s); did you mean %q? Keys must equal the storage resource name in team-provider-info exactly (case-sensitive), else the build fails with %q",
					TablesVar, key, c.im.env, quoteList(names), s, fmt.Sprintf(cliExpectedOne, s)))
				return true
			}
			c.add(e.diagAt(k.Index, validate.Warning, RuleUnknownTableKey,
				"%s key %q is not an imported DynamoDB resource of env %q (imported: %s); amplify-cli ignores it, so it prevents no build error itself: remove it, or import the resource in this env",
				TablesVar, key, c.im.env, quoteList(names)))
			return true
		}
		for _, p := range validate.TableNameProblems(v.String()) {
			c.add(e.diagAt(v.Index, validate.Error, RuleTableName, "%s[%q]: %s; the Hosting build fails with %q",
				TablesVar, key, p.Message, fmt.Sprintf(cliTableNotFnd, v.String())))
		}
		if want := table.TableName.Value; want != "" && v.String() != want {
			c.add(e.diagAt(v.Index, validate.Warning, RuleTableMismatch,
				"%s maps %q to table %q but env %q imports %q; the build would import the other table (or fail with %q if it does not exist)",
				TablesVar, key, v.String(), c.im.env, want, fmt.Sprintf(cliTableNotFnd, v.String())))
		}
		return true
	})
	for _, n := range names {
		if seen[n] > 0 {
			continue
		}
		hint := fmt.Sprintf("add \"%s\": %s", n, jsonString(imported[n].TableName.Value))
		if k, ok := nearMiss[n]; ok {
			hint = fmt.Sprintf("rename the key %q to %q", k, n)
		}
		c.add(e.diagAt(0, validate.Error, RuleMissingTableKey,
			"%s has no key for the imported DynamoDB resource %q; the Hosting build fails with %q: %s",
			TablesVar, n, fmt.Sprintf(cliExpectedOne, n), hint))
	}
}

// tablesJSON reports syntax errors and a non-object value; it returns whether the value is a
// JSON object worth walking.
func (c *checker) tablesJSON(e Entry) bool {
	dec := json.NewDecoder(strings.NewReader(e.Value))
	var v any
	err := dec.Decode(&v)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			off := int(dec.InputOffset())
			c.add(e.diagAt(skipSpace(e.Value, off), validate.Error, RuleTablesJSON,
				"%s holds text after the JSON object; amplify-cli cannot parse the --categories JSON the Hosting build makes of it, and the build fails: keep one object", TablesVar))
			return false
		}
	}
	if err != nil {
		off := len(e.Value)
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			off = max(int(syn.Offset)-1, 0)
		} else if !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
			off = 0
		}
		msg := strings.TrimPrefix(err.Error(), "json: ")
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "unexpected end of JSON"
		}
		c.add(e.diagAt(off, validate.Error, RuleTablesJSON,
			"%s is not valid JSON (%s)%s; amplify-cli cannot parse the --categories JSON the Hosting build makes of it, and the build fails: write {\"resourceName\":\"tableName\"} with double quotes",
			TablesVar, msg, jsonHint(e.Value)))
		return false
	}
	if _, ok := v.(map[string]any); !ok {
		c.add(e.diagAt(skipSpace(e.Value, 0), validate.Error, RuleTablesJSON,
			"%s is a JSON %s, not an object; the Hosting build fails with %q: write {\"resourceName\":\"tableName\", ...}",
			TablesVar, jsonKind(gjson.Parse(e.Value)), fmt.Sprintf(cliExpectedOne, firstOr(c.resourceNames(), "<name>"))))
		return false
	}
	return true
}

func (c *checker) resourceNames() []string {
	var out []string
	for n := range c.im.tableNames() {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// jsonHint explains common ways people break the value.
func jsonHint(s string) string {
	switch {
	case strings.Contains(s, "//") || strings.Contains(s, "/*"):
		return " (JSON has no comments: the one in the docs' example must go)"
	case strings.Contains(s, "'"):
		return " (JSON strings take double quotes, not single)"
	}
	return ""
}

// jsonKind names the JSON type of v.
func jsonKind(v gjson.Result) string {
	switch {
	case v.IsObject():
		return "object"
	case v.IsArray():
		return "array"
	}
	switch v.Type {
	case gjson.String:
		return "string"
	case gjson.Number:
		return "number"
	case gjson.True, gjson.False:
		return "boolean"
	case gjson.Null:
		return "null"
	}
	return "value"
}

func skipSpace(s string, off int) int {
	for off < len(s) && strings.IndexByte(" \t\r\n", s[off]) >= 0 {
		off++
	}
	return off
}

func quoteList(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

func firstOr(names []string, def string) string {
	if len(names) > 0 {
		return names[0]
	}
	return def
}
