package jsconfig

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMain lets the test binary act as the sandbox program ChildProcess starts.
func TestMain(m *testing.M) {
	if os.Getenv(ChildEnv) == "1" {
		os.Exit(ServeChild(InProcessForTest, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// repoRoot is the module root, two levels up from this package.
func repoRoot() string { return filepath.Join("..", "..") }

// fixture reads fixtures/js/name.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(), "fixtures", "js", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
