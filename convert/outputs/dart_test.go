package outputs

import (
	"strings"
	"testing"
)

func TestDart(t *testing.T) {
	got, err := Dart([]byte("{\n  \"p\": \"private/${cognito-identity.amazonaws.com:sub}/*\"\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "const amplifyConfig = r'''{\n  \"p\": \"private/${cognito-identity.amazonaws.com:sub}/*\"\n}''';\n"
	if string(got) != want {
		t.Errorf("Dart = %q, want %q", got, want)
	}
	if _, err := Dart([]byte(`{"x": "a'''b"}`)); err == nil || !strings.Contains(err.Error(), "'''") {
		t.Errorf("Dart accepted ''' (err %v)", err)
	}
	before, json, after, ok := SplitDart(got)
	if !ok || string(before) != "const amplifyConfig = r'''" || !strings.HasPrefix(string(json), "{") || string(after) != "''';\n" {
		t.Errorf("SplitDart = %q %q %q %v", before, json, after, ok)
	}
	for _, bad := range []string{"const amplifyconfig = '''{}''';", "const amplifyConfig = r'''{}", ""} {
		if _, _, _, ok := SplitDart([]byte(bad)); ok {
			t.Errorf("SplitDart(%q) ok", bad)
		}
	}
}
