package hostingenv

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// parseGitHubEnv reads a $GITHUB_ENV file as the Actions runner does (actions/runner
// FileCommandManager, SetEnvFileCommand): lines end at "\n" or "\r\n"; empty lines are
// skipped; NAME=VALUE when "=" comes before any "<<", else NAME<<DELIM and the value is the
// text up to the line break before a line equal to DELIM.
func parseGitHubEnv(text string) (map[string]string, error) {
	out := map[string]string{}
	index := 0
	readLine := func() (line, newline string, ok bool) {
		if index >= len(text) {
			return "", "", false
		}
		rest := text[index:]
		n := strings.IndexByte(rest, '\n')
		if n < 0 {
			index = len(text)
			return rest, "", true
		}
		line, newline = rest[:n], "\n"
		if strings.HasSuffix(line, "\r") {
			line, newline = line[:len(line)-1], "\r\n"
		}
		index += n + 1
		return line, newline, true
	}
	for {
		line, _, ok := readLine()
		if !ok {
			return out, nil
		}
		if line == "" {
			continue
		}
		eq, hd := strings.Index(line, "="), strings.Index(line, "<<")
		switch {
		case eq >= 0 && (hd < 0 || eq < hd):
			key, value, _ := strings.Cut(line, "=")
			if key == "" {
				return nil, fmt.Errorf("empty name in %q", line)
			}
			out[key] = value
		case hd >= 0 && (eq < 0 || hd < eq):
			key, delim, _ := strings.Cut(line, "<<")
			if key == "" || delim == "" {
				return nil, fmt.Errorf("bad heredoc %q", line)
			}
			start, end := index, index
			for {
				l, nl, ok := readLine()
				if !ok {
					return nil, fmt.Errorf("matching delimiter not found %q", delim)
				}
				if l == delim {
					break
				}
				if nl == "" {
					return nil, fmt.Errorf("EOF marker missing new line")
				}
				end = index - len(nl)
			}
			out[key] = ""
			if end > start {
				out[key] = text[start:end]
			}
		default:
			return nil, fmt.Errorf("invalid format %q", line)
		}
	}
}

func TestGitHubRoundTrip(t *testing.T) {
	vars := hostileVars()
	text := writeString(t, vars, FormatGitHub)
	got, err := parseGitHubEnv(text)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if diff := cmp.Diff(vars.Map(), got); diff != "" {
		t.Errorf("(-want +got):\n%s\n%s", diff, text)
	}
	if !strings.Contains(text, "V_DELIM<<"+githubDelimiterBase+"_2\n") {
		t.Errorf("the delimiter did not step past the values' lines:\n%s", text)
	}
	if !strings.Contains(text, "V_SUBST=$(touch PWNED) ; touch PWNED\n") {
		t.Errorf("single-line values should be written as NAME=value:\n%s", text)
	}
}

func TestGitHubDelimiter(t *testing.T) {
	for value, want := range map[string]string{
		"a\nb":                                githubDelimiterBase,
		"a\n" + githubDelimiterBase + "\r\nb": githubDelimiterBase + "_1",
		githubDelimiterBase + "x\nb":          githubDelimiterBase,
	} {
		if got := GitHubDelimiter(value); got != want {
			t.Errorf("GitHubDelimiter(%q) = %q, want %q", value, got, want)
		}
	}
}
