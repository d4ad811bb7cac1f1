package validate

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
// there is one (nothing to build), else the one compileFast builds from the schema's JSON.
func fastFormOf(name string) (*fastForm, error) {
	if f, ok := generatedFastForm(name); ok {
		return f, nil
	}
	return compileFast(name)
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
