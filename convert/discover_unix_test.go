//go:build unix

package convert

import (
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// A FIFO named like a config would block a read forever: discovery must skip it.
func TestDiscoverSkipsFIFO(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "src/aws-exports.js")
	if err := syscall.Mkfifo(filepath.Join(root, "amplify_outputs.json"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan *Project, 1)
	go func() {
		p, err := LoadProject(t.Context(), root, ProjectOptions{})
		if err != nil {
			t.Error(err)
		}
		done <- p
	}()
	select {
	case p := <-done:
		if p == nil {
			return
		}
		if got := docFiles(p); !slices.Equal(got, []string{"src/aws-exports.js=aws-exports"}) {
			t.Errorf("sources = %v", got)
		}
		if !slices.Contains(projectRules(p), "warning "+RuleNotRegularFile) {
			t.Errorf("want %s: %v", RuleNotRegularFile, projectRules(p))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("LoadProject blocked on a FIFO")
	}
}
