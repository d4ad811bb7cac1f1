package hostingenv

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func writeString(t *testing.T, v Vars, format string) string {
	t.Helper()
	var b strings.Builder
	if err := Write(&b, v, format); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return b.String()
}

func TestWriteGolden(t *testing.T) {
	models := map[string]func() Vars{
		"both":        func() Vars { v, _ := Variables(projectBoth(), "dev"); return v },
		"bucket-only": func() Vars { v, _ := Variables(projectBucketOnly(), "dev"); return v },
		"tables-only": func() Vars { v, _ := Variables(projectTablesOnly(), "dev"); return v },
		"none":        func() Vars { v, _ := Variables(projectManagedOnly(), "dev"); return v },
	}
	for name, vars := range models {
		for _, format := range Formats() {
			t.Run(name+"/"+format, func(t *testing.T) {
				golden(t, "golden/"+name+"."+format, writeString(t, vars(), format))
			})
		}
	}
}

func TestWriteDefaultIsShell(t *testing.T) {
	v := Vars{{RegionVar, "us-east-1"}}
	if got, want := writeString(t, v, ""), writeString(t, v, FormatShell); got != want {
		t.Errorf("default format wrote %q, shell %q", got, want)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	err := Write(&strings.Builder{}, nil, "yaml")
	var uf *UnknownFormatError
	if !errors.As(err, &uf) {
		t.Fatalf("err = %v, want *UnknownFormatError", err)
	}
	want := `unknown format "yaml" (valid: amplify-cli, dotenv, github, json, shell)`
	if err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
}

func TestWriteRejectsUnrepresentable(t *testing.T) {
	for _, v := range []Vars{{{"BAD NAME", "x"}}, {{"A", "x\x00y"}}, {{"1A", "x"}}} {
		if err := Write(&strings.Builder{}, v, FormatShell); err == nil {
			t.Errorf("Write(%q) succeeded", v)
		}
	}
	if err := Write(&strings.Builder{}, Vars{{"A", "x\n\r"}}, FormatGitHub); err == nil {
		t.Error("github: a value ending in CR cannot round-trip but was written")
	}
}

func TestWriteJSONIsOneObject(t *testing.T) {
	v := hostileVars()
	var got map[string]string
	if err := json.Unmarshal([]byte(writeString(t, v, FormatJSON)), &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(v.Map(), got); diff != "" {
		t.Error(diff)
	}
	if s := writeString(t, nil, FormatJSON); s != "{}\n" {
		t.Errorf("empty json = %q", s)
	}
}

func TestCategories(t *testing.T) {
	v, _ := Variables(projectBoth(), "dev")
	got, err := Categories(v)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"storage":{"bucketName":"my-app-userfiles","region":"us-east-1","tables":{"comments":"Comments-dev","posts":"Posts-dev"}}}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// What the Hosting build does with it: amplify-cli parses --categories as JSON.
	var parsed struct {
		Storage struct {
			BucketName string            `json:"bucketName"`
			Region     string            `json:"region"`
			Tables     map[string]string `json:"tables"`
		} `json:"storage"`
	}
	if err := json.Unmarshal([]byte(got), &parsed); err != nil {
		t.Fatal(err)
	}
	if parsed.Storage.Tables["posts"] != "Posts-dev" || parsed.Storage.BucketName != "my-app-userfiles" {
		t.Errorf("parsed %+v", parsed)
	}
	if _, err := Categories(Vars{{TablesVar, "[1]"}}); err == nil {
		t.Error("a tables value that is not an object was accepted")
	}
}

// hostileVars are values that break naive quoting.
func hostileVars() Vars {
	return Vars{
		{"V_SQUOTE", `it's 'quoted' ''`},
		{"V_DQUOTE", `say "hi" \"there\"`},
		{"V_SUBST", `$(touch PWNED) ; touch PWNED`},
		{"V_BACKTICK", "`touch PWNED`"},
		{"V_NEWLINES", "line1\nline2\n\nexport EVIL=1\n"},
		{"V_CRLF", "a\r\nb"},
		{"V_HOME", `$HOME ${HOME} $1 $@ $$`},
		{"V_BACKSLASH", `C:\path\to\n \\ \' \`},
		{"V_UNICODE", "héllo wörld ✓ 日本 \u2028 \t tab"},
		{"V_EMPTY", ""},
		{"V_GLOB", `* ? [a] ~ ! # & | ; < > ( ) { }`},
		{"V_DELIM", githubDelimiterBase + "\n" + githubDelimiterBase + "_1\nEOF"},
		{"V_JSON", `{"posts":"Posts-dev","it's":"x"}`},
	}
}
