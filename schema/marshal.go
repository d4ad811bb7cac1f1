package schema

import (
	"bytes"
	"encoding/json"
)

// MarshalJSON writes an unset String as null and a set one as {"value", "at"}, so that
// inspect output shows only what a source said.
func (s String) MarshalJSON() ([]byte, error) {
	if !s.Set {
		return []byte("null"), nil
	}
	return marshalNoHTMLEscape(struct {
		Value string `json:"value"`
		Pos   Pos    `json:"at"`
	}{s.Value, s.Pos})
}

// MarshalJSON writes an unset Bool as null and a set one as {"value", "at"}.
func (b Bool) MarshalJSON() ([]byte, error) {
	if !b.Set {
		return []byte("null"), nil
	}
	return marshalNoHTMLEscape(struct {
		Value bool `json:"value"`
		Pos   Pos  `json:"at"`
	}{b.Value, b.Pos})
}

// marshalNoHTMLEscape is json.Marshal without the \u003c-style escaping of <, > and &: the
// output is read by people and tools, not embedded in HTML, and a caller's encoder cannot undo
// escaping a Marshaler already did ("<stdin>" would print as "\u003cstdin\u003e").
func marshalNoHTMLEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads what MarshalJSON writes: null is unset, an object is set.
func (s *String) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*s = String{}
		return nil
	}
	var v struct {
		Value string `json:"value"`
		Pos   Pos    `json:"at"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*s = String{Value: v.Value, Set: true, Pos: v.Pos}
	return nil
}

// UnmarshalJSON reads what MarshalJSON writes: null is unset, an object is set.
func (b *Bool) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*b = Bool{}
		return nil
	}
	var v struct {
		Value bool `json:"value"`
		Pos   Pos  `json:"at"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*b = Bool{Value: v.Value, Set: true, Pos: v.Pos}
	return nil
}
