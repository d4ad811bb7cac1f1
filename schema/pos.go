package schema

import (
	"encoding/json"
	"strconv"
)

// Place is a resolved position: a file, a 1-based line and column, and the JSON Pointer of the
// value inside the document when the source is JSON (or JSON-shaped, such as a JS object
// literal). Columns count Unicode characters (runes), not bytes. The zero Place names no place.
type Place struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Pointer string `json:"pointer,omitempty"`
}

// Pos is where a value was read (its Place). The zero Pos means "derived, not read from any
// file".
//
// A Pos is two words, because the model of a large document holds hundreds of thousands of
// them: it points at its Place, or, when deferred, at its document's Origin together with the
// byte offset that the Origin resolves only when the Pos is read. Read a Pos with Place (or
// File, Line, Column, Pointer) and compare two with Equal: == is refused at compile time,
// since two Pos of one place may point at different memory.
type Pos struct {
	_   [0]func() // makes Pos (and every struct holding one) incomparable with ==; takes no room
	at  *posTarget
	off int // a deferred Pos's byte offset in its document
}

// posTarget is what a Pos points at: its Place, or an Origin's file and resolver.
type posTarget struct {
	place    Place
	resolver PosResolver // non-nil: the target is an Origin and Pos.off is resolved through it
}

// At returns the Pos of pl (the zero Pos for the zero Place).
func At(pl Place) Pos {
	if pl == (Place{}) {
		return Pos{}
	}
	return Pos{at: &posTarget{place: pl}}
}

// InFile returns the Pos of a whole file: its name, no line.
func InFile(file string) Pos { return At(Place{File: file}) }

// PosResolver works out the line, column and JSON Pointer of a byte offset of one document.
type PosResolver interface {
	// ResolveOffset returns the Place of offset off; its File is ignored (the Origin's wins).
	ResolveOffset(off int) Place
}

// Origin is a document whose positions are deferred: Pos records a byte offset and nothing
// else, and the line, column and pointer are worked out by the document's PosResolver only if
// the Pos is read (in practice: when a finding is reported there). Reading a large document
// this way makes its ~200,000 positions cost two words each and no work.
type Origin struct{ t *posTarget }

// NewOrigin returns the Origin of file, whose offsets r resolves.
func NewOrigin(file string, r PosResolver) Origin {
	return Origin{t: &posTarget{place: Place{File: file}, resolver: r}}
}

// Pos returns the deferred position of byte offset off of the document.
func (o Origin) Pos(off int) Pos { return Pos{at: o.t, off: off} }

// Place resolves p (the zero Place for the zero Pos).
func (p Pos) Place() Place {
	switch {
	case p.at == nil:
		return Place{}
	case p.at.resolver == nil:
		return p.at.place
	}
	pl := p.at.resolver.ResolveOffset(p.off)
	pl.File = p.at.place.File
	return pl
}

// File returns the file of p ("" when derived). It resolves nothing.
func (p Pos) File() string {
	if p.at == nil {
		return ""
	}
	return p.at.place.File
}

// Line returns the 1-based line of p (0 when unknown). A caller that reads more than one of
// Line, Column and Pointer of a deferred Pos should call Place once instead.
func (p Pos) Line() int { return p.Place().Line }

// Column returns the 1-based column of p, in runes (0 when unknown).
func (p Pos) Column() int { return p.Place().Column }

// Pointer returns the JSON Pointer of the value at p ("" when unknown or the whole document).
func (p Pos) Pointer() string { return p.Place().Pointer }

// Deferred reports whether p is resolved only when read (see Origin).
func (p Pos) Deferred() bool { return p.at != nil && p.at.resolver != nil }

// Resolved returns p resolved once, so that reading it again does no work (p itself unless
// deferred).
func (p Pos) Resolved() Pos {
	if !p.Deferred() {
		return p
	}
	return At(p.Place())
}

// WithFile returns p with its file replaced (resolved).
func (p Pos) WithFile(file string) Pos {
	pl := p.Place()
	pl.File = file
	return At(pl)
}

// WithPointer returns p with its JSON Pointer replaced (resolved).
func (p Pos) WithPointer(pointer string) Pos {
	pl := p.Place()
	pl.Pointer = pointer
	return At(pl)
}

// Equal reports whether p and q name the same place.
func (p Pos) Equal(q Pos) bool {
	if p.at == q.at && p.off == q.off {
		return true
	}
	return p.Place() == q.Place()
}

// IsZero reports whether p names no place (a derived or defaulted value): no file and no line.
func (p Pos) IsZero() bool {
	return p.at == nil || (p.at.resolver == nil && p.at.place.File == "" && p.at.place.Line == 0)
}

// String formats p for messages: "file:line:col", the file alone when p has no line, and
// "(derived)" for a value no file holds.
func (p Pos) String() string {
	pl := p.Place()
	switch {
	case pl.File == "":
		return "(derived)"
	case pl.Line == 0:
		return pl.File
	}
	return pl.File + ":" + strconv.Itoa(pl.Line) + ":" + strconv.Itoa(max(pl.Column, 1))
}

// MarshalJSON writes p's Place: {"file", "line", "column", "pointer"}, each omitted when empty.
func (p Pos) MarshalJSON() ([]byte, error) { return marshalNoHTMLEscape(p.Place()) }

// UnmarshalJSON reads what MarshalJSON writes.
func (p *Pos) UnmarshalJSON(data []byte) error {
	var pl Place
	if err := json.Unmarshal(data, &pl); err != nil {
		return err
	}
	*p = At(pl)
	return nil
}
