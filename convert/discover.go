package convert

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Rule IDs for project discovery.
const (
	// RuleUnreadableDir: a folder inside the project could not be listed; it is skipped.
	RuleUnreadableDir = "project/unreadable-dir"
	// RuleNotRegularFile: a source name that is not a regular file (a FIFO, a device, a
	// symlink to a folder); it is not read.
	RuleNotRegularFile = "project/not-regular-file"
	// RuleNestedProject: an amplify/ folder below the root; only the root's is read.
	RuleNestedProject = "project/nested-project"
	// RuleTooManyFiles: the walk stopped after MaxDiscoverEntries entries.
	RuleTooManyFiles = "project/too-many-files"
)

// MaxDiscoverEntries bounds how many directory entries one discovery looks at, so that a
// hostile or gigantic tree cannot keep the tool walking for minutes.
const MaxDiscoverEntries = 1_000_000

// WalkFS is the file system seam for discovery and project loading: the OS in production
// (OSFS), a fault-injecting fake in tests (these machines run as root, where permissions never
// fail). Names are OS paths as given to Discover.
type WalkFS interface {
	// ReadDir lists a directory without following symlinks in it (entries of type
	// fs.ModeSymlink are reported as such).
	ReadDir(name string) ([]fs.DirEntry, error)
	// Stat describes a file, following symlinks.
	Stat(name string) (fs.FileInfo, error)
	// ReadFile returns a file's contents.
	ReadFile(name string) ([]byte, error)
}

// OSFS is WalkFS on the operating system's files.
type OSFS struct{}

// ReadDir calls os.ReadDir.
func (OSFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }

// Stat calls os.Stat.
func (OSFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

// ReadFile calls os.ReadFile.
func (OSFS) ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// skippedDirs are folders never descended into, wherever they are (except the places
// keptDir protects): dependencies and package caches, VCS data, the Amplify CLI's cloud
// snapshot, and the output of the web, mobile and infrastructure toolchains. Each build folder
// holds copies of the configs (a stale bundle must not decide what migrate writes):
//
//   - dependencies and caches: node_modules, .pnpm-store, .yarn, bower_components, .dart_tool,
//     .pub-cache, .gradle, Pods, __pycache__, .venv, .cache, .parcel-cache, .turbo, .nx;
//   - VCS and editors: .git, .hg, .svn, .idea;
//   - Amplify: #current-cloud-backend (the deployed snapshot), .amplify and .amplify-hosting
//     (Gen 2 sandbox and Hosting deployment bundles), cdk.out;
//   - web builds: build, dist, out (Next.js export), www (Ionic/Cordova), .next, .nuxt,
//     .output (Nuxt/Nitro), .svelte-kit, .vercel, .netlify, .docusaurus, storybook-static,
//     public/build (Remix), coverage;
//   - mobile builds: .expo, .expo-shared, DerivedData, and through "build" android/app/build,
//     ios/build and Flutter's build/;
//   - other deployment tools: .terraform, .serverless, .aws-sam.
var skippedDirs = map[string]bool{
	"node_modules": true, ".pnpm-store": true, ".yarn": true, "bower_components": true,
	".dart_tool": true, ".pub-cache": true, ".gradle": true, "Pods": true, "__pycache__": true,
	".venv": true, ".cache": true, ".parcel-cache": true, ".turbo": true, ".nx": true,
	".git": true, ".hg": true, ".svn": true, ".idea": true,
	"#current-cloud-backend": true, ".amplify": true, ".amplify-hosting": true, "cdk.out": true,
	"build": true, "dist": true, "out": true, "www": true, ".next": true, ".nuxt": true, ".output": true,
	".svelte-kit": true, ".vercel": true, ".netlify": true, ".docusaurus": true, "storybook-static": true,
	"coverage": true, ".expo": true, ".expo-shared": true, "DerivedData": true,
	".terraform": true, ".serverless": true, ".aws-sam": true,
}

// keptDir reports whether the folder rel is searched even though its name is in skippedDirs:
// the project's amplify/ and src/ folders and their Gen 1 parts are never skipped (a storage
// resource may be named "build" or "out": amplify/backend/storage/build/cli-inputs.json).
func keptDir(rel string) bool {
	switch base := path.Base(rel); {
	case base == "amplify" || base == "src":
		return true
	case rel == "amplify/backend" || rel == "amplify/backend/storage":
		return true
	case path.Dir(rel) == "amplify/backend/storage":
		return true
	}
	return false
}

// frontendConfigNames are the frontend configuration files read wherever they are.
var frontendConfigNames = map[string]bool{
	"aws-exports.js": true, "aws-exports.mjs": true, "aws-exports.cjs": true,
	"amplifyconfiguration.json": true, "amplifyconfiguration.dart": true, "awsconfiguration.json": true,
	"amplify_outputs.json": true, "amplify_outputs.dart": true,
}

// backendSources are the Gen 1 backend files, relative to the project root (slash-separated).
var backendSources = map[string]bool{
	"amplify/team-provider-info.json":     true,
	"amplify/backend/backend-config.json": true,
	"amplify/backend/amplify-meta.json":   true,
	"amplify/.config/local-env-info.json": true,
}

// isSourcePath reports whether rel (slash-separated, relative to the project root) is a file
// Discover returns.
func isSourcePath(rel string) bool {
	if backendSources[rel] || frontendConfigNames[path.Base(rel)] {
		return true
	}
	parts := strings.Split(rel, "/")
	return len(parts) == 5 && parts[0] == "amplify" && parts[1] == "backend" && parts[2] == "storage" &&
		parts[4] == "cli-inputs.json"
}

// skipDir reports whether the folder rel (slash-separated, relative to the root) is pruned.
func skipDir(rel string) bool {
	if keptDir(rel) {
		return false
	}
	if skippedDirs[path.Base(rel)] {
		return true
	}
	return rel == "amplify/.temp" || strings.HasSuffix(rel, "/amplify/.temp")
}

// Discover finds the storage sources of the project at root: the Gen 1 backend files under
// root/amplify (team-provider-info.json, backend/backend-config.json,
// backend/storage/*/cli-inputs.json, backend/amplify-meta.json, .config/local-env-info.json)
// and the frontend configs anywhere (aws-exports.js/.mjs/.cjs, amplifyconfiguration.json/.dart,
// awsconfiguration.json, amplify_outputs.json/.dart). It returns their paths (root joined with
// the relative path) sorted by relative path. nil fsys means OSFS.
//
// It never descends into node_modules, VCS folders, amplify/#current-cloud-backend,
// amplify/.temp or build output (pruned by name, before listing them), and never follows a
// symlinked folder, so symlink loops cannot occur. A folder inside the project that cannot be
// listed is skipped with a warning (RuleUnreadableDir) naming it: the rest of the project can
// still be read. The error is only for a root that cannot be listed or is not a folder.
func Discover(root string, fsys WalkFS) ([]string, []validate.Diagnostic, error) {
	if fsys == nil {
		fsys = OSFS{}
	}
	info, err := fsys.Stat(root)
	if err != nil {
		return nil, nil, err
	}
	if !info.IsDir() {
		return nil, nil, fmt.Errorf("%s: not a folder", root)
	}
	w := walker{root: root, fsys: fsys}
	if err := w.walk(""); err != nil {
		return nil, nil, err
	}
	slices.Sort(w.rels)
	paths := make([]string, len(w.rels))
	for i, rel := range w.rels {
		paths[i] = filepath.Join(root, filepath.FromSlash(rel))
	}
	return paths, validate.Sort(w.diags), nil
}

// walker is one discovery's state.
type walker struct {
	root    string
	fsys    WalkFS
	rels    []string
	diags   []validate.Diagnostic
	entries int
	stopped bool
}

var errRootUnreadable = errors.New("cannot list the project folder")

func (w *walker) osPath(rel string) string {
	if rel == "" {
		return w.root
	}
	return filepath.Join(w.root, filepath.FromSlash(rel))
}

func (w *walker) warn(rel, rule, format string, args ...any) {
	w.diags = append(w.diags, validate.Diagnostic{File: w.osPath(rel), Severity: validate.Warning,
		Rule: rule, Message: sprintf(format, args...)})
}

// walk lists the folder rel ("" is the root) and descends into its subfolders.
func (w *walker) walk(rel string) error {
	entries, err := w.fsys.ReadDir(w.osPath(rel))
	if err != nil {
		if rel == "" {
			return fmt.Errorf("%w %s: %v", errRootUnreadable, w.root, err)
		}
		w.warn(rel, RuleUnreadableDir, "cannot list folder %s (%v); its files are not read", w.osPath(rel), unwrapPathError(err))
		return nil
	}
	for _, e := range entries {
		if w.stopped {
			return nil
		}
		w.entries++
		if w.entries > MaxDiscoverEntries {
			w.stopped = true
			w.warn("", RuleTooManyFiles, "stopped looking for configuration files after %d entries; point the tool at the project folder itself", MaxDiscoverEntries)
			return nil
		}
		child := e.Name()
		if rel != "" {
			child = rel + "/" + e.Name()
		}
		switch t := e.Type(); {
		case t.IsDir():
			if !skipDir(child) {
				if err := w.walk(child); err != nil {
					return err
				}
			}
		case t&fs.ModeSymlink != 0:
			// Symlinked folders are never followed; a symlinked source file is read.
			if isSourcePath(child) {
				w.addFile(child, t)
			}
		default:
			w.noteNested(child)
			if isSourcePath(child) {
				w.addFile(child, t)
			}
		}
	}
	return nil
}

// addFile records a source of type t (from the folder listing), unless it is not a regular
// file (a FIFO would block the read forever; a device or folder is not a config): then it
// warns instead. A symlink is resolved with Stat.
func (w *walker) addFile(rel string, t fs.FileMode) {
	if t&fs.ModeSymlink != 0 {
		info, err := w.fsys.Stat(w.osPath(rel))
		if err != nil {
			w.warn(rel, RuleNotRegularFile, "cannot read %s (%v); it is skipped", w.osPath(rel), unwrapPathError(err))
			return
		}
		t = info.Mode().Type()
	}
	if !t.IsRegular() {
		w.warn(rel, RuleNotRegularFile, "%s is not a regular file (%s); it is skipped", w.osPath(rel), t)
		return
	}
	w.rels = append(w.rels, rel)
}

// noteNested reports a Gen 1 project below the root (X/amplify/team-provider-info.json).
func (w *walker) noteNested(rel string) {
	if strings.HasSuffix(rel, "/amplify/team-provider-info.json") {
		dir := strings.TrimSuffix(rel, "/amplify/team-provider-info.json")
		w.diags = append(w.diags, validate.Diagnostic{File: w.osPath(rel), Severity: validate.Info,
			Rule: RuleNestedProject, Message: sprintf("a Gen 1 project is nested in %s; only the root's amplify/ folder is read: point the tool at %s to convert that one",
				w.osPath(dir), w.osPath(dir))})
	}
}

// unwrapPathError drops the path from an *fs.PathError (the message names it already).
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
