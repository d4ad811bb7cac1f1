package hostingenv

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
)

// The output formats of Write.
const (
	FormatShell      = "shell"
	FormatDotenv     = "dotenv"
	FormatJSON       = "json"
	FormatGitHub     = "github"
	FormatAmplifyCLI = "amplify-cli"
)

// Formats returns the names Write accepts, sorted.
func Formats() []string {
	return []string{FormatAmplifyCLI, FormatDotenv, FormatGitHub, FormatJSON, FormatShell}
}

// UnknownFormatError is returned by Write for a format it does not know.
type UnknownFormatError struct{ Format string }

// Error lists the valid formats.
func (e *UnknownFormatError) Error() string {
	return fmt.Sprintf("unknown format %q (valid: %s)", e.Format, strings.Join(Formats(), ", "))
}

// varName is what every writer accepts as a variable name (a portable shell name).
// It is compiled on first use, not at package init, so that commands that never write variables
// (version, validate) do not pay for it.
var varName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`) })

// Write writes v to w in format ("" means shell):
//   - shell: `export NAME='value'` lines, safe to eval whatever the value holds;
//   - dotenv: `NAME='value'` lines (double-quoted with \n, \", \\, \$ escapes when the value
//     holds a single quote or a line break);
//   - json: one object from name to value (`{}` when v is empty);
//   - github: lines for $GITHUB_ENV, `NAME=value`, or `NAME<<DELIM` heredocs for values with
//     line breaks;
//   - amplify-cli: the headless --categories JSON the Hosting build makes of the variables.
//
// An unknown format gives an *UnknownFormatError listing the valid ones.
func Write(w io.Writer, v Vars, format string) error {
	if format == "" {
		format = FormatShell
	}
	var write func(*bufio.Writer, Vars) error
	switch format {
	case FormatShell:
		write = writeShell
	case FormatDotenv:
		write = writeDotenv
	case FormatJSON:
		write = writeJSON
	case FormatGitHub:
		write = writeGitHub
	case FormatAmplifyCLI:
		write = writeAmplifyCLI
	default:
		return &UnknownFormatError{Format: format}
	}
	if format != FormatJSON && format != FormatAmplifyCLI {
		for _, x := range v {
			if !varName().MatchString(x.Name) {
				return fmt.Errorf("variable name %q is not a valid environment variable name ([A-Za-z_][A-Za-z0-9_]*)", x.Name)
			}
			if strings.IndexByte(x.Value, 0) >= 0 {
				return fmt.Errorf("variable %s holds a NUL byte, which no environment variable can hold", x.Name)
			}
		}
	}
	bw := bufio.NewWriter(w)
	if err := write(bw, v); err != nil {
		return err
	}
	return bw.Flush()
}

func writeShell(w *bufio.Writer, v Vars) error {
	for _, x := range v {
		fmt.Fprintf(w, "export %s=%s\n", x.Name, ShellQuote(x.Value))
	}
	return nil
}

func writeDotenv(w *bufio.Writer, v Vars) error {
	for _, x := range v {
		fmt.Fprintf(w, "%s=%s\n", x.Name, DotenvQuote(x.Value))
	}
	return nil
}

// DotenvQuote quotes a value for a dotenv file: in single quotes (taken literally by dotenv
// tools and shells alike) unless it holds a single quote or a line break, then in double
// quotes with the escapes dotenv tools understand: \\ \" \n \r \$ and \`.
func DotenvQuote(s string) string {
	if !strings.ContainsAny(s, "'\n\r") {
		return "'" + s + "'"
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '"', '$', '`':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func writeJSON(w *bufio.Writer, v Vars) error {
	if len(v) == 0 {
		_, err := w.WriteString("{}\n")
		return err
	}
	w.WriteString("{\n")
	for i, x := range v {
		fmt.Fprintf(w, "  %s: %s", jsonString(x.Name), jsonString(x.Value))
		if i < len(v)-1 {
			w.WriteByte(',')
		}
		w.WriteByte('\n')
	}
	_, err := w.WriteString("}\n")
	return err
}

// jsonString encodes s as a JSON string without HTML escaping.
func jsonString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

func writeAmplifyCLI(w *bufio.Writer, v Vars) error {
	cats, err := Categories(v)
	if err != nil {
		return err
	}
	w.WriteString(cats)
	return w.WriteByte('\n')
}

// Categories returns the headless `--categories` JSON the Hosting build composes from the
// variables: {"storage":{"bucketName":..,"region":..,"tables":{..}}}, leaving out the members
// whose variable is absent or empty, and `{}` when none is set. AMPLIFY_STORAGE_TABLES must
// hold a JSON object of strings.
func Categories(v Vars) (string, error) {
	m := v.Map()
	var members []string
	if s := m[BucketNameVar]; s != "" {
		members = append(members, `"bucketName":`+jsonString(s))
	}
	if s := m[RegionVar]; s != "" {
		members = append(members, `"region":`+jsonString(s))
	}
	if s := m[TablesVar]; s != "" {
		var tables map[string]string
		if err := json.Unmarshal([]byte(s), &tables); err != nil || tables == nil {
			return "", fmt.Errorf("%s is not a JSON object of table names: %q", TablesVar, s)
		}
		members = append(members, `"tables":`+marshalTables(tables))
	}
	if len(members) == 0 {
		return "{}", nil
	}
	return `{"storage":{` + strings.Join(members, ",") + `}}`, nil
}
