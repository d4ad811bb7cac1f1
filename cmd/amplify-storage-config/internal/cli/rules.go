package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

func rulesHelp() helpText {
	return helpText{
		usage: "rules [flags]",
		description: `List every rule a finding can name: its ID (what --ignore takes and what each diagnostic
ends with in brackets), its severity, and what it checks.`,
		examples: `rules
rules --format json | jq -r '.[] | select(.severity == "error") | .id'`,
		output: `stdout: the rule table (or a JSON array with --format json).`,
	}
}

// ruleCatalog is validate.Rules() in the renderers' terms.
func ruleCatalog() []ruleInfo {
	var rs []ruleInfo
	for _, r := range validate.Rules() {
		rs = append(rs, ruleInfo{ID: r.ID, Severity: r.Severity, Description: r.Description})
	}
	return rs
}

// ruleIDs lists every rule ID, sorted.
func ruleIDs() []string {
	var ids []string
	for _, r := range validate.Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}

func (a *App) runRules(_ context.Context, args []string) int {
	fs := newFlagSet("rules")
	format := newChoice("text", "text", "json")
	fs.VarP(format, "format", "f", "output `FORMAT`: text or json")
	if code, done := a.parseFlags("rules", fs, rulesHelp(), args); done {
		return code
	}
	if fs.NArg() > 0 {
		return a.usagef("rules", "takes no arguments (got %q)", fs.Arg(0))
	}
	rules := ruleCatalog()
	if format.value == "json" {
		type jsonRule struct {
			ID          string `json:"id"`
			Severity    string `json:"severity"`
			Description string `json:"description"`
		}
		out := []jsonRule{}
		for _, r := range rules {
			out = append(out, jsonRule{r.ID, r.Severity.String(), r.Description})
		}
		enc := json.NewEncoder(a.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return a.failf("rules", "writing output: %v", err)
		}
		return ExitOK
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tDESCRIPTION")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, r.Description)
	}
	tw.Flush()
	if _, err := a.Stdout.Write([]byte(b.String())); err != nil {
		return a.failf("rules", "writing output: %v", err)
	}
	return ExitOK
}
