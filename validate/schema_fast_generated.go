package validate

import (
	"hash/crc32"
	"io"
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

// generatedFormsCurrent reports whether the generated forms were generated from exactly the
// embedded schemas. A test keeps them current; this check keeps a binary built without
// running it (after a schema edit) from checking documents against stale forms, for about
// 20 µs once per process (BenchmarkEmbeddedSchemasSum).
var generatedFormsCurrent = sync.OnceValue(func() bool { return embeddedSchemasSum() == fastGenSourceSum })

// embeddedSchemasSum is a CRC-32C of every embedded schema's name and text, in name order. The
// texts are streamed, not copied (schema.Source copies; they are about 110 KB).
func embeddedSchemasSum() uint32 {
	h := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	var buf [8 << 10]byte
	for _, name := range schema.Names() {
		h.Write([]byte(name))
		h.Write([]byte{0})
		if f, ok := schema.File(name); ok {
			_, _ = io.CopyBuffer(h, f, buf[:]) // an embedded file reads without error
			f.Close()
		}
		h.Write([]byte{0})
	}
	return h.Sum32()
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
