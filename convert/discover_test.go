package convert

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// writeTree creates files (slash paths relative to root) with small JSON contents.
func writeTree(t testing.TB, root string, files ...string) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("{}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// rels returns paths relative to root, slash-separated.
func rels(t *testing.T, root string, paths []string) []string {
	t.Helper()
	var out []string
	for _, p := range paths {
		r, err := filepath.Rel(root, p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

func TestDiscoverFindsSourcesAndPrunes(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root,
		"amplify/team-provider-info.json",
		"amplify/backend/backend-config.json",
		"amplify/backend/amplify-meta.json",
		"amplify/backend/storage/photos/cli-inputs.json",
		"amplify/backend/storage/photos/parameters.json",
		"amplify/backend/api/app/cli-inputs.json",
		"amplify/.config/local-env-info.json",
		"amplify/.config/project-config.json",
		"amplify/#current-cloud-backend/backend-config.json",
		"amplify/#current-cloud-backend/storage/photos/cli-inputs.json",
		"amplify/.temp/aws-exports.js",
		"src/aws-exports.js",
		"web/src/aws-exports.mjs",
		"scripts/aws-exports.cjs",
		"android/app/src/main/res/raw/amplifyconfiguration.json",
		"android/app/src/main/res/raw/awsconfiguration.json",
		"android/app/build/intermediates/amplifyconfiguration.json",
		"lib/amplifyconfiguration.dart",
		"lib/amplify_outputs.dart",
		"amplify_outputs.json",
		"node_modules/pkg/aws-exports.js",
		"packages/web/node_modules/pkg/amplify_outputs.json",
		".git/aws-exports.js",
		"dist/aws-exports.js",
		".next/server/aws-exports.js",
		".amplify/artifacts/amplify_outputs.json",
		"cdk.out/amplify_outputs.json",
		"ios/Pods/amplifyconfiguration.json",
		"coverage/aws-exports.js",
		"src/aws-exports.ts",
		"src/aws-exports.js.bak",
	)
	paths, diags, err := Discover(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"amplify/.config/local-env-info.json",
		"amplify/backend/amplify-meta.json",
		"amplify/backend/backend-config.json",
		"amplify/backend/storage/photos/cli-inputs.json",
		"amplify/team-provider-info.json",
		"amplify_outputs.json",
		"android/app/src/main/res/raw/amplifyconfiguration.json",
		"android/app/src/main/res/raw/awsconfiguration.json",
		"lib/amplify_outputs.dart",
		"lib/amplifyconfiguration.dart",
		"scripts/aws-exports.cjs",
		"src/aws-exports.js",
		"web/src/aws-exports.mjs",
	}
	if got := rels(t, root, paths); !slices.Equal(got, want) {
		t.Errorf("Discover =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags)
	}
}

func TestDiscoverSymlinkLoop(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "src/aws-exports.js", "real/amplifyconfiguration.json")
	// A loop (src/loop -> ..), a link to the root, and a symlinked config file.
	for link, target := range map[string]string{
		"src/loop":                    "..",
		"self":                        ".",
		"linked/amplify_outputs.json": filepath.Join(root, "real", "amplifyconfiguration.json"),
		"dangling/aws-exports.js":     filepath.Join(root, "missing.js"),
		"dirlink/aws-exports.js":      filepath.Join(root, "real"),
	} {
		p := filepath.Join(root, filepath.FromSlash(link))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("symlinks not supported here: %v", err)
		}
	}
	done := make(chan struct{})
	var paths []string
	var diags []validate.Diagnostic
	var err error
	go func() {
		defer close(done)
		paths, diags, err = Discover(root, nil)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Discover did not finish: it followed a symlink loop")
	}
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"linked/amplify_outputs.json", "real/amplifyconfiguration.json", "src/aws-exports.js"}
	if got := rels(t, root, paths); !slices.Equal(got, want) {
		t.Errorf("Discover = %v, want %v", got, want)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Severity.String()+" "+d.Rule+" "+filepath.Base(filepath.Dir(d.File)))
	}
	wantDiags := []string{"warning " + RuleNotRegularFile + " dangling", "warning " + RuleNotRegularFile + " dirlink"}
	if !slices.Equal(got, wantDiags) {
		t.Errorf("diagnostics = %v, want %v", got, wantDiags)
	}
}

