package validate

import (
	"math/big"
	"sync"
)

// exactNumber is a number bound of a fast form (minimum, maximum): the schema's JSON text,
// checked when the form is compiled and made exact (a big.Rat, as jsonschema/v5 compares
// numbers) when first compared. Its zero state is plain data (the generated forms hold them
// as such). Safe for concurrent use.
type exactNumber struct {
	text  string
	once  sync.Once
	exact *big.Rat // set by once
}

// rat returns the number's exact value. The caller must not change it.
func (n *exactNumber) rat() *big.Rat {
	n.once.Do(n.parse)
	return n.exact
}

// parse makes the number exact; compileFast checked that the text is a number.
func (n *exactNumber) parse() { n.exact, _ = new(big.Rat).SetString(n.text) }
