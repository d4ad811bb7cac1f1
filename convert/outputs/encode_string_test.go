package outputs

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// checkWriteString fails unless writeString writes exactly what encoding/json (HTML left
// unescaped) writes for s.
func checkWriteString(t *testing.T, s string) {
	t.Helper()
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	writeString(&got, s)
	if got.String() != strings.TrimSuffix(want.String(), "\n") {
		t.Errorf("writeString(%q) = %s, want %s", s, got.String(), want.String())
	}
}

// writeString's shortcut for plain ASCII must write exactly what encoding/json writes, for
// every string.
func TestWriteStringMatchesEncodingJSON(t *testing.T) {
	cases := []string{"", "us-east-1", "public/*", "protected/${cognito-identity.amazonaws.com:sub}/*",
		"a\"b", `a\b`, "tab\there", "nl\n", "\x7f", "\x00", "ü", "\u2028", "<&>", "\xff", "~ !#$%&'()*+,-./:;<=>?@[]^_`{|}"}
	for c := range 128 {
		cases = append(cases, "x"+string(rune(c))+"y")
	}
	for _, s := range cases {
		checkWriteString(t, s)
	}
}

func FuzzWriteString(f *testing.F) {
	f.Add("public/*")
	f.Add("\u2028\"\\")
	f.Fuzz(checkWriteString)
}