func TestDiscoverUnreadableFolder(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "src/aws-exports.js", "secret/amplifyconfiguration.json", "amplify/team-provider-info.json")
	slash := filepath.ToSlash(root)
	fsys := faultFS{failReadDir: map[string]bool{slash + "/secret": true}}
	paths, diags, err := Discover(root, fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := rels(t, root, paths); !slices.Equal(got, []string{"amplify/team-provider-info.json", "src/aws-exports.js"}) {
		t.Errorf("Discover = %v", got)
	}
	if len(diags) != 1 || diags[0].Rule != RuleUnreadableDir || diags[0].Severity != validate.Warning ||
		!strings.Contains(diags[0].Message, filepath.Join(root, "secret")) || !strings.Contains(diags[0].Message, "injected") {
		t.Errorf("diagnostics = %v, want one %s warning naming the folder and the cause", diags, RuleUnreadableDir)
	}
	if _, _, err := Discover(root, faultFS{failReadDir: map[string]bool{slash: true}}); err == nil {
		t.Error("unreadable root: want an error")
	}
	if _, _, err := Discover(filepath.Join(root, "src", "aws-exports.js"), nil); err == nil {
		t.Error("a file as root: want an error")
	}
	if _, _, err := Discover(filepath.Join(root, "nope"), nil); err == nil {
		t.Error("a missing root: want an error")
	}
}

func TestDiscoverNestedProject(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "apps/admin/amplify/team-provider-info.json", "apps/admin/src/aws-exports.js")
	paths, diags, err := Discover(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := rels(t, root, paths); !slices.Equal(got, []string{"apps/admin/src/aws-exports.js"}) {
		t.Errorf("Discover = %v", got)
	}
	if len(diags) != 1 || diags[0].Rule != RuleNestedProject || !strings.Contains(diags[0].Message, filepath.Join(root, "apps", "admin")) {
		t.Errorf("diagnostics = %v", diags)
	}
}

// nodeModulesTree builds (once per process) a project whose node_modules holds n files.
var nodeModulesTree = sync.OnceValues(func() (string, error) {
	const n = 200_000
	root := filepath.Join(os.TempDir(), fmt.Sprintf("amplify-storage-config-bench-nm-%d", n))
	marker := filepath.Join(root, ".complete")
	if _, err := os.Stat(marker); err == nil {
		return root, nil
	}
	if err := os.RemoveAll(root); err != nil {
		return "", err
	}
	for _, d := range []string{"src", "amplify/backend/storage/media"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			return "", err
		}
	}
	for _, f := range []string{"src/aws-exports.js", "amplify/team-provider-info.json", "amplify/backend/storage/media/cli-inputs.json"} {
		if err := os.WriteFile(filepath.Join(root, f), []byte("{}"), 0o644); err != nil {
			return "", err
		}
	}
	for i := 0; i < n; i++ {
		dir := filepath.Join(root, "node_modules", fmt.Sprintf("pkg%04d", i/100))
		if i%100 == 0 {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return "", err
			}
		}
		name := "index.js"
		if i%1000 == 0 {
			name = "aws-exports.js"
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d-%s", i, name)), nil, 0o644); err != nil {
			return "", err
		}
	}
	return root, os.WriteFile(marker, nil, 0o644)
})

// BenchmarkDiscoverNodeModules walks a project next to a 200,000-file node_modules (built
// once under os.TempDir and reused): pruning by name means the dependencies cost nothing.
func BenchmarkDiscoverNodeModules(b *testing.B) {
	root, err := nodeModulesTree()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		paths, _, err := Discover(root, nil)
		if err != nil || len(paths) != 3 {
			b.Fatalf("Discover = %v, %v", paths, err)
		}
	}
}

// TestDiscoverSkipsBuildFolders: the build output of common toolchains holds copies of the
// configs and is never searched; amplify/, src/ and storage resources named like a build
// folder are.
func TestDiscoverSkipsBuildFolders(t *testing.T) {
	root := t.TempDir()
	skipped := []string{
		"out/aws-exports.js", "www/aws-exports.js", ".amplify-hosting/compute/default/aws-exports.js",
		".svelte-kit/output/aws-exports.js", ".nuxt/aws-exports.js", ".output/server/aws-exports.js",
		".vercel/output/aws-exports.js", ".netlify/functions/aws-exports.js", ".expo/web/aws-exports.js",
		".turbo/cache/aws-exports.js", ".cache/aws-exports.js", "android/app/build/generated/amplifyconfiguration.json",
		"ios/build/Debug/amplifyconfiguration.json", "web/out/_next/aws-exports.js", ".yarn/cache/aws-exports.js",
		".docusaurus/aws-exports.js", "storybook-static/aws-exports.js", ".aws-sam/build/aws-exports.js",
	}
	kept := []string{
		"amplify/backend/storage/build/cli-inputs.json",
		"amplify/backend/storage/out/cli-inputs.json",
		"amplify/team-provider-info.json",
		"build/amplify/team-provider-info.json", // under a pruned folder: not read
		"src/aws-exports.js",
		"www/src/aws-exports.js", // under pruned www: not read
	}
	writeTree(t, root, append(slices.Clone(skipped), kept...)...)
	paths, _, err := Discover(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"amplify/backend/storage/build/cli-inputs.json",
		"amplify/backend/storage/out/cli-inputs.json",
		"amplify/team-provider-info.json",
		"src/aws-exports.js",
	}
	if got := rels(t, root, paths); !slices.Equal(got, want) {
		t.Errorf("Discover =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
