package hostingenv

import (
	"os/exec"
	"strings"
	"testing"
)

// unquoteShellWord reads a word made only of single-quoted pieces and \' escapes — the
// grammar ShellQuote must produce — and reports whether s is exactly that.
func unquoteShellWord(s string) (string, bool) {
	var b strings.Builder
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, `\'`):
			b.WriteByte('\'')
			s = s[2:]
		case s[0] == '\'':
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return "", false
			}
			b.WriteString(s[1 : 1+end])
			s = s[2+end:]
		default:
			return "", false // anything unquoted could be special to the shell
		}
	}
	return b.String(), true
}

func FuzzShellQuote(f *testing.F) {
	for _, v := range hostileVars() {
		f.Add(v.Value)
	}
	f.Add("'")
	f.Add("''\\'")
	_, shErr := exec.LookPath("sh")
	f.Fuzz(func(t *testing.T, value string) {
		q := ShellQuote(value)
		got, ok := unquoteShellWord(q)
		if !ok || got != value {
			t.Fatalf("ShellQuote(%q) = %s, which reads back as %q (grammar ok: %v)", value, q, got, ok)
		}
		// A real shell for a small share of inputs (sh cannot hold NUL bytes).
		if shErr == nil && len(value)%16 == 0 && len(value) < 4096 && !strings.ContainsRune(value, 0) {
			out, err := exec.Command("sh", "-c", `eval "V=$1"; printf '%s' "$V"`, "sh", q).Output()
			if err != nil || string(out) != value {
				t.Fatalf("sh eval of %s gave %q (%v), want %q", q, out, err, value)
			}
		}
		// The dotenv parser reads the shell output back too.
		if strings.ContainsRune(value, 0) {
			return
		}
		parsed, diags := ParseDotenv("f", []byte("export V="+q+"\n"))
		if len(diags) != 0 || parsed["V"].Value != value {
			t.Fatalf("ParseDotenv(export V=%s) = %q, %v", q, parsed["V"].Value, diags)
		}
	})
}

func FuzzParseDotenv(f *testing.F) {
	f.Add([]byte("A=1\nexport B='x'\\''y'\nC=\"a\\nb\" # c\n"), "v")
	f.Add([]byte("D='multi\nline'\r\nE=${X}\n#x\n1=2\nF\n"), "it's")
	f.Add([]byte("G=\"unterminated\n"), "\"$(x)`y`\\\n\r")
	f.Fuzz(func(t *testing.T, data []byte, value string) {
		// Any input: no panic, and every position lies inside the file.
		entries, diags := ParseDotenv("f.env", data)
		lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 1
		for _, d := range diags {
			if d.Line < 1 || d.Line > lines || d.Column < 1 {
				t.Fatalf("diagnostic outside the file: %v", d)
			}
		}
		for name, e := range entries {
			for _, i := range []int{0, len(e.Value) / 2, len(e.Value)} {
				if p := e.PosAt(i); p.Line() < 1 || p.Line() > lines || p.Column() < 1 {
					t.Fatalf("%s[%d] at %+v, outside the file", name, i, p)
				}
			}
		}
		// Write -> parse gives back the value, in both quoting styles.
		if strings.ContainsRune(value, 0) {
			return
		}
		vars := Vars{{"A", value}, {"B", "fixed"}, {"C", value + "'\n"}}
		for _, format := range []string{FormatDotenv, FormatShell} {
			var b strings.Builder
			if err := Write(&b, vars, format); err != nil {
				t.Fatal(err)
			}
			got, diags := ParseDotenv("w", []byte(b.String()))
			for _, v := range vars {
				if got[v.Name].Value != v.Value {
					t.Fatalf("%s: %s = %q, want %q\n%s\n%v", format, v.Name, got[v.Name].Value, v.Value, b.String(), diags)
				}
			}
			for _, d := range diags {
				if d.Rule != RuleDotenvExpansion || format == FormatShell {
					t.Fatalf("%s: unexpected %v", format, d)
				}
			}
		}
	})
}
