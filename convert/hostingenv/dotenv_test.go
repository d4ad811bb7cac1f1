package hostingenv

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

func values(m map[string]Entry) map[string]string {
	out := map[string]string{}
	for k, e := range m {
		out[k] = e.Value
	}
	return out
}

func TestParseDotenv(t *testing.T) {
	src := strings.Join([]string{
		"# comment",
		"",
		"export A=plain value   # trailing comment",
		"B = 'single $HOME \\n'",
		`C="double \"q\" \\ \$x \n end"`,
		"D='it'\\''s'",
		"E='multi",
		"line'",
		"F=#not a comment? no: empty",
		"G=a#b",
		"  export   H=\"x\\",
		"y\"",
		"I=",
		"J=\"\\q\"",
		"K='x' # c",
	}, "\r\n")
	got, diags := ParseDotenv("app.env", []byte(src))
	want := map[string]string{
		"A": "plain value", "B": `single $HOME \n`, "C": "double \"q\" \\ $x \n end",
		"D": "it's", "E": "multi\r\nline", "F": "", "G": "a#b", "H": "xy", "I": "", "J": `\q`, "K": "x",
	}
	if diff := cmp.Diff(want, values(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics:\n%s", diagLines(diags))
	}
	if p := got["C"].Pos; !p.Equal(schema.At(schema.Place{File: "app.env", Line: 5, Column: 3})) {
		t.Errorf("C at %+v", p)
	}
	// Byte 8 of C's value ("q") comes from line 5, column 12 of the file (after `\"`).
	if p := got["C"].PosAt(8); p.Line() != 5 || p.Column() != 13 {
		t.Errorf("C[8] at %+v, want 5:13", p)
	}
	if p := got["E"].PosAt(len("multi\r\nl")); p.Line() != 8 || p.Column() != 2 {
		t.Errorf("E's second line at %+v, want 8:2", p)
	}
}

func TestParseDotenvDiagnostics(t *testing.T) {
	src := "A=1\n1BAD=x\nB x\nA=2\nC='open\nD=\"$HOME\"\nE=ok 'trailing' junk\n"
	got, diags := ParseDotenv("bad.env", []byte(src))
	wantDiags := `bad.env:2:1: error: expected a variable name (letters, digits and _, not starting with a digit) followed by =; fix or remove the line [dotenv/syntax]
bad.env:3:3: error: expected = after "B"; write B=value [dotenv/syntax]
bad.env:4:1: warning: A is set again (first at line 1); the last value wins: remove one [dotenv/duplicate]
bad.env:7:15: error: the single quote that starts here is never closed; add the closing ' (a single quote inside a single-quoted value is written '\'') [dotenv/syntax]
`
	if diff := cmp.Diff(wantDiags, diagLines(diags)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got["A"].Value != "2" {
		t.Errorf("A = %q, want the last value", got["A"].Value)
	}
	// As in a shell, C's quote closes inside line 7 and the one after "trailing" never does.
	if _, ok := got["D"]; ok {
		t.Error("D parsed after an unterminated quote")
	}

	_, diags = ParseDotenv("x.env", []byte("D=\"$HOME\"\nE=ok 'trailing' junk\nF=${X}\n"))
	if diff := cmp.Diff([]string{RuleDotenvExpansion, RuleDotenvExpansion}, rules(diags)); diff != "" {
		t.Errorf("(-want +got):\n%s\n%s", diff, diagLines(diags))
	}
	_, diags = ParseDotenv("x.env", []byte("E='ok' junk\n"))
	if diff := cmp.Diff([]string{RuleDotenvSyntax}, rules(diags)); diff != "" {
		t.Errorf("(-want +got):\n%s\n%s", diff, diagLines(diags))
	}
}

func TestDotenvRoundTrip(t *testing.T) {
	vars := hostileVars()
	for _, format := range []string{FormatDotenv, FormatShell} {
		text := writeString(t, vars, format)
		got, diags := ParseDotenv("out."+format, []byte(text))
		if len(diags) != 0 {
			t.Errorf("%s: diagnostics:\n%s", format, diagLines(diags))
		}
		if diff := cmp.Diff(vars.Map(), values(got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s\n%s", format, diff, text)
		}
	}
}

// TestStorageRoundTrip: the emitted variables, parsed back and checked against the project,
// give the same storage (no findings) and the same headless storage object.
func TestStorageRoundTrip(t *testing.T) {
	for name, m := range map[string]*schema.Model{"both": projectBoth(), "bucket": projectBucketOnly(), "tables": projectTablesOnly()} {
		vars, _ := Variables(m, "dev")
		for _, format := range []string{FormatDotenv, FormatShell} {
			parsed, _ := ParseDotenv("vars.env", []byte(writeString(t, vars, format)))
			if ds := Check(m, "dev", parsed, "vars.env"); len(ds) != 0 {
				t.Errorf("%s/%s: Check found:\n%s", name, format, diagLines(ds))
			}
			var back Vars
			for _, n := range knownVars {
				if e, ok := parsed[n]; ok {
					back = append(back, Var{n, e.Value})
				}
			}
			want, _ := Categories(vars)
			got, err := Categories(back)
			if err != nil || got != want {
				t.Errorf("%s/%s: categories %s, want %s (%v)", name, format, got, want, err)
			}
		}
	}
}

func TestFromEnviron(t *testing.T) {
	env := FromEnviron([]string{"A=1", "B=x=y", "A=2", "NOEQ", "=bad", "C=line1\nline2"})
	if diff := cmp.Diff(map[string]string{"A": "1", "B": "x=y", "C": "line1\nline2"}, values(env)); diff != "" {
		t.Error(diff)
	}
	if p := env["C"].PosAt(8); !p.Equal(schema.At(schema.Place{File: "$C", Line: 2, Column: 3})) {
		t.Errorf("C[8] at %+v", p)
	}
}
