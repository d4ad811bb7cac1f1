package validate

import (
	"fmt"
	"io"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// newRefusingCompilerForTest returns a compiler set up as compileFull sets it up.
func newRefusingCompilerForTest() *jsonschema.Compiler {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.LoadURL = func(url string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("%w: %s", errExternalRef, url)
	}
	return c
}
