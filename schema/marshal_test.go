package schema

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestStringMarshalsReadably(t *testing.T) {
	// What inspect does: an encoder that does not escape HTML must print "<stdin>" as it is.
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Str("a&b", At(Place{File: "<stdin>", Line: 2, Column: 3}))); err != nil {
		t.Fatal(err)
	}
	got := strings.TrimSpace(buf.String())
	if want := `{"value":"a&b","at":{"file":"<stdin>","line":2,"column":3}}`; string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
	var back String
	if err := json.Unmarshal([]byte(got), &back); err != nil || !back.Equal(Str("a&b", At(Place{File: "<stdin>", Line: 2, Column: 3}))) {
		t.Errorf("round trip: %+v, %v", back, err)
	}
	if got := mustMarshal(t, String{}); string(got) != "null" {
		t.Errorf("unset String marshals as %s, want null", got)
	}
	if !strings.Contains(string(mustMarshal(t, Bool{Value: true, Set: true})), `"value":true`) {
		t.Error("set Bool lost its value")
	}
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
