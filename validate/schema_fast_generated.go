package validate

import (
	"strconv"
	"strings"
	"sync"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// The embedded schemas' fast forms are generated (schema_fast_gen.go): compileFast's output for
// each, written out by TestGeneratedFastFormsAreCurrent as Go tables of constants that the
// linker lays out, so that a fresh process finds them ready without compiling anything and
// without any work at package init. A test holds the tables to compileFast's output for the
// embedded JSON Schemas; compileFast remains the fallback for a schema without a generated form.

// generatedRoot names one embedded schema with a generated fast form and the index of its root
// in fastGenNodes.
type generatedRoot struct {
	name string
	root schemaIndex
}

// fastFormOf returns the fast form of the embedded schema called name: the generated one when
// there is one (nothing to build) and it was generated from the schemas this binary embeds,
// else the one compileFast builds from the schema's JSON.
func fastFormOf(name string) (*fastForm, error) {
	return fastFormFrom(name, generatedFormsCurrent())
}

// fastFormFrom is fastFormOf, told whether the generated forms are current.
func fastFormFrom(name string, current bool) (*fastForm, error) {
	if f, ok := generatedFastForm(name); ok && current {
		return f, nil
	}
	return compileFast(name)
}

// generatedFormsCurrent reports whether the embedded schemas have the sizes they had when the
// forms were generated. The test TestGeneratedFastFormsAreCurrent is what keeps the forms
// current (CI runs it); this check is a tripwire for a binary built without running it after
// a schema edit, which then builds its forms from the JSON instead of using stale ones. It
// reads no schema text: hashing the 110 KB cost a fresh process about 0.3 ms, as much as
// the generated forms save, while an edit that keeps every file's size is one the test
// catches before it lands.
var generatedFormsCurrent = sync.OnceValue(func() bool { return embeddedSchemaSizes() == fastGenSourceSizes })

// embeddedSchemaSizes lists every embedded schema's name and size in bytes, in name order:
// "NAME=SIZE NAME=SIZE ...".
func embeddedSchemaSizes() string {
	var b strings.Builder
	for _, name := range schema.Names() {
		size := int64(-1)
		if f, ok := schema.File(name); ok {
			if fi, err := f.Stat(); err == nil {
				size = fi.Size()
			}
			f.Close()
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(name)
		b.WriteByte('=')
		b.WriteString(strconv.FormatInt(size, 10))
	}
	return b.String()
}

// generatedFastForm returns the generated fast form of the embedded schema called name, if it
// has one. Every generated form shares the one table fastGenNodes.
func generatedFastForm(name string) (*fastForm, bool) {
	for i := range fastGenRoots {
		if fastGenRoots[i].name == name {
			return &fastForm{nodes: fastGenNodes, root: fastGenRoots[i].root}, true
		}
	}
	return nil, false
}
