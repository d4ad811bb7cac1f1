package validate

import "github.com/seed-258d3fb3/amplify-storage-config/schema"

// Locator turns a JSON Pointer into a document's value into a position in its source file.
// JSONFile implements it for JSON; the JavaScript reader implements it from goja's AST.
type Locator interface {
	PosOf(pointer string) schema.Pos
}
