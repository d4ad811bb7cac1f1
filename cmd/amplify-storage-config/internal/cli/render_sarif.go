package cli

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// sarifRenderer prints a SARIF 2.1.0 log for code scanning: one run whose driver lists every
// rule, and one result per diagnostic with a relative, forward-slash artifact URI.
type sarifRenderer struct {
	opts renderOptions
}

// informationURI is the project's home page, for SARIF's tool.driver.informationUri.
const informationURI = "https://github.com/seed-258d3fb3/amplify-storage-config"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// sarifLevel maps a severity to SARIF's result level.
func sarifLevel(s validate.Severity) string {
	switch s {
	case validate.Error:
		return "error"
	case validate.Warning:
		return "warning"
	default:
		return "note"
	}
}

func (r sarifRenderer) render(w io.Writer, f findings) error {
	rules := slices.Clone(r.opts.rules)
	index := map[string]int{}
	for i, ru := range rules {
		index[ru.ID] = i
	}
	// A finding from a rule the catalogue does not list (a reader's input/* rule, say) still
	// gets a rule entry, so every result's ruleIndex is valid.
	for _, d := range f.Diagnostics {
		if _, ok := index[d.Rule]; !ok {
			index[d.Rule] = len(rules)
			rules = append(rules, ruleInfo{ID: d.Rule, Severity: d.Severity, Description: d.Rule})
		}
	}
	driver := sarifDriver{Name: programName, Version: r.opts.version, InformationURI: informationURI, Rules: []sarifRule{}}
	for _, ru := range rules {
		driver.Rules = append(driver.Rules, sarifRule{ID: ru.ID, ShortDescription: sarifMessage{Text: ru.Description},
			DefaultConfiguration: sarifConfig{Level: sarifLevel(ru.Severity)}})
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}
	for _, d := range f.Diagnostics {
		loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: sarifURI(r.opts.baseDir, d.File)}}}
		if d.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: d.Line, StartColumn: max(d.Column, 1)}
		}
		run.Results = append(run.Results, sarifResult{RuleID: d.Rule, RuleIndex: index[d.Rule], Level: sarifLevel(d.Severity),
			Message: sarifMessage{Text: d.Message}, Locations: []sarifLocation{loc}})
	}
	log := sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifURI makes file a URI reference relative to baseDir with forward slashes (what code
// scanning expects, relative to the repository root); a file outside baseDir becomes a file://
// URI.
func sarifURI(baseDir, file string) string {
	p := file
	if filepath.IsAbs(p) && baseDir != "" {
		if rel, err := filepath.Rel(baseDir, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			p = rel
		}
	}
	p = filepath.ToSlash(filepath.Clean(p))
	if strings.HasPrefix(p, "/") {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	// url.URL escapes what a URI may not hold (spaces, %) and puts "./" before a first segment
	// holding a colon, so that it does not read as a scheme.
	return (&url.URL{Path: p}).String()
}
