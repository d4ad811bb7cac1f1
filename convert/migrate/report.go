package migrate

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// Report says what a migration used, converted and could not carry over.
type Report struct {
	// Out is the output file (relative to the project folder when inside it).
	Out string `json:"out"`
	// Outcome is "wrote", "up-to-date", "out-of-date", "missing" (check), "dry-run" or
	// "not-written" (blocked by errors).
	Outcome string `json:"outcome"`
	// Version and Format are the written outputs version and format ("json" or "dart").
	Version string `json:"version"`
	Format  string `json:"format"`
	// Env is the Gen 1 environment used ("" when the sources have none).
	Env string `json:"env,omitempty"`
	// Sources are the files read, in path order.
	Sources []ReportSource `json:"sources"`
	// Buckets and Tables are what was converted.
	Buckets []ReportBucket `json:"buckets"`
	Tables  []ReportTable  `json:"tables"`
	// Losses are the grants and settings Gen 2 cannot express, and the assumptions made.
	Losses []Loss `json:"losses"`
}

// ReportSource is one source file used.
type ReportSource struct {
	File   string        `json:"file"`
	Format schema.Format `json:"format"`
}

// ReportBucket is one converted bucket.
type ReportBucket struct {
	Name       string `json:"name"`
	BucketName string `json:"bucket_name"`
	Region     string `json:"aws_region"`
	Default    bool   `json:"default,omitempty"`
	// NameDerived: the friendly name was derived from the bucket name.
	NameDerived bool `json:"name_derived,omitempty"`
	// BucketNameDerived: the physical name was computed as amplify-cli names managed buckets.
	BucketNameDerived bool              `json:"bucket_name_derived,omitempty"`
	Management        schema.Management `json:"management,omitempty"`
	Paths             int               `json:"paths"`
	At                schema.Pos        `json:"at"`
}

// ReportTable is one converted DynamoDB table.
type ReportTable struct {
	Name      string `json:"name"`
	TableName string `json:"table_name"`
	Region    string `json:"aws_region"`
	// TableNameDerived: the physical name was computed as tableName-env.
	TableNameDerived bool              `json:"table_name_derived,omitempty"`
	Management       schema.Management `json:"management,omitempty"`
	At               schema.Pos        `json:"at"`
}

// WriteText writes a short human summary (only the headline when the run stopped before
// using any source).
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	if r.Out == "" || r.Out == "-" { // convert to stdout: the document went there
		fmt.Fprintf(&b, "outputs printed to stdout (outputs version %s, %s)\n", r.Version, r.Format)
	} else {
		fmt.Fprintf(&b, "%s: %s (outputs version %s, %s)\n", r.Out, outcomeText(r.Outcome), r.Version, r.Format)
	}
	if r.Outcome == "not-written" && len(r.Sources) == 0 && len(r.Buckets) == 0 && len(r.Tables) == 0 && len(r.Losses) == 0 {
		// Stopped before any source was used (no environment could be chosen): the findings say why.
		_, err := io.WriteString(w, b.String())
		return err
	}
	env := ""
	if r.Env != "" {
		env = " (env " + r.Env + ")"
	}
	fmt.Fprintf(&b, "sources%s:\n", env)
	if len(r.Sources) == 0 {
		b.WriteString("  none\n")
	}
	for _, s := range r.Sources {
		fmt.Fprintf(&b, "  %s [%s]\n", s.File, s.Format)
	}
	fmt.Fprintf(&b, "buckets: %d\n", len(r.Buckets))
	for _, bk := range r.Buckets {
		var notes []string
		if bk.Default {
			notes = append(notes, "default")
		}
		if bk.Management != "" {
			notes = append(notes, string(bk.Management))
		}
		if bk.NameDerived {
			notes = append(notes, "friendly name derived")
		}
		if bk.BucketNameDerived {
			notes = append(notes, "bucket name derived as amplify-cli names it")
		}
		notes = append(notes, plural(bk.Paths, "path"))
		fmt.Fprintf(&b, "  %s: %s (%s) %s\n", bk.Name, bk.BucketName, bk.Region, strings.Join(notes, ", "))
	}
	fmt.Fprintf(&b, "tables: %d\n", len(r.Tables))
	for _, t := range r.Tables {
		var notes []string
		if t.Management != "" {
			notes = append(notes, string(t.Management))
		}
		if t.TableNameDerived {
			notes = append(notes, "table name derived as tableName-env")
		}
		fmt.Fprintf(&b, "  %s: %s (%s)", t.Name, t.TableName, t.Region)
		if len(notes) > 0 {
			b.WriteString(" " + strings.Join(notes, ", "))
		}
		b.WriteByte('\n')
	}
	if len(r.Losses) == 0 {
		b.WriteString("not carried over: nothing\n")
	} else {
		fmt.Fprintf(&b, "not carried over or assumed: %d\n", len(r.Losses))
	}
	for _, l := range r.Losses {
		fmt.Fprintf(&b, "  %s: %s [%s]\n", l.Pos.String(), l.Message, l.Kind)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report as one indented JSON object.
func (r Report) WriteJSON(w io.Writer) error {
	if r.Sources == nil {
		r.Sources = []ReportSource{}
	}
	if r.Buckets == nil {
		r.Buckets = []ReportBucket{}
	}
	if r.Tables == nil {
		r.Tables = []ReportTable{}
	}
	if r.Losses == nil {
		r.Losses = []Loss{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

func outcomeText(o string) string {
	switch o {
	case "wrote":
		return "written"
	case "up-to-date":
		return "up to date"
	case "out-of-date":
		return "out of date"
	case "missing":
		return "missing"
	case "dry-run":
		return "dry run, not written"
	}
	return "not written"
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

func quote(s string) string { return strconv.Quote(s) }
